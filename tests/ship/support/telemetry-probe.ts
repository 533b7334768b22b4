/**
 * Run in a child process by telemetry.test.ts: with telemetry started (tests/support/telemetry-child.ts),
 * a plain HTTP server gets one request with a query string and one health probe.
 */
import { runWithTelemetry } from '../../support/telemetry-child';

runWithTelemetry(async () => {
  const http = require('node:http') as typeof import('node:http');
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await fetch(`http://127.0.0.1:${port}/api/plan?search=Private%20search%20words&owner=abc`);
  await fetch(`http://127.0.0.1:${port}/healthz`);
  server.close();
});
