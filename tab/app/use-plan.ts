import type { PlanData } from './api-types';
import { fetchPlan } from './plan-api';
import { useAsync } from './use-async';

export type PlanState =
  | { kind: 'loading'; previous?: PlanData }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; plan: PlanData };

/** Loads the plan once on mount; `retry` (or `reload` after a change) loads it again, keeping the shown plan meanwhile. */
export function usePlan(): { state: PlanState; retry: () => void } {
  const { state, reload } = useAsync('plan', fetchPlan);
  const planState: PlanState = state.kind === 'loaded' ? { kind: 'loaded', plan: state.value } : state.kind === 'error' ? { kind: 'error', message: state.message } : state;
  return { state: planState, retry: reload };
}
