/**
 * Proves no value reaches a Graph `$filter` as anything but one string literal: refs, card keys
 * (update nonces, approval and comment keys), reminder keys and e-mail addresses holding OData
 * quotes (`'`, `''`, `%27`, `) or (1 eq 1`, …) are looked up through the SharePoint store on the
 * Graph emulator, and every filter Graph receives parses (by the emulator's own OData parser) as
 * `fields/<column> eq '<the value, whole>'`, is answered 200, and finds only what it should.
 */
import assert from 'node:assert/strict';
import type { Person } from '../../core/model';
import type { GraphEmulator } from '../support/graph-emulator';
import { parseFilter } from '../support/graph-emulator/odata-filter';
import { emulatorApi, openEmulatedSharePoint } from '../support/sharepoint-over-emulator';
import { SharePointPlanStore as Store } from '../../core/store/sharepoint/sharepoint-plan-store';
import { alice, taskInput, updateInput } from '../support/builders';

/** Each would end the literal, widen the query or smuggle a parameter if it were not escaped and encoded. */
const HOSTILE = [
  "'",
  "''",
  '%27',
  '%2527',
  ') or (1 eq 1',
  "x' or '1' eq '1",
  "x') or (fields/Ref ne '",
  "O'Brien's plan",
  "1' or startswith(fields/Ref,'",
  "a'&$top=999&$filter=fields/Ref ne '",
  "#'; --",
  "+ \\' %00",
];

interface FilterSeen {
  status: number;
  filter: string;
}

describe('security: OData quotes in every value that reaches a Graph $filter', function () {
  this.timeout(60_000);
  let emulator: GraphEmulator;
  let store: Store;
  /** A second app instance whose read model is not refreshed: what it does not hold, it asks Graph for. */
  let other: Store;
  let seen = 0;

  before(async () => {
    ({ emulator, store } = await openEmulatedSharePoint());
    await store.createObjective({ ref: '1', title: 'Understanding our communities' });
    // Something a widened filter would find.
    await store.createTask(taskInput({ ref: '1.1', owners: [alice] }));
    emulator.addSiteUser({ email: alice.email, displayName: alice.displayName, aadObjectId: alice.aadObjectId });
    other = await Store.connect(emulatorApi(emulator), { siteId: emulator.siteId, refreshIntervalMs: 3_600_000 });
  });
  after(async () => {
    await other?.close();
    await store?.close();
    await emulator?.close();
  });

  /** The $filter of every Graph request since the last call, decoded as Graph decodes the query string. */
  const newFilters = (): FilterSeen[] => {
    const fresh = emulator.requests.slice(seen);
    seen = emulator.requests.length;
    return fresh.flatMap((r) => {
      const filter = new URL(r.path, 'http://graph.local').searchParams.get('$filter');
      return filter === null ? [] : [{ status: r.status, filter }];
    });
  };

  /** Each filter is exactly one equality on a column with the whole value as its literal, and Graph took it. */
  const assertLiteral = (filters: FilterSeen[], value: string, what: string) => {
    assert.ok(filters.length > 0, `${what}: the value went to Graph (not only the read model)`);
    for (const { status, filter } of filters) {
      assert.equal(status, 200, `${what}: Graph accepted ${filter}`);
      const node = parseFilter(filter);
      assert.equal(node.type, 'cmp', `${what}: one comparison, not ${filter}`);
      if (node.type !== 'cmp') continue;
      assert.equal(node.op, 'eq');
      assert.ok(node.left.type === 'prop' && /^fields\/\w+$/.test(node.left.path), `${what}: a column on the left of ${filter}`);
      // PlanRef, the per-plan unique column, holds `<planId>:<ref>`.
      const expected = node.left.type === 'prop' && node.left.path === 'fields/PlanRef' ? `${store.planId}:${value}` : value;
      assert.deepEqual(node.right, { type: 'lit', kind: 'string', value: expected }, `${what}: the whole value is the literal of ${filter}`);
    }
  };

  it('task refs: looked up (a typed "delegate <ref> to …"), found by another instance, and checked unique', async () => {
    newFilters();
    for (const ref of HOSTILE) {
      assert.equal(await store.getTaskByRef(ref), undefined, `no task ${ref}`);
      assertLiteral(newFilters(), ref, `getTaskByRef(${ref})`);
    }
    const ref = "O'Brien') or (1 eq 1";
    const created = await store.createTask(taskInput({ ref, owners: [alice] }));
    newFilters();
    // The other instance, which has not seen it, writes the same ref: Graph refuses the duplicate, and the holder is looked up.
    await assert.rejects(other.createTask(taskInput({ ref, owners: [alice] })), /already|duplicate|exists/i);
    assertLiteral(newFilters().filter((f) => f.filter.startsWith('fields/PlanRef')), ref, 'the unique check of a duplicate ref');
    assert.equal((await other.getTaskByRef(ref))?.id, created.id, 'and then holds it, and only it');
  });

  it('update nonces (card data) and approval keys: looked up, and found by another instance', async () => {
    const task = (await store.getTaskByRef('1.1'))!;
    newFilters();
    for (const key of HOSTILE) {
      assert.equal(await store.findUpdateByIdempotencyKey(key), undefined, `no update ${key}`);
      assertLiteral(newFilters(), key, `findUpdateByIdempotencyKey(${key})`);
      assert.equal(await store.findApprovalByKey(key), undefined, `no approval ${key}`);
      assertLiteral(newFilters(), key, `findApprovalByKey(${key})`);
    }
    const key = "n' or '1' eq '1";
    const { update } = await store.recordUpdate({ update: updateInput(task.id, { taskRef: task.ref, idempotencyKey: key }), task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'Draft report shared with the working group.' } } });
    newFilters();
    assert.equal((await other.findUpdateByIdempotencyKey(key))?.id, update.id, 'the other instance finds that update, and only it');
    assertLiteral(newFilters(), key, 'findUpdateByIdempotencyKey on the other instance');
  });

  it('comment and reminder keys claimed twice from two instances (the unique check after Graph refuses the duplicate)', async () => {
    const task = (await store.getTaskByRef('1.1'))!;
    const key = "c' or (1 eq 1) or 'x' eq '";
    await store.addComment({ key, taskId: task.id, taskRef: task.ref, author: alice, postedAt: '2026-11-20T10:00:00.000Z', text: 'First' });
    newFilters();
    await other.addComment({ key, taskId: task.id, taskRef: task.ref, author: alice, postedAt: '2026-11-20T10:00:01.000Z', text: 'Replayed' }).catch(() => undefined);
    assertLiteral(newFilters().filter((f) => f.filter.startsWith('fields/Key')), key, 'a comment key posted twice');
    assert.deepEqual((await store.listComments(task.id)).map((c) => c.text), ['First'], 'posted once');

    const reminder = { key: "r'%27) or (1 eq 1", taskId: task.id, recipient: alice, trigger: 'due-7', sentAt: '2026-11-20T09:00:00.000Z', outcome: 'sent' as const };
    assert.equal(await store.tryAddReminder(reminder), true);
    newFilters();
    assert.equal(await other.tryAddReminder(reminder), false, 'the second claim of the same key loses');
    assertLiteral(newFilters().filter((f) => f.filter.startsWith('fields/Key')), reminder.key, 'a reminder key claimed twice');
  });

  it('e-mail addresses of the people written to person columns', async () => {
    const emails = ["o'brien@example.gov.uk", "x' or '1' eq '1@example.gov.uk", 'a%27b@example.gov.uk', "p') or (1 eq 1@example.gov.uk"];
    const people: Person[] = emails.map((email, i) => ({ aadObjectId: `aad-odata-${i}`, displayName: `Person ${i}`, email }));
    newFilters();
    const task = await store.createTask(taskInput({ ref: '1.9', owners: people }));
    const lookups = newFilters().filter((f) => f.filter.startsWith('fields/EMail'));
    for (const email of emails) assertLiteral(lookups.filter((f) => f.filter.includes(email.replace(/'/g, "''"))), email, `the site user ${email}`);
    assert.equal(lookups.length, emails.length, 'each address looked up once');
    assert.deepEqual((await store.getTask(task.id))!.owners.map((o) => o.email), emails, 'kept as typed');
  });
});
