import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../core/import/import-report';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { BAD_DIR, fixtureFile } from '../fixtures/import/build-fixtures';
import { register } from '../fixtures/import/plan-layouts';
import { writeBigCsv } from './hostile-files';

const ROOT = path.join(__dirname, '..', '..');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run import -- …` as an officer runs it: a child process on a DATA_DIR of its own. */
function importCli(dataDir: string, args: string[], preload: string[] = []): Promise<Ran> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(GRAPH_|SHAREPOINT_|STORE$|Microsoft|REMINDER_|DEMO_DATA$)/.test(k)) delete env[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...preload.flatMap((p) => ['--require', p]), '--require', 'tsx/cjs', 'bot/cli/import.ts', ...args],
      { cwd: ROOT, env: { ...env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, timeout: 30_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import (bot/cli/import.ts) as a child process', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-import-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--dry-run --json prints the report and writes nothing; a real run then imports', async () => {
    const file = fixtureFile(register, 'xlsx');
    const dry = await importCli(dir, [file, '--dry-run', '--json']);
    assert.equal(dry.code, 0, dry.stderr);
    const report = JSON.parse(dry.stdout) as ImportReport;
    assert.equal(report.dryRun, true);
    assert.deepEqual(report.summary.tasks, { create: 6, update: 0, unchanged: 0 });
    assert.deepEqual(report.tasks.map((t) => t.ref), ['R1.1', 'R1.2', 'R1.3', 'R2.1', 'R2.2', 'R2.3']);
    assert.ok(report.warnings.some((w) => w.code === 'duplicate-ref' && w.where === 'Sheet "Action plan", row 12'));

    const empty = SqlitePlanStore.open(dir);
    assert.deepEqual(await empty.listTasks(), []);
    await empty.close();

    const real = await importCli(dir, [file]);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /Imported:\n {2}Objectives: 2 created\n {2}Tasks: 6 created/);
    assert.match(real.stdout, /\+ R1\.1 {2}Publish an accessibility statement for every online form/);
    assert.match(real.stdout, /"Head of Housing" \(owner\): R1\.3/);
    const store = SqlitePlanStore.open(dir);
    assert.equal((await store.listTasks()).length, 6);
    await store.close();
  });

  it('--json prints one JSON object on failure too, with the words the text report uses, and exits 1', async () => {
    const file = path.join(BAD_DIR, 'password-protected.xlsx');
    const text = await importCli(dir, [file, '--dry-run']);
    const json = await importCli(dir, [file, '--dry-run', '--json']);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout) as { error: { problem: string; message: string } };
    assert.deepEqual(Object.keys(parsed), ['error']);
    assert.equal(parsed.error.problem, 'password-protected');
    assert.equal(parsed.error.message, text.stderr.trim());
    assert.match(parsed.error.message, /^Nothing was imported\. password-protected\.xlsx is password-protected/);
  });

  it('--json on a file we cannot find, or with a bad option: still one JSON object, exit 2', async () => {
    for (const args of [[path.join(dir, 'missing.xlsx'), '--json'], ['--json', '--no-such-option']]) {
      const ran = await importCli(dir, args);
      assert.equal(ran.code, 2, ran.stderr);
      assert.equal((JSON.parse(ran.stdout) as { error: { problem: string } }).error.problem, 'usage');
    }
  });

  it('--json on a file with no tasks in it: the refusal as JSON', async () => {
    const ran = await importCli(dir, [path.join(BAD_DIR, 'contacts.xlsx'), '--dry-run', '--json']);
    assert.equal(ran.code, 1);
    const { error } = JSON.parse(ran.stdout) as { error: { problem: string; message: string } };
    assert.equal(error.problem, 'no-columns');
    assert.match(error.message, /no table with columns we recognise/);
  });

  it('a 100 MB CSV is refused on its size before it is read, in little memory', async () => {
    const big = path.join(dir, 'big-plan.csv');
    writeBigCsv(big, 100);
    const probe = path.join(dir, 'max-rss.js');
    // VmHWM is the CLI's own peak; getrusage's maxRSS in a spawned child starts from mocha's RSS at the fork.
    fs.writeFileSync(
      probe,
      "process.on('exit', () => { const fs = require('fs'); let kb; try { kb = /^VmHWM:\\s+(\\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]; } catch {} fs.writeSync(2, `\\nmax-rss-kb=${kb ?? process.resourceUsage().maxRSS}\\n`); });\n",
    );
    const ran = await importCli(dir, [big, '--dry-run', '--json'], [probe]);
    assert.equal(ran.code, 1);
    const { error } = JSON.parse(ran.stdout) as { error: { problem: string; message: string } };
    assert.equal(error.problem, 'too-large');
    assert.match(error.message, /big-plan\.csv is 100\.0 MB; the largest plan file accepted is 15 MB/);
    const peakMb = Math.round(Number(/max-rss-kb=(\d+)/.exec(ran.stderr)?.[1]) / 1024);
    console.log(`      100 MB CSV refused by the CLI: peak RSS ${peakMb} MB`);
    assert.ok(peakMb > 0 && peakMb < 300, `${peakMb} MB`);
  });

  it('a bad file exits 1 with a plain message', async () => {
    const bad = await importCli(dir, [path.join(BAD_DIR, 'password-protected.xlsx')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^Nothing was imported\. password-protected\.xlsx is password-protected/);
  });
});
