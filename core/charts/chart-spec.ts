/**
 * A chart as data: what it shows, independent of where it is drawn. One definition is drawn as
 * SVG in the tab (tab/app/ChartFigure.tsx) and as a PNG in the board report (core/export), and
 * read as a table (chart-table.ts) by people who cannot see it: the same numbers everywhere.
 */

/** Bars of stacked segments: RAG mix per round (vertical) or per objective (horizontal). */
export interface StackedBarChart {
  kind: 'stacked-bar';
  id: string;
  title: string;
  /** The accessible name's detail and the report's alt text: what is shown and its main figures. */
  description: string;
  orientation: 'vertical' | 'horizontal';
  /** Header of the category column in the table alternative ("Round", "Objective"). */
  categoryLabel: string;
  categories: string[];
  /** One series per segment, in stacking order; `key` picks its colour (a RAG value). */
  series: { key: string; label: string; values: number[] }[];
  /** What the numbers count ("Tasks"). */
  valueLabel: string;
}

/** Horizontal bars from baseline (0%) to target (100%), with a tick where the value should be now. */
export interface TargetChart {
  kind: 'progress-to-target';
  id: string;
  title: string;
  description: string;
  categoryLabel: string;
  rows: TargetChartRow[];
}

export interface TargetChartRow {
  label: string;
  /** Fraction of the way from baseline to target (undefined: no value yet or no baseline). */
  progress?: number;
  /** Fraction of the way the value should be today. */
  expected?: number;
  /** Key for the bar's colour: the RAG the tolerances suggest, else "Not started". */
  key: string;
  /** Cells for the table alternative and labels: "Baseline 38%", "Latest 41%", "Target 50%". */
  baselineText: string;
  latestText: string;
  targetText: string;
  statusText: string;
}

export type ChartSpec = StackedBarChart | TargetChart;
