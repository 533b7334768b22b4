import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { LIST_KEYS, LISTS, type ColumnDef } from '../../core/store/sharepoint/list-schema';
import { applyProvisioning, columnDefinition, describeAction, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { type GraphEmulator, startGraphEmulator } from '../support/graph-emulator';
import { apiFor, listIdOf } from './helpers';

/**
 * Provisioning (core/store/sharepoint/provisioning.ts, `npm run provision`) against the emulator:
 * an empty site gets every list, a re-run changes nothing, a missing column is added, an unindexed
 * column is indexed, and a column of the wrong type is reported and left alone.
 */

const ROOT = path.join(__dirname, '..', '..');

interface GraphColumn {
  id: string;
  name: string;
  indexed: boolean;
  required: boolean;
  enforceUniqueValues: boolean;
  text?: { allowMultipleLines: boolean };
  dateTime?: { format: string };
  choice?: { choices: string[] };
  number?: object;
  boolean?: object;
  personOrGroup?: { allowMultipleSelection: boolean };
}

const FACET: Record<ColumnDef['type'], (c: GraphColumn) => boolean> = {
  text: (c) => c.text?.allowMultipleLines === false,
  note: (c) => c.text?.allowMultipleLines === true,
  number: (c) => c.number !== undefined,
  dateTime: (c) => c.dateTime !== undefined,
  boolean: (c) => c.boolean !== undefined,
  choice: (c) => c.choice !== undefined,
  person: (c) => c.personOrGroup !== undefined,
};

describe('SharePoint provisioning (emulator)', () => {
  let emulator: GraphEmulator;
  let api: GraphApi;
  let site: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    api = apiFor(emulator);
    site = `/sites/${emulator.siteId}`;
  });
  afterEach(() => emulator.close());

  const columnsOf = async (displayName: string) =>
    (await api.get<{ value: GraphColumn[] }>(`${site}/lists/${await listIdOf(api, emulator.siteId, displayName)}/columns`)).value;

  /** Creates "Plan Tasks" by hand, as an admin might have, with some columns changed or left out. */
  async function createTasksListByHand(change: (c: ColumnDef) => Record<string, unknown> | undefined): Promise<void> {
    const def = LISTS.tasks;
    const columns = def.columns.map(change).filter((c): c is Record<string, unknown> => c !== undefined);
    await api.post(`${site}/lists`, { displayName: def.displayName, columns, list: { template: 'genericList' } });
  }

  it('plans every list for an empty site, creates them as the schema says, and a re-run changes nothing', async () => {
    const plan = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(plan.problems, []);
    assert.equal(plan.actions.length, LIST_KEYS.length);
    assert.ok(plan.actions.every((a) => a.kind === 'create-list'));
    assert.deepEqual(plan.actions.map((a) => a.list), [...LIST_KEYS]);
    assert.deepEqual(
      plan.actions.map(describeAction),
      LIST_KEYS.map((k) => `create list "${LISTS[k].displayName}" with ${LISTS[k].columns.length} columns`),
    );

    await applyProvisioning(api, plan);
    for (const key of LIST_KEYS) {
      const columns = await columnsOf(LISTS[key].displayName);
      for (const wanted of LISTS[key].columns) {
        const found = columns.find((c) => c.name === wanted.name);
        assert.ok(found, `${LISTS[key].displayName}.${wanted.name} exists`);
        assert.ok(FACET[wanted.type](found), `${LISTS[key].displayName}.${wanted.name} is ${wanted.type}`);
        assert.equal(found.indexed, Boolean(wanted.indexed || wanted.unique), `${wanted.name} indexed`);
        assert.equal(found.enforceUniqueValues, Boolean(wanted.unique), `${wanted.name} unique`);
        assert.equal(found.required, Boolean(wanted.required), `${wanted.name} required`);
        if (wanted.choices) assert.deepEqual(found.choice?.choices, [...wanted.choices]);
        if (wanted.type === 'person') assert.equal(found.personOrGroup?.allowMultipleSelection, Boolean(wanted.multi));
        if (wanted.dateOnly) assert.equal(found.dateTime?.format, 'dateOnly');
      }
    }

    emulator.resetCounters();
    const again = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(again.actions, [], 'nothing left to do');
    assert.deepEqual(again.problems, []);
    await applyProvisioning(api, again);
    assert.ok(emulator.requests.every((r) => r.method === 'GET'), 'the re-run only read the site');
  });

  it('adds one missing column to a list that exists', async () => {
    await createTasksListByHand((c) => (c.name === 'Risks' ? undefined : columnDefinition(c)));
    const plan = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(plan.problems, []);
    const forTasks = plan.actions.filter((a) => a.list === 'tasks');
    assert.equal(forTasks.length, 1);
    assert.equal(forTasks[0]!.kind, 'add-column');
    assert.equal(forTasks[0]!.kind === 'add-column' && forTasks[0]!.column, 'Risks');
    assert.equal(plan.actions.filter((a) => a.kind === 'create-list').length, LIST_KEYS.length - 1, 'every other list is created');

    await applyProvisioning(api, plan);
    const risks = (await columnsOf('Plan Tasks')).find((c) => c.name === 'Risks');
    assert.ok(risks && risks.text?.allowMultipleLines === true, 'Risks added as multiple lines of text');
    const again = await planProvisioning(api, emulator.siteId);
    assert.deepEqual([again.actions, again.problems], [[], []]);
  });

  it('reports a column of the wrong type and leaves it alone', async () => {
    await createTasksListByHand((c) => (c.name === 'DueDate' ? { name: 'DueDate', text: { allowMultipleLines: false }, indexed: true } : columnDefinition(c)));
    const before = (await columnsOf('Plan Tasks')).find((c) => c.name === 'DueDate')!;
    const plan = await planProvisioning(api, emulator.siteId);
    assert.equal(plan.problems.length, 1, plan.problems.join('\n'));
    assert.match(plan.problems[0]!, /"Plan Tasks" column DueDate is text, expected dateTime/);
    assert.deepEqual(plan.actions.filter((a) => a.list === 'tasks'), [], 'no action on the list with the problem');

    await applyProvisioning(api, plan);
    const after = (await columnsOf('Plan Tasks')).find((c) => c.name === 'DueDate')!;
    assert.deepEqual(after, before, 'DueDate is still the same text column');
    const again = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(again.actions, []);
    assert.deepEqual(again.problems, plan.problems, 'reported again on every run until someone fixes it');
  });

  it('indexes a column that exists but is not indexed', async () => {
    await createTasksListByHand((c) => (c.name === 'Status' ? { ...columnDefinition(c), indexed: false } : columnDefinition(c)));
    const status = (await columnsOf('Plan Tasks')).find((c) => c.name === 'Status')!;
    assert.equal(status.indexed, false);
    const plan = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(plan.problems, []);
    const forTasks = plan.actions.filter((a) => a.list === 'tasks');
    assert.deepEqual(
      forTasks.map((a) => a.kind === 'index-column' && { column: a.column, columnId: a.columnId }),
      [{ column: 'Status', columnId: status.id }],
    );
    await applyProvisioning(api, plan);
    assert.equal((await columnsOf('Plan Tasks')).find((c) => c.name === 'Status')!.indexed, true);
    assert.deepEqual((await planProvisioning(api, emulator.siteId)).actions, []);
  });

  it('reports a key column that does not enforce unique values (and indexes it)', async () => {
    await createTasksListByHand((c) => (c.name === 'Ref' ? { name: 'Ref', text: { allowMultipleLines: false }, required: true } : columnDefinition(c)));
    const plan = await planProvisioning(api, emulator.siteId);
    assert.deepEqual(plan.problems, ['"Plan Tasks" column Ref must enforce unique values: turn that on in the list settings']);
    assert.deepEqual(
      plan.actions.filter((a) => a.list === 'tasks').map((a) => `${a.kind} ${a.kind === 'index-column' ? a.column : ''}`),
      ['index-column Ref'],
    );
  });

  describe('npm run provision (bot/cli/provision.ts) as a child process', () => {
    interface Ran {
      code: number | null;
      stdout: string;
      stderr: string;
    }

    function provisionCli(args: string[], env: Record<string, string>): Promise<Ran> {
      return new Promise((resolve, reject) => {
        const base = { ...process.env };
        for (const k of Object.keys(base)) if (/^(GRAPH_|SHAREPOINT_|STORE$|Microsoft)/.test(k)) delete base[k];
        const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/provision.ts', ...args], {
          cwd: ROOT,
          env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => {
          child.kill();
          reject(new Error(`provision CLI did not finish in 20 s\n${stdout}\n${stderr}`));
        }, 20_000);
        child.on('error', reject);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
    }

    const local = () => ({ GRAPH_BASE_URL: emulator.baseUrl, GRAPH_AUTH: 'none' });

    it('--dry-run prints the plan for an empty site and changes nothing (site given by URL)', async () => {
      const ran = await provisionCli(['--site', emulator.siteUrl, '--dry-run'], local());
      assert.equal(ran.code, 0, ran.stderr);
      assert.match(ran.stdout, new RegExp(`Site ${emulator.siteId.replace(/[.]/g, '\\.')}: ${LIST_KEYS.length} change\\(s\\) needed`));
      for (const key of LIST_KEYS) assert.ok(ran.stdout.includes(`would create list "${LISTS[key].displayName}"`), `plans ${LISTS[key].displayName}:\n${ran.stdout}`);
      assert.doesNotMatch(ran.stdout, /done:|Provisioning finished/);
      assert.ok(emulator.requests.length > 0 && emulator.requests.every((r) => r.method === 'GET'), 'it only read the site');
      assert.deepEqual((await api.get<{ value: unknown[] }>(`${site}/lists`)).value, [], 'no list was created');
    });

    it('--dry-run reports a wrong-typed column as a PROBLEM and exits 1', async () => {
      await createTasksListByHand((c) => (c.name === 'DueDate' ? { name: 'DueDate', text: {} } : columnDefinition(c)));
      emulator.resetCounters();
      const ran = await provisionCli(['--site', emulator.siteId, '--dry-run'], local());
      assert.equal(ran.code, 1, ran.stdout + ran.stderr);
      assert.match(ran.stdout, /PROBLEM {2}"Plan Tasks" column DueDate is text, expected dateTime/);
      assert.match(ran.stdout, new RegExp(`${LIST_KEYS.length - 1} change\\(s\\) needed`), 'every other list');
      assert.ok(emulator.requests.every((r) => r.method === 'GET'));
    });

    it('with client-secret credentials and no way to reach Entra ID, fails before touching the site', async () => {
      const ran = await provisionCli(['--site', emulator.siteId, '--dry-run'], {
        GRAPH_BASE_URL: emulator.baseUrl,
        GRAPH_AUTH: 'client-secret',
        GRAPH_CLIENT_ID: 'x',
        GRAPH_TENANT_ID: 'y',
        GRAPH_CLIENT_SECRET: 'z',
      });
      assert.equal(ran.code, 1);
      assert.match(ran.stderr, /^Provisioning failed: /m);
      assert.deepEqual(emulator.requests, [], 'no request reached the site without a token');
    });
  });
});
