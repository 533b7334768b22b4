import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';

/**
 * What a Word paragraph's style says about it: a heading (and its level) or a list item. Style ids
 * are localised ("berschrift1"), so headings are known by the style's built-in name ("heading 1",
 * always English in the file) or its outline level; list styles by the numbering they carry.
 */

export interface ParagraphKind {
  heading?: number;
  list?: boolean;
}

interface StyleDef extends ParagraphKind {
  basedOn?: string;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => name === 'w:style' });

const val = (n: unknown): string | undefined => (n && typeof n === 'object' ? ((n as Node)['w:val'] as string | undefined) : undefined);

/** "heading 2" -> 2, "Title" -> 1; an outline level (0-based, 9 = body text) otherwise. */
export function headingLevel(name: string | undefined, outline: string | undefined): number | undefined {
  const m = /^heading\s*(\d)$/i.exec(name?.trim() ?? '');
  if (m) return Number(m[1]);
  if (/^title$/i.test(name?.trim() ?? '')) return 1;
  const o = outline === undefined ? NaN : Number(outline);
  return Number.isInteger(o) && o >= 0 && o < 9 ? o + 1 : undefined;
}

/** A numPr that numbers (numId 0 switches numbering off). */
export function numbers(numPr: unknown): boolean {
  if (!numPr || typeof numPr !== 'object') return false;
  const id = val((numPr as Node)['w:numId']);
  return id !== undefined ? id !== '0' : true;
}

function styleDef(s: Node): StyleDef {
  const pPr = (s['w:pPr'] ?? {}) as Node;
  const name = val(s['w:name']);
  const heading = headingLevel(name, val(pPr['w:outlineLvl']));
  const list = numbers(pPr['w:numPr']) || /^list (?:number|bullet)/i.test(name ?? '');
  return { ...(heading && { heading }), ...(list && { list }), ...(val(s['w:basedOn']) && { basedOn: val(s['w:basedOn']) }) };
}

/** Paragraph styles by id, with what they inherit (basedOn) folded in. */
export async function readParagraphStyles(zip: JSZip): Promise<Map<string, ParagraphKind>> {
  const out = new Map<string, ParagraphKind>();
  const file = zip.file('word/styles.xml');
  if (!file) return out;
  let styles: Node[];
  try {
    const doc = parser.parse(await file.async('string')) as Node;
    styles = ((doc['w:styles'] as Node | undefined)?.['w:style'] as Node[] | undefined) ?? [];
  } catch {
    return out; // a broken styles part only loses headings and lists, not the text
  }
  const defs = new Map<string, StyleDef>();
  for (const s of styles) if (s['w:type'] === 'paragraph' && typeof s['w:styleId'] === 'string') defs.set(s['w:styleId'], styleDef(s));
  for (const id of defs.keys()) {
    let kind: ParagraphKind = {};
    for (let d = defs.get(id), depth = 0; d && depth < 10; d = d.basedOn ? defs.get(d.basedOn) : undefined, depth++) {
      kind = { heading: kind.heading ?? d.heading, list: kind.list ?? d.list };
    }
    out.set(id, { ...(kind.heading && { heading: kind.heading }), ...(kind.list && { list: true }) });
  }
  return out;
}
