import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/ports/logger';
import type { PlanStore } from '../core/ports/plan-store';

/** What `/readyz` answers: ready only when the store answers and the app is not stopping. */
export interface ReadinessReport {
  ready: boolean;
  checks: { config: 'ok'; store: 'ok' | 'unreachable' | 'timed out'; shutdown: 'no' | 'stopping' };
}

export interface Readiness {
  check(): Promise<ReadinessReport>;
  /** From now on the app reports not ready, so the load balancer sends new requests elsewhere. */
  markStopping(): void;
}

/**
 * Readiness of one app instance. The configuration was validated at start (the process would not
 * be running otherwise). The store is probed with a lookup that always reaches the store of record
 * (SharePoint through Graph, or the SQLite file): an idempotency key that cannot exist. Results are
 * kept for `cacheMs` so frequent probes do not add to Graph's throttling budget.
 */
export function storeReadiness(store: Pick<PlanStore, 'findUpdateByIdempotencyKey'>, log: Logger, options: { timeoutMs?: number; cacheMs?: number; now?: () => number } = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const cacheMs = options.cacheMs ?? 10_000;
  const now = options.now ?? Date.now;
  let stopping = false;
  let last: { at: number; store: ReadinessReport['checks']['store'] } | undefined;
  let probing: Promise<ReadinessReport['checks']['store']> | undefined;

  const probe = async (): Promise<ReadinessReport['checks']['store']> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs)));
    try {
      return await Promise.race([store.findUpdateByIdempotencyKey(`readiness-probe:${randomUUID()}`).then(() => 'ok' as const), timeout]);
    } catch (err) {
      log.warn({ err: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'readiness: the plan store did not answer');
      return 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    markStopping: () => {
      stopping = true;
    },
    check: async () => {
      if (!last || now() - last.at >= cacheMs) {
        probing ??= probe().finally(() => (probing = undefined));
        last = { at: now(), store: await probing };
      }
      const storeState = last.store;
      return { ready: !stopping && storeState === 'ok', checks: { config: 'ok', store: storeState, shutdown: stopping ? 'stopping' : 'no' } };
    },
  };
}
