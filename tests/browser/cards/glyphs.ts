/**
 * Which characters this Chromium cannot draw with the card's fonts: a character no installed font has
 * comes out as the same empty box as a code point that means nothing (U+0378 is unassigned), so
 * each is drawn on a canvas and compared, pixel for pixel, with that box.
 */
import type { Page } from 'playwright-core';
import { TEAMS_HOST_CONFIG } from './teams-host-config';

export async function missingGlyphs(page: Page, chars: string[]): Promise<string[]> {
  return page.evaluate(
    ({ chars, family }) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const draw = (c: string) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.font = `32px ${family}`;
        ctx.textBaseline = 'middle';
        ctx.fillText(c, 4, 24);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      const box = draw('\u0378');
      return chars.filter((c) => draw(c) === box);
    },
    { chars, family: TEAMS_HOST_CONFIG.fontTypes.default.fontFamily },
  );
}
