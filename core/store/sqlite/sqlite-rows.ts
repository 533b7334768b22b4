import { DuplicateError } from '../../errors';

/** Rows as every table stores them: integer id, integer version, the record's JSON body. */
export interface Row {
  id: number;
  version: number;
  data: string;
  /** Objectives, tasks and rounds: the plan's id. */
  plan_id?: number;
}

/** Row -> domain: the JSON body plus the item id and version as strings (SharePoint's shape). */
export function toDomain<T>(row: Row): T & { id: string; version: string } {
  const record = { ...(JSON.parse(row.data) as T), id: String(row.id), version: String(row.version) };
  return row.plan_id === undefined ? record : { ...record, planId: String(row.plan_id) };
}

/** Domain -> row body: never persists id/version (or the plan, a column of its own) inside the JSON. */
export function toPersistence(record: object): string {
  const { id: _id, version: _version, planId: _plan, ...body } = record as Record<string, unknown>;
  return JSON.stringify(body);
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs a write; a unique index it would break becomes DuplicateError(entity, key). */
export function unique<T>(entity: string, key: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateError(entity, key);
    throw err;
  }
}

/** Numeric ids only: a non-numeric id can never match, so it is simply "not found". */
export function rowId(id: string): number | undefined {
  return /^\d+$/.test(id) ? Number(id) : undefined;
}

