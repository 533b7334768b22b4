/**
 * Fills Agents Toolkit placeholders (`${{NAME}}`) in a JSON template. Every placeholder must have a
 * non-blank value; a missing one fails with its name, never leaving a `${{…}}` in the package.
 */
export class MissingValuesError extends Error {
  constructor(readonly names: string[], where: string) {
    super(`${where} has no value for ${names.map((n) => `${n}`).join(', ')}. Set ${names.length === 1 ? 'it' : 'them'} (NAME=value) and try again.`);
    this.name = 'MissingValuesError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The template with every placeholder replaced (values are escaped for a JSON string), parsed. */
export function fillJsonTemplate(template: string, values: Record<string, string | undefined>, where: string): unknown {
  const missing = placeholdersIn(template).filter((name) => !values[name]?.trim());
  if (missing.length > 0) throw new MissingValuesError(missing, where);
  const filled = template.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(values[name]!.trim()).slice(1, -1));
  return JSON.parse(filled) as unknown;
}
