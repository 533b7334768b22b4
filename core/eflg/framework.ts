import { EFLG_LEVELS, type EflgLevel, type EflgModule } from '../model';

/**
 * The Equality Framework for Local Government (EFLG), Local Government Association, 2021 edition,
 * as data: its four modules and their criteria, numbered as the framework numbers them, with a
 * short note of what each level (Developing, Achieving, Excellent) looks like for each criterion.
 *
 * The titles follow the framework's; the level notes are this project's own plain-English
 * summaries, written for officers tagging tasks, not the LGA's text. A council can check the
 * wording against the framework the LGA publishes (local.gov.uk, "Equality Framework for Local
 * Government") and its peer challenge guidance before relying on it in a self-assessment.
 */

export interface EflgCriterion {
  /** "2.3": the module's number, then the criterion's. */
  id: string;
  module: EflgModule;
  title: string;
  /** What a council at each level typically shows, in a sentence. */
  levels: Readonly<Record<EflgLevel, string>>;
}

export interface EflgModuleInfo {
  number: EflgModule;
  title: string;
  /** What the module is about, in a sentence. */
  summary: string;
  criteria: readonly EflgCriterion[];
}

export const EFLG_EDITION = 'Equality Framework for Local Government (LGA, 2021)';

type Levels = [developing: string, achieving: string, excellent: string];

function criterion(module: EflgModule, id: string, title: string, [developing, achieving, excellent]: Levels): EflgCriterion {
  return { id, module, title, levels: { Developing: developing, Achieving: achieving, Excellent: excellent } };
}

const M1: EflgModuleInfo = {
  number: 1,
  title: 'Understanding and working with communities',
  summary: 'Knowing who lives in the area, what their lives are like, and involving them in decisions.',
  criteria: [
    criterion(1, '1.1', 'Collecting and sharing information', [
      'Basic equality data about residents is gathered and some of it is shared between services.',
      'Data covering every protected characteristic is collected in a consistent way and shared with partners.',
      'A shared, up-to-date picture of local communities is published and used across the council and its partners.',
    ]),
    criterion(1, '1.2', 'Analysing and using data and information', [
      'Some services break their data down by group to look for differences in outcomes.',
      'Gaps in outcomes between groups are analysed routinely and shape service and budget decisions.',
      'Analysis predicts needs, the council can show decisions changed because of it, and results are shared openly.',
    ]),
    criterion(1, '1.3', 'Effective community engagement', [
      'Consultation happens, though the groups reached are uneven and feedback is not always given.',
      'Engagement reaches seldom-heard groups, follows published standards and residents hear what changed.',
      'Communities help design services and set priorities, and engagement is reviewed with them.',
    ]),
    criterion(1, '1.4', 'Fostering good relations', [
      'Tensions and hate incidents are responded to as they arise.',
      'The council works with partners to monitor community tensions and acts early to bring groups together.',
      'Good relations are planned for and measured with partners, and residents report strong cohesion.',
    ]),
    criterion(1, '1.5', 'Participation in public life', [
      'The council knows which groups are under-represented among councillors, boards and volunteers.',
      'Outreach and support help under-represented groups stand for office and join public bodies.',
      'Councillors, boards and volunteers broadly reflect the area, and the council can show how that was achieved.',
    ]),
  ],
};

const M2: EflgModuleInfo = {
  number: 2,
  title: 'Leadership, partnership and organisational commitment',
  summary: 'Equality led from the top, built into decisions and partnerships, and open to scrutiny.',
  criteria: [
    criterion(2, '2.1', 'Political and officer leadership', [
      'Leaders have said equality matters and named who is responsible for it.',
      'Councillors and senior officers champion equality visibly and hold services to account for it.',
      'Leaders are recognised for equality beyond the council and model inclusive behaviour throughout.',
    ]),
    criterion(2, '2.2', 'Priorities and working in partnership', [
      'Equality objectives are set and published as the law requires.',
      'Equality objectives sit in the council plan and in partnership strategies, with shared actions.',
      'Partners pursue joint equality outcomes, pooling data and resources and reporting together.',
    ]),
    criterion(2, '2.3', 'Using equality impact assessment', [
      'An impact assessment process exists and is used for some major decisions.',
      'Assessments are done early for policies, budgets and changes, use evidence and change proposals.',
      'Assessment is part of how decisions are made, quality-checked, published and followed up.',
    ]),
    criterion(2, '2.4', 'Performance monitoring and scrutiny', [
      'Some equality measures are reported, though not regularly.',
      'Progress on equality objectives is reported to a board and scrutinised by councillors at set intervals.',
      'Performance is published, challenged by residents and partners, and drives improvement.',
    ]),
  ],
};

const M3: EflgModuleInfo = {
  number: 3,
  title: 'Responsive services and customer care',
  summary: 'Services, including those bought in, that are accessible, fair and shaped by what residents say.',
  criteria: [
    criterion(3, '3.1', 'Commissioning and procuring services', [
      'Tenders ask suppliers about equality, and contracts mention the equality duty.',
      'Equality requirements are written into specifications and checked through contract monitoring.',
      'Commissioning is shaped by equality evidence and suppliers report measurable equality outcomes.',
    ]),
    criterion(3, '3.2', 'Integration of equality objectives into planning service outcomes', [
      'Some service plans mention equality.',
      'Every service plan has equality objectives linked to the council’s, with measures.',
      'Services can show better outcomes for the groups their equality objectives target.',
    ]),
    criterion(3, '3.3', 'Service design and delivery', [
      'Access needs are met on request (interpreters, accessible formats, adjustments).',
      'Services are designed to be accessible from the start and monitored for who uses them and how satisfied they are.',
      'Services are co-designed with the people who use them, and gaps in access and satisfaction have closed.',
    ]),
  ],
};

const M4: EflgModuleInfo = {
  number: 4,
  title: 'Diverse and engaged workforce',
  summary: 'A workforce that reflects the area, where every member of staff can progress and be well.',
  criteria: [
    criterion(4, '4.1', 'Workforce diversity and inclusion', [
      'The make-up of the workforce is known and compared with the local population.',
      'Recruitment and retention actions are targeted at under-represented groups, and progress is tracked.',
      'The workforce reflects the community at every grade and staff report an inclusive culture.',
    ]),
    criterion(4, '4.2', 'Inclusive strategies and policies', [
      'Employment policies have been checked against equality law.',
      'Policies are reviewed with staff networks and unions and managers are supported to apply them.',
      'Policies go beyond the law, are recognised as good practice and are shown to work for staff.',
    ]),
    criterion(4, '4.3', 'Collecting, analysing and publishing workforce data', [
      'Staff equality data is collected, though many records are incomplete.',
      'Workforce data is complete enough to analyse; pay gaps and other gaps are published with action plans.',
      'Workforce data is analysed across the employee journey, published openly and gaps are narrowing.',
    ]),
    criterion(4, '4.4', 'Learning, development and progression', [
      'Equality training is offered to staff and managers.',
      'Training is required and kept current, and development opportunities are monitored by group.',
      'Progression is fair across groups, shown by data, with schemes such as mentoring that make a difference.',
    ]),
    criterion(4, '4.5', 'Health and wellbeing', [
      'Support for staff wellbeing exists and reasonable adjustments are made on request.',
      'Wellbeing support is planned with staff networks, and adjustments are made quickly and recorded.',
      'Staff from every group report good wellbeing, and the council acts on differences between groups.',
    ]),
  ],
};

export const EFLG_FRAMEWORK: readonly EflgModuleInfo[] = [M1, M2, M3, M4];

const CRITERIA = new Map(EFLG_FRAMEWORK.flatMap((m) => m.criteria.map((c) => [c.id, c] as const)));

export function eflgModule(n: EflgModule): EflgModuleInfo {
  return EFLG_FRAMEWORK[n - 1]!;
}

/** The criterion with this id ("2.3"), if the framework has it. */
export function eflgCriterion(id: string): EflgCriterion | undefined {
  return CRITERIA.get(id);
}

/** The level after `level`; undefined after Excellent. With none, the first level. */
export function nextEflgLevel(level: EflgLevel | undefined): EflgLevel | undefined {
  return level === undefined ? EFLG_LEVELS[0] : EFLG_LEVELS[EFLG_LEVELS.indexOf(level) + 1];
}

/** "2.3 Using equality impact assessment", or "Module 2: Leadership, …" for a tag naming only its module. */
export function eflgTagTitle(tag: { module: EflgModule; criterion?: string }): string {
  const c = tag.criterion ? eflgCriterion(tag.criterion) : undefined;
  return c ? `${c.id} ${c.title}` : `Module ${tag.module}: ${eflgModule(tag.module).title}`;
}
