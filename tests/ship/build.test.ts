import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import ignore from 'ignore';
import { packagesOutsideDependencies, SERVER_DIST_DIR, SERVER_ENTRIES } from '../../bot/build';

const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

function metafileImporting(...imports: Metafile['outputs'][string]['imports']): Metafile {
  return { inputs: {}, outputs: { 'dist/start.js': { bytes: 1, inputs: {}, imports, exports: [], entryPoint: 'bot/start.ts' } } };
}

describe('npm run build (the production server in dist/)', function () {
  this.timeout(30_000);

  it('refuses a bundle that imports a package `npm ci --omit=dev` would not install', () => {
    const meta = metafileImporting(
      { path: 'restify', kind: 'import-statement', external: true },
      { path: '@azure/msal-node/dist/x.js', kind: 'require-call', external: true },
      { path: 'node:fs', kind: 'require-call', external: true },
      { path: 'crypto', kind: 'require-call', external: true },
      { path: 'tsx/cjs', kind: 'require-call', external: true },
      { path: '@microsoft/m365agentsplayground/cli.js', kind: 'require-resolve', external: true },
      { path: '@types/node', kind: 'import-statement', external: true },
    );
    assert.deepEqual(packagesOutsideDependencies(meta, ['restify', '@azure/msal-node']), ['@types/node', 'tsx']);
    assert.deepEqual(packagesOutsideDependencies(meta, ['restify', '@azure/msal-node', 'tsx', '@types/node']), []);
  });

  it('has every entry with its source map, and the files they serve or read beside them', () => {
    for (const name of Object.keys(SERVER_ENTRIES)) {
      const js = path.join(SERVER_DIST_DIR, `${name}.js`);
      assert.ok(fs.existsSync(js), `${name}.js (run "npm run build"; npm test's pretest does)`);
      assert.match(fs.readFileSync(js, 'utf8'), /\/\/# sourceMappingURL=.+\.js\.map\s*$/);
      assert.ok(fs.existsSync(`${js}.map`));
    }
    for (const file of ['tab/index.html', 'tab/app.js', 'channel-tab/configure.html', 'migrations/0001-initial.sql']) {
      assert.ok(fs.existsSync(path.join(SERVER_DIST_DIR, file)), file);
    }
  });

  it('bakes in no settings: NODE_ENV is read at run time', () => {
    const start = fs.readFileSync(path.join(SERVER_DIST_DIR, 'start.js'), 'utf8');
    assert.match(start, /NODE_ENV/, 'the config still reads NODE_ENV from the environment');
    assert.doesNotMatch(start, /EDI_BUNDLED/, 'the layout flag is replaced at build time');
  });

  it('a built CLI runs with plain node: its answer, and its exit codes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-built-cli-'));
    try {
      const env = { PATH: process.env.PATH, NODE_ENV: 'development', DATA_DIR: dataDir };
      await assert.rejects(run(process.execPath, ['--enable-source-maps', path.join(SERVER_DIST_DIR, 'round.js'), 'status'], { cwd: ROOT, env }), (err: { code: number; stderr: string }) => err.code === 1 && /No update round has been opened yet/.test(err.stderr));
      await assert.rejects(run(process.execPath, [path.join(SERVER_DIST_DIR, 'round.js'), 'reopen'], { cwd: ROOT, env }), (err: { code: number; stderr: string }) => err.code === 2 && /Usage:/.test(err.stderr));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the Toolkit\'s zip deploy (infra/webappignore) packs dist/, package.json, the lock file and node_modules only', () => {
    const rules = ignore().add(fs.readFileSync(path.join(ROOT, 'infra', 'webappignore'), 'utf8'));
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const built = fs.readdirSync(SERVER_DIST_DIR, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    const packed = [...tracked, ...built, 'node_modules/restify/package.json'].filter((f) => !rules.ignores(f));
    const outside = packed.filter((f) => !f.startsWith('dist/') && !f.startsWith('node_modules/') && f !== 'package.json' && f !== 'package-lock.json');
    assert.deepEqual(outside, [], 'nothing but the built server and its dependencies');
    for (const f of built) assert.ok(packed.includes(f), `${f} is packed (dist/tab/ too)`);
    assert.ok(packed.includes('node_modules/restify/package.json'));
  });
});
