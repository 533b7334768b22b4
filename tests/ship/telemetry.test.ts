import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queryStringScrubber, withoutQueryString } from '../../bot/telemetry';
import { fakeIngestion } from '../support/fake-ingestion';

const ROOT = path.join(__dirname, '..', '..');

interface Envelope {
  name: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: { name?: string; url?: string; data?: string } };
}

describe('Application Insights (Azure Monitor OpenTelemetry)', function () {
  this.timeout(30_000);

  it('sends request telemetry for the app\'s HTTP traffic, without query strings, and skips health probes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-telemetry-'));
    const ingestion = await fakeIngestion(dir);
    try {
      const connectionString = `InstrumentationKey=0b7e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b;IngestionEndpoint=${ingestion.url}`;
      // A separate process: OpenTelemetry registers itself process-wide.
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/ship/support/telemetry-probe.ts', connectionString], {
        cwd: ROOT,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: ingestion.caFile, APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stderr);

      const envelopes = ingestion.bodies.flatMap((b) => JSON.parse(b) as Envelope[]);
      const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
      assert.deepEqual(requests.map((r) => r.data.baseData.name), ['GET /api/plan'], 'one request, the health probe left out');
      assert.match(requests[0]!.data.baseData.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/api\/plan$/);
      assert.equal(requests[0]!.tags['ai.cloud.role'], 'edi-action-plan');
      const all = ingestion.bodies.join('\n');
      assert.ok(!all.includes('Private') && !all.includes('search=') && !all.includes('owner=abc'), 'no query string anywhere in the telemetry');
    } finally {
      await ingestion.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the scrubber rewrites URL attributes without their query string', () => {
    assert.equal(withoutQueryString('/api/plan?search=words#x'), '/api/plan');
    assert.equal(withoutQueryString('https://graph.microsoft.com/v1.0/sites/x/lists'), 'https://graph.microsoft.com/v1.0/sites/x/lists');
    const attributes: Record<string, unknown> = { 'http.url': 'https://h/api/plan?q=Ruth', 'http.target': '/api/plan?q=Ruth', 'url.query': 'q=Ruth', 'http.method': 'GET' };
    const span = { attributes, setAttribute: (k: string, v: unknown) => (attributes[k] = v) };
    queryStringScrubber.onStart(span as never, {} as never);
    assert.deepEqual(attributes, { 'http.url': 'https://h/api/plan', 'http.target': '/api/plan', 'url.query': '', 'http.method': 'GET' });
  });
});
