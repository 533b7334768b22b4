import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { IsoDate } from '../../core/model';
import { addDays, londonDate } from '../../core/plan/london-time';
import type { PlanStore } from '../../core/ports/plan-store';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { taskInput } from '../support/builders';
import { cardTextContent } from '../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { emulatorApi, openEmulatedSharePoint } from '../support/sharepoint-over-emulator';

/**
 * Two real server processes (`bot/start.ts`: HTTP server and reminder schedule, as in production)
 * share one store and run their schedules every second. Each owner must get exactly one card.
 */
const ROOT = path.join(__dirname, '..', '..');
const OWNERS = 40;
/** The first owners have two tasks due: still one card each, listing both. */
const OWNERS_WITH_TWO_TASKS = 10;
const SWEEPS_AFTER_DONE = 2;

/**
 * The schedule sends only in office hours on working days, and this test must not depend on the
 * day or hour it runs. The servers' clock starts at 08:00 on a working day (the per-second schedule
 * sweeps but sends nothing); once both are up, SIGUSR2 moves both clocks to just before 09:00, so
 * their schedules open the send window together, as two instances do at 09:00. Time then runs on
 * as usual. Test-only: loaded with `--require` into the server processes; the product is unchanged.
 */
const TEST_CLOCK = `
const RealDate = Date;
let offset = RealDate.parse(process.env.TEST_CLOCK_START) - RealDate.now();
process.on('SIGUSR2', () => { offset = RealDate.parse(process.env.TEST_CLOCK_ON_SIGUSR2) - RealDate.now(); });
class TestDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
  static now() { return RealDate.now() + offset; }
}
globalThis.Date = TestDate;
`;

/** 09:00 London on the next working day: the moment the schedule's send window opens. */
function nextWorkingNineAm(): Date {
  const calendar = ukWorkingCalendar('ENG');
  let day = addDays(londonDate(new Date()), 1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return DateTime.fromISO(`${day}T09:00:00`, { zone: 'Europe/London' }).toJSDate();
}

const nineAm = nextWorkingNineAm();
const TASKS = OWNERS + OWNERS_WITH_TWO_TASKS;
const chatOf = (i: number) => `a:owner-${i}`;
const refsOf = (i: number) => (i < OWNERS_WITH_TWO_TASKS ? [`T${i}a`, `T${i}b`] : [`T${i}a`]);

/** Owners with stored chats (the app is installed for them) and tasks due within the reminder window. */
async function seed(store: PlanStore, serviceUrl: string): Promise<void> {
  const due: IsoDate = addDays(londonDate(nineAm), 5);
  for (let i = 0; i < OWNERS; i++) {
    const owner = { aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` };
    await store.saveConversation({
      aadObjectId: owner.aadObjectId,
      reference: { channelId: 'msteams', serviceUrl, conversation: { id: chatOf(i) }, bot: { id: '28:bot' }, user: { id: owner.aadObjectId } },
      updatedAt: new Date().toISOString(),
    });
    for (const ref of refsOf(i)) await store.createTask(taskInput({ ref, owners: [owner], dueDate: due }));
  }
}

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

interface Instance {
  name: string;
  child: ChildProcess;
  lines: LogLine[];
  url: Promise<string>;
  exited: Promise<number | null>;
}

function startInstance(name: string, clockFile: string, env: Record<string, string>): Instance {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '--require', clockFile, 'bot/start.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
  const lines: LogLine[] = [];
  let stdout = '';
  let stderr = '';
  let announce: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (announce = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    let nl: number;
    while ((nl = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, nl);
      stdout = stdout.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
      const listening = /Plan view \(tab\): +(http:\/\/\S+?)\/?$/.exec(line);
      if (listening) announce(listening[1]!);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`${name} exited with ${code}:\n${stderr}`);
      resolve(code);
    }),
  );
  return { name, child, lines, url, exited };
}

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sweepsFinished = (i: Instance) => i.lines.filter((l) => l.msg === 'reminder sweep finished');

/** Where the two servers keep the plan: one SQLite file, or one SharePoint site over the Graph emulator. */
interface SharedStore {
  name: string;
  /** Settings for both servers, and a store the test seeds and reads through. */
  open(dataDir: string): Promise<{ settings: Record<string, string>; store: PlanStore; reopen(): Promise<PlanStore>; dispose(): Promise<void> }>;
}

const sqlite: SharedStore = {
  name: 'SQLite',
  async open(dataDir) {
    const store = SqlitePlanStore.open(dataDir);
    return { settings: {}, store, reopen: async () => store, dispose: () => store.close() };
  },
};

const sharePoint: SharedStore = {
  name: 'SharePoint over the Graph emulator',
  async open() {
    const { emulator, store } = await openEmulatedSharePoint({ refreshIntervalMs: 200 });
    const settings = { STORE: 'sharepoint', SHAREPOINT_SITE_ID: emulator.siteId, GRAPH_BASE_URL: emulator.baseUrl, GRAPH_AUTH: 'none', SHAREPOINT_REFRESH_SECONDS: '1' };
    const fresh: PlanStore[] = [];
    return {
      settings,
      store,
      // The test's own read model may lag a second behind the servers' writes: read afresh.
      reopen: async () => {
        const s = await SharePointPlanStore.connect(emulatorApi(emulator), { siteId: emulator.siteId });
        fresh.push(s);
        return s;
      },
      dispose: async () => {
        for (const s of [store, ...fresh]) await s.close();
        await emulator.close();
      },
    };
  },
};

for (const shared of [sqlite, sharePoint]) {
  describe(`two server processes sharing one store (${shared.name})`, function () {
    this.timeout(60_000);
    let root: string;
    let connector: FakeConnector;
    let opened: Awaited<ReturnType<SharedStore['open']>>;
    let instances: Instance[] = [];

    before(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-multi-'));
      const dataDir = path.join(root, 'data');
      const clockFile = path.join(root, 'test-clock.cjs');
      fs.writeFileSync(clockFile, TEST_CLOCK);
      // Each send takes a moment, as in Teams, so the two sweeps overlap.
      connector = await startFakeConnector({ delayMs: 40 });
      opened = await shared.open(dataDir);
      await seed(opened.store, connector.url);
      const env = {
        NODE_ENV: 'development',
        DEMO_DATA: 'false',
        PLAYGROUND: 'false',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json', // read line by line below (development's default is text)
        REMINDER_CRON: '* * * * * *', // every second (croner's six-field form)
        REMINDER_SENDS_PER_SECOND: '15',
        BOT_SERVICE_URL: connector.url,
        TEST_CLOCK_START: new Date(nineAm.getTime() - 60 * 60_000).toISOString(),
        TEST_CLOCK_ON_SIGUSR2: new Date(nineAm.getTime() - 700).toISOString(),
        ...opened.settings,
      };
      instances = [startInstance('server A', clockFile, env), startInstance('server B', clockFile, env)];
      for (const i of instances) {
        const url = await Promise.race([i.url, i.exited.then((code) => Promise.reject(new Error(`${i.name} stopped at start (exit ${code})`)))]);
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
      }
    });

    after(async () => {
      for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGTERM');
      await Promise.all(instances.map((i) => i.exited));
      await connector?.close();
      await opened?.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('both schedules sweep; every owner gets exactly one card; the log has each reminder once, none pending', async () => {
      // Both up and sweeping outside office hours (nothing sent); then it strikes 09:00 for both.
      await until('a sweep before 09:00 from each server', () => instances.every((i) => sweepsFinished(i).some((l) => l.outsideSendWindow === true)));
      assert.equal(connector.posts.length, 0, 'nothing is sent before 09:00');
      for (const i of instances) i.child.kill('SIGUSR2');

      // Done when every reminder is settled in the log; then more sweeps from each server, which
      // must send nothing more.
      await until('every reminder to be sent and settled', async () => {
        const log = await opened.store.listReminders();
        return log.length >= TASKS && log.every((r) => r.outcome !== 'pending');
      });
      const sweepsAtDone = instances.map((i) => sweepsFinished(i).length);
      await until(`${SWEEPS_AFTER_DONE} more sweeps from each server`, () => instances.every((i, n) => sweepsFinished(i).length >= sweepsAtDone[n]! + SWEEPS_AFTER_DONE));

      // Each owner: one post, carrying a card that lists all their due tasks.
      const cards = new Map<string, string[]>();
      for (const p of connector.posts) {
        const attachments = p.activity.attachments as { content: unknown }[] | undefined;
        cards.set(p.conversationId, [...(cards.get(p.conversationId) ?? []), cardTextContent(attachments?.[0]?.content)]);
      }
      const owners = Array.from({ length: OWNERS }, (_, i) => i);
      const notOnce = owners.filter((i) => cards.get(chatOf(i))?.length !== 1).map((i) => `${chatOf(i)}: ${cards.get(chatOf(i))?.length ?? 0} cards`);
      assert.deepEqual(notOnce, [], 'every owner got exactly one card');
      assert.equal(connector.posts.length, OWNERS, 'no other messages');
      for (const i of owners) for (const ref of refsOf(i)) assert.match(cards.get(chatOf(i))![0]!, new RegExp(`\\b${ref}\\b`), `${chatOf(i)}'s card lists ${ref}`);

      const log = await (await opened.reopen()).listReminders();
      assert.equal(new Set(log.map((r) => r.key)).size, log.length, 'no reminder key logged twice');
      assert.equal(log.length, TASKS, 'one log entry per due task');
      assert.deepEqual(log.filter((r) => r.outcome !== 'sent').map((r) => `${r.key}: ${r.outcome} ${r.detail ?? ''}`), [], 'every reminder recorded as sent; nothing pending');

      // Both schedules really ran from 09:00 and went for the due reminders (each one a server did
      // not send, it found claimed by the other); between them they sent each reminder once. How
      // the work splits is up to timing: the two walk the owners in the same order at the same
      // pace, so the one a moment ahead may win nearly every claim.
      for (const i of instances) {
        const inWindow = sweepsFinished(i).filter((l) => l.outsideSendWindow === false);
        assert.ok(inWindow.length > SWEEPS_AFTER_DONE, `${i.name} swept from 09:00`);
        assert.ok(inWindow.some((l) => Number(l.planned) > 0), `${i.name} found reminders due and went for them`);
        assert.deepEqual(i.lines.filter((l) => l.level >= 40).map((l) => l.msg), [], `${i.name} logged no warnings or errors`);
      }
      const total = (field: string) => instances.map((i) => sweepsFinished(i).reduce((sum, l) => sum + Number(l[field]), 0));
      const [sentBy, skippedBy] = [total('sent'), total('skipped')];
      assert.equal(sentBy[0]! + sentBy[1]!, TASKS, `the two servers' sweeps sent ${sentBy.join(' + ')} reminders`);
      console.log(`      reminders sent by server A + B: ${sentBy.join(' + ')}; left to the other (already claimed): ${skippedBy.join(' + ')}`);
    });

    it('both servers stop cleanly on SIGTERM', async () => {
      for (const i of instances) i.child.kill('SIGTERM');
      assert.deepEqual(await Promise.all(instances.map((i) => i.exited)), [0, 0]);
    });
  });
}
