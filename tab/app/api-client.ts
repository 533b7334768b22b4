/**
 * Every call from the tab to its API: same origin, JSON, and in Teams the SSO token as a bearer
 * token (none in a plain browser, where the server's local dev identity applies). Failures become
 * ApiError with a message fit for the page: the server's own `{ message }` when it sent one.
 */
import { teamsAuthToken } from './teams-host';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** Field -> problem, from a 400 `{ message, errors }`. */
    readonly fieldErrors: Record<string, string> = {},
    /** The whole error body (a 412 carries the record as it is now). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const UNREACHABLE_MESSAGE = 'The server could not be reached. Check your connection and try again.';

async function headersFor(accept: string, contentType?: string): Promise<Headers> {
  const headers = new Headers({ Accept: accept });
  if (contentType) headers.set('Content-Type', contentType);
  const token = await teamsAuthToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

/**
 * The plan the page shows (`?plan=` in its address) goes with every API call, so the API reads and
 * writes that plan (tab/api/plan-scope.ts); a call that names a plan itself keeps it.
 */
export function withPagePlan(path: string): string {
  const plan = new URLSearchParams(window.location.search).get('plan');
  if (!plan || !path.startsWith('/api/')) return path;
  const url = new URL(path, window.location.origin);
  if (!url.searchParams.has('plan')) url.searchParams.set('plan', plan);
  return `${url.pathname}${url.search}`;
}

async function send(path: string, init: { method?: string; body?: BodyInit; contentType?: string; accept?: string; signal?: AbortSignal; headers?: Record<string, string> }): Promise<Response> {
  const headers = await headersFor(init.accept ?? 'application/json', init.contentType);
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  try {
    return await fetch(withPagePlan(path), { method: init.method ?? 'GET', headers, body: init.body, credentials: 'same-origin', signal: init.signal });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(UNREACHABLE_MESSAGE);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof record.message === 'string' && record.message.trim() !== '' ? record.message : `The server returned an error (HTTP ${response.status}).`;
  const errors: Record<string, string> = {};
  if (typeof record.errors === 'object' && record.errors !== null) {
    for (const [field, text] of Object.entries(record.errors)) if (typeof text === 'string') errors[field] = text;
  }
  return new ApiError(message, response.status, errors, record);
}

/**
 * GET, POST or PATCH JSON; resolves with the parsed body of a 2xx answer. `ifMatch`: the version
 * (ETag) a change was made from; the server answers 412 when the record moved on meanwhile.
 */
export async function apiJson<T>(path: string, init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown; signal?: AbortSignal; ifMatch?: string } = {}): Promise<T> {
  const response = await send(path, {
    method: init.method,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    contentType: init.body === undefined ? undefined : 'application/json',
    signal: init.signal,
    headers: init.ifMatch ? { 'If-Match': init.ifMatch } : undefined,
  });
  if (!response.ok) throw await failure(response);
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined) throw new ApiError('The server sent a reply the tab does not understand.', response.status);
  return body as T;
}

/** POST a file's bytes (an import upload). */
export async function apiUpload<T>(path: string, file: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { method: 'POST', body: file, contentType, signal, accept: 'application/json' });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` preferred). */
function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file from the API. A plain link cannot carry the bearer token, so the file is
 * fetched and handed to the browser as a blob; the name comes from the server.
 */
export async function apiDownload(path: string, fallbackName: string): Promise<string> {
  const response = await send(path, { accept: '*/*' });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const fileName = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, fileName);
  return fileName;
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
