import type { GriffelStyle } from '@fluentui/react-components';

/** Read by assistive technology, not shown (table captions whose heading is visible above). */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};
