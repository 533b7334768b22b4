import assert from 'node:assert/strict';
import { createBotAdapter } from '../../bot/botframework/bot-adapter';
import { ProactiveMessenger } from '../../bot/botframework/proactive-messenger';
import { silentLogger } from '../../core/ports/logger';
import { DeliveryError } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, carol } from '../support/builders';
import { startFakeConnector, teamsUserIdOf, type FakeConnector } from '../support/fake-connector';

const TENANT = 'tenant-1';

describe('ProactiveMessenger over HTTP (local connector)', () => {
  let connector: FakeConnector;
  let store: PlanStore;
  let messenger: ProactiveMessenger;

  beforeEach(async () => {
    connector = await startFakeConnector();
    store = SqlitePlanStore.open(':memory:');
    // One chat we already hold tells the messenger Teams' service URL and the bot's id.
    await store.saveConversation({
      aadObjectId: alice.aadObjectId,
      tenantId: TENANT,
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'a:alice', conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' }, user: { id: '29:alice' } },
      updatedAt: '2026-11-22T09:00:00Z',
    });
    messenger = new ProactiveMessenger(createBotAdapter({ bot: { appId: '', appPassword: '', appType: 'SingleTenant', tenantId: TENANT, serviceUrl: connector.url, openChats: true } }, silentLogger), '', store, {
      tenantId: TENANT,
      serviceUrl: 'https://unused.example/',
      openChats: true,
    });
  });
  afterEach(async () => {
    await store.close();
    await connector.close();
  });

  it('sends a card to a stored chat and classifies a missing one as no-conversation', async () => {
    const { activityId } = await messenger.sendCard(alice, { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 's' });
    assert.ok(activityId);
    assert.equal(connector.posts[0]?.conversationId, 'a:alice');
    await assert.rejects(messenger.sendCard(bob, { card: {}, summary: 's' }), (err: unknown) => err instanceof DeliveryError && err.kind === 'no-conversation');
  });

  it('opens the 1:1 chat with someone who has the app but no stored chat, by their Entra id', async () => {
    const opened = await messenger.openConversation!(bob);
    assert.equal(connector.created.length, 1);
    const params = connector.created[0] as { members: { id: string }[]; bot: { id: string }; tenantId: string };
    assert.deepEqual(params.members.map((m) => m.id), [bob.aadObjectId]);
    assert.equal(params.bot.id, '28:bot');
    assert.equal(params.tenantId, TENANT);
    assert.equal((opened.reference.conversation as { id: string }).id, `a:opened-${bob.aadObjectId}`);
    assert.equal(opened.reference.serviceUrl, connector.url);
  });

  it("keeps the person's Teams user id (29:…) from the chat's member, never their Entra id, in the reference", async () => {
    const opened = await messenger.openConversation!(bob);
    assert.equal(opened.teamsUserId, teamsUserIdOf(bob.aadObjectId));
    assert.deepEqual(opened.reference.user, { id: teamsUserIdOf(bob.aadObjectId), aadObjectId: bob.aadObjectId, name: bob.displayName });
    // A failed lookup still opens the chat; the id then comes from their next activity.
    connector.unknownMembers.add(carol.aadObjectId);
    const unknown = await messenger.openConversation!(carol);
    assert.equal(unknown.teamsUserId, undefined);
    assert.deepEqual(unknown.reference.user, { aadObjectId: carol.aadObjectId, name: carol.displayName });
  });

  it('does not open chats when turned off (the local playground hosts one user)', () => {
    const off = new ProactiveMessenger(createBotAdapter({ bot: { appId: '', appPassword: '', appType: 'SingleTenant', tenantId: TENANT, serviceUrl: connector.url, openChats: false } }, silentLogger), '', store, {
      serviceUrl: connector.url,
      openChats: false,
    });
    assert.equal(off.openConversation, undefined);
  });

  it('reports someone without the app as blocked (403), a permanent failure', async () => {
    connector.notInstalled.add(carol.aadObjectId);
    await assert.rejects(messenger.openConversation!(carol), (err: unknown) => err instanceof DeliveryError && err.kind === 'blocked' && err.permanent);
  });
});
