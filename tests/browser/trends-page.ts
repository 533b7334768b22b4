/**
 * Reading the trends view's charts in the page, for tab-trends.test.ts: a chart's table
 * alternative, its drawn segments, and a contrast check of the drawing against its own background.
 */
import type { Page } from 'playwright-core';

export interface ShownTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

/** The table alternative of the chart with this spec id (read even while its disclosure is closed). */
export function chartTable(page: Page, chartId: string): Promise<ShownTable> {
  return page.locator(`figure[data-chart="${chartId}"] table`).evaluate((table) => ({
    caption: table.querySelector('caption')?.textContent ?? '',
    headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
  }));
}

export interface DrawnSegment {
  category: string | null;
  series: string | null;
  value: number;
  /** Its tooltip. */
  title: string | null;
  /** The number drawn on it, when it fits. */
  label: string | null;
}

export function chartSegments(page: Page, chartId: string): Promise<DrawnSegment[]> {
  return page.locator(`figure[data-chart="${chartId}"] svg g[data-series]`).evaluateAll((groups) =>
    groups.map((g) => ({
      category: g.getAttribute('data-category'),
      series: g.getAttribute('data-series'),
      value: Number(g.getAttribute('data-value')),
      title: g.querySelector('title')?.textContent ?? null,
      label: g.querySelector('text')?.textContent ?? null,
    })),
  );
}

/** The first number in a cell ("1,200 managers by 31 Mar 2027" → 1200), or null ("None"). */
export function numberIn(cell: string): number | null {
  const match = /-?\d+(\.\d+)?/.exec(cell.replace(/,/g, ''));
  return match ? Number(match[0]) : null;
}

/**
 * WCAG 1.4.11 and 1.4.3 inside each chart, with the colours the theme really resolved: every bar
 * (or its outline) 3:1 against the chart's background, the track's border and the "should be"
 * marker too, each number 4.5:1 on its segment, and other text 4.5:1 on the background.
 */
export async function chartContrastFailures(page: Page): Promise<string[]> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const failures: string[] = [];
    const check = (what: string, a: string, b: string, min: number) => {
      const r = ratio(a, b);
      if (r < min) failures.push(`${what}: ${a} on ${b} is ${r.toFixed(2)}:1, needs ${min}:1`);
    };
    for (const svg of document.querySelectorAll('main svg[role="img"]')) {
      const name = svg.closest('figure')?.getAttribute('data-chart') ?? '?';
      const background = getComputedStyle(svg.querySelector(':scope > rect')!).fill;
      const edgeOf = (rect: Element) => {
        const style = getComputedStyle(rect);
        const outlined = style.stroke !== 'none' && rgb(style.stroke).join() !== rgb(background).join();
        return outlined ? style.stroke : style.fill;
      };
      for (const g of svg.querySelectorAll('g[data-series]')) {
        const rect = g.querySelector('rect')!;
        check(`${name} ${g.getAttribute('data-series')} segment`, edgeOf(rect), background, 3);
        const label = g.querySelector('text');
        if (label) check(`${name} ${g.getAttribute('data-series')} number`, getComputedStyle(label).fill, getComputedStyle(rect).fill, 4.5);
      }
      for (const g of svg.querySelectorAll('g[data-row]')) {
        const [track, fill] = g.querySelectorAll('rect');
        check(`${name} track border`, getComputedStyle(track!).stroke, background, 3);
        if (fill) check(`${name} progress bar`, edgeOf(fill), background, 3);
        for (const marker of g.querySelectorAll('line')) check(`${name} marker`, getComputedStyle(marker).stroke, background, 3);
      }
      for (const text of svg.querySelectorAll('text')) {
        if (!text.closest('g[data-series]')) check(`${name} text "${text.textContent}"`, getComputedStyle(text).fill, background, 4.5);
      }
    }
    return failures;
  });
}
