import assert from 'node:assert/strict';
import { boardReportDocx } from '../../core/export/board-report-docx';
import { aprilReport, currentReport, LONG_UPDATE } from './board-report-fixture';
import { decodePng, headings1, isHeading, parseDocx, records, section, tablesOf, type DocxParagraph, type ParsedDocx } from './board-report-docx-support';

/**
 * The board paper as a Word file, parsed back: the document's shape (sections in the order the
 * board acts on them, heading styles, repeating header rows, header and footer with page numbers,
 * landscape A4), its charts (PNGs that decode, with alt text and a table of their figures), and
 * owners' text carried safely (control characters gone, a paragraph per line, markup escaped).
 */
describe('Board report DOCX: the document', () => {
  let current: ParsedDocx;
  let april: ParsedDocx;
  before(async () => {
    [current, april] = await Promise.all([boardReportDocx(currentReport()).then(parseDocx), boardReportDocx(aprilReport()).then(parseDocx)]);
  });

  it('is landscape A4 with sections as Heading 1, in order: the summary, then "Asked of the board" first after it', () => {
    assert.match(current.documentXml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    assert.deepEqual(headings1(current.blocks), [
      'How to read this report',
      'Summary',
      'Asked of the board',
      'Progress by objective and measure',
      'Objective 1: Understanding our communities',
      'Objective 2: A diverse workforce',
      'Completed tasks',
      'Overdue tasks',
      'Appendix: who has not responded',
    ]);
    const h1 = headings1(current.blocks);
    assert.equal(h1[h1.indexOf('Summary') + 1], 'Asked of the board');
    assert.ok(headings1(april.blocks).includes('Tasks without an objective'), 'a round report keeps lines of tasks since removed');
  });

  it('uses Word heading styles (Title, Heading1, Heading2) that the styles part defines, with outline levels for the navigation pane', async () => {
    const styles = (await current.zip.file('word/styles.xml')!.async('string')).replace(/\n/g, '');
    for (const id of ['Title', 'Heading1', 'Heading2']) assert.match(styles, new RegExp(`w:styleId="${id}"`), id);
    assert.match(styles, /w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
    assert.match(styles, /w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>/);
    assert.equal(current.blocks.filter((b) => b.kind === 'p' && b.style === 'Title').length, 1);
    const h2 = current.blocks.filter((b) => isHeading(b, 2)).map((b) => (b as DocxParagraph).text);
    assert.ok(h2.includes('RAG status at each update round') && h2.includes('Response rate') && h2.includes('Measures against target'), h2.join(' | '));
    assert.match(current.documentXml, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(current.documentXml, /<w:pStyle w:val="Heading2"\/>/);
  });

  it('starts the summary, "Asked of the board" and the appendix on new pages', () => {
    const starts = current.blocks.filter((b): b is DocxParagraph => isHeading(b, 1) && b.pageBreakBefore).map((b) => b.text);
    for (const title of ['Summary', 'Asked of the board', 'Appendix: who has not responded']) assert.ok(starts.includes(title), title);
  });

  it('has a header naming the council, plan and date, and a footer "Page X of Y" from PAGE and NUMPAGES fields', () => {
    assert.equal(current.headerText, 'Northvale District Council · EDI action plan 2026 to 2028 · Board report 10 May 2027');
    assert.match(current.footerXml, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple w:instr="\s*PAGE\s*"/);
    assert.match(current.footerXml, /<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>|<w:fldSimple w:instr="\s*NUMPAGES\s*"/);
    assert.match(current.footerText, /^Page .* of /);
  });

  it('repeats every table\'s header row on each page (w:tblHeader) and keeps short rows whole', () => {
    const tables = tablesOf(current.blocks);
    assert.ok(tables.length >= 10, `${tables.length} tables`);
    for (const t of tables) {
      assert.equal(t.rows[0]!.header, true, t.rows[0]!.cells.join(' | '));
      assert.ok(t.rows.slice(1).every((r) => !r.header), 'only the first row is a header');
    }
    const key = tablesOf(current.blocks)[1]!;
    assert.ok(key.rows.every((r) => r.cantSplit), 'the RAG key\'s rows stay whole');
  });

  it('embeds each chart as a PNG that decodes, with alt text (descr), a title and its figures in a table after it', () => {
    const images = current.blocks.flatMap((b) => (b.kind === 'p' ? b.images : []));
    assert.deepEqual(images.map((i) => i.name), ['rag-by-round', 'rag-by-objective', 'measures']);
    for (const image of images) {
      assert.ok(image.descr && image.descr.length > 20, `${image.name} has alt text`);
      assert.ok(image.title, `${image.name} has a title`);
      const png = current.media.get(`word/${image.target}`);
      assert.ok(png, `${image.target} is in word/media`);
      const { width, height, distinctBytes } = decodePng(png);
      assert.ok(width >= 1000 && width <= 2000 && height >= 100 && height <= 1400, `${image.name}: ${width}×${height}`);
      assert.ok(distinctBytes > 20, `${image.name} has something drawn on it`);
    }
    assert.match(images[0]!.descr!, /Stacked bars of tasks by RAG status at 2 closed update rounds/);
    assert.match(images[0]!.descr!, /Red 1/);

    const summary = section(current.blocks, 'Summary');
    const at = summary.findIndex((b) => b.kind === 'p' && b.images.length > 0);
    assert.match((summary[at + 1] as DocxParagraph).text, /The figures in "RAG status at each update round"/);
    const figures = records(summary[at + 2] as never);
    assert.deepEqual(figures.map((r) => [r.Round, r.Red, r.Amber, r.Total]), [['October update', '0', '1', '4'], ['April update', '1', '1', '7'], ['Today', '1', '2', '6']]);
  });

  it('carries owners\' text safely: control characters removed, a paragraph per line, markup and formulas as plain text, long text whole', () => {
    const xml = current.documentXml;
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/, 'no control characters');
    assert.ok(!xml.includes('<b>agreed'), 'markup is escaped');
    const objective1 = records(tablesOf(section(current.blocks, 'Objective 1: Understanding our communities'))[0]!);
    const [r11, r12] = objective1;
    assert.match(r11!['Latest update']!, /\nDraft <b>agreed<\/b> & sent to the board\.\nPublication booked for June\.$/);
    assert.match(r12!['Latest update']!, /\nSupplier pulled out\.\nA new tender is needed\.$/);
    assert.match(r12!['Risks and support needed']!, /^No budget for a new supplier\./);
    const objective2 = records(tablesOf(section(current.blocks, 'Objective 2: A diverse workforce'))[0]!);
    assert.match(objective2[0]!['Latest update']!, /\n=HYPERLINK\("http:\/\/evil\.example"\)$/);
    assert.ok(objective2[2]!['Latest update']!.endsWith(LONG_UPDATE), 'the long update is whole');
  });

  it('sets the document properties: title, subject (the council), author', async () => {
    const core = await current.zip.file('docProps/core.xml')!.async('string');
    assert.match(core, /<dc:title>EDI action plan 2026 to 2028: board report 10 May 2027<\/dc:title>/);
    assert.match(core, /<dc:subject>Northvale District Council<\/dc:subject>/);
    assert.match(core, /<dc:creator>Priya Shah<\/dc:creator>/);
  });
});
