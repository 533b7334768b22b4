import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A ZIP file (PKWARE APPNOTE 6.3: local file headers, the files' data, a central directory and its
 * end record; no ZIP64, as an OOXML package is far below 4 GB), as an Office package needs it.
 * Files are compressed with Node's zlib on libuv's thread pool, so a 20 MB document part neither
 * blocks the event loop nor waits on pako (JSZip's deflate took 0.6 s for 10 MB, zlib 40 ms);
 * files already compressed (PNGs) are stored.
 */
export interface ZipFile {
  path: string;
  /** The file's bytes, whole or in chunks (a long document part is never one buffer). */
  data: Uint8Array | readonly Uint8Array[];
  /** DEFLATE (method 8) when true; stored (method 0) when false. */
  compress: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: DEFLATE. Flag bit 11: names are UTF-8. DOS date 1980-01-01, time 00:00 (a fixed stamp keeps output reproducible). */
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Uint8Array;
  offset: number;
}

/** Raw DEFLATE of the chunks in turn, each compressed on the thread pool as the stream takes it. */
async function deflate(chunks: readonly Uint8Array[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(chunks), createDeflateRaw({ level: 6 }), collect);
  return Buffer.concat(out);
}

async function pack(file: ZipFile): Promise<Omit<Packed, 'offset'>> {
  const chunks = file.data instanceof Uint8Array ? [file.data] : file.data;
  const crc = chunks.reduce((c, chunk) => crc32(chunk, c), 0);
  const size = chunks.reduce((n, chunk) => n + chunk.length, 0);
  const body = file.compress ? await deflate(chunks) : Buffer.concat(chunks);
  if (size > 0xffffffff || body.length > 0xffffffff) throw new Error(`${file.path} is too large for a zip without ZIP64`);
  return { name: Buffer.from(file.path, 'utf8'), method: file.compress ? 8 : 0, crc, size, body };
}

/** The fields a local header and a central directory header share, from "version needed" to the name's length. */
function common(b: Buffer, at: number, p: Packed): void {
  b.writeUInt16LE(VERSION, at);
  b.writeUInt16LE(UTF8_NAMES, at + 2);
  b.writeUInt16LE(p.method, at + 4);
  b.writeUInt16LE(DOS_TIME, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(p.crc, at + 10);
  b.writeUInt32LE(p.body.length, at + 14);
  b.writeUInt32LE(p.size, at + 18);
  b.writeUInt16LE(p.name.length, at + 22);
  b.writeUInt16LE(0, at + 24); // extra field length
}

function localHeader(p: Packed): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(LOCAL_HEADER, 0);
  common(b, 4, p);
  return Buffer.concat([b, p.name]);
}

function centralHeader(p: Packed): Buffer {
  const b = Buffer.alloc(46); // comment length, disk number, internal and external attributes stay 0
  b.writeUInt32LE(CENTRAL_HEADER, 0);
  b.writeUInt16LE(VERSION, 4); // version made by
  common(b, 6, p);
  b.writeUInt32LE(p.offset, 42);
  return Buffer.concat([b, p.name]);
}

function endRecord(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The files zipped in the order given. */
export async function zipFiles(files: readonly ZipFile[]): Promise<Uint8Array> {
  const packed = await Promise.all(files.map(pack));
  const chunks: Uint8Array[] = [];
  const entries: Packed[] = [];
  let offset = 0;
  for (const p of packed) {
    const entry = { ...p, offset };
    const header = localHeader(entry);
    chunks.push(header, p.body);
    entries.push(entry);
    offset += header.length + p.body.length;
  }
  const central = entries.map(centralHeader);
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  return Buffer.concat([...chunks, ...central, endRecord(entries.length, centralSize, offset)]);
}
