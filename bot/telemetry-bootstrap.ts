/**
 * Imported first by bot/start.ts, before anything loads `http`: starts Application Insights when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set (OpenTelemetry instruments modules as they load).
 * A configuration error is left for start.ts to report in full.
 */
import { ConfigError, loadConfig } from './config';
import { startTelemetry, type Telemetry } from './telemetry';

function start(): Telemetry | undefined {
  try {
    return startTelemetry(loadConfig().operations.telemetryConnectionString);
  } catch (err) {
    if (err instanceof ConfigError) return undefined;
    throw err;
  }
}

export const telemetry = start();
