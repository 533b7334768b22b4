import { invalidRequest } from './graph-errors';
import type { CompareOp, FilterNode, Operand } from './odata-filter';

/**
 * Evaluates a parsed `$filter` against one resource. Text compares case-insensitively, as SharePoint
 * does (its default collation); a comparison with `null` or an empty value is true only for `eq null`
 * / `ne` a value; multi-valued properties (multi-person lookup ids) match `eq` when any value does.
 */

/** How a property's values compare. `multi` values match `eq` when any element does. */
export type ValueKind = 'string' | 'number' | 'datetime' | 'boolean';
export interface ResolvedValue {
  kind: ValueKind;
  value: unknown;
  multi?: boolean;
}
export type Resolver = (path: string) => ResolvedValue;

/** Normalizes a comparable value. */
function normalize(kind: ValueKind, v: unknown): string | number | boolean | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  switch (kind) {
    case 'string':
      return String(v).toLowerCase();
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      if (Number.isNaN(n)) throw invalidRequest(`Invalid filter clause: '${String(v)}' is not a number.`);
      return n;
    }
    case 'datetime': {
      const t = Date.parse(String(v));
      if (Number.isNaN(t)) throw invalidRequest(`Invalid filter clause: '${String(v)}' is not a date.`);
      return t;
    }
    case 'boolean':
      if (v === true || v === 1 || v === '1' || v === 'true') return true;
      if (v === false || v === 0 || v === '0' || v === 'false') return false;
      throw invalidRequest(`Invalid filter clause: '${String(v)}' is not a boolean.`);
  }
}

function compareScalar(op: CompareOp, a: string | number | boolean | undefined, b: string | number | boolean | undefined): boolean {
  if (a === undefined || b === undefined) {
    if (op === 'eq') return a === b;
    if (op === 'ne') return a !== b;
    return false;
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

function compare(op: CompareOp, left: Operand, right: Operand, resolve: Resolver): boolean {
  if (left.type !== 'prop' && right.type === 'prop') return compare(FLIP[op], right, left, resolve);
  if (left.type !== 'prop') throw invalidRequest('Invalid filter clause: a comparison needs a property.');
  const prop = resolve(left.path);
  const other: ResolvedValue = right.type === 'prop' ? resolve(right.path) : { kind: prop.kind, value: right.value };
  const b = normalize(prop.kind, other.value);
  if (prop.multi) {
    const values = Array.isArray(prop.value) ? prop.value.map((v) => normalize(prop.kind, v)) : [];
    if (op === 'eq') return b === undefined ? values.length === 0 : values.includes(b);
    if (op === 'ne') return b === undefined ? values.length > 0 : !values.includes(b);
    return values.some((v) => compareScalar(op, v, b));
  }
  return compareScalar(op, normalize(prop.kind, prop.value), b);
}

export function evaluateFilter(node: FilterNode, resolve: Resolver): boolean {
  switch (node.type) {
    case 'and':
      return evaluateFilter(node.left, resolve) && evaluateFilter(node.right, resolve);
    case 'or':
      return evaluateFilter(node.left, resolve) || evaluateFilter(node.right, resolve);
    case 'not':
      return !evaluateFilter(node.expr, resolve);
    case 'startswith': {
      const v = resolve(node.prop).value;
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'cmp':
      return compare(node.op, node.left, node.right, resolve);
  }
}
