import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { boardReportDocx } from '../../core/export/board-report-docx';
import { cell, table } from '../../core/export/docx-cells';
import { cellXml, tableXml, xmlText } from '../../core/export/wordml';
import type { Objective, Task } from '../../core/model';
import { alice, bob, taskInput } from '../support/builders';
import { april, october, report } from './board-report-fixture';
import { firstColumn, headings1, parseDocx, records, section, tablesOf, type DocxParagraph, type ParsedDocx } from './board-report-docx-support';

/**
 * The tables the paper writes as WordprocessingML itself (wordml.ts) and splices into docx's
 * document part: the XML is well-formed however hostile the owners' words (markup, "]]>", control
 * characters, emoji, very long text, significant spaces), the text comes back as typed (less what
 * XML cannot hold), every task ref is in exactly the tables it belongs in, and the package's zip
 * entries check out.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wellFormed = (xml: string) => XMLValidator.validate(`<w:root ${W}>${xml}</w:root>`);

/** What the owners typed, with everything XML or Word might trip on. */
const HOSTILE = {
  markup: '<script>alert("x")</script> & <b>bold</b> &amp; ]]> <![CDATA[ x ]]> <!-- c --> <?pi?>',
  control: 'Bell\u0007 null\u0000 vtab\u000B escape\u001B ffff\uFFFF fffe\uFFFE end',
  emoji: 'Pride 🏳️‍🌈, dev 👩🏽‍💻, family 👨‍👩‍👧‍👦, flag 🇬🇧, Welsh ŵ ŷ, Urdu اردو, Bengali বাংলা',
  spaces: '  two leading, a\ttab and  two inside, trailing  ',
  long: `${'Very long update text that Word has to wrap across pages. '.repeat(3000)}The end.`,
};
const cleaned = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

describe('Board report DOCX: the tables written as WordprocessingML', () => {
  it('escapes markup characters and drops what XML 1.0 cannot hold', () => {
    assert.equal(xmlText('a & b < c > d " e ]]> f'), 'a &amp; b &lt; c &gt; d &quot; e ]]&gt; f');
    assert.equal(xmlText(HOSTILE.control), cleaned(HOSTILE.control));
    assert.equal(xmlText(HOSTILE.emoji), HOSTILE.emoji, 'emoji and other scripts pass as they are');
  });

  it('writes a cell as paragraphs in the TableText style, shaded only when tinted, runs bold or italic only where asked', () => {
    assert.equal(cellXml([{ text: 'Plain' }]), '<w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>Plain</w:t></w:r></w:p></w:tc>');
    assert.equal(cellXml([]), '<w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>', 'a cell holds at least one paragraph');
    const rag = cell([{ text: '● Red', bold: true }, { text: 'Withdrawn', italic: true }, 'Second\nthird'], { fill: 'F4C7C3' });
    assert.match(rag, /^<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F4C7C3"\/><\/w:tcPr><w:p>/);
    assert.equal((rag.match(/<w:p>/g) ?? []).length, 4, 'one paragraph per line');
    assert.match(rag, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t>● Red<\/w:t><\/w:r>/);
    assert.match(rag, /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t>Withdrawn<\/w:t><\/w:r>/);
    assert.match(cell(HOSTILE.spaces), /<w:t xml:space="preserve">  two leading/, 'significant spaces are preserved');
  });

  it('writes a long table in slices, letting the event loop run, and the slices join into well-formed XML', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [`${i}`, HOSTILE.markup, HOSTILE.emoji]);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    const chunks = await tableXml(table(['Ref', 'Markup', 'Emoji'], rows, (r) => r.map((text) => cell(text)), [1000, 5000, 5000], { splitRows: true }));
    clearInterval(ticker);
    assert.ok(chunks.length > 1, `${chunks.length} slices`);
    assert.ok(turns > 0, 'timers ran while the table was written');
    const xml = Buffer.concat(chunks).toString('utf8');
    assert.equal(wellFormed(xml), true);
    assert.equal((xml.match(/<w:tr>/g) ?? []).length, 6001, 'the header and every row');
    assert.match(xml, /^<w:tbl><w:tblPr>.*<w:tblLayout w:type="fixed"\/>.*<\/w:tblPr><w:tblGrid><w:gridCol w:w="1000"\/><w:gridCol w:w="5000"\/><w:gridCol w:w="5000"\/><\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
  });

  it('lets the event loop run all through a long paper, never holding it for a second', async () => {
    const many: Task[] = Array.from({ length: 1500 }, (_, i) => ({
      ...taskInput({ ref: `${(i % 10) + 1}.${Math.floor(i / 10) + 1}`, objectiveRef: String((i % 10) + 1), title: `Task ${i}`, rag: (['Red', 'Amber', 'Green'] as const)[i % 3], latestUpdate: HOSTILE.emoji.repeat(4), latestUpdateAt: '2027-04-20T09:00:00.000Z' }),
      id: `t${i}`,
      version: '1',
    }));
    const objectives: Objective[] = Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, version: '1', ref: String(i + 1), title: `Objective ${i + 1}` }));
    const built = report({ tasks: many, objectives, rounds: [october, april] });
    const tiny = { png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: 720, height: 300 };
    let ticks = 0;
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks += 1;
    }, 1);
    try {
      await boardReportDocx(built, { renderChart: () => tiny });
    } finally {
      clearInterval(ticker);
    }
    assert.ok(ticks >= 10, `timers ran ${ticks} times during the build`);
    assert.ok(longest < 1000, `the longest the event loop waited: ${Math.round(longest)} ms`);
  });

  describe('in a whole paper of hostile text', () => {
    const objectives: Objective[] = [
      { id: 'o1', version: '1', ref: '1', title: 'Communities <&> "quoted" ]]> 🏳️‍🌈' },
      { id: 'o2', version: '1', ref: '2', title: 'Workforce' },
    ];
    const rags = ['Red', 'Amber', 'Green', 'Not started', 'Complete'] as const;
    const texts = Object.values(HOSTILE);
    const tasks: Task[] = Array.from({ length: 60 }, (_, i) => ({
      ...taskInput({
        ref: `${(i % 3) + 1}.${Math.floor(i / 3) + 1}`,
        objectiveRef: String((i % 3) + 1), // objective 3 does not exist: its tasks are unfiled
        title: `Task ${i}: ${texts[i % texts.length]!.slice(0, 200)}`,
        owners: i % 7 === 0 ? [] : [i % 2 ? alice : { ...bob, displayName: 'Bob <Manager> & "Co"' }],
        rag: rags[i % rags.length]!,
        status: rags[i % rags.length] === 'Complete' ? 'Complete' : 'Open',
        dueDate: i % 4 === 0 ? '2027-01-31' : '2027-12-31',
        dueText: i % 2 ? HOSTILE.spaces : undefined,
        latestUpdate: `${texts[(i + 1) % texts.length]}\nLine two of ${i}.`,
        latestUpdateAt: '2027-04-20T09:00:00.000Z',
        latestUpdateBy: alice,
        risks: texts[(i + 2) % texts.length],
        supportNeeded: i % 5 === 0 ? HOSTILE.markup : undefined,
        evidence: i % 3 ? HOSTILE.emoji : undefined,
      }),
      id: `t${i}`,
      version: '1',
    }));
    const built = report({ tasks, objectives, rounds: [october, april] });
    let doc: ParsedDocx;
    let bytes: Uint8Array;
    before(async () => {
      bytes = await boardReportDocx(built);
      doc = await parseDocx(bytes);
    });

    it('is one well-formed document part with no placeholder left, in a zip whose entries pass their CRC check', async () => {
      assert.equal(wellFormed(doc.documentXml.replace(/^<\?xml[^>]*\?>/, '')), true);
      assert.doesNotMatch(doc.documentXml, /edi-table-/);
      assert.doesNotMatch(doc.documentXml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      for (const name of Object.keys(zip.files)) {
        const data = await zip.file(name)?.async('uint8array');
        if (data) assert.doesNotMatch(Buffer.from(data).toString('latin1'), /edi-table-/, `${name} holds no placeholder`);
        if (data && name.startsWith('word/media/')) assert.deepEqual([...data.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${name} is a PNG`);
      }
      assert.ok(zip.file('[Content_Types].xml') && zip.file('word/styles.xml') && Object.keys(zip.files).some((n) => n.startsWith('word/media/')));
    });

    it('gives back every owner\'s words as typed, less the characters XML cannot hold: markup, "]]>", emoji, spaces, long text', () => {
      const rows = built.sections.flatMap((s) => records(tablesOf(section(doc.blocks, s.ref === '–' ? s.title : `Objective ${s.ref}: ${s.title}`))[0]!));
      assert.equal(rows.length, tasks.length);
      for (const [i, r] of rows.entries()) {
        const task = tasks.find((t) => t.ref === r.Ref)!;
        assert.equal(r.Task, cleaned(task.title), `${r.Ref} title`);
        assert.ok(r['Latest update']!.endsWith(`\n${cleaned(task.latestUpdate!)}`), `${r.Ref} update (row ${i})`);
        assert.ok(r['Risks and support needed']!.startsWith(cleaned(task.risks!)), `${r.Ref} risks`);
        if (task.dueText) assert.ok(r.Due!.includes(`Plan: “${task.dueText.trim()}”`), `${r.Ref} due wording`);
      }
      assert.ok(rows.some((r) => r['Latest update']!.includes(HOSTILE.long)), 'the long update is whole');
      assert.ok(rows.some((r) => r.Owner === 'Bob <Manager> & "Co"'));
      assert.ok(headings1(doc.blocks).includes('Objective 1: Communities <&> "quoted" ]]> 🏳️‍🌈'), 'a heading docx wrote');
    });

    it('puts every task ref in exactly the tables it belongs in, and nowhere else', () => {
      const objectiveRefs = built.sections.map((s) => firstColumn(section(doc.blocks, s.ref === '–' ? s.title : `Objective ${s.ref}: ${s.title}`)));
      assert.deepEqual(objectiveRefs, built.sections.map((s) => s.rows.map((r) => r.ref)));
      assert.deepEqual(firstColumn(section(doc.blocks, 'Asked of the board')), built.askedOfBoard.map((r) => r.ref));
      assert.deepEqual(firstColumn(section(doc.blocks, 'Completed tasks')), built.completed.map((r) => r.ref));
      assert.deepEqual(firstColumn(section(doc.blocks, 'Overdue tasks')), built.overdue.map((r) => r.ref));
      const moved = [...built.summary.movement.down, ...built.summary.movement.up].map((m) => m.ref);
      const movement = tablesOf(section(doc.blocks, 'Summary')).find((t) => t.rows[0]!.cells[0] === 'Ref');
      assert.deepEqual(movement ? records(movement).map((r) => r.Ref) : [], moved);

      const everyFirstCell = tablesOf(doc.blocks).flatMap((t) => t.rows.slice(1).map((r) => r.cells[0]!));
      for (const t of tasks) {
        const expected = 1 + [built.askedOfBoard, built.completed, built.overdue].filter((list) => list.some((r) => r.ref === t.ref)).length + (moved.includes(t.ref) ? 1 : 0);
        assert.equal(everyFirstCell.filter((c) => c === t.ref).length, expected, t.ref);
      }
      const unfiled = section(doc.blocks, 'Tasks without an objective');
      assert.equal((unfiled.find((b) => b.kind === 'p') as DocxParagraph).text.startsWith('20 tasks'), true);
    });
  });
});
