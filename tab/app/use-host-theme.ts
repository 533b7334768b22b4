import { useEffect, useState } from 'react';
import { connectToTeams, themeFromUrl, type HostThemeName } from './teams-host';

/**
 * The theme to render with: `?theme=` when given (for testing), else the Teams theme once the
 * host answers, following its changes; light until then, and in a plain browser.
 */
export function useHostTheme(): HostThemeName {
  const [urlTheme] = useState(() => themeFromUrl());
  const [hostTheme, setHostTheme] = useState<HostThemeName>('default');

  useEffect(() => {
    let active = true;
    void connectToTeams({ onThemeChange: (theme) => active && setHostTheme(theme) }).then((connection) => {
      if (active && connection) setHostTheme(connection.theme);
    });
    return () => {
      active = false;
    };
  }, []);

  return urlTheme ?? hostTheme;
}
