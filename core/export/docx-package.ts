import { randomUUID } from 'node:crypto';
import { ImageRun, Packer, Paragraph, type Document } from 'docx';
import JSZip from 'jszip';
import { Picture, type Block } from './docx-cells';
import { nextTurn, tableXml, XmlTable } from './wordml';
import { zipFiles, type ZipFile } from './zip-package';

/**
 * Writes the paper as a .docx. `docx` builds the skeleton: styles, numbering, header and footer
 * (with their PAGE and NUMPAGES fields), the cover, headings, prose and the charts' drawings (with
 * their alt text), with a placeholder paragraph where each table goes. The tables, written as
 * WordprocessingML (wordml.ts), replace their placeholders in word/document.xml, and the package
 * is zipped again with Node's zlib. (docx's `Packer.toBuffer(doc, prettify, overrides)` can only
 * replace a part whole, and the document part has to keep what docx wrote, such as the images'
 * relationship ids and the section properties: so the part is spliced instead.)
 */

/** Each table written in turn, yielding between slices (tableXml), keyed by the table. */
export async function writeTables(blocks: readonly Block[]): Promise<Map<XmlTable, Buffer[]>> {
  const written = new Map<XmlTable, Buffer[]>();
  for (const block of blocks) {
    if (!(block instanceof XmlTable)) continue;
    written.set(block, await tableXml(block));
    await nextTurn();
  }
  return written;
}

/** A placeholder's text (a table's paragraph, a picture's bytes): unguessable, so no owner's words can be taken for it. */
function placeholderText(marker: string, i: number): string {
  return `${marker}${i}.`;
}

/** word/document.xml, in chunks, with each placeholder paragraph (the w:p holding its text) replaced by its table. */
export function splice(documentXml: string, marker: string, tableAt: (i: number) => readonly Buffer[]): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = documentXml.indexOf(marker); at >= 0; at = documentXml.indexOf(marker, at + marker.length)) {
    const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
    const end = documentXml.indexOf('</w:p>', at);
    const index = Number.parseInt(documentXml.slice(at + marker.length), 10);
    if (start < from || end < 0 || documentXml.lastIndexOf('</w:p>', at) > start) throw new Error('A table placeholder is not a paragraph of its own');
    parts.push(Buffer.from(documentXml.slice(from, start), 'utf8'), ...tableAt(index));
    from = end + '</w:p>'.length;
  }
  parts.push(Buffer.from(documentXml.slice(from), 'utf8'));
  return parts;
}

/** A picture as docx takes it: a paragraph kept with the next (its figures), holding the image with its alt text. */
function pictureParagraph(p: Picture, data: Uint8Array): Paragraph {
  return new Paragraph({ keepNext: true, children: [new ImageRun({ type: 'png', data, transformation: { width: p.width, height: p.height }, altText: p.alt })] });
}

/**
 * The .docx: `document` builds docx's Document around the given children (the blocks; each table
 * a placeholder paragraph, each picture's bytes a placeholder), `tables` holds each table's XML
 * (writeTables). docx writes a picture's bytes as its media part (word/media/…), so the part
 * holding a placeholder is given the picture's PNG.
 */
export async function docxPackage(blocks: readonly Block[], tables: ReadonlyMap<XmlTable, readonly Buffer[]>, document: (children: Paragraph[]) => Document): Promise<Uint8Array> {
  const marker = `edi-table-${randomUUID()}-`;
  const children = blocks.map((b, i) => (b instanceof XmlTable ? new Paragraph({ text: placeholderText(marker, i) }) : b instanceof Picture ? pictureParagraph(b, Buffer.from(placeholderText(marker, i))) : b));
  const skeleton = await JSZip.loadAsync(await Packer.toBuffer(document(children)));
  const blockAt = <T>(i: number, kind: new (...args: never[]) => T): T => {
    const block = blocks[i];
    if (!(block instanceof kind)) throw new Error(`Placeholder ${i} is not a ${kind.name}`);
    return block;
  };
  const tableAt = (i: number) => {
    const xml = tables.get(blockAt(i, XmlTable));
    if (xml === undefined) throw new Error(`Table ${i} was not written`);
    return xml;
  };
  const body = splice(await skeleton.file('word/document.xml')!.async('string'), marker, tableAt);
  const files = await Promise.all(
    Object.values(skeleton.files)
      .filter((f) => !f.dir)
      .map(async (f): Promise<ZipFile> => {
        if (f.name === 'word/document.xml') return { path: f.name, data: body, compress: true };
        const data = await f.async('uint8array');
        if (!f.name.startsWith('word/media/')) return { path: f.name, data, compress: true };
        const text = Buffer.from(data).toString('latin1');
        // PNGs are compressed already: stored as they are.
        return { path: f.name, data: text.startsWith(marker) ? blockAt(Number.parseInt(text.slice(marker.length), 10), Picture).png : data, compress: false };
      }),
  );
  return zipFiles(files);
}
