import assert from 'node:assert/strict';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator';
import { emulatorApi } from '../support/sharepoint-over-emulator';

/** A site provisioned by an older release lacks the columns a newer one writes: the store says so at start. */
describe('SharePoint store: columns a release added', () => {
  let graph: GraphEmulator;
  afterEach(async () => graph?.close());

  it('refuses to start while a list lacks a column, naming it; starts once provisioning has added it', async () => {
    graph = await startGraphEmulator();
    const api = emulatorApi(graph);
    // An older release's site: every list, but Bot Conversations without its TeamsUserId column.
    const plan = await planProvisioning(api, graph.siteId);
    const older = plan.actions.find((a) => a.kind === 'create-list' && a.list === 'conversations')!;
    await applyProvisioning(api, { ...plan, actions: plan.actions.filter((a) => a !== older) });
    const body = older.kind === 'create-list' ? (older.body as { columns: { name: string }[] }) : undefined;
    await api.post(`/sites/${graph.siteId}/lists`, { ...body, columns: body!.columns.filter((c) => c.name !== 'TeamsUserId') });
    await assert.rejects(SharePointPlanStore.connect(api, { siteId: graph.siteId }), /lacks columns this release needs \("Bot Conversations": TeamsUserId\)\. Run "npm run provision/);

    const upgrade = await planProvisioning(api, graph.siteId);
    assert.deepEqual(upgrade.actions.map((a) => a.kind === 'add-column' && a.column), ['TeamsUserId']);
    await applyProvisioning(api, upgrade);
    const store = await SharePointPlanStore.connect(api, { siteId: graph.siteId });
    await store.saveConversation({ aadObjectId: 'a1', teamsUserId: '29:abc', reference: {}, updatedAt: new Date().toISOString() });
    assert.equal((await store.getConversation('a1'))?.teamsUserId, '29:abc');
    await store.close();
  });
});
