import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TAB_BUNDLE, TAB_ROOT, TAB_SOURCE_DIRS, buildTab } from '../../tab/build';

/** Builds the tab when tab/dist/app.js is missing or older than any source it may bundle. */
export async function ensureTabBuilt(): Promise<void> {
  const bundleTime = await stat(TAB_BUNDLE).then((s) => s.mtimeMs, () => undefined);
  if (bundleTime !== undefined && (await newestSourceTime()) <= bundleTime) return;
  await buildTab();
}

async function newestSourceTime(): Promise<number> {
  const files = [path.join(TAB_ROOT, 'build.ts')];
  // The bundle also takes types and constants from core/.
  for (const dir of [...TAB_SOURCE_DIRS, path.join(TAB_ROOT, '..', 'core')]) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  const times = await Promise.all(files.map((file) => stat(file).then((s) => s.mtimeMs)));
  return Math.max(...times);
}
