/**
 * `npm run remind [-- --at <ISO datetime>]`: one reminder sweep as of that instant (default now),
 * through the same use case the server's schedule runs.
 */
import { parseArgs } from 'node:util';
import { fixedClock, systemClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { createAppContext } from '../app-context';
import { ConfigError, loadConfig } from '../config';

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
  // Ctrl+C or SIGTERM: claim nothing new, finish the messages already being sent, then report.
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) console.error('Stopping: finishing the messages already being sent (nothing is sent twice)…');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await ctx.sweep({ inSendWindow: values['in-window'], signal: stop.signal });
    if (result.outsideSendWindow) {
      console.log(`Reminder sweep as of ${result.at}: outside the send window (working days, office hours, UK bank holidays skipped): nothing sent.`);
      return 0;
    }
    console.log(
      `Reminder sweep as of ${result.at}: ${result.planned} due, ${result.sent.length} sent in ${result.messages} message(s), ${result.unreachable.length} unreachable, ${result.failed.length} failed, ${result.skipped} already sent elsewhere.`,
    );
    for (const s of result.sent) console.log(`  sent     ${s.taskRef} -> ${s.recipient}${s.kind === 'escalation' ? ' (overdue: escalated)' : ''}${s.round ? ` (update round "${s.round}")` : ''}`);
    for (const u of result.unreachable) console.log(`  no chat  ${u.taskRef} -> ${u.recipient} (the app is not installed for them yet; will retry next sweep)`);
    for (const f of result.failed) console.log(`  FAILED   ${f.taskRef} -> ${f.recipient}: ${f.reason}`);
    for (const u of result.unconfirmed) {
      console.log(`  UNSURE   task ${u.taskId} -> ${u.recipient}: a stopped sweep was sending this; it may have arrived, so it is not resent`);
    }
    if (result.stopped) console.log('Stopped before everyone was reminded: run it again to send the rest.');
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Reminder sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
