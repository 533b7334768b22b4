import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Every .ts/.tsx file under `dir` (repo-relative, forward slashes), skipping built output. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') out.push(...sources(rel));
    } else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Module specifiers a file loads: static and type imports, re-exports, import() and require(). */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[1]!);
  return [...found];
}

const packageOf = (specifier: string): string => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

/** Files in bot/, core/ and tab/ that load any package matching `isPackage`. */
function filesImporting(isPackage: (name: string) => boolean): string[] {
  return ['bot', 'core', 'tab']
    .flatMap(sources)
    .filter((file) => importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8')).some((s) => !s.startsWith('.') && isPackage(packageOf(s))));
}

describe('module boundaries (ports and adapters)', () => {
  it('reads every kind of import, so the checks below cannot pass by missing one', () => {
    const text = [
      "import { A } from 'botbuilder';",
      "import type { B } from 'botframework-connector';",
      "export { C } from '@scope/pkg/deep';",
      "import 'side-effect';",
      "const d = require('restify');",
      "const e = await import('luxon');",
    ].join('\n');
    assert.deepEqual(importsOf(text).map(packageOf).sort(), ['@scope/pkg', 'botbuilder', 'botframework-connector', 'luxon', 'restify', 'side-effect']);
  });

  it('the Bot Framework SDK is used only in bot/botframework/, so an SDK move touches one folder', () => {
    const files = filesImporting((name) => /^botbuilder(-|$)|^botframework-/.test(name));
    assert.ok(files.length > 0, 'the bot is built on botbuilder');
    assert.deepEqual(files.filter((f) => !f.startsWith('bot/botframework/')), []);
  });

  it('restify is known only to bot/server.ts', () => {
    assert.deepEqual(filesImporting((name) => name === 'restify'), ['bot/server.ts']);
  });

  it('core/ depends on no adapter: nothing in it imports bot/ or tab/', () => {
    const offenders = sources('core').filter((file) =>
      importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((s) => s.startsWith('.'))
        .some((s) => /^(bot|tab)(\/|$)/.test(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)).split(path.sep).join('/'))),
    );
    assert.deepEqual(offenders, []);
  });
});
