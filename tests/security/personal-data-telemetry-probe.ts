/**
 * Run in a child process by personal-data-logs.test.ts: with telemetry started
 * (tests/support/telemetry-child.ts), the full demo run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWithTelemetry } from '../support/telemetry-child';

runWithTelemetry(async () => {
  const { runDemoFlow } = require('./personal-data-flow') as typeof import('./personal-data-flow');
  const { silentLogger } = require('../../core/ports/logger') as typeof import('../../core/ports/logger');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-telemetry-scan-'));
  try {
    await runDemoFlow(silentLogger, dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
