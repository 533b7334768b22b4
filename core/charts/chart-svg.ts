import type { ChartSpec, StackedBarChart, TargetChart } from './chart-spec';
import { withoutControlCharacters } from '../export/cell-safety';

/**
 * Draws a chart spec as an SVG element tree: the tab renders the tree with React, the report
 * serialises it (svgMarkup) and rasterises it. Colours come from a palette, so the tab can pass
 * its theme's tokens (light, dark, high contrast) and the report a print palette. Attribute names
 * are React's (camelCase); svgMarkup writes them as SVG's.
 */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: (SvgNode | string)[];
}

export interface ChartPalette {
  background: string;
  text: string;
  subtleText: string;
  grid: string;
  /** The unfilled track behind progress bars, and the "should be here" marker. */
  track: string;
  marker: string;
  /** Fill per series or row key (RAG values), and the text colour that reads on it. */
  fills: Record<string, string>;
  fillText: Record<string, string>;
  fontFamily: string;
  /**
   * Optional: a border for a key's segments instead of the usual gap in the background colour
   * (a high-contrast theme draws "Not started" as an outlined box: it has no colour left to use).
   */
  outlines?: Record<string, string>;
  /** Optional: a border round the progress track, so the whole way to target stands out (WCAG 1.4.11). */
  trackBorder?: string;
}

/** For print (the Word report): fills that stand out from white paper, with numbers that read on them. */
export const PRINT_PALETTE: ChartPalette = {
  background: '#FFFFFF',
  text: '#201F1E',
  subtleText: '#484644',
  grid: '#C8C6C4',
  track: '#EDEBE9',
  // 3.5:1 on white, so the whole way to target shows on paper too.
  trackBorder: '#8A8886',
  marker: '#201F1E',
  // Every fill at least 3:1 on white (WCAG 1.4.11), and its numbers at least 4.5:1 on the fill (1.4.3).
  fills: { Red: '#C50F1F', Amber: '#C27C00', Green: '#107C10', Complete: '#0F6CBD', 'Not started': '#8A8886' },
  fillText: { Red: '#FFFFFF', Amber: '#201F1E', Green: '#FFFFFF', Complete: '#FFFFFF', 'Not started': '#201F1E' },
  fontFamily: 'Noto Sans, Segoe UI, Arial, sans-serif',
};

const WIDTH = 720;
const FONT = 12;
const LABEL_COLUMN = 230;

export function chartSvg(spec: ChartSpec, palette: ChartPalette): SvgNode {
  return spec.kind === 'stacked-bar' ? (spec.orientation === 'vertical' ? verticalBars(spec, palette) : horizontalBars(spec, palette)) : targetBars(spec, palette);
}

function frame(height: number, palette: ChartPalette, children: SvgNode[]): SvgNode {
  return {
    tag: 'svg',
    attrs: { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, fontFamily: palette.fontFamily, fontSize: FONT },
    children: [rect(0, 0, WIDTH, height, palette.background), ...children],
  };
}

function legend(entries: { key: string; label: string }[], palette: ChartPalette, y = 14): SvgNode[] {
  const nodes: SvgNode[] = [];
  let x = 8;
  for (const { key, label } of entries) {
    const outline = palette.outlines?.[key];
    nodes.push(rect(x, y - 10, 12, 12, palette.fills[key] ?? palette.grid, outline ? { stroke: outline, width: 1.5 } : undefined), text(x + 17, y, label, palette.text));
    x += 17 + label.length * 7 + 18;
  }
  return nodes;
}

function verticalBars(spec: StackedBarChart, palette: ChartPalette): SvgNode {
  const top = 44;
  const plotHeight = 220;
  const left = 44;
  const bottom = 52;
  const totals = spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const slot = (WIDTH - left - 8) / Math.max(1, spec.categories.length);
  const barWidth = Math.min(64, slot * 0.6);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const nodes: SvgNode[] = legend(spec.series, palette);
  for (const tick of ticks(max)) {
    nodes.push(line(left, y(tick), WIDTH - 8, y(tick), palette.grid), text(left - 6, y(tick) + 4, String(tick), palette.subtleText, 'end'));
  }
  spec.categories.forEach((category, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    for (const s of spec.series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const h = (v / max) * plotHeight;
      const label = h >= FONT + 2 && fits(String(v), barWidth) ? text(x + barWidth / 2, y(base + v) + h / 2 + 4, String(v), palette.fillText[s.key] ?? palette.text, 'middle') : undefined;
      nodes.push(segment({ series: s, category, value: v }, rect(x, y(base + v), barWidth, h, palette.fills[s.key] ?? palette.grid, edge(s.key, palette)), label));
      base += v;
    }
    nodes.push(text(x + barWidth / 2, y(totals[i]!) - 4, String(totals[i]), palette.text, 'middle', true));
    wrapLabel(category, 2, Math.max(8, Math.floor(slot / 7))).forEach((part, n) => nodes.push(text(x + barWidth / 2, top + plotHeight + 16 + n * 14, part, palette.text, 'middle')));
  });
  return frame(top + plotHeight + bottom, palette, nodes);
}

function horizontalBars(spec: StackedBarChart, palette: ChartPalette): SvgNode {
  const top = 32;
  const rowHeight = 30;
  const barHeight = 18;
  const plotWidth = WIDTH - LABEL_COLUMN - 48;
  const totals = spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const nodes: SvgNode[] = legend(spec.series, palette);
  spec.categories.forEach((category, i) => {
    const rowY = top + i * rowHeight;
    nodes.push(withTitle(text(LABEL_COLUMN - 8, rowY + barHeight / 2 + 4, truncate(category, 32), palette.text, 'end'), category));
    let x = LABEL_COLUMN;
    for (const s of spec.series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const w = (v / max) * plotWidth;
      const label = fits(String(v), w) ? text(x + w / 2, rowY + barHeight / 2 + 4, String(v), palette.fillText[s.key] ?? palette.text, 'middle') : undefined;
      nodes.push(segment({ series: s, category, value: v }, rect(x, rowY, w, barHeight, palette.fills[s.key] ?? palette.grid, edge(s.key, palette)), label));
      x += w;
    }
    nodes.push(text(x + 6, rowY + barHeight / 2 + 4, String(totals[i]), palette.text, 'start', true));
  });
  return frame(top + Math.max(1, spec.categories.length) * rowHeight + 8, palette, nodes);
}

function targetBars(spec: TargetChart, palette: ChartPalette): SvgNode {
  const top = 34;
  const rowHeight = 62;
  const barHeight = 16;
  const plotWidth = WIDTH - LABEL_COLUMN - 120;
  const nodes: SvgNode[] = [text(8, 16, 'Bar: the way from baseline (left) to target (right). Line: where the measure should be today.', palette.subtleText)];
  spec.rows.forEach((row, i) => {
    const rowY = top + i * rowHeight;
    const children: SvgNode[] = [
      withTitle(text(LABEL_COLUMN - 8, rowY + barHeight / 2 + 4, truncate(row.label, 32), palette.text, 'end'), row.label),
      rect(LABEL_COLUMN, rowY, plotWidth, barHeight, palette.track, palette.trackBorder ? { stroke: palette.trackBorder, width: 1 } : undefined),
    ];
    if (row.progress !== undefined && row.progress > 0) children.push(rect(LABEL_COLUMN, rowY, Math.min(1, row.progress) * plotWidth, barHeight, palette.fills[row.key] ?? palette.grid, edge(row.key, palette)));
    if (row.expected !== undefined) {
      const mx = LABEL_COLUMN + Math.min(1, Math.max(0, row.expected)) * plotWidth;
      children.push(line(mx, rowY - 4, mx, rowY + barHeight + 4, palette.marker, 2));
    }
    // The value beside the bar; the way from baseline to target, and the verdict, on two lines
    // below (one "41% of 50% by 31 Mar 2027" beside the bar ran off the chart's right edge).
    const way = row.baselineText === 'None' ? `No baseline; target ${row.targetText}` : `From ${row.baselineText} to ${row.targetText}`;
    children.push(text(LABEL_COLUMN + plotWidth + 8, rowY + barHeight / 2 + 4, truncate(row.latestText, 15), palette.text, 'start', true));
    children.push(text(LABEL_COLUMN, rowY + barHeight + 16, truncate(way, 72), palette.subtleText));
    children.push(text(LABEL_COLUMN, rowY + barHeight + 31, truncate(`${row.statusText}.`, 72), palette.subtleText));
    nodes.push({ tag: 'g', attrs: { 'data-row': row.label, ...(row.progress !== undefined && { 'data-progress': row.progress }) }, children });
  });
  return frame(top + Math.max(1, spec.rows.length) * rowHeight - 8, palette, nodes);
}

/** One bar segment, with its series, category and value for tooltips and tests, and its label when it fits. */
function segment(at: { series: { key: string; label: string }; category: string; value: number }, shape: SvgNode, label: SvgNode | undefined): SvgNode {
  return {
    tag: 'g',
    attrs: { 'data-series': at.series.key, 'data-category': at.category, 'data-value': at.value },
    children: [{ tag: 'title', attrs: {}, children: [`${at.category}: ${at.series.label} ${at.value}`] }, shape, ...(label ? [label] : [])],
  };
}

/** A gap in the background colour between neighbouring segments, so each meets 3:1 against what touches it; or the key's outline. */
function edge(key: string, palette: ChartPalette): { stroke: string; width: number } {
  const outline = palette.outlines?.[key];
  return outline ? { stroke: outline, width: 2 } : { stroke: palette.background, width: 2 };
}

function withTitle(node: SvgNode, title: string): SvgNode {
  return { ...node, children: [{ tag: 'title', attrs: {}, children: [title] }, ...(node.children ?? [])] };
}

/** Whether a number label fits inside a segment this wide (about 7px a digit at 12px, and a margin). */
function fits(label: string, width: number): boolean {
  return width >= label.length * 7 + 6;
}

function rect(x: number, y: number, width: number, height: number, fill: string, border?: { stroke: string; width: number } | false): SvgNode {
  const stroke = border ? `;stroke:${border.stroke};stroke-width:${border.width}` : '';
  return { tag: 'rect', attrs: { x: round(x), y: round(y), width: round(Math.max(0, width)), height: round(Math.max(0, height)), style: `fill:${fill}${stroke}` } };
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1): SvgNode {
  return { tag: 'line', attrs: { x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), style: `stroke:${stroke};stroke-width:${width}` } };
}

function text(x: number, y: number, content: string, fill: string, anchor: 'start' | 'middle' | 'end' = 'start', bold = false): SvgNode {
  return { tag: 'text', attrs: { x: round(x), y: round(y), textAnchor: anchor, style: `fill:${fill}${bold ? ';font-weight:bold' : ''}` }, children: [content] };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A round number at or above `n` for the value axis: 5, 10, 20, 50, 100, … */
function niceMax(n: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

function ticks(max: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => f * max).filter((t) => Number.isInteger(t));
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Up to `lines` lines of about `width` characters, the last one truncated. */
function wrapLabel(s: string, lines: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of s.split(/\s+/)) {
    if (current && (current + ' ' + word).length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  if (out.length <= lines) return out;
  return [...out.slice(0, lines - 1), truncate(out.slice(lines - 1).join(' '), width)];
}

const ATTRIBUTE_NAMES: Record<string, string> = { fontFamily: 'font-family', fontSize: 'font-size', textAnchor: 'text-anchor', viewBox: 'viewBox' };

/** The tree as SVG markup (for rasterising or embedding). */
export function svgMarkup(node: SvgNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${ATTRIBUTE_NAMES[k] ?? k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  return children.length ? `<${node.tag}${attrs}>${children.map(svgMarkup).join('')}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}

/** Markup characters escaped, and what XML cannot hold (a control character in a title) dropped: resvg refuses it. */
function escapeXml(s: string): string {
  return withoutControlCharacters(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
