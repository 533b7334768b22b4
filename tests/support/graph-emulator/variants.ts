/**
 * Switches for what Microsoft's pages leave open: each says what the documentation shows (the
 * default) and what else a real tenant plausibly does, so the adapter can be run against every
 * variant. `startGraphEmulator({ variants: { … } })`; see README.md.
 */
export interface EmulatorVariants {
  /**
   * What PATCH …/items/{id}/fields answers with. `none` (default): the field values only, as in the
   * example of https://learn.microsoft.com/graph/api/listitem-update; `in-body`: with the item's
   * `@odata.etag` among them.
   */
  patchEtag: 'none' | 'in-body';
  /**
   * What POST …/items answers with. `with-fields` (default): the listItem and its `fields`;
   * `without-fields`: the listItem alone, as the (truncated) example of
   * https://learn.microsoft.com/graph/api/listitem-create shows it.
   */
  createAnswer: 'with-fields' | 'without-fields';
  /**
   * Whether delta @odata.nextLink / @odata.deltaLink keep the first request's
   * `expand=fields(select=…)`. `true` (default): https://learn.microsoft.com/graph/delta-query-overview
   * ("State tokens") says links carry the first request's query options; `false`: they carry only
   * the token (as the links in https://learn.microsoft.com/graph/api/listitem-delta's examples
   * read), so the pages they fetch come without fields.
   */
  deltaLinksKeepExpand: boolean;
  /**
   * Which delta items carry `fields` when they were asked for. `all` (default); `none`: only the
   * listItem's id, eTag and metadata; `some`: every other item; `changed`: only the columns written
   * since the token, a cleared one as null ("updated instances are represented by their id with at
   * least the properties that have been updated", delta-query-overview).
   */
  deltaItemFields: 'all' | 'none' | 'some' | 'changed';
  /**
   * How person lookup ids read. `string` (default): `"AuthorLookupId": "13"` in
   * https://learn.microsoft.com/graph/api/resources/fieldvalueset; `integer`.
   */
  lookupIds: 'string' | 'integer';
  /**
   * Where person columns appear in `fields`. `lookupId` (default): `<Name>LookupId` (an array for a
   * multi-person column), as fieldvalueset describes; `object`: under `<Name>` as
   * `{ LookupId, LookupValue, Email }` (an array of them for multi-person columns, as community
   * reports show them); `both`.
   */
  personReadForm: 'lookupId' | 'object' | 'both';
  /**
   * Which lookup-id writes are accepted; no Graph reference page shows one. `any` (default): a number
   * or its digits, and collections annotated `Collection(Edm.Int32)` (numbers) or
   * `Collection(Edm.String)` (strings), the two forms in circulation; `int32`: numbers and
   * `Collection(Edm.Int32)` only, the type of a SharePoint lookup id.
   */
  lookupWrites: 'any' | 'int32';
  /**
   * How a unique-column violation is answered; Graph documents none. All carry SharePoint's
   * SPDuplicateValuesFoundException message except `400-localized` (a site in French).
   * `409-nameAlreadyExists` (default, the most reported), `400-invalidRequest`,
   * `500-generalException`, `400-localized`.
   */
  uniqueViolation: '409-nameAlreadyExists' | '400-invalidRequest' | '500-generalException' | '400-localized';
  /**
   * How many items may leave a unique column empty. Neither columndefinition
   * (https://learn.microsoft.com/graph/api/resources/columndefinition, `enforceUniqueValues`) nor
   * SharePoint's own pages say. `many` (default): empty values never collide, as in most databases;
   * `one`: an empty value is a value like any other, so a second item without one is a duplicate,
   * and uniqueness cannot be turned on (nor a unique column added) while two items have none.
   */
  uniqueBlankValues: 'many' | 'one';
  /**
   * How a stale If-Match is answered. `412` (default): "a 412 Precondition Failed response is
   * returned" (listitem-update); `409-resourceModified`: Graph's conflict code for "the resource being
   * updated has changed since the caller last read it" (https://learn.microsoft.com/graph/errors).
   */
  staleEtag: '412' | '409-resourceModified';
  /** The next N item creates (POST …/items, batched or not) are written and then answered 504. */
  gatewayTimeoutAfterWrite: number;
  /** The next N item updates (PATCH …/items/{id}/fields) are written and then answered 504. */
  gatewayTimeoutAfterUpdate: number;
  /**
   * Which of a column's `indexed` / `enforceUniqueValues` SharePoint drops from the columns of a
   * POST …/lists body; https://learn.microsoft.com/graph/api/list-create shows columns created with
   * the list but says nothing of either property. `none` (default), `indexed`, `unique`, `both`.
   * (A unique column is still indexed: uniqueness needs an index.)
   */
  createListIgnores: 'none' | 'indexed' | 'unique' | 'both';
  /** The same for POST …/lists/{id}/columns (https://learn.microsoft.com/graph/api/list-post-columns). */
  createColumnIgnores: 'none' | 'indexed' | 'unique' | 'both';
  /**
   * PATCH `enforceUniqueValues: true` on a column that is not indexed; columndefinition-update lets
   * any property change and says no more. SharePoint's own API says "when you set this property to
   * true, you should also set the Indexed property to true"
   * (https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee543809(v=office.15)), and
   * community reports quote "The field must first be indexed to enforce unique values".
   * `implied` (default): the column is indexed with it; `same-request`: refused unless the same
   * body sets `indexed: true`; `indexed-first`: refused until an earlier request indexed it.
   */
  uniqueNeedsIndex: 'implied' | 'same-request' | 'indexed-first';
  /**
   * SharePoint's list view threshold (https://learn.microsoft.com/sharepoint/troubleshoot/lists-and-libraries/items-exceeds-list-view-threshold,
   * as Microsoft's OneDrive API team points to it in OneDrive/onedrive-api-docs#1510):
   * on a list holding more than this many items, `$filter`/`$orderby` on a column that is not
   * indexed fails even with `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. 0 (default): off;
   * SharePoint Online's is 5000.
   */
  listViewThreshold: number;
  /**
   * How a query over the threshold is answered (Graph documents none): `500-generalException`
   * (default; SharePoint REST answers 500 SPQueryThrottledException "…exceeds the list view
   * threshold…") or `400-invalidRequest`.
   */
  listViewThresholdError: '500-generalException' | '400-invalidRequest';
  /**
   * Whether the User Information List's `EMail` column is indexed. `true` (default); `false`: as in
   * a site where it is not, so a lookup by e-mail is refused past `listViewThreshold` people (a
   * council-wide site can well have more than 5,000).
   */
  userListEmailIndexed: boolean;
}

export const DEFAULT_VARIANTS: EmulatorVariants = {
  patchEtag: 'none',
  createAnswer: 'with-fields',
  deltaLinksKeepExpand: true,
  deltaItemFields: 'all',
  lookupIds: 'string',
  personReadForm: 'lookupId',
  lookupWrites: 'any',
  uniqueViolation: '409-nameAlreadyExists',
  uniqueBlankValues: 'many',
  staleEtag: '412',
  gatewayTimeoutAfterWrite: 0,
  gatewayTimeoutAfterUpdate: 0,
  createListIgnores: 'none',
  createColumnIgnores: 'none',
  uniqueNeedsIndex: 'implied',
  listViewThreshold: 0,
  listViewThresholdError: '500-generalException',
  userListEmailIndexed: true,
};
