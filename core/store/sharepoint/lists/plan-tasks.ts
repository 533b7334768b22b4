import { z } from 'zod';
import { ValidationError } from '../../../errors';
import { EFLG_LEVELS, EFLG_MODULES, RAG_VALUES, TASK_KINDS, TASK_STATUSES, type EflgTag, type EvidenceLink, type Measure, type TaskInput, type TaskLink } from '../../../model';
import { choice, dateOnly, instant, json, note, number, people, person, personSchema, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn, planRefColumn } from './plan-columns';

const { col, title } = columnsOf<TaskInput>();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fraction = z.number().min(0).max(10);

/** A task's measure, as JSON: its fields are read together (a target with its baseline and dates). */
export const measureSchema: z.ZodType<Measure> = z.object({
  name: z.string().optional(),
  unit: z.string().optional(),
  baseline: z.number().optional(),
  baselineDate: isoDate.optional(),
  target: z.number(),
  targetDate: isoDate.optional(),
  amberBelow: fraction.optional(),
  redBelow: fraction.optional(),
});

/** Evidence links, as JSON: https only (typically SharePoint documents), each with its title. */
export const evidenceLinkSchema: z.ZodType<EvidenceLink> = z.object({
  url: z
    .string()
    .regex(/^https:\/\//i, 'is not an https link')
    .refine((url) => URL.canParse(url), 'is not a link'),
  title: z.string(),
  addedBy: personSchema.optional(),
  addedAt: z.string().optional(),
});

const evidenceLinksSchema = z.array(evidenceLinkSchema);

/** The Equality Framework criteria a task evidences (issue 20), as JSON. */
export const eflgTagsSchema: z.ZodType<EflgTag[]> = z.array(
  z.object({ module: z.union(EFLG_MODULES.map((m) => z.literal(m))), criterion: z.string().optional(), level: z.enum(EFLG_LEVELS) }),
);

/** A carried-forward task's link to its task in another plan. */
export const taskLinkSchema: z.ZodType<TaskLink> = z.object({ planId: z.string(), taskId: z.string(), ref: z.string() });

/** Links checked before they are written: one that would not read back would make the task unreadable. */
function evidenceLinksJson(links: EvidenceLink[]): string {
  const checked = evidenceLinksSchema.safeParse(links);
  if (!checked.success) throw new ValidationError(checked.error.issues.map((i) => ({ field: ['evidenceLinks', ...i.path].join('.'), message: i.message })));
  return JSON.stringify(links);
}

export const taskTable: ColumnTable<TaskInput> = {
  columns: [
    title('title', text, { required: true }),
    // Unique within a plan (PlanRef), so not here: each plan may have a task 1.1.
    col('ref', 'Ref', text, { required: true, indexed: true }),
    planIdColumn(),
    planRefColumn(),
    col('objectiveRef', 'ObjectiveRef', text, { required: true, indexed: true }),
    col('indicator', 'Indicator', text),
    col('kind', 'Kind', choice(TASK_KINDS), { orElse: 'Priority' }),
    col('description', 'Description', note),
    col('desiredOutcome', 'DesiredOutcome', note),
    col('successMeasure', 'SuccessMeasure', note),
    // People as the domain knows them (AAD object id, name, email) go in the *Json columns: a
    // Person column's lookup ids cannot be turned back into AAD object ids through Graph.
    col('owners', 'Owner', people),
    col('owners', 'OwnersJson', json(z.array(personSchema)), { orElse: [] }),
    col('accountableOfficer', 'AccountableOfficer', person),
    col('accountableOfficer', 'AccountableOfficerJson', json(personSchema)),
    col('unassignedOwners', 'UnassignedOwnersJson', json(z.array(z.string()))),
    col('ownerText', 'OwnerText', note),
    col('accountableOfficerText', 'AccountableOfficerText', note),
    col('leadService', 'LeadService', note),
    col('supportingServices', 'SupportingServices', note),
    col('groupsImpacted', 'GroupsImpacted', json(z.array(z.string())), { orElse: [] }),
    col('strategy', 'Strategy', text),
    col('dueDate', 'DueDate', dateOnly, { indexed: true }),
    col('dueText', 'DueText', text),
    col('rag', 'Rag', choice(RAG_VALUES), { required: true }),
    col('status', 'Status', choice(TASK_STATUSES), { required: true, indexed: true }),
    col('percentComplete', 'PercentComplete', number),
    col('latestUpdate', 'LatestUpdate', note),
    col('latestUpdateAt', 'LatestUpdateAt', instant),
    col('latestUpdateBy', 'LatestUpdateByJson', json(personSchema)),
    col('evidence', 'Evidence', note),
    col('risks', 'Risks', note),
    col('supportNeeded', 'SupportNeeded', note),
    col('startingPosition', 'StartingPosition', note),
    col('measure', 'MeasureJson', json(measureSchema)),
    // Number columns hold doubles (https://learn.microsoft.com/en-us/graph/api/resources/numbercolumn).
    col('measureValue', 'MeasureValue', number),
    col('measureValueAt', 'MeasureValueAt', instant),
    col('pendingRag', 'PendingRag', choice(RAG_VALUES)),
    col('pendingApprovalId', 'PendingApprovalId', text),
    col('delegatedBy', 'DelegatedByJson', json(personSchema)),
    col('delegatedAt', 'DelegatedAt', instant),
    // Why the task was withdrawn or carried forward.
    col('statusReason', 'StatusReason', note),
    col('evidenceLinks', 'EvidenceLinksJson', json(evidenceLinksSchema, evidenceLinksJson)),
    col('eflg', 'EflgJson', json(eflgTagsSchema)),
    col('carriedFrom', 'CarriedFromJson', json(taskLinkSchema)),
    col('carriedTo', 'CarriedToJson', json(taskLinkSchema)),
  ],
};
