import { eflgTagsText } from '../eflg/eflg-tags';
import { formatMeasureValue } from '../measures/measure-rules';
import type { FieldChange, Measure, Person, TaskInput } from '../model';
import { formatDate } from '../plan/london-time';
import { TASK_FIELD_LABELS, type EditableTaskField } from './task-fields';

/** Each side of a change is kept to this many characters in the history (a long description's edit). */
const HISTORY_TEXT_MAX = 2_000;

const names = (people: Person[] | undefined) => (people?.length ? people.map((p) => p.displayName).join('; ') : undefined);

function measureText(m: Measure | undefined): string | undefined {
  if (!m) return undefined;
  const parts = [
    m.name,
    `target ${formatMeasureValue(m.target, m.unit)}${m.targetDate ? ` by ${formatDate(m.targetDate)}` : ''}`,
    m.baseline !== undefined && `baseline ${formatMeasureValue(m.baseline, m.unit)}${m.baselineDate ? ` on ${formatDate(m.baselineDate)}` : ''}`,
    m.amberBelow !== undefined && `Amber below ${Math.round(m.amberBelow * 100)}%`,
    m.redBelow !== undefined && `Red below ${Math.round(m.redBelow * 100)}%`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** A field's value in words, as the history and the exports show it. */
export function fieldText(task: Partial<TaskInput>, field: EditableTaskField): string | undefined {
  switch (field) {
    case 'owners':
      return names(task.owners);
    case 'accountableOfficer':
      return task.accountableOfficer?.displayName;
    case 'groupsImpacted':
      return task.groupsImpacted?.length ? task.groupsImpacted.join(', ') : undefined;
    case 'dueDate':
      return task.dueDate && formatDate(task.dueDate);
    case 'percentComplete':
      return task.percentComplete === undefined ? undefined : `${task.percentComplete}%`;
    case 'measure':
      return measureText(task.measure);
    case 'evidenceLinks':
      return task.evidenceLinks?.length ? task.evidenceLinks.map((l) => `${l.title} (${l.url})`).join('; ') : undefined;
    case 'eflg':
      return eflgTagsText(task.eflg);
    default: {
      const value = task[field];
      return value === undefined || value === '' ? undefined : String(value);
    }
  }
}

const clip = (s: string | undefined) => (s !== undefined && s.length > HISTORY_TEXT_MAX ? `${s.slice(0, HISTORY_TEXT_MAX - 1)}…` : s);

/** Compared as stored, so a re-ordered owner list or the same link re-added counts as it reads. */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between `before` (undefined for a new task) and `after`, in words. */
export function fieldChanges(before: Partial<TaskInput> | undefined, after: Partial<TaskInput>, fields: readonly EditableTaskField[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const now = after[field];
    if (field === 'evidenceLinks' ? sameValue(was && (was as TaskInput['evidenceLinks'])?.map(linkKey), now && (now as TaskInput['evidenceLinks'])?.map(linkKey)) : sameValue(was, now)) continue;
    const from = before ? clip(fieldText(before, field)) : undefined;
    const to = clip(fieldText(after, field));
    if (from === to && field !== 'evidenceLinks') continue;
    changes.push({ field, label: TASK_FIELD_LABELS[field], ...(from !== undefined && { from }), ...(to !== undefined && { to }) });
  }
  return changes;
}

const linkKey = (l: { url: string; title: string }) => `${l.title}\n${l.url}`;
