/**
 * Turns with the bot through botbuilder's TestAdapter: a personal-chat activity from a person, an
 * Action.Execute invoke, and the invoke's answer (the universal action model's response body).
 */
import assert from 'node:assert/strict';
import { type Activity, ActivityTypes, type TestAdapter } from 'botbuilder';
import type { Person } from '../../core/model';

export const TEST_TENANT = 'tenant-1';

export function personal(person: Pick<Person, 'aadObjectId' | 'displayName'>, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from: { id: `29:${person.aadObjectId}`, name: person.displayName, aadObjectId: person.aadObjectId },
    recipient: { id: '28:bot', name: 'EDI bot' },
    conversation: { id: `a:${person.aadObjectId}`, conversationType: 'personal', tenantId: TEST_TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TEST_TENANT } },
    ...extra,
  };
}

export function invoke(person: Pick<Person, 'aadObjectId' | 'displayName'>, verb: string, data: Record<string, unknown>): Partial<Activity> {
  return personal(person, { type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
}

/** Sends one activity and returns everything the bot replied. */
export async function exchange(adapter: TestAdapter, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

export const cardOf = (a: Partial<Activity> | undefined) => a?.attachments?.[0]?.content as Record<string, unknown>;

/** The card an Action.Execute answered with (asserting it answered with a card). */
export async function clickAnswer(adapter: TestAdapter, activity: Partial<Activity>): Promise<Record<string, unknown>> {
  const response = (await exchange(adapter, activity)).find((r) => r.type === 'invokeResponse');
  assert.ok(response, 'an invoke response');
  const { body } = response.value as { body: { statusCode: number; type: string; value: Record<string, unknown> } };
  assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', `a card, not ${JSON.stringify(body.value)}`);
  return body.value;
}
