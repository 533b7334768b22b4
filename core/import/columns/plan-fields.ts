/**
 * The fields an imported column can fill, with the canonical header the blank template uses and a
 * line of guidance for it. A mapping file names these fields.
 */
export const PLAN_FIELDS = [
  'objective',
  'indicator',
  'ref',
  'title',
  'kind',
  'description',
  'owner',
  'accountableOfficer',
  'leadService',
  'supportingServices',
  'desiredOutcome',
  'successMeasure',
  'measure',
  'baseline',
  'target',
  'measureUnit',
  'tolerance',
  'groupsImpacted',
  'strategy',
  'deadline',
  'rag',
  'progress',
  'history',
  'evidence',
  'risks',
  'percentComplete',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export interface FieldGuide {
  header: string;
  guidance: string;
  example: string;
  width: number;
}

export const FIELD_GUIDES: Record<PlanField, FieldGuide> = {
  objective: { header: 'Objective', guidance: 'The objective the task serves, with its number: "1. Know our communities". Leave blank to keep the one above.', example: '1. Know our communities', width: 28 },
  indicator: { header: 'Indicator', guidance: 'Optional: the framework indicator or theme within the objective. Leave blank to keep the one above.', example: '1.1 Collecting and sharing information', width: 26 },
  ref: { header: 'Ref', guidance: 'A unique reference for the task, e.g. 1.1.2. A re-import updates the task with the same ref.', example: '1.1.1', width: 9 },
  title: { header: 'Task', guidance: 'Required. What will be done, in one or two sentences.', example: 'Publish a yearly profile of the district\'s communities by protected characteristic', width: 50 },
  kind: { header: 'Priority or ongoing', guidance: '"Priority" (a one-off with a deadline) or "Ongoing".', example: 'Priority', width: 12 },
  description: { header: 'Description', guidance: 'Optional detail or background.', example: '', width: 30 },
  owner: { header: 'Lead officer', guidance: 'Who does the task: a name or email per line. Names the directory does not know are kept for an EDI officer to assign.', example: 'Alex Morgan', width: 24 },
  accountableOfficer: { header: 'Accountable officer', guidance: 'The senior officer who answers for the task (one person).', example: 'Sam Okafor', width: 22 },
  leadService: { header: 'Lead service', guidance: 'The service or directorate leading the task.', example: 'Policy and Insight', width: 20 },
  supportingServices: { header: 'Supporting services', guidance: 'Other services or partners involved.', example: 'Business Intelligence', width: 22 },
  desiredOutcome: { header: 'Desired outcome', guidance: 'The difference the task should make.', example: 'Services are planned from up-to-date community data', width: 30 },
  successMeasure: { header: 'How will we measure success?', guidance: 'The measure or evidence of success.', example: 'Profile published each March', width: 30 },
  measure: { header: 'Measure', guidance: 'Optional: a short name for the number that shows progress, for charts and the board report ("Staff declaring a disability"). Without a numeric target the words are kept with the success measure.', example: 'Staff declaring a disability', width: 26 },
  baseline: { header: 'Baseline', guidance: 'Where the measure starts, with its unit and, if you have it, when it was taken: "4.5% (March 2025)". Words such as "No data held" are kept as the starting position.', example: '4.5% (March 2025)', width: 18 },
  target: { header: 'Target', guidance: 'The number to reach, with its unit and date: "8% by March 2027". Without a date, the task\'s completion date is the target date. Only a target with one number makes the task a measure; other wording is kept with the success measure.', example: '8% by March 2027', width: 18 },
  measureUnit: { header: 'Unit of measure', guidance: 'Optional: the unit, when the baseline and target are bare numbers ("%", "staff", "days", "£").', example: '%', width: 12 },
  tolerance: { header: 'RAG tolerance', guidance: 'Optional: how far behind the trajectory to the target turns Amber and Red, as shares of where the value should be: "Amber below 90%, Red below 75%". Update cards then suggest the RAG a value implies; the owner still chooses.', example: 'Amber below 90%, Red below 75%', width: 22 },
  groupsImpacted: { header: 'Groups impacted', guidance: 'Protected characteristics or local groups, separated by commas.', example: 'Age, Disability, Race', width: 22 },
  strategy: { header: 'Council strategy', guidance: 'The council strategy or plan the task supports.', example: 'Corporate Plan', width: 18 },
  deadline: { header: 'Date for completion', guidance: 'A date or the council\'s wording: 31/03/2027, "By the end of March 2027", "Q3 2026/27", "Ongoing". Wording that cannot be read is flagged.', example: 'By the end of March 2027', width: 20 },
  rag: { header: 'RAG', guidance: 'Not started, Green, Amber, Red or Complete.', example: 'Green', width: 12 },
  progress: { header: 'Progress update', guidance: 'The latest progress, in words.', example: 'Data sources agreed with partners', width: 36 },
  history: { header: 'March 2026 update', guidance: 'Earlier updates, one column per report, with the month in the header ("March 2026 update"). Each becomes a closed update round in the plan\'s history.', example: '', width: 30 },
  evidence: { header: 'Evidence of impact', guidance: 'Evidence of impact so far.', example: '', width: 24 },
  risks: { header: 'Risks and issues', guidance: 'Issues of concern or risks.', example: '', width: 22 },
  percentComplete: { header: '% complete', guidance: 'A number from 0 to 100.', example: '25', width: 10 },
};
