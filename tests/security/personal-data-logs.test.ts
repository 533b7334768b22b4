/**
 * Issue 21, data protection: logs carry ids and counts, never names, e-mail addresses or what people
 * wrote. A full demo run (tests/security/personal-data-flow.ts) with the real logger (bot/logger.ts)
 * writing to a buffer, in each LOG_FORMAT; then every line is searched for every demo person's
 * name and e-mail address and for the run's free text.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../bot/logger';
import { demoUsers } from '../../bot/demo/demo-users';
import { bestEffort } from '../../core/messaging/best-effort';
import { DeliveryError } from '../../core/ports/messenger';
import { fakeIngestion } from '../support/fake-ingestion';
import { personalDataIn, runDemoFlow } from './personal-data-flow';

for (const logFormat of ['json', 'text'] as const) {
  describe(`security: no personal data in the logs of a full demo run (LOG_FORMAT=${logFormat})`, function () {
    this.timeout(120_000);
    const lines: string[] = [];
    let dataDir: string;

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-log-scan-'));
      const log = createLogger({ logLevel: 'debug', logFormat }, { write: (chunk: string) => lines.push(...chunk.split('\n').filter((l) => l.trim())) });
      await runDemoFlow(log, dataDir, { LOG_FORMAT: logFormat, LOG_LEVEL: 'debug' });
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('logged the run: requests to the bot and the tab API, the sweeps, refusals', () => {
      const all = lines.join('\n');
      for (const expected of ['server listening', 'demo plan seeded', 'reminder sweep finished', 'activity from another tenant refused', 'task edited from the tab', 'update round opened from the tab', 'update round closed from the tab', '/api/messages', '/api/export/board-report.docx', '/api/import']) {
        assert.ok(all.includes(expected), `a line with "${expected}"`);
      }
      if (logFormat === 'json') for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), l);
    });

    it('no line holds a name, an e-mail address or any text people wrote', () => {
      const leaks = lines.map((line) => ({ line, found: personalDataIn(line) })).filter((l) => l.found.length > 0);
      assert.deepEqual(leaks, []);
    });
  });
}

describe('security: a notice that could not be sent is logged by kind, not by the message naming the person', () => {
  it('bestEffort logs a DeliveryError\'s kind only', async () => {
    const lines: string[] = [];
    const log = createLogger({ logLevel: 'debug', logFormat: 'json' }, { write: (chunk: string) => lines.push(chunk) });
    await bestEffort(log, 'comment notice not sent', async () => {
      throw new DeliveryError('no-conversation', `The app is not installed for ${demoUsers.alex.displayName}`);
    });
    assert.equal(lines.length, 1);
    assert.deepEqual(personalDataIn(lines[0]!), []);
    assert.equal((JSON.parse(lines[0]!) as { kind?: string }).kind, 'no-conversation');
  });
});

interface Envelope {
  name: string;
  data: { baseType: string; baseData: Record<string, unknown> };
}

describe('security: no personal data in the telemetry of a full demo run (Application Insights)', function () {
  this.timeout(120_000);

  it('requests and dependencies are sent, and none of them holds a name, an e-mail address or text people wrote', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-telemetry-scan-'));
    const ingestion = await fakeIngestion(dir);
    try {
      const connectionString = `InstrumentationKey=0b7e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b;IngestionEndpoint=${ingestion.url}`;
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/security/personal-data-telemetry-probe.ts', connectionString], {
        cwd: path.join(__dirname, '..', '..'),
        env: { ...process.env, NODE_EXTRA_CA_CERTS: ingestion.caFile, APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      assert.equal(await new Promise<number | null>((resolve) => child.on('exit', resolve)), 0, stderr);

      const envelopes = ingestion.bodies.flatMap((b) => JSON.parse(b) as Envelope[]);
      const kinds = new Set(envelopes.map((e) => e.data.baseType));
      assert.ok(kinds.has('RequestData') && kinds.has('RemoteDependencyData'), `requests and dependencies were sent (${[...kinds].join(', ')})`);
      const routes = envelopes.filter((e) => e.data.baseType === 'RequestData').map((e) => String(e.data.baseData.name));
      for (const r of ['POST /api/messages', 'POST /api/import', 'GET /api/export/board-report.docx']) assert.ok(routes.some((n) => n.startsWith(r)), `a request ${r}`);
      const leaks = envelopes.map((e) => ({ item: `${e.data.baseType} ${String(e.data.baseData.name)}`, found: personalDataIn(JSON.stringify(e)) })).filter((l) => l.found.length > 0);
      assert.deepEqual(leaks, []);
    } finally {
      await ingestion.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
