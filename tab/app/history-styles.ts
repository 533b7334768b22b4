import { tokens, typographyStyles, type GriffelStyle } from '@fluentui/react-components';

/** A task's lists of things that happened (updates, comments, changes): one look, defined once. */
export const historyList = {
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  text: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
} satisfies Record<string, GriffelStyle>;
