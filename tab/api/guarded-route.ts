import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import { NoOpenRoundError, RoundAlreadyOpenError, RoundClosedError } from '../../core/rounds/round-errors';
import { failure, invalidFields } from './api-responses';
import type { AccessNeed, ApiRequest, ApiResponse, ApiRoute, Authorize, Caller } from './api-route';

/**
 * A route that authorises first (every tab API route does) and maps the use cases' typed errors
 * to HTTP: 400 with field errors, 403, 404, 409. Anything else is the server's 500.
 */
export function guardedRoute(
  authorize: Authorize,
  spec: Omit<ApiRoute, 'handle'> & { need: AccessNeed; notFound?: string },
  handle: (request: ApiRequest, caller: Caller) => Promise<ApiResponse>,
): ApiRoute {
  const { need, notFound, ...route } = spec;
  return {
    ...route,
    handle: async (request) => {
      const auth = await authorize(request, need);
      if (!auth.ok) return auth.response;
      // Every route takes an object (JSON fields, or a file's bytes) or nothing: an array, a number or
      // text is refused here in words, not in each route's validator's ("expected object, received array").
      if (!isFieldsOrFile(request.body)) return invalidFields(NOT_AN_OBJECT, { body: NOT_AN_OBJECT });
      try {
        return await handle(request, auth.caller);
      } catch (err) {
        return domainErrorResponse(err, notFound);
      }
    },
  };
}

const NOT_AN_OBJECT = 'The request could not be read: send the fields as one JSON object.';

function isFieldsOrFile(body: unknown): boolean {
  return body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body));
}

function domainErrorResponse(err: unknown, notFound = 'That item was not found: it may have been removed. Reload the plan.'): ApiResponse {
  if (err instanceof ValidationError) {
    return invalidFields(err.fields.map((f) => f.message).join(' '), Object.fromEntries(err.fields.map((f) => [f.field, f.message])));
  }
  // "No round has been opened yet" says more than the route's generic not-found message.
  if (err instanceof NoOpenRoundError && err.id === 'open') return failure(404, err.message);
  if (err instanceof NotFoundError) return failure(404, notFound);
  if (err instanceof RoundAlreadyOpenError || err instanceof RoundClosedError) return failure(409, err.message);
  if (err instanceof ConflictError) return failure(409, 'Someone else changed this at the same moment. Reload and try again.');
  if (err instanceof ForbiddenError) return failure(403, err.message);
  throw err;
}
