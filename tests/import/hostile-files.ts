import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

/**
 * Hostile files, made in the test rather than committed: zips written by hand (so their size
 * fields can lie), a zip bomb streamed through deflate in 1 MB pieces, Word documents carrying a
 * DOCTYPE with external or recursive entities, and a 100 MB CSV written to a temporary file.
 */

export interface ZipPart {
  name: string;
  /** Already deflated (method 8) data, or stored bytes. */
  data: Buffer;
  deflated: boolean;
  crc: number;
  size: number;
  /** What the headers claim the part inflates to (a lie, for a bomb that hides its size). */
  claimedSize?: number;
  /** General-purpose flag bit 0: the zip's own (non-Office) encryption. */
  encrypted?: boolean;
}

export function part(name: string, text: string): ZipPart {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), deflated: true, crc: zlib.crc32(raw), size: raw.length };
}

/** `mb` megabytes of spaces, deflated as a stream: about 1 KB of zip per MB, and never all in memory. */
export async function bombPart(name: string, mb: number, claimedSize?: number): Promise<ZipPart> {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, data: Buffer.concat(out), deflated: true, crc, size: mb << 20, ...(claimedSize !== undefined && { claimedSize }) };
}

/** A zip archive from parts, local headers then the central directory, as any zip tool writes one. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.claimedSize ?? p.size;
    const header = (sig: number, len: number) => {
      const b = Buffer.alloc(len);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.encrypted ? 1 : 0, 6);
    local.writeUInt16LE(p.deflated ? 8 : 0, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = header(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(p.encrypted ? 1 : 0, 8);
    dir.writeUInt16LE(p.deflated ? 8 : 0, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(dir, name);
    offset += 30 + name.length + p.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** An .xlsx whose one sheet inflates to `mb` megabytes. */
export async function xlsxBomb(mb: number, claimedSize?: number): Promise<Buffer> {
  return zipOf([part('[Content_Types].xml', CONTENT_TYPES), part('xl/workbook.xml', '<workbook/>'), await bombPart('xl/worksheets/sheet1.xml', mb, claimedSize)]);
}

/** A real .docx whose document part starts with `doctype` and uses `&xxe;` in its text. */
export async function docxWithDoctype(doctype: string): Promise<Buffer> {
  const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Action: Publish the pay gap report'), new Paragraph('XXE_HERE')] }] }));
  const zip = await JSZip.loadAsync(doc);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`).replace('XXE_HERE', '&xxe;'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A CSV of `mb` megabytes at `file`, written a megabyte at a time. */
export function writeBigCsv(file: string, mb: number): void {
  const line = '1.1,Review the equality impact assessment template,Head of Policy,31/03/2026,Green\n';
  const block = line.repeat(Math.ceil((1 << 20) / line.length)).slice(0, 1 << 20);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, 'Ref,Task,Lead,Deadline,RAG\n');
    for (let i = 0; i < mb; i++) fs.writeSync(fd, block);
  } finally {
    fs.closeSync(fd);
  }
}

/** Resident set size sampled every 5 ms while `fn` runs: its peak, in MB. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: Math.round(peak / 1048576), startMb: Math.round(start / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
