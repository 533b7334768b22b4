import type { Person, ReminderLogInput, TaskInput } from '../../core/model';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { GraphRequestError, type WriteFailure } from '../../core/store/sharepoint/graph/graph-error';
import { ListMirror } from '../../core/store/sharepoint/list-mirror';
import { LISTS, listOf, type ListKey } from '../../core/store/sharepoint/list-schema';
import { findSiteLists, type SiteLists } from '../../core/store/sharepoint/site-lists';
import { lookupIdOf, SitePeople } from '../../core/store/sharepoint/site-people';
import { fieldEquals } from '../../core/store/sharepoint/odata';
import type { Probe } from './probe';

export interface GraphProbeSettings {
  api: GraphApi;
  siteId: string;
  listNames?: Partial<Record<ListKey, string>>;
  /** A stamp unique to this run: every scratch item's key starts SMOKE-<stamp>. */
  stamp: string;
  /** Runs the list-creation probe (needs the provisioning grant, see ADMIN.md). */
  provisioning?: boolean;
  /** Reads a Graph write error as the product does (graph-error.ts). */
  classify(err: unknown): WriteFailure;
}

/** Who the scratch items name: no one real. */
export const SMOKE_PERSON: Person = { aadObjectId: 'smoke-test', displayName: 'Smoke test', email: 'smoke-test@invalid.example' };

/**
 * The Graph assumptions of the SharePoint adapter, probed with scratch items in the real lists
 * (Reminder Log, Plan Tasks) that `cleanup` deletes. Fields are built by the product's own column
 * tables, so a probe writes exactly what the app would.
 */
export class GraphProbes {
  private readonly site: string;
  private lists?: SiteLists;
  /** Scratch items to delete at the end, as [list path, item id]. */
  private readonly scratch: [string, string][] = [];
  private reminderId?: string;

  constructor(private readonly s: GraphProbeSettings) {
    this.site = `/sites/${s.siteId}`;
  }

  probes(): Probe[] {
    return [
      { assumption: 'A repeated unique key is refused and read as a duplicate', run: () => this.duplicateKey() },
      { assumption: 'PATCH …/fields succeeds (the answer may lack @odata.etag)', run: () => this.patchAnswer() },
      { assumption: 'Delta pages reach every item with its fields', run: () => this.deltaPaging() },
      { assumption: 'A Person column written as <Column>LookupId reads back', run: () => this.personWrite() },
      { assumption: 'The provisioning grant can create lists and unique columns', run: () => this.provisioningRole() },
    ];
  }

  /** Deletes every scratch item; returns what could not be deleted. */
  async cleanup(): Promise<string[]> {
    const left: string[] = [];
    for (const [path, id] of this.scratch.reverse()) {
      await this.s.api.delete(`${path}/items/${id}`).catch(() => left.push(`${path}/items/${id}`));
    }
    return left;
  }

  private async path(list: ListKey): Promise<string> {
    this.lists ??= await findSiteLists(this.s.api, this.s.siteId, this.s.listNames);
    const id = this.lists.ids[list];
    if (!id) throw new Error(`the site has no "${this.lists.names[list]}" list: run npm run provision first`);
    return `${this.site}/lists/${id}`;
  }

  private reminder(suffix: string): ReminderLogInput {
    return { key: `SMOKE-${this.s.stamp}-${suffix}`, taskId: 'SMOKE', trigger: 'smoke', recipient: SMOKE_PERSON, sentAt: new Date().toISOString(), outcome: 'failed', detail: 'smoke:tenant scratch item (safe to delete)' };
  }

  private async createReminder(suffix: string): Promise<string> {
    const path = await this.path('reminders');
    const created = await this.s.api.post<{ id: string }>(`${path}/items`, { fields: listOf('reminders').toFields(this.reminder(suffix)) });
    this.scratch.push([path, created.id]);
    return created.id;
  }

  private async duplicateKey() {
    this.reminderId = await this.createReminder('a');
    const path = await this.path('reminders');
    try {
      const again = await this.s.api.post<{ id: string }>(`${path}/items`, { fields: listOf('reminders').toFields(this.reminder('a')) });
      this.scratch.push([path, again.id]);
      return { observed: 'the second item was accepted: the Key column does not enforce unique values', pass: false };
    } catch (err) {
      const observed = err instanceof GraphRequestError ? `${err.status} ${err.code}: ${err.graphMessage}` : String(err);
      const read = this.s.classify(err);
      if (read === 'duplicate') return { observed: `${observed} (read as a duplicate)`, pass: true };
      // Words the product does not know (another language): like the store, ask the list who holds the key.
      if (read !== 'unclear') return { observed: `${observed} (read as ${read})`, pass: false };
      const holders = await this.keyHolders(this.reminder('a').key);
      return { observed: `${observed} (unclear; the key lookup finds ${holders} holder(s), so a duplicate)`, pass: holders === 1 };
    }
  }

  /** How many Reminder Log items hold `key` (its Key column is indexed and unique). */
  private async keyHolders(key: string): Promise<number> {
    const column = listOf('reminders').indexedColumn('key');
    const { value } = await this.s.api.get<{ value: unknown[] }>(`${await this.path('reminders')}/items?expand=fields(select=${column})&$filter=${fieldEquals(column, key)}`);
    return value.length;
  }

  private async patchAnswer() {
    const id = this.reminderId ?? (await this.createReminder('a'));
    const path = await this.path('reminders');
    const body = await this.s.api.patch<Record<string, unknown>>(`${path}/items/${id}/fields`, listOf('reminders').toFields({ detail: 'patched by smoke:tenant' }, true));
    const etag = typeof body?.['@odata.etag'] === 'string';
    return { observed: `2xx; @odata.etag in the answer: ${etag ? 'yes' : 'no'}; fields in the answer: ${Object.keys(body ?? {}).filter((k) => !k.startsWith('@')).length}`, pass: true };
  }

  private async deltaPaging() {
    const path = await this.path('reminders');
    await this.createReminder('b');
    const select = `expand=fields(select=${LISTS.reminders.selected.join(',')})`;
    let next: string | undefined = `${path}/items/delta?${select}&$top=1`;
    let pages = 0;
    let withoutFields = 0;
    let linksKeepExpand = true;
    while (next && pages < 3) {
      const page: { value: { fields?: unknown }[]; '@odata.nextLink'?: string } = await this.s.api.get(next);
      pages++;
      withoutFields += page.value.filter((i) => !i.fields).length;
      next = page['@odata.nextLink'];
      if (next && !/expand=fields/i.test(decodeURIComponent(next))) linksKeepExpand = false;
    }
    const mirror = new ListMirror(this.s.api, `${path}/items`, LISTS.reminders.selected);
    await mirror.sync();
    const keyColumn = listOf('reminders').indexedColumn('key');
    const found = mirror.all().filter((i) => String(i.fields[keyColumn] ?? '').startsWith(`SMOKE-${this.s.stamp}-`)).length;
    return {
      observed: `${pages} page(s) of 1; nextLink keeps expand: ${linksKeepExpand ? 'yes' : 'no'}; items without fields: ${withoutFields}; the app's mirror read ${found} of 2 scratch items`,
      pass: found === 2,
    };
  }

  private async personWrite() {
    const someone = await this.siteUser();
    if (!someone) return { skipped: 'no person with an email in the site yet (open the site once as any user, then re-run)' };
    const path = await this.path('tasks');
    const people = new SitePeople(this.s.api, this.s.siteId);
    const task: TaskInput = { ref: `SMOKE-${this.s.stamp}`, title: 'smoke:tenant scratch task (safe to delete)', objectiveRef: 'SMOKE', kind: 'Priority', owners: [someone], accountableOfficer: someone, groupsImpacted: [], rag: 'Not started', status: 'Withdrawn' };
    const lookup = await people.lookupFields(LISTS.tasks.columns, task, false);
    const written = lookup.AccountableOfficerLookupId;
    if (written === undefined) return { observed: `${someone.email} has no lookup id in the site`, pass: false };
    const created = await this.s.api.post<{ id: string }>(`${path}/items`, { fields: { ...listOf('tasks').toFields(task), ...lookup } });
    this.scratch.push([path, created.id]);
    const read = await this.s.api.get<{ fields?: Record<string, unknown> }>(`${path}/items/${created.id}?expand=fields(select=AccountableOfficerLookupId,AccountableOfficer)`);
    const raw = read.fields?.AccountableOfficerLookupId;
    const object = read.fields?.AccountableOfficer;
    // Either form may come back (see site-people.ts): the product reads both.
    const readId = lookupIdOf(raw) ?? lookupIdOf(object);
    return {
      observed: `wrote ${JSON.stringify(written)}; read LookupId as ${raw === undefined ? 'absent' : typeof raw}${object === undefined ? '' : `, the column as ${Array.isArray(object) ? 'an array' : typeof object}`}`,
      pass: readId !== undefined && readId === lookupIdOf(written),
    };
  }

  /** Someone the site knows, from its User Information List (a small list; EMail is not indexed). */
  private async siteUser(): Promise<Person | undefined> {
    const { value } = await this.s.api.get<{ value: { fields?: { EMail?: string; Title?: string } }[] }>(
      `${this.site}/lists('User Information List')/items?expand=fields(select=EMail,Title)&$top=50`,
    );
    const user = value.find((u) => u.fields?.EMail);
    return user?.fields?.EMail ? { aadObjectId: 'smoke-person', displayName: user.fields.Title ?? user.fields.EMail, email: user.fields.EMail } : undefined;
  }

  /** Creates a one-column scratch list, reads its column back, deletes it. */
  private async provisioningRole() {
    if (!this.s.provisioning) return { skipped: 'run with --provisioning while the fullcontrol grant is in place (ADMIN.md)' };
    const displayName = `EDI smoke ${this.s.stamp}`;
    const column = { name: 'SmokeKey', text: { allowMultipleLines: false, maxLength: 255 }, indexed: true, enforceUniqueValues: true };
    let list: { id: string };
    try {
      list = await this.s.api.post<{ id: string }>(`${this.site}/lists`, { displayName, columns: [column], list: { template: 'genericList' } });
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 403) return { observed: '403: this grant cannot create lists (use fullcontrol to provision)', pass: false };
      throw err;
    }
    try {
      const { value } = await this.s.api.get<{ value: { name: string; indexed?: boolean; enforceUniqueValues?: boolean }[] }>(`${this.site}/lists/${list.id}/columns`);
      const made = value.find((c) => c.name === column.name);
      return { observed: `list created; SmokeKey indexed: ${made?.indexed ? 'yes' : 'no'}, unique: ${made?.enforceUniqueValues ? 'yes' : 'no'} (provisioning fixes either)`, pass: Boolean(made) };
    } finally {
      await this.s.api.delete(`${this.site}/lists/${list.id}`).catch(() => undefined);
    }
  }
}
