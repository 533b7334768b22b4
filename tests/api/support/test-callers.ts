import type { Person } from '../../../core/model';
import type { Authorize, Caller } from '../../../tab/api/api-route';
import { failure } from '../../../tab/api/api-responses';

/**
 * An Authorize for route tests that are not about sign-in (tab-sign-in.test.ts and tab-routes.test.ts
 * cover the real one): the `x-test-caller` header picks a caller; officers hold the role. Nothing
 * in the body can change who calls.
 */
export function testAuthorize(callers: Record<string, { person: Person; officer?: boolean }>): Authorize {
  return async (request, need) => {
    const entry = callers[request.headers['x-test-caller'] ?? ''];
    if (!entry) return { ok: false, response: failure(401, 'Sign in to Teams to see the action plan.') };
    const caller: Caller = { ...entry.person, tenantId: 'tenant-test', roles: entry.officer ? ['officer'] : [] };
    if (need === 'officer' && !entry.officer) return { ok: false, response: failure(403, 'Only EDI officers can do this.') };
    return { ok: true, caller };
  };
}

export const as = (caller: string, extra: Record<string, string> = {}) => ({ 'x-test-caller': caller, ...extra });
