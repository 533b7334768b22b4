import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppPackage } from '../../bot/packaging/app-package';
import { parseEnvFile } from '../../bot/packaging/env-file';

const ROOT = path.join(__dirname, '..', '..');
const APP_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

/**
 * A stand-in `az` that answers like the Azure CLI for a tenant with no registration yet, and
 * records every call, so the registration script's requests can be checked without a tenant.
 */
const FAKE_AZ = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const line = args.join(' ');
fs.appendFileSync(process.env.AZ_LOG, JSON.stringify(args) + '\\n');
const say = (s) => process.stdout.write(s + '\\n');
if (line.startsWith('account show')) say('66666666-7777-8888-9999-000000000000');
else if (line.startsWith('ad app list')) say('');
else if (line.startsWith('ad app create')) say('${APP_ID}');
else if (line.startsWith('ad app show') && line.includes('--query id')) say('object-id-1');
else if (line.startsWith('ad app show')) say('');
else if (line.startsWith('ad sp show --id ${APP_ID}')) process.exit(3);
else if (line.startsWith('ad sp show --id 00000003')) say('id-of-' + /value=='([^']+)'/.exec(line)[1]);
else if (line.startsWith('ad app credential reset')) say('fake-secret-value');
`;

describe('infra/entra/register-app.sh (with a stand-in Azure CLI)', function () {
  this.timeout(20_000);

  it('registers the bot, the SSO scope with the Teams clients pre-authorised, least-privilege Graph permissions, and fills the env file', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-register-'));
    try {
      fs.mkdirSync(path.join(tmp, 'infra', 'entra'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'env'));
      fs.mkdirSync(path.join(tmp, 'bin'));
      fs.copyFileSync(path.join(ROOT, 'infra', 'entra', 'register-app.sh'), path.join(tmp, 'infra', 'entra', 'register-app.sh'));
      fs.copyFileSync(path.join(ROOT, 'env', '.env.dev.sample'), path.join(tmp, 'env', '.env.dev.sample'));
      fs.writeFileSync(path.join(tmp, 'bin', 'az'), FAKE_AZ, { mode: 0o755 });
      const log = path.join(tmp, 'az.log');
      const out = execFileSync('bash', [path.join(tmp, 'infra', 'entra', 'register-app.sh'), 'edi-test', '--env', 'prod', '--new-secret'], {
        env: { ...process.env, PATH: `${path.join(tmp, 'bin')}:${process.env.PATH}`, AZ_LOG: log },
        encoding: 'utf8',
      });
      assert.match(out, /App registration ready/);

      const calls = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
      assert.ok(calls.some((c) => c.join(' ').startsWith('ad app create --display-name EDI Action Plan (edi-test) --sign-in-audience AzureADMyOrg')), 'single tenant');
      assert.ok(calls.some((c) => c.join(' ') === `ad sp create --id ${APP_ID}`));
      assert.ok(calls.some((c) => c.join(' ') === `ad app permission admin-consent --id ${APP_ID}`));
      const bodies = calls.filter((c) => c[0] === 'rest' && c.includes('PATCH')).map((c) => JSON.parse(c[c.indexOf('--body') + 1]!) as Record<string, any>);
      assert.equal(bodies.length, 3);
      const [sso, clients, graph] = bodies as [Record<string, any>, Record<string, any>, Record<string, any>];
      assert.deepEqual(sso.identifierUris, [`api://edi-test.azurewebsites.net/botid-${APP_ID}`]);
      assert.equal(sso.groupMembershipClaims, 'SecurityGroup');
      assert.equal(sso.api.requestedAccessTokenVersion, 2);
      const scope = sso.api.oauth2PermissionScopes[0];
      assert.deepEqual({ value: scope.value, type: scope.type, isEnabled: scope.isEnabled }, { value: 'access_as_user', type: 'User', isEnabled: true });
      const preAuthorised = clients.api.preAuthorizedApplications as Array<{ appId: string; delegatedPermissionIds: string[] }>;
      assert.equal(preAuthorised.length, 7);
      for (const id of TEAMS_CLIENTS) assert.deepEqual(preAuthorised.find((p) => p.appId === id)?.delegatedPermissionIds, [scope.id]);
      assert.deepEqual(graph.requiredResourceAccess[0].resourceAccess, [
        { id: 'id-of-Sites.Selected', type: 'Role' },
        { id: 'id-of-TeamsAppInstallation.ReadWriteSelfForUser.All', type: 'Role' },
        { id: 'id-of-User.Read.All', type: 'Role' },
        { id: 'id-of-openid', type: 'Scope' },
        { id: 'id-of-profile', type: 'Scope' },
        { id: 'id-of-offline_access', type: 'Scope' },
      ]);

      const env = parseEnvFile(fs.readFileSync(path.join(tmp, 'env', '.env.prod'), 'utf8'));
      assert.equal(env.BOT_ID, APP_ID);
      assert.equal(env.TAB_SSO_CLIENT_ID, APP_ID);
      assert.equal(env.TAB_SSO_APP_ID_URI, sso.identifierUris[0]);
      assert.equal(env.TAB_DOMAIN, 'edi-test.azurewebsites.net');
      assert.match(env.TEAMS_APP_ID ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const userFile = path.join(tmp, 'env', '.env.prod.user');
      assert.equal(parseEnvFile(fs.readFileSync(userFile, 'utf8')).SECRET_BOT_PASSWORD, 'fake-secret-value');
      assert.equal(fs.statSync(userFile).mode & 0o077, 0, 'the secret file is readable by its owner only');

      // The Teams package built from what the script wrote carries the same SSO settings.
      fs.appendFileSync(path.join(tmp, 'env', '.env.prod'), 'COUNCIL_NAME=Test Council\nCOUNCIL_WEBSITE_URL=https://www.example.gov.uk/\nPRIVACY_URL=https://www.example.gov.uk/privacy\nTERMS_OF_USE_URL=https://www.example.gov.uk/terms\n');
      const built = await buildAppPackage({ envName: 'prod', envDir: path.join(tmp, 'env') });
      assert.deepEqual(built.manifest.webApplicationInfo, { id: APP_ID, resource: sso.identifierUris[0] });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
