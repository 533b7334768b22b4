import type { RemindStatutoryResult } from '../../core/use-cases/remind-statutory-dates';
import { formatDate } from '../../core/plan/london-time';
import { isUndeliverable } from './remind-report';

/**
 * What `npm run remind` says about the EDI leads' statutory-date reminders, and whether any failed
 * in a way that makes the run a failure (Teams not taking the message; a lead with no chat is an
 * outcome, as for owners).
 */
export function statutoryReport(result: RemindStatutoryResult | undefined): { lines: string[]; failed: boolean } {
  if (!result || result.due === 0) return { lines: [], failed: false };
  const lines = [`Statutory dates: ${result.due} due a reminder to the EDI leads, ${result.sent.length} sent, ${result.skipped} already sent, ${result.unreachable.length} lead(s) unreachable, ${result.failed.length} failed.`];
  for (const s of result.sent) lines.push(`  sent     ${s.dutyId} (due ${formatDate(s.due)}, ${s.stage} days ahead) -> ${s.lead}`);
  for (const u of result.unreachable) lines.push(`  no chat  ${u.dutyIds.join(', ')} -> ${u.lead} (the app is not installed for this EDI lead yet; will retry next sweep)`);
  for (const f of result.failed) lines.push(`  ${isUndeliverable(f) ? 'not delivered' : 'FAILED'}   ${f.key} -> ${f.lead}: ${f.reason}`);
  return { lines, failed: result.failed.some((f) => !isUndeliverable(f)) };
}
