import { z } from 'zod';
import { batchError, type GraphApi, MAX_BATCH_REQUESTS } from './graph/graph-api';
import { GraphRequestError, graphErrorFrom } from './graph/graph-error';

/** SharePoint ETags read `"{item guid},version"` (the eTag examples of https://learn.microsoft.com/graph/api/listitem-delta). */
function parseEtag(etag: string): { item: string; version: number } | undefined {
  const m = /^"?\{?([0-9a-fA-F-]+)\}?,(\d+)"?$/.exec(etag);
  return m ? { item: m[1]!.toLowerCase(), version: Number(m[2]) } : undefined;
}

/** True when `a` is an older version of the same item than `b`. */
export function isOlder(a: string, b: string): boolean {
  const [pa, pb] = [parseEtag(a), parseEtag(b)];
  return Boolean(pa && pb && pa.item === pb.item && pa.version < pb.version);
}

/** True when `b` is the version right after `a` of the same item: what one write on top of `a` makes. */
export function isNextVersion(a: string, b: string): boolean {
  const [pa, pb] = [parseEtag(a), parseEtag(b)];
  return Boolean(pa && pb && pa.item === pb.item && pb.version === pa.version + 1);
}

export function etagOf(item: GraphItem): string | undefined {
  return item['@odata.etag'] ?? item.eTag ?? (item.fields?.['@odata.etag'] as string | undefined);
}

/** A list item as Graph returns it with `expand=fields(select=…)`. Validated at the boundary. */
export const graphItemSchema = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  deleted: z.object({ state: z.string().optional() }).optional(),
});
export type GraphItem = z.infer<typeof graphItemSchema>;

const pageSchema = z.object({
  value: z.array(graphItemSchema),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export interface MirroredItem {
  id: string;
  etag: string;
  fields: Record<string, unknown>;
}

/**
 * An in-memory copy of one list kept current with the items delta query, so reads cost no Graph
 * request and a refresh costs O(changes). Our own writes are applied at once (read-your-writes);
 * a 410 from an expired delta token triggers a full resync.
 *
 * A delta item may come without `fields`, or with only the columns that changed: the delta overview
 * says updated instances carry "at least the properties that have been updated"
 * (https://learn.microsoft.com/graph/delta-query-overview), and a nextLink or deltaLink may not keep
 * the first request's `expand=fields(select=…)`. Such items are read again by id, 20 to a $batch.
 * The links themselves are used as Graph gave them, never edited: the same page says they encode
 * the first request's query options and are to be followed without inspecting them, so adding an
 * expand back could break a link that already carries it inside its token.
 */
export class ListMirror {
  private readonly items = new Map<string, MirroredItem>();
  private changes = 0;
  private deltaLink?: string;
  private syncing?: Promise<void>;

  constructor(
    private readonly api: GraphApi,
    private readonly itemsPath: string,
    private readonly select: string[],
  ) {}

  /** Brings the mirror up to date; concurrent callers share one sync. */
  sync(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  /** Grows with every item added, changed or removed: equal counts mean the mirror is unchanged. */
  get changeCount(): number {
    return this.changes;
  }

  all(): MirroredItem[] {
    return [...this.items.values()];
  }

  get(id: string): MirroredItem | undefined {
    return this.items.get(id);
  }

  /** Applies an item we wrote or read (its etag is the version after our write). */
  apply(item: GraphItem): MirroredItem | undefined {
    if (item.deleted) {
      this.remove(item.id);
      return undefined;
    }
    const etag = etagOf(item);
    if (!etag || !item.fields) return undefined;
    // A refresh that started before our own write can answer after it: never go back a version.
    const current = this.items.get(item.id);
    // Never go back a version; the same version again changes nothing (it may carry fewer fields).
    if (current && (etag === current.etag || isOlder(etag, current.etag))) return current;
    const mirrored = { id: item.id, etag, fields: item.fields };
    if (current?.etag !== etag) this.changes++;
    this.items.set(item.id, mirrored);
    return mirrored;
  }

  /** The delta request that brings this mirror up to date (relative to the Graph root). */
  deltaRequest(): string {
    return this.api.relative(this.deltaLink ?? `${this.itemsPath}/delta?${this.expand()}`);
  }

  /** The request for one item with the mirrored columns. */
  itemRequest(id: string): string {
    return `${this.itemsPath}/${id}?${this.expand()}`;
  }

  /** Reads one item from Graph into the mirror; undefined when it no longer exists. */
  async read(id: string): Promise<MirroredItem | undefined> {
    try {
      return this.apply(graphItemSchema.parse(await this.api.get<unknown>(this.itemRequest(id))));
    } catch (err) {
      if (!(err instanceof GraphRequestError && err.status === 404)) throw err;
      this.remove(id);
      return undefined;
    }
  }

  /** Reads items by id, at most 20 to a $batch (https://learn.microsoft.com/graph/json-batching); gone ones leave the mirror. */
  async readAll(ids: string[]): Promise<(MirroredItem | undefined)[]> {
    if (ids.length === 1) return [await this.read(ids[0]!)];
    const read: (MirroredItem | undefined)[] = [];
    for (let i = 0; i < ids.length; i += MAX_BATCH_REQUESTS) {
      const chunk = ids.slice(i, i + MAX_BATCH_REQUESTS);
      const responses = await this.api.batch(chunk.map((id) => ({ id, method: 'GET' as const, url: this.itemRequest(id) })));
      for (const id of chunk) {
        const r = responses.get(id);
        if (!r) throw new Error(`Microsoft Graph did not answer for ${this.itemRequest(id)}`);
        if (r.status === 404) this.remove(id);
        else if (r.status >= 300) throw batchError(r, this.itemRequest(id));
        read.push(r.status === 404 ? undefined : this.apply(graphItemSchema.parse(r.body)));
      }
    }
    return read;
  }

  /**
   * Applies one delta page fetched by someone else (the store batches every list's delta into
   * one request) and reads any further pages itself. A 410 starts over with a full read.
   */
  async continueFrom(status: number, body: unknown): Promise<void> {
    if (status === 410) return this.resync();
    if (status >= 300) throw graphErrorFrom(status, body, `${this.itemsPath}/delta`);
    const next = await this.applyPage(body);
    if (next) await this.readDelta(next);
  }

  private async runSync(): Promise<void> {
    try {
      await this.readDelta(this.deltaRequest());
    } catch (err) {
      if (!(err instanceof GraphRequestError && err.status === 410)) throw err;
      await this.resync();
    }
  }

  /** The delta token expired (resyncRequired): start over from a full read. */
  private async resync(): Promise<void> {
    this.items.clear();
    this.changes++;
    this.deltaLink = undefined;
    await this.readDelta(this.deltaRequest());
  }

  private async readDelta(start: string): Promise<void> {
    let next: string | undefined = start;
    while (next) next = await this.applyPage(await this.api.get<unknown>(next));
  }

  /** Applies a page; returns the next page's link, or undefined at the end (keeping the deltaLink). */
  private async applyPage(body: unknown): Promise<string | undefined> {
    const page = pageSchema.safeParse(body);
    if (!page.success) throw new Error(`Microsoft Graph returned an unexpected delta page for ${this.itemsPath}: ${page.error.message}`);
    const unread = new Set<string>();
    for (const item of page.data.value) {
      if (this.incomplete(item)) unread.add(item.id);
      else this.apply(item);
    }
    if (unread.size) await this.readAll([...unread]);
    if (page.data['@odata.deltaLink']) this.deltaLink = page.data['@odata.deltaLink'];
    return page.data['@odata.nextLink'];
  }

  /**
   * Whether a delta item cannot be applied as it stands: no fields or no version (unless it is the
   * version we hold), or fields leaving out a column the mirrored version has. Such fields are either
   * the whole item with that column cleared or only what changed; reading the item tells which.
   */
  private incomplete(item: GraphItem): boolean {
    if (item.deleted) return false;
    const etag = etagOf(item);
    const current = this.items.get(item.id);
    if (current && etag && (etag === current.etag || isOlder(etag, current.etag))) return false;
    if (!etag || !item.fields) return true;
    const fields = item.fields;
    return current !== undefined && this.select.some((c) => current.fields[c] !== undefined && current.fields[c] !== null && !(c in fields));
  }

  /** An item this process deleted: out of the mirror at once (delta would report it later). */
  forget(id: string): void {
    this.remove(id);
  }

  private remove(id: string): void {
    if (this.items.delete(id)) this.changes++;
  }

  private expand(): string {
    return `expand=fields(select=${this.select.join(',')})`;
  }
}
