/**
 * Run in a child process by personal-data-logs.test.ts (OpenTelemetry registers process-wide, so
 * never in mocha's process): starts Application Insights with the connection string given (a local
 * stand-in for its ingestion endpoint), then the full demo run, and stops telemetry (flushing).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTelemetry } from '../../bot/telemetry';

async function main(): Promise<void> {
  const telemetry = startTelemetry(process.argv[2]);
  if (!telemetry) throw new Error('telemetry did not start');
  // Required after telemetry, as bot/start.ts does through bot/telemetry-bootstrap: OpenTelemetry
  // patches CommonJS modules (http, restify's server) as they are required.
  const { runDemoFlow } = require('./personal-data-flow') as typeof import('./personal-data-flow');
  const { silentLogger } = require('../../core/ports/logger') as typeof import('../../core/ports/logger');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-telemetry-scan-'));
  try {
    await runDemoFlow(silentLogger, dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await telemetry.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
