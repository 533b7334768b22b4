import assert from 'node:assert/strict';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { IMPORT_AUTHOR_ID } from '../../core/import/plan-drafts';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { renderCsv, renderDocx, renderXlsx } from '../fixtures/import/build-fixtures';
import { framework, progress, register, transposed, type Block, type PlanLayout, type TableRow } from '../fixtures/import/plan-layouts';
import { fixtureBytes, openStore, runImport } from './import-support';

/** Everything an import could touch, with versions, so "nothing changed" is checked on the store itself. */
async function storeState(store: PlanStore) {
  const tasks = await store.listTasks();
  return {
    objectives: await store.listObjectives(),
    tasks,
    updates: await Promise.all(tasks.map((t) => store.listUpdates(t.id))),
    rounds: await store.listRounds(),
  };
}

async function taskByRef(store: PlanStore, ref: string) {
  const task = await store.getTaskByRef(ref);
  assert.ok(task, `task ${ref} exists`);
  return task;
}

/** The register with its table edited: `edit` gets the header and rows and returns new ones. */
function editedRegister(edit: (header: string[], rows: string[][]) => { header: string[]; rows: string[][] }): PlanLayout {
  const block = register.blocks[0] as Extract<Block, { kind: 'table' }>;
  const rows = block.rows.map((r) => (r as Exclude<TableRow, { heading: string } | { pageBreak: true }>).map((c) => (typeof c === 'string' ? c : c.text)));
  const edited = edit([...block.header], rows);
  return { ...register, blocks: [{ kind: 'table', header: edited.header, rows: edited.rows }] };
}

describe('importing again', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = openStore();
  });
  afterEach(() => store.close());

  for (const [layout, format] of [[register, 'xlsx'], [framework, 'docx'], [progress, 'csv'], [transposed, 'csv']] as const) {
    it(`changes nothing when the same file is imported twice (${layout.key}, ${format})`, async () => {
      const fileName = `${layout.fileBase}.${format}`;
      const first = await runImport(store, fixtureBytes(layout, format), fileName);
      assert.ok(first.summary.tasks.create > 0);
      const before = await storeState(store);
      const again = await runImport(store, fixtureBytes(layout, format), fileName);
      assert.deepEqual(again.summary.tasks, { create: 0, update: 0, unchanged: first.summary.tasks.create });
      assert.deepEqual(again.summary.objectives, { create: 0, update: 0, unchanged: first.summary.objectives.create });
      assert.equal(again.summary.historyEntries, 0);
      assert.ok(again.rounds.every((r) => r.action === 'unchanged'));
      assert.deepEqual(await storeState(store), before);
    });
  }

  it('a real run stores the tasks, the dated columns as history and each column as a closed round', async () => {
    const report = await runImport(store, fixtureBytes(register, 'xlsx'), 'riverside-register.xlsx');
    assert.equal(report.dryRun, false);
    const task = await taskByRef(store, 'R1.1');
    assert.equal(task.title, 'Publish an accessibility statement for every online form');
    assert.equal(task.objectiveRef, '1');
    assert.deepEqual(task.owners, [toPerson(demoUsers.alex)]);
    assert.deepEqual(task.accountableOfficer, toPerson(demoUsers.sam));
    assert.equal(task.leadService, 'Digital Services');
    assert.equal(task.dueDate, '2025-03-31');
    assert.equal(task.latestUpdate, 'All 112 forms now carry a statement.');
    assert.equal(task.latestUpdateAt, '2025-03-31T12:00:00.000Z');
    assert.equal(task.latestUpdateBy?.aadObjectId, IMPORT_AUTHOR_ID);
    const r13 = await taskByRef(store, 'R1.3');
    assert.deepEqual(r13.unassignedOwners, ['Head of Housing']);
    assert.equal(r13.accountableOfficer, undefined);
    assert.equal(r13.accountableOfficerText, 'Chris Taylor');

    const updates = await store.listUpdates(task.id);
    assert.deepEqual(
      updates.map((u) => [u.round, u.submittedAt, u.progress, u.submittedBy.displayName]),
      [
        ['October 2024 Update', '2024-10-31T12:00:00.000Z', 'Statements drafted for 40 forms.', 'Imported from riverside-register.xlsx'],
        ['March 2025 Update', '2025-03-31T12:00:00.000Z', 'All 112 forms now carry a statement.', 'Imported from riverside-register.xlsx'],
      ],
    );
    const rounds = await store.listRounds();
    assert.deepEqual(rounds.map((r) => [r.name, r.state, r.dueDate, r.closedAt]), [
      ['October 2024 Update', 'Closed', '2024-10-31', '2024-10-31T23:59:59.000Z'],
      ['March 2025 Update', 'Closed', '2025-03-31', '2025-03-31T23:59:59.000Z'],
    ]);
    const march = rounds[1]!;
    assert.deepEqual(march.scope, { kind: 'tasks', refs: ['R1.1', 'R1.2', 'R2.1'] });
    const line = march.snapshot?.find((l) => l.taskRef === 'R1.1');
    assert.equal(line?.updateId, updates[1]!.id);
    assert.equal(line?.taskId, task.id);
    assert.equal(line?.update, 'All 112 forms now carry a statement.');
    assert.equal(line?.rag, 'Green');
    assert.deepEqual((await store.listObjectives()).map((o) => [o.ref, o.title]), [['1', 'Fair and accessible services'], ['2', 'An inclusive workforce']]);
  });

  it('a dry run writes nothing', async () => {
    const report = await runImport(store, fixtureBytes(register, 'docx'), 'riverside-register.docx', { dryRun: true });
    assert.equal(report.summary.tasks.create, 6);
    assert.deepEqual(await storeState(store), { objectives: [], tasks: [], updates: [], rounds: [] });
  });

  it('an edited file updates tasks by ref and keeps what the app collected since: updates, RAG, assigned owners, corrected dates', async () => {
    await runImport(store, await renderXlsx(register), 'riverside-register.xlsx');
    const alex = demoUsers.alex;
    const r11 = await taskByRef(store, 'R1.1');
    await submitUpdate(
      { store, clock: fixedClock(new Date('2025-09-10T10:00:00Z')) },
      { actorAadObjectId: alex.aadObjectId, taskId: r11.id, taskVersion: r11.version, idempotencyKey: 'card-1', values: { progress: 'Forms audit repeated in August.', rag: 'Amber' } },
    );
    const r13 = await taskByRef(store, 'R1.3');
    await store.updateTask(r13.id, r13.version, { owners: [toPerson(demoUsers.tom)], unassignedOwners: [] });
    const r22 = await taskByRef(store, 'R2.2');
    await store.updateTask(r22.id, r22.version, { dueDate: '2026-04-30' });

    const edited = editedRegister((header, rows) => {
      const june = ['', '', ''];
      june[0] = 'Audit of PDFs started.';
      june[1] = 'Contract signed; pilot in two libraries.';
      const out = rows.map((r, i) => [...r, i < 2 ? june[i]! : '']);
      out[0]![2] = 'Publish an accessibility statement for every online form and PDF'; // R1.1 title
      out[0]![9] = 'Red'; // R1.1 RAG in the file
      out[1]![8] = '31/01/2026'; // R1.2 deadline
      out.splice(3, 0, ['', 'R1.4', 'Caption every video the council publishes', 'Alex Morgan', 'Sam Okafor', 'Communications', '', 'All new videos captioned', 'December 2025', 'Green', '', '', '']);
      return { header: [...header, 'June 2025 Update'], rows: out };
    });
    const report = await runImport(store, await renderXlsx(edited), 'riverside-register.xlsx');

    const byRef = new Map(report.tasks.map((t) => [t.ref, t]));
    assert.equal(byRef.get('R1.1')?.action, 'update');
    assert.deepEqual(byRef.get('R1.1')?.changes, ['title']);
    assert.deepEqual(byRef.get('R1.2')?.changes.sort(), ['dueDate', 'dueText', 'latestUpdate', 'latestUpdateAt', 'latestUpdateBy'].sort());
    assert.equal(byRef.get('R1.3')?.action, 'unchanged');
    assert.equal(byRef.get('R2.2')?.action, 'unchanged');
    assert.equal(byRef.get('R1.4')?.action, 'create');
    assert.deepEqual(report.rounds.map((r) => [r.name, r.action, r.tasks]), [
      ['October 2024 Update', 'unchanged', 3],
      ['March 2025 Update', 'unchanged', 3],
      ['June 2025 Update', 'create', 2],
    ]);
    assert.deepEqual(report.warnings.filter((w) => w.code === 'kept-plan-value').map((w) => w.ref), ['R1.1', 'R1.1']);

    const t11 = await taskByRef(store, 'R1.1');
    assert.equal(t11.title, 'Publish an accessibility statement for every online form and PDF');
    assert.equal(t11.rag, 'Amber', 'the RAG the owner reported in the app stays');
    assert.equal(t11.latestUpdate, 'Forms audit repeated in August.');
    assert.equal(t11.latestUpdateBy?.aadObjectId, alex.aadObjectId);
    assert.deepEqual((await store.listUpdates(t11.id)).map((u) => u.round ?? u.progress), ['October 2024 Update', 'March 2025 Update', 'June 2025 Update', 'Forms audit repeated in August.']);

    const t12 = await taskByRef(store, 'R1.2');
    assert.equal(t12.dueDate, '2026-01-31');
    assert.equal(t12.dueText, '31/01/2026');
    assert.equal(t12.latestUpdate, 'Contract signed; pilot in two libraries.');
    assert.equal(t12.latestUpdateAt, '2025-06-30T12:00:00.000Z');

    const t13 = await taskByRef(store, 'R1.3');
    assert.deepEqual(t13.owners, [toPerson(demoUsers.tom)], 'the owner an officer assigned stays');
    assert.deepEqual(t13.unassignedOwners, []);
    assert.equal((await taskByRef(store, 'R2.2')).dueDate, '2026-04-30', 'a due date corrected in the app stays while the wording is unchanged');
    assert.equal((await taskByRef(store, 'R1.4')).dueDate, '2025-12-31');
    const june = (await store.listRounds()).find((r) => r.name === 'June 2025 Update');
    assert.deepEqual(june?.snapshot?.map((l) => [l.taskRef, l.update]), [['R1.1', 'Audit of PDFs started.'], ['R1.2', 'Contract signed; pilot in two libraries.']]);
  });

  it('changed owner wording replaces the owners the file gave, and keeps those an officer added', async () => {
    await runImport(store, await renderCsv(register), 'riverside-register.csv');
    const r21 = await taskByRef(store, 'R2.1');
    await store.updateTask(r21.id, r21.version, { owners: [...r21.owners, toPerson(demoUsers.tom)] });
    const edited = editedRegister((header, rows) => {
      rows[3]![3] = 'Jordan Lee\nEquality Officer';
      return { header, rows };
    });
    const report = await runImport(store, renderCsv(edited), 'riverside-register.csv');
    const line = report.tasks.find((t) => t.ref === 'R2.1');
    assert.deepEqual(line?.owners.map((o) => o.displayName), ['Jordan Lee', 'Tom Baxter']);
    assert.deepEqual(line?.unassignedOwners, ['Equality Officer']);
    const stored = await taskByRef(store, 'R2.1');
    assert.deepEqual(stored.owners.map((o) => o.displayName), ['Jordan Lee', 'Tom Baxter']);
    assert.equal(stored.ownerText, 'Jordan Lee\nEquality Officer');
  });

  it('a plan without refs finds its tasks by wording when a row is inserted above them', async () => {
    await runImport(store, await renderDocx(progress), 'eastmoor.docx');
    const table = progress.blocks[1] as Extract<Block, { kind: 'table' }>;
    const rows = [...table.rows];
    rows.splice(1, 0, ['Make recruitment fairer', 'Use anonymised application forms for every post', 'Shortlisting decisions made without names', 'Green', 'Trial in two services.']);
    const report = await runImport(store, await renderDocx({ ...progress, blocks: [progress.blocks[0]!, { ...table, rows }] }), 'eastmoor.docx');
    assert.deepEqual(report.summary.tasks, { create: 1, update: 0, unchanged: 8 });
    const created = report.tasks.find((t) => t.action === 'create');
    assert.equal(created?.ref, '1.7');
    assert.equal(created?.title, 'Use anonymised application forms for every post');
    assert.equal((await taskByRef(store, '1.1')).title, 'Work through the Disability Confident leader criteria; Close any gaps found; Submit the self-assessment');
  });
});
