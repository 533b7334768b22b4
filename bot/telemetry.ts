import { shutdownAzureMonitor, useAzureMonitor, type AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';

/**
 * Application Insights through the Azure Monitor OpenTelemetry distro, when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set: incoming requests, outgoing calls (Graph, Bot
 * Connector), exceptions and standard metrics. It must start before restify, botbuilder and the
 * Graph client load `http`, so bot/start.ts imports `./telemetry-bootstrap` first.
 *
 * Query strings are removed from every span before export: the tab's filter state (including free
 * text searches) and Graph's $filter values travel in URLs, and telemetry keeps no personal text.
 */
type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type WritableSpan = Parameters<SpanProcessor['onStart']>[0];

export interface Telemetry {
  /** Sends what is buffered and stops (at shutdown). */
  stop(): Promise<void>;
}

const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.query', 'http.route'];

export function withoutQueryString(value: string): string {
  const cut = value.search(/[?#]/);
  return cut === -1 ? value : value.slice(0, cut);
}

/** Rewrites URL attributes without their query string, at the start and again at the end of a span. */
export const queryStringScrubber: SpanProcessor = {
  onStart: (span) => scrub(span),
  onEnding: (span) => scrub(span),
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

function scrub(span: WritableSpan): void {
  for (const name of URL_ATTRIBUTES) {
    const value = span.attributes[name];
    if (typeof value === 'string' && /[?#]/.test(value)) span.setAttribute(name, withoutQueryString(value));
  }
  if (span.attributes['url.query'] !== undefined) span.setAttribute('url.query', '');
}

const PROBES = new Set(['/healthz', '/readyz']);

export function startTelemetry(connectionString: string | undefined): Telemetry | undefined {
  if (!connectionString) return undefined;
  // The role name Application Insights shows in its application map (unless the platform set one).
  process.env.OTEL_SERVICE_NAME ??= 'edi-action-plan';
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Every request kept: a council's traffic is small, and a sampled-out failure cannot be traced.
    samplingRatio: 1,
    tracesPerSecond: 0,
    spanProcessors: [queryStringScrubber],
    instrumentationOptions: {
      // Health probes every minute per instance are noise, not traffic.
      http: { enabled: true, ignoreIncomingRequestHook: (req: { url?: string }) => PROBES.has(withoutQueryString(req.url ?? '')) } as NonNullable<AzureMonitorOpenTelemetryOptions['instrumentationOptions']>['http'],
    },
  });
  return { stop: () => shutdownAzureMonitor() };
}
