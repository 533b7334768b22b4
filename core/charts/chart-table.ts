import type { ChartSpec } from './chart-spec';

/** A chart's data as a table: the alternative for people who cannot see the chart, with the same numbers. */
export interface ChartTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

export function chartTable(spec: ChartSpec): ChartTable {
  if (spec.kind === 'stacked-bar') {
    return {
      caption: spec.title,
      headers: [spec.categoryLabel, ...spec.series.map((s) => s.label), 'Total'],
      rows: spec.categories.map((category, i) => {
        const values = spec.series.map((s) => s.values[i] ?? 0);
        return [category, ...values.map(String), String(values.reduce((a, b) => a + b, 0))];
      }),
    };
  }
  return {
    caption: spec.title,
    headers: [spec.categoryLabel, 'Baseline', 'Latest', 'Target', 'Status'],
    rows: spec.rows.map((r) => [r.label, r.baselineText, r.latestText, r.targetText, r.statusText]),
  };
}
