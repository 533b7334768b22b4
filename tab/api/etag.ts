import type { Person } from '../../core/model';
import { failure } from './api-responses';
import type { ApiRequest, ApiResponse, Caller } from './api-route';

/**
 * A stored record's version as an HTTP entity tag (RFC 9110 §8.8.3): opaque, quoted. SharePoint's
 * own versions carry quotes and commas ("{guid},3"), so the tag is the version base64url-encoded.
 */
export function etagOf(version: string): string {
  return `"${Buffer.from(version, 'utf8').toString('base64url')}"`;
}

/**
 * The version an `If-Match` header names (RFC 9110 §13.1.1): one strong tag of ours. A missing
 * header is 428 (RFC 6585 §3: a write without the version it was made from could overwrite
 * someone else's); a header that is not one of our tags is 412, as a stale one is.
 */
export function versionFromIfMatch(request: ApiRequest): { ok: true; version: string } | { ok: false; response: ApiResponse } {
  const header = request.headers['if-match']?.trim();
  if (!header) return { ok: false, response: failure(428, 'This change did not say which version of the task it was made from (If-Match). Reload the task and make the change again.') };
  const tag = /^"([A-Za-z0-9_-]{1,400})"$/.exec(header)?.[1];
  if (!tag) return { ok: false, response: failure(412, 'This change names a version of the task the server does not know. Reload the task and make the change again.') };
  return { ok: true, version: Buffer.from(tag, 'base64url').toString('utf8') };
}

/** The caller as the history records them: who the sign-in says they are. */
export function personOf(caller: Caller): Person {
  return { aadObjectId: caller.aadObjectId, displayName: caller.displayName || caller.email || 'An EDI officer', email: caller.email };
}
