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
 *   "transposed": false
 * }
 *
 * `owners` maps names or roles as the plan writes them to a name or email the directory knows.
 */
const fieldName = z.enum([...PLAN_FIELDS, 'ignore']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a yyyy-mm-dd date');
const columnTarget = z.union([fieldName, z.object({ field: fieldName, date: isoDate.optional() }).strict()]);

const mappingSchema = z
  .object({
    columns: z.record(z.string().min(1), columnTarget).optional(),
    owners: z.record(z.string().min(1), z.string().min(1)).optional(),
    transposed: z.boolean().optional(),
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
}

export const EMPTY_MAPPING: ImportMapping = { columns: new Map(), owners: new Map() };

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
  return { columns, owners, transposed: parsed.data.transposed };
}
