import { useEffect, useState } from 'react';
import { onHostThemeChange, teamsConnection, themeFromUrl, type HostThemeName } from './teams-host';

/**
 * The theme to render with: `?theme=` when given (for testing), else the Teams theme once the
 * host answers, following its changes; light until then, and in a plain browser.
 */
export function useHostTheme(): HostThemeName {
  const [urlTheme] = useState(() => themeFromUrl());
  const [hostTheme, setHostTheme] = useState<HostThemeName>('default');

  useEffect(() => {
    let active = true;
    const stop = onHostThemeChange((theme) => active && setHostTheme(theme));
    void teamsConnection().then((connection) => {
      if (active && connection) setHostTheme(connection.theme);
    });
    return () => {
      active = false;
      stop();
    };
  }, []);

  return urlTheme ?? hostTheme;
}
