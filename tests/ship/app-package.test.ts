import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { packageApp } from '../../bot/cli/package-app';
import { buildAppPackage, validateAppPackage } from '../../bot/packaging/app-package';
import { parseEnvFile, readEnvFiles } from '../../bot/packaging/env-file';
import { MissingValuesError } from '../../bot/packaging/fill-template';
import { assertDraft07Compatible, bundledManifestVersions, manifestValidator, newestManifestVersion } from '../../bot/packaging/manifest-schema';
import { encodePng } from '../../bot/packaging/png';
import { drawColorIcon, drawOutlineIcon } from '../../manifest/draw-icons';

const ROOT = path.join(__dirname, '..', '..');
const ENV_DIR = path.join(ROOT, 'env');

/** The local package, unzipped: its manifest and files, to break one thing at a time. */
async function localPackage(): Promise<{ manifest: Record<string, any>; files: Map<string, Uint8Array> }> {
  const built = await buildAppPackage({ envName: 'local' });
  const zip = await JSZip.loadAsync(built.zip);
  const files = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (name !== 'manifest.json') files.set(name, await file.async('uint8array'));
  return { manifest: JSON.parse(await zip.file('manifest.json')!.async('string')), files };
}

async function zipOf(manifest: unknown, files: Map<string, Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest));
  for (const [name, bytes] of files) zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('Teams app package (npm run package)', function () {
  this.timeout(20_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-package-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('`--env local` writes a zip that validates offline against the bundled schema', async () => {
    const out: string[] = [];
    const target = path.join(tmp, 'appPackage.local.zip');
    const code = await packageApp(['--env', 'local', '--out', target], (l) => out.push(l), (l) => out.push(l));
    assert.equal(code, 0, out.join('\n'));
    assert.match(out.join('\n'), /Manifest 1\.\d+ schema: valid/);
    const bytes = fs.readFileSync(target);
    assert.deepEqual(await validateAppPackage(bytes), []);
    const zip = await JSZip.loadAsync(bytes);
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifestText = await zip.file('manifest.json')!.async('string');
    assert.ok(!manifestText.includes('${{'), 'every placeholder is filled');
  });

  it('uses the newest manifest schema the installed @microsoft/app-manifest bundles, and the product version', async () => {
    const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest', 'manifest.template.json'), 'utf8'));
    assert.equal(template.manifestVersion, newestManifestVersion());
    assert.equal(template.$schema, `https://developer.microsoft.com/json-schemas/teams/v${newestManifestVersion()}/MicrosoftTeams.schema.json`);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(template.version, pkg.version, 'a release bumps the manifest version with the product (Teams only updates on a higher version)');
  });

  it('has the personal bot with its commands, the personal and channel tabs, SSO and the valid domain from the env file', async () => {
    const { manifest } = await localPackage();
    const env = readEnvFiles(ENV_DIR, 'local').values;
    assert.equal(manifest.bots[0].botId, env.BOT_ID);
    assert.deepEqual(manifest.bots[0].scopes, ['personal']);
    assert.deepEqual(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title).sort(), ['help', 'my tasks', 'pending']);
    const planTab = manifest.staticTabs.find((t: { entityId: string }) => t.entityId === 'plan');
    assert.deepEqual({ url: planTab.contentUrl, scopes: planTab.scopes }, { url: `${env.TAB_ENDPOINT}/`, scopes: ['personal'] });
    assert.deepEqual(manifest.configurableTabs[0].scopes, ['team', 'groupChat']);
    assert.equal(manifest.configurableTabs[0].configurationUrl, `${env.TAB_ENDPOINT}/configure`);
    assert.deepEqual(manifest.webApplicationInfo, { id: env.TAB_SSO_CLIENT_ID, resource: env.TAB_SSO_APP_ID_URI });
    assert.deepEqual(manifest.validDomains, [env.TAB_DOMAIN]);
  });

  it('fails naming every placeholder that has no value, and writes nothing', async () => {
    const envDir = path.join(tmp, 'env');
    fs.mkdirSync(envDir);
    const local = fs.readFileSync(path.join(ENV_DIR, '.env.local'), 'utf8');
    fs.writeFileSync(path.join(envDir, '.env.broken'), local.replace(/^BOT_ID=.*$/m, 'BOT_ID=').replace(/^TAB_SSO_APP_ID_URI=.*$/m, ''));
    await assert.rejects(buildAppPackage({ envName: 'broken', envDir }), (err: unknown) => {
      assert.ok(err instanceof MissingValuesError);
      assert.deepEqual(err.names, ['BOT_ID', 'TAB_SSO_APP_ID_URI']);
      assert.match(err.message, /\.env\.broken has no value for BOT_ID, TAB_SSO_APP_ID_URI/);
      return true;
    });
    const errors: string[] = [];
    assert.equal(await packageApp(['--env', 'nosuchenv', '--out', path.join(tmp, 'x.zip')], () => undefined, (l) => errors.push(l)), 2);
    assert.match(errors.join('\n'), /No environment file .*\.env\.nosuchenv/);
    assert.ok(!fs.existsSync(path.join(tmp, 'x.zip')));
  });

  it('a .user file (secrets, git-ignored) overrides the environment file', () => {
    const envDir = path.join(tmp, 'env');
    fs.mkdirSync(envDir);
    fs.writeFileSync(path.join(envDir, '.env.dev'), 'A=1\n# comment\nB="two words" \nexport C=3 # trailing\n');
    fs.writeFileSync(path.join(envDir, '.env.dev.user'), "A='from user'\n");
    assert.deepEqual(readEnvFiles(envDir, 'dev').values, { A: 'from user', B: 'two words', C: '3' });
    assert.throws(() => parseEnvFile('not a setting', '.env.x'), /\.env\.x, line 1: expected NAME=value/);
    assert.throws(() => readEnvFiles(envDir, '../etc'), /not an environment name/);
  });

  describe('validation catches a broken package', () => {
    const cases: Array<[string, (m: Record<string, any>, files: Map<string, Uint8Array>) => void, RegExp]> = [
      ['no app id', (m) => delete m.id, /missing "id"/],
      ['a bot id that is not a GUID', (m) => (m.bots[0].botId = 'my-bot'), /bots\.0\.botId: must match pattern/],
      ['an unknown property', (m) => (m.colour = 'blue'), /unknown property "colour"/],
      ['a name too long for Teams', (m) => (m.name.short = 'Equality Diversity and Inclusion Action Plan'), /name\.short: must NOT have more than 30 characters/],
      ['a tab on plain http', (m) => (m.staticTabs[0].contentUrl = 'http://localhost:3978/'), /staticTabs\.0\.contentUrl: must be an https:\/\/ URL/],
      ['a tab outside validDomains', (m) => (m.configurableTabs[0].configurationUrl = 'https://elsewhere.example.com/configure'), /elsewhere\.example\.com is not in validDomains/],
      ['an SSO resource that is not an Application ID URI', (m) => (m.webApplicationInfo.resource = 'https://localhost:3978'), /webApplicationInfo\.resource: must be an Application ID URI/],
      ['an SSO resource on another domain', (m) => (m.webApplicationInfo.resource = `api://other.example.com/${m.webApplicationInfo.id}`), /its domain other\.example\.com must be the tab's domain/],
      ['a missing icon', (_m, files) => files.delete('outline.png'), /icons: outline\.png is not in the package/],
      ['a colour icon of the wrong size', (_m, files) => files.set('color.png', encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(255) })), /color\.png: the colour icon must be 192x192 pixels, not 96x96/],
      ['an outline icon with colour', (_m, files) => files.set('outline.png', encodePng({ width: 32, height: 32, pixels: new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 3 ? (i < 2000 ? 255 : 0) : i % 4 === 0 ? 200 : 40)) })), /outline icon must be white only/],
      ['an outline icon without transparency', (_m, files) => files.set('outline.png', encodePng({ width: 32, height: 32, pixels: new Uint8Array(32 * 32 * 4).fill(255) })), /its background must be transparent/],
      ['an icon that is not a PNG', (_m, files) => files.set('color.png', new TextEncoder().encode('GIF89a')), /color\.png: is not a PNG file/],
    ];
    for (const [what, breakIt, expected] of cases) {
      it(`reports ${what}`, async () => {
        const { manifest, files } = await localPackage();
        breakIt(manifest, files);
        const problems = await validateAppPackage(await zipOf(manifest, files));
        assert.ok(problems.some((p) => expected.test(p)), `expected ${expected} in:\n${problems.join('\n')}`);
      });
    }

    it('reports a manifestVersion with no bundled schema, and a manifest.json that is not at the root', async () => {
      const { manifest, files } = await localPackage();
      assert.match((await validateAppPackage(await zipOf({ ...manifest, manifestVersion: '9.9' }, files)))[0] ?? '', /^manifestVersion: "9\.9" has no bundled schema; use one of (\d+\.\d+, )*\d+\.\d+$/);
      const nested = new JSZip();
      nested.file('appPackage/manifest.json', JSON.stringify(manifest));
      assert.deepEqual(await validateAppPackage(await nested.generateAsync({ type: 'nodebuffer' })), ['manifest.json is missing from the root of the zip (zip the files, not their folder)']);
      assert.deepEqual(await validateAppPackage(Buffer.from('not a zip')), ['the file is not a zip archive']);
    });

    it('`--validate` exits 1 listing the problems of a broken zip, 0 for a good one', async () => {
      const { manifest, files } = await localPackage();
      const good = path.join(tmp, 'good.zip');
      const bad = path.join(tmp, 'bad.zip');
      fs.writeFileSync(good, await zipOf(manifest, files));
      fs.writeFileSync(bad, await zipOf({ ...manifest, id: 'not-a-guid' }, files));
      const lines: string[] = [];
      assert.equal(await packageApp(['--validate', good], (l) => lines.push(l), (l) => lines.push(l)), 0);
      assert.equal(await packageApp(['--validate', bad], (l) => lines.push(l), (l) => lines.push(l)), 1);
      assert.match(lines.join('\n'), /id: must match pattern/);
    });
  });

  it('the committed icons are the ones manifest/draw-icons.ts draws', () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'manifest', 'color.png')).equals(encodePng(drawColorIcon())));
    assert.ok(fs.readFileSync(path.join(ROOT, 'manifest', 'outline.png')).equals(encodePng(drawOutlineIcon())));
  });

  it('every bundled Teams schema compiles under ajv without draft-04-only keywords; such keywords are caught', () => {
    for (const version of bundledManifestVersions().slice(-3)) assert.equal(typeof manifestValidator(version), 'function');
    assert.throws(() => assertDraft07Compatible({ properties: { a: { id: 'x', type: 'string' } } }), /#\/properties\/a: draft-04 "id" keyword/);
    assert.throws(() => assertDraft07Compatible({ items: { maximum: 3, exclusiveMaximum: true } }), /draft-04 boolean "exclusiveMaximum"/);
    assert.doesNotThrow(() => assertDraft07Compatible({ properties: { id: { type: 'string' } } }), 'a property named "id" is not the keyword');
  });
});
