import { Spinner, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { LoadError } from './LoadError';
import type { AsyncState } from './use-async';

const useStyles = makeStyles({
  status: { display: 'flex', justifyContent: 'flex-start' },
});

/**
 * A page's data from useAsync, shown the one way: a spinner until the first load, in a live
 * region that is always present (so screen readers hear "Loading…" when a retry starts); a
 * failure with a retry; then the content, kept on screen while it reloads.
 */
export function LoadedView<T>({ state, onRetry, loading, failed, children }: { state: AsyncState<T>; onRetry: () => void; loading: string; failed: string; children: (value: T) => ReactNode }) {
  const styles = useStyles();
  const value = state.kind === 'loaded' ? state.value : state.kind === 'loading' ? state.previous : undefined;
  return (
    <>
      <div className={styles.status} role="status" aria-live="polite">
        {state.kind === 'loading' && value === undefined && <Spinner size="small" labelPosition="after" label={loading} />}
      </div>
      {state.kind === 'error' && <LoadError title={failed} message={state.message} onRetry={onRetry} />}
      {value !== undefined && children(value)}
    </>
  );
}
