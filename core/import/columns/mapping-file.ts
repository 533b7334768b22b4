import { z } from 'zod';
import { ImportFileError } from '../import-errors';
import { normaliseHeader } from './header-rules';
import { PLAN_FIELDS, type PlanField } from './plan-fields';

/**
 * An officer's mapping file (JSON) overrides the guesses:
 *
 * {
 *   "columns": { "Key Action": "title", "Board update": { "field": "history", "date": "2024-03-31" }, "Notes": "ignore" },
 *   "owners": { "EDI Officer": "priya.shah@council.gov.uk" },
 *   "transposed": false,
 *   "rows": { "Sheet \"Plan\", row 12": "heading", "Sheet \"Plan\", row 40": "not-a-task" }
 * }
 *
 * `owners` maps names or roles as the plan writes them to a name or email the directory knows.
 * `rows` marks rows, named as the dry-run report names them (a task's `where`), as a heading (an
 * objective or section title) or as not a task (a note, a total, a signature): the officer's
 * corrections in the tab's preview, saved with the rest.
 */
const fieldName = z.enum([...PLAN_FIELDS, 'ignore']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a yyyy-mm-dd date');
const columnTarget = z.union([fieldName, z.object({ field: fieldName, date: isoDate.optional() }).strict()]);

export const ROW_MARKS = ['heading', 'not-a-task'] as const;
export type RowMark = (typeof ROW_MARKS)[number];

const mappingSchema = z
  .object({
    columns: z.record(z.string().min(1), columnTarget).optional(),
    owners: z.record(z.string().min(1), z.string().min(1)).optional(),
    transposed: z.boolean().optional(),
    rows: z.record(z.string().min(1).max(300), z.enum(ROW_MARKS)).optional(),
  })
  .strict();

export interface ColumnOverride {
  field: PlanField | 'ignore';
  date?: string;
}

export interface ImportMapping {
  /** By normalised header. */
  columns: Map<string, ColumnOverride>;
  /** By owner text in lower case, spaces collapsed. */
  owners: Map<string, string>;
  transposed?: boolean;
  /** By row name (`where`) as normaliseRowKey gives it. */
  rows: Map<string, RowMark>;
}

export const EMPTY_MAPPING: ImportMapping = { columns: new Map(), owners: new Map(), rows: new Map() };

/** A row's name as the report writes it (`Sheet "Plan", row 12`), compared without case or extra spaces. */
export function normaliseRowKey(where: string): string {
  // Ranges are written "rows 5–10" (an en dash); a hyphen typed in a mapping file means the same.
  return where.toLowerCase().replace(/[“”]/g, '"').replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
}

export function normaliseOwnerKey(text: string): string {
  return text.toLowerCase().replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
}

export function parseMapping(json: string, source = 'The mapping file'): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new ImportFileError('bad-mapping', `${source} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'top level'}: ${i.message}`).join('; ');
    throw new ImportFileError('bad-mapping', `${source} is not a valid mapping (${problems}). Fields are: ${PLAN_FIELDS.join(', ')}, ignore.`);
  }
  const columns = new Map<string, ColumnOverride>();
  for (const [header, target] of Object.entries(parsed.data.columns ?? {})) {
    columns.set(normaliseHeader(header), typeof target === 'string' ? { field: target } : target);
  }
  const owners = new Map(Object.entries(parsed.data.owners ?? {}).map(([k, v]) => [normaliseOwnerKey(k), v.trim()]));
  const rows = new Map(Object.entries(parsed.data.rows ?? {}).map(([k, v]) => [normaliseRowKey(k), v]));
  return { columns, owners, transposed: parsed.data.transposed, rows };
}
