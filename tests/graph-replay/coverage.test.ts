import assert from 'node:assert/strict';
import { compilePattern, loadFixtures } from './fixtures';
import { type FoundRequest, samplePath, scanGraphRequests, shapeRegex } from './request-scan';

/**
 * Every Graph request the product's source can make has a recorded response from the docs
 * (tests/fixtures/graph-docs/), and every recording says where it comes from. A new request path
 * without a fixture fails here, naming the file and line; add the docs' example response for it.
 */

const fixtures = loadFixtures();
const samples = fixtures.map((f) => ({ method: f.request.method, path: samplePath(f.request.pathPattern), name: f.name }));

function covered(found: FoundRequest): boolean {
  const exact = shapeRegex(found.path);
  const prefix = shapeRegex(found.path, true);
  // A call must match a fixture of its method; a path literal may be a base others extend.
  return found.method ? samples.some((s) => s.method === found.method && exact.test(s.path)) : samples.some((s) => prefix.test(s.path));
}

const where = (f: FoundRequest) => `${f.method ?? '(path)'} ${f.path}  at ${f.file}:${f.line}`;

describe('Graph replay: every request the product makes has a fixture from the docs', () => {
  const scan = scanGraphRequests();

  it('the fixtures are well formed: a Learn page (or a stated reason there is none), a method, a pattern, what was adapted', () => {
    assert.ok(fixtures.length >= 20, `${fixtures.length} fixtures`);
    for (const f of fixtures) {
      if (f.doc === null) assert.ok(f.undocumented && f.undocumented.length > 40, `${f.name}: no doc, so say why`);
      else assert.match(f.doc, /^https:\/\/learn\.microsoft\.com\/graph\//, `${f.name}: a Learn URL`);
      assert.ok(['GET', 'POST', 'PATCH', 'DELETE'].includes(f.request.method), f.name);
      assert.ok(f.request.pathPattern.startsWith('/'), f.name);
      compilePattern(f.request.pathPattern);
      assert.ok(Array.isArray(f.adapted), `${f.name}: adapted lists what changed ([] for nothing)`);
      assert.ok(Number.isInteger(f.response.status), f.name);
      assert.ok(typeof f.example === 'string' && f.example.length > 0, `${f.name}: which example of the page`);
    }
  });

  it('the scan reads the product (so an empty result cannot pass)', () => {
    assert.ok(scan.files.length >= 10, scan.files.join(', '));
    assert.ok(scan.calls.length >= 20, `${scan.calls.length} call sites`);
    assert.ok(scan.literals.length >= 10, `${scan.literals.length} path literals`);
    const calls = scan.calls.map((c) => `${c.method} ${c.path}`);
    for (const known of ['GET /sites/{}/lists', 'POST {}/lists/{}/columns', 'PATCH {}/items/{}/fields', 'GET /users']) assert.ok(calls.includes(known), `finds the call ${known}`);
    const literals = scan.literals.map((l) => l.path);
    for (const known of ['/users/{}/manager', '/users/{}/teamwork/installedApps', "/sites/{}/lists('User Information List')/items"]) assert.ok(literals.includes(known), `finds the path ${known}`);
  });

  it('a request or path no fixture records is reported (the checks below are not vacuous)', () => {
    assert.equal(covered({ file: 'x.ts', line: 1, method: 'GET', path: '/users/{}/memberOf' }), false);
    assert.equal(covered({ file: 'x.ts', line: 1, method: 'GET', path: '{}/items/{}/versions' }), false);
    assert.equal(covered({ file: 'x.ts', line: 1, method: 'DELETE', path: '{}/lists/{}/columns/{}' }), false, 'the method counts');
    assert.equal(covered({ file: 'x.ts', line: 1, path: '/groups/{}/sites' }), false);
    assert.equal(covered({ file: 'x.ts', line: 1, method: 'PATCH', path: '{}/items/{}/fields' }), true);
  });

  it('every request call (api.get/post/patch/delete, $batch sub-requests) matches a fixture of its method', () => {
    const missing = scan.calls.filter((c) => c.path !== '{}' && !covered(c)).map(where);
    assert.deepEqual(missing, [], 'requests without a recorded docs response');
  });

  it('every Graph path literal in the product is a fixture path or the start of one', () => {
    const missing = scan.literals.filter((l) => !covered(l)).map(where);
    assert.deepEqual(missing, [], 'paths without a recorded docs response');
  });

  it('every fixture is for a request the product makes (no dead recordings)', () => {
    const all = [...scan.calls.filter((c) => c.path !== '{}'), ...scan.literals];
    const used = (sample: (typeof samples)[number]) =>
      sample.name === 'json-batching' || all.some((f) => (!f.method || f.method === sample.method) && shapeRegex(f.path, !f.method).test(sample.path));
    assert.deepEqual(samples.filter((s) => !used(s)).map((s) => `${s.name}: ${s.method} ${s.path}`), []);
  });
});
