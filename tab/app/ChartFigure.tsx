import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { createElement, useId, useMemo, type ReactNode } from 'react';
import type { ChartSpec } from '../../core/charts/chart-spec';
import { chartSvg, type ChartPalette, type SvgNode } from '../../core/charts/chart-svg';
import { chartTable, type ChartTable } from '../../core/charts/chart-table';
import { useHorizontalOverflow } from './use-horizontal-overflow';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Scales with the card; the viewBox keeps the proportions. Forced colours would paint every
  // segment the same, so the theme's own high-contrast palette is kept instead.
  svg: { display: 'block', width: '100%', maxWidth: '840px', height: 'auto', forcedColorAdjust: 'none' },
  caption: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  details: { display: 'flex', flexDirection: 'column' },
  summary: {
    ...typographyStyles.body1Strong,
    alignSelf: 'flex-start',
    minHeight: '24px',
    display: 'flex',
    alignItems: 'center',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  scroller: { overflowX: 'auto', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  table: { borderCollapse: 'collapse', marginTop: tokens.spacingVerticalS, ...typographyStyles.body1, color: tokens.colorNeutralForeground1 },
  tableCaption: { ...typographyStyles.body1Strong, textAlign: 'start', paddingBottom: tokens.spacingVerticalXS },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** More columns for the table alternative only (e.g. each round's response rate), one value per row. */
export interface ExtraColumn {
  header: string;
  values: string[];
}

export interface ChartFigureProps {
  spec: ChartSpec;
  palette: ChartPalette;
  /** The visible heading that names the chart. */
  labelledBy: string;
  extraColumns?: ExtraColumn[];
}

/**
 * One chart spec drawn as SVG (the same drawing as the board report's), named by its heading and
 * described by its caption, with the same numbers as a real table under a disclosure: the table
 * stays in the page when closed, so find-in-page and tests reach it.
 */
export function ChartFigure({ spec, palette, labelledBy, extraColumns = [] }: ChartFigureProps) {
  const styles = useStyles();
  const captionId = useId();
  const svg = useMemo(() => chartSvg(spec, palette), [spec, palette]);
  const table = useMemo(() => withColumns(chartTable(spec), extraColumns), [spec, extraColumns]);
  const { width: _width, height: _height, ...rootAttrs } = svg.attrs;
  const root: SvgNode = { ...svg, attrs: { ...rootAttrs, role: 'img', 'aria-labelledby': labelledBy, 'aria-describedby': captionId, className: styles.svg } };

  return (
    <figure className={styles.figure} data-chart={spec.id}>
      {renderSvg(root, 'root')}
      <figcaption id={captionId} className={styles.caption}>
        {spec.description}
      </figcaption>
      <details className={styles.details}>
        <summary className={styles.summary}>Show the data as a table</summary>
        <DataTable table={table} />
      </details>
    </figure>
  );
}

function DataTable({ table }: { table: ChartTable }) {
  const styles = useStyles();
  const { ref, overflowing } = useHorizontalOverflow<HTMLDivElement>();
  const numeric = (cell: string) => /^[\d.,%\s–-]+$/.test(cell);
  return (
    <div ref={ref} className={styles.scroller} {...(overflowing && { tabIndex: 0, role: 'region', 'aria-label': table.caption })}>
      <table className={styles.table}>
        <caption className={styles.tableCaption}>{table.caption}</caption>
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col" className={mergeClasses(styles.cell, styles.header)}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([first = '', ...cells], i) => (
            <tr key={`${first}-${i}`}>
              <th scope="row" className={mergeClasses(styles.cell, styles.header)}>
                {first}
              </th>
              {cells.map((cell, j) => (
                <td key={j} className={mergeClasses(styles.cell, numeric(cell) && styles.number)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function withColumns(table: ChartTable, extra: ExtraColumn[]): ChartTable {
  if (extra.length === 0) return table;
  return { ...table, headers: [...table.headers, ...extra.map((c) => c.header)], rows: table.rows.map((row, i) => [...row, ...extra.map((c) => c.values[i] ?? '')]) };
}

/** chart-svg's tree as React elements; its `style` strings become style objects. */
function renderSvg(node: SvgNode | string, key: string): ReactNode {
  if (typeof node === 'string') return node;
  const { style, ...attrs } = node.attrs;
  const props: Record<string, unknown> = { ...attrs, key };
  if (typeof style === 'string') props.style = styleObject(style);
  return createElement(node.tag, props, ...(node.children ?? []).map((child, i) => renderSvg(child, `${key}.${i}`)));
}

function styleObject(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const declaration of css.split(';')) {
    const at = declaration.indexOf(':');
    if (at <= 0) continue;
    const name = declaration.slice(0, at).trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = declaration.slice(at + 1).trim();
  }
  return out;
}
