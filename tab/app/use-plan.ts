import { useCallback, useEffect, useState } from 'react';
import type { PlanView } from '../../core/plan-view';
import { fetchPlan, PlanLoadError } from './plan-api';

export type PlanState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; plan: PlanView };

/** Loads the plan once on mount; `retry` loads it again. */
export function usePlan(): { state: PlanState; retry: () => void } {
  const [state, setState] = useState<PlanState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchPlan(controller.signal).then(
      (plan) => setState({ kind: 'loaded', plan }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof PlanLoadError ? error.message : 'Something went wrong while showing the plan.';
        setState({ kind: 'error', message });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
