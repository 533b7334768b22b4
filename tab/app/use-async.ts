import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-client';

export type AsyncState<T> = { kind: 'loading'; previous?: T } | { kind: 'error'; message: string; status?: number } | { kind: 'loaded'; value: T };

/**
 * Runs `load` when `key` changes (nothing while it is undefined) and on `reload`; a reload of the
 * same key keeps the previous value on show until the new one arrives. Errors become words fit
 * for the page. `replace` shows a value the caller already has (a write's answer) without loading.
 */
export function useAsync<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): { state: AsyncState<T>; reload: () => void; replace: (value: T) => void } {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    const sameKey = shownKey.current === key;
    shownKey.current = key;
    setState((current) => ({ kind: 'loading', previous: sameKey && current.kind === 'loaded' ? current.value : undefined }));
    loadRef.current(controller.signal).then(
      (value) => setState({ kind: 'loaded', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError || (error instanceof Error && error.name === 'TeamsSignInError') ? error.message : 'Something went wrong while talking to the server.';
        setState({ kind: 'error', message, status: error instanceof ApiError ? error.status : undefined });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((value: T) => setState({ kind: 'loaded', value }), []);
  return { state, reload, replace };
}
