import { startTelemetry } from '../../bot/telemetry';

/**
 * The body of a child process that tests telemetry (OpenTelemetry registers process-wide, so never
 * in mocha's process): starts Application Insights with the connection string in argv[2], runs
 * `body`, stops telemetry (flushing what it holds) and exits 0, or 1 with the error printed.
 * `body` requires what it instruments itself: OpenTelemetry patches CommonJS modules (http,
 * restify's server) as they are required after it starts, as bot/telemetry-bootstrap does.
 */
export function runWithTelemetry(body: () => Promise<void>): void {
  const main = async () => {
    const telemetry = startTelemetry(process.argv[2]);
    if (!telemetry) throw new Error('telemetry did not start');
    try {
      await body();
    } finally {
      await telemetry.stop();
    }
  };
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
