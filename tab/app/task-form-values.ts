/**
 * The task edit form's values, and what they mean to the API: each field's request value (as
 * core/tasks/task-fields.ts reads it), the body of only the fields that changed, and each field's
 * value in words (for the conflict message). Pure: no React, no fetch.
 */
import { eflgTagsText } from '../../core/eflg/eflg-tags';
import type { EflgTag, Measure, Rag, TaskKind, TaskStatus } from '../../core/model';
import { STATUSES_NEEDING_REASON, TASK_FIELD_LABELS, type EditableTaskField } from '../../core/tasks/task-fields';
import type { DirectoryPerson, TaskDetail } from './api-types';
import { formatIsoDate } from './format';
import { ragNeedsReason } from '../../core/tasks/task-rules';

/** The measure as typed: numbers and dates as text, tolerances as percentages. */
export interface MeasureForm {
  name: string;
  unit: string;
  baseline: string;
  baselineDate: string;
  target: string;
  targetDate: string;
  amberBelow: string;
  redBelow: string;
}

export interface TaskFormValues {
  ref: string;
  title: string;
  objectiveRef: string;
  indicator: string;
  kind: TaskKind;
  description: string;
  desiredOutcome: string;
  successMeasure: string;
  startingPosition: string;
  owners: DirectoryPerson[];
  accountableOfficer?: DirectoryPerson;
  leadService: string;
  supportingServices: string;
  /** One group a line. */
  groupsImpacted: string;
  dueDate: string;
  dueText: string;
  status: TaskStatus;
  statusReason: string;
  rag: Rag;
  /** Why the RAG was set here: sent as the request's `reason` when the RAG changes. */
  ragReason: string;
  percentComplete: string;
  hasMeasure: boolean;
  measure: MeasureForm;
  evidenceLinks: { url: string; title: string }[];
  /** The Equality Framework criteria the task evidences, and at which level. */
  eflg: EflgTag[];
}

/** The API fields the form edits, in the form's order (the first error is focused in this order). */
export const FORM_FIELDS = [
  'ref', 'title', 'objectiveRef', 'indicator', 'kind', 'description', 'desiredOutcome', 'successMeasure', 'startingPosition',
  'owners', 'accountableOfficer', 'leadService', 'supportingServices', 'groupsImpacted',
  'dueDate', 'dueText', 'status', 'statusReason', 'rag', 'percentComplete', 'measure', 'evidenceLinks', 'eflg',
] as const satisfies readonly EditableTaskField[];
export type FormField = (typeof FORM_FIELDS)[number];

const EMPTY_MEASURE: MeasureForm = { name: '', unit: '', baseline: '', baselineDate: '', target: '', targetDate: '', amberBelow: '', redBelow: '' };

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));
const percentText = (fraction: number | undefined) => (fraction === undefined ? '' : String(Number((fraction * 100).toFixed(4))));

function measureForm(m: Measure | undefined): MeasureForm {
  if (!m) return EMPTY_MEASURE;
  return {
    name: m.name ?? '',
    unit: m.unit ?? '',
    baseline: numberText(m.baseline),
    baselineDate: m.baselineDate ?? '',
    target: numberText(m.target),
    targetDate: m.targetDate ?? '',
    amberBelow: percentText(m.amberBelow),
    redBelow: percentText(m.redBelow),
  };
}

const person = (p: { aadObjectId?: string; displayName: string; email?: string } | undefined): DirectoryPerson | undefined =>
  p?.aadObjectId ? { aadObjectId: p.aadObjectId, displayName: p.displayName, email: p.email } : undefined;

/** The form filled in from a task; a new task's form from nothing (Open, Not started, Priority). */
export function formFromTask(task?: TaskDetail, defaults: { objectiveRef?: string } = {}): TaskFormValues {
  return {
    ref: task?.ref ?? '',
    title: task?.title ?? '',
    objectiveRef: task?.objectiveRef ?? defaults.objectiveRef ?? '',
    indicator: task?.indicator ?? '',
    kind: task?.kind ?? 'Priority',
    description: task?.description ?? '',
    desiredOutcome: task?.desiredOutcome ?? '',
    successMeasure: task?.successMeasure ?? '',
    startingPosition: task?.startingPosition ?? '',
    owners: (task?.owners ?? []).map(person).filter((p): p is DirectoryPerson => p !== undefined),
    accountableOfficer: person(task?.accountableOfficer),
    leadService: task?.leadService ?? '',
    supportingServices: task?.supportingServices ?? '',
    groupsImpacted: (task?.groupsImpacted ?? []).join('\n'),
    dueDate: task?.dueDate ?? '',
    dueText: task?.dueText ?? '',
    status: task?.status ?? 'Open',
    statusReason: task?.statusReason ?? '',
    rag: task?.rag ?? 'Not started',
    ragReason: '',
    percentComplete: numberText(task?.percentComplete),
    hasMeasure: task?.measure !== undefined,
    measure: measureForm(task?.measure),
    evidenceLinks: (task?.evidenceLinks ?? []).map((l) => ({ url: l.url, title: l.title })),
    eflg: (task?.eflg ?? []).map((t) => ({ module: t.module, ...(t.criterion && { criterion: t.criterion }), level: t.level })),
  };
}

/** A number as typed ("1,200", " 45 "), or NaN; undefined when blank. */
export function parseNumber(text: string): number | undefined {
  const clean = text.replace(/[,\s]/g, '');
  return clean === '' ? undefined : Number(clean);
}

const fraction = (percent: string) => {
  const n = parseNumber(percent);
  return n === undefined ? undefined : Number((n / 100).toFixed(6));
};

/** The measure as the API takes it (amber and red as fractions), or null for no measure. */
function measureValue(values: TaskFormValues): Measure | null {
  if (!values.hasMeasure) return null;
  const m = values.measure;
  const out: Record<string, unknown> = { target: parseNumber(m.target) ?? null };
  const add = (key: keyof Measure, value: unknown) => {
    if (value !== undefined && value !== '') out[key] = value;
  };
  add('name', m.name.trim());
  add('unit', m.unit.trim());
  add('baseline', parseNumber(m.baseline));
  add('baselineDate', m.baselineDate);
  add('targetDate', m.targetDate);
  add('amberBelow', fraction(m.amberBelow));
  add('redBelow', fraction(m.redBelow));
  return out as unknown as Measure;
}

const optional = (s: string) => s.trim() || null;

/** One field's value as the API takes it ("" and null clear a text). */
export function apiValue(values: TaskFormValues, field: FormField): unknown {
  switch (field) {
    case 'ref':
    case 'title':
    case 'objectiveRef':
      return values[field].trim();
    case 'kind':
    case 'status':
    case 'rag':
      return values[field];
    case 'owners':
      return values.owners.map((p) => p.aadObjectId);
    case 'accountableOfficer':
      return values.accountableOfficer?.aadObjectId ?? null;
    case 'groupsImpacted':
      return values.groupsImpacted.split('\n').map((g) => g.trim()).filter(Boolean);
    case 'dueDate':
      return values.dueDate || null;
    case 'percentComplete':
      return parseNumber(values.percentComplete) ?? null;
    case 'measure':
      return measureValue(values);
    case 'evidenceLinks':
      return values.evidenceLinks.map((l) => ({ url: l.url.trim(), title: l.title.trim() }));
    case 'eflg':
      return values.eflg;
    default:
      return optional(values[field]);
  }
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between `base` (what the form was filled in from) and `current`. */
export function changedFields(base: TaskFormValues, current: TaskFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !sameValue(apiValue(base, f), apiValue(current, f)));
}

export const needsStatusReason = (status: TaskStatus) => STATUSES_NEEDING_REASON.includes(status);

/** A RAG set here needs a reason unless it follows from completing the task (core/tasks/task-rules.ts). */
export function needsRagReason(base: TaskFormValues, current: TaskFormValues, creating: boolean): boolean {
  if (creating) return false;
  return ragNeedsReason({ status: base.status, rag: base.rag }, { rag: current.rag, ...(current.status !== base.status && { status: current.status }) });
}

/** The request body: only the changed fields, and the reasons the changes need. */
export function requestBody(base: TaskFormValues, current: TaskFormValues, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of changedFields(base, current)) body[field] = apiValue(current, field);
  // Leaving the live plan always carries its reason, even one already on the task.
  if ('status' in body && needsStatusReason(current.status)) body.statusReason = apiValue(current, 'statusReason');
  else if (!needsStatusReason(current.status)) delete body.statusReason;
  if (needsRagReason(base, current, creating) && current.ragReason.trim()) body.reason = current.ragReason.trim();
  return body;
}

function measureWords(m: Measure | null): string {
  if (!m) return 'No measure';
  const unit = m.unit ? ` ${m.unit}` : '';
  return [m.name, `target ${m.target}${unit}${m.targetDate ? ` by ${formatIsoDate(m.targetDate)}` : ''}`, m.baseline !== undefined && `baseline ${m.baseline}${unit}`].filter(Boolean).join(', ');
}

/** A field's value in words, for "Theirs: … / Yours: …". */
export function fieldWords(values: TaskFormValues, field: FormField): string {
  const value = apiValue(values, field);
  switch (field) {
    case 'owners':
      return values.owners.map((p) => p.displayName).join(', ') || 'No owner';
    case 'accountableOfficer':
      return values.accountableOfficer?.displayName ?? 'No one';
    case 'groupsImpacted':
      return (value as string[]).join(', ') || '(empty)';
    case 'dueDate':
      return values.dueDate ? formatIsoDate(values.dueDate) : 'No date';
    case 'percentComplete':
      return value === null ? '(empty)' : `${String(value)}%`;
    case 'measure':
      return measureWords(value as Measure | null);
    case 'evidenceLinks':
      return values.evidenceLinks.map((l) => l.title).join(', ') || 'No links';
    case 'eflg':
      return eflgTagsText(values.eflg) ?? 'No tags';
    default:
      return value === null || value === '' ? '(empty)' : String(value);
  }
}

export const fieldLabel = (field: FormField | 'reason') => (field === 'reason' ? 'Reason for the RAG' : TASK_FIELD_LABELS[field]);
