/**
 * Draws the app's icons (`npx tsx manifest/draw-icons.ts`): `color.png` 192×192, a white symbol on
 * the accent colour, and `outline.png` 32×32, the same symbol in white on transparent, as Teams
 * requires. The PNGs are committed; rerun this only to change the design.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from '../bot/packaging/png';

/** The manifest's accentColor, #3A5E8C. */
export const ACCENT = [0x3a, 0x5e, 0x8c] as const;

type Point = readonly [number, number];
interface Stroke {
  kind: 'segment';
  from: Point;
  to: Point;
}
interface Ring {
  kind: 'ring';
  centre: Point;
  radius: number;
}

/** A checklist: two ticked rows and one open row, in a unit square. */
const SYMBOL: Array<Stroke | Ring> = [
  { kind: 'segment', from: [0.06, 0.2], to: [0.13, 0.28] },
  { kind: 'segment', from: [0.13, 0.28], to: [0.28, 0.1] },
  { kind: 'segment', from: [0.42, 0.2], to: [0.94, 0.2] },
  { kind: 'segment', from: [0.06, 0.52], to: [0.13, 0.6] },
  { kind: 'segment', from: [0.13, 0.6], to: [0.28, 0.42] },
  { kind: 'segment', from: [0.42, 0.52], to: [0.94, 0.52] },
  { kind: 'ring', centre: [0.17, 0.83], radius: 0.1 },
  { kind: 'segment', from: [0.42, 0.83], to: [0.94, 0.83] },
];

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inSymbol(p: Point, halfWidth: number): boolean {
  return SYMBOL.some((s) =>
    s.kind === 'segment' ? distanceToSegment(p, s.from, s.to) <= halfWidth : Math.abs(Math.hypot(p[0] - s.centre[0], p[1] - s.centre[1]) - s.radius) <= halfWidth * 0.7,
  );
}

/** Symbol coverage per pixel, 0..1, supersampled 4×4 for smooth edges. */
function coverage(size: number, box: { x: number; y: number; size: number }, halfWidth: number): Float32Array {
  const out = new Float32Array(size * size);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n - box.x) / box.size;
          const v = (y + (sy + 0.5) / n - box.y) / box.size;
          if (inSymbol([u, v], halfWidth)) hits++;
        }
      }
      out[y * size + x] = hits / (n * n);
    }
  }
  return out;
}

export function drawColorIcon(): RgbaImage {
  const size = 192;
  const cover = coverage(size, { x: 40, y: 40, size: 112 }, 0.065);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = cover[i]!;
    pixels.set([...ACCENT.map((a) => Math.round(a + (255 - a) * c)), 255], i * 4);
  }
  return { width: size, height: size, pixels };
}

export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const cover = coverage(size, { x: 2, y: 3, size: 28 }, 0.075);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) pixels.set([255, 255, 255, Math.round(255 * cover[i]!)], i * 4);
  return { width: size, height: size, pixels };
}

if (require.main === module) {
  fs.writeFileSync(path.join(__dirname, 'color.png'), encodePng(drawColorIcon()));
  fs.writeFileSync(path.join(__dirname, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
}
