import assert from 'node:assert/strict';
import { statutoryReport } from '../../bot/cli/remind-statutory';
import { renderStatutoryReminder } from '../../bot/cards/statutory-reminder-card';
import { statutoryRemindersDue, STATUTORY_LOG_TASK_ID } from '../../core/calendar/statutory-reminders';
import type { Person } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { DeliveryError, type Messenger, type OutboundCard } from '../../core/ports/messenger';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { remindStatutoryDates } from '../../core/use-cases/remind-statutory-dates';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { renderReminders } from '../../bot/cards/reminder-card';
import { alice, carol } from '../support/builders';
import { cardProblems, cardTextContent } from '../support/card-validator';

describe('statutory reminders: 30 and 7 days ahead, to the EDI leads, once', () => {
  describe('which are due (pure)', () => {
    const due = (today: string) => statutoryRemindersDue('england', 1200, today).map((r) => r.key);

    it('30 days before the date: its 30-day reminder, with a stable key; 31 days before: nothing', () => {
      assert.deepEqual(due('2026-02-27'), []);
      assert.deepEqual(due('2026-02-28'), ['statutory:england-gender-pay-gap:2026-03-30:30']);
      assert.deepEqual(due('2026-03-20'), ['statutory:england-gender-pay-gap:2026-03-30:30'], 'a sweep that missed the exact day still finds it, under the same key');
    });

    it('7 days before through the day itself: the 7-day reminder only (never both); after the date: nothing', () => {
      assert.deepEqual(due('2026-03-23'), ['statutory:england-gender-pay-gap:2026-03-30:7']);
      assert.deepEqual(due('2026-03-30'), ['statutory:england-gender-pay-gap:2026-03-30:7']);
      assert.deepEqual(due('2026-03-31'), []);
    });

    it('every date in reach at once: Scotland\'s two duties of 30 April 2027 each have their own key', () => {
      assert.deepEqual(statutoryRemindersDue('scotland', 40, '2027-04-25').map((r) => r.key), ['statutory:scotland-gender-pay-gap:2027-04-30:7', 'statutory:scotland-mainstreaming-report:2027-04-30:7']);
    });
  });

  describe('sending (a real SQLite store)', () => {
    let store: SqlitePlanStore;
    let sent: { to: string; message: OutboundCard }[];
    let failNext: DeliveryError | undefined;
    const messenger: Messenger = {
      async sendCard(to: Person, message: OutboundCard) {
        if (failNext) {
          const err = failNext;
          failNext = undefined;
          throw err;
        }
        sent.push({ to: to.aadObjectId, message });
        return { activityId: String(sent.length) };
      },
    };
    const settings = { nation: 'northern-ireland' as const, staffCount: 100 };
    const remind = (at: string, leads: Person[] = [carol]) => remindStatutoryDates({ store, messenger, clock: fixedClock(new Date(at)), leads, settings, render: renderStatutoryReminder });

    beforeEach(async () => {
      store = SqlitePlanStore.open(':memory:');
      sent = [];
      failNext = undefined;
      await store.saveConversation({ aadObjectId: carol.aadObjectId, reference: {}, updatedAt: '2026-07-01T09:00:00.000Z' });
    });
    afterEach(() => store.close());

    it('on the London date: 00:30 BST on 1 August is 30 days before 31 August, and the card says what is due', async () => {
      assert.equal((await remind('2026-07-31T22:30:00Z')).due, 0, '23:30 BST on 31 July: 31 days before');
      const result = await remind('2026-07-31T23:30:00Z');
      assert.deepEqual(result.sent.map((s) => s.key), [`statutory:ni-annual-progress-report:2026-08-31:30:${carol.aadObjectId}`]);
      assert.equal(sent.length, 1);
      const card = sent[0]!.message.card;
      assert.deepEqual(cardProblems(card), []);
      const text = cardTextContent(card);
      assert.match(text, /Statutory date: Annual progress report, due 31 Aug 2026/);
      assert.match(text, /31 Aug 2026 \(in 30 days\)/);
      assert.match(text, /Equality Commission for Northern Ireland/);
      assert.match(sent[0]!.message.summary, /Annual progress report is due 31 Aug 2026/);
      const [entry] = await store.listReminders(STATUTORY_LOG_TASK_ID);
      assert.deepEqual([entry?.outcome, entry?.trigger, entry?.recipient.aadObjectId], ['sent', 'statutory-30', carol.aadObjectId]);
    });

    it('is sent once: the same day again, and the next days, send nothing; the 7-day stage goes once too', async () => {
      await remind('2026-08-01T09:00:00Z');
      const again = await remind('2026-08-01T15:00:00Z');
      assert.deepEqual([again.sent.length, again.skipped], [0, 1]);
      assert.equal((await remind('2026-08-10T09:00:00Z')).sent.length, 0, 'still the 30-day stage: already sent');
      const week = await remind('2026-08-24T09:00:00Z');
      assert.deepEqual(week.sent.map((s) => s.stage), [7]);
      assert.equal((await remind('2026-08-31T09:00:00Z')).sent.length, 0);
      assert.equal(sent.length, 2);
      assert.match(cardTextContent(sent[1]!.message.card), /in 7 days/);
    });

    it('each lead once; a lead with no chat is reported, not logged, and reached at the next sweep', async () => {
      const first = await remind('2026-08-01T09:00:00Z', [carol, alice]);
      assert.deepEqual(sent.map((s) => s.to), [carol.aadObjectId]);
      assert.deepEqual(first.unreachable, [{ lead: `${alice.displayName} <${alice.email}>`, dutyIds: ['ni-annual-progress-report'] }]);
      assert.equal((await store.listReminders(STATUTORY_LOG_TASK_ID)).length, 1, 'only what was sent is logged');
      await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: {}, updatedAt: '2026-08-01T10:00:00.000Z' });
      const next = await remind('2026-08-02T09:00:00Z', [carol, alice]);
      assert.deepEqual(next.sent.map((s) => s.lead), [`${alice.displayName} <${alice.email}>`]);
      assert.deepEqual(next.unreachable, []);
      assert.deepEqual(sent.map((s) => s.to), [carol.aadObjectId, alice.aadObjectId]);
    });

    it('a transient failure is logged and tried again at the next sweep; a blocked lead is not retried', async () => {
      failNext = new DeliveryError('transient', 'Teams 503');
      const failed = await remind('2026-08-01T09:00:00Z');
      assert.deepEqual(failed.failed.map((f) => f.reason), ['transient']);
      const retried = await remind('2026-08-01T10:00:00Z');
      assert.equal(retried.sent.length, 1);
      assert.equal(sent.length, 1);

      failNext = new DeliveryError('blocked', 'the user blocked the bot');
      assert.deepEqual((await remind('2026-08-24T09:00:00Z')).failed.map((f) => f.reason), ['blocked']);
      assert.equal((await remind('2026-08-25T09:00:00Z')).sent.length, 0);
    });

    it('npm run remind says what was sent and who could not be reached; only Teams refusing to take it is a failure', async () => {
      const first = await remind('2026-08-01T09:00:00Z', [carol, alice]);
      const report = statutoryReport(first);
      assert.equal(report.failed, false);
      assert.match(report.lines[0]!, /^Statutory dates: 1 due a reminder to the EDI leads, 1 sent, 0 already sent, 1 lead\(s\) unreachable, 0 failed\.$/);
      assert.ok(report.lines.some((l) => /sent +ni-annual-progress-report \(due 31 Aug 2026, 30 days ahead\) -> Carol O'Brien/.test(l)));
      assert.ok(report.lines.some((l) => /no chat +ni-annual-progress-report -> Alice Owner/.test(l)));
      failNext = new DeliveryError('transient', 'Teams 503');
      assert.equal(statutoryReport(await remind('2026-08-24T09:00:00Z')).failed, true);
      assert.deepEqual(statutoryReport(await remind('2026-12-01T09:00:00Z')).lines, [], 'nothing due: nothing said');
    });

    it('through the reminder sweep when given `statutory`; without it the sweep sends no statutory card', async () => {
      const sweep = (withStatutory: boolean) =>
        runReminderSweep({ store, messenger, clock: fixedClock(new Date('2026-08-03T09:00:00Z')), policy: { ...DEFAULT_REMINDER_POLICY, ediLeads: [carol] }, render: renderReminders, ...(withStatutory && { statutory: { settings, render: renderStatutoryReminder } }) });
      const without = await sweep(false);
      assert.equal(without.statutory, undefined);
      assert.equal(sent.length, 0);
      const withIt = await sweep(true);
      assert.deepEqual(withIt.statutory?.sent.map((s) => s.dutyId), ['ni-annual-progress-report']);
      assert.equal((await sweep(true)).statutory?.sent.length, 0, 'a second sweep: already sent');
      assert.equal(sent.length, 1);
    });
  });
});
