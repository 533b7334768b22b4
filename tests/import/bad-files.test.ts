import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { parseMapping } from '../../core/import/columns/mapping-file';
import { ImportFileError, type ImportFileProblem } from '../../core/import/import-errors';
import type { PlanStore } from '../../core/ports/plan-store';
import { encodeCp1252 } from '../fixtures/import/corpus/sheet';
import { BAD_DIR, fixtureFile } from '../fixtures/import/build-fixtures';
import { register } from '../fixtures/import/plan-layouts';
import { bombPart, docxWithDoctype, part, peakRss, xlsxBomb, zipOf } from './hostile-files';
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

  describe('zip bombs: refused while inflating, in bounded memory', () => {
    it('a workbook whose sheet inflates to 256 MB', async () => {
      const bytes = await xlsxBomb(256);
      assert.ok(bytes.length < 1024 * 1024, `${bytes.length} bytes of zip`);
      const { peakMb, startMb } = await peakRss(() => rejects(store, bytes, 'plan.xlsx', 'too-large', /expands to more than 50 MB in one part \("xl\/worksheets\/sheet1\.xml"\)/));
      console.log(`      zip bomb (256 MB sheet in ${Math.round(bytes.length / 1024)} KB): peak RSS ${peakMb} MB (${peakMb - startMb} MB over the start)`);
      assert.ok(peakMb - startMb < 120, `peak RSS rose by ${peakMb - startMb} MB`);
    });

    it('a bomb whose headers say it is small (the real inflated bytes are counted)', () =>
      xlsxBomb(256, 2048).then((bytes) => rejects(store, bytes, 'plan.xlsx', 'too-large', /expands to more than 50 MB in one part/)));

    it('parts each under the limit that add up to more than 100 MB', async () => {
      const parts = [part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', '<workbook/>')];
      for (let i = 1; i <= 3; i++) parts.push(await bombPart(`xl/worksheets/sheet${i}.xml`, 40));
      await rejects(store, zipOf(parts), 'plan.xlsx', 'too-large', /expands to more than 100 MB;/);
    });

    it('a Word document whose body inflates to 256 MB', async () => {
      const bytes = zipOf([part('[Content_Types].xml', '<Types/>'), await bombPart('word/document.xml', 256)]);
      await rejects(store, bytes, 'plan.docx', 'too-large', /expands to more than 50 MB in one part \("word\/document\.xml"\)/);
    });
  });

  describe('Word documents with a DOCTYPE: refused unread, nothing fetched or expanded', () => {
    it('an external entity (XXE)', async () => {
      const bytes = await docxWithDoctype('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>');
      await rejects(store, bytes, 'plan.docx', 'unsafe', /document type declaration .* in "word\/document\.xml"\. Excel and Word never write one/);
    });

    it('recursive entities ("billion laughs")', async () => {
      const lol = ['<!ENTITY a "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`), '<!ENTITY xxe "&j;">'];
      await rejects(store, await docxWithDoctype(`<!DOCTYPE w:document [${lol.join('')}]>`), 'plan.docx', 'unsafe', /document type declaration/);
    });

    it('a DOCTYPE in a workbook part too', async () => {
      const zip = await JSZip.loadAsync(bad('contacts.xlsx'));
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'));
      await rejects(store, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'plan.xlsx', 'unsafe', /in "xl\/workbook\.xml"/);
    });
  });

  it('a zip with its own (non-Office) password named .xlsx', () =>
    rejects(store, zipOf([{ ...part('xl/workbook.xml', '<workbook/>'), encrypted: true }]), 'plan.xlsx', 'password-protected', /is password-protected/));

  describe('a file named for another format is read by its content', () => {
    it('a workbook named .csv', async () => {
      const report = await runImport(store, fs.readFileSync(fixtureFile(register, 'xlsx')), 'plan.csv', { dryRun: true });
      assert.equal(report.format, 'xlsx');
      assert.equal(report.summary.tasks.create, 6);
    });

    it('a Word document named .xlsx', async () => {
      const report = await runImport(store, fs.readFileSync(fixtureFile(register, 'docx')), 'plan.xlsx', { dryRun: true });
      assert.equal(report.format, 'docx');
      assert.equal(report.summary.tasks.create, 6);
    });

    it('a CSV named .txt', async () => {
      const report = await runImport(store, fs.readFileSync(fixtureFile(register, 'csv')), 'plan.txt', { dryRun: true });
      assert.equal(report.format, 'csv');
      assert.equal(report.summary.tasks.create, 6);
    });
  });

  it('a Windows-1252 CSV (Excel\'s "CSV" on Windows): £, curly quotes and dashes come out right', async () => {
    const text = 'Ref,Action,Lead,Deadline\r\n1.1,"Spend £5,000 on the residents\u2019 \u201cAsk us\u201d survey \u2013 in five languages",Head of Policy,March 2026\r\n';
    const bytes = encodeCp1252(text);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the bytes are not UTF-8');
    const report = await runImport(store, bytes, 'plan.csv', { dryRun: true });
    assert.equal(report.tasks[0]?.title, 'Spend £5,000 on the residents\u2019 \u201cAsk us\u201d survey \u2013 in five languages');
    assert.equal(report.tasks[0]?.dueDate, '2026-03-31');
  });

  it('100 MB of CSV is refused on its size before it is read (15 MB is the limit)', async () => {
    const { peakMb, startMb } = await peakRss(() => rejects(store, Buffer.alloc(100 * 1024 * 1024, 0x41), 'plan.csv', 'too-large', /100\.0 MB; the largest plan file accepted is 15 MB/));
    assert.ok(peakMb - startMb < 150, `peak RSS rose by ${peakMb - startMb} MB (the 100 MB buffer itself included)`);
  });

  it('a mapping file that is not valid says what is wrong', () => {
    assert.throws(() => parseMapping('{ "columns": { "Key Action": "headline" } }'), (err: unknown) => err instanceof ImportFileError && err.problem === 'bad-mapping' && /columns\.Key Action/.test(err.message));
    assert.throws(() => parseMapping('not json'), (err: unknown) => err instanceof ImportFileError && /not valid JSON/.test(err.message));
  });
});
