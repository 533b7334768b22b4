import assert from 'node:assert/strict';
import { parseMapping } from '../../core/import/columns/mapping-file';
import { PLAN_FIELDS } from '../../core/import/columns/plan-fields';
import type { ImportReport } from '../../core/import/import-report';
import { IMPORT_FIELD_LABELS, IMPORT_FIELD_ORDER } from '../../tab/app/import-fields';
import { dueWords, groupByObjective, ownerWords } from '../../tab/app/import-groups';
import { choiceFor, guessesOf, mappingFileText, mergeHeaders, readMappingFile, rowMarkOf, withColumnChoice, withRowMark } from '../../tab/app/import-mapping';

type TableReport = ImportReport['tables'][number];
const table = (columns: TableReport['columns'], ignoredColumns: string[], name = 'plan.csv') => ({ name, recognised: true, transposed: false, columns, ignoredColumns, tasks: 1 }) as unknown as TableReport;
const reportWith = (tables: ImportReport['tables'], tasks: Partial<ImportReport['tasks'][number]>[] = []) => ({ tables, tasks }) as unknown as ImportReport;

describe("the import preview's mapping (the tab's state is the mapping file)", () => {
  const first = reportWith([table([{ header: 'Task', field: 'title' }, { header: 'October 2025 update', field: 'progress', date: '2025-10-31' }], ['Champion'])]);
  const guesses = guessesOf(first);

  it('offers every plan field, with plain labels, and "Ignore" first', () => {
    assert.equal(IMPORT_FIELD_ORDER[0], 'ignore');
    assert.deepEqual([...IMPORT_FIELD_ORDER].sort(), [...PLAN_FIELDS, 'ignore'].sort());
    assert.equal(new Set(Object.values(IMPORT_FIELD_LABELS)).size, IMPORT_FIELD_ORDER.length, 'no two fields read the same');
    assert.equal(IMPORT_FIELD_LABELS.owner, 'Lead officer (owner)');
  });

  it('reads each column as the dry run did: dated progress is history, unknown headers are ignored', () => {
    assert.deepEqual(choiceFor({}, first, guesses, 'October 2025 update'), { field: 'history', date: '2025-10-31' });
    assert.deepEqual(choiceFor({}, first, guesses, 'champion'), { field: 'ignore' });
    assert.deepEqual(choiceFor({}, first, guesses, 'Task'), { field: 'title' });
  });

  it('records a change, and drops it again when the column goes back to what the import read', () => {
    const changed = withColumnChoice({}, 'Champion', { field: 'owner' }, guesses.get('champion'));
    assert.deepEqual(changed.columns, { Champion: 'owner' });
    assert.deepEqual(choiceFor(changed, first, guesses, 'CHAMPION'), { field: 'owner' }, 'headers compared as the import compares them');
    assert.deepEqual(withColumnChoice(changed, 'champion', { field: 'ignore' }, guesses.get('champion')).columns, {});
    const dated = withColumnChoice({}, 'October 2025 update', { field: 'history', date: '2025-10-15' }, guesses.get('october 2025 update'));
    assert.deepEqual(dated.columns, { 'October 2025 update': { field: 'history', date: '2025-10-15' } });
  });

  it('marks rows and undoes the marks, by the report’s own row names', () => {
    const marked = withRowMark({}, 'Sheet "Plan", row 12', 'heading');
    assert.equal(rowMarkOf(marked, 'sheet “plan”,  row 12'), 'heading');
    assert.deepEqual(withRowMark(marked, 'Sheet "Plan", row 12', undefined).rows, {});
  });

  it('saves a file the CLI reads, keeping only what is in use', () => {
    const mapping = withRowMark(withColumnChoice({}, 'Champion', { field: 'owner' }), 'plan.csv, row 4', 'not-a-task');
    const text = mappingFileText({ ...mapping, owners: {} });
    assert.deepEqual(JSON.parse(text), { columns: { Champion: 'owner' }, rows: { 'plan.csv, row 4': 'not-a-task' } });
    const parsed = parseMapping(text);
    assert.deepEqual(parsed.columns.get('champion'), { field: 'owner' });
    assert.equal(parsed.rows.get('plan.csv, row 4'), 'not-a-task');
    assert.deepEqual(readMappingFile(text), JSON.parse(text));
    assert.throws(() => readMappingFile('nope'), /not JSON/);
    assert.throws(() => readMappingFile('[1]'), /does not hold columns/);
  });

  it('keeps every header listed, in the order first seen, even when a later dry run leaves it out', () => {
    const later = reportWith([table([{ header: 'Task', field: 'title' }, { header: 'Champion', field: 'owner' }], []), table([], ['Notes'], 'Sheet 2')]);
    const headers = mergeHeaders(mergeHeaders([], first), later);
    assert.deepEqual(headers, [
      { name: 'plan.csv', headers: ['Task', 'October 2025 update', 'Champion'] },
      { name: 'Sheet 2', headers: ['Notes'] },
    ]);
  });

  it('groups tasks per objective and words owners and deadlines as the officer wrote them', () => {
    const task = (ref: string, objective: string, extra: object = {}) => ({ ref, objective: { ref: objective, title: `Aim ${objective}` }, owners: [], unassignedOwners: [], ...extra }) as unknown as ImportReport['tasks'][number];
    const groups = groupByObjective([task('1.1', '1'), task('2.1', '2'), task('1.2', '1')]);
    assert.deepEqual(groups.map((g) => [g.title, g.tasks.map((t) => t.ref)]), [['Objective 1: Aim 1', ['1.1', '1.2']], ['Objective 2: Aim 2', ['2.1']]]);
    assert.equal(dueWords(task('1', '1', { dueDate: '2027-03-31', dueText: 'By March 2027' })), '31 Mar 2027 (“By March 2027”)');
    assert.equal(dueWords(task('1', '1', { dueText: 'When the budget allows' })), 'Not read: “When the budget allows”');
    assert.equal(dueWords(task('1', '1')), 'None given');
    assert.equal(ownerWords(task('1', '1', { owners: [{ displayName: 'Alex Morgan' }], unassignedOwners: ['Head of HR'] })), 'Alex Morgan; to assign: Head of HR');
  });
});
