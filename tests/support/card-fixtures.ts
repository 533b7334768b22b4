/**
 * What the cards are drawn with: one council's ordinary data, and data that tries to break the
 * layout (a pasted 300-character link, a 120-character word, long names, long titles, a dozen
 * tasks), both in the shape every card builder takes.
 */
import type { Person, RagApproval, Task, TaskComment, Update } from '../../core/model';
import type { ApprovalView } from '../../core/use-cases/approval-messages';

export interface CardData {
  /** "realistic" or "hostile": in test names and screenshot file names. */
  label: string;
  owner: Person;
  manager: Person;
  task: Task;
  /** Several of the owner's tasks, for the list cards. */
  tasks: Task[];
  update: Update;
  pending: ApprovalView;
  approved: ApprovalView;
  rejected: ApprovalView;
  /** Several pending approvals, for the list cards. */
  approvals: ApprovalView[];
  comments: TaskComment[];
  /** Free text a person typed (an error message, a notice, a colleague's name). */
  typed: string;
}

const person = (id: string, displayName: string, email: string): Person => ({ aadObjectId: id, displayName, email });

function taskWith(i: number, over: Partial<Task>): Task {
  return {
    id: `t${i}`,
    version: `v${i}`,
    ref: `1.${i}`,
    title: 'Publish the annual equality data report',
    objectiveRef: '1',
    kind: 'Priority',
    owners: [],
    groupsImpacted: ['Age', 'Disability'],
    dueDate: '2026-12-01',
    dueText: 'By the end of November 2026',
    rag: 'Amber',
    status: 'Open',
    ...over,
  };
}

function approvalOf(task: Task, requestedBy: Person, approver: Person, over: Partial<RagApproval>): RagApproval {
  return {
    id: `a-${task.id}`,
    version: '1',
    key: `k-${task.id}`,
    taskId: task.id,
    taskRef: task.ref,
    fromRag: task.rag,
    toRag: 'Red',
    requestedBy,
    requestedAt: '2026-11-20T10:15:00Z',
    approver,
    route: 'accountable-officer',
    state: 'Pending',
    ...over,
  };
}

interface Words {
  label: string;
  owner: Person;
  manager: Person;
  title: string;
  progress: string;
  evidence: string;
  comment: string;
  typed: string;
  ref: (i: number) => string;
}

function build(words: Words): CardData {
  const { owner, manager } = words;
  const base = { owners: [owner], accountableOfficer: manager, latestUpdate: words.progress, latestUpdateAt: '2026-11-01T09:30:00Z', latestUpdateBy: owner };
  const measure = { name: words.title, unit: '%', baseline: 38, baselineDate: '2025-04-01', target: 50, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 };
  const task = taskWith(1, { ...base, ref: words.ref(1), title: words.title, measure, measureValue: 41, measureValueAt: '2026-11-01T09:30:00Z', pendingRag: 'Red', pendingApprovalId: 'k-t1' });
  const tasks = Array.from({ length: 12 }, (_, i) => taskWith(i + 1, { ...base, ref: words.ref(i + 1), title: i % 2 ? words.title : 'Run the staff equality survey and share the results', dueDate: `2026-12-${String(i + 1).padStart(2, '0')}` }));
  const update: Update = {
    id: 'u1',
    version: '1',
    taskId: task.id,
    taskRef: task.ref,
    round: 'Board report March 2027',
    submittedBy: owner,
    submittedAt: '2026-11-20T10:15:00Z',
    progress: words.progress,
    ragProposed: 'Red',
    evidence: words.evidence,
    risks: words.evidence,
    supportNeeded: words.progress,
    revisedDueDateRequested: '2027-01-31',
    measureValue: 41,
    idempotencyKey: 'n1',
  };
  const view = (t: Task, over: Partial<RagApproval> = {}): ApprovalView => ({ task: t, update: { ...update, taskId: t.id, taskRef: t.ref }, approval: approvalOf(t, owner, manager, { justification: words.progress, ...over }) });
  const decided = { decidedBy: manager, decidedAt: '2026-11-21T16:45:00Z', comment: words.comment };
  const comments = Array.from({ length: 3 }, (_, i): TaskComment => ({ id: `c${i}`, version: '1', key: `c${i}`, taskId: task.id, taskRef: task.ref, author: i % 2 ? manager : owner, postedAt: `2026-11-1${i}T12:00:00Z`, text: words.comment }));
  return {
    label: words.label,
    owner,
    manager,
    task,
    tasks,
    update,
    pending: view(task),
    approved: view(task, { state: 'Approved', ...decided }),
    rejected: view(task, { state: 'Rejected', ...decided }),
    approvals: tasks.map((t) => view(t)),
    comments,
    typed: words.typed,
  };
}

export const REALISTIC = build({
  label: 'realistic',
  owner: person('aad-amara', 'Amara Okafor', 'amara.okafor@council.gov.uk'),
  manager: person('aad-sam', 'Sam Whitfield', 'sam.whitfield@council.gov.uk'),
  title: 'Publish the annual workforce equality data report, with pay gaps by ethnicity and disability',
  progress: 'The draft report went to the working group on 28 October. Two directorates have still to send their recruitment figures; I have chased them and expect the data by 15 November.',
  evidence: 'Disclosure rates rose from 62% to 71% after the campaign (see the HR dashboard, November).',
  comment: 'Thanks — can you bring the draft to the next EDI board so members can see the pay gap figures?',
  typed: 'Sam Whitfield',
  ref: (i) => `2.${i}.1`,
});

/** A pasted SharePoint link: 300 characters with no space in them. */
export const LONG_URL = `https://northshirecouncil.sharepoint.com/sites/EqualityDiversityInclusion/Shared%20Documents/Board%20papers/2026-27/Workforce%20equality%20data/Annual_Workforce_Equality_Report_2026_DRAFT_v7_final_comments_from_directorates_and_HR.docx?d=w8f3e2a1b4c5d6e7f8091a2b3c4d5e6f7&csf=1&web=1&e=AbCdEf`.padEnd(300, '0');
/** One word as long as a line of print: a code, a hashtag, a name run together. */
export const LONG_WORD = 'Equalitydiversityandinclusionactionplanworkforcedatarecruitmentretentionprogressionpaygapdisabilityethnicitysexualorienta'.slice(0, 120);
const LONG_NAME = 'Dr Oluwaseun Adebayo-Featherstonehaugh-Montgomery Wolstenholme';
const LONG_PARAGRAPH = `Progress since October: ${LONG_URL} The working group met twice. ${LONG_WORD} Figures from all directorates are in, except Children's Services, whose system migration delayed the extract.`;

export const HOSTILE = build({
  label: 'hostile',
  owner: person('aad-long-owner', LONG_NAME, 'oluwaseun.adebayo-featherstonehaugh-montgomery@northshirecouncil.gov.uk'),
  manager: person('aad-long-manager', 'Professor Bartholomew Featherstonehaugh-Cholmondeley-Wolstenholme', 'b.fc-w@northshirecouncil.gov.uk'),
  title: `Review the recruitment, retention and progression of staff from under-represented groups across every directorate ${LONG_WORD} and publish the findings, with an action plan agreed by the corporate leadership team and the EDI board, ${LONG_URL}`,
  progress: LONG_PARAGRAPH,
  evidence: `${LONG_WORD} ${LONG_URL}`,
  comment: `${LONG_URL} ${LONG_WORD} **not bold** [not a link](https://example.org) {{DATE(2026-01-01T00:00:00Z)}}`,
  typed: `${LONG_NAME} ${LONG_WORD}`,
  ref: (i) => `WF-2026-${i}.${i}a`,
});
