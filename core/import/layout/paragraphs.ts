import { findDeadline } from '../../deadline/parse-deadline';
import { roleFor, type ColumnRole } from '../columns/column-map';
import type { ImportMapping, RowMark } from '../columns/mapping-file';
import type { SourceText } from '../source/plan-source';
import { classifyHeading, objectiveFromCell, type Heading } from './headings';
import { readActionText, typedStart } from './inline-fields';
import type { LabelledValue, SourceRecord } from './raw-task';

/**
 * A Word document's paragraphs outside tables, read for actions: Word's own numbered or bulleted
 * items and typed "1.1 …" paragraphs (lead and deadline in the text), and blocks of labelled
 * paragraphs ("Commitment: …", "Lead officer: …"). Headings set the context; everything else
 * (a foreword, "We will:", a contact line) is reported as not read.
 */

export type ParagraphItem =
  /** `heading` undefined: a Word heading that names no objective ("Contact us"), which ends the one above at its level. */
  | { kind: 'heading'; block: SourceText; heading?: Heading }
  | { kind: 'record'; record: SourceRecord; paragraphs: SourceText[]; ignored: { block: SourceText; label: string }[]; weak: boolean }
  | { kind: 'ignored'; block: SourceText; reason: string; marked?: boolean };

const role = (field: ColumnRole['field'], header: string): ColumnRole => ({ field, header });
const WORDING = role('title', 'Paragraph wording');

interface LabelPara {
  label: string;
  role: ColumnRole | 'ignore' | undefined;
  value: string;
}

/** "Lead officer: Head of Leisure": a short label with no number (so "Objective 2: …" stays a heading). */
function labelParagraph(text: string, mapping: ImportMapping): LabelPara | undefined {
  const m = /^([^:\n]{1,40}):\s*([\s\S]*)$/.exec(text);
  const label = m?.[1]?.trim() ?? '';
  if (!m || !/^\p{L}/u.test(label) || /\d/.test(label) || label.split(/\s+/).length > 5) return undefined;
  return { label, role: roleFor(label, mapping), value: m[2]!.trim() };
}

const fieldOf = (r: LabelPara['role']) => (r && r !== 'ignore' && !r.date ? r.field : undefined);

/** An inline label is a field we read other than the wording itself. */
const inlineLabel = (mapping: ImportMapping) => (label: string) => {
  if (/\d/.test(label) || label.split(/\s+/).length > 4) return false;
  const r = roleFor(label, mapping);
  return !!r && r !== 'ignore' && r.field !== 'title';
};

interface Open {
  paragraphs: SourceText[];
  values: LabelledValue[];
  ignored: { block: SourceText; label: string }[];
  fields: Set<string>;
  titled: boolean;
  action: boolean;
}

function actionRecord(block: SourceText, mapping: ImportMapping): Open {
  const a = readActionText(block.text, inlineLabel(mapping));
  const values: LabelledValue[] = [{ label: WORDING.header, role: WORDING, value: a.title }];
  if (a.ref) values.push({ label: 'Typed number', role: role('ref', 'Typed number'), value: a.ref });
  for (const v of a.values) values.push({ label: v.label, role: roleFor(v.label, mapping), value: v.value });
  const hasDeadline = values.some((v) => v.role && v.role !== 'ignore' && v.role.field === 'deadline');
  if (a.deadline && !hasDeadline) values.push({ label: 'Deadline in the text', role: role('deadline', 'Deadline in the text'), value: a.deadline });
  if (a.rest) values.push({ label: 'Rest of the paragraph', role: role('description', 'Rest of the paragraph'), value: a.rest });
  const fields = new Set(values.flatMap((v) => (fieldOf(v.role) ? [fieldOf(v.role)!] : [])));
  return { paragraphs: [block], values, ignored: [], fields, titled: true, action: true };
}

const adjacent = (a: SourceText | undefined, b: SourceText) => !!a && (a.line === undefined || b.line === undefined || b.line === a.line + 1);

/** Does this labelled paragraph carry on the open record? Not after a gap, not a field it has already. */
function continues(open: Open | undefined, block: SourceText, p: LabelPara): open is Open {
  if (!open || !adjacent(open.paragraphs[open.paragraphs.length - 1], block)) return false;
  const f = fieldOf(p.role);
  if (f && open.fields.has(f)) return false;
  if (p.role === undefined) return !open.action; // an unknown label inside a block of labels: kept with it, reported as not read
  return !(f === 'title' && open.titled);
}

function addLabel(open: Open, block: SourceText, p: LabelPara): void {
  open.paragraphs.push(block);
  if (p.role === undefined) open.ignored.push({ block, label: p.label });
  else open.values.push({ label: p.label, role: p.role, value: p.value });
  const f = fieldOf(p.role);
  if (f) open.fields.add(f);
  if (f === 'title') open.titled = true;
}

function whereOf(paragraphs: SourceText[]): string {
  if (paragraphs.length === 1) return paragraphs[0]!.where;
  const [a, b] = [paragraphs[0]!, paragraphs[paragraphs.length - 1]!];
  if (a.line === undefined || b.line === undefined) return `${a.where} to ${b.where}`;
  // Rows of a sheet read as paragraphs keep the sheet's name: `Sheet "Plan", rows 4–7`.
  const sheet = /^(.*), row \d+$/.exec(a.where)?.[1];
  return sheet ? `${sheet}, rows ${a.line}\u2013${b.line}` : `paragraphs ${a.line}\u2013${b.line}`;
}

/** A closed record, or its paragraphs read one by one when no label in it names the wording. */
function close(open: Open | undefined, out: ParagraphItem[]): void {
  if (!open) return;
  if (open.titled) {
    out.push({ kind: 'record', record: { where: whereOf(open.paragraphs), values: open.values }, paragraphs: open.paragraphs, ignored: open.ignored, weak: open.action });
    return;
  }
  for (const block of open.paragraphs) out.push(other(block));
}

function other(block: SourceText): ParagraphItem {
  const heading = classifyHeading(block.text);
  return heading ? { kind: 'heading', block, heading } : { kind: 'ignored', block, reason: 'text, not an action (a title, an introduction, a note or a signature)' };
}

/** One paragraph's part in the reading; `open` is the record it may continue. */
function step(block: SourceText, open: Open | undefined, out: ParagraphItem[], mapping: ImportMapping, mark: RowMark | undefined): Open | undefined {
  if (mark) {
    close(open, out);
    const heading = classifyHeading(block.text, { numbered: true }) ?? { kind: 'objective', ...objectiveFromCell(block.text) };
    out.push(mark === 'heading' ? { kind: 'heading', block, heading } : { kind: 'ignored', block, reason: 'marked not a task', marked: true });
    return undefined;
  }
  if (block.heading) {
    close(open, out);
    out.push({ kind: 'heading', block, heading: classifyHeading(block.text) });
    return undefined;
  }
  const label = labelParagraph(block.text, mapping);
  if (label && continues(open, block, label)) {
    addLabel(open, block, label);
    return open;
  }
  if (label && label.role !== undefined) {
    close(open, out);
    const fresh: Open = { paragraphs: [], values: [], ignored: [], fields: new Set(), titled: false, action: false };
    addLabel(fresh, block, label);
    return fresh;
  }
  close(open, out);
  if (block.list || typedStart(block.text)) return actionRecord(block, mapping);
  out.push(other(block));
  return undefined;
}

/** A run of list items counts as actions when at least half of them name a lead or a deadline ("… by March 2026" counts). */
function markRuns(items: ParagraphItem[]): void {
  const named = (r: SourceRecord) =>
    r.values.some((v) => v.role && v.role !== 'ignore' && v.value && (v.role.field === 'owner' || v.role.field === 'deadline' || (v.role.field === 'title' && !!findDeadline(v.value, 'wording')?.parsed.dueDate)));
  for (let i = 0; i < items.length; ) {
    const run: Extract<ParagraphItem, { kind: 'record' }>[] = [];
    for (let it = items[i]; it?.kind === 'record' && it.weak; it = items[++i]) run.push(it);
    if (run.length === 0) {
      i++;
      continue;
    }
    const strong = run.filter((r) => named(r.record)).length * 2 >= run.length;
    for (const r of run) r.weak = !strong;
  }
}

/** `markOf`: the officer's mark for a paragraph (mapping `rows`), by its name. */
export function readParagraphs(blocks: SourceText[], mapping: ImportMapping, markOf: (where: string) => RowMark | undefined): ParagraphItem[] {
  const out: ParagraphItem[] = [];
  let open: Open | undefined;
  for (const block of blocks) open = step(block, open, out, mapping, markOf(block.where));
  close(open, out);
  markRuns(out);
  return out;
}

/**
 * Rows of one value each (a sheet or CSV of pasted text) that read as paragraphs: some are
 * "Commitment: …" labels or typed "1.1 …" / bulleted lines.
 */
export function readsAsParagraphs(texts: string[], mapping: ImportMapping): boolean {
  return texts.some((t) => {
    const label = labelParagraph(t, mapping);
    if (label?.role && label.role !== 'ignore' && label.role.field === 'title') return true;
    const start = typedStart(t);
    return !!start && (!!start.ref || !/^\d/.test(t));
  });
}
