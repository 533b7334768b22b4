/**
 * SharePoint list item ETags as Graph returns them: `"{GUID},N"` (quotes included), where the GUID is
 * the item's unique id and N its version, incremented by every write. Example values in
 * https://learn.microsoft.com/graph/api/listitem-delta ("eTag": "\"{12AD05BB-…},756\"").
 */

export function formatEtag(uniqueId: string, version: number): string {
  return `"{${uniqueId.toUpperCase()}},${version}"`;
}

/**
 * `If-Match` semantics of https://learn.microsoft.com/graph/api/listitem-update and
 * https://learn.microsoft.com/graph/api/listitem-delete: `*` matches any existing item; otherwise the
 * tag must name this item at its current version. Accepts the tag with or without quotes/braces and a
 * weak `W/` prefix, and a comma-separated list of tags (RFC 9110 §13.1.1).
 */
export function ifMatchSatisfied(header: string | undefined, uniqueId: string, version: number): boolean {
  if (header === undefined) return true;
  return header.split(',').some((raw, i, parts) => {
    // A tag itself contains a comma ("{GUID},N"), so rejoin the pieces pairwise.
    if (raw.trim() === '*') return true;
    const tag = `${raw},${parts[i + 1] ?? ''}`.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    const m = /^\{?([0-9a-fA-F-]{36})\}?,(\d+)$/.exec(tag);
    return m !== null && m[1]!.toLowerCase() === uniqueId.toLowerCase() && Number(m[2]) === version;
  });
}
