import { PLAN_FIELDS, type PlanField } from '../../core/import/columns/plan-fields';

/**
 * What each plan field means, in the words the preview's column lists use. "History" is a dated
 * progress column kept as a past update (a closed update round), so it is described that way.
 */
export const IMPORT_FIELD_LABELS: Record<PlanField | 'ignore', string> = {
  ignore: 'Ignore this column',
  objective: 'Objective',
  indicator: 'Indicator or theme',
  ref: 'Ref (task number)',
  title: 'Task (what will be done)',
  kind: 'Priority or ongoing',
  description: 'Description',
  owner: 'Lead officer (owner)',
  accountableOfficer: 'Accountable officer',
  leadService: 'Lead service',
  supportingServices: 'Supporting services',
  desiredOutcome: 'Desired outcome',
  successMeasure: 'How success is measured',
  measure: 'Measure name',
  baseline: 'Baseline (starting position)',
  target: 'Target',
  measureUnit: 'Unit of measure',
  tolerance: 'RAG tolerance',
  groupsImpacted: 'Groups impacted',
  strategy: 'Council strategy',
  deadline: 'Deadline (date for completion)',
  rag: 'RAG or status',
  progress: 'Progress update (latest)',
  history: 'Progress update (history), dated',
  evidence: 'Evidence of impact',
  risks: 'Risks and issues',
  percentComplete: '% complete',
};

/** The choices in each column's list: "Ignore" first, then the fields in the mapping file's order. */
export const IMPORT_FIELD_ORDER: readonly (PlanField | 'ignore')[] = ['ignore', ...PLAN_FIELDS];
