import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';

export interface FakeIngestion {
  url: string;
  /** The throwaway certificate, for the child process's NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Each request's body, unzipped. */
  bodies: string[];
  close(): Promise<void>;
}

/**
 * A stand-in for Application Insights' ingestion endpoint (https, as the exporter insists), with a
 * throwaway certificate the child process is told to trust.
 */
export async function fakeIngestion(dir: string): Promise<FakeIngestion> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`This test makes a throwaway TLS certificate with openssl, which failed: ${(err as Error).message}`);
  }
  const bodies: string[] = [];
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      bodies.push((req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8'));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `https://127.0.0.1:${port}/`, caFile: cert, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
