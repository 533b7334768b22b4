import assert from 'node:assert/strict';
import { ConflictError } from '../../core/errors';
import type { Task } from '../../core/model';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { LIST_KEYS } from '../../core/store/sharepoint/list-schema';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { alice, bob, taskInput, updateInput } from '../support/builders';
import { type GraphEmulator, seedListItems, startGraphEmulator } from '../support/graph-emulator';
import { apiFor, connectAnotherInstance, listIdOf, person, taskRow, rejection } from './helpers';

/**
 * The SharePoint PlanStore adapter against the Graph emulator, on the points the store contract
 * suite cannot show: two app instances on one site (412), filters that must reach Graph (quotes),
 * paging through thousands of items, the cost of a delta refresh, person columns, and items
 * hand-edited in SharePoint into values the adapter cannot read.
 */

const decoded = (path: string) => decodeURIComponent(path);

describe('SharePoint adapter over the Graph emulator', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  /** A provisioned site; `seed` runs before the first store connects (so its read model loads it). */
  async function openSite(seed?: (emulator: GraphEmulator) => void, options: { peopleRecheckMs?: number } = {}): Promise<{ emulator: GraphEmulator; api: GraphApi; store: SharePointPlanStore }> {
    const emulator = await startGraphEmulator();
    cleanup.push(() => emulator.close());
    const api = apiFor(emulator);
    await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
    seed?.(emulator);
    const store = await SharePointPlanStore.connect(api, { siteId: emulator.siteId, ...options });
    cleanup.push(() => store.close());
    return { emulator, api, store };
  }

  async function another(emulator: GraphEmulator): Promise<SharePointPlanStore> {
    const store = await connectAnotherInstance(emulator);
    cleanup.push(() => store.close());
    return store;
  }

  describe('412: two app instances write the same task', () => {
    it('lets exactly one write win; the other gets ConflictError and then sees the winner', async () => {
      const { emulator, api, store: a } = await openSite();
      const b = await another(emulator);
      const created = await a.createTask(taskInput({ ref: '2.1', rag: 'Green' }));
      await b.refresh();
      const readA = (await a.getTask(created.id))!;
      const readB = (await b.getTask(created.id))!;
      assert.equal(readA.version, readB.version, 'both instances read the same version');

      const outcomes = await Promise.allSettled([
        a.updateTask(created.id, readA.version, { rag: 'Amber', latestUpdate: 'written by A' }),
        b.updateTask(created.id, readB.version, { rag: 'Red', latestUpdate: 'written by B' }),
      ]);
      const won = outcomes.filter((o): o is PromiseFulfilledResult<Task> => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      assert.equal(won.length, 1, 'exactly one write succeeds');
      assert.equal(lost.length, 1, 'exactly one write is refused');
      const conflict = lost[0]!.reason as unknown;
      assert.ok(conflict instanceof ConflictError, `the loser gets ConflictError, got ${String(conflict)}`);
      const winner = won[0]!.value;
      const [winnerStore, loserStore] = outcomes[0]!.status === 'fulfilled' ? [a, b] : [b, a];
      const winnerData = winnerStore === a ? { rag: 'Amber', latestUpdate: 'written by A' } : { rag: 'Red', latestUpdate: 'written by B' };
      assert.equal(conflict.expectedVersion, readA.version);
      assert.equal(conflict.actualVersion, winner.version, 'the conflict names the version that won');
      assert.deepEqual({ rag: winner.rag, latestUpdate: winner.latestUpdate }, winnerData);

      // SharePoint holds the winner's data, once.
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const raw = await api.get<{ eTag: string; fields: Record<string, unknown> }>(`/sites/${emulator.siteId}/lists/${tasksList}/items/${created.id}?expand=fields`);
      assert.equal(raw.fields.Rag, winnerData.rag);
      assert.equal(raw.fields.LatestUpdate, winnerData.latestUpdate);
      assert.equal(raw.fields._UIVersionString, '2.0', 'one write on top of the create: the losing write changed nothing');

      // The loser re-reads and sees the winner (the 412 refreshed its read model), then can re-apply.
      const reread = (await loserStore.getTask(created.id))!;
      assert.equal(reread.version, winner.version);
      assert.equal(reread.rag, winnerData.rag);
      assert.equal(reread.latestUpdate, winnerData.latestUpdate);
      const loserData = winnerStore === a ? { rag: 'Red' as const } : { rag: 'Amber' as const };
      const retried = await loserStore.updateTask(created.id, reread.version, loserData);
      assert.equal(retried.rag, loserData.rag);
      assert.equal(retried.latestUpdate, winnerData.latestUpdate, 'the retry keeps what the winner wrote');
      assert.equal((await winnerStore.getTask(created.id))!.version, winner.version, 'the winner has not seen the retry yet (no refresh)');
      await winnerStore.refresh();
      assert.equal((await winnerStore.getTask(created.id))!.version, retried.version);
    });

    it('two concurrent recordUpdate calls on one task version: one ConflictError, one history item', async () => {
      const { emulator, api, store: a } = await openSite();
      const b = await another(emulator);
      const task = await a.createTask(taskInput({ ref: '2.2' }));
      await b.refresh();
      const cmd = (progress: string, key: string) => ({
        update: updateInput(task.id, { taskRef: '2.2', progress, idempotencyKey: key }),
        task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: progress } },
      });
      const outcomes = await Promise.allSettled([a.recordUpdate(cmd('from A', 'key-a')), b.recordUpdate(cmd('from B', 'key-b'))]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
      const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      assert.ok(lost.reason instanceof ConflictError, `got ${String(lost.reason)}`);
      const updatesList = await listIdOf(api, emulator.siteId, 'Plan Updates');
      const { value } = await api.get<{ value: { fields: { IdempotencyKey: string; Progress: string } }[] }>(
        `/sites/${emulator.siteId}/lists/${updatesList}/items?expand=fields(select=IdempotencyKey,Progress)`,
      );
      assert.equal(value.length, 1, 'the losing batch wrote no history item (424 after the 412)');
      const stored = (await (outcomes[0]!.status === 'fulfilled' ? a : b).getTask(task.id))!;
      assert.equal(stored.latestUpdate, value[0]!.fields.Progress, 'task and history agree on the winner');
    });
  });

  describe('filters that reach Graph', () => {
    it("finds O'Brien by an escaped filter, never widening the query", async () => {
      const { emulator, store } = await openSite();
      // Seeded after connect: not in the store's read model, so the lookups must query Graph.
      const [obrien, o, doubled] = seedListItems(emulator, 'Plan Tasks', [taskRow("O'Brien"), taskRow('O'), taskRow("O''Brien")]);

      const lookup = async (ref: string) => {
        const from = emulator.requests.length;
        const task = await store.getTaskByRef(ref);
        const made = emulator.requests.slice(from);
        return { task, made };
      };

      const first = await lookup("O'Brien");
      assert.equal(first.task?.id, obrien);
      assert.equal(first.task?.ref, "O'Brien");
      assert.equal(first.made.length, 1, 'one Graph request');
      assert.equal(first.made[0]!.method, 'GET');
      assert.equal(first.made[0]!.status, 200);
      assert.ok(decoded(first.made[0]!.path).includes("$filter=fields/Ref eq 'O''Brien'"), `filtered on the escaped ref: ${decoded(first.made[0]!.path)}`);

      const short = await lookup('O');
      assert.equal(short.task?.id, o);
      assert.equal(short.task?.ref, 'O');
      assert.ok(decoded(short.made[0]!.path).includes("fields/Ref eq 'O'&"), decoded(short.made[0]!.path));

      const twoQuotes = await lookup("O''Brien");
      assert.equal(twoQuotes.task?.id, doubled);
      assert.ok(decoded(twoQuotes.made[0]!.path).includes("fields/Ref eq 'O''''Brien'"), decoded(twoQuotes.made[0]!.path));

      const injection = await lookup("Nope' or '1' eq '1");
      assert.equal(injection.task, undefined, 'an injected "or" stays inside the literal');
      assert.equal(injection.made.length, 1);
      assert.equal(injection.made[0]!.status, 200, 'a valid query that matches nothing, not a 400');

      const missing = await lookup("O'");
      assert.equal(missing.task, undefined);
    });
  });

  describe('large lists', () => {
    it('reads 6,000 items through delta paging, each once', async () => {
      const rows = Array.from({ length: 6000 }, (_, i) => taskRow(`T${i + 1}`, { OwnersJson: JSON.stringify([person(i % 10)]) }));
      const { emulator, api, store } = await openSite((em) => {
        seedListItems(em, 'Plan Tasks', rows);
      });
      const tasks = await store.listTasks();
      assert.equal(tasks.length, 6000);
      assert.equal(new Set(tasks.map((t) => t.id)).size, 6000, 'unique ids');
      assert.equal(new Set(tasks.map((t) => t.ref)).size, 6000, 'unique refs');
      assert.deepEqual(
        tasks.map((t) => t.ref),
        rows.map((r) => r.Ref),
        'every seeded item, in id order',
      );
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const taskDeltas = emulator.requests.filter((r) => r.method === 'GET' && r.path.includes(`/lists/${tasksList}/items/delta`));
      assert.ok(taskDeltas.length > 1, 'the tasks list was read in several delta pages');
      assert.equal(taskDeltas.length, Math.ceil(6000 / 200), 'one request per page of 200 (the emulator\'s page size)');
      assert.ok(taskDeltas.slice(1).every((r) => r.path.includes('token=')), 'the follow-up pages came from @odata.nextLink');
      assert.ok(taskDeltas.every((r) => r.status === 200));
      assert.equal((await store.listTasks({ ownerAadObjectId: person(3).aadObjectId })).length, 600);
    });
  });

  describe('delta refresh', () => {
    it('costs one delta request per list for a few changes, and resyncs after 410', async () => {
      const { emulator, api, store: a } = await openSite((em) => {
        seedListItems(em, 'Plan Tasks', Array.from({ length: 1000 }, (_, i) => taskRow(`D${i + 1}`)));
      });
      const b = await another(emulator);
      const before = await b.listTasks();
      const changed = [before[10]!, before[500]!, before[999]!];
      const written: Task[] = [];
      for (const t of changed) written.push(await b.updateTask(t.id, t.version, { rag: 'Red', latestUpdate: `changed ${t.ref}` }));

      emulator.resetCounters();
      await a.refresh();
      // One delta call per list, with the previous token (sent alone or together in one $batch).
      const deltas = emulator.requests.filter((r) => r.path.includes('/items/delta'));
      const lists = new Set(deltas.map((r) => r.path.split('/items/delta')[0]));
      assert.equal(deltas.length, LIST_KEYS.length, `one delta call per list, got ${deltas.map((r) => r.path.slice(0, 160)).join('\n')}`);
      assert.equal(lists.size, LIST_KEYS.length, 'one for each list');
      assert.ok(deltas.every((r) => r.method === 'GET' && r.status === 200 && r.path.includes('token=')), 'each a delta call with the previous token');
      const other = emulator.requests.filter((r) => !r.path.includes('/items/delta') && r.path !== '/$batch');
      assert.deepEqual(other, [], 'no other reads: the refresh does not re-read items');
      const httpRequests = emulator.requests.filter((r) => !r.batched).length;
      assert.ok(httpRequests <= LIST_KEYS.length, `at most one HTTP request per list (${httpRequests})`);
      assert.ok(emulator.resourceUnits() <= deltas.length, `a delta with a token costs 1 unit; spent ${emulator.resourceUnits()}`);
      for (const w of written) {
        const seen = (await a.getTask(w.id))!;
        assert.equal(seen.version, w.version);
        assert.equal(seen.rag, 'Red');
        assert.equal(seen.latestUpdate, w.latestUpdate);
      }
      assert.equal((await a.listTasks()).filter((t) => t.rag === 'Red').length, 3);

      // Delta tokens expire (410): the next refresh starts over and still ends up right, deletions included.
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const gone = before[42]!;
      await api.delete(`/sites/${emulator.siteId}/lists/${tasksList}/items/${gone.id}`);
      const again = before[43]!;
      const changedAgain = await b.updateTask(again.id, again.version, { status: 'Complete' });
      emulator.expireDeltaTokens();
      emulator.resetCounters();
      await a.refresh();
      assert.equal(emulator.requests.filter((r) => r.status === 410).length, LIST_KEYS.length, 'every list answered 410 once');
      assert.ok(emulator.requests.filter((r) => r.status === 200).length >= LIST_KEYS.length + 4, 'then a full read (tasks paged)');
      const fresh = await another(emulator);
      const seenByA = await a.listTasks();
      assert.equal(seenByA.length, 999);
      assert.equal(seenByA.find((t) => t.id === gone.id), undefined, 'the item deleted while the token was stale is gone');
      assert.equal(seenByA.find((t) => t.id === again.id)?.status, 'Complete');
      assert.equal(seenByA.find((t) => t.id === again.id)?.version, changedAgain.version);
      assert.deepEqual(seenByA, await fresh.listTasks(), 'the same as a freshly connected instance');
    });

    it('keeps its own write when a refresh that started before it answers after it (read-your-writes)', async () => {
      const emulator = await startGraphEmulator();
      cleanup.push(() => emulator.close());
      const api = apiFor(emulator);
      await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
      // The network may deliver a delta page after the answer to a write made while it was in flight:
      // hold back answers that carry delta pages (fetched alone or in a $batch) until told.
      let hold: Promise<void> | undefined;
      const get = api.get.bind(api);
      const batch = api.batch.bind(api);
      api.get = async <T>(path: string, headers?: Record<string, string>): Promise<T> => {
        const answer = await get<T>(path, headers);
        if (hold && path.includes('/items/delta')) await hold;
        return answer;
      };
      api.batch = async (requests) => {
        const answer = await batch(requests);
        if (hold && requests.some((r) => r.url.includes('/items/delta'))) await hold;
        return answer;
      };
      const store = await SharePointPlanStore.connect(api, { siteId: emulator.siteId });
      cleanup.push(() => store.close());
      const created = await store.createTask(taskInput({ ref: '9.9', rag: 'Green' }));

      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      const refreshing = store.refresh(); // reads the task as created (Green), answer held back
      await new Promise((resolve) => setTimeout(resolve, 50));
      const updated = await store.updateTask(created.id, created.version, { rag: 'Red' });
      release();
      await refreshing;
      hold = undefined;

      const seen = (await store.getTask(created.id))!;
      await store.refresh();
      const later = (await store.getTask(created.id))!;
      assert.equal(later.version, updated.version, 'the next refresh brings the write back (the damage is temporary)');
      assert.equal(
        `${seen.rag} ${seen.version}`,
        `Red ${updated.version}`,
        'right after its own write, the instance should read that write, not the older item from a delta page that was read before it',
      );
    });
  });

  describe('person columns', () => {
    it('writes OwnerLookupId for owners in the site and keeps everyone in OwnersJson', async () => {
      const { emulator, api, store } = await openSite();
      const aliceId = emulator.addSiteUser({ email: alice.email, displayName: alice.displayName, aadObjectId: alice.aadObjectId });
      const both = await store.createTask(taskInput({ ref: '3.1', owners: [alice, bob] }));
      const bobOnly = await store.createTask(taskInput({ ref: '3.2', owners: [bob] }));
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const raw = (id: string) => api.get<{ fields: Record<string, unknown> }>(`/sites/${emulator.siteId}/lists/${tasksList}/items/${id}?expand=fields`);

      const withAlice = await raw(both.id);
      assert.deepEqual(withAlice.fields.OwnerLookupId, [String(aliceId)], 'Alice by her lookup id; Bob is not in the site');
      assert.deepEqual(JSON.parse(withAlice.fields.OwnersJson as string), [alice, bob]);
      assert.deepEqual((await store.getTask(both.id))!.owners, [alice, bob]);

      const withoutAnyone = await raw(bobOnly.id);
      assert.ok(
        withoutAnyone.fields.OwnerLookupId === undefined || (Array.isArray(withoutAnyone.fields.OwnerLookupId) && withoutAnyone.fields.OwnerLookupId.length === 0),
        `empty person column, got ${JSON.stringify(withoutAnyone.fields.OwnerLookupId)}`,
      );
      assert.deepEqual(JSON.parse(withoutAnyone.fields.OwnersJson as string), [bob]);
      assert.deepEqual((await store.getTask(bobOnly.id))!.owners, [bob]);
    });

    it('fills the person column once the owner has joined the site (after the recheck interval)', async () => {
      const { emulator, api, store } = await openSite(undefined, { peopleRecheckMs: 0 });
      const task = await store.createTask(taskInput({ ref: '3.3', owners: [bob] }));
      const bobId = emulator.addSiteUser({ email: bob.email, displayName: bob.displayName, aadObjectId: bob.aadObjectId });
      await store.updateTask(task.id, task.version, { owners: [bob], latestUpdate: 'owners re-saved' });
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const raw = await api.get<{ fields: Record<string, unknown> }>(`/sites/${emulator.siteId}/lists/${tasksList}/items/${task.id}?expand=fields`);
      assert.deepEqual(
        raw.fields.OwnerLookupId,
        [String(bobId)],
        'Bob is in the site now, so re-saving the owners after the recheck interval writes his lookup id',
      );
    });
  });

  describe('items hand-edited in SharePoint', () => {
    async function listError(store: SharePointPlanStore): Promise<Error> {
      const err = await rejection(store.listTasks());
      assert.ok(err instanceof Error, `rejects with an Error, got ${String(err)}`);
      assert.ok(!(err instanceof TypeError) && !(err instanceof RangeError), `a clear error, not a crash: ${err.stack}`);
      return err;
    }

    it('names the list, item and column of OwnersJson that is not JSON', async () => {
      let bad = '';
      const { store } = await openSite((em) => {
        seedListItems(em, 'Plan Tasks', [taskRow('H1')]);
        bad = seedListItems(em, 'Plan Tasks', [taskRow('H2', { OwnersJson: 'not json' })])[0]!;
      });
      const err = await listError(store);
      assert.match(err.message, /tasks/i);
      assert.match(err.message, new RegExp(`item ${bad}\\b`));
      assert.match(err.message, /OwnersJson/);
      assert.match(err.message, /JSON/);
      await assert.rejects(store.getTask(bad), /OwnersJson/);
      assert.equal((await store.getTaskByRef('H1'))?.ref, 'H1', 'other items still read');
    });

    it('names Rag when someone made it optional and cleared it', async () => {
      const { emulator, api, store } = await openSite();
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const { value } = await api.get<{ value: { id: string; name: string }[] }>(`/sites/${emulator.siteId}/lists/${tasksList}/columns`);
      const rag = value.find((c) => c.name === 'Rag')!;
      await api.patch(`/sites/${emulator.siteId}/lists/${tasksList}/columns/${rag.id}`, { required: false });
      const row = taskRow('H3');
      delete row.Rag;
      const [bad] = seedListItems(emulator, 'Plan Tasks', [row]);
      await store.refresh();
      const err = await listError(store);
      assert.match(err.message, new RegExp(`item ${bad}\\b`));
      assert.match(err.message, /Rag/);
    });

    it('names Status when someone added a choice the product does not know', async () => {
      const { emulator, api, store } = await openSite();
      const tasksList = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const { value } = await api.get<{ value: { id: string; name: string; choice?: { choices: string[] } }[] }>(`/sites/${emulator.siteId}/lists/${tasksList}/columns`);
      const status = value.find((c) => c.name === 'Status')!;
      await api.patch(`/sites/${emulator.siteId}/lists/${tasksList}/columns/${status.id}`, { choice: { choices: [...status.choice!.choices, 'On hold'] } });
      const [bad] = seedListItems(emulator, 'Plan Tasks', [taskRow('H4', { Status: 'On hold' })]);
      await store.refresh();
      const err = await listError(store);
      assert.match(err.message, new RegExp(`item ${bad}\\b`));
      assert.match(err.message, /Status/);
    });
  });
});
