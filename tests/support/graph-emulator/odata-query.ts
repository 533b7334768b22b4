import { invalidRequest } from './graph-errors';
import { odataParam } from './http-types';

/**
 * The OData query options the emulated endpoints read (https://learn.microsoft.com/graph/query-parameters):
 * `expand=fields`, `expand=fields(select=A,B)` and `$expand=fields($select=A,B)` as in
 * https://learn.microsoft.com/graph/api/listitem-list; top-level `$select`; `$orderby`; `$top`.
 */

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur !== '') parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export interface ExpandOption {
  /** Select inside the expansion, if given. */
  select?: string[];
}

/** Returns the options of `expand=<name>(…)`, or undefined when `<name>` is not expanded. */
export function expandOf(query: URLSearchParams, name: string): ExpandOption | undefined {
  const raw = odataParam(query, 'expand');
  if (raw === undefined) return undefined;
  for (const part of splitTopLevel(raw)) {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(part);
    if (!m) throw invalidRequest(`Invalid $expand option '${part}'.`);
    if (m[1] !== name) continue;
    if (m[2] === undefined || m[2].trim() === '') return {};
    const option: ExpandOption = {};
    for (const inner of m[2].split(';')) {
      const sel = /^\s*\$?select\s*=\s*(.*)$/.exec(inner);
      if (sel) option.select = sel[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
    }
    return option;
  }
  return undefined;
}

export function selectOf(query: URLSearchParams): string[] | undefined {
  const raw = odataParam(query, 'select');
  return raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export interface OrderKey {
  path: string;
  desc: boolean;
}

export function orderByOf(query: URLSearchParams): OrderKey[] {
  const raw = odataParam(query, 'orderby');
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw invalidRequest(`Invalid $orderby clause '${part}'.`);
    return { path: m[1]!, desc: m[2]?.toLowerCase() === 'desc' };
  });
}

/** `$top` as a page size; SharePoint serves at most 5,000 items per page (the list view threshold). */
export function topOf(query: URLSearchParams): number | undefined {
  const raw = odataParam(query, 'top');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidRequest(`Invalid $top value '${raw}'.`);
  return Math.min(Number(raw), 5000);
}
