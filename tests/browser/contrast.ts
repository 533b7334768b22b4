/**
 * A small WCAG 2.2 colour-contrast check run in the page, stricter than axe's: it also checks
 * text axe cannot decide on (over semi-transparent backgrounds).
 * For every element with its own visible text, compares its text colour with the background
 * it is painted on (walking up through transparent ancestors) against the AA thresholds.
 */
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

export async function findContrastFailures(page: Page, rootSelector = 'main'): Promise<ContrastFailure[]> {
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
  // helper that exists in Node but not in the page; give the page a no-op one.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m || !m[1]) return [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const backgroundOf = (el: Element | null): Rgba => {
      if (!el) return [255, 255, 255, 1];
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg[3] >= 1) return bg;
      const below = backgroundOf(el.parentElement);
      return bg[3] === 0 ? below : over(bg, below);
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };

    const failures: ContrastFailure[] = [];
    const root = document.querySelector(selector);
    for (const el of root ? [root, ...root.querySelectorAll('*')] : []) {
      const ownText = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (!ownText || style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
      // WCAG 1.4.3 exempts text of inactive (disabled) controls.
      if (el.closest('[aria-disabled="true"], :disabled')) continue;

      const background = backgroundOf(el);
      const color = over(parse(style.color), background);
      const [hi, lo] = [luminance(color), luminance(background)].sort((x, y) => y - x) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const px = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = px >= 24 || (bold && px >= 18.66);
      const required = large ? 3 : 4.5;
      if (ratio < required) {
        failures.push({
          text: ownText.slice(0, 60),
          ratio: Math.round(ratio * 100) / 100,
          required,
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        });
      }
    }
    return failures;
  }, rootSelector);
}
