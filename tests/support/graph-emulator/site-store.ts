import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest, itemNotFound } from './graph-errors';
import { toSecondPrecision } from './field-writes';
import { ListState } from './list-state';
import { type SiteUser, UserInformationList } from './user-information-list';
import { DEFAULT_VARIANTS, type EmulatorVariants } from './variants';

/**
 * The one emulated site: its identity, its lists (created through Graph, as in a real tenant) and its
 * User Information List. The site id has Graph's composite form
 * `{hostname},{site-collection-id},{web-id}` (https://learn.microsoft.com/graph/api/resources/site).
 */

export interface SiteIdentity {
  id: string;
  hostname: string;
  /** Server-relative path, e.g. `/sites/edi`. */
  path: string;
  webUrl: string;
  displayName: string;
  created: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class SiteStore {
  readonly site: SiteIdentity;
  readonly users: UserInformationList;
  private readonly lists: ListState[] = [];
  /** Bumped by `expireDeltaTokens()`; delta tokens carry the generation they were issued in. */
  deltaGeneration = 0;

  constructor(
    readonly variants: EmulatorVariants = DEFAULT_VARIANTS,
    hostname = 'contoso.sharepoint.com',
    path = '/sites/edi',
  ) {
    this.users = new UserInformationList(variants.userListEmailIndexed);
    this.site = {
      id: `${hostname},${randomUUID()},${randomUUID()}`,
      hostname,
      path,
      webUrl: `https://${hostname}${path}`,
      displayName: 'EDI Action Plan',
      created: toSecondPrecision(new Date()),
    };
  }

  /** Resolves `{hostname}:{server-relative-path}` or a site id (https://learn.microsoft.com/graph/api/site-getbypath). */
  matches(ref: { hostname: string; path: string } | { id: string }): boolean {
    if ('id' in ref) return ref.id.toLowerCase() === this.site.id.toLowerCase();
    const norm = (p: string) => `/${p.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
    return ref.hostname.toLowerCase() === this.site.hostname && norm(ref.path) === norm(this.site.path);
  }

  /** Lists Graph enumerates: the hidden system User Information List is not among them. */
  visibleLists(): ListState[] {
    return [...this.lists];
  }

  /** By id, display name or URL name (case-insensitive), as `/lists/{list-id}` accepts. */
  findList(ref: string): ListState {
    const r = ref.toLowerCase();
    const all = [...this.lists, this.users.list];
    const list = all.find((l) => l.id === r) ?? all.find((l) => l.displayName.toLowerCase() === r || l.name.toLowerCase() === r);
    if (!list) throw itemNotFound(`List '${ref}' does not exist at site with URL '${this.site.webUrl}'.`);
    return list;
  }

  /** https://learn.microsoft.com/graph/api/list-create */
  createList(body: unknown): ListState {
    if (!isRecord(body)) throw invalidRequest('The request body must be a list object.');
    const { displayName, description, columns, list } = body;
    if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest('A list needs a displayName.');
    const template = isRecord(list) && typeof list.template === 'string' ? list.template : 'genericList';
    if (template !== 'genericList') throw invalidRequest(`The emulator only creates 'genericList' lists, not '${template}'.`);
    if ([...this.lists, this.users.list].some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
      // SharePoint's wording for a duplicate list title.
      throw new GraphError(409, 'nameAlreadyExists', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site. Please choose another title.');
    }
    const created = this.newList({ displayName, description: typeof description === 'string' ? description : '', template });
    if (columns !== undefined) {
      if (!Array.isArray(columns)) throw invalidRequest('columns must be an array of columnDefinition.');
      for (const c of columns) created.addColumn(c); // all or nothing: the list is only kept if every column is valid
    }
    this.lists.push(created);
    return created;
  }

  /** A list of this site, not yet among its lists. */
  newList(o: { displayName: string; description: string; template: string; id?: string }): ListState {
    return new ListState({ ...o, hidden: false, authorLookupId: this.users.appLookupId, userExists: (id) => this.users.exists(id), variants: this.variants });
  }

  /** The site's lists from now on (site-dump.ts). */
  replaceLists(lists: ListState[]): void {
    this.lists.splice(0, this.lists.length, ...lists);
  }

  addSiteUser(user: SiteUser): number {
    return this.users.add(user);
  }

  isUserInformationList(list: ListState): boolean {
    return list === this.users.list;
  }
}
