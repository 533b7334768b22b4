/**
 * One assumption the product makes about a real tenant, checked against it by `npm run smoke:tenant`.
 * A probe observes what the service actually did and says whether the product copes with it.
 */
export interface Probe {
  assumption: string;
  run(): Promise<ProbeOutcome>;
}

export type ProbeOutcome = { observed: string; pass: boolean } | { skipped: string };

export interface ProbeRow {
  assumption: string;
  observed: string;
  result: 'pass' | 'FAIL' | 'skipped';
}

/** Runs the probes one after another (they share scratch items); a probe that throws is a FAIL. */
export async function runProbes(probes: Probe[], onRow?: (row: ProbeRow) => void): Promise<ProbeRow[]> {
  const rows: ProbeRow[] = [];
  for (const probe of probes) {
    let row: ProbeRow;
    try {
      const outcome = await probe.run();
      row =
        'skipped' in outcome
          ? { assumption: probe.assumption, observed: outcome.skipped, result: 'skipped' }
          : { assumption: probe.assumption, observed: outcome.observed, result: outcome.pass ? 'pass' : 'FAIL' };
    } catch (err) {
      row = { assumption: probe.assumption, observed: `error: ${err instanceof Error ? err.message : String(err)}`, result: 'FAIL' };
    }
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

/** A plain-text table (assumption | observed | result); long observations wrap, nothing is cut off. */
export function formatTable(rows: ProbeRow[], width = 60): string {
  const a = Math.max('Assumption'.length, ...rows.map((r) => r.assumption.length));
  const o = Math.min(width, Math.max('Observed'.length, ...rows.map((r) => r.observed.length)));
  const line = (x: string, y: string, z: string) => `${x.padEnd(a)} | ${y.padEnd(o)} | ${z}`.trimEnd();
  const out = [line('Assumption', 'Observed', 'Result'), `${'-'.repeat(a)}-+-${'-'.repeat(o)}-+-------`];
  for (const r of rows) {
    const [first = '', ...rest] = wrap(r.observed, o);
    out.push(line(r.assumption, first, r.result), ...rest.map((more) => line('', more, '')));
  }
  return out.join('\n');
}

/** Splits text into lines of at most `width` characters, at spaces where it can. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  return [...lines, rest];
}
