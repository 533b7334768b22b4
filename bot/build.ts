/**
 * Builds the production server: `npm run build` bundles the server and the operations CLIs into
 * dist/ (our code only; packages stay in node_modules, so native modules and OpenTelemetry's
 * load-time instrumentation work as from source), with source maps, and copies the files they
 * serve or read beside them (see bot/runtime-layout.ts). `npm run start:prod` runs dist/start.js
 * with plain `node`; settings still come from the environment (nothing is baked in).
 */
import { build, formatMessages, type Message, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildTab } from '../tab/build';

const ROOT = path.join(__dirname, '..');
export const SERVER_DIST_DIR = path.join(ROOT, 'dist');

/** Each entry becomes dist/<name>.js. `package-app` is left out: it needs the repo's manifest/ and env/. */
export const SERVER_ENTRIES: Record<string, string> = {
  start: 'bot/start.ts',
  remind: 'bot/cli/remind.ts',
  round: 'bot/cli/round.ts',
  person: 'bot/cli/person.ts',
  import: 'bot/cli/import.ts',
  provision: 'bot/cli/provision.ts',
  reach: 'bot/cli/reach.ts',
  'smoke-tenant': 'bot/cli/smoke-tenant.ts',
};

/** Copied beside the bundles: [from the repo, to under dist/]. */
const ASSETS: [string, string][] = [
  ['bot/channel-tab', 'channel-tab'],
  ['core/store/sqlite/migrations', 'migrations'],
  // Preloaded into the Agents Playground so that it listens on loopback only (bot/demo/playground.ts).
  ['bot/demo/loopback-listen.cjs', 'loopback-listen.cjs'],
];

export interface ServerBuildResult {
  outDir: string;
  entries: string[];
  ms: number;
  warnings: Message[];
}

class ServerBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerBuildError';
  }
}

/** Builds into a sibling folder first, so a failed build leaves the previous dist/ in place. */
async function buildServer(outDir: string = SERVER_DIST_DIR): Promise<ServerBuildResult> {
  const started = performance.now();
  const staging = `${outDir}.building`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  let warnings: Message[];
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: Object.entries(SERVER_ENTRIES).map(([out, entry]) => ({ in: entry, out })),
      outdir: staging,
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'cjs',
      packages: 'external',
      sourcemap: true,
      sourcesContent: false,
      // Only where the files are (bot/runtime-layout.ts); NODE_ENV and every setting stay runtime.
      define: { EDI_BUNDLED: 'true' },
      metafile: true,
      logLevel: 'silent',
    });
    warnings = result.warnings;
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const missing = packagesOutsideDependencies(result.metafile, Object.keys(pkg.dependencies ?? {}));
    if (missing.length > 0) {
      throw new Error(`the server imports packages that are not production dependencies (the deployed package would lack them): ${missing.join(', ')}. Move them to "dependencies" in package.json.`);
    }
    for (const [from, to] of ASSETS) await cp(path.join(ROOT, from), path.join(staging, to), { recursive: true });
    await buildTab(path.join(staging, 'tab'));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new ServerBuildError(await describeFailure(error));
  }
  await rm(outDir, { recursive: true, force: true });
  await rename(staging, outDir);
  return { outDir, entries: Object.keys(SERVER_ENTRIES).map((name) => `${name}.js`), ms: Math.round(performance.now() - started), warnings };
}

/**
 * Packages the bundles import (all external) that `npm ci --omit=dev` would not install. Lazy
 * `require.resolve` lookups (the Agents Playground, a dev dependency) are not imports and are
 * left to their callers, which say what is missing.
 */
export function packagesOutsideDependencies(metafile: Metafile, dependencies: string[]): string[] {
  const allowed = new Set(dependencies);
  const missing = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const { path: specifier, external, kind } of output.imports) {
      if (!external || kind === 'require-resolve' || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!allowed.has(name)) missing.add(name);
    }
  }
  return [...missing].sort();
}

async function describeFailure(error: unknown): Promise<string> {
  const errors = (error as { errors?: Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return error instanceof Error ? error.message : String(error);
  const formatted = await formatMessages(errors, { kind: 'error', color: process.stderr.isTTY });
  return `${errors.length} error(s):\n${formatted.join('')}`;
}

async function main(): Promise<void> {
  try {
    const result = await buildServer();
    if (result.warnings.length > 0) process.stderr.write((await formatMessages(result.warnings, { kind: 'warning', color: process.stderr.isTTY })).join(''));
    console.log(`server: built ${result.entries.join(', ')} and the tab into ${path.relative(process.cwd(), result.outDir) || '.'}/ in ${result.ms} ms`);
    console.log('Run it with "npm run start:prod" (settings from the environment; see README, "Configuration").');
  } catch (error) {
    console.error(`server: build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
