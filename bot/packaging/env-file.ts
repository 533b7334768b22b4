import fs from 'node:fs';
import path from 'node:path';

/**
 * Agents Toolkit environment files: `env/.env.<name>` (committed, no secrets) and, over it,
 * `env/.env.<name>.user` (secrets; git-ignored). `KEY=value` lines; `#` comments; optional quotes.
 */
export interface EnvFiles {
  values: Record<string, string>;
  /** The files read, in order (a missing `.user` file is not an error). */
  files: string[];
}

function environmentName(name: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(name)) throw new Error(`"${name}" is not an environment name: use letters, digits, "-" or "_" (e.g. local, dev, prod)`);
  return name;
}

export function readEnvFiles(envDir: string, name: string): EnvFiles {
  const base = path.join(envDir, `.env.${environmentName(name)}`);
  if (!fs.existsSync(base)) throw new Error(`No environment file ${path.relative(process.cwd(), base) || base}: create it (see env/README.md)`);
  const files = [base, `${base}.user`].filter((f) => fs.existsSync(f));
  const values: Record<string, string> = {};
  for (const file of files) Object.assign(values, parseEnvFile(fs.readFileSync(file, 'utf8'), file));
  return { values, files };
}

export function parseEnvFile(text: string, fileName = 'env file'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) throw new Error(`${fileName}, line ${index + 1}: expected NAME=value`);
    values[match[1]!] = unquote(match[2]!);
  });
  return values;
}

function unquote(raw: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  if (quoted) return quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"') : quoted[2]!;
  return raw.replace(/\s+#.*$/, '').trim();
}
