/**
 * `npm run round -- open --name "Board report March 2026" --due 2026-03-20 [--objectives 1,2 | --tasks 1.1.2,3a]`,
 * `npm run round -- status`, `npm run round -- close`: update rounds from the command line, through
 * the same use cases as the tab.
 */
import { parseArgs } from 'node:util';
import { ValidationError } from '../../core/errors';
import type { RoundScope, UpdateRound } from '../../core/model';
import { formatDate, formatInstant } from '../../core/plan/london-time';
import { silentLogger } from '../../core/ports/logger';
import type { RoundProgress } from '../../core/rounds/round-rules';
import { closeRound } from '../../core/use-cases/close-round';
import { getRoundStatus } from '../../core/use-cases/get-round-status';
import { openRound } from '../../core/use-cases/open-round';
import { planStoreFor } from './plan-option';
import { createAppContext, type AppContext } from '../app-context';
import { loadConfig } from '../config';
import { exitOnFailure, UsageError } from './cli-errors';

const USAGE = [
  'Usage:',
  '  npm run round -- open --name "Board report March 2026" --due 2026-03-20 [--objectives 1,2 | --tasks 1.1.2,3a]',
  '  npm run round -- status',
  '  npm run round -- close',
  '',
  'open    Opens an update round: every owner of an open task in scope is asked for an update at the next',
  '        reminder sweep, and chased before the due date until they answer. Only one round can be open.',
  '        Someone who has had today\'s reminder card is asked in the next working day\'s card instead.',
  'Each plan has its own rounds: add --plan <key> (npm run round -- status --plan workforce-equality-plan) for a plan other than the default.',
  'status  The open round (else the latest): response rate, and who has not answered.',
  'close   Closes the open round, keeping each task\'s latest update and RAG for the board report.',
].join('\n');

function list(s: string | undefined): string[] {
  return (s ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

function describeScope(scope: RoundScope): string {
  if (scope.kind === 'all-open') return 'all open tasks';
  return `${scope.kind === 'objectives' ? 'objective' : 'task'}${scope.refs.length === 1 ? '' : 's'} ${scope.refs.join(', ')}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function printNotAnswered(progress: RoundProgress): void {
  if (progress.notAnswered.length === 0 && progress.unownedTaskRefs.length === 0) {
    console.log('Everyone in scope has answered.');
    return;
  }
  console.log('Not answered:');
  for (const { owner, taskRefs } of progress.notAnswered) console.log(`  ${owner.displayName} <${owner.email}>: ${taskRefs.join(', ')}`);
  if (progress.unownedTaskRefs.length > 0) console.log(`  (no owner to ask): ${progress.unownedTaskRefs.join(', ')}`);
}

function heading(round: UpdateRound): string {
  const when = round.state === 'Open' ? `open since ${formatInstant(round.opensAt)}` : `closed ${round.closedAt ? formatInstant(round.closedAt) : ''}`.trim();
  return `Update round "${round.name}": ${when}, due ${formatDate(round.dueDate)}, ${describeScope(round.scope)}.`;
}

async function open({ store, clock, config }: AppContext, values: { name?: string; due?: string; objectives?: string; tasks?: string }): Promise<number> {
  if (values.name === undefined || values.due === undefined) throw new UsageError('open needs --name and --due.');
  if (values.objectives !== undefined && values.tasks !== undefined) throw new UsageError('Give --objectives or --tasks, not both.');
  const scope: RoundScope =
    values.objectives !== undefined ? { kind: 'objectives', refs: list(values.objectives) } : values.tasks !== undefined ? { kind: 'tasks', refs: list(values.tasks) } : { kind: 'all-open' };
  const opened = await openRound({ store, clock }, { name: values.name, dueDate: values.due, scope });
  const { round, tasks, owners } = opened;
  const chasers = config.reminders.roundChaserDays;
  console.log(`Opened update round "${round.name}", due ${formatDate(round.dueDate)}: ${tasks.length} task${tasks.length === 1 ? '' : 's'} in scope (${describeScope(round.scope)}).`);
  console.log(`${owners.length} owner${owners.length === 1 ? '' : 's'} will be asked for an update: ${owners.map((o) => o.displayName).join(', ')}.`);
  if (opened.unownedTaskRefs.length > 0) console.log(`Nobody can be asked about ${opened.unownedTaskRefs.join(', ')}: they have no owner.`);
  console.log(
    `They are asked at the next reminder sweep (on the schedule, or now with "npm run remind")${chasers.length ? `, and chased ${chasers.join(' and ')} days before the due date until they answer` : ''}.`,
  );
  // core/reminders/daily-card.ts: one card per person per day.
  console.log("Anyone who has already had today's reminder card is asked in their card on the next working day (at once if the round is due before then).");
  return 0;
}

async function status({ store }: AppContext): Promise<number> {
  const s = await getRoundStatus({ store });
  if (s.round.state !== 'Open') console.log('No update round is open. The latest one:');
  console.log(heading(s.round));
  console.log(`Response rate: ${percent(s.responseRate)} (${s.answered} of ${s.inScope} task${s.inScope === 1 ? '' : 's'} answered).`);
  printNotAnswered(s);
  return 0;
}

async function close({ store, clock }: AppContext): Promise<number> {
  const { round, progress } = await closeRound({ store, clock });
  console.log(`Closed update round "${round.name}": ${progress.answered} of ${progress.inScope} tasks answered (${percent(progress.responseRate)}).`);
  console.log(`Each task's latest update and RAG (${round.snapshot?.length ?? 0} tasks) is kept with the round for the board report.`);
  printNotAnswered(progress);
  return 0;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      name: { type: 'string' },
      due: { type: 'string' },
      objectives: { type: 'string' },
      tasks: { type: 'string' },
      plan: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...extra] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!['open', 'status', 'close'].includes(command) || extra.length > 0) throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
  if (command !== 'open' && [values.name, values.due, values.objectives, values.tasks].some((v) => v !== undefined)) {
    throw new UsageError(`${command} takes no options.`);
  }
  const app = await createAppContext(loadConfig(), { log: silentLogger });
  try {
    // Each plan has its own rounds: `--plan` picks one (the default plan without it).
    const scoped = await planStoreFor(app.store, values.plan);
    if (!scoped.ok) throw new UsageError(scoped.message);
    const ctx = { ...app, store: scoped.store };
    if (command === 'open') return await open(ctx, values);
    if (command === 'status') return await status(ctx);
    return await close(ctx);
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ValidationError) {
      console.error('The round was not opened:');
      for (const f of err.fields) console.error(`  - ${f.message}`);
      process.exit(2);
    }
    exitOnFailure(err, USAGE, (message) => `Update round command failed: ${message}`);
  },
);
