import { tokens } from '@fluentui/react-components';
import type { ChartPalette } from '../../core/charts/chart-svg';
import type { HostThemeName } from './teams-host';

/**
 * The charts' colours for each Teams theme, as Fluent tokens (CSS variables the provider sets, so
 * chart-svg's `style="fill:…"` follows the theme). The tokens differ per theme because one token
 * does not meet the contrast rules on both a white and a dark card: every fill here is at least
 * 3:1 against the card (WCAG 1.4.11) and its number at least 4.5:1 on the fill (1.4.3).
 *
 * Light, on #ffffff: Complete #5b5fc7, Green #107c10, Not started #616161, Red #c50f1f with white
 * numbers; Amber #f7630c (3.3:1) with #242424 numbers (4.7:1).
 * Dark, on #292929: Complete #7f85f5, Green #54b054, Not started #adadad, Amber #f7630c, Red
 * #e37d80, all with #242424 numbers.
 * High contrast has only Teams' own colours (white, yellow, cyan, green on black): each status
 * takes one, "Not started" is an outlined black box, and black numbers sit on the bright fills.
 */
const SHARED = {
  background: tokens.colorNeutralBackground1,
  text: tokens.colorNeutralForeground1,
  subtleText: tokens.colorNeutralForeground2,
  grid: tokens.colorNeutralStroke2,
  track: tokens.colorNeutralBackground3,
  trackBorder: tokens.colorNeutralStrokeAccessible,
  marker: tokens.colorNeutralForeground1,
  // The page's own font (chart-svg sets it as an attribute, where var() does not work).
  fontFamily: 'inherit',
};

const PALETTES: Record<HostThemeName, ChartPalette> = {
  default: {
    ...SHARED,
    fills: {
      Complete: tokens.colorBrandBackground,
      Green: tokens.colorStatusSuccessBackground3,
      'Not started': tokens.colorNeutralForeground3,
      Amber: tokens.colorStatusWarningBackground3,
      Red: tokens.colorStatusDangerBackground3,
    },
    fillText: {
      Complete: tokens.colorNeutralForegroundOnBrand,
      Green: tokens.colorNeutralForegroundOnBrand,
      'Not started': tokens.colorNeutralForegroundOnBrand,
      Amber: tokens.colorNeutralForeground1Static,
      Red: tokens.colorNeutralForegroundOnBrand,
    },
  },
  dark: {
    ...SHARED,
    fills: {
      Complete: tokens.colorBrandForeground1,
      Green: tokens.colorStatusSuccessForeground1,
      'Not started': tokens.colorNeutralForeground3,
      Amber: tokens.colorStatusWarningBackground3,
      Red: tokens.colorPaletteRedForeground1,
    },
    fillText: {
      Complete: tokens.colorNeutralForeground1Static,
      Green: tokens.colorNeutralForeground1Static,
      'Not started': tokens.colorNeutralForeground1Static,
      Amber: tokens.colorNeutralForeground1Static,
      Red: tokens.colorNeutralForeground1Static,
    },
  },
  contrast: {
    ...SHARED,
    track: tokens.colorNeutralBackground1,
    fills: {
      // #1aebff, #3ff23f, #000000 (outlined), #ffff00, #ffffff in teamsHighContrastTheme.
      Complete: tokens.colorCompoundBrandBackground,
      Green: tokens.colorNeutralForegroundDisabled,
      'Not started': tokens.colorNeutralBackground1,
      Amber: tokens.colorBrandForegroundLink,
      Red: tokens.colorNeutralForeground1,
    },
    fillText: {
      Complete: tokens.colorNeutralForegroundOnBrand,
      Green: tokens.colorNeutralForegroundOnBrand,
      'Not started': tokens.colorNeutralForeground1,
      Amber: tokens.colorNeutralForegroundOnBrand,
      Red: tokens.colorNeutralForegroundOnBrand,
    },
    outlines: { 'Not started': tokens.colorNeutralForeground1 },
  },
};

export function chartPaletteFor(theme: HostThemeName): ChartPalette {
  return PALETTES[theme];
}
