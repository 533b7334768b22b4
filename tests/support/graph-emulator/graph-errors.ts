/**
 * Graph's error shape and the errors the emulator raises.
 *
 * Every error body is `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`
 * with `Content-Type: application/json`, as documented at
 * https://learn.microsoft.com/graph/errors ("Error resource type").
 */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Graph nests a more specific code in `innerError.code` for some errors (e.g. delta resync). */
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

export function errorBody(err: GraphError, requestId: string, clientRequestId: string): GraphErrorBody {
  const innerError: Record<string, string> = {
    date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
    'request-id': requestId,
    'client-request-id': clientRequestId,
  };
  if (err.innerCode) innerError.code = err.innerCode;
  return { error: { code: err.code, message: err.message, innerError } };
}

/** 400 with Graph's generic SharePoint validation code. */
export const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);

export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

export const itemNotFound = (message: string) => new GraphError(404, 'itemNotFound', message);

/** https://learn.microsoft.com/graph/api/listitem-update: "a 412 Precondition Failed response is returned". */
export const preconditionFailed = () =>
  new GraphError(412, 'preconditionFailed', 'The request ETag value does not match the object\'s ETag value');

/** Unknown fields in a fieldValueSet (SharePoint's wording, as surfaced by Graph). */
export const fieldNotRecognized = (name: string) => invalidRequest(`Field '${name}' is not recognized`);
