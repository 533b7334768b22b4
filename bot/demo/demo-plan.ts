import { DateTime } from 'luxon';
import { parseDeadline } from '../../core/deadline/parse-deadline';
import { PROTECTED_CHARACTERISTICS, type ObjectiveInput, type Rag, type TaskInput, type TaskKind } from '../../core/model';
import { demoUsers, toPerson, type DemoUserKey } from './demo-users';

/**
 * The demo council's EDI action plan, built relative to "today" so that whatever day the demo
 * runs on, some tasks are due this week, some are overdue, some are done and the Playground's
 * default user (alex) has tasks inside the reminder window. Pure and deterministic for a given
 * `today`: no clock, no randomness.
 */

export interface DemoHistoryEntry {
  daysAgo: number;
  by: DemoUserKey;
  progress: string;
  rag?: Rag;
  evidence?: string;
  risks?: string;
}

/** History is oldest first; the task's latest fields and rag mirror its newest entry. */
export interface DemoTask extends TaskInput {
  history: DemoHistoryEntry[];
}

export interface DemoPlan {
  title: string;
  planStart: string;
  planEnd: string;
  objectives: ObjectiveInput[];
  tasks: DemoTask[];
}

const ZONE = 'Europe/London';
/** Updates in the demo history are stamped at this local hour. */
const UPDATE_HOUR = 10;

/** When a demo update `daysAgo` days before `today` was submitted: 10:00 Europe/London, as UTC. */
export function demoUpdateInstant(today: string, daysAgo: number): string {
  return instantDaysBefore(calendarDay(today), daysAgo);
}

export function buildDemoPlan(today: string): DemoPlan {
  const day = calendarDay(today);
  const { startYear, planStart, planEnd } = planPeriod(day);
  const tasks = taskSpecs(deadlineWordings(day)).map((spec) => toDemoTask(spec, day, planEnd));
  return {
    title: `Northvale District Council Equality, Diversity and Inclusion Action Plan ${startYear}–${startYear + 3}`,
    planStart,
    planEnd,
    objectives: OBJECTIVES.map((o) => ({ ...o })),
    tasks,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * `today` as a calendar day. Date arithmetic (days and months on, ends of months) is done on the
 * calendar alone, which needs no time zone; only the update instants are placed in Europe/London.
 */
function calendarDay(today: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today)
    ? DateTime.fromISO(today, { zone: 'utc' })
    : DateTime.invalid('not yyyy-mm-dd');
  if (!day.isValid) throw new RangeError(`today must be a calendar date (yyyy-mm-dd), got "${today}"`);
  return day;
}

/** 10:00 Europe/London on the day `daysAgo` days before `day`, as a UTC ISO instant. */
function instantDaysBefore(day: DateTime, daysAgo: number): string {
  const { year, month, day: dayOfMonth } = day.minus({ days: daysAgo });
  return DateTime.fromObject({ year, month, day: dayOfMonth, hour: UPDATE_HOUR }, { zone: ZONE }).toUTC().toISO() as string;
}

/** April-to-March financial year that `day` falls in, named by the year it starts. */
function financialYear(day: DateTime): number {
  return day.month >= 4 ? day.year : day.year - 1;
}

/**
 * A three-year plan, April to March. It is the 2025–2028 plan while today falls in its first two
 * years; outside those years the window moves by whole years so that today stays in the plan's
 * first or second year and the relative deadlines never run past the plan's end.
 */
function planPeriod(day: DateTime): { startYear: number; planStart: string; planEnd: string } {
  const fy = financialYear(day);
  const startYear = Math.min(fy, Math.max(2025, fy - 1));
  return { startYear, planStart: `${startYear}-04-01`, planEnd: `${startYear + 3}-03-31` };
}

/** Council-style deadline wording, computed relative to today. */
interface DeadlineWordings {
  /** "By 27 November 2026": a real date `days` from today (negative for the past). */
  onDate(days: number): string;
  /** "By the end of December 2026": the end of the month `months` from this one. */
  byEndOf(months: number): string;
  /** "End of March 2027": the same, in the shorter form councils also use. */
  endOf(months: number): string;
  /** "Q4 2026/27": the financial quarter `quarters` on from this one. */
  quarter(quarters: number): string;
}

/** English month names, fixed here rather than taken from Intl so the wording never depends on ICU data. */
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function deadlineWordings(day: DateTime): DeadlineWordings {
  const monthYear = (d: DateTime) => `${MONTH_NAMES[d.month - 1]} ${d.year}`;
  const month = (months: number) => monthYear(day.plus({ months }));
  return {
    onDate: (days) => {
      const d = day.plus({ days });
      return `By ${d.day} ${monthYear(d)}`;
    },
    byEndOf: (months) => `By the end of ${month(months)}`,
    endOf: (months) => `End of ${month(months)}`,
    quarter: (quarters) => {
      const d = day.plus({ months: 3 * quarters });
      const fy = financialYear(d);
      const q = Math.floor((d.month + 8) / 3) % 4 + 1; // Apr–Jun Q1 … Jan–Mar Q4
      return `Q${q} ${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
    },
  };
}

const ONGOING = 'Ongoing';
const PLAN_DURATION = 'During the time of this action plan';
const EVERY_MARCH = 'By the end of March each year';

// ---------------------------------------------------------------------------------------------
// Objectives and indicators (LGA Equality Framework modules, in our words)

const OBJECTIVES: readonly ObjectiveInput[] = [
  {
    ref: '1',
    title: 'Understand and work with the communities of Northvale',
    description:
      'Gather, share and use good information about the people who live and work in the district, and involve them in the decisions that affect them.',
  },
  {
    ref: '2',
    title: 'Show leadership, partnership and organisational commitment to equality',
    description:
      'Councillors and senior officers lead by example, equality is built into how decisions are made, and progress is open to scrutiny.',
  },
  {
    ref: '3',
    title: 'Commission, design and deliver inclusive and responsive services',
    description:
      'Services, including those bought from suppliers, are accessible and fair, and are shaped by what residents tell us.',
  },
  {
    ref: '4',
    title: 'Build and support a diverse and engaged workforce',
    description:
      'The council reflects the district it serves, and every member of staff can thrive, progress and be themselves at work.',
  },
];

const INDICATORS: Readonly<Record<string, string>> = {
  '1.1': '1.1 Collecting and sharing information',
  '1.2': '1.2 Analysing and using data',
  '1.3': '1.3 Effective community engagement',
  '1.4': '1.4 Fostering good community relations',
  '1.5': '1.5 Participation in public life',
  '2.1': '2.1 Political and officer leadership',
  '2.2': '2.2 Priorities and working in partnership',
  '2.3': '2.3 Using equality impact assessment',
  '2.4': '2.4 Performance monitoring and scrutiny',
  '3.1': '3.1 Commissioning and procurement',
  '3.2': '3.2 Equality outcomes in service planning',
  '3.3': '3.3 Service design and delivery',
  '4.1': '4.1 Workforce diversity and inclusion',
  '4.2': '4.2 Inclusive strategies and policies',
  '4.3': '4.3 Collecting, analysing and publishing workforce data',
  '4.4': '4.4 Learning, development and progression',
  '4.5': '4.5 Health and wellbeing',
};

const ALL_CHARACTERISTICS = PROTECTED_CHARACTERISTICS;

// ---------------------------------------------------------------------------------------------
// Tasks

/** What a task is written as here: people by demo key, ref-derived objective and indicator. */
interface TaskSpec {
  ref: string;
  title: string;
  kind: TaskKind;
  owners: DemoUserKey[];
  accountable?: DemoUserKey;
  dueText: string;
  groupsImpacted: string[];
  description?: string;
  desiredOutcome?: string;
  successMeasure?: string;
  supportingServices?: string;
  strategy?: string;
  percentComplete?: number;
  history: DemoHistoryEntry[];
}

function toDemoTask(spec: TaskSpec, day: DateTime, planEnd: string): DemoTask {
  const [objectiveRef = '', indicatorNo = ''] = spec.ref.split('.');
  const indicator = INDICATORS[`${objectiveRef}.${indicatorNo}`];
  const { dueDate } = parseDeadline(spec.dueText, { reference: day.toISODate() as string, planEnd });
  const latest = spec.history.at(-1);
  const rag: Rag = latest?.rag ?? 'Not started';
  const complete = rag === 'Complete';
  const percentComplete = complete ? 100 : spec.percentComplete;
  return {
    ref: spec.ref,
    title: spec.title,
    objectiveRef,
    ...(indicator ? { indicator } : {}),
    kind: spec.kind,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.desiredOutcome ? { desiredOutcome: spec.desiredOutcome } : {}),
    ...(spec.successMeasure ? { successMeasure: spec.successMeasure } : {}),
    owners: spec.owners.map((key) => toPerson(demoUsers[key])),
    ...(spec.accountable ? { accountableOfficer: toPerson(demoUsers[spec.accountable]) } : {}),
    ...(spec.supportingServices ? { supportingServices: spec.supportingServices } : {}),
    groupsImpacted: [...spec.groupsImpacted],
    ...(spec.strategy ? { strategy: spec.strategy } : {}),
    ...(dueDate ? { dueDate } : {}),
    dueText: spec.dueText,
    rag,
    status: complete ? 'Complete' : 'Open',
    ...(percentComplete !== undefined ? { percentComplete } : {}),
    ...(latest
      ? {
          latestUpdate: latest.progress,
          latestUpdateAt: instantDaysBefore(day, latest.daysAgo),
          latestUpdateBy: toPerson(demoUsers[latest.by]),
        }
      : {}),
    ...(latest?.evidence ? { evidence: latest.evidence } : {}),
    ...(latest?.risks ? { risks: latest.risks } : {}),
    history: spec.history.map((entry) => ({ ...entry })),
  };
}

const COUNCIL_PLAN = 'Northvale Council Plan: fair and connected communities';
const PEOPLE_STRATEGY = 'Northvale People Strategy';
const DIGITAL_STRATEGY = 'Northvale Digital Strategy';

function taskSpecs(due: DeadlineWordings): TaskSpec[] {
  return [
    // Objective 1 ----------------------------------------------------------------------------
    {
      ref: '1.1.1',
      title:
        'Publish an equality profile of the district that brings together Census 2021, council service data and local survey results.',
      kind: 'Priority',
      owners: ['alex'],
      accountable: 'sam',
      dueText: due.byEndOf(-1),
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Rural isolation', 'Low income'],
      desiredOutcome: 'Services, councillors and partners plan from one shared picture of who lives in Northvale.',
      successMeasure: 'Profile published on the website and intranet; cited in at least five equality impact assessments in its first year.',
      supportingServices: 'Business Intelligence; Communications',
      strategy: COUNCIL_PLAN,
      history: [
        {
          daysAgo: 150,
          by: 'alex',
          rag: 'Green',
          progress: 'Census tables for age, ethnicity, religion and disability assembled. Waiting on an extract from the housing register.',
        },
        {
          daysAgo: 95,
          by: 'alex',
          rag: 'Green',
          progress: 'Draft profile circulated to the EDI Officers Group. A rurality section was added after comments from the parish liaison officer.',
        },
        {
          daysAgo: 40,
          by: 'alex',
          rag: 'Complete',
          progress: 'Profile published on the website and intranet, with a launch note to all managers.',
          evidence: 'Around 400 page views in the first month; already referred to in three equality impact assessments.',
        },
      ],
    },
    {
      ref: '1.1.2',
      title:
        'Build an interactive EDI dashboard showing the population of each ward by protected characteristic and deprivation decile.',
      kind: 'Priority',
      owners: ['alex'],
      accountable: 'sam',
      dueText: due.onDate(5),
      groupsImpacted: ['Age', 'Disability', 'Race', 'Religion or belief', 'Sex', 'Rural isolation', 'Low income'],
      desiredOutcome: 'Officers can answer "who lives here?" for any ward without asking the research team.',
      successMeasure: 'Dashboard live on the intranet and used by at least eight services within three months.',
      supportingServices: 'Business Intelligence; ICT',
      strategy: DIGITAL_STRATEGY,
      percentComplete: 80,
      history: [
        {
          daysAgo: 120,
          by: 'alex',
          rag: 'Green',
          progress: 'Data model agreed with Business Intelligence and ward-level population estimates loaded.',
        },
        {
          daysAgo: 38,
          by: 'alex',
          rag: 'Green',
          progress:
            'Dashboard in testing with six services. Testers found two charts that relied on colour alone; text labels have been added.',
        },
      ],
    },
    {
      ref: '1.1.3',
      title:
        'Make sure council systems that record customer details ask the standard demographic questions, always with a "prefer not to say" option.',
      kind: 'Ongoing',
      owners: ['owen'],
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      desiredOutcome: 'Equality data collected the same way across services, so it can be compared and combined.',
      supportingServices: 'Customer Services',
      history: [
        {
          daysAgo: 70,
          by: 'owen',
          rag: 'Green',
          progress:
            'Standard question set now on the new housing and council tax forms. The planning portal supplier will add it in its next release.',
        },
      ],
    },
    {
      ref: '1.1.4',
      title: "Publish the council's equality information every year to meet the public sector equality duty.",
      kind: 'Priority',
      owners: ['priya'],
      dueText: EVERY_MARCH,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      successMeasure: 'Equality information published on time every year of the plan.',
      supportingServices: 'Business Intelligence; Human Resources',
      history: [
        {
          daysAgo: 45,
          by: 'priya',
          rag: 'Green',
          progress: "Timetable for this year's report agreed; services have been asked to send their data two months before publication.",
        },
      ],
    },
    {
      ref: '1.2.1',
      title:
        "Break down the residents' survey results by protected characteristic and by rural or urban area, so services can see whose experience differs.",
      kind: 'Priority',
      owners: ['alex'],
      accountable: 'sam',
      dueText: due.onDate(12),
      groupsImpacted: ['Age', 'Disability', 'Race', 'Sex', 'Sexual orientation', 'Rural isolation'],
      desiredOutcome: 'Service plans respond to differences in satisfaction between groups of residents.',
      successMeasure: 'Breakdowns published with the survey results and discussed at the EDI Board.',
      supportingServices: 'Consultation and Engagement',
      percentComplete: 50,
      history: [
        {
          daysAgo: 60,
          by: 'alex',
          rag: 'Amber',
          progress:
            'Weighting redone for the latest survey wave. Too few young and Gypsy and Traveller respondents to report separately; testing whether two waves can be combined.',
          risks: 'Small samples could mean some groups are left out of the published results.',
        },
      ],
    },
    {
      ref: '1.2.2',
      title:
        'Analyse complaints and compliments by protected characteristic each quarter and report any patterns to the EDI Officers Group.',
      kind: 'Ongoing',
      owners: ['tom'],
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      desiredOutcome: 'Unfair treatment or barriers to services are spotted early and put right.',
      successMeasure: 'Quarterly report produced; response rate to monitoring questions rises each year.',
      history: [
        {
          daysAgo: 100,
          by: 'tom',
          rag: 'Green',
          progress: 'Optional equality monitoring questions added to the online complaints form.',
        },
        {
          daysAgo: 20,
          by: 'tom',
          rag: 'Green',
          progress:
            'First quarterly analysis done. Disabled residents made a higher share of complaints about getting into council buildings; passed to the accessibility audit (3.3.1).',
          evidence: '31% of people complaining answered the monitoring questions, up from none.',
        },
      ],
    },
    {
      ref: '1.2.3',
      title:
        'Analyse community grant awards by the groups applicants serve, to see which communities benefit from council funding and which miss out.',
      kind: 'Priority',
      owners: ['fatima'],
      dueText: due.quarter(2),
      groupsImpacted: ['Age', 'Disability', 'Race', 'Religion or belief', 'Carers', 'Rural isolation'],
      desiredOutcome: 'Grant criteria and outreach are changed where groups are under-funded.',
      supportingServices: 'Grants team; Northvale Council for Voluntary Service',
      history: [
        {
          daysAgo: 25,
          by: 'fatima',
          rag: 'Not started',
          progress: "Not started yet. Scoped with the grants team; the analysis will begin once this year's grant round closes.",
        },
      ],
    },
    {
      ref: '1.3.1',
      title:
        'Set up a Community Equality Forum with voluntary groups representing disabled, older, younger, LGBT+, faith and ethnic minority residents.',
      kind: 'Priority',
      owners: ['fatima'],
      accountable: 'ruth',
      dueText: due.onDate(-9),
      groupsImpacted: ['Age', 'Disability', 'Race', 'Religion or belief', 'Sexual orientation', 'Gender reassignment', 'Carers'],
      desiredOutcome: 'Under-represented residents have a regular route into council decision-making.',
      successMeasure: 'Forum meets quarterly with at least ten member groups; its views recorded in decision reports.',
      supportingServices: 'Northvale Council for Voluntary Service; Democratic Services',
      strategy: COUNCIL_PLAN,
      percentComplete: 60,
      history: [
        {
          daysAgo: 130,
          by: 'fatima',
          rag: 'Green',
          progress: 'Terms of reference drafted with the Council for Voluntary Service. Eleven groups have asked to join.',
        },
        {
          daysAgo: 50,
          by: 'fatima',
          rag: 'Amber',
          progress:
            'First meeting postponed because the booked venue was not step-free. Looking for a town-centre venue with level access and a hearing loop.',
          risks: 'Launch is slipping and some groups may lose interest.',
        },
      ],
    },
    {
      ref: '1.3.2',
      title:
        'Work with the Armed Forces Covenant partnership to improve how the council identifies and supports veterans and service families.',
      kind: 'Priority',
      owners: ['fatima'],
      dueText: due.byEndOf(1),
      groupsImpacted: ['Armed forces community', 'Disability', 'Age'],
      desiredOutcome: 'Veterans and service families are asked about their service and directed to the right help.',
      successMeasure: 'Armed forces question added to housing and benefits forms; front-line staff briefed.',
      supportingServices: 'Housing Options; Customer Services',
      history: [
        {
          daysAgo: 35,
          by: 'fatima',
          rag: 'Green',
          progress: 'Joined the county Covenant partnership. A briefing for housing and customer services staff is being written with a veterans charity.',
        },
      ],
    },
    {
      ref: '1.3.3',
      title: "Publish the council's standards for consultation and engagement and check every major consultation against them.",
      kind: 'Ongoing',
      owners: ['fatima'],
      dueText: PLAN_DURATION,
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Rural isolation'],
      desiredOutcome: 'Consultations reach people who are usually under-represented, in formats they can use.',
      history: [
        {
          daysAgo: 80,
          by: 'fatima',
          rag: 'Green',
          progress: 'Standards published on the intranet. Two consultations checked so far; both added easy read versions as a result.',
        },
      ],
    },
    {
      ref: '1.4.1',
      title:
        'Agree a joint approach with the police and the community safety partnership for reporting and responding to hate incidents, including third-party reporting centres.',
      kind: 'Priority',
      owners: ['priya'],
      accountable: 'ruth',
      dueText: due.byEndOf(-1),
      groupsImpacted: ['Disability', 'Gender reassignment', 'Race', 'Religion or belief', 'Sexual orientation'],
      desiredOutcome: 'Victims of hate incidents know where to report and get a consistent response.',
      successMeasure: 'Protocol signed by partners; at least four third-party reporting centres open.',
      supportingServices: 'Community Safety; Northvale Police',
      history: [
        {
          daysAgo: 110,
          by: 'priya',
          rag: 'Amber',
          progress: 'Draft protocol shared with the police. Data-sharing agreement still needed before reports can be passed between partners.',
        },
        {
          daysAgo: 30,
          by: 'priya',
          rag: 'Red',
          progress:
            'Data-sharing agreement stuck with the police legal team and no date given. Protocol cannot be signed until it is resolved.',
          risks: 'Deadline missed; board support needed to escalate with the police.',
        },
      ],
    },
    {
      ref: '1.4.2',
      title: 'Co-design a community celebration event with the district\'s faith and belief groups.',
      kind: 'Priority',
      owners: ['fatima'],
      dueText: due.byEndOf(-3),
      groupsImpacted: ['Religion or belief', 'Race'],
      desiredOutcome: 'Stronger relationships between faith communities and with the council.',
      history: [
        {
          daysAgo: 140,
          by: 'fatima',
          rag: 'Green',
          progress: 'Planning group of nine faith and belief groups formed; market square booked.',
        },
        {
          daysAgo: 100,
          by: 'fatima',
          rag: 'Complete',
          progress: 'Event held with around 1,200 visitors, food stalls and a shared reflection led by young people.',
          evidence: 'Feedback cards: 94% rated the event good or very good.',
        },
      ],
    },
    {
      ref: '1.5.1',
      title:
        'Run a "Could you be a councillor?" outreach programme before the next district elections, aimed at groups under-represented on the council.',
      kind: 'Priority',
      owners: ['priya'],
      accountable: 'ruth',
      dueText: due.endOf(4),
      groupsImpacted: ['Age', 'Disability', 'Race', 'Sex', 'Pregnancy and maternity', 'Carers'],
      desiredOutcome: 'A wider range of residents stand for election.',
      successMeasure: 'At least 60 people attend information sessions; candidate diversity monitored after the election.',
      supportingServices: 'Democratic Services; Electoral Services',
      history: [
        {
          daysAgo: 55,
          by: 'priya',
          rag: 'Green',
          progress: 'Three evening information sessions booked, one online, with childcare costs covered for attendees.',
        },
      ],
    },

    // Objective 2 ----------------------------------------------------------------------------
    {
      ref: '2.1.1',
      title: 'Sign a recognised anti-racism charter for local government and agree the commitments that come with it.',
      kind: 'Priority',
      owners: ['ruth'],
      dueText: due.onDate(-70),
      groupsImpacted: ['Race', 'Religion or belief'],
      desiredOutcome: 'A public, measurable commitment to tackling racism at work and in services.',
      successMeasure: 'Charter signed; twelve-month action list agreed with trade unions.',
      supportingServices: 'Human Resources; Trade unions',
      history: [
        {
          daysAgo: 200,
          by: 'ruth',
          rag: 'Green',
          progress: 'Charter commitments reviewed with trade union representatives and the race equality staff network.',
        },
        {
          daysAgo: 75,
          by: 'ruth',
          rag: 'Complete',
          progress: 'Charter signed by the Leader and Chief Executive at Full Council. Action list agreed with the unions.',
          evidence: 'Full Council minute and published action list.',
        },
      ],
    },
    {
      ref: '2.1.2',
      title: 'Each director sponsors a staff network and talks about equality at staff briefings at least twice a year.',
      kind: 'Ongoing',
      owners: ['ruth'],
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Carers'],
      desiredOutcome: 'Staff see visible senior commitment to equality.',
      history: [
        {
          daysAgo: 65,
          by: 'ruth',
          rag: 'Green',
          progress: 'All four staff networks now have a director sponsor. Equality was the theme of the latest all-staff briefing.',
        },
      ],
    },
    {
      ref: '2.1.3',
      title: 'Appoint a councillor EDI champion and give every councillor refresher training on equality and the public sector equality duty.',
      kind: 'Priority',
      owners: ['sam'],
      accountable: 'ruth',
      dueText: due.onDate(9),
      groupsImpacted: [...ALL_CHARACTERISTICS],
      successMeasure: 'Champion appointed; all 39 councillors trained.',
      supportingServices: 'Democratic Services',
      percentComplete: 70,
      history: [
        {
          daysAgo: 85,
          by: 'sam',
          rag: 'Green',
          progress: 'EDI champion appointed at the annual meeting of the council.',
        },
        {
          daysAgo: 28,
          by: 'sam',
          rag: 'Amber',
          progress: 'Only 22 of 39 councillors have completed the refresher. Two more sessions booked, one online in the evening.',
          risks: 'Full coverage unlikely by the deadline without group leaders chasing their members.',
        },
      ],
    },
    {
      ref: '2.2.1',
      title: 'Review the council\'s strategies and partnership agreements and add equality objectives where they are missing.',
      kind: 'Priority',
      owners: ['sam'],
      dueText: due.quarter(3),
      groupsImpacted: [...ALL_CHARACTERISTICS],
      supportingServices: 'Policy and Insight; Legal Services',
      history: [
        {
          daysAgo: 90,
          by: 'sam',
          rag: 'Green',
          progress: 'List of 27 corporate strategies and partnership agreements compiled, with review dates.',
        },
      ],
    },
    {
      ref: '2.3.1',
      title:
        'Relaunch the equality impact assessment template and guidance, adding the socio-economic duty, carers, care leavers and the armed forces community.',
      kind: 'Priority',
      owners: ['priya', 'sam'],
      accountable: 'ruth',
      dueText: due.onDate(3),
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Carers', 'Care leavers', 'Armed forces community', 'Low income'],
      desiredOutcome: 'Decision-makers see the likely impact on every group before they decide.',
      successMeasure: 'New template used for all Cabinet reports; guidance viewed by 200 managers.',
      supportingServices: 'Legal Services; Democratic Services',
      strategy: COUNCIL_PLAN,
      percentComplete: 90,
      history: [
        {
          daysAgo: 90,
          by: 'priya',
          rag: 'Green',
          progress: 'New template drafted; Legal have agreed the wording on the socio-economic duty.',
        },
        {
          daysAgo: 30,
          by: 'priya',
          rag: 'Green',
          progress:
            'Template piloted on three budget proposals and the guidance is being finished with worked examples. Launch planned for the next managers\' briefing.',
        },
      ],
    },
    {
      ref: '2.3.2',
      title: 'Build equality impact into the budget process so councillors see the combined effect of savings proposals on each group.',
      kind: 'Priority',
      owners: ['sam'],
      dueText: due.byEndOf(2),
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Low income', 'Carers'],
      desiredOutcome: 'Budget decisions are taken knowing their cumulative impact.',
      supportingServices: 'Finance',
      history: [
        {
          daysAgo: 40,
          by: 'sam',
          rag: 'Green',
          progress: 'Finance agreed to add a combined equality impact summary to the draft budget report.',
        },
      ],
    },
    {
      ref: '2.4.1',
      title: 'Report progress on this action plan to the EDI Board twice a year and to Overview and Scrutiny once a year.',
      kind: 'Priority',
      owners: ['priya'],
      accountable: 'ruth',
      dueText: PLAN_DURATION,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      successMeasure: 'Every scheduled report delivered on time.',
      history: [
        {
          daysAgo: 150,
          by: 'priya',
          rag: 'Green',
          progress: 'Six-monthly progress report taken to the EDI Board.',
        },
        {
          daysAgo: 15,
          by: 'priya',
          rag: 'Green',
          progress: 'Update round opened for the next board; owners asked for progress and a RAG status.',
        },
      ],
    },
    {
      ref: '2.4.2',
      title: "Review the EDI Board's terms of reference and membership, including a seat for a staff network chair.",
      kind: 'Priority',
      owners: ['ruth'],
      dueText: due.endOf(3),
      groupsImpacted: [...ALL_CHARACTERISTICS],
      history: [],
    },

    // Objective 3 ----------------------------------------------------------------------------
    {
      ref: '3.1.1',
      title: 'Add equality and modern slavery questions to tender templates and publish a supplier code of conduct.',
      kind: 'Priority',
      owners: ['sam'],
      dueText: due.onDate(-20),
      groupsImpacted: [...ALL_CHARACTERISTICS],
      desiredOutcome: 'Suppliers are held to the same equality standards as the council.',
      successMeasure: 'All tenders over £25,000 use the new questions.',
      supportingServices: 'Procurement; Legal Services',
      history: [
        {
          daysAgo: 75,
          by: 'sam',
          rag: 'Green',
          progress: 'Supplier code of conduct drafted, covering modern slavery and fair treatment of workers.',
        },
        {
          daysAgo: 33,
          by: 'sam',
          rag: 'Amber',
          progress: 'Tender questions waiting on the new procurement regulations guidance, so the templates have not been changed yet.',
          risks: 'Tenders issued this quarter will use the old templates.',
        },
      ],
    },
    {
      ref: '3.1.2',
      title: 'Check through contract monitoring that providers delivering services for the council meet the public sector equality duty.',
      kind: 'Ongoing',
      owners: ['sam'],
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      supportingServices: 'Procurement; Commissioning',
      history: [
        {
          daysAgo: 58,
          by: 'sam',
          rag: 'Green',
          progress: 'Equality questions added to the contract review checklist for the ten largest contracts.',
        },
      ],
    },
    {
      ref: '3.2.1',
      title: 'Every service includes at least one equality objective in its annual service plan.',
      kind: 'Priority',
      owners: ['priya'],
      accountable: 'sam',
      dueText: due.endOf(4),
      groupsImpacted: [...ALL_CHARACTERISTICS],
      successMeasure: 'All service plans include an equality objective and report progress against it.',
      history: [
        {
          daysAgo: 42,
          by: 'priya',
          rag: 'Green',
          progress: 'Service planning template updated and drop-in sessions held for service managers.',
        },
      ],
    },
    {
      ref: '3.3.1',
      title:
        'Audit the accessibility of council buildings (step-free access, signage, hearing loops, Changing Places toilets and quiet spaces) and fix the priority issues.',
      kind: 'Priority',
      owners: ['priya'],
      accountable: 'ruth',
      dueText: due.quarter(2),
      groupsImpacted: ['Disability', 'Age', 'Pregnancy and maternity', 'Carers'],
      desiredOutcome: 'Residents and staff can use every council building without barriers.',
      successMeasure: 'All public buildings audited; priority fixes completed or funded.',
      supportingServices: 'Facilities and Assets; Disability Access Forum',
      percentComplete: 40,
      history: [
        {
          daysAgo: 95,
          by: 'priya',
          rag: 'Green',
          progress: 'Civic centre audited with members of the Disability Access Forum.',
        },
        {
          daysAgo: 18,
          by: 'priya',
          rag: 'Amber',
          progress:
            'Two leisure centres audited. The depot and the museum are outstanding because Facilities staff are also covering the office move.',
          risks: 'No budget yet for the Changing Places toilet at the civic centre.',
        },
      ],
    },
    {
      ref: '3.3.2',
      title: 'Bring the council website and intranet up to WCAG 2.2 AA and publish an updated accessibility statement.',
      kind: 'Priority',
      owners: ['owen'],
      dueText: due.onDate(2),
      groupsImpacted: ['Disability', 'Age'],
      desiredOutcome: 'Residents can use council websites with assistive technology.',
      successMeasure: 'No critical issues in the external audit; accessibility statement published.',
      supportingServices: 'Web team; Communications',
      strategy: DIGITAL_STRATEGY,
      percentComplete: 85,
      history: [
        {
          daysAgo: 80,
          by: 'owen',
          rag: 'Amber',
          progress: 'External audit found around 140 issues, most of them in PDF documents.',
          risks: 'PDF clean-up depends on services replacing their own documents.',
        },
        {
          daysAgo: 15,
          by: 'owen',
          rag: 'Green',
          progress: 'All page templates fixed and 85% of the priority PDFs replaced with web pages. Updated statement drafted.',
        },
      ],
    },
    {
      ref: '3.3.3',
      title: 'Agree one council-wide approach to interpreting, translation, British Sign Language and easy read information.',
      kind: 'Priority',
      owners: ['tom'],
      dueText: due.byEndOf(1),
      groupsImpacted: ['Disability', 'Race', 'Age'],
      desiredOutcome: 'Residents get information in a form they can use, whichever service they contact.',
      supportingServices: 'Customer Services; Communications',
      history: [
        {
          daysAgo: 48,
          by: 'tom',
          rag: 'Green',
          progress: 'Current spend and suppliers mapped across services; a single framework contract is being priced.',
        },
      ],
    },

    // Objective 4 ----------------------------------------------------------------------------
    {
      ref: '4.1.1',
      title: 'Move from Disability Confident Committed to Disability Confident Employer (level 2).',
      kind: 'Priority',
      owners: ['grace'],
      dueText: due.byEndOf(-2),
      groupsImpacted: ['Disability'],
      desiredOutcome: 'Disabled applicants and staff are confident of fair treatment.',
      successMeasure: 'Level 2 awarded; guaranteed interview use reported in the workforce report.',
      supportingServices: 'Human Resources; Disability staff network',
      strategy: PEOPLE_STRATEGY,
      history: [
        {
          daysAgo: 160,
          by: 'grace',
          rag: 'Green',
          progress: 'Self-assessment completed; gaps found in how adjustments at interview are offered.',
        },
        {
          daysAgo: 70,
          by: 'grace',
          rag: 'Complete',
          progress: 'Level 2 awarded. Recruitment pages and adverts now carry the new badge.',
        },
      ],
    },
    {
      ref: '4.1.2',
      title: 'Train every recruitment panel chair in inclusive recruitment, including adjustments at interview and the guaranteed interview scheme.',
      kind: 'Priority',
      owners: ['jordan'],
      accountable: 'grace',
      dueText: due.quarter(2),
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Care leavers', 'Armed forces community'],
      successMeasure: 'All panel chairs trained by the deadline.',
      strategy: PEOPLE_STRATEGY,
      percentComplete: 48,
      history: [
        {
          daysAgo: 44,
          by: 'jordan',
          rag: 'Green',
          progress: '58 of 120 panel chairs trained. Sessions for the remaining chairs booked over the next four months.',
        },
      ],
    },
    {
      ref: '4.2.1',
      title: 'Introduce a menopause at work policy with guidance for managers.',
      kind: 'Priority',
      owners: ['jordan'],
      dueText: due.onDate(-120),
      groupsImpacted: ['Sex', 'Age', 'Gender reassignment'],
      desiredOutcome: 'Staff affected by the menopause get support and adjustments without having to ask repeatedly.',
      strategy: PEOPLE_STRATEGY,
      history: [
        {
          daysAgo: 180,
          by: 'jordan',
          rag: 'Green',
          progress: 'Policy drafted with the women\'s staff network and occupational health.',
        },
        {
          daysAgo: 125,
          by: 'jordan',
          rag: 'Complete',
          progress: 'Policy agreed by the Joint Consultative Committee and shared with all staff, with a manager briefing.',
        },
      ],
    },
    {
      ref: '4.2.2',
      title: 'Rewrite the reasonable adjustments policy and introduce a workplace adjustments passport.',
      kind: 'Priority',
      owners: ['grace'],
      dueText: due.onDate(6),
      groupsImpacted: ['Disability', 'Pregnancy and maternity', 'Carers'],
      desiredOutcome: 'Adjustments are agreed quickly and move with the employee when they change role.',
      successMeasure: 'Policy published; passport offered to every employee with agreed adjustments.',
      supportingServices: 'Occupational Health; Disability staff network; Trade unions',
      strategy: PEOPLE_STRATEGY,
      percentComplete: 75,
      history: [
        {
          daysAgo: 52,
          by: 'grace',
          rag: 'Green',
          progress: 'Policy drafted and under review with the trade unions and the disability staff network.',
        },
      ],
    },
    {
      ref: '4.2.3',
      title: 'Write a policy and guidance supporting trans and non-binary staff and applicants, including colleagues transitioning at work.',
      kind: 'Priority',
      owners: ['jordan'],
      accountable: 'grace',
      dueText: due.byEndOf(2),
      groupsImpacted: ['Gender reassignment', 'Sex', 'Sexual orientation'],
      supportingServices: 'Legal Services; LGBT+ staff network; Trade unions',
      strategy: PEOPLE_STRATEGY,
      history: [
        {
          daysAgo: 36,
          by: 'jordan',
          rag: 'Amber',
          progress: 'Draft shared with the LGBT+ staff network. Legal review outstanding following new national guidance.',
          risks: 'The policy may need redrafting once the legal review is back.',
        },
      ],
    },
    {
      ref: '4.3.1',
      title: 'Cut the share of staff records with unknown ethnicity, disability or sexual orientation by 20% through a self-service data campaign.',
      kind: 'Priority',
      owners: ['jordan'],
      accountable: 'grace',
      dueText: due.onDate(-4),
      groupsImpacted: ['Disability', 'Race', 'Sexual orientation', 'Religion or belief'],
      desiredOutcome: 'Workforce reports can be trusted for every characteristic.',
      successMeasure: '20% fewer unknown values than at the start of the campaign.',
      supportingServices: 'HR Systems; Communications',
      strategy: PEOPLE_STRATEGY,
      history: [
        {
          daysAgo: 88,
          by: 'jordan',
          rag: 'Green',
          progress: 'Missing-data report built in the HR system; staff briefings written explaining why we ask.',
        },
        {
          daysAgo: 26,
          by: 'jordan',
          rag: 'Red',
          progress:
            'Self-service module failed testing, so staff cannot update their own records yet. Completion has only moved from 61% to 64%.',
          risks: 'Target will be missed; a fix date from the HR system supplier is needed.',
        },
      ],
    },
    {
      ref: '4.3.2',
      title: 'Publish gender, ethnicity and disability pay gap reports with an action plan for each gap found.',
      kind: 'Priority',
      owners: ['grace'],
      dueText: due.quarter(1),
      groupsImpacted: ['Sex', 'Race', 'Disability'],
      successMeasure: 'Reports published on time; gaps narrow over the life of the plan.',
      strategy: PEOPLE_STRATEGY,
      history: [
        {
          daysAgo: 32,
          by: 'grace',
          rag: 'Green',
          progress: 'Snapshot data extracted. Ethnicity and disability gaps will be reported for the first time this year.',
        },
      ],
    },
    {
      ref: '4.4.1',
      title: 'Launch a reciprocal mentoring scheme pairing senior managers with staff from under-represented groups.',
      kind: 'Priority',
      owners: ['jordan'],
      dueText: due.quarter(3),
      groupsImpacted: ['Race', 'Disability', 'Sexual orientation', 'Sex', 'Age'],
      desiredOutcome: 'Leaders understand barriers to progression, and mentees gain sponsors.',
      strategy: PEOPLE_STRATEGY,
      history: [],
    },
    {
      ref: '4.4.2',
      title: 'Keep the mandatory equality and inclusion e-learning up to date and follow up low completion with managers.',
      kind: 'Ongoing',
      owners: ['jordan'],
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS],
      successMeasure: 'At least 95% of staff up to date with the e-learning.',
      history: [
        {
          daysAgo: 22,
          by: 'jordan',
          rag: 'Green',
          progress: 'Completion at 91%; managers of teams below 85% have been sent their lists.',
        },
      ],
    },
    {
      ref: '4.5.1',
      title: 'Launch a staff network for disabled and neurodivergent colleagues and those with caring responsibilities.',
      kind: 'Priority',
      owners: ['priya'],
      dueText: due.byEndOf(-4),
      groupsImpacted: ['Disability', 'Carers'],
      desiredOutcome: 'Disabled staff and carers have a collective voice and peer support.',
      history: [
        {
          daysAgo: 170,
          by: 'priya',
          rag: 'Green',
          progress: 'Two founding co-chairs recruited and a director sponsor agreed.',
        },
        {
          daysAgo: 118,
          by: 'priya',
          rag: 'Complete',
          progress: 'Network launched at a lunchtime event and meets monthly, in person and online.',
          evidence: '60 members signed up in the first month.',
        },
      ],
    },
    {
      ref: '4.5.2',
      title: 'Give the staff networks protected time and a small budget, and bring their chairs together each quarter.',
      kind: 'Ongoing',
      owners: ['priya'],
      accountable: 'ruth',
      dueText: ONGOING,
      groupsImpacted: [...ALL_CHARACTERISTICS, 'Carers'],
      history: [
        {
          daysAgo: 12,
          by: 'priya',
          rag: 'Green',
          progress: 'Network chairs now have two hours a month of protected time; budget of £500 per network agreed for this year.',
        },
      ],
    },
  ];
}
