import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostThemeName } from './teams-host';

const FLUENT_THEMES: Record<HostThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function fluentThemeFor(name: HostThemeName): Theme {
  return FLUENT_THEMES[name];
}

/** For the browser's own widgets (scrollbars, form controls). */
export function colorSchemeFor(name: HostThemeName): 'light' | 'dark' {
  return name === 'default' ? 'light' : 'dark';
}
