/**
 * `npm run remind [-- --at <ISO datetime>]`: one reminder sweep as of that instant (default now),
 * through the same use case the server's schedule runs. Exit codes: 0 the sweep ran (people who
 * could not be reached are listed, with why), 1 it failed (store, configuration, Teams not taking
 * messages), 2 a bad argument.
 */
import { parseArgs } from 'node:util';
import { formatDate } from '../../core/plan/london-time';
import { fixedClock, systemClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { createAppContext } from '../app-context';
import { ConfigError, loadConfig } from '../config';
import { approvalsLine, failureReport, isUndeliverable, noChatHint } from './remind-report';
import { statutoryReport } from './remind-statutory';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { at: { type: 'string' }, 'in-window': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(
      [
        'Usage: npm run remind [-- --at 2026-11-25T09:00:00Z] [--in-window]',
        'Sends the reminders due at that instant (default: now). Safe to re-run: nothing is sent twice.',
        '--in-window  behave like the schedule: send nothing outside office hours on working days (bank holidays skipped).',
      ].join('\n'),
    );
    return 0;
  }
  let clock = systemClock;
  if (values.at !== undefined) {
    const at = new Date(values.at);
    if (Number.isNaN(at.getTime())) {
      console.error(`--at "${values.at}" is not a date and time. Use ISO 8601, for example 2026-11-25T09:00:00Z.`);
      return 2;
    }
    clock = fixedClock(at);
  }
  const ctx = await createAppContext(loadConfig(), { clock, log: silentLogger });
  const stop = stopOnSignals();
  try {
    const result = await ctx.sweep({ inSendWindow: values['in-window'], signal: stop.signal });
    if (result.outsideSendWindow) {
      console.log(`Reminder sweep as of ${result.at}: outside the send window (working days, office hours, UK bank holidays skipped): nothing sent.`);
      return 0;
    }
    const local = { local: !ctx.config.bot.appId }; // no bot registration: the client is the Agents Playground
    const failures = failureReport(result.failed, local);
    const notDelivered = result.failed.filter(isUndeliverable).length;
    console.log(
      `Reminder sweep as of ${result.at}: ${result.planned} due, ${result.sent.length} sent in ${result.messages} message(s), ${result.folded.length} already on today's card, ${result.held.length} held to the next working day, ${result.unreachable.length} unreachable, ${notDelivered} not delivered, ${result.failed.length - notDelivered} failed, ${result.skipped} already sent elsewhere.`,
    );
    for (const s of result.sent) console.log(`  sent     ${s.taskRef} -> ${s.recipient}${s.kind === 'escalation' ? ' (overdue: escalated)' : ''}${s.round ? ` (update round "${s.round}")` : ''}`);
    // One card per person per day (core/reminders/daily-card.ts): the rest of today's asks.
    for (const f of result.folded) console.log(`  on card  ${f.taskRef} -> ${f.recipient} (already on their card today: not sent again)`);
    for (const h of result.held) console.log(`  held     ${h.taskRef} -> ${h.recipient} (they have had today's card: it goes in their card on ${formatDate(h.until)})`);
    for (const u of result.unreachable) console.log(`  no chat  ${u.taskRef} -> ${u.recipient} (the app is not installed for them yet; will retry next sweep)`);
    for (const line of noChatHint(result.unreachable, local)) console.log(line);
    for (const line of failures.lines) console.log(line);
    for (const u of result.unconfirmed) {
      console.log(`  UNSURE   task ${u.taskId} -> ${u.recipient}: a stopped sweep was sending this; it may have arrived, so it is not resent`);
    }
    const approvals = approvalsLine(result.approvals);
    if (approvals) console.log(approvals);
    const statutory = statutoryReport(result.statutory);
    for (const line of statutory.lines) console.log(line);
    if (result.stopped) console.log('Stopped before everyone was reminded: run it again to send the rest.');
    // Exit 1 only when the sweep failed (README, "Commands"); someone who cannot be reached is reported, not a failure.
    return statutory.failed ? 1 : failures.exitCode;
  } finally {
    await ctx.close();
  }
}

/** Ctrl+C or SIGTERM: claim nothing new, finish the messages already being sent, then report. */
function stopOnSignals(): AbortController {
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) console.error('Stopping: finishing the messages already being sent (nothing is sent twice)…');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return stop;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Reminder sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
