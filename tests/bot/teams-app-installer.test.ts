import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsAppInstaller } from '../../bot/teams/teams-app-installer';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { alice, bob, carol } from '../support/builders';

/** A local Graph endpoint for POST /users/{id}/teamwork/installedApps (as documented). */
async function fakeGraph(): Promise<{ url: string; calls: { path: string; body: unknown; auth?: string }[]; close(): Promise<void> }> {
  const calls: { path: string; body: unknown; auth?: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ path: decodeURIComponent(req.url ?? ''), body: body ? JSON.parse(body) : undefined, auth: req.headers.authorization });
      const user = /\/users\/([^/]+)\//.exec(decodeURIComponent(req.url ?? ''))?.[1];
      const [status, code] = user === bob.aadObjectId ? [409, 'Conflict'] : user === carol.aadObjectId ? [403, 'Forbidden'] : [201, ''];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 201 ? { id: 'installation-1' } : { error: { code, message: code } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

describe('TeamsAppInstaller (Graph installedApps)', () => {
  it('installs the catalog app for a person, treats 409 as already installed, reports other failures', async () => {
    const graph = await fakeGraph();
    try {
      const installer = new TeamsAppInstaller(new GraphApi({ baseUrl: graph.url, tokens: { getToken: async () => 'token' } }), 'catalog-app-id');
      assert.deepEqual(await installer.install(alice), { outcome: 'installed' });
      assert.equal(graph.calls[0]?.path, `/v1.0/users/${alice.aadObjectId}/teamwork/installedApps`);
      assert.deepEqual(graph.calls[0]?.body, { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-app-id' });
      assert.equal(graph.calls[0]?.auth, 'Bearer token');
      assert.deepEqual(await installer.install(bob), { outcome: 'already-installed' });
      assert.deepEqual(await installer.install(carol), { outcome: 'failed', detail: '403 Forbidden' });
    } finally {
      await graph.close();
    }
  });
});
