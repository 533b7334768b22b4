import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphDirectory } from '../../bot/directory/graph-directory';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';

const users = {
  'u-alex': { id: 'u-alex', displayName: 'Alex Morgan', mail: 'alex.morgan@council.gov.uk', userPrincipalName: 'alex.morgan@council.gov.uk' },
  'u-sam': { id: 'u-sam', displayName: 'Sam Okafor', mail: null, userPrincipalName: 'sam.okafor@council.gov.uk' },
  'u-sama': { id: 'u-sama', displayName: 'Samantha Reid', mail: 'samantha.reid@council.gov.uk', userPrincipalName: 'samantha.reid@council.gov.uk' },
} as const;
const managers: Record<string, string> = { 'u-alex': 'u-sam' };

/** A stand-in for the three Graph user calls the directory makes, recording each request. */
async function startStandIn(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(decodeURIComponent(url.pathname + url.search));
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const notFound = () => send(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
    const manager = /^\/v1\.0\/users\/([^/]+)\/manager$/.exec(url.pathname);
    if (manager) return managers[manager[1]!] ? send(200, users[managers[manager[1]!] as keyof typeof users]) : notFound();
    const user = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (user) return user[1]! in users ? send(200, users[user[1] as keyof typeof users]) : notFound();
    if (url.pathname === '/v1.0/users') {
      const filter = url.searchParams.get('$filter') ?? '';
      const prefix = /startswith\(displayName,'((?:[^']|'')*)'\)/.exec(filter)?.[1]?.replace(/''/g, "'");
      const exact = /mail eq '((?:[^']|'')*)'/.exec(filter)?.[1];
      const found = Object.values(users).filter((u) => (prefix !== undefined && u.displayName.toLowerCase().startsWith(prefix.toLowerCase())) || (exact !== undefined && (u.mail === exact || u.userPrincipalName === exact)));
      return send(200, { value: found });
    }
    notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

describe('Graph directory (against a stand-in Graph)', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let now = 0;
  const directory = () => graphDirectory(new GraphApi({ baseUrl: standIn.url, tokens: { getToken: async () => 'token' } }), 60_000, () => now);

  beforeEach(async () => {
    standIn = await startStandIn();
    now = 0;
  });
  afterEach(() => standIn.close());

  it('finds people and managers, with the sign-in name when there is no mail, and undefined on 404', async () => {
    const d = directory();
    assert.deepEqual(await d.findById('u-alex'), { aadObjectId: 'u-alex', displayName: 'Alex Morgan', email: 'alex.morgan@council.gov.uk' });
    assert.deepEqual(await d.managerOf('u-alex'), { aadObjectId: 'u-sam', displayName: 'Sam Okafor', email: 'sam.okafor@council.gov.uk' });
    assert.equal(await d.managerOf('u-sam'), undefined, 'no manager');
    assert.equal(await d.findById('u-nobody'), undefined);
  });

  it('searches by name prefix (an exact name wins) or by email, quoting safely', async () => {
    const d = directory();
    assert.deepEqual((await d.search('Sam')).map((p) => p.aadObjectId).sort(), ['u-sam', 'u-sama']);
    assert.deepEqual((await d.search('sam okafor')).map((p) => p.aadObjectId), ['u-sam']);
    assert.deepEqual((await d.search('samantha.reid@council.gov.uk')).map((p) => p.aadObjectId), ['u-sama']);
    assert.deepEqual(await d.search("O'Brien"), []);
    assert.ok(standIn.requests.some((r) => r.includes("startswith(displayName,'O''Brien')")), 'a quote in a name is doubled, not injected');
    assert.deepEqual(await d.search('   '), []);
  });

  it('asks Graph once per person within the cache time, again after it', async () => {
    const d = directory();
    await d.managerOf('u-alex');
    await d.managerOf('u-alex');
    assert.equal(standIn.requests.filter((r) => r.endsWith('/manager?$select=id,displayName,mail,userPrincipalName')).length, 1);
    now = 61_000;
    await d.managerOf('u-alex');
    assert.equal(standIn.requests.filter((r) => r.includes('/u-alex/manager')).length, 2);
  });
});
