import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { clean, TABLE_TEXT_STYLE } from './docx-cells';

/**
 * What every Word paper the app writes shares (the board paper, the Equality Framework evidence
 * pack): A4 landscape with 2 cm margins, Arial, UK English proofing, Word's own Title, Heading 1
 * and Heading 2 styles (with outline levels, so they fill the navigation pane and a table of
 * contents), the small table text style, a running header and "Page 3 of 12" in the footer.
 */

const MARGIN = 1134; // 2 cm, in twentieths of a point
const FONT = 'Arial';

export function paperStyles() {
  // The outline level puts headings in Word's navigation pane and table of contents.
  const heading = (size: number, outlineLevel: number) => ({ run: { font: FONT, size, bold: true, color: '1F3864' }, paragraph: { outlineLevel, spacing: { before: 240, after: 120 } } });
  return {
    default: {
      document: { run: { font: FONT, size: 20, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 80 } } },
      title: { run: { font: FONT, size: 44, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(32, 0),
      heading2: heading(26, 1),
    },
    paragraphStyles: [{ id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: 18 }, paragraph: { spacing: { before: 0, after: 40 } } }],
  };
}

/** The section's page: landscape A4, 2 cm margins. */
export const LANDSCAPE_PAGE = { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 } } };

/** "Northvale District Council · EDI action plan · Board report 7 Dec 2026": the parts given, right-aligned. */
export function pageHeader(parts: readonly (string | undefined)[]): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: clean(parts.filter(Boolean).join(' · ')), size: 16, color: '484644' })] })] });
}

/** "Page 3 of 12": Word's PAGE and NUMPAGES fields. */
export function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, color: '484644', children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
  });
}
