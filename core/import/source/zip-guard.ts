import zlib from 'node:zlib';
import { ImportFileError } from '../import-errors';

/**
 * Checks an .xlsx/.docx container before any library opens it: every entry is inflated once,
 * streamed and thrown away, counting the bytes it really gives (a zip's own size fields can lie),
 * so a "zip bomb" is refused after at most the cap, in bounded memory. XML parts with a document
 * type declaration are refused too: Word and Excel never write one, and it is how external and
 * recursive entities get in, so nothing in it is ever fetched or expanded.
 */

/** One part of a plan (a sheet, the document body) inflated. A 50,000-row sheet is about 35 MB. */
export const MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024;
/** All parts together. */
export const MAX_ZIP_TOTAL_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

const SAVE_AGAIN = 'Open it in Excel or Word, save it again and try again.';
const mb = (n: number) => `${n / 1048576} MB`;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  dataStart: number;
}

const damaged = (fileName: string) =>
  new ImportFileError('unreadable', `${fileName} looks like an Office file but is damaged (the zip container cannot be opened). Save it from Excel or Word as .xlsx, .docx or .csv and try again.`);

/** The end-of-central-directory record: searched for from the end (a comment may follow it). */
function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** Zip64 sizes and offset, when the 32-bit fields say 0xFFFFFFFF. */
function zip64Field(extra: Buffer, wanted: { compressed: boolean; offset: boolean; uncompressed: boolean }): { compressed?: number; offset?: number } {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(at));
        at += 8;
        return v;
      };
      if (wanted.uncompressed) next();
      const compressed = wanted.compressed ? next() : undefined;
      const offset = wanted.offset ? next() : undefined;
      return { compressed, offset };
    }
    i += 4 + size;
  }
  return {};
}

function readEntries(buf: Buffer, fileName: string): ZipEntry[] {
  const end = findEnd(buf);
  if (end < 0) throw damaged(fileName);
  const count = buf.readUInt16LE(end + 10);
  if (count > MAX_ENTRIES) throw new ImportFileError('too-large', `${fileName} holds more than ${MAX_ENTRIES} parts; it is not a plan we can import.`);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw damaged(fileName);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const extra = buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    let compressedSize = buf.readUInt32LE(at + 20);
    let offset = buf.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || offset === 0xffffffff) {
      const z = zip64Field(extra, { uncompressed: buf.readUInt32LE(at + 24) === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: offset === 0xffffffff });
      compressedSize = z.compressed ?? compressedSize;
      offset = z.offset ?? offset;
    }
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== 0x04034b50) throw damaged(fileName);
    const dataStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (dataStart + compressedSize > buf.length) throw damaged(fileName);
    entries.push({ name, method: buf.readUInt16LE(at + 10), flags: buf.readUInt16LE(at + 8), compressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Looks for "<!DOCTYPE" or "<!ENTITY" across chunk boundaries. */
class DeclarationScan {
  private tail = '';
  found = false;
  push(chunk: Buffer): void {
    if (this.found) return;
    const text = this.tail + chunk.toString('latin1');
    if (/<!\s*(?:doctype|entity)/i.test(text)) this.found = true;
    this.tail = text.slice(-16);
  }
}

/** Inflates one entry in 64 KB pieces, giving up as soon as it passes `limit`. */
function inflatedSize(data: Buffer, limit: number, scan?: DeclarationScan): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      scan?.push(chunk);
      if (total > limit || scan?.found) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', reject);
    inflate.end(data);
  });
}

const isXmlPart = (name: string) => /\.(?:xml|rels|vml)$/i.test(name);

export async function checkOfficeZip(bytes: Uint8Array, fileName: string): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(buf, fileName);
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new ImportFileError('password-protected', `${fileName} is password-protected, so it cannot be read. Open it, remove the password (File > Info > Protect), save it and try again.`);
    if (e.method !== 0 && e.method !== 8) throw new ImportFileError('unreadable', `${fileName} is compressed in a way Excel and Word do not use. ${SAVE_AGAIN}`);
    const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const scan = isXmlPart(e.name) ? new DeclarationScan() : undefined;
    const limit = Math.min(MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES - total);
    let size: number;
    if (e.method === 0) {
      size = data.length;
      scan?.push(data.subarray(0, 1024 * 1024));
    } else {
      size = await inflatedSize(data, limit, scan).catch(() => {
        throw damaged(fileName);
      });
    }
    if (scan?.found) {
      throw new ImportFileError('unsafe', `${fileName} contains a document type declaration (<!DOCTYPE> or <!ENTITY>) in "${e.name}". Excel and Word never write one, so the file was refused without reading it. ${SAVE_AGAIN}`);
    }
    if (size > MAX_ZIP_ENTRY_BYTES) throw new ImportFileError('too-large', `${fileName} expands to more than ${mb(MAX_ZIP_ENTRY_BYTES)} in one part ("${e.name}"); it is too large to import (or not a real plan).`);
    total += size;
    if (total > MAX_ZIP_TOTAL_BYTES) throw new ImportFileError('too-large', `${fileName} expands to more than ${mb(MAX_ZIP_TOTAL_BYTES)}; it is too large to import (or not a real plan).`);
  }
}
