/**
 * Builds the plan-view tab: bundles tab/app/main.tsx into tab/dist/app.js and copies tab/public.
 * Run with `npm run build:tab` (or `npx tsx tab/build.ts`); tests call `buildTab()` directly.
 */
import { build, formatMessages, type BuildResult, type Message } from 'esbuild';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const TAB_ROOT = __dirname;
export const TAB_SOURCE_DIRS = [path.join(TAB_ROOT, 'app'), path.join(TAB_ROOT, 'public')];
export const TAB_DIST_DIR = path.join(TAB_ROOT, 'dist');
export const TAB_BUNDLE = path.join(TAB_DIST_DIR, 'app.js');

export interface TabBuildResult {
  outFile: string;
  bytes: number;
  ms: number;
  warnings: Message[];
}

/** The bundle failed to build; `message` holds esbuild's formatted errors. */
class TabBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TabBuildError';
  }
}

/** Bundles in memory first, so a failed build leaves the previous tab/dist in place. */
export async function buildTab(outDir: string = TAB_DIST_DIR): Promise<TabBuildResult> {
  const started = performance.now();
  const outFile = path.join(outDir, 'app.js');

  let result: BuildResult<{ write: false }>;
  try {
    result = await build({
      entryPoints: [path.join(TAB_ROOT, 'app', 'main.tsx')],
      outfile: outFile,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      jsx: 'automatic',
      minify: true,
      sourcemap: true,
      legalComments: 'linked',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      write: false,
    });
  } catch (error) {
    throw new TabBuildError(await describeFailure(error));
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all(result.outputFiles.map((file) => writeFile(file.path, file.contents)));
  await cp(path.join(TAB_ROOT, 'public'), outDir, { recursive: true });

  const bundle = result.outputFiles.find((file) => file.path === outFile);
  return {
    outFile,
    bytes: bundle?.contents.byteLength ?? 0,
    ms: Math.round(performance.now() - started),
    warnings: result.warnings,
  };
}

async function describeFailure(error: unknown): Promise<string> {
  const errors = (error as { errors?: Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return error instanceof Error ? error.message : String(error);
  }
  const formatted = await formatMessages(errors, { kind: 'error', color: process.stderr.isTTY });
  return `${errors.length} error(s):\n${formatted.join('')}`;
}

async function main(): Promise<void> {
  try {
    const result = await buildTab();
    if (result.warnings.length > 0) {
      const formatted = await formatMessages(result.warnings, { kind: 'warning', color: process.stderr.isTTY });
      process.stderr.write(formatted.join(''));
    }
    const kb = (result.bytes / 1024).toFixed(1);
    console.log(`tab: built ${path.relative(process.cwd(), result.outFile)} (${kb} KiB) in ${result.ms} ms`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`tab: build failed: ${detail}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
