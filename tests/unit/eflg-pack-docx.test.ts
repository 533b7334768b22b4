import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { EFLG_FRAMEWORK } from '../../core/eflg/framework';
import { buildEflgAssessment } from '../../core/eflg/self-assessment';
import { eflgPackDocx } from '../../core/export/eflg-pack-docx';
import type { Task, Update } from '../../core/model';
import { RAG_SHAPE } from '../../core/plan/rag-shapes';
import { bob, taskInput, updateInput } from '../support/builders';
import { isHeading, parseDocx, proseOf, records, section, tablesOf, type DocxParagraph, type ParsedDocx } from './board-report-docx-support';

/**
 * The Equality Framework evidence pack read back from its bytes: Word's own heading styles (a
 * Heading 1 per module, a Heading 2 per criterion, both defined in the styles part), the cover,
 * the tasks with RAG as shape and word, the evidence and what is missing; owners' words that XML
 * cannot hold as they are (markup, control characters) come back safe.
 */
const HOSTILE_TITLE = 'Fix <script>alert("x")</script> & ]]> the\u0007 data\u0000 form';
const HOSTILE_EVIDENCE = 'Report <b>published</b> & shared\u001B with partners';
const cleaned = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function fixture(): { tasks: Task[]; updates: Map<string, Update[]> } {
  const t = (id: string, over: Partial<Task>): Task => ({ ...taskInput(over), id, version: '1', ...over });
  const tasks = [
    t('1', { ref: '1.1.1', title: HOSTILE_TITLE, rag: 'Complete', status: 'Complete', eflg: [{ module: 1, criterion: '1.1', level: 'Achieving' }] }),
    t('2', { ref: '2.3.1', title: 'Relaunch the impact assessment template', rag: 'Amber', eflg: [{ module: 2, criterion: '2.3', level: 'Developing' }] }),
    t('3', { ref: '4.5.1', title: 'Launch a staff network', rag: 'Green', eflg: [{ module: 4, level: 'Excellent' }], evidenceLinks: [{ url: 'https://council.sharepoint.com/a&b.docx', title: 'Network <terms>', addedBy: bob, addedAt: '2026-10-01T09:00:00.000Z' }] }),
    t('4', { ref: '3.3.9', title: 'Untagged work', rag: 'Green' }),
  ];
  const updates = new Map([['1', [{ ...updateInput('1', { taskRef: '1.1.1', evidence: HOSTILE_EVIDENCE, submittedAt: '2026-11-02T10:00:00.000Z' }), id: 'u1', version: '1' }]]]);
  return { tasks, updates };
}

describe('Equality Framework evidence pack (DOCX)', () => {
  let docx: ParsedDocx;
  let bytes: Uint8Array;

  before(async () => {
    const { tasks, updates } = fixture();
    const assessment = buildEflgAssessment({ tasks, updatesByTask: updates, today: '2026-11-22' });
    bytes = await eflgPackDocx(assessment, { council: 'Northvale <District> & Council\u0001', planTitle: 'EDI plan 2025–28', preparedBy: 'Priya Shah' });
    docx = await parseDocx(bytes);
  });

  it('is a Word package whose document part is well-formed XML, however hostile the owners’ words', () => {
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    assert.equal(XMLValidator.validate(docx.documentXml), true);
    assert.doesNotMatch(docx.documentXml, /<script>|<b>|\u0007|\u0000|\u001B|\u0001/);
    assert.match(docx.documentXml, /&lt;script&gt;/);
  });

  it('uses Word’s Heading 1 for each module and Heading 2 for each criterion, and the styles part defines both', async () => {
    const styles = await docx.zip.file('word/styles.xml')!.async('string');
    for (const id of ['Heading1', 'Heading2', 'Title']) assert.match(styles, new RegExp(`w:styleId="${id}"`), `${id} is defined`);
    assert.match(styles, /w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/, 'Heading 1 is outline level 1 (the navigation pane)');
    const h1 = docx.blocks.filter((b) => isHeading(b, 1)).map((b) => (b as DocxParagraph).text);
    assert.deepEqual(h1, ['How to read this pack', 'Summary', ...EFLG_FRAMEWORK.map((m) => `Module ${m.number}: ${m.title}`), 'Tasks not yet tagged']);
    for (const m of EFLG_FRAMEWORK) {
      const h2 = section(docx.blocks, `Module ${m.number}: ${m.title}`).filter((b) => isHeading(b, 2)).map((b) => (b as DocxParagraph).text);
      const expected = m.criteria.map((c) => `${c.id} ${c.title}`);
      assert.deepEqual(h2, m.number === 4 ? [...expected, 'Module 4 as a whole'] : expected, `module ${m.number}`);
    }
  });

  it('has a cover naming the council and the plan, with the rule for a level and the RAG key', () => {
    const title = docx.blocks.find((b) => b.kind === 'p' && b.style === 'Title') as DocxParagraph;
    assert.equal(title.text, 'EDI plan 2025–28: Equality Framework self-assessment');
    const cover = docx.blocks.slice(0, docx.blocks.findIndex((b) => isHeading(b, 1)));
    assert.match(proseOf(cover), /Northvale <District> & Council$/m);
    const details = Object.fromEntries(records(tablesOf(cover)[0]!).map((r) => [r.Item, r.Detail]));
    assert.deepEqual(details, { Council: 'Northvale <District> & Council', Plan: 'EDI plan 2025–28', Framework: 'Equality Framework for Local Government (LGA, 2021)', Date: '22 November 2026', 'Prepared by': 'Priya Shah', 'Tasks tagged': '3' });
    assert.match(proseOf(section(docx.blocks, 'How to read this pack')), /How a level is reached\. A criterion reaches a level when/);
    assert.match(docx.headerText, /Northvale <District> & Council · EDI plan 2025–28 · Equality Framework self-assessment 22 Nov 2026/);
  });

  it('per criterion: the level reached, the tasks with RAG as shape and word, the evidence, and what is missing', () => {
    const m1 = section(docx.blocks, /^Module 1:/);
    const at = m1.findIndex((b) => isHeading(b, 2) && b.text.startsWith('1.1 '));
    const c11 = m1.slice(at + 1, m1.findIndex((b, i) => i > at && isHeading(b, 2)));
    assert.match(proseOf(c11), /^Level reached: Achieving \(shown by 1\.1\.1\)\.$/m);
    const [tasks, evidence] = tablesOf(c11).map(records);
    assert.deepEqual(tasks, [{ Ref: '1.1.1', Task: cleaned(HOSTILE_TITLE), RAG: `${RAG_SHAPE.Complete} Complete`, Status: 'Complete', 'Level claimed': 'Achieving', 'Evidence sent': 'Yes' }]);
    assert.deepEqual(evidence, [{ Ref: '1.1.1', Evidence: cleaned(HOSTILE_EVIDENCE), From: 'With an update\nAlice Owner\n2 Nov 2026, 10:00' }]);
    assert.match(proseOf(c11), /^To reach Excellent: A shared, up-to-date picture/m);
    assert.match(proseOf(c11), /No task is tagged at Excellent yet/);

    const m2 = section(docx.blocks, /^Module 2:/);
    const amber = tablesOf(m2).flatMap(records).find((r) => r.Ref === '2.3.1');
    assert.equal(amber?.RAG, `${RAG_SHAPE.Amber} Amber`);
    assert.match(proseOf(m2), /Not yet Green or Complete: 2\.3\.1 \(Amber\)\./);
    assert.match(proseOf(m2), /2\.2 Priorities and working in partnership\nLevel reached: none yet\.\nNo task is tagged to this criterion yet\./);

    const link = tablesOf(section(docx.blocks, /^Module 4:/)).flatMap(records).find((r) => r.From?.startsWith('Evidence link'));
    assert.deepEqual(link, { Ref: '4.5.1', Evidence: 'Network <terms>\nhttps://council.sharepoint.com/a&b.docx', From: 'Evidence link\nBob Manager\n1 Oct 2026, 10:00' });
  });

  it('summarises every criterion and counts the open tasks not yet tagged', () => {
    const summary = section(docx.blocks, 'Summary');
    const rows = records(tablesOf(summary)[0]!);
    assert.equal(rows.length, 17);
    assert.deepEqual(rows[0], { Module: 'Module 1', Criterion: '1.1 Collecting and sharing information', 'Level reached': 'Achieving', 'Next level': 'Excellent', 'Tasks tagged': '1' });
    assert.match(proseOf(summary), /3 tasks of the plan are tagged to the framework; 1 open task is not tagged yet\./);
    assert.match(proseOf(section(docx.blocks, 'Tasks not yet tagged')), /^1 open task of the plan is not tagged/);
  });
});
