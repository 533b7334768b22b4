import { sectionCard } from './shared-styles';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, useMemo, type ReactNode } from 'react';
import type { ChartPalette } from '../../core/charts/chart-svg';
import { measuresChart, objectiveRagChart, ragByRoundChart } from '../../core/charts/trend-charts';
import type { TrendsView } from './api-types';
import { chartPaletteFor } from './chart-palette';
import { ChartFigure, type ExtraColumn } from './ChartFigure';
import { formatIsoDate } from './format';
import { LoadedView } from './LoadedView';
import type { HostThemeName } from './teams-host';
import { TrendsMovers } from './TrendsMovers';
import { useTrends } from './use-trends';

const useStyles = makeStyles({
  asAt: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  section: {
    ...sectionCard,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, color: tokens.colorNeutralForeground1 },
  text: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground1 },
  list: { ...typographyStyles.body1, margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground1 },
});

export interface TrendsPageProps {
  theme: HostThemeName;
  /** Opens a task in the plan's task panel. */
  onOpenTask: (taskId: string) => void;
}

/** `?view=trends`: the plan over time, loaded when this view is shown (the plan view never asks for it). */
export function TrendsPage({ theme, onOpenTask }: TrendsPageProps) {
  const styles = useStyles();
  const { state, retry } = useTrends();
  const palette = useMemo(() => chartPaletteFor(theme), [theme]);

  return (
    <LoadedView state={state} onRetry={retry} loading="Loading the trends…" failed="The trends could not be loaded.">
      {(trends) => (
        <>
          <p className={styles.asAt}>Trends as at {formatIsoDate(trends.today)}</p>
          <RagByRound trends={trends} palette={palette} />
          <ObjectiveProgressSection trends={trends} palette={palette} />
          <TrendSection title={trends.movers.since ? `Movers since ${trends.movers.since.name}` : 'Movers'}>
            {() => <TrendsMovers movers={trends.movers} onOpenTask={onOpenTask} />}
          </TrendSection>
          <Measures trends={trends} palette={palette} />
        </>
      )}
    </LoadedView>
  );
}

/** A card with an h2; the body gets the heading's id to name its chart. */
function TrendSection({ title, children }: { title: string; children: (headingId: string) => ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children(headingId)}
    </section>
  );
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function RagByRound({ trends, palette }: { trends: TrendsView; palette: ChartPalette }) {
  const styles = useStyles();
  const points = trends.ragByRound;
  const spec = useMemo(() => ragByRoundChart(points), [points]);
  const extra = useMemo<ExtraColumn[]>(() => [{ header: 'Response rate', values: points.map((p) => (p.responseRate === undefined ? 'No round open' : percent(p.responseRate))) }], [points]);
  const empty = points.every((p) => p.total === 0);
  return (
    <TrendSection title={spec.title}>
      {(headingId) =>
        empty ? (
          <p className={styles.text}>The plan has no tasks yet, so there is nothing to chart.</p>
        ) : (
          <>
            {points.length <= 1 && <p className={styles.text}>No update round has closed yet, so the chart shows today only.</p>}
            <ChartFigure spec={spec} palette={palette} labelledBy={headingId} extraColumns={extra} />
          </>
        )
      }
    </TrendSection>
  );
}

function ObjectiveProgressSection({ trends, palette }: { trends: TrendsView; palette: ChartPalette }) {
  const styles = useStyles();
  const { objectives } = trends;
  const spec = useMemo(() => objectiveRagChart(objectives), [objectives]);
  const extra = useMemo<ExtraColumn[]>(() => [{ header: 'Complete (%)', values: objectives.map((o) => `${o.percentComplete}%`) }], [objectives]);
  return (
    <TrendSection title="Progress by objective">
      {(headingId) =>
        objectives.length === 0 ? (
          <p className={styles.text}>No objective has any tasks yet.</p>
        ) : (
          <>
            <ul className={styles.list} aria-label="Share of each objective's tasks complete">
              {objectives.map((o) => (
                <li key={o.ref} data-objective={o.ref}>
                  <strong>{o.percentComplete}% complete</strong>: {o.ref}. {o.title} ({o.complete} of {o.total} {o.total === 1 ? 'task' : 'tasks'})
                </li>
              ))}
            </ul>
            <ChartFigure spec={spec} palette={palette} labelledBy={headingId} extraColumns={extra} />
          </>
        )
      }
    </TrendSection>
  );
}

function Measures({ trends, palette }: { trends: TrendsView; palette: ChartPalette }) {
  const styles = useStyles();
  const { measures } = trends;
  const spec = useMemo(() => measuresChart(measures), [measures]);
  return (
    <TrendSection title={spec.title}>
      {(headingId) =>
        measures.length === 0 ? (
          <p className={styles.text}>No task has a measure with a target yet.</p>
        ) : (
          <ChartFigure spec={spec} palette={palette} labelledBy={headingId} />
        )
      }
    </TrendSection>
  );
}
