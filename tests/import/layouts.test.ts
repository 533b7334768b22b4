import assert from 'node:assert/strict';
import { framework, progress, register, transposed, FORMATS, type PlanLayout } from '../fixtures/import/plan-layouts';
import { fixtureBytes, openStore, person, projectTask, runImport, warningsOf } from './import-support';

/**
 * Four plans laid out as councils lay them out, each as .xlsx, .csv and .docx: the same tasks must
 * come out of every format, field by field.
 */

const EXT = { xlsx: 'xlsx', csv: 'csv', docx: 'docx' } as const;

async function dryRun(layout: PlanLayout, format: (typeof FORMATS)[number]) {
  const store = openStore();
  try {
    return await runImport(store, fixtureBytes(layout, format), `${layout.fileBase}.${EXT[format]}`, { dryRun: true });
  } finally {
    await store.close();
  }
}

const objective1 = { ref: '1', title: 'Know our communities and work with them' };
const objective2 = { ref: '2', title: 'Lead by example' };
const measure11 = 'We know which data sets describe our residents, and partners share what they hold with us.';

const FRAMEWORK_TASKS = [
  {
    ref: '1.1.1',
    title: 'By the end of March 2026, list the community data each directorate and partner already holds, by protected characteristic.',
    objective: objective1,
    indicator: '1.1 Gathering and sharing equality information',
    kind: 'Priority',
    owners: [],
    unassignedOwners: ['Principal Research Officer', 'Business Intelligence Team'],
    successMeasure: measure11,
    dueDate: '2026-03-31',
    dueText: 'By the end of March 2026',
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '1.1.2',
    title: "By the end of June 2026, publish an equality dashboard showing the make-up of the district's residents.",
    objective: objective1,
    indicator: '1.1 Gathering and sharing equality information',
    kind: 'Priority',
    owners: [person('alex')],
    unassignedOwners: [],
    successMeasure: measure11,
    dueDate: '2026-06-30',
    dueText: 'By the end of June 2026',
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '1.1.3',
    title: 'Keep the equality pages of the intranet up to date with each new census release.',
    objective: objective1,
    indicator: '1.1 Gathering and sharing equality information',
    kind: 'Ongoing',
    owners: [person('priya')],
    unassignedOwners: [],
    successMeasure: measure11,
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '1.2.1',
    title: "Run two listening events each year with disabled residents' groups and feed back what changed as a result, starting in autumn 2026.",
    objective: objective1,
    indicator: '1.2 Listening to residents',
    kind: 'Priority',
    owners: [person('priya'), person('fatima')],
    unassignedOwners: ['Community Engagement Manager'],
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '1.2.2',
    title: 'Ask the standard equality monitoring questions in every public survey.',
    objective: objective1,
    indicator: '1.2 Listening to residents',
    kind: 'Priority',
    owners: [],
    unassignedOwners: ['Senior Consultation Officer'],
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '2.1.1',
    title: 'Before 31 December 2026, give each corporate director a named equality commitment in their annual objectives.',
    objective: objective2,
    indicator: '2.1 Leadership and accountability',
    kind: 'Priority',
    owners: [person('ruth')],
    unassignedOwners: [],
    dueDate: '2026-12-31',
    dueText: 'Before 31 December 2026',
    rag: 'Not started',
    status: 'Open',
  },
  {
    ref: '2.1.2',
    title: 'Agree a yearly budget for staff network activity.',
    objective: objective2,
    indicator: '2.1 Leadership and accountability',
    kind: 'Priority',
    owners: [],
    unassignedOwners: ['Head of Finance'],
    rag: 'Not started',
    status: 'Open',
  },
];

const staff = { ref: '1', title: 'Staff feel that equality and inclusion are part of how we work' };
const residents = { ref: '2', title: 'Residents can reach our services and take part' };
const evidenceAction = 'Improve the evidence we use to judge the equality effect of our policies, services and decisions';
const progressTask = (ref: string, objective: typeof staff, indicator: string, title: string, desiredOutcome: string, rag: string, latestUpdate?: string, status = 'Open') => ({
  ref,
  title,
  objective,
  kind: 'Priority',
  owners: [],
  unassignedOwners: [],
  rag,
  status,
  refGenerated: true,
  indicator,
  desiredOutcome,
  ...(latestUpdate && { latestUpdate }),
});

const PROGRESS_TASKS = [
  progressTask('1.1', staff, 'Gain recognised workplace accreditations', 'Work through the Disability Confident leader criteria; Close any gaps found; Submit the self-assessment', 'Leader status achieved', 'Amber', 'Gap analysis done; evidence being gathered.'),
  progressTask('1.2', staff, 'Gain recognised workplace accreditations', 'Sign the employer pledge on menopause support', 'Pledge signed and publicised to staff', 'Complete', 'Pledge signed in May 2025.', 'Complete'),
  progressTask('1.3', staff, 'Hear from staff on equality', 'Hold open sessions on race, sex and accessibility at work', 'Sessions run every quarter', 'Green', 'Four sessions held so far.'),
  progressTask('1.4', staff, 'Hear from staff on equality', 'Turn what staff said into a short action list for the working group', 'Staff see changes made', 'Green'),
  progressTask('1.5', staff, evidenceAction, 'Review the impact assessment template and its guidance', 'Template used for every cabinet report', 'Red', 'Review delayed by staff changes.'),
  progressTask('1.6', staff, evidenceAction, 'Set up a data group to agree what equality data services collect', 'Shared and reliable data', 'Not started', 'Group meets from January.'),
  progressTask('2.1', residents, 'Mark awareness events with residents', 'Hold an event for Windrush Day', 'Event held with community partners', 'Complete', 'Held in June with two local schools.', 'Complete'),
  progressTask('2.2', residents, 'Mark awareness events with residents', 'Fly the Pride flag during Pride month', 'Visible support for LGBT+ residents', 'Not started'),
];

const fair = { ref: '1', title: 'Fair and accessible services' };
const workforce = { ref: '2', title: 'An inclusive workforce' };
const OCT = 'October 2024 Update';
const MAR = 'March 2025 Update';
const REGISTER_TASKS = [
  {
    ref: 'R1.1',
    title: 'Publish an accessibility statement for every online form',
    objective: fair,
    kind: 'Priority',
    owners: [person('alex')],
    unassignedOwners: [],
    rag: 'Green',
    status: 'Open',
    accountableOfficer: person('sam'),
    accountableOfficerText: 'Sam Okafor',
    leadService: 'Digital Services',
    supportingServices: 'Communications',
    successMeasure: 'Every form has a statement',
    dueDate: '2025-03-31',
    dueText: '31/03/2025',
    latestUpdate: 'All 112 forms now carry a statement.',
    history: [
      { round: OCT, date: '2024-10-31', text: 'Statements drafted for 40 forms.' },
      { round: MAR, date: '2025-03-31', text: 'All 112 forms now carry a statement.' },
    ],
  },
  {
    ref: 'R1.2',
    title: 'Offer British Sign Language video calls at the main customer contact point',
    objective: fair,
    kind: 'Priority',
    owners: [person('priya')],
    unassignedOwners: [],
    rag: 'Amber',
    status: 'Open',
    accountableOfficer: person('sam'),
    accountableOfficerText: 'Sam Okafor',
    leadService: 'Customer Services',
    successMeasure: 'Service live; monthly call numbers reported',
    dueDate: '2025-12-31',
    dueText: 'Q3 2025/26',
    latestUpdate: 'Supplier chosen; contract being signed.',
    history: [{ round: MAR, date: '2025-03-31', text: 'Supplier chosen; contract being signed.' }],
  },
  {
    ref: 'R1.3',
    title: 'Check the housing allocations policy for indirect discrimination',
    objective: fair,
    kind: 'Priority',
    owners: [],
    unassignedOwners: ['Head of Housing'],
    rag: 'Red',
    status: 'Open',
    accountableOfficerText: 'Chris Taylor',
    leadService: 'Housing',
    supportingServices: 'Legal Services',
    successMeasure: 'Review reported to cabinet',
    dueText: 'TBC',
    deadlineNote: 'Deadline to be confirmed',
    latestUpdate: 'Not started: awaiting legal advice.',
    history: [{ round: OCT, date: '2024-10-31', text: 'Not started: awaiting legal advice.' }],
  },
  {
    ref: 'R2.1',
    title: 'Report the ethnicity and disability pay gaps alongside the gender pay gap',
    objective: workforce,
    kind: 'Priority',
    owners: [person('jordan'), person('grace')],
    unassignedOwners: [],
    rag: 'Complete',
    status: 'Complete',
    accountableOfficer: person('ruth'),
    accountableOfficerText: 'Ruth Adeyemi',
    leadService: 'Human Resources',
    successMeasure: 'Three pay gap figures published each year',
    dueDate: '2026-03-31',
    dueText: 'Annually in March',
    latestUpdate: 'All three published for 2024.',
    history: [
      { round: OCT, date: '2024-10-31', text: 'Gender figures published.' },
      { round: MAR, date: '2025-03-31', text: 'All three published for 2024.' },
    ],
  },
  {
    ref: 'R2.2',
    title: 'Introduce reverse mentoring between staff network members and senior leaders',
    objective: workforce,
    kind: 'Priority',
    owners: [],
    unassignedOwners: [],
    rag: 'Not started',
    status: 'Open',
    leadService: 'Human Resources',
    supportingServices: 'Staff networks',
    successMeasure: 'Ten mentoring pairs in place',
    dueDate: '2026-05-31',
    dueText: 'Spring 2026',
    deadlineNote: 'Season given; read as the end of May 2026',
  },
  {
    ref: 'R2.3',
    title: 'Make reasonable adjustment passports available to every employee',
    objective: workforce,
    kind: 'Ongoing',
    owners: [person('jordan')],
    unassignedOwners: [],
    rag: 'Green',
    status: 'Open',
    accountableOfficer: person('grace'),
    accountableOfficerText: 'Grace Whitfield',
    leadService: 'Human Resources',
    supportingServices: 'Occupational Health',
    successMeasure: 'Passport offered at every induction',
    dueText: 'Ongoing',
  },
];

const transposedTasks = (objective: { ref: string; title: string }) => [
  {
    ref: 'H1',
    title: 'Set up a steering group for the new equality strategy',
    objective,
    kind: 'Priority',
    owners: [person('fatima')],
    unassignedOwners: [],
    rag: 'Not started',
    status: 'Open',
    successMeasure: 'Group meets monthly',
    dueDate: '2025-11-30',
    dueText: 'October to November 2025',
    deadlineNote: 'Range given; took its end, November 2025',
    latestUpdate: 'First meeting held.',
  },
  {
    ref: 'H2',
    title: 'Consult residents and staff groups on the draft strategy',
    objective,
    kind: 'Priority',
    owners: [],
    unassignedOwners: ['Senior Consultation Officer'],
    rag: 'Not started',
    status: 'Open',
    successMeasure: 'Responses from every staff network',
    dueDate: '2026-02-28',
    dueText: 'December 2025 to February 2026',
    deadlineNote: 'Range given; took its end, February 2026',
  },
  {
    ref: 'H3',
    title: 'Take the final strategy to full council',
    objective,
    kind: 'Priority',
    owners: [person('ruth')],
    unassignedOwners: [],
    rag: 'Not started',
    status: 'Open',
    successMeasure: 'Strategy adopted',
    dueDate: '2026-05-31',
    dueText: 'May 2026',
  },
];

for (const format of FORMATS) {
  describe(`importing plans from ${format}`, () => {
    it('a framework plan: headings between tables, owners one per line, deadlines in the wording, a row split by a page break', async () => {
      const report = await dryRun(framework, format);
      assert.equal(report.format, format);
      assert.deepEqual(report.tasks.map(projectTask), FRAMEWORK_TASKS);
      assert.deepEqual(report.objectives, [{ ...objective1, action: 'create' }, { ...objective2, action: 'create' }]);
      assert.deepEqual(warningsOf(report), []);
      // The split row's owners are joined, one per line, as the council wrote them.
      assert.equal(report.tasks.find((t) => t.ref === '1.2.1')?.ownerText, 'Community Engagement Manager\nPriya Shah\nFatima Rahman');
      assert.deepEqual(
        report.toAssign.map((a) => [a.text, a.taskRefs]),
        [['Business Intelligence Team', ['1.1.1']], ['Community Engagement Manager', ['1.2.1']], ['Head of Finance', ['2.1.2']], ['Principal Research Officer', ['1.1.1']], ['Senior Consultation Officer', ['1.2.2']]],
      );
      const where = { xlsx: 'Sheet "EDI plan", row 8', csv: 'northvale-framework-plan.csv, row 8', docx: 'Table 1, row 2' }[format];
      assert.equal(report.tasks[0]?.where, where);
    });

    it('a progress plan: objective rows inside the table, blank action = same action, an action continued over a page break, no refs', async () => {
      const report = await dryRun(progress, format);
      assert.deepEqual(report.tasks.map(projectTask), PROGRESS_TASKS);
      const missingOwner = PROGRESS_TASKS.map((t) => ['missing-owner', t.ref] as const);
      assert.deepEqual(
        [...warningsOf(report)].sort(),
        [...missingOwner, ['unknown-rag', '1.6'], ['generated-refs', null]].sort(),
      );
      assert.match(report.warnings.find((w) => w.code === 'unknown-rag')!.message, /RAG "Purple" is not one we know/);
    });

    it('a register with dated update columns: history by round, owners and accountable officers matched, deadlines in many wordings, a duplicate ref', async () => {
      const report = await dryRun(register, format);
      assert.deepEqual(report.tasks.map(projectTask), REGISTER_TASKS);
      assert.deepEqual(warningsOf(report), [
        ['duplicate-ref', 'R2.1'],
        ['ambiguous-owner', 'R1.3'],
        ['unparsed-deadline', 'R1.3'],
        ['missing-owner', 'R2.2'],
        ['deadline-check', 'R2.2'],
      ]);
      assert.equal(report.skipped.length, 1);
      assert.match(report.skipped[0]!.reason, /Ref R2\.1 is used again/);
      assert.deepEqual(report.rounds, [
        { name: OCT, date: '2024-10-31', action: 'create', tasks: 3 },
        { name: MAR, date: '2025-03-31', action: 'create', tasks: 3 },
      ]);
      assert.deepEqual(report.toAssign, [
        { text: 'Chris Taylor', role: 'accountable officer', taskRefs: ['R1.3'] },
        { text: 'Head of Housing', role: 'owner', taskRefs: ['R1.3'] },
      ]);
      assert.equal(report.summary.historyEntries, 6);
    });

    it('a plan laid out sideways: one action per column', async () => {
      const report = await dryRun(transposed, format);
      const objective = { ref: '1', title: `Imported from ${transposed.fileBase}.${format}` };
      assert.deepEqual(report.tasks.map(projectTask), transposedTasks(objective));
      assert.equal(report.tables.filter((t) => t.recognised).every((t) => t.transposed), true);
      assert.deepEqual(warningsOf(report), [['no-objective', null], ['deadline-check', 'H1'], ['deadline-check', 'H2']]);
      const where = { xlsx: 'Sheet "Consultation plan", column C', csv: 'hillcrest-transposed.csv, column 3', docx: 'Table 1, column 3' }[format];
      assert.equal(report.tasks[1]?.where, where);
    });
  });
}
