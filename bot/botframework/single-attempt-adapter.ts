import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../core/ports/logger';

/** The retry policy @azure/core-rest-pipeline puts in every Bot Connector client. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
}

/**
 * The adapter as proactive sends should see it: one HTTP request per send, so that 429 and 5xx
 * reach RateLimitedMessenger, which pauses *every* send on a 429 and owns the retry budget.
 *
 * botbuilder's Connector client retries on its own (core-rest-pipeline's default policy: a 429 is
 * retried after its Retry-After for that one request while other sends carry on, and a 5xx up to 3
 * times), and it ignores the `noRetryPolicy` option. The client is created afresh for each
 * proactive turn, so this takes the policy out of that turn's client only; replies inside normal
 * turns keep the SDK's behaviour. If a botbuilder upgrade moves the pipeline, sends still work (with
 * the SDK's retries under ours) and a warning says so once.
 */
export function withSingleAttemptSends(adapter: CloudAdapter, log: Logger): CloudAdapter {
  let warned = false;
  const dropRetries = (context: TurnContext) => {
    const client = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: Partial<PipelineLike> } } | undefined;
    const pipeline = client?.client?.pipeline;
    if (typeof pipeline?.removePolicy === 'function') {
      pipeline.removePolicy({ name: SDK_RETRY_POLICY });
    } else if (!warned) {
      warned = true;
      log.warn({}, 'could not turn off the Bot Connector client retries: 429s may not pause every send');
    }
  };
  type Logic = (context: TurnContext) => Promise<void>;
  const wrap = (logic: Logic | undefined): Logic => async (context) => {
    dropRetries(context);
    await logic?.(context);
  };
  const continueConversationAsync = (...[who, reference, logicOrAudience, maybeLogic]: Parameters<CloudAdapter['continueConversationAsync']>): Promise<void> =>
    typeof logicOrAudience === 'function'
      ? adapter.continueConversationAsync(who, reference, wrap(logicOrAudience))
      : adapter.continueConversationAsync(who, reference, logicOrAudience, wrap(maybeLogic));
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'continueConversationAsync') return continueConversationAsync;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
