import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { buildDemoPlan, demoUpdateInstant, type DemoPlan, type DemoTask } from '../../bot/demo/demo-plan';
import type { DemoRound } from '../../bot/demo/demo-rounds';
import { demoUsers, type DemoUserKey } from '../../bot/demo/demo-users';
import { parseDeadline } from '../../core/deadline/parse-deadline';
import { PROTECTED_CHARACTERISTICS, RAG_VALUES } from '../../core/model';

const ZONE = 'Europe/London';
const SAMPLE_DAYS = ['2026-11-22', '2027-06-03', '2028-02-29'];

const GROUPS = new Set<string>([
  ...PROTECTED_CHARACTERISTICS,
  'Carers',
  'Armed forces community',
  'Care leavers',
  'Rural isolation',
  'Low income',
]);

function plusDays(today: string, days: number): string {
  return DateTime.fromISO(today, { zone: ZONE }).plus({ days }).toISODate() as string;
}

const isOpen = (t: DemoTask) => t.status === 'Open';
const inWindow = (round: DemoRound, at: string) => Date.parse(at) >= Date.parse(round.opensAt) && Date.parse(at) <= Date.parse(round.closedAt);
const owns = (t: DemoTask, key: DemoUserKey) => t.owners.some((o) => o.aadObjectId === demoUsers[key].aadObjectId);

/** Open and due after today but no later than `days` from today. */
function dueWithin(t: DemoTask, today: string, days: number): boolean {
  return isOpen(t) && t.dueDate !== undefined && t.dueDate > today && t.dueDate <= plusDays(today, days);
}

/** No update yet, or the last one came before the 14-day reminder point for the task's deadline. */
function notUpdatedSinceReminderPoint(t: DemoTask): boolean {
  if (t.latestUpdateAt === undefined) return true;
  const reminderPoint = DateTime.fromISO(t.dueDate as string, { zone: ZONE }).minus({ days: 14 });
  return DateTime.fromISO(t.latestUpdateAt) < reminderPoint;
}

/** Every string anywhere in a value, with its path. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

/** The mix the demo promises whatever day it runs on. */
function assertLiveMix(plan: DemoPlan, today: string): void {
  const where = `(today ${today})`;
  const { tasks } = plan;
  assert.ok(plan.objectives.length >= 3, `at least 3 objectives ${where}`);
  assert.ok(tasks.length >= 20, `at least 20 tasks ${where}`);

  const dueThisWeek = tasks.filter((t) => dueWithin(t, today, 7));
  assert.ok(dueThisWeek.length >= 3, `3+ open tasks due within 7 days, got ${dueThisWeek.length} ${where}`);

  const overdue = tasks.filter((t) => isOpen(t) && t.dueDate !== undefined && t.dueDate < today);
  assert.ok(overdue.length >= 3, `3+ open overdue tasks, got ${overdue.length} ${where}`);

  const complete = tasks.filter((t) => t.status === 'Complete' && t.rag === 'Complete');
  assert.ok(complete.length >= 3, `3+ complete tasks ${where}`);

  const ongoing = tasks.filter((t) => t.kind === 'Ongoing' && t.dueDate === undefined);
  assert.ok(ongoing.length >= 2, `2+ Ongoing tasks without a due date ${where}`);

  for (const rag of RAG_VALUES) assert.ok(tasks.some((t) => t.rag === rag), `RAG "${rag}" used ${where}`);

  const alexToChase = tasks.filter((t) => owns(t, 'alex') && dueWithin(t, today, 14) && notUpdatedSinceReminderPoint(t));
  assert.ok(alexToChase.length >= 2, `alex owns 2+ open tasks in the reminder window awaiting an update ${where}`);

  assert.ok(tasks.some((t) => owns(t, 'sam') && dueWithin(t, today, 14)), `sam owns a task in the reminder window ${where}`);
  assert.ok(tasks.some((t) => t.owners.length >= 2), `a task with two owners ${where}`);
}

describe('demo plan', () => {
  for (const today of SAMPLE_DAYS) {
    describe(`built for ${today}`, () => {
      const plan = buildDemoPlan(today);
      const context = { reference: today, planEnd: plan.planEnd };

      it('has the live mix of deadlines, statuses, RAGs and owners', () => {
        assertLiveMix(plan, today);
        assert.equal(plan.objectives.length, 4);
        assert.ok(plan.tasks.length >= 24);
      });

      it('has unique refs, known objectives and indicators that match the ref', () => {
        const refs = plan.tasks.map((t) => t.ref);
        assert.equal(new Set(refs).size, refs.length, 'refs are unique');
        const objectiveRefs = new Set(plan.objectives.map((o) => o.ref));
        for (const t of plan.tasks) {
          assert.ok(objectiveRefs.has(t.objectiveRef), `${t.ref}: objective ${t.objectiveRef} exists`);
          assert.match(t.ref, /^\d+\.\d+\.\d+$/);
          const [objective, indicator] = t.ref.split('.');
          assert.equal(t.objectiveRef, objective);
          assert.ok(t.indicator?.startsWith(`${objective}.${indicator} `), `${t.ref}: indicator "${t.indicator}"`);
        }
      });

      it('takes every due date from parseDeadline of its council wording', () => {
        for (const t of plan.tasks) {
          assert.ok(t.dueText, `${t.ref} has dueText`);
          const parsed = parseDeadline(t.dueText, context);
          assert.notEqual(parsed.kind, 'unparsed', `${t.ref}: "${t.dueText}" parses`);
          assert.equal(parsed.flagged, false, `${t.ref}: "${t.dueText}" is read with confidence`);
          assert.equal(t.dueDate ?? null, parsed.dueDate, `${t.ref}: "${t.dueText}"`);
        }
      });

      it('uses the expected council wordings', () => {
        const texts = plan.tasks.map((t) => t.dueText ?? '');
        const localDay = DateTime.fromISO(today, { zone: ZONE, locale: 'en-GB' });
        assert.ok(texts.includes(`By ${localDay.plus({ days: 5 }).toFormat('d MMMM yyyy')}`));
        assert.ok(texts.includes(`By the end of ${localDay.plus({ months: 1 }).toFormat('MMMM yyyy')}`));
        assert.ok(texts.some((s) => /^End of [A-Z][a-z]+ \d{4}$/.test(s)));
        assert.ok(texts.some((s) => /^Q[1-4] \d{4}\/\d{2}$/.test(s)));
        for (const fixed of ['Ongoing', 'During the time of this action plan', 'By the end of March each year']) {
          assert.ok(texts.includes(fixed), fixed);
        }
      });

      it('keeps open deadlines inside the plan period', () => {
        assert.ok(plan.planStart <= today && today <= plan.planEnd, `${plan.planStart}..${plan.planEnd}`);
        for (const t of plan.tasks.filter(isOpen)) {
          if (t.dueDate) assert.ok(t.dueDate <= plan.planEnd, `${t.ref} due ${t.dueDate} after ${plan.planEnd}`);
        }
      });

      it('mirrors the newest history entry in the latest fields', () => {
        for (const t of plan.tasks) {
          const days = t.history.map((h) => h.daysAgo);
          days.forEach((d, i) => {
            assert.ok(Number.isInteger(d) && d >= 0, `${t.ref}: daysAgo ${d}`);
            if (i > 0) assert.ok(d < (days[i - 1] as number), `${t.ref}: history is oldest first`);
          });
          const newest = t.history.at(-1);
          if (!newest) {
            assert.equal(t.latestUpdate, undefined);
            assert.equal(t.latestUpdateAt, undefined);
            assert.equal(t.latestUpdateBy, undefined);
            assert.equal(t.rag, 'Not started');
            continue;
          }
          assert.ok(newest.rag, `${t.ref}: newest entry carries a RAG`);
          assert.equal(t.rag, newest.rag, t.ref);
          assert.equal(t.latestUpdate, newest.progress, t.ref);
          assert.equal(t.latestUpdateAt, demoUpdateInstant(today, newest.daysAgo), t.ref);
          assert.deepEqual(t.latestUpdateBy, {
            aadObjectId: demoUsers[newest.by].aadObjectId,
            displayName: demoUsers[newest.by].displayName,
            email: demoUsers[newest.by].email,
          });
          assert.equal(t.evidence, newest.evidence, t.ref);
          assert.equal(t.risks, newest.risks, t.ref);
          assert.equal(t.supportNeeded, newest.supportNeeded, t.ref);
          const measured = t.history.findLast((h) => h.measureValue !== undefined);
          assert.equal(t.measureValue, measured?.measureValue, t.ref);
          assert.equal(t.measureValueAt, measured && demoUpdateInstant(today, measured.daysAgo), t.ref);
          const at = DateTime.fromISO(t.latestUpdateAt as string, { setZone: true });
          assert.equal(at.offset, 0, `${t.ref}: stored as UTC`);
          const local = at.setZone(ZONE);
          assert.equal(local.hour, 10);
          assert.equal(local.toISODate(), plusDays(today, -newest.daysAgo));
        }
      });

      it('keeps status, RAG and percentage consistent', () => {
        for (const t of plan.tasks) {
          assert.equal(t.status === 'Complete', t.rag === 'Complete', t.ref);
          if (t.status === 'Complete') assert.equal(t.percentComplete, 100, t.ref);
          if (t.percentComplete !== undefined) assert.ok(t.percentComplete >= 0 && t.percentComplete <= 100);
        }
      });

      it('uses demo people and known groups', () => {
        const people = new Map(Object.values(demoUsers).map((u) => [u.aadObjectId, u]));
        for (const t of plan.tasks) {
          assert.ok(t.owners.length >= 1, `${t.ref} has an owner`);
          for (const p of [...t.owners, ...(t.accountableOfficer ? [t.accountableOfficer] : [])]) {
            assert.equal(people.get(p.aadObjectId)?.email, p.email, `${t.ref}: ${p.displayName} is a demo user`);
            assert.deepEqual(Object.keys(p).sort(), ['aadObjectId', 'displayName', 'email']);
          }
          assert.ok(t.groupsImpacted.length >= 1, `${t.ref} names the groups impacted`);
          for (const g of t.groupsImpacted) assert.ok(GROUPS.has(g), `${t.ref}: group "${g}"`);
          assert.equal(new Set(t.groupsImpacted).size, t.groupsImpacted.length, `${t.ref}: groups unique`);
        }
        assert.ok(plan.tasks.some((t) => t.accountableOfficer), 'some tasks have an accountable officer');
      });

      it('keeps every string within list column limits', () => {
        for (const [path, s] of strings(plan)) {
          assert.ok(s.length < 1000, `${path} is ${s.length} characters`);
          assert.ok(s.trim().length > 0, `${path} is blank`);
        }
        for (const t of plan.tasks) assert.ok(t.title.length < 255, `${t.ref} title is ${t.title.length} characters`);
      });

      it('has three closed quarterly board rounds, a month long, that the history answers', () => {
        assert.equal(plan.rounds.length, 3);
        const todayStart = DateTime.fromISO(today, { zone: ZONE }).toMillis();
        let previousClose = 0;
        for (const round of plan.rounds) {
          assert.match(round.name, /^Board report [A-Z][a-z]+ \d{4}$/);
          const opens = Date.parse(round.opensAt);
          const closes = Date.parse(round.closedAt);
          const days = (closes - opens) / 86_400_000;
          assert.ok(days >= 28 && days <= 31, `${round.name} is open ${days} days`);
          assert.ok(opens > previousClose, `${round.name} opens after the round before it closed`);
          assert.ok(closes < todayStart, `${round.name} closed before today`);
          assert.ok(round.dueDate >= round.opensAt.slice(0, 10) && round.dueDate <= round.closedAt.slice(0, 10), `${round.name} due ${round.dueDate}`);
          assert.deepEqual(round.scope, { kind: 'all-open' });
          const answers = plan.tasks.filter((t) => t.history.some((h) => inWindow(round, demoUpdateInstant(today, h.daysAgo))));
          assert.ok(answers.length >= 10, `${round.name}: ${answers.length} tasks answered it`);
          previousClose = closes;
        }
        assert.equal(new Set(plan.rounds.map((r) => r.name)).size, 3, 'round names are unique');
        const sinceLast = plan.tasks.filter((t) => t.history.some((h) => Date.parse(demoUpdateInstant(today, h.daysAgo)) > previousClose));
        assert.ok(sinceLast.length >= 6, `${sinceLast.length} tasks updated since the last round closed`);
      });

      it('gives a few tasks a measure, with values in their updates', () => {
        const measured = plan.tasks.filter((t) => t.measure);
        assert.ok(measured.length >= 4 && measured.length <= 6, `${measured.length} measures`);
        for (const t of measured) {
          const m = t.measure!;
          assert.ok(m.name && m.unit, `${t.ref}: measure named, with a unit`);
          assert.ok(m.baseline !== undefined && m.baselineDate && m.baselineDate <= today, `${t.ref}: baseline taken before today`);
          assert.ok(m.targetDate && m.targetDate > m.baselineDate, `${t.ref}: target date after the baseline`);
          assert.ok(t.startingPosition, `${t.ref}: starting position in words`);
          if (m.redBelow !== undefined) assert.ok(m.amberBelow !== undefined && m.redBelow < m.amberBelow, t.ref);
        }
        assert.ok(measured.some((t) => t.measure!.target < t.measure!.baseline!), 'one measure is lower-is-better');
        assert.ok(measured.some((t) => t.measureValue === undefined), 'one measure has no value yet');
        assert.ok(measured.filter((t) => t.history.filter((h) => h.measureValue !== undefined).length >= 3).length >= 2, 'values over several updates');
        assert.ok(measured.filter((t) => t.measure!.amberBelow !== undefined).length >= 3, 'tolerances on some');
        assert.ok(measured.some((t) => t.measure!.amberBelow === undefined), 'and not on all');
      });

      it('says what is at risk on every Red and Amber task, and asks the board for support on some', () => {
        const atRisk = plan.tasks.filter((t) => t.rag === 'Red' || t.rag === 'Amber');
        assert.ok(atRisk.length >= 4);
        for (const t of atRisk) assert.ok(t.risks, `${t.ref} (${t.rag}) names its risks`);
        const asks = plan.tasks.filter((t) => t.supportNeeded);
        assert.ok(asks.length >= 3, `${asks.length} tasks ask the board for support`);
        for (const t of asks) assert.ok(t.rag === 'Red' || t.rag === 'Amber', `${t.ref} asks for support while ${t.rag}`);
        assert.ok(asks.some((t) => t.rag === 'Red') && asks.some((t) => t.rag === 'Amber'));
      });

      it('is deterministic', () => {
        assert.deepEqual(buildDemoPlan(today), buildDemoPlan(today));
      });
    });
  }

  it('is the 2025–2028 plan in November 2026', () => {
    const plan = buildDemoPlan('2026-11-22');
    assert.equal(plan.planStart, '2025-04-01');
    assert.equal(plan.planEnd, '2028-03-31');
    assert.match(plan.title, /Northvale District Council/);
    assert.match(plan.title, /2025–2028/);
  });

  it('keeps the live mix on every day around year ends, financial year ends and a leap February', () => {
    const windows: [string, string][] = [
      ['2026-12-24', '2027-01-03'],
      ['2027-02-24', '2027-04-03'],
      ['2028-02-25', '2028-03-02'],
    ];
    for (const [from, to] of windows) {
      for (let day = from; day <= to; day = plusDays(day, 1)) {
        assertLiveMix(buildDemoPlan(day), day);
      }
    }
  });

  it('returns fresh objects, so a caller cannot change the next plan', () => {
    const first = buildDemoPlan('2026-11-22');
    (first.objectives[0] as { title: string }).title = 'changed';
    (first.tasks[0] as DemoTask).history.push({ daysAgo: 0, by: 'alex', progress: 'changed' });
    const second = buildDemoPlan('2026-11-22');
    assert.notEqual(second.objectives[0]?.title, 'changed');
    assert.notEqual(second.tasks[0]?.history.at(-1)?.progress, 'changed');
  });

  it('rejects a today that is not a calendar date', () => {
    for (const bad of ['', '2026-02-30', '22/11/2026', '2026-11-22T10:00:00Z']) {
      assert.throws(() => buildDemoPlan(bad), RangeError, bad);
    }
  });
});
