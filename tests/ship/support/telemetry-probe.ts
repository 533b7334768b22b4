/**
 * Run in a child process by telemetry.test.ts (OpenTelemetry registers process-wide, so never in
 * mocha's process): starts telemetry with the connection string given, then a plain HTTP server,
 * makes one request with a query string and one health probe, and stops telemetry (flushing).
 */
import { startTelemetry } from '../../../bot/telemetry';

async function main(): Promise<void> {
  const telemetry = startTelemetry(process.argv[2]);
  if (!telemetry) throw new Error('telemetry did not start');
  // Required after telemetry (as restify is, through bot/telemetry-bootstrap): OpenTelemetry patches
  // CommonJS modules as they are required.
  const http = require('node:http') as typeof import('node:http');
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await fetch(`http://127.0.0.1:${port}/api/plan?search=Private%20search%20words&owner=abc`);
  await fetch(`http://127.0.0.1:${port}/healthz`);
  server.close();
  await telemetry.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
