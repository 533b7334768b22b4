import type { ChartSpec, StackedBarChart, TargetChart } from '../charts/chart-spec';
import { chartTable } from '../charts/chart-table';
import { measuresChart, objectiveRagChart } from '../charts/trend-charts';
import type { MeasureTrend, ObjectiveProgress } from '../trends/plan-trends';
import type { ChartImage } from './chart-png';
import { clean, columns, para, Picture, textTable, type Block } from './docx-cells';
import { nextTurn } from './wordml';

/**
 * Charts in the paper: each spec (the one the tab draws) as a PNG with its description as alt
 * text, then its figures as a table for anyone who cannot see it. Long charts are drawn in parts
 * that fit a page; the table after them holds every row.
 */
export type RenderChart = (spec: ChartSpec) => ChartImage | Promise<ChartImage>;

/** The largest a chart is shown, in CSS pixels: landscape A4's text width and most of its height. */
const MAX_WIDTH = 900;
const MAX_HEIGHT = 540;
/** Rows per drawn part, so each part fits a page; and at most this many parts (the table lists the rest). */
const OBJECTIVES_PER_CHART = 15;
const MEASURES_PER_CHART = 8;
const MAX_PARTS = 6;

/**
 * `render`, at most `limit` charts at a time, in the order asked. resvg renders on libuv's thread
 * pool (4 threads): on a 2-core server, 4 renders at once would take the main thread's core too.
 */
export function renderingAtMost(limit: number, render: RenderChart): RenderChart {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (spec) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // handed a running slot
    try {
      return await render(spec);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

export async function chartImage(spec: ChartSpec, render: RenderChart): Promise<Picture> {
  const image = await render(spec);
  const scale = Math.min(1, MAX_WIDTH / image.width, MAX_HEIGHT / image.height);
  return new Picture(image.png, Math.round(image.width * scale), Math.round(image.height * scale), { name: spec.id, title: clean(spec.title), description: clean(spec.description) });
}

/** The chart's figures as a table, introduced for screen reader users. */
export function chartData(spec: ChartSpec): Block[] {
  const data = chartTable(spec);
  const widths = spec.kind === 'stacked-bar' ? columns(4, ...data.headers.slice(1).map(() => 1)) : columns(3, 1, 1, 2, 3);
  return [...para(`The figures in "${data.caption}":`), textTable(data.headers, data.rows, widths)];
}

/** One chart and its figures. */
export async function chartFigure(spec: ChartSpec, render: RenderChart): Promise<Block[]> {
  return [await chartImage(spec, render), ...chartData(spec)];
}

export async function objectiveFigure(objectives: ObjectiveProgress[], render: RenderChart): Promise<Block[]> {
  await nextTurn(); // the specs of a long plan take a while to build: not in the caller's turn
  return inParts(objectiveRagChart(objectives), chunks(objectives, OBJECTIVES_PER_CHART), objectiveRagChart, objectives.length, 'objectives', render);
}

export async function measuresFigure(measures: MeasureTrend[], render: RenderChart): Promise<Block[]> {
  await nextTurn();
  return inParts(measuresChart(measures), chunks(measures, MEASURES_PER_CHART), measuresChart, measures.length, 'measures', render);
}

/** The whole chart, or its first MAX_PARTS parts (only those are built and drawn), then the table of every row. */
async function inParts<T>(whole: StackedBarChart | TargetChart, parts: T[][], specOf: (part: T[]) => ChartSpec, count: number, noun: string, render: RenderChart): Promise<Block[]> {
  if (parts.length <= 1) return chartFigure(whole, render);
  const drawn = parts.slice(0, MAX_PARTS);
  const shown = drawn.reduce((n, p) => n + p.length, 0);
  const images = await Promise.all(drawn.map((p, i) => chartImage({ ...specOf(p), title: `${whole.title} (part ${i + 1} of ${drawn.length})` }, render)));
  const note = shown < count ? para(`The charts show the first ${shown} of ${count} ${noun}, in ref order; the table below lists all ${count}.`) : [];
  return [...images, ...note, ...chartData(whole)];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
