import assert from 'node:assert/strict';
import { renderReminders } from '../../bot/cards/reminder-card';
import type { Person, ReminderLogInput } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { Messenger, OutboundCard } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/plan-store';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { alice, taskInput } from '../support/builders';
import { executeActions } from '../support/card-validator';

const NOW = new Date('2026-11-24T10:00:00Z'); // a Tuesday, 10:00 in London
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The shared store as one instance sees it: each claim (log insert) paced as given. */
function pacedClaims(store: PlanStore, pace: { before: number; after: number }): PlanStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'tryAddReminder') return Reflect.get(target, prop, receiver) as unknown;
      return async (entry: ReminderLogInput) => {
        await sleep(pace.before);
        const won = await target.tryAddReminder(entry);
        await sleep(pace.after);
        return won;
      };
    },
  });
}

describe('two reminder sweeps (two server instances) handling the same owner at once', () => {
  let store: PlanStore;
  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: {}, updatedAt: NOW.toISOString() });
    await store.createTask(taskInput({ ref: '1.1', dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '1.2', dueDate: '2026-11-30' }));
  });
  afterEach(() => store.close());

  // A claims 1.1, then is slow; B loses 1.1 but used to go on and win 1.2 before A got to it: the
  // owner then had two cards, one per task (seen over SharePoint, where each claim is a request).
  it('sends the owner one card listing both tasks, never one card per instance', async () => {
    const cards: { by: string; message: OutboundCard }[] = [];
    const messenger = (by: string): Messenger => ({
      async sendCard(_to: Person, message: OutboundCard) {
        cards.push({ by, message });
        return { activityId: String(cards.length) };
      },
    });
    const sweep = (by: string, pace: { before: number; after: number }) =>
      runReminderSweep({ store: pacedClaims(store, pace), messenger: messenger(by), clock: fixedClock(NOW), policy: DEFAULT_REMINDER_POLICY, render: renderReminders });

    const [a, b] = await Promise.all([sweep('A', { before: 0, after: 40 }), sweep('B', { before: 15, after: 0 })]);

    assert.equal(cards.length, 1, `one card, not ${cards.length}`);
    assert.deepEqual(executeActions(cards[0]!.message.card).map((x) => x.title).sort(), ['Update 1.1', 'Update 1.2']);
    assert.deepEqual([a.sent.length, b.sent.length].sort(), [0, 2]);
    assert.equal(a.skipped + b.skipped, 2, 'the other instance counts both as handled elsewhere');
    const log = await store.listReminders();
    assert.deepEqual(log.map((r) => r.outcome), ['sent', 'sent']);
  });
});
