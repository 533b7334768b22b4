import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The Teams app manifest JSON schemas bundled in `@microsoft/app-manifest`, validated offline with
 * ajv. The schemas declare draft-04 but use only keywords that mean the same in ajv's default
 * draft-07 (plus `const`, which draft-07 enforces as the schema intends); `assertDraft07Compatible`
 * checks that before compiling, so a future schema using draft-04-only semantics fails loudly.
 */
const SCHEMA_ROOT = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** Manifest versions with a bundled schema, oldest first ("1.19", "1.30", …; not devPreview). */
export function bundledManifestVersions(): string[] {
  return fs
    .readdirSync(SCHEMA_ROOT)
    .filter((d) => /^v\d+\.\d+$/.test(d) && fs.existsSync(path.join(SCHEMA_ROOT, d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => compareVersions(a, b));
}

export function newestManifestVersion(): string {
  const versions = bundledManifestVersions();
  const newest = versions[versions.length - 1];
  if (!newest) throw new Error(`No Teams manifest schemas found in ${SCHEMA_ROOT}`);
  return newest;
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

const compiled = new Map<string, ValidateFunction>();

export function manifestValidator(manifestVersion: string): ValidateFunction {
  const known = compiled.get(manifestVersion);
  if (known) return known;
  const file = path.join(SCHEMA_ROOT, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!/^\d+\.\d+$/.test(manifestVersion) || !fs.existsSync(file)) {
    throw new Error(`manifestVersion "${manifestVersion}" has no bundled schema; use one of ${bundledManifestVersions().slice(-5).join(', ')}`);
  }
  const { $schema: _declared, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  assertDraft07Compatible(schema);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

/** Problems as "path: message" lines; empty when the manifest matches its schema. */
export function validateManifestSchema(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion: missing (it says which schema the manifest follows)'];
  if (!bundledManifestVersions().includes(version)) return [`manifestVersion: "${version}" has no bundled schema; use one of ${bundledManifestVersions().slice(-5).join(', ')}`];
  const validate = manifestValidator(version);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(manifest)';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'required') return `${where}: missing "${String(e.params.missingProperty)}"`;
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `${where}: must be ${JSON.stringify(e.params.allowedValue)}`;
  return `${where}: ${e.message ?? e.keyword}`;
}

/** Throws if the schema relies on draft-04 meanings that draft-07 reads differently. */
export function assertDraft07Compatible(schema: unknown, at = '#'): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (typeof node.id === 'string') throw new Error(`${at}: draft-04 "id" keyword (draft-07 reads "$id")`);
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (typeof node[k] === 'boolean') throw new Error(`${at}: draft-04 boolean "${k}" (draft-07 expects a number)`);
  }
  for (const k of ['properties', 'patternProperties', 'definitions']) {
    const map = node[k];
    if (map && typeof map === 'object') for (const [name, sub] of Object.entries(map)) assertDraft07Compatible(sub, `${at}/${k}/${name}`);
  }
  for (const k of ['items', 'additionalItems', 'additionalProperties', 'not', 'anyOf', 'allOf', 'oneOf']) {
    const sub = node[k];
    if (Array.isArray(sub)) sub.forEach((s, i) => assertDraft07Compatible(s, `${at}/${k}/${i}`));
    else assertDraft07Compatible(sub, `${at}/${k}`);
  }
}
