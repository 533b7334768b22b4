import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { parseMapping } from '../../core/import/columns/mapping-file';
import { ImportFileError, type ImportFileProblem } from '../../core/import/import-errors';
import type { PlanStore } from '../../core/ports/plan-store';
import { BAD_DIR } from '../fixtures/import/build-fixtures';
import { openStore, runImport } from './import-support';

/** Bad files get a clear error (ImportFileError, plain words) and nothing is written. */

async function rejects(store: PlanStore, bytes: Uint8Array, fileName: string, problem: ImportFileProblem, message: RegExp): Promise<void> {
  await assert.rejects(runImport(store, bytes, fileName), (err: unknown) => {
    assert.ok(err instanceof ImportFileError, `expected an ImportFileError, got ${String(err)}`);
    assert.equal(err.problem, problem);
    assert.match(err.message, message);
    return true;
  });
  assert.deepEqual(await store.listTasks(), []);
  assert.deepEqual(await store.listObjectives(), []);
  assert.deepEqual(await store.listRounds(), []);
}

const bad = (name: string) => fs.readFileSync(path.join(BAD_DIR, name));

describe('importing a bad file', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = openStore();
  });
  afterEach(() => store.close());

  it('an empty file', () => rejects(store, bad('empty.csv'), 'empty.csv', 'empty', /^empty\.csv is empty/));

  it('a password-protected workbook', () => rejects(store, bad('password-protected.xlsx'), 'plan.xlsx', 'password-protected', /password-protected.*remove the password/));

  it('an Excel 97-2003 workbook', () => rejects(store, bad('old-format.xls'), 'plan.xls', 'old-format', /old Excel 97-2003 \(\.xls\).*Save it from Excel or Word as \.xlsx/));

  it('a picture named .xlsx (not a spreadsheet)', () => rejects(store, bad('picture.xlsx'), 'plan.xlsx', 'unsupported', /is not a spreadsheet, a Word document or a CSV/));

  it('plain text named .xlsx', () => rejects(store, Buffer.from('Ref,Task\n1,Do it\n'), 'plan.xlsx', 'unsupported', /named \.xlsx but is plain text/));

  it('a zip that is not an Office document', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    await rejects(store, await zip.generateAsync({ type: 'uint8array' }), 'plan.docx', 'unsupported', /is a zip file, not an Excel workbook or Word document/);
  });

  it('a damaged workbook (a zip cut short)', async () => {
    const whole = fs.readFileSync(path.join(BAD_DIR, 'contacts.xlsx'));
    await rejects(store, whole.subarray(0, 2000), 'plan.xlsx', 'unreadable', /damaged/);
  });

  it('a workbook with no recognisable columns names what it found', () =>
    rejects(store, bad('contacts.xlsx'), 'contacts.xlsx', 'no-columns', /no table with columns we recognise.*"Name \| Extension \| Floor"/));

  it('a workbook with the right columns but no tasks', () => rejects(store, bad('headers-only.xlsx'), 'plan.xlsx', 'no-tasks', /the right columns .* but no task rows/));

  it('a Word document without tables', async () => {
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Our equality plan is being written.')] }] }));
    await rejects(store, doc, 'plan.docx', 'no-columns', /It has no tables/);
  });

  it('10 MB of random bytes', () => rejects(store, randomBytes(10 * 1024 * 1024), 'plan.xlsx', 'unsupported', /not a spreadsheet/));

  it('10 MB of text junk named .csv', async () => {
    const line = 'qwe,"rty uiop" asdf;ghjkl zxc vbnm 12345 !?$%^&*()\n';
    await rejects(store, Buffer.from(line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))), 'plan.csv', 'too-large', /more than 50,000 rows/);
  });

  it('a file over 15 MB', () => rejects(store, Buffer.alloc(16 * 1024 * 1024, 0x41), 'plan.csv', 'too-large', /16\.0 MB; the largest plan file accepted is 15 MB/));

  it('a mapping file that is not valid says what is wrong', () => {
    assert.throws(() => parseMapping('{ "columns": { "Key Action": "headline" } }'), (err: unknown) => err instanceof ImportFileError && err.problem === 'bad-mapping' && /columns\.Key Action/.test(err.message));
    assert.throws(() => parseMapping('not json'), (err: unknown) => err instanceof ImportFileError && /not valid JSON/.test(err.message));
  });
});
