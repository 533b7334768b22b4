import { apiJson } from './api-client';
import type { Me } from './api-types';
import { useAsync } from './use-async';

/**
 * Who is signed in, and whether they are an EDI officer. Officer-only controls are shown only to
 * officers; the server checks the role on every request anyway.
 */
export function useMe(): { me?: Me; isOfficer: boolean } {
  const { state } = useAsync('me', (signal) => apiJson<Me>('/api/me', { signal }));
  const me = state.kind === 'loaded' ? state.value : undefined;
  return { me, isOfficer: me?.roles?.includes('officer') ?? false };
}
