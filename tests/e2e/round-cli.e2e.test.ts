import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, formatDate, londonDate } from '../../core/plan/london-time';
import { systemClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { alice, bob, carol, taskInput } from '../support/builders';

const ROOT = path.join(__dirname, '..', '..');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run round -- …` as the officer runs it: a child process on a DATA_DIR of its own. */
function roundCli(dataDir: string, args: string[]): Promise<Ran> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(GRAPH_|SHAREPOINT_|STORE$|Microsoft|REMINDER_|DEMO_DATA$)/.test(k)) delete env[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', 'tsx/cjs', 'bot/cli/round.ts', ...args],
      { cwd: ROOT, env: { ...env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, timeout: 20_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('npm run round (bot/cli/round.ts) as a child process', () => {
  let dir: string;
  const due = addDays(londonDate(new Date()), 30);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-round-cli-'));
    const store = SqlitePlanStore.open(dir);
    await store.createObjective({ ref: '1', title: 'Know our communities' });
    await store.createObjective({ ref: '2', title: 'A diverse workforce' });
    await store.createTask(taskInput({ ref: '1.1.2', objectiveRef: '1', owners: [alice] }));
    await store.createTask(taskInput({ ref: '1.2', objectiveRef: '1', owners: [bob] }));
    await store.createTask(taskInput({ ref: '3a', objectiveRef: '2', owners: [carol] }));
    await store.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a round, reports who has not answered, and closes it with a snapshot', async () => {
    const opened = await roundCli(dir, ['open', '--name', 'Board report March 2026', '--due', due, '--objectives', '1']);
    assert.equal(opened.code, 0, opened.stderr);
    assert.match(opened.stdout, new RegExp(`Opened update round "Board report March 2026", due ${formatDate(due)}: 2 tasks in scope \\(objective 1\\)\\.`));
    assert.match(opened.stdout, /2 owners will be asked for an update: Alice Owner, Bob Manager\./);
    assert.match(opened.stdout, /chased 7 and 2 days before the due date/);

    const again = await roundCli(dir, ['open', '--name', 'Another', '--due', due]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /The update round "Board report March 2026" is still open \(due .*\)\. Close it before opening another\./);

    // Alice answers (through the bot in real life; the same use case here).
    const store = SqlitePlanStore.open(dir);
    const task = (await store.getTaskByRef('1.1.2'))!;
    const { update } = await submitUpdate({ store, clock: systemClock }, { actorAadObjectId: alice.aadObjectId, taskId: task.id, taskVersion: task.version, idempotencyKey: 'cli-test', values: { progress: 'Survey sent to all staff', rag: 'Amber' } });
    assert.equal(update.round, 'Board report March 2026');
    await store.close();

    const status = await roundCli(dir, ['status']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /Update round "Board report March 2026": open since .*, due .*, objective 1\./);
    assert.match(status.stdout, /Response rate: 50% \(1 of 2 tasks answered\)\./);
    assert.match(status.stdout, /Not answered:\n {2}Bob Manager <bob@example\.gov\.uk>: 1\.2\n/);
    assert.doesNotMatch(status.stdout, /Alice/);

    const closed = await roundCli(dir, ['close']);
    assert.equal(closed.code, 0, closed.stderr);
    assert.match(closed.stdout, /Closed update round "Board report March 2026": 1 of 2 tasks answered \(50%\)\./);
    assert.match(closed.stdout, /\(2 tasks\) is kept with the round for the board report/);

    const reopened = SqlitePlanStore.open(dir);
    const [round] = await reopened.listRounds();
    await reopened.close();
    assert.equal(round?.state, 'Closed');
    assert.deepEqual(round?.snapshot?.map((l) => `${l.taskRef}:${l.rag}:${l.update ?? '-'}`), ['1.1.2:Amber:Survey sent to all staff', '1.2:Green:-']);

    const after = await roundCli(dir, ['status']);
    assert.equal(after.code, 0, after.stderr);
    assert.match(after.stdout, /No update round is open\. The latest one:\nUpdate round "Board report March 2026": closed /);
    assert.match(after.stdout, /Response rate: 50%/);
    const closeAgain = await roundCli(dir, ['close']);
    assert.equal(closeAgain.code, 1);
    assert.match(closeAgain.stderr, /No update round is open\./);
  });

  it('explains bad input in plain words (exit 2) and opens nothing', async () => {
    const bad = await roundCli(dir, ['open', '--name', ' ', '--due', '2026-02-30', '--tasks', '1.1.2,9.9']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /The round was not opened:/);
    assert.match(bad.stderr, /Give the round a name/);
    assert.match(bad.stderr, /"2026-02-30" is not a date/);
    assert.match(bad.stderr, /There is no task 9\.9 in the plan\./);
    const both = await roundCli(dir, ['open', '--name', 'X', '--due', due, '--tasks', '1.2', '--objectives', '1']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Give --objectives or --tasks, not both\./);
    const missing = await roundCli(dir, ['open', '--name', 'X']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /open needs --name and --due/);
    const none = await roundCli(dir, ['status']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No update round has been opened yet\./);
  });

  it('asks about every open task when no scope is given', async () => {
    const opened = await roundCli(dir, ['open', '--name', 'Board report', '--due', due]);
    assert.equal(opened.code, 0, opened.stderr);
    assert.match(opened.stdout, /3 tasks in scope \(all open tasks\)\.\n3 owners will be asked/);
  });
});
