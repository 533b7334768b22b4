import assert from 'node:assert/strict';
import { fixedClock } from '../../core/ports/clock';
import type { Messenger, OutboundCard } from '../../core/ports/messenger';
import type { Person } from '../../core/model';
import { addDays, londonDate } from '../../core/plan/london-time';
import { planReminders } from '../../core/reminders/reminder-planner';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import type { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { runReminderSweep, type SweepResult } from '../../core/use-cases/run-reminder-sweep';
import { taskInput } from '../support/builders';
import { openEmulatedSharePoint } from '../support/sharepoint-over-emulator';
import { connectAnotherInstance, person } from './helpers';

/**
 * Two app instances (two SharePointPlanStores, each with its own Graph client and read model) run
 * the reminder sweep at the same moment against one emulated site. The Reminder Log's unique Key
 * column must make every reminder go out exactly once in total.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const OWNERS: Person[] = Array.from({ length: 10 }, (_, i) => person(i));

interface Sent {
  instance: string;
  key: string;
  to: string;
}

/** Records what it was asked to send; the card carries the reminder's log key. */
function recordingMessenger(instance: string, sent: Sent[]): Messenger {
  return {
    async sendCard(to: Person, message: OutboundCard) {
      await new Promise((resolve) => setImmediate(resolve)); // a send takes a moment
      // One message per recipient lists every reminder key it carries.
      for (const key of message.summary.split(' ')) sent.push({ instance, key, to: to.aadObjectId });
      return { activityId: `${instance}-${sent.length}` };
    },
  };
}

function sweep(store: SharePointPlanStore, instance: string, sent: Sent[]): Promise<SweepResult> {
  return runReminderSweep({
    store,
    messenger: recordingMessenger(instance, sent),
    clock: fixedClock(NOW),
    policy: DEFAULT_REMINDER_POLICY,
    render: (_kind, _recipient, reminders) => ({ card: { type: 'AdaptiveCard' }, summary: reminders.map((r) => r.key).join(' ') }),
  });
}

describe('SharePoint adapter: two concurrent reminder sweeps on one site', () => {
  const RUNS = 5;
  let contended = 0;

  after(() => {
    // Proof that the runs raced for the same keys (otherwise "sent once" would prove little).
    assert.ok(contended > 0, 'in at least one run an instance found a key the other had just claimed');
  });

  for (let run = 1; run <= RUNS; run++) {
    it(`sends each planned reminder exactly once across both instances (run ${run} of ${RUNS}, fresh site)`, async () => {
      const { emulator, store: a } = await openEmulatedSharePoint();
      const stores: SharePointPlanStore[] = [a];
      try {
        const today = londonDate(NOW);
        for (let i = 0; i < 30; i++) {
          // Due in 1..14 days: inside the 14-day window, so every stage (due-14, due-7, due-1) occurs.
          const owners = i % 3 === 0 ? [OWNERS[i % 10]!, OWNERS[(i + 3) % 10]!] : [OWNERS[i % 10]!];
          await a.createTask(taskInput({ ref: `R${run}.${i + 1}`, owners, dueDate: addDays(today, 1 + (i % 14)), status: 'Open' }));
        }
        await a.createTask(taskInput({ ref: `R${run}.done`, owners: [OWNERS[0]!], dueDate: addDays(today, 2), status: 'Complete' }));
        for (const o of OWNERS) {
          await a.saveConversation({ aadObjectId: o.aadObjectId, displayName: o.displayName, reference: { user: { aadObjectId: o.aadObjectId } }, updatedAt: NOW.toISOString() });
        }
        const b = await connectAnotherInstance(emulator);
        stores.push(b);
        emulator.setLatency(run % 3); // 0-2 ms per round trip: different interleavings per run

        const expected = planReminders(await a.listTasks(), new Set(), NOW, DEFAULT_REMINDER_POLICY).map((r) => r.key);
        assert.equal(expected.length, 30 + 10, 'one reminder per open task and owner (10 tasks have two owners)');
        assert.equal(new Set(expected).size, expected.length);

        const sent: Sent[] = [];
        const [ra, rb] = await Promise.all([
          sweep(a, 'A', sent),
          new Promise<void>((resolve) => setTimeout(resolve, run - 1)).then(() => sweep(b, 'B', sent)),
        ]);

        for (const [name, r] of [['A', ra], ['B', rb]] as const) {
          assert.deepEqual(r.failed, [], `${name}: nothing failed`);
          assert.deepEqual(r.unreachable, [], `${name}: every owner has a conversation`);
          assert.equal(r.planned, expected.length, `${name} planned every reminder (neither had logged any when it started)`);
          assert.equal(r.sent.length + r.skipped, r.planned, `${name}: each planned reminder was either sent or left to the other instance`);
        }
        // A sweep that loses an owner's first claim (SharePoint's 409 on the unique Key) leaves that
        // owner's whole card to the other instance: skips come only after refused claims.
        const refused = emulator.requests.filter((r) => r.method === 'POST' && r.status === 409).length;
        assert.ok(refused <= ra.skipped + rb.skipped, `each refused claim is a skip (${refused} refused, ${ra.skipped + rb.skipped} skipped)`);
        assert.equal(refused === 0, ra.skipped + rb.skipped === 0, 'skips happen only when SharePoint refused a claim, never on a guess from a read model');
        contended += refused > 0 ? 1 : 0;

        const sentKeys = [...ra.sent, ...rb.sent].map((s) => s.key);
        assert.equal(sentKeys.length, expected.length, `sent in total ${sentKeys.length} (A ${ra.sent.length}, B ${rb.sent.length}); expected ${expected.length}`);
        assert.deepEqual([...new Set(sentKeys)].sort(), [...expected].sort(), 'every key sent, none twice');
        const messages = new Map<string, number>();
        for (const s of sent) messages.set(s.key, (messages.get(s.key) ?? 0) + 1);
        assert.deepEqual([...messages.entries()].filter(([, n]) => n !== 1), [], 'the messenger delivered each key once');
        assert.equal(sent.length, expected.length);
        for (const s of sent) assert.ok(s.key.endsWith(`:${s.to}`), `key ${s.key} went to its recipient ${s.to}`);

        // The Reminder Log as a third instance reads it from SharePoint: one item per key, all sent.
        const c = await connectAnotherInstance(emulator);
        stores.push(c);
        const log = await c.listReminders();
        assert.equal(log.length, expected.length, 'one Reminder Log item per key');
        assert.deepEqual(log.map((r) => r.key).sort(), [...expected].sort());
        assert.deepEqual(log.filter((r) => r.outcome !== 'sent').map((r) => `${r.key} ${r.outcome}`), [], "every item's outcome is 'sent'");

        // A second round on both instances sends nothing more.
        await Promise.all([a.refresh(), b.refresh()]);
        const again: Sent[] = [];
        const [ra2, rb2] = await Promise.all([sweep(a, 'A', again), sweep(b, 'B', again)]);
        assert.equal(ra2.planned + rb2.planned, 0);
        assert.deepEqual(again, []);
      } finally {
        for (const s of stores) await s.close();
        await emulator.close();
      }
    });
  }
});
