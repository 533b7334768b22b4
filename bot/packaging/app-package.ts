import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readEnvFiles } from './env-file';
import { fillJsonTemplate } from './fill-template';
import { validateManifestSchema } from './manifest-schema';
import { packageRuleProblems } from './package-rules';

export const MANIFEST_DIR = path.join(__dirname, '..', '..', 'manifest');
export const ENV_DIR = path.join(__dirname, '..', '..', 'env');

/** A package that failed validation: every problem, in plain words. */
export class InvalidPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidPackageError';
  }
}

export interface BuiltPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
  envFiles: string[];
}

/**
 * Fills `manifest/manifest.template.json` from `env/.env.<name>` (+ `.user`), adds the icons it
 * names, checks the result against the bundled schema and Teams' package rules, and zips it.
 */
export async function buildAppPackage(options: { envName: string; manifestDir?: string; envDir?: string }): Promise<BuiltPackage> {
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const env = readEnvFiles(options.envDir ?? ENV_DIR, options.envName);
  const template = fs.readFileSync(path.join(manifestDir, 'manifest.template.json'), 'utf8');
  const manifest = fillJsonTemplate(template, env.values, env.files.map((f) => path.basename(f)).join(' + ')) as Record<string, unknown>;
  const icons = manifest.icons as Record<string, string> | undefined;
  const files = new Map<string, Uint8Array>();
  for (const name of Object.values(icons ?? {})) {
    const file = path.join(manifestDir, name);
    if (typeof name === 'string' && !name.includes('..') && fs.existsSync(file)) files.set(name, fs.readFileSync(file));
  }
  const problems = [...validateManifestSchema(manifest), ...packageRuleProblems(manifest, files)];
  if (problems.length > 0) throw new InvalidPackageError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  // A fixed date keeps the zip identical for identical inputs.
  for (const [name, bytes] of files) zip.file(name, bytes, { date: new Date('2020-01-01T00:00:00Z') });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  return { zip: bytes, manifest, envFiles: env.files };
}

/** Validates a Teams app package (zip) offline: what Teams checks on upload that can be checked here. */
export async function validateAppPackage(zipBytes: Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch {
    return ['the file is not a zip archive'];
  }
  const entry = zip.file('manifest.json');
  if (!entry) return ['manifest.json is missing from the root of the zip (zip the files, not their folder)'];
  let manifest: unknown;
  try {
    manifest = JSON.parse(await entry.async('string'));
  } catch (err) {
    return [`manifest.json is not valid JSON: ${(err as Error).message}`];
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && name !== 'manifest.json') files.set(name, await file.async('uint8array'));
  return [...validateManifestSchema(manifest), ...packageRuleProblems(manifest, files)];
}
