/**
 * An OData string literal: quotes doubled, so a value like O'Brien can never end the literal and
 * widen a query (https://learn.microsoft.com/graph/query-parameters, "Escaping single quotes").
 */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `fields/<column> eq '<value>'` for an indexed column, URL-encoded for a query string. */
export function fieldEquals(column: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)) throw new Error(`Not a column name: ${column}`);
  return encodeURIComponent(`fields/${column} eq ${odataString(value)}`);
}
