import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { londonDate, addDays } from '../../core/plan/london-time';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { taskInput } from '../support/builders';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';

const ROOT = path.join(__dirname, '..', '..');
const OWNERS = 30;

interface Run {
  code: number | null;
  stdout: string;
}

/** `npm run remind` as its own process, so it can be stopped or killed midway like a real one. */
function remind(dataDir: string, args: string[] = []): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', REMINDER_SENDS_PER_SECOND: '10' },
  });
  let stdout = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  const done = new Promise<Run>((resolve) => child.once('exit', (code) => resolve({ code, stdout })));
  return { child, done };
}

async function until(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!probe()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Owner conversation id -> how many reminders arrived for them. */
function deliveries(connector: FakeConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of connector.posts) counts.set(p.conversationId, (counts.get(p.conversationId) ?? 0) + 1);
  return counts;
}

describe('a reminder sweep stopped or killed midway, then run again', function () {
  this.timeout(90_000);
  let dataDir: string;
  let connector: FakeConnector;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-interrupted-'));
    connector = await startFakeConnector({ delayMs: 150 });
    const store = SqlitePlanStore.open(dataDir);
    const due = addDays(londonDate(new Date()), 5);
    for (let i = 0; i < OWNERS; i++) {
      const owner = { aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` };
      await store.createTask(taskInput({ ref: `T${i}`, owners: [owner], dueDate: due }));
      await store.saveConversation({
        aadObjectId: owner.aadObjectId,
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `a:${owner.aadObjectId}` }, bot: { id: '28:bot' }, user: { id: owner.aadObjectId } },
        updatedAt: new Date().toISOString(),
      });
    }
    await store.close();
  });
  afterEach(async () => {
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stopped (SIGTERM): finishes what it was sending; the rerun sends the rest; nobody twice, nobody missed', async () => {
    const first = remind(dataDir);
    await until('a few reminders to arrive', () => connector.posts.length >= 8);
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    assert.match(stopped.stdout, /Stopped before everyone was reminded/);
    const afterStop = connector.posts.length;
    assert.ok(afterStop < OWNERS, `the sweep really stopped midway (${afterStop} of ${OWNERS})`);

    const second = await remind(dataDir).done;
    assert.equal(second.code, 0, second.stdout);
    const counts = deliveries(connector);
    assert.equal(counts.size, OWNERS, 'every owner got their reminder');
    assert.deepEqual([...counts.values()].filter((n) => n !== 1), [], 'nobody got two');
    assert.doesNotMatch(second.stdout, /UNSURE/);
  });

  // At-most-once: a reminder claimed by the killed process (key written, send in flight) is never
  // resent; once its lease passes it is reported as unsure.
  it('killed (SIGKILL): the rerun never sends twice, sends everyone not yet claimed, and reports the sends that were in flight', async () => {
    const first = remind(dataDir);
    await until('a few reminders to arrive', () => connector.posts.length >= 8);
    first.child.kill('SIGKILL');
    await first.done;

    const second = await remind(dataDir).done;
    assert.equal(second.code, 0, second.stdout);
    assert.match(second.stdout, /[1-9]\d* sent/, 'the rerun sends the owners the killed run had not reached');
    // An hour later the in-flight claims are past their lease: reported, not resent.
    const later = await remind(dataDir, ['--at', new Date(Date.now() + 60 * 60_000).toISOString()]).done;
    const unsure = [...later.stdout.matchAll(/UNSURE +task \S+ -> Owner (\d+) /g)].map((m) => `a:owner-${m[1]}`);

    const counts = deliveries(connector);
    assert.deepEqual([...counts.values()].filter((n) => n !== 1), [], 'nobody got two');
    const missing = Array.from({ length: OWNERS }, (_, i) => `a:owner-${i}`).filter((id) => !counts.has(id));
    assert.deepEqual(missing.filter((id) => !unsure.includes(id)), [], 'everyone not reminded is reported as unsure: nobody is silently missed');
    for (const id of unsure) assert.ok(counts.get(id) !== 2, `${id} is not sent again`);
    // Claims are made right before each send, after the rate-limit wait: only sends in flight at
    // the kill (10/s, 150 ms each: about two) can be left claimed.
    assert.ok(unsure.length <= 4, `only the sends in flight are left unsure (${unsure.length})`);
  });
});
