import assert from 'node:assert/strict';
import { buildDemoPlan, demoUpdateInstant, type DemoTask } from '../../bot/demo/demo-plan';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import type { Rag, Task, Update, UpdateRound } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { londonDate } from '../../core/plan/london-time';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { buildTrends, type TrendsView } from '../../core/trends/plan-trends';

/** The seeded demo's history: closed board rounds whose snapshots match the updates, and trends that move. */

const NOWS = ['2026-03-12T10:00:00Z', '2026-11-22T08:00:00Z', '2027-06-03T15:30:00Z'];

interface Seeded {
  today: string;
  tasks: Task[];
  rounds: UpdateRound[];
  updates: Map<string, Update[]>;
  plan: Map<string, DemoTask>;
  trends: TrendsView;
}

async function seed(now: string): Promise<Seeded> {
  const store = SqlitePlanStore.open(':memory:');
  const clock = fixedClock(new Date(now));
  await seedDemoPlan({ store, clock });
  const today = londonDate(clock.now());
  const [tasks, rounds, objectives] = [await store.listTasks(), await store.listRounds(), await store.listObjectives()];
  const updates = new Map<string, Update[]>();
  for (const t of tasks) updates.set(t.id, await store.listUpdates(t.id));
  await store.close();
  const plan = new Map(buildDemoPlan(today).tasks.map((t) => [t.ref, t]));
  return { today, tasks, rounds, updates, plan, trends: buildTrends({ tasks, objectives, rounds, now: clock.now() }) };
}

/** The task's history up to an instant, read from the demo plan itself (not from the seeded store). */
function historyUntil(today: string, task: DemoTask, at: string) {
  return task.history.filter((h) => Date.parse(demoUpdateInstant(today, h.daysAgo)) <= Date.parse(at));
}

const inWindow = (round: UpdateRound, at: string) => Date.parse(at) >= Date.parse(round.opensAt) && Date.parse(at) <= Date.parse(round.closedAt!);

describe('demo history: closed rounds, snapshots and trends', () => {
  for (const now of NOWS) {
    describe(`seeded at ${now}`, () => {
      let s: Seeded;
      before(async () => {
        s = await seed(now);
      });

      it('has three closed rounds and none open', () => {
        assert.equal(s.rounds.length, 3);
        for (const r of s.rounds) {
          assert.equal(r.state, 'Closed', r.name);
          assert.ok(r.closedAt && r.snapshot && r.snapshot.length >= 20, r.name);
        }
      });

      it("keeps in each snapshot every task in the round then, with its RAG, status, update and measure as of the close", () => {
        for (const round of s.rounds) {
          const byId = new Map(round.snapshot!.map((l) => [l.taskId, l]));
          for (const task of s.tasks) {
            const past = historyUntil(s.today, s.plan.get(task.ref)!, round.closedAt!);
            const rag: Rag = past.findLast((h) => h.rag)?.rag ?? 'Not started';
            const latest = past.at(-1);
            const answered = latest !== undefined && inWindow(round, demoUpdateInstant(s.today, latest.daysAgo));
            const line = byId.get(task.id);
            if (rag === 'Complete' && !answered) {
              assert.equal(line, undefined, `${round.name}: ${task.ref} was complete before the round, so not in it`);
              continue;
            }
            assert.ok(line, `${round.name}: ${task.ref} is in the snapshot`);
            assert.equal(line.rag, rag, `${round.name}: ${task.ref} RAG`);
            assert.equal(line.status, rag === 'Complete' ? 'Complete' : 'Open', `${round.name}: ${task.ref} status`);
            assert.equal(line.update, latest?.progress, `${round.name}: ${task.ref} update`);
            assert.equal(line.risks, latest?.risks, `${round.name}: ${task.ref} risks`);
            assert.equal(line.supportNeeded, latest?.supportNeeded, `${round.name}: ${task.ref} support needed`);
            assert.equal(line.measureValue, past.findLast((h) => h.measureValue !== undefined)?.measureValue, `${round.name}: ${task.ref} measure`);
            const item = s.updates.get(task.id)!.find((u) => u.submittedAt === line.updateAt);
            assert.equal(line.updateId, item?.id, `${round.name}: ${task.ref} names the Plan Updates item`);
            if (latest) assert.equal(item?.progress, latest.progress);
          }
          assert.ok(round.snapshot!.every((l, i, all) => i === 0 || all[i - 1]!.taskRef.localeCompare(l.taskRef, 'en', { numeric: true }) < 0), `${round.name}: lines in ref order`);
        }
      });

      it('marks each update with the round it answered, as a submit does', () => {
        let inRounds = 0;
        for (const updates of s.updates.values()) {
          for (const u of updates) {
            const round = s.rounds.find((r) => inWindow(r, u.submittedAt));
            assert.equal(u.round, round?.name, `${u.taskRef} at ${u.submittedAt}`);
            if (round) inRounds += 1;
          }
        }
        assert.ok(inRounds >= 40, `${inRounds} updates answered a round`);
      });

      it('shows RAG movement between the rounds and since the last one', () => {
        const points = s.trends.ragByRound;
        assert.equal(points.length, 4, 'three rounds and today');
        assert.equal(points.at(-1)?.label, 'Today');
        const mixes = points.map((p) => JSON.stringify(p.byRag));
        assert.equal(new Set(mixes).size, 4, `the RAG mix changes each time: ${mixes.join(' ')}`);
        for (const p of points.slice(0, -1)) assert.ok(p.responseRate! > 0.5 && p.responseRate! < 1, `${p.label}: response rate ${p.responseRate}`);
        const { movers } = s.trends;
        assert.equal(movers.since?.name, s.rounds.at(-1)?.name);
        assert.ok(movers.up.length >= 2, `up: ${movers.up.map((m) => m.ref).join(', ')}`);
        assert.ok(movers.down.length >= 2, `down: ${movers.down.map((m) => m.ref).join(', ')}`);
        assert.ok(movers.down.some((m) => m.to === 'Red'), 'one task has gone Red since the last round');
      });

      it('has measures on track, behind and well behind, one lower-is-better, one with no value yet', () => {
        const { measures } = s.trends;
        assert.ok(measures.length >= 4 && measures.length <= 6);
        const suggested = measures.map((m) => m.suggested);
        for (const rag of ['Green', 'Amber', 'Red'] as const) assert.ok(suggested.includes(rag), `a measure suggests ${rag}: ${suggested.join(', ')}`);
        for (const m of measures.filter((x) => x.suggested)) assert.equal(s.tasks.find((t) => t.id === m.taskId)?.rag, m.suggested, `${m.ref}: the owner's RAG agrees with the measure`);
        assert.ok(measures.some((m) => m.baseline !== undefined && m.target < m.baseline && m.latest), 'a lower-is-better measure with values');
        assert.ok(measures.some((m) => !m.latest && m.history.length === 0), 'a measure with no value yet');
        const charted = measures.filter((m) => m.history.length >= 3);
        assert.ok(charted.length >= 3, 'several measures have a line across the rounds');
        for (const t of s.tasks.filter((x) => x.measureValue !== undefined)) {
          const latest = s.updates.get(t.id)!.findLast((u) => u.measureValue !== undefined);
          assert.equal(t.measureValue, latest?.measureValue, t.ref);
          assert.equal(t.measureValueAt, latest?.submittedAt, t.ref);
        }
      });

      it('gives the board paper its asks: every Red and Amber task has risks, some ask for support', () => {
        const atRisk = s.tasks.filter((t) => t.rag === 'Red' || t.rag === 'Amber');
        for (const t of atRisk) assert.ok(t.risks, `${t.ref} names its risks`);
        assert.ok(atRisk.filter((t) => t.supportNeeded).length >= 3);
        const last = s.rounds.at(-1)!;
        assert.ok(last.snapshot!.some((l) => l.supportNeeded), 'the last round kept an ask of the board');
      });
    });
  }
});

describe('demo activity: the officers’ side of the demo plan', () => {
  it('seeds a comment thread and an officer’s edit with its reason, and a lead service on every task', async () => {
    const store = SqlitePlanStore.open(':memory:');
    try {
      await seedDemoPlan({ store, clock: fixedClock(new Date('2026-12-07T10:00:00Z')) });
      const thread = await store.getTaskByRef('1.1.2');
      const comments = await store.listComments(thread!.id);
      assert.deepEqual(comments.map((c) => c.author.displayName), ['Priya Shah', 'Alex Morgan']);
      const [change] = await store.listChanges({ subject: 'task' });
      assert.equal(change?.subjectRef, '2.2.1');
      assert.match(change?.reason ?? '', /HR will draft/);
      assert.equal((await store.getTaskByRef('2.2.1'))?.supportingServices, 'Policy and Insight; Legal Services; Human Resources');
      assert.deepEqual((await store.listTasks()).filter((t) => !t.leadService).map((t) => t.ref), []);
    } finally {
      await store.close();
    }
  });
});
