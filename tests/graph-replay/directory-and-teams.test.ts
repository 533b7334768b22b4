import assert from 'node:assert/strict';
import { graphDirectory } from '../../bot/directory/graph-directory';
import { TeamsAppInstaller } from '../../bot/teams/teams-app-installer';
import { type ReplayServer, startReplay } from './replay-server';

/**
 * The directory (people, managers, search: bot/directory/graph-directory.ts), the Teams app
 * installer (bot/teams/teams-app-installer.ts) and the Graph client's $batch, against the docs'
 * example responses only.
 */

const ADELE = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';

describe('Graph replay: directory, Teams app installation and $batch against the docs\' examples', () => {
  let replay: ReplayServer | undefined;
  afterEach(async () => {
    await replay?.close();
    replay = undefined;
  });

  it('directory: a user, their manager, and a search whose second user has no mail', async () => {
    replay = await startReplay();
    const directory = graphDirectory(replay.api());
    assert.deepEqual(await directory.findById(ADELE), { aadObjectId: ADELE, displayName: 'Adele Vance', email: 'AdeleV@contoso.com' });
    assert.deepEqual(await directory.managerOf(ADELE), { aadObjectId: '7d54cb02-aaa3-4016-9f9c-a4b49422dd9b', displayName: 'Sara Davis', email: 'SaraD@contoso.onmicrosoft.com' });
    const found = await directory.search('MOD');
    assert.deepEqual(
      found.map((p) => [p.displayName, p.email]),
      [
        ['Conf Room Adams', 'Adams@contoso.com'],
        ['MOD Administrator', 'admin@contoso.com'],
      ],
      'mail null: the sign-in name stands in',
    );
    assert.deepEqual((await directory.search('MOD Administrator')).map((p) => p.aadObjectId), ['4562bcc8-c436-4f95-b7c0-4f8ce89dca5e'], 'an exact name wins');
    assert.ok(replay.answeredBy('user-list').every((r) => /\$select=id,displayName,mail,userPrincipalName/.test(r.path)));
    assert.deepEqual(replay.unmatched, []);
  });

  it('installer: the catalog app found by manifest id (no webApplicationInfo.id in the docs\' app: a warning), already installed, its chat read', async () => {
    replay = await startReplay();
    const installer = new TeamsAppInstaller(replay.api(), { manifestAppId: 'f31b1263-ba99-435a-a679-911d24850d7c' }, { wait: { attempts: 2, baseMs: 1, maxMs: 1 }, sleep: async () => undefined });
    const warnings = await installer.prepare(undefined);
    assert.ok(warnings.some((w) => /no webApplicationInfo\.id/.test(w)), warnings.join('\n'));
    const result = await installer.install({ aadObjectId: '97a5a533-833d-494b-b543-c0afe026cb96', displayName: 'Someone', email: 'someone@contoso.com' });
    assert.equal(result.outcome, 'already-installed', result.detail);
    assert.equal(result.chatId, '19:0de69e5e-2da8-4cf2-821f-5e6585b2c65b_f32b83bb-4fc8-4db7-b7f5-76cdbbb8aa1c@unq.gbl.spaces');
    assert.ok(replay.answeredBy('appcatalogs-list-teamsapps').some((r) => r.path.includes("$filter=externalId eq 'f31b1263-ba99-435a-a679-911d24850d7c'")));
    assert.deepEqual(replay.unmatched, []);
  });

  it('install POST: the client takes the docs\' 201 with no body as success', async () => {
    // The docs show no empty installedApps listing, so the installer itself never POSTs here.
    replay = await startReplay();
    const body = { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/12345678-9abc-def0-123456789a' };
    // Resolves (what it resolves to, the client's raw body stream, the installer ignores).
    await replay.api().post('/users/5b649834-7412-4cce-9e69-176e95a394f5/teamwork/installedApps', body);
    assert.deepEqual(replay.answeredBy('userteamwork-post-installedapps').map((r) => r.status), [201]);
    assert.deepEqual(replay.unmatched, []);
  });

  it('$batch: the client reads the docs\' own batch response, answers out of order and failures included', async () => {
    replay = await startReplay({ batch: 'recorded' });
    const responses = await replay.api().batch([
      { id: '1', method: 'GET', url: '/me/memberOf' },
      { id: '2', method: 'GET', url: '/me/planner/tasks' },
      { id: '3', method: 'DELETE', url: '/groups/0e226165-c685-41ce-8bfc-df8360ab325d' },
      { id: '4', method: 'POST', url: '/users/161ab652-cdbc-490d-82a4-0ada1f0db247/getPasswordSingleSignOnCredentials', body: {}, headers: { 'Content-Type': 'application/json' } },
      { id: '5', method: 'GET', url: 'users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    assert.deepEqual(['1', '2', '3', '4', '5'].map((id) => responses.get(id)?.status), [200, 403, 403, 405, 200]);
    assert.equal((responses.get('3')!.body as { error: { code: string } }).error.code, 'Authorization_RequestDenied');
    assert.deepEqual(replay.unmatched, []);
  });
});
