import { makeStyles, tokens, typographyStyles, type GriffelStyle } from '@fluentui/react-components';
import { visuallyHidden } from './visually-hidden';

/**
 * Below this width of its own box, a task table stacks each row into a block (Teams mobile is
 * about 400px wide): RAG first, then ref and title, then the labelled owner, due date and latest
 * update. At or above it the table fits without scrolling sideways (its minimum width).
 */
const STACK_BELOW_PX = 800;
const STACKED = `@container (max-width: ${STACK_BELOW_PX - 0.02}px)`;
export const TABLE_MIN_WIDTH = `${STACK_BELOW_PX}px`;

// The stacked cell's visible label comes from data-label as generated content; its alternative
// text "" keeps it out of the accessibility tree, where the column header already names the cell
// (CSS Generated Content level 3; older engines take the first value and show the label only).
const stackLabel: GriffelStyle = {
  '::before': {
    content: ['attr(data-label)', 'attr(data-label) / ""'],
    ...typographyStyles.caption1Strong,
    color: tokens.colorNeutralForeground2,
    paddingTop: '2px',
  },
};

export const useTaskTableStyles = makeStyles({
  // The container the stacking query measures: the space the objective's card gives the table.
  scroller: {
    containerType: 'inline-size',
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: TABLE_MIN_WIDTH, [STACKED]: { display: 'block', minWidth: 0 } },
  caption: visuallyHidden,
  // Stacked, the column headers are still there for screen readers (each cell keeps its header).
  header: { [STACKED]: visuallyHidden },
  headerCell: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  body: { [STACKED]: { display: 'block' } },
  row: {
    [STACKED]: {
      display: 'grid',
      gridTemplateColumns: 'max-content minmax(0, 1fr)',
      gridTemplateAreas: '"rag rag" "ref title" "owners owners" "due due" "update update" "approval approval"',
      columnGap: tokens.spacingHorizontalS,
      rowGap: tokens.spacingVerticalS,
      paddingTop: tokens.spacingVerticalM,
      paddingBottom: tokens.spacingVerticalM,
    },
  },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    // Fluent gives table cells a fixed height, a minimum in a table but a cap on a block.
    [STACKED]: { display: 'block', height: 'auto', padding: 0, minWidth: 0 },
  },
  // Stacked: a label column beside the value, the same width in every row.
  labelled: {
    [STACKED]: {
      display: 'grid',
      gridTemplateColumns: '7.5rem minmax(0, 1fr)',
      columnGap: tokens.spacingHorizontalS,
      ...stackLabel,
    },
  },
  ref: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', [STACKED]: { gridArea: 'ref', alignSelf: 'start', ...typographyStyles.body1Strong } },
  title: { [STACKED]: { gridArea: 'title' } },
  owners: { [STACKED]: { gridArea: 'owners' } },
  due: { [STACKED]: { gridArea: 'due' } },
  rag: { [STACKED]: { gridArea: 'rag' } },
  update: { [STACKED]: { gridArea: 'update' } },
  approval: { [STACKED]: { gridArea: 'approval' } },
  titleLink: { overflowWrap: 'anywhere', textAlign: 'start' },
  status: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
  value: { minWidth: 0, overflowWrap: 'anywhere' },
  spacerRow: { [STACKED]: { display: 'block' } },
  spacer: { padding: 0, border: 'none', [STACKED]: { display: 'block' } },
});
