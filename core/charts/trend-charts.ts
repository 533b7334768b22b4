import { RAG_VALUES } from '../model';
import { formatMeasureValue } from '../measures/measure-rules';
import { formatDate } from '../plan/london-time';
import type { MeasureTrend, ObjectiveProgress, RagPoint } from '../trends/plan-trends';
import type { StackedBarChart, TargetChart } from './chart-spec';

/**
 * The plan's charts, defined once: the tab's trends view and the board report draw these same
 * specs, so the picture and its table alternative hold the same numbers in both.
 */

const RAG_SERIES_ORDER = ['Complete', 'Green', 'Not started', 'Amber', 'Red'] as const satisfies readonly (typeof RAG_VALUES)[number][];

export function ragByRoundChart(points: RagPoint[]): StackedBarChart {
  const latest = points.at(-1);
  const first = points[0];
  const figures = latest ? RAG_SERIES_ORDER.map((rag) => `${rag} ${latest.byRag[rag]}`).join(', ') : '';
  return {
    kind: 'stacked-bar',
    id: 'rag-by-round',
    title: 'RAG status at each update round',
    description:
      points.length <= 1
        ? `Stacked bar of tasks by RAG status today: ${figures}.`
        : `Stacked bars of tasks by RAG status at ${points.length - 1} closed update ${points.length === 2 ? 'round' : 'rounds'} (from ${first!.label}) and today. Today: ${figures}.`,
    orientation: 'vertical',
    categoryLabel: 'Round',
    categories: points.map((p) => p.label),
    series: RAG_SERIES_ORDER.map((rag) => ({ key: rag, label: rag, values: points.map((p) => p.byRag[rag]) })),
    valueLabel: 'Tasks',
  };
}

export function objectiveRagChart(objectives: ObjectiveProgress[]): StackedBarChart {
  return {
    kind: 'stacked-bar',
    id: 'rag-by-objective',
    title: 'RAG status by objective today',
    description: `Horizontal stacked bars of each objective's tasks by RAG status. ${objectives.map((o) => `Objective ${o.ref}: ${o.total} tasks, ${o.percentComplete}% complete`).join('; ')}.`,
    orientation: 'horizontal',
    categoryLabel: 'Objective',
    categories: objectives.map((o) => `${o.ref}. ${o.title}`),
    series: RAG_SERIES_ORDER.map((rag) => ({ key: rag, label: rag, values: objectives.map((o) => o.byRag[rag]) })),
    valueLabel: 'Tasks',
  };
}

export function measuresChart(measures: MeasureTrend[]): TargetChart {
  const rows = measures.map((m) => {
    const value = (n: number | undefined) => (n === undefined ? 'None' : formatMeasureValue(n, m.unit));
    const status = m.latest === undefined ? 'No value given yet' : m.suggested ? `${m.suggested}: should be ${value(round2(m.expectedNow))} now` : `Should be ${value(round2(m.expectedNow))} now`;
    return {
      label: `${m.ref} ${m.name}`,
      ...(m.progress !== undefined && { progress: m.progress }),
      ...(m.expectedProgress !== undefined && { expected: m.expectedProgress }),
      key: m.suggested ?? 'Not started',
      baselineText: value(m.baseline),
      latestText: value(m.latest?.value),
      targetText: `${value(m.target)}${m.targetDate ? ` by ${formatDate(m.targetDate)}` : ''}`,
      statusText: status,
    };
  });
  return {
    kind: 'progress-to-target',
    id: 'measures',
    title: 'Measures against target',
    description: `Progress from baseline to target for ${measures.length} ${measures.length === 1 ? 'measure' : 'measures'}. ${rows.map((r) => `${r.label}: ${r.latestText}, target ${r.targetText}`).join('; ')}.`,
    categoryLabel: 'Measure',
    rows,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
