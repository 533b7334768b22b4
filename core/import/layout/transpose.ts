import type { ImportMapping } from '../columns/mapping-file';
import { mapHeaderRow } from '../columns/column-map';
import type { SourceRow } from '../source/plan-source';

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * A table laid out sideways (one action per column, the field names down the first column) is
 * turned the usual way round: when the first column names more fields than any of the first rows does.
 */
/**
 * How many fields a first column names, if it reads as a column of field labels: mostly recognised,
 * and no field twice (a column of actions that happens to contain "Action" headers is not one).
 */
function labelColumnFields(cells: string[], mapping: ImportMapping): number {
  const map = mapHeaderRow(cells, mapping);
  if (!map) return 0;
  const roles = map.roles.filter((r) => r !== undefined);
  const filled = cells.filter((c) => c !== '').length;
  const undated = roles.filter((r) => !r.date).map((r) => r.field);
  if (roles.length < filled / 2 || new Set(undated).size < undated.length) return 0;
  return map.distinctFields;
}

export function maybeTranspose(name: string, rows: SourceRow[], mapping: ImportMapping): { rows: SourceRow[]; transposed: boolean } {
  if (mapping.transposed === false || rows.length < 2) return { rows, transposed: false };
  const firstColumn = rows.map((r) => r.cells[0] ?? '');
  const across = Math.max(0, ...rows.slice(0, 15).map((r) => mapHeaderRow(r.cells, mapping)?.distinctFields ?? 0));
  const sideways = mapping.transposed === true || labelColumnFields(firstColumn, mapping) > across;
  if (!sideways) return { rows, transposed: false };
  const width = Math.max(...rows.map((r) => r.cells.length));
  const label = (j: number) => (name.startsWith('Sheet') ? `${name}, column ${columnLetter(j)}` : `${name}, column ${j + 1}`);
  const out: SourceRow[] = [{ cells: firstColumn, where: label(0) }];
  for (let j = 1; j < width; j++) {
    const cells = rows.map((r) => r.cells[j] ?? '');
    if (cells.some((c) => c !== '')) out.push({ cells, where: label(j) });
  }
  return { rows: out, transposed: true };
}
