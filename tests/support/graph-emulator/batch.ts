import { badRequest, GraphError } from './graph-errors';
import { type EmulatorRequest, type EmulatorResponse, json } from './http-types';

/**
 * JSON batching (https://learn.microsoft.com/graph/json-batching): `POST /$batch` with
 * `{ requests: [{ id, method, url, headers?, body?, dependsOn? }] }`, at most 20 requests, `url`
 * relative to the version root, a `Content-Type` header whenever there is a body. A malformed batch is
 * 400 as a whole; otherwise 200 with `{ responses: [{ id, status, headers, body }] }`. Requests run in
 * `dependsOn` order; one whose dependency failed is not run and gets 424 (Failed Dependency).
 */

export const MAX_BATCH_REQUESTS = 20;

export interface BatchRunner {
  /** Runs one sub-request through the full pipeline (throttling, routing, accounting). */
  run(sub: EmulatorRequest): EmulatorResponse;
  /** Answers (and records) a sub-request that was skipped because a dependency failed. */
  skip(sub: EmulatorRequest, error: GraphError): EmulatorResponse;
}

interface SubRequest {
  id: string;
  dependsOn: string[];
  request: EmulatorRequest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseBatch(body: unknown): SubRequest[] {
  if (!isRecord(body) || !Array.isArray(body.requests)) throw badRequest('Invalid batch payload format: a \'requests\' array is required.');
  const requests = body.requests as unknown[];
  if (requests.length === 0) throw badRequest('Invalid batch payload format: the batch has no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) throw badRequest(`Invalid batch payload format: the number of requests (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  const subs = requests.map((r, i): SubRequest => {
    if (!isRecord(r)) throw badRequest(`Invalid batch payload format: request ${i} is not an object.`);
    const { id, method, url, headers, dependsOn } = r;
    if (typeof id !== 'string' || id === '') throw badRequest(`Invalid batch payload format: request ${i} needs a string 'id'.`);
    if (typeof method !== 'string' || method === '') throw badRequest(`Invalid batch payload format: request '${id}' needs a 'method'.`);
    if (typeof url !== 'string' || url === '') throw badRequest(`Invalid batch payload format: request '${id}' needs a 'url'.`);
    if (/^[a-z]+:\/\//i.test(url)) throw badRequest(`Invalid batch payload format: request '${id}' has an absolute url; it must be relative to the version root.`);
    if (headers !== undefined && (!isRecord(headers) || !Object.values(headers).every((v) => typeof v === 'string'))) {
      throw badRequest(`Invalid batch payload format: request '${id}' headers must be an object of strings.`);
    }
    const lower: Record<string, string> = {};
    for (const [k, v] of Object.entries((headers ?? {}) as Record<string, string>)) lower[k.toLowerCase()] = v;
    if (r.body !== undefined && r.body !== null && lower['content-type'] === undefined) {
      throw badRequest(`Invalid batch payload format: request '${id}' has a body but no Content-Type header.`);
    }
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string'))) {
      throw badRequest(`Invalid batch payload format: request '${id}' dependsOn must be an array of ids.`);
    }
    return { id, dependsOn: (dependsOn as string[] | undefined) ?? [], request: { method: method.toUpperCase(), rawUrl: url.startsWith('/') ? url : `/${url}`, headers: lower, body: r.body } };
  });
  const ids = new Set<string>();
  for (const s of subs) {
    if (ids.has(s.id)) throw badRequest(`Invalid batch payload format: the id '${s.id}' is used twice.`);
    ids.add(s.id);
  }
  for (const s of subs) for (const d of s.dependsOn) if (!ids.has(d)) throw badRequest(`Invalid batch payload format: request '${s.id}' depends on unknown id '${d}'.`);
  return subs;
}

/** Requests in an order where each comes after what it depends on (stable otherwise); a cycle is 400. */
function executionOrder(subs: SubRequest[]): SubRequest[] {
  const byId = new Map(subs.map((s) => [s.id, s]));
  const order: SubRequest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: SubRequest) => {
    if (state.get(s.id) === 'done') return;
    if (state.get(s.id) === 'visiting') throw badRequest(`Invalid batch payload format: dependsOn has a cycle through '${s.id}'.`);
    state.set(s.id, 'visiting');
    for (const d of s.dependsOn) visit(byId.get(d)!);
    state.set(s.id, 'done');
    order.push(s);
  };
  subs.forEach(visit);
  return order;
}

export function runBatch(body: unknown, runner: BatchRunner): EmulatorResponse {
  const order = executionOrder(parseBatch(body));
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const s of order) {
    const failed = s.dependsOn.find((d) => (statuses.get(d) ?? 0) >= 400);
    const res = failed
      ? runner.skip(s.request, new GraphError(424, 'failedDependency', `The request was not run because request '${failed}' it depends on failed.`))
      : runner.run(s.request);
    statuses.set(s.id, res.status);
    const entry: Record<string, unknown> = { id: s.id, status: res.status, headers: res.headers };
    if (res.body !== undefined) entry.body = res.body;
    responses.push(entry);
  }
  return json(200, { responses });
}
