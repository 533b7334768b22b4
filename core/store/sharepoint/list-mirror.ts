import { z } from 'zod';
import type { GraphApi } from './graph/graph-api';
import { GraphRequestError, graphErrorFrom } from './graph/graph-error';

/** SharePoint ETags read `"{item guid},version"`; true when `a` is an older version of the same item. */
export function isOlder(a: string, b: string): boolean {
  const parse = (etag: string) => /^"?\{?([0-9a-fA-F-]+)\}?,(\d+)"?$/.exec(etag);
  const [pa, pb] = [parse(a), parse(b)];
  return Boolean(pa && pb && pa[1]!.toLowerCase() === pb[1]!.toLowerCase() && Number(pa[2]) < Number(pb[2]));
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
      if (this.items.delete(item.id)) this.changes++;
      return undefined;
    }
    const etag = item['@odata.etag'] ?? item.eTag ?? (item.fields?.['@odata.etag'] as string | undefined);
    if (!etag || !item.fields) return undefined;
    // A refresh that started before our own write can answer after it: never go back a version.
    const current = this.items.get(item.id);
    if (current && isOlder(etag, current.etag)) return current;
    const mirrored = { id: item.id, etag, fields: item.fields };
    if (current?.etag !== etag) this.changes++;
    this.items.set(item.id, mirrored);
    return mirrored;
  }

  /** The delta request that brings this mirror up to date (relative to the Graph root). */
  deltaRequest(): string {
    return this.api.relative(this.deltaLink ?? `${this.itemsPath}/delta?expand=fields(select=${this.select.join(',')})`);
  }

  /**
   * Applies one delta page fetched by someone else (the store batches every list's delta into
   * one request) and reads any further pages itself. A 410 starts over with a full read.
   */
  async continueFrom(status: number, body: unknown): Promise<void> {
    if (status === 410) return this.resync();
    if (status >= 300) throw graphErrorFrom(status, body, `${this.itemsPath}/delta`);
    const next = this.applyPage(body);
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
    while (next) next = this.applyPage(await this.api.get<unknown>(next));
  }

  /** Applies a page; returns the next page's link, or undefined at the end (keeping the deltaLink). */
  private applyPage(body: unknown): string | undefined {
    const page = pageSchema.safeParse(body);
    if (!page.success) throw new Error(`Microsoft Graph returned an unexpected delta page for ${this.itemsPath}: ${page.error.message}`);
    for (const item of page.data.value) this.apply(item);
    if (page.data['@odata.deltaLink']) this.deltaLink = page.data['@odata.deltaLink'];
    return page.data['@odata.nextLink'];
  }
}
