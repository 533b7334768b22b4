/**
 * Issue 21, data protection: `npm run person -- export` and `leaver`, through the use cases on
 * every adapter (SQLite, SharePoint over the Graph emulator) with two plans, then the CLI once as a
 * child process.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approvalCards } from '../../bot/cards/approval-cards';
import { leaverCards } from '../../bot/cards/owner-left-card';
import { demoUsers } from '../../bot/demo/demo-users';
import type { Person, Plan, Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { exportPerson, UnknownPersonError } from '../../core/use-cases/person-export';
import { handleLeaver, LEAVER_ACTOR, LEAVER_REASON, UnknownSuccessorError, type PersonLeaverDeps } from '../../core/use-cases/person-leaver';
import { taskInput, updateInput } from '../support/builders';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardTextContent } from '../support/card-validator';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';

const person = (name: string, id: string): Person => ({ aadObjectId: `aad-${id}`, displayName: name, email: `${name.toLowerCase().replace(' ', '.')}@council.example.gov.uk` });
const leaver = person('Lena Leaver', 'lena');
const accountable = person('Aled Accountable', 'aled');
const coOwner = person('Cora Owner', 'cora');
const lead = person('Eda Lead', 'eda');
const planOwner = person('Pia Planowner', 'pia');
const named = person('Nia Named', 'nia');
const tom = person('Tomos Staff', 'tomos');
/** Only in old records: gone from the directory. */
const former = person('Fred Former', 'fred');

const people = [leaver, accountable, coOwner, lead, planOwner, named, tom];
const directory: Directory = {
  findById: async (id) => people.find((p) => p.aadObjectId === id),
  search: async (q) => people.filter((p) => p.email.toLowerCase() === q.trim().toLowerCase() || p.displayName.toLowerCase().startsWith(q.trim().toLowerCase())),
  // The leaver manages Tomos: a proposal of his goes to the leaver when his task has no other approver.
  managerOf: async (id) => (id === tom.aadObjectId ? leaver : undefined),
};

const clock = fixedClock(new Date('2026-11-22T10:00:00Z'));
const LEAVER_UPDATE = 'Lena: the staff survey closed with 812 replies';
const TOM_UPDATE = 'Tomos: panel booked for the pay gap review';
const LEAVER_COMMENT = 'Lena: I have asked HR for the figures';

interface Fixture {
  store: PlanStore;
  second: Plan;
  tasks: Record<string, Task>;
  messenger: CapturingMessenger;
  deps: PersonLeaverDeps;
}

async function fixture(store: PlanStore): Promise<Fixture> {
  const second = await store.plans.createPlan({ key: 'workforce-2025-28', name: 'Workforce plan', kind: 'Workforce plan', periodStart: '2025-04-01', periodEnd: '2028-03-31', owner: planOwner, state: 'Active' });
  const other = store.plans.forPlan(second.id);
  const t = async (s: PlanStore, ref: string, extra: Partial<Task>) => s.createTask(taskInput({ ref, title: `Task ${ref}`, owners: [leaver], ...extra }));
  const tasks: Record<string, Task> = {
    toAccountable: await t(store, 'A1', { accountableOfficer: accountable }),
    shared: await t(store, 'A2', { owners: [leaver, coOwner] }),
    toLead: await t(store, 'A3', {}),
    done: await t(store, 'A4', { status: 'Complete', rag: 'Complete' }),
    accountableFor: await t(store, 'A5', { owners: [tom], accountableOfficer: leaver }),
    toPlanOwner: await t(other, 'B1', {}),
    // An imported plan named her in its owner column; it is still to assign.
    namedInImport: await t(store, 'A6', { owners: [tom], ownerText: 'Lena Leaver and the Housing team', unassignedOwners: ['Lena Leaver'] }),
  };
  // History: an update of theirs (and one of Tomos's), a comment, a decision they made, a pending one on them.
  const withUpdate = await store.recordUpdate({ update: updateInput(tasks.toAccountable!.id, { taskRef: 'A1', submittedBy: leaver, progress: LEAVER_UPDATE }), task: { id: tasks.toAccountable!.id, expectedVersion: tasks.toAccountable!.version, patch: { latestUpdate: LEAVER_UPDATE, latestUpdateBy: leaver } } });
  tasks.toAccountable = withUpdate.task;
  const tomUpdate = await store.recordUpdate({ update: updateInput(tasks.accountableFor!.id, { taskRef: 'A5', submittedBy: tom, progress: TOM_UPDATE }), task: { id: tasks.accountableFor!.id, expectedVersion: tasks.accountableFor!.version, patch: {} } });
  await store.addComment({ key: 'c1', taskId: tasks.toAccountable!.id, taskRef: 'A1', author: leaver, postedAt: '2026-11-20T09:00:00.000Z', text: LEAVER_COMMENT });
  const base = { taskId: tasks.accountableFor!.id, taskRef: 'A5', fromRag: 'Green' as const, requestedBy: tom, requestedAt: '2026-11-18T09:00:00.000Z', approver: leaver, route: 'accountable-officer' as const };
  await store.createApproval({ ...base, key: 'ap-decided', toRag: 'Amber', state: 'Approved', decidedBy: leaver, decidedAt: '2026-11-19T09:00:00.000Z', comment: 'Agreed' });
  await store.createApproval({ ...base, key: 'ap-pending', toRag: 'Red', state: 'Pending', updateId: tomUpdate.update.id, justification: TOM_UPDATE });
  await store.recordChange({ key: 'ch1', subject: 'task', subjectId: tasks.done!.id, subjectRef: 'A4', action: 'edited', changedBy: leaver, changedAt: '2026-11-01T09:00:00.000Z', changes: [{ field: 'dueDate', label: 'Due date', from: '1 Dec 2026', to: '15 Dec 2026' }] });
  await store.tryAddReminder({ key: 'r1', taskId: tasks.toLead!.id, recipient: leaver, trigger: 'due-7', sentAt: '2026-11-15T09:00:00.000Z', outcome: 'sent' });
  await store.tryAddReminder({ key: 'r2', taskId: tasks.toLead!.id, recipient: tom, trigger: 'due-7', sentAt: '2026-11-15T09:00:00.000Z', outcome: 'sent' });
  await store.createRound({ name: 'Board November', opensAt: '2026-11-01T09:00:00.000Z', dueDate: '2026-11-15', scope: { kind: 'all-open' }, state: 'Closed', closedAt: '2026-11-16T09:00:00.000Z', snapshot: [{ taskId: tasks.toAccountable!.id, taskRef: 'A1', update: LEAVER_UPDATE, updateAt: '2026-11-20T10:00:00.000Z', updateBy: leaver, rag: 'Green' }] });
  await other.createTask(taskInput({ ref: 'B2', title: 'Not theirs', owners: [former] }));
  const reference = { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversation: { id: 'a:lena', conversationType: 'personal', tenantId: 't1' }, user: { id: '29:lena', aadObjectId: leaver.aadObjectId, name: leaver.displayName }, bot: { id: '28:bot', name: 'EDI' }, unexpected: 'not exported' };
  await store.saveConversation({ aadObjectId: leaver.aadObjectId, displayName: leaver.displayName, reference, updatedAt: '2026-10-01T09:00:00.000Z' });
  for (const p of [accountable, coOwner, lead, planOwner, named]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-10-01T09:00:00.000Z' });
  const messenger = new CapturingMessenger();
  messenger.unreachable.add(planOwner.aadObjectId);
  const deps: PersonLeaverDeps = { store, clock, directory, ediLeads: [lead], notify: { messenger, cards: leaverCards, approvalCards } };
  return { store, second, tasks, messenger, deps };
}

function personDataSuite(name: string, open: () => Promise<PlanStore>): void {
  describe(`personal data: export and leaver (${name})`, function () {
    this.timeout(30_000);
    let f: Fixture;
    beforeEach(async () => {
      f = await fixture(await open());
    });
    afterEach(async () => f.store.close());

    it('export: everything held about them, found by e-mail in any case, in both plans, and nobody else\'s words', async () => {
      const doc = await exportPerson({ store: f.store, directory, clock }, '  LENA.Leaver@Council.Example.gov.uk ');
      assert.deepEqual(doc.person.aadObjectIds, [leaver.aadObjectId]);
      assert.equal(doc.about.exportedAt, '2026-11-22T10:00:00.000Z');
      assert.ok(Object.keys(doc.about.readme).includes('plans[].updates'), 'the header says what each part is');
      assert.deepEqual(doc.counts, { plans: 2, plansOwned: 0, tasks: 7, updates: 1, approvals: 2, comments: 1, changesMade: 1, changesNamingThem: 0, roundSnapshots: 1, reminders: 1, conversation: 1 });
      const [first, second] = doc.plans;
      assert.deepEqual(first!.tasks.map((t) => [t.ref, t.roles]), [['A1', ['owner', 'wrote the latest update']], ['A2', ['owner']], ['A3', ['owner']], ['A4', ['owner']], ['A5', ['accountable officer']], ['A6', ['named in the imported wording']]]);
      assert.deepEqual(second!.tasks.map((t) => t.ref), ['B1']);
      assert.equal(first!.updates[0]!.progress, LEAVER_UPDATE);
      assert.equal(first!.comments[0]!.text, LEAVER_COMMENT);
      assert.deepEqual(first!.approvals.map((a) => [a.state, a.roles]), [['Approved', ['asked to decide', 'decided it']], ['Pending', ['asked to decide']]]);
      assert.deepEqual(doc.reminders.map((r) => [r.taskRef, r.trigger, r.outcome]), [['A3', 'due-7', 'sent']]);
      assert.deepEqual(doc.conversation?.reference, { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: 'a:lena', conversationType: 'personal', tenantId: 't1' }, user: { id: '29:lena', aadObjectId: leaver.aadObjectId, name: leaver.displayName }, bot: { id: '28:bot', name: 'EDI' } });
      const text = JSON.stringify(doc);
      assert.ok(!text.includes(TOM_UPDATE), "Tomos's update is his, not hers (the pending approval's justification is left out too)");
      assert.ok(!text.includes('not exported'));
    });

    it('export: someone gone from the directory is found in the records; an unknown address is refused', async () => {
      const doc = await exportPerson({ store: f.store, directory, clock }, former.email);
      assert.equal(doc.person.inDirectory, false);
      assert.deepEqual(doc.plans.flatMap((p) => p.tasks.map((t) => t.ref)), ['B2']);
      await assert.rejects(exportPerson({ store: f.store, directory, clock }, 'nobody@council.example.gov.uk'), UnknownPersonError);
    });

    it('leaver --dry-run lists what would change and changes nothing; --to comes before the plan owner', async () => {
      const before = JSON.stringify(await Promise.all([f.store.listTasks(), f.store.plans.forPlan(f.second.id).listTasks(), f.store.listApprovals(), f.store.listChanges()]));
      const dry = await handleLeaver(f.deps, { email: leaver.email, to: named.email, dryRun: true });
      assert.deepEqual(dry.handedOver.map((h) => [h.ref, h.via, h.owners.map((o) => o.displayName)]), [['A1', 'accountable-officer', ['Aled Accountable']], ['A2', 'co-owners', ['Cora Owner']], ['A3', 'named', ['Nia Named']], ['B1', 'named', ['Nia Named']]]);
      assert.deepEqual(dry.rerouted.map((r) => [r.taskRef, r.to.displayName, r.route]), [['A5', 'Eda Lead', 'edi-lead']]);
      assert.equal(JSON.stringify(await Promise.all([f.store.listTasks(), f.store.plans.forPlan(f.second.id).listTasks(), f.store.listApprovals(), f.store.listChanges()])), before);
      assert.deepEqual(f.messenger.sent, []);
      assert.equal(dry.conversation, 'to-delete');
      assert.ok(await f.store.getConversation(leaver.aadObjectId), 'the chat record is still there after a dry run');
      await assert.rejects(handleLeaver(f.deps, { email: leaver.email, to: 'nobody@council.example.gov.uk' }), UnknownSuccessorError);
    });

    it('leaver: open tasks pass on in both plans with a history item each, new owners told (an unreachable one reported), decisions re-routed; twice changes nothing', async () => {
      const r = await handleLeaver(f.deps, { email: leaver.email });
      assert.deepEqual(r.handedOver.map((h) => [h.planKey, h.ref, h.via, h.owners.map((o) => o.aadObjectId), h.told]), [
        [(await f.store.plans.getPlan(f.store.planId))!.key, 'A1', 'accountable-officer', [accountable.aadObjectId], true],
        [(await f.store.plans.getPlan(f.store.planId))!.key, 'A2', 'co-owners', [coOwner.aadObjectId], undefined],
        [(await f.store.plans.getPlan(f.store.planId))!.key, 'A3', 'edi-lead', [lead.aadObjectId], true],
        ['workforce-2025-28', 'B1', 'plan-owner', [planOwner.aadObjectId], false],
      ]);
      const stored = async (t: Task) => (await f.store.getTask(t.id))!;
      assert.deepEqual((await stored(f.tasks.toAccountable!)).owners, [accountable]);
      assert.deepEqual((await stored(f.tasks.done!)).owners, [leaver], 'a completed task keeps its owner: the record');
      const change = (await f.store.listChanges({ subjectId: f.tasks.toAccountable!.id })).at(-1)!;
      assert.deepEqual([change.reason, change.changedBy, change.changes], [LEAVER_REASON, LEAVER_ACTOR, [{ field: 'owners', label: 'Owners', from: leaver.displayName, to: accountable.displayName }]]);
      assert.equal((await f.store.plans.forPlan(f.second.id).listChanges()).filter((c) => c.reason === LEAVER_REASON).length, 1, "the second plan's history too");
      assert.equal((await f.store.listUpdates(f.tasks.toAccountable!.id))[0]!.submittedBy.displayName, leaver.displayName, 'their update keeps their name');

      const told = f.messenger.sentTo(accountable)[0]!;
      assert.match(cardTextContent(told.message.card), /You now own A1[\s\S]*Lena Leaver \(left the council\)[\s\S]*as its accountable officer/);
      assert.equal(f.messenger.sentTo(coOwner).length, 0, 'co-owners keep it: nobody new to tell');

      const approval = (await f.store.listApprovals({ state: 'Pending' }))[0]!;
      assert.deepEqual([approval.approver.aadObjectId, approval.route], [lead.aadObjectId, 'edi-lead']);
      assert.deepEqual(r.rerouted.map((x) => [x.taskRef, x.told]), [['A5', true]]);
      assert.match(cardTextContent(f.messenger.sentTo(lead).find((c) => /needs your decision/.test(cardTextContent(c.message.card)))!.message.card), /A5/);
      assert.equal(approval.approverActivityId, f.messenger.sentTo(lead).at(-1)!.activityId);
      assert.deepEqual(r.stillNamed.accountableFor.map((t) => t.ref), ['A5']);
      assert.equal(r.conversation, 'deleted');
      assert.equal(await f.store.getConversation(leaver.aadObjectId), undefined, 'their chat record is gone');

      const sentBefore = f.messenger.sent.length;
      const changesBefore = (await f.store.listChanges()).length;
      const again = await handleLeaver(f.deps, { email: leaver.email });
      assert.deepEqual([again.handedOver, again.rerouted, again.notHandedOver], [[], [], []]);
      assert.equal(f.messenger.sent.length, sentBefore, 'nobody is told twice');
      assert.equal((await f.store.listChanges()).length, changesBefore);
    });
  });
}

personDataSuite('SQLite', async () => SqlitePlanStore.open(':memory:'));
personDataSuite('SharePoint over the Graph emulator', () => sharePointStoreForContract());

const ROOT = path.join(__dirname, '..', '..');

function personCli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(GRAPH_|SHAREPOINT_|STORE$|Microsoft|REMINDER_|DEMO_DATA$|EDI_LEAD_IDS$)/.test(k)) delete env[k];
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/person.ts', ...args], { cwd: ROOT, env: { ...env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('npm run person (bot/cli/person.ts) as a child process', function () {
  this.timeout(60_000);

  it('exports to --out with a summary (exit 0), refuses an unknown person (exit 1) and bad usage (exit 2)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-person-cli-'));
    try {
      const store = SqlitePlanStore.open(dir);
      const alex = { aadObjectId: demoUsers.alex.aadObjectId, displayName: demoUsers.alex.displayName, email: demoUsers.alex.email };
      const task = await store.createTask(taskInput({ ref: '9.1', owners: [alex] }));
      await store.recordUpdate({ update: updateInput(task.id, { taskRef: '9.1', submittedBy: alex, progress: 'Exported words' }), task: { id: task.id, expectedVersion: task.version, patch: {} } });
      await store.close();
      const out = path.join(dir, 'alex.json');
      // At once: each child process takes seconds to start.
      const [ran, unknown, usage] = await Promise.all([personCli(dir, ['export', demoUsers.alex.email.toUpperCase(), '--out', out]), personCli(dir, ['export', 'nobody@northvale.example.gov.uk']), personCli(dir, ['leaver'])]);
      assert.equal(ran.code, 0, ran.stderr);
      assert.match(ran.stdout, /Wrote everything held about alex\.morgan@northvale\.example\.gov\.uk \(Alex Morgan\) to .*alex\.json[\s\S]*Tasks: +1\n {2}Updates: +1/);
      const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { plans: { updates: { progress: string }[] }[] };
      assert.equal(doc.plans[0]!.updates[0]!.progress, 'Exported words');
      assert.equal(fs.statSync(out).mode & 0o077, 0, 'readable by its owner only');
      assert.deepEqual([unknown.code, usage.code], [1, 2]);
      assert.match(unknown.stderr, /No one with the e-mail address nobody@northvale\.example\.gov\.uk/);
      assert.match(usage.stderr, /leaver needs the person's e-mail address[\s\S]*Usage:/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
