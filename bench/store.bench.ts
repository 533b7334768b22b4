/**
 * `npm run bench:store`: Graph requests and SharePoint resource units per operation, for a plan of
 * 5,000 tasks on the local Graph emulator with 50 ms simulated latency. The last line is one JSON
 * object with all the figures.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { Person, TaskInput } from '../core/model';
import { fixedClock } from '../core/ports/clock';
import type { Messenger } from '../core/ports/messenger';
import { DEFAULT_REMINDER_POLICY } from '../core/reminders/reminder-policy';
import { conversationToFields, taskToFields } from '../core/store/sharepoint/field-mapping';
import { getPlanView } from '../core/use-cases/get-plan-view';
import { runReminderSweep } from '../core/use-cases/run-reminder-sweep';
import { submitUpdate } from '../core/use-cases/submit-update';
import { editTask } from '../core/use-cases/edit-task';
import { getTaskDetail } from '../core/use-cases/get-task-detail';
import { renderReminders } from '../bot/cards/reminder-card';
import { seedListItems } from '../tests/support/graph-emulator';
import { openEmulatedSharePoint } from '../tests/support/sharepoint-over-emulator';

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const DUE = 100;
const LATENCY_MS = 50;
const now = new Date('2026-11-22T09:00:00Z');
const clock = fixedClock(now);

async function main(): Promise<void> {
  const { emulator, api, store } = await openEmulatedSharePoint();
  const owners: Person[] = Array.from({ length: DUE }, (_, i) => ({ aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));
  const task = (i: number, dueDate: string): TaskInput => ({
    ref: `T${i}`,
    title: `Task ${i}: publish the equality data for service ${i % 40}`,
    objectiveRef: String((i % 4) + 1),
    indicator: `Indicator ${(i % 4) + 1}.${i % 5}`,
    kind: 'Priority',
    owners: [owners[i % DUE]!],
    groupsImpacted: ['Age', 'Disability'],
    dueDate,
    dueText: `By ${dueDate}`,
    rag: 'Green',
    status: 'Open',
    latestUpdate: 'Progressing as planned.',
    latestUpdateAt: '2026-09-01T09:00:00.000Z',
  });
  // Everything due well outside the reminder window: a sweep finds nothing to send.
  seedListItems(emulator, 'Plan Tasks', Array.from({ length: TASKS }, (_, i) => taskToFields(task(i, '2027-06-30'))));
  seedListItems(emulator, 'Bot Conversations', owners.map((o) => conversationToFields({ aadObjectId: o.aadObjectId, reference: { conversation: { id: o.aadObjectId } }, updatedAt: now.toISOString() })));
  seedListItems(emulator, 'Plan Objectives', [1, 2, 3, 4].map((n) => ({ Title: `Objective ${n}`, Ref: String(n) })));

  emulator.setLatency(LATENCY_MS);
  const measure = async <T>(fn: () => Promise<T>) => {
    emulator.resetCounters();
    const start = performance.now();
    const value = await fn();
    const top = emulator.requests.filter((r) => !r.batched).length;
    return { value, requests: top, subRequests: emulator.requests.filter((r) => r.batched).length, ru: emulator.resourceUnits(), ms: Math.round(performance.now() - start) };
  };

  const warmUp = await measure(() => store.refresh());
  const firstTabLoad = await measure(() => getPlanView({ store, clock }));
  const tabLoad = await measure(() => getPlanView({ store, clock }));
  const refreshNoChanges = await measure(() => store.refresh());

  const sent: string[] = [];
  const messenger: Messenger = { sendCard: async (to) => (sent.push(to.aadObjectId), { activityId: randomUUID() }) };
  const sweep = () => runReminderSweep({ store, messenger, clock, policy: DEFAULT_REMINDER_POLICY, render: renderReminders });
  const sweepNone = await measure(async () => {
    await store.refresh();
    return sweep();
  });

  // Another instance (or an officer in Microsoft Lists) moves 100 deadlines into the window.
  emulator.setLatency(0);
  const tasks = await store.listTasks();
  for (const t of tasks.slice(0, DUE)) await api.patch(`/sites/${emulator.siteId}/lists/Plan Tasks/items/${t.id}/fields`, { DueDate: '2026-11-27T12:00:00Z' });
  emulator.setLatency(LATENCY_MS);
  const sweepDue = await measure(async () => {
    await store.refresh();
    return sweep();
  });

  const target = (await store.listTasks())[DUE + 1]!;
  const submit = await measure(() =>
    submitUpdate(
      { store, clock },
      { actorAadObjectId: target.owners[0]!.aadObjectId, taskId: target.id, taskVersion: target.version, idempotencyKey: randomUUID(), values: { progress: 'Benchmark update', rag: 'Amber' } },
    ),
  );
  // An officer's edit from the tab: owners and due date, with its Plan Changes item in the same $batch.
  const edited = (await store.listTasks())[DUE + 2]!;
  const officer = { aadObjectId: 'oid-officer', displayName: 'Bench Officer', email: 'officer@example.gov.uk' };
  const directory = { findById: async (id: string) => owners.find((o) => o.aadObjectId === id), search: async () => [], managerOf: async () => undefined };
  const edit = await measure(() => editTask({ store, clock, directory }, { actor: officer, taskId: edited.id, expectedVersion: edited.version, body: { dueDate: '2027-09-30', owners: [owners[1]!.aadObjectId, owners[2]!.aadObjectId] } }));
  const detail = await measure(() => getTaskDetail({ store, clock }, edited.id));
  await store.close();
  await emulator.close();

  const figures = {
    tasks: TASKS,
    latencyMs: LATENCY_MS,
    warmUpGraphRequests: warmUp.requests,
    warmUpResourceUnits: warmUp.ru,
    tabLoadGraphRequests: tabLoad.requests,
    tabLoadResourceUnits: tabLoad.ru,
    tabLoadMs: tabLoad.ms,
    firstTabLoadGraphRequests: firstTabLoad.requests,
    firstTabLoadMs: firstTabLoad.ms,
    refreshNoChangesGraphRequests: refreshNoChanges.requests,
    refreshNoChangesResourceUnits: refreshNoChanges.ru,
    sweepNoneDueGraphRequests: sweepNone.requests,
    sweepNoneDueResourceUnits: sweepNone.ru,
    sweepNoneDueSent: sweepNone.value.sent.length,
    sweep100DueGraphRequests: sweepDue.requests,
    sweep100DueResourceUnits: sweepDue.ru,
    sweep100DueSent: sweepDue.value.sent.length,
    sweep100DueMs: sweepDue.ms,
    submitGraphRequests: submit.requests,
    submitBatchedSubRequests: submit.subRequests,
    submitResourceUnits: submit.ru,
    submitMs: submit.ms,
    officerEditGraphRequests: edit.requests,
    officerEditBatchedSubRequests: edit.subRequests,
    officerEditResourceUnits: edit.ru,
    officerEditMs: edit.ms,
    taskDetailGraphRequests: detail.requests,
    taskDetailMs: detail.ms,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(32)} ${v}`);
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
