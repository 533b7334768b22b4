import { tokens, typographyStyles, type GriffelStyle } from '@fluentui/react-components';

/** The card every page section sits in (objectives, the round panel, the trends sections): one look, defined once. */
export const sectionCard: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
  padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusLarge,
};

/** A labelled list of a task's fields (term beside value), as the task panel and its measure show them. */
export const detailFields = {
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
} satisfies Record<string, GriffelStyle>;
