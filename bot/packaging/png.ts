import zlib from 'node:zlib';

/**
 * Just enough PNG to draw the app's icons and to check icons against Teams' rules (size, and a
 * transparent white outline) without an image library: 8-bit RGBA out; 8-bit, non-interlaced in.
 */
export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row: red, green, blue, alpha. */
  pixels: Uint8Array;
}

export interface PngInfo extends RgbaImage {
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  hasAlpha: boolean;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none (zlib does the work; icons are small)
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/** Reads a PNG; throws an Error saying what is wrong with it in plain words. */
export function decodePng(bytes: Uint8Array): PngInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('is not a PNG file');
  let offset = 8;
  let ihdr: Buffer | undefined;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset + 12 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error('is a truncated PNG');
    if ((zlib.crc32(buf.subarray(offset + 4, offset + 8 + length)) >>> 0) !== buf.readUInt32BE(offset + 8 + length)) throw new Error(`is a damaged PNG (bad checksum in ${type})`);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!ihdr || data.length === 0) throw new Error('is a PNG without image data');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = [ihdr[8]!, ihdr[9]!, ihdr[10]!, ihdr[11]!, ihdr[12]!];
  if (bitDepth !== 8) throw new Error(`is a ${bitDepth}-bit PNG; save it with 8 bits per channel`);
  if (interlace !== 0) throw new Error('is an interlaced PNG; save it without interlacing');
  const channels = colorType === 3 ? 1 : CHANNELS[colorType];
  if (!channels) throw new Error(`has an unknown PNG colour type (${colorType})`);
  const rows = unfilter(zlib.inflateSync(Buffer.concat(data)), width, height, channels);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = rows.subarray(i * channels, i * channels + channels);
    const rgba =
      colorType === 6 ? [s[0]!, s[1]!, s[2]!, s[3]!]
      : colorType === 2 ? [s[0]!, s[1]!, s[2]!, 255]
      : colorType === 4 ? [s[0]!, s[0]!, s[0]!, s[1]!]
      : colorType === 0 ? [s[0]!, s[0]!, s[0]!, 255]
      : [palette?.[s[0]! * 3] ?? 0, palette?.[s[0]! * 3 + 1] ?? 0, palette?.[s[0]! * 3 + 2] ?? 0, transparency?.[s[0]!] ?? 255];
    pixels.set(rgba, i * 4);
  }
  const hasAlpha = colorType === 4 || colorType === 6 || (colorType === 3 && transparency !== undefined);
  return { width, height, colorType, hasAlpha, pixels };
}

/** Reverses PNG's per-row filters (none, sub, up, average, Paeth). */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) throw new Error('is a PNG with less image data than its size says');
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1;
      if (predictor < 0) throw new Error(`is a PNG with an unknown row filter (${filter})`);
      out[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
