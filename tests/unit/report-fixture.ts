import type { Objective, Person, RoundSnapshotLine, Task, UpdateRound } from '../../core/model';

/**
 * A small plan with history for the board paper and trends: two closed rounds (June, September),
 * five tasks that moved between them and today, one measure, one task without an owner.
 */
export const NOW = new Date('2026-12-07T10:00:00.000Z');

export const alex: Person = { aadObjectId: 'alex', displayName: 'Alex Morgan', email: 'alex@example.gov.uk' };
export const bea: Person = { aadObjectId: 'bea', displayName: 'Bea Singh', email: 'bea@example.gov.uk' };

export const objectives: Objective[] = [
  { id: 'o2', version: '1', ref: '2', title: 'A workforce that reflects the district' },
  { id: 'o1', version: '1', ref: '1', title: 'Know our communities' },
];

function task(t: Partial<Task> & Pick<Task, 'id' | 'ref' | 'objectiveRef'>): Task {
  return { version: '1', title: `Task ${t.ref}`, kind: 'Priority', owners: [alex], groupsImpacted: [], rag: 'Green', status: 'Open', ...t };
}

export function planTasks(): Task[] {
  return [
    task({ id: 't1', ref: '1.1', objectiveRef: '1', rag: 'Green', dueDate: '2026-12-31', dueText: 'By the end of December 2026', latestUpdate: 'Profile drafted.', latestUpdateAt: '2026-11-01T10:00:00.000Z', latestUpdateBy: alex }),
    task({ id: 't2', ref: '1.2', objectiveRef: '1', owners: [bea], rag: 'Red', dueDate: '2026-10-01', latestUpdate: 'Survey paused.', latestUpdateAt: '2026-09-20T10:00:00.000Z', latestUpdateBy: bea, risks: 'The survey budget was cut.', supportNeeded: 'Agree funding for the survey.' }),
    task({ id: 't3', ref: '2.1', objectiveRef: '2', rag: 'Complete', status: 'Complete', percentComplete: 100, latestUpdate: 'Policy adopted.', latestUpdateAt: '2026-10-10T10:00:00.000Z', latestUpdateBy: alex }),
    task({
      id: 't4',
      ref: '2.2',
      objectiveRef: '2',
      owners: [alex, bea],
      rag: 'Amber',
      dueText: 'Q4 2026/27',
      dueDate: '2027-03-31',
      risks: 'Few staff answer the diversity survey.',
      latestUpdate: 'Declaration campaign ran in November.',
      latestUpdateAt: '2026-11-20T10:00:00.000Z',
      latestUpdateBy: bea,
      measure: { name: 'Staff declaring a disability', unit: '%', baseline: 40, baselineDate: '2026-04-01', target: 50, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 },
      measureValue: 42,
      measureValueAt: '2026-11-20T10:00:00.000Z',
    }),
    task({ id: 't5', ref: '2.3', objectiveRef: '2', owners: [], rag: 'Not started' }),
  ];
}

const line = (l: Omit<RoundSnapshotLine, 'taskRef'> & { taskRef?: string }): RoundSnapshotLine => ({ taskRef: ({ t1: '1.1', t2: '1.2', t3: '2.1', t4: '2.2', t5: '2.3' } as Record<string, string>)[l.taskId] ?? 'x', ...l });

export function planRounds(): UpdateRound[] {
  return [
    {
      id: 'r1',
      version: '1',
      name: 'Board report June 2026',
      opensAt: '2026-06-01T08:00:00.000Z',
      dueDate: '2026-06-20',
      scope: { kind: 'all-open' },
      state: 'Closed',
      closedAt: '2026-06-30T16:00:00.000Z',
      snapshot: [
        line({ taskId: 't1', rag: 'Amber', update: 'Data gathered.', updateAt: '2026-06-10T10:00:00.000Z', updateBy: alex, status: 'Open' }),
        line({ taskId: 't2', rag: 'Green', update: 'Survey designed.', updateAt: '2026-06-12T10:00:00.000Z', updateBy: bea, status: 'Open' }),
        line({ taskId: 't4', rag: 'Amber', status: 'Open', measureValue: 40 }),
      ],
    },
    {
      id: 'r2',
      version: '1',
      name: 'Board report September 2026',
      opensAt: '2026-09-01T08:00:00.000Z',
      dueDate: '2026-09-25',
      scope: { kind: 'all-open' },
      state: 'Closed',
      closedAt: '2026-09-30T16:00:00.000Z',
      snapshot: [
        line({ taskId: 't1', rag: 'Amber', update: 'Data gathered.', updateAt: '2026-06-10T10:00:00.000Z', updateBy: alex, status: 'Open' }),
        line({ taskId: 't2', rag: 'Amber', update: 'Survey paused.', updateAt: '2026-09-20T10:00:00.000Z', updateBy: bea, status: 'Open', risks: 'The survey budget may be cut.' }),
        line({ taskId: 't3', rag: 'Green', update: 'Consultation done.', updateAt: '2026-09-05T10:00:00.000Z', updateBy: alex, status: 'Open' }),
        line({ taskId: 't4', rag: 'Amber', update: 'Campaign planned.', updateAt: '2026-09-10T10:00:00.000Z', updateBy: bea, status: 'Open', measureValue: 41 }),
        // A task removed from the plan since: the round's record keeps it.
        line({ taskId: 'gone', taskRef: '1.9', rag: 'Red', update: 'Merged into 1.2.', updateAt: '2026-09-15T10:00:00.000Z', updateBy: bea }),
      ],
    },
  ];
}

/** The rounds with a third, open since 15 November. */
export function roundsWithOpen(): UpdateRound[] {
  return [...planRounds(), { id: 'r3', version: '1', name: 'Board report December 2026', opensAt: '2026-11-15T08:00:00.000Z', dueDate: '2026-12-11', scope: { kind: 'all-open' }, state: 'Open' }];
}
