import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
/**
 * A framework-free HTTP route for the tab's API: bot/server.ts adapts it to restify, tests can call
 * `handle` directly. Identity is not in here: routes that need a caller take it from the
 * authenticated request (see the tab API's auth), never from the body or the query.
 */
export interface ApiRequest {
  /** Path parameters, e.g. `{ id }` for `/api/tasks/:id`. */
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON for JSON requests; a Buffer for binary uploads (`application/octet-stream`). */
  body: unknown;
  /** The client's address, for rate limiting and logs. */
  remoteAddress?: string;
}

export type ApiResponse =
  | { status: number; body: unknown; headers?: Record<string, string> }
  /** A download: sent with Content-Type and an attachment Content-Disposition. */
  | { status: number; file: { bytes: Uint8Array; contentType: string; fileName: string } };

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** restify path syntax: `/api/tasks/:id`. */
  path: string;
  /** Largest request body accepted (default 1 MiB); larger bodies get 413 before `handle` runs. */
  maxBodyBytes?: number;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

/**
 * A JSON body serialised once and sent as is: for large, cached answers (the whole plan), so
 * concurrent requests do not each stringify megabytes. `toJSON` keeps it an ordinary body elsewhere.
 */
export class PreparedJson {
  readonly bytes: Buffer;
  /** A strong validator for If-None-Match: the same bytes, the same tag. */
  readonly etag: string;
  private compressed?: Buffer;
  constructor(readonly value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value), 'utf8');
    this.etag = `"${createHash('sha256').update(this.bytes).digest('base64url').slice(0, 32)}"`;
  }
  /** Gzipped once, on first use: the plan's JSON is megabytes, gzipped a few per cent of that. */
  get gzipped(): Buffer {
    this.compressed ??= gzipSync(this.bytes, { level: 6 });
    return this.compressed;
  }
  toJSON(): unknown {
    return this.value;
  }
}

export function isFileResponse(r: ApiResponse): r is Extract<ApiResponse, { file: unknown }> {
  return 'file' in r;
}

/** Who is calling the tab API, from a validated Teams SSO token (or the documented dev identity locally). */
export interface Caller {
  aadObjectId: string;
  tenantId: string;
  displayName: string;
  email: string;
  /** 'officer': EDI officers may open/close rounds, import and export. Everyone in the tenant may view. */
  roles: ReadonlyArray<'officer'>;
}

export type AccessNeed = 'viewer' | 'officer';

/**
 * Authenticates and authorises one request: the caller, or the response to send instead
 * (401 for a missing/invalid token, 403 for a missing role). Routes never read identity elsewhere.
 */
export type Authorize = (request: ApiRequest, need: AccessNeed) => Promise<{ ok: true; caller: Caller } | { ok: false; response: ApiResponse }>;
