import { buildBoardReport, type BoardReportInput } from '../../core/export/board-report-build';
import type { BoardReport } from '../../core/export/board-report';
import type { Objective, Person, Task, UpdateRound } from '../../core/model';
import { alice, bob, carol, taskInput } from '../support/builders';

/**
 * A small plan for the board paper's tests: two objectives, six tasks (one of each RAG, one
 * complete, one overdue, one with a measure, one with no owner), two closed rounds with
 * snapshots, and owners' text with line breaks, control characters and markup-like characters.
 */
export const objectives: Objective[] = [
  { id: 'o1', version: '1', ref: '1', title: 'Understanding our communities' },
  { id: 'o2', version: '1', ref: '2', title: 'A diverse workforce' },
];

const stored = (id: string, input: Parameters<typeof taskInput>[0]): Task => ({ ...taskInput(input), id, version: '1' });
const at = (date: string) => `${date}T09:00:00.000Z`;

/** Very long, so Word must wrap it (nothing may cut it). */
export const LONG_UPDATE = `${'The data sharing agreement went to every service. '.repeat(60)}End of update.`;

export const tasks: Task[] = [
  stored('t11', {
    ref: '1.1', title: 'Publish the equality data report', owners: [alice, bob], rag: 'Amber', dueDate: '2027-06-30', dueText: 'By the end of June 2027',
    latestUpdate: 'Draft <b>agreed</b> & sent to the board.\nPublication booked for June.', latestUpdateAt: at('2027-04-20'), latestUpdateBy: alice,
    evidence: 'Draft read by the community forum.', risks: 'Two services are late with their data.', supportNeeded: 'The board to chase the two directors.',
  }),
  stored('t12', {
    ref: '1.2', title: 'Refresh the monitoring form', owners: [carol], rag: 'Red', dueDate: '2027-01-31', dueText: 'By January 2027',
    latestUpdate: 'Supplier\u0007 pulled out.\r\nA new tender is needed.', latestUpdateAt: at('2027-03-05'), latestUpdateBy: carol,
    risks: 'No budget\u0001 for a new supplier.', supportNeeded: 'Approve £5,000 from reserves.',
  }),
  stored('t13', { ref: '1.3', title: 'Translate the complaints leaflet', owners: [alice], rag: 'Complete', status: 'Complete', dueDate: '2027-03-31', dueText: 'By March 2027', latestUpdate: 'Done: leaflet in six languages.', latestUpdateAt: at('2027-03-10'), latestUpdateBy: alice, evidence: 'Complaints from non-English speakers up 40%.' }),
  stored('t21', {
    ref: '2.1', title: 'Inclusive recruitment training', objectiveRef: '2', owners: [], rag: 'Green', dueDate: '2027-12-31', dueText: 'Ongoing',
    latestUpdate: '=HYPERLINK("http://evil.example")', latestUpdateAt: at('2027-03-20'),
    measure: { name: 'Panel chairs trained', unit: 'chairs', baseline: 0, baselineDate: '2026-04-01', target: 120, targetDate: '2027-12-31', amberBelow: 0.9, redBelow: 0.75 }, measureValue: 70, measureValueAt: at('2027-03-20'),
  }),
  stored('t22', { ref: '2.2', title: 'Reverse mentoring scheme', objectiveRef: '2', owners: [bob], rag: 'Not started', dueDate: '2027-09-30', dueText: undefined }),
  stored('t23', { ref: '2.3', title: 'Menopause at work policy', objectiveRef: '2', owners: [carol], rag: 'Amber', dueDate: '2027-07-31', dueText: 'By July 2027', latestUpdate: LONG_UPDATE, latestUpdateAt: at('2027-03-25'), latestUpdateBy: carol }),
];

const line = (task: Task, rag: Task['rag'], update?: { text: string; at: string; by?: Person }, extra: Partial<NonNullable<UpdateRound['snapshot']>[number]> = {}) => ({
  taskId: task.id, taskRef: task.ref, rag, ...(update && { update: update.text, updateAt: update.at, ...(update.by && { updateBy: update.by }) }), ...extra,
});
const [t11, t12, t13, t21, t22, t23] = tasks as [Task, Task, Task, Task, Task, Task];

export const october: UpdateRound = {
  id: 'r1', version: '1', name: 'October update', opensAt: at('2026-09-01'), dueDate: '2026-10-01', scope: { kind: 'all-open' }, state: 'Closed', closedAt: at('2026-10-02'),
  snapshot: [
    line(t11, 'Green', { text: 'Data requested from every service.', at: at('2026-09-10'), by: alice }),
    line(t12, 'Amber', { text: 'Old news from August.', at: at('2026-08-01') }),
    line(t13, 'Green', { text: 'Leaflet drafted.', at: at('2026-09-12'), by: alice }),
    line(t21, 'Not started', undefined, { measureValue: 10 }),
  ],
};

export const april: UpdateRound = {
  id: 'r2', version: '1', name: 'April update', opensAt: at('2027-03-01'), dueDate: '2027-04-01', scope: { kind: 'all-open' }, state: 'Closed', closedAt: at('2027-04-02'),
  snapshot: [
    line(t11, 'Green', { text: 'Draft report with the forum.', at: at('2027-03-02'), by: alice }, { risks: 'Two services may be late.' }),
    line(t12, 'Red', { text: 'Supplier\u0007 pulled out.\r\nA new tender is needed.', at: at('2027-03-05'), by: carol }, { risks: 'No budget\u0001 for a new supplier.', supportNeeded: 'Approve £5,000 from reserves.' }),
    line(t13, 'Complete', { text: 'Done: leaflet in six languages.', at: at('2027-03-10'), by: alice }, { status: 'Complete', evidence: 'Complaints from non-English speakers up 40%.' }),
    line(t21, 'Green', { text: '=HYPERLINK("http://evil.example")', at: at('2027-03-20') }, { measureValue: 70 }),
    line(t22, 'Not started'),
    line(t23, 'Amber', { text: LONG_UPDATE, at: at('2027-03-25'), by: carol }, { risks: 'HR capacity.' }),
    { taskId: 'gone', taskRef: '3.1', rag: 'Complete' as const, update: 'Finished.', updateAt: at('2027-03-02') },
  ],
};

export const NOW = new Date('2027-05-10T10:00:00.000Z');
const meta = { council: 'Northvale District Council', planTitle: 'EDI action plan 2026 to 2028', preparedBy: 'Priya Shah' };

export function report(overrides: Partial<BoardReportInput> = {}): BoardReport {
  return buildBoardReport({ tasks, objectives, rounds: [october, april], now: NOW, meta, ...overrides });
}

/** The plan as of today: April closed last; no round open. */
export const currentReport = (): BoardReport => report();
/** The April round as it closed. */
export const aprilReport = (): BoardReport => report({ round: april });
/** A first plan: every task Green, no round ever run. */
export const quietReport = (): BoardReport =>
  report({ tasks: tasks.filter((t) => t.rag !== 'Complete').map((t) => ({ ...t, rag: 'Green' as const, dueDate: '2027-12-31' })), rounds: [] });
