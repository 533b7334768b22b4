import type { TrendsView } from './api-types';
import { fetchTrends } from './trends-api';
import { useAsync, type AsyncState } from './use-async';

/** Loads the trends when the trends view mounts (never for the plan view); `retry` loads them again. */
export function useTrends(): { state: AsyncState<TrendsView>; retry: () => void } {
  const { state, reload } = useAsync('trends', fetchTrends);
  return { state, retry: reload };
}
