import { decodePng } from './png';

/**
 * Teams' icon rules (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package):
 * a 192×192 full-colour PNG, and a 32×32 outline PNG that is white on a transparent background.
 * Returns problems in plain words; empty when the icon is fine.
 */
export function colorIconProblems(file: string, bytes: Uint8Array): string[] {
  try {
    const png = decodePng(bytes);
    return png.width === 192 && png.height === 192 ? [] : [`${file}: the colour icon must be 192x192 pixels, not ${png.width}x${png.height}`];
  } catch (err) {
    return [`${file}: ${(err as Error).message}`];
  }
}

export function outlineIconProblems(file: string, bytes: Uint8Array): string[] {
  let png;
  try {
    png = decodePng(bytes);
  } catch (err) {
    return [`${file}: ${(err as Error).message}`];
  }
  if (png.width !== 32 || png.height !== 32) return [`${file}: the outline icon must be 32x32 pixels, not ${png.width}x${png.height}`];
  if (!png.hasAlpha) return [`${file}: the outline icon needs a transparent background (save it as a PNG with transparency)`];
  let visible = 0;
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    const [r, g, b, a] = [png.pixels[i]!, png.pixels[i + 1]!, png.pixels[i + 2]!, png.pixels[i + 3]!];
    if (a === 0) transparent++;
    else {
      visible++;
      // Anti-aliased edges are white at partial opacity; any colour is against the rules.
      if (Math.min(r, g, b) < 240) coloured++;
    }
  }
  const problems: string[] = [];
  if (coloured > 0) problems.push(`${file}: the outline icon must be white only; ${coloured} pixel(s) have colour`);
  if (visible === 0) problems.push(`${file}: the outline icon is empty (every pixel is transparent)`);
  if (transparent === 0) problems.push(`${file}: the outline icon has no transparent pixels; its background must be transparent`);
  return problems;
}
