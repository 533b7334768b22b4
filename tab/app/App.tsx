import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { PlanPage } from './PlanPage';
import { colorSchemeFor, fluentThemeFor } from './themes';
import { useHostTheme } from './use-host-theme';

// On an inner element, not the provider: Fluent copies the provider's classes to the portal node
// that overlays the page for popups, and a full-height background there would hide the page.
const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
});

export function App() {
  const styles = useStyles();
  const themeName = useHostTheme();
  const theme = fluentThemeFor(themeName);

  // Paint the page behind the provider too (overscroll, short pages) and theme native scrollbars.
  useEffect(() => {
    document.body.style.backgroundColor = theme.colorNeutralBackground3;
    document.documentElement.style.colorScheme = colorSchemeFor(themeName);
  }, [theme, themeName]);

  return (
    <FluentProvider theme={theme} data-theme={themeName}>
      <div className={styles.page}>
        <PlanPage theme={themeName} />
      </div>
    </FluentProvider>
  );
}
