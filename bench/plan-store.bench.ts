/**
 * `npm run bench`: how the embedded store and the pure planner scale with plan size.
 * Prints one line per figure and, last, one JSON object with all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../core/ports/clock';
import { DEFAULT_REMINDER_POLICY } from '../core/reminders/reminder-policy';
import { planReminders } from '../core/reminders/reminder-planner';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import { getPlanView } from '../core/use-cases/get-plan-view';
import type { Person, TaskInput } from '../core/model';

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const OWNERS = Math.max(1, Math.round(TASKS / 4));
const now = new Date('2026-11-22T09:00:00Z');

function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return fn().then((value) => ({ ms: Math.round((performance.now() - start) * 10) / 10, value }));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-'));
  const store = SqlitePlanStore.open(dir);
  const people: Person[] = Array.from({ length: OWNERS }, (_, i) => ({ aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));
  for (let o = 1; o <= 5; o++) await store.createObjective({ ref: String(o), title: `Objective ${o}` });

  const insert = await timed(async () => {
    for (let i = 0; i < TASKS; i++) {
      const due = new Date(now.getTime() + ((i % 120) - 30) * 86_400_000).toISOString().slice(0, 10);
      const task: TaskInput = {
        ref: `${(i % 5) + 1}.${Math.floor(i / 50) + 1}.${i}`,
        title: `Task ${i}: publish the equality data for service ${i % 40}`,
        objectiveRef: String((i % 5) + 1),
        indicator: `Indicator ${(i % 5) + 1}.${i % 4}`,
        kind: 'Priority',
        owners: [people[i % OWNERS]!],
        groupsImpacted: ['Age', 'Disability'],
        dueDate: due,
        dueText: `By ${due}`,
        rag: 'Green',
        status: i % 10 === 0 ? 'Complete' : 'Open',
        latestUpdate: 'Progressing as planned with the working group.',
        latestUpdateAt: '2026-10-01T09:00:00.000Z',
      };
      await store.createTask(task);
    }
  });

  const clock = fixedClock(now);
  await getPlanView({ store, clock }); // warm-up
  const planViews = [];
  for (let i = 0; i < 5; i++) planViews.push((await timed(() => getPlanView({ store, clock }))).ms);
  const openTasks = await timed(() => store.listTasks({ statuses: ['Open'] }));
  const planning = await timed(async () => planReminders(openTasks.value, new Set(), now, DEFAULT_REMINDER_POLICY));
  const myTasks = await timed(() => store.listTasks({ ownerAadObjectId: 'owner-7', statuses: ['Open'] }));

  const figures = {
    tasks: TASKS,
    owners: OWNERS,
    insertAllMs: insert.ms,
    planViewMedianMs: planViews.sort((a, b) => a - b)[2],
    listOpenTasksMs: openTasks.ms,
    planRemindersMs: planning.ms,
    remindersDue: planning.value.length,
    myTasksMs: myTasks.ms,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(18)} ${v}`);
  console.log(JSON.stringify(figures));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
