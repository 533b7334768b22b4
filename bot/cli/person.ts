/**
 * `npm run person -- export <email> [--out <file>]`: everything the app holds about one person, as
 * one JSON file (a subject access request). `npm run person -- leaver <email> [--to <email>]
 * [--dry-run]`: someone left: their open tasks pass on, decisions waiting on them are re-routed.
 * Both through the PlanStore port (SQLite or SharePoint, as configured) and the same use cases a
 * test runs (core/use-cases/person-export.ts, person-leaver.ts).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { londonDate } from '../../core/plan/london-time';
import { silentLogger } from '../../core/ports/logger';
import { exportPerson } from '../../core/use-cases/person-export';
import { handleLeaver } from '../../core/use-cases/person-leaver';
import { createAppContext, type AppContext } from '../app-context';
import { approvalCards } from '../cards/approval-cards';
import { leaverCards } from '../cards/owner-left-card';
import { loadConfig } from '../config';
import { exitOnFailure, UsageError } from './cli-errors';
import { describeExport, describeLeaver } from './person-report';

const USAGE = [
  'Usage:',
  '  npm run person -- export <email> [--out <file.json>]',
  '  npm run person -- leaver <email> [--to <email>] [--dry-run]',
  '',
  'export  Writes everything held about the person (found by e-mail, in any case) to one JSON file:',
  '        in every plan the tasks they own or are accountable for, the updates they sent, RAG',
  '        approvals they asked for or decided, their comments and history items, the reminders the',
  '        bot sent them and its chat record with them. --out names the file (default person-<date>.json).',
  'leaver  Hands each open task they own, in every plan, to its accountable officer, else the person',
  '        named with --to, else the plan\'s owner, else an EDI lead (co-owners simply keep it), records',
  '        it in the plan\'s history ("Owner left the council") and tells the new owner in Teams. RAG',
  '        decisions waiting on them go to the next approver in line. What they wrote stays, under',
  '        their name. Running it again changes nothing. --dry-run lists what it would change.',
].join('\n');

async function runExport(ctx: AppContext, email: string, out: string | undefined): Promise<number> {
  const doc = await exportPerson(ctx, email);
  const file = out ?? `person-${londonDate(ctx.clock.now())}.json`;
  // Owner-only: the file holds personal data (their words, and names where a record needs them).
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  console.log(describeExport(doc, file).join('\n'));
  return 0;
}

async function runLeaver(ctx: AppContext, email: string, values: { to?: string; 'dry-run'?: boolean }): Promise<number> {
  const notify = { messenger: ctx.messenger, cards: leaverCards, approvalCards, log: ctx.log };
  const result = await handleLeaver({ ...ctx, notify }, { email, to: values.to, dryRun: values['dry-run'] === true });
  console.log(describeLeaver(result).join('\n'));
  return 0;
}

function parse() {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, email, ...extra] = positionals;
  if (values.help) return { help: true as const };
  if (command !== 'export' && command !== 'leaver') throw new UsageError(command === undefined ? 'Say what to do: export or leaver.' : `Unknown command "${command}".`);
  if (email === undefined || !email.includes('@')) throw new UsageError(`${command} needs the person's e-mail address.`);
  if (extra.length > 0) throw new UsageError(`One person at a time: "${extra.join(' ')}" is extra.`);
  if (command === 'export' && (values.to !== undefined || values['dry-run'])) throw new UsageError('export takes only --out.');
  if (command === 'leaver' && values.out !== undefined) throw new UsageError('leaver takes --to and --dry-run, not --out.');
  if (values.to !== undefined && !values.to.includes('@')) throw new UsageError('--to needs an e-mail address.');
  return { help: false as const, command, email, values };
}

async function main(): Promise<number> {
  const args = parse();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const ctx = await createAppContext(loadConfig(), { log: silentLogger });
  try {
    return args.command === 'export' ? await runExport(ctx, args.email, args.values.out) : await runLeaver(ctx, args.email, args.values);
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    exitOnFailure(err, USAGE, (message) => `The person command failed: ${message}. Running it again carries on where it stopped.`);
  },
);
