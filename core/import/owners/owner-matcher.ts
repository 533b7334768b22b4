import type { Person } from '../../model';
import type { Directory } from '../../ports/directory';
import { normaliseOwnerKey } from '../columns/mapping-file';

export interface OwnerMatch {
  people: Person[];
  /** Names or roles kept as written, for an officer to assign. */
  unmatched: string[];
  /** Names the directory knows more than one person by. */
  ambiguous: string[];
}

const HONORIFIC = /^(?:cllr\.?|councillor|dr\.?|mr\.?|mrs\.?|ms\.?|miss|mx\.?|prof\.?|professor)\s+/i;

/**
 * Owners as councils write them: one per line, or "Alex Morgan and Sam Okafor", or a role
 * ("Head of HR"). Each part is looked up in the directory (a mapping file can say who a role is);
 * what cannot be matched to exactly one person is kept verbatim, never dropped.
 */
export class OwnerMatcher {
  private readonly cache = new Map<string, Promise<Person[]>>();

  constructor(
    private readonly directory: Directory,
    private readonly aliases: ReadonlyMap<string, string> = new Map(),
  ) {}

  async match(text: string | undefined): Promise<OwnerMatch> {
    const result: OwnerMatch = { people: [], unmatched: [], ambiguous: [] };
    for (const segment of splitStrong(text ?? '')) {
      const whole = await this.one(segment);
      if (whole !== 'none') {
        this.add(result, segment, whole);
        continue;
      }
      const parts = segment.split(/\s*(?:,|\/|&|\+|\band\b)\s*/i).map((p) => p.trim()).filter(Boolean);
      const matches = parts.length > 1 ? await Promise.all(parts.map((p) => this.one(p))) : [];
      if (matches.some((m) => m !== 'none')) parts.forEach((p, i) => this.add(result, p, matches[i]!));
      else result.unmatched.push(segment);
    }
    result.people = result.people.filter((p, i, all) => all.findIndex((q) => q.aadObjectId === p.aadObjectId) === i);
    return result;
  }

  private add(result: OwnerMatch, text: string, match: Person | 'none' | 'ambiguous'): void {
    if (match === 'none') result.unmatched.push(text);
    else if (match === 'ambiguous') {
      result.unmatched.push(text);
      result.ambiguous.push(text);
    } else result.people.push(match);
  }

  /** One name or role: exactly one person, several, or nobody. */
  private async one(text: string): Promise<Person | 'none' | 'ambiguous'> {
    for (const candidate of candidates(text, this.aliases)) {
      const found = await this.search(candidate);
      if (found.length === 1) return found[0]!;
      if (found.length > 1) return 'ambiguous';
    }
    return 'none';
  }

  private search(text: string): Promise<Person[]> {
    const key = text.toLowerCase();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.directory.search(text);
      this.cache.set(key, pending);
    }
    return pending;
  }
}

/** New lines and semicolons always separate owners; commas and "and" only when the parts are people. */
function splitStrong(text: string): string[] {
  return text
    .split(/[\n;]+/)
    .map((s) => s.replace(/^[\s•*·\-–]+/, '').replace(/[\s.,]+$/, '').trim())
    .filter(Boolean);
}

/** The text itself, then what an alias says, then without title, role in brackets or "- role". */
function candidates(text: string, aliases: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const alias = aliases.get(normaliseOwnerKey(text));
  if (alias) out.push(alias);
  out.push(text);
  const noBrackets = text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const beforeDash = text.split(/\s+[-\u2013\u2014]\s+/)[0]!.trim();
  for (const c of [noBrackets, beforeDash]) {
    const aliased = aliases.get(normaliseOwnerKey(c));
    if (aliased) out.push(aliased);
    out.push(c, c.replace(HONORIFIC, ''));
  }
  return [...new Set(out.filter((c) => c.length >= 2 && c.length <= 200))];
}
