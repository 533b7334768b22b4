/**
 * What `npm run remind` says about reminders that did not go out, and whether that is a failure.
 * A person Teams will not deliver to (no chat any more, blocked) is an outcome of the sweep: listed,
 * explained, exit code 0. Exit code 1 is for the sweep itself failing: Teams not taking messages
 * after every retry, or (thrown before this) the store or the configuration.
 */
import type { DeliveryFailureKind } from '../../core/ports/messenger';
import type { ChaseApprovalsResult } from '../../core/use-cases/chase-approvals';
import type { SweepResult } from '../../core/use-cases/run-reminder-sweep';
import { demoUsers } from '../demo/demo-users';

type Failed = SweepResult['failed'][number];

/** Failures that are about the person, not the app: not retried (run-reminder-sweep.ts), never exit 1. */
const UNDELIVERABLE: ReadonlySet<string> = new Set<DeliveryFailureKind>(['not-found', 'blocked', 'no-conversation']);

export function isUndeliverable(f: Pick<Failed, 'reason'>): boolean {
  return UNDELIVERABLE.has(f.reason);
}

const SHORT: Record<string, string> = {
  'not-found': 'Teams found no chat with them (not-found)',
  blocked: 'Teams refused: they blocked the bot or the app is not allowed for them (blocked)',
  'no-conversation': 'the bot has no chat with them (no-conversation)',
};

/** `PLAYGROUND_USER=alex`: the demo user behind "Alex Morgan <alex.morgan@…>", when there is one. */
function playgroundUserOf(recipient: string): string | undefined {
  return Object.entries(demoUsers).find(([, u]) => recipient.includes(`<${u.email}>`))?.[0];
}

/** Why, and what to do: once per kind of failure seen. `local`: no bot registration, so the client is the Agents Playground. */
function explanation(reason: string, recipients: string[], local: boolean): string[] {
  if (reason === 'not-found' && local) {
    const user = recipients.map(playgroundUserOf).find(Boolean) ?? 'alex';
    return [
      'Not delivered: the bot still has these people\'s chats from earlier runs, but the Agents Playground delivers only to',
      'the one person it is signed in as, so it answered "not found". Nothing is broken. To see their cards, restart the app',
      `signed in as them (for example PLAYGROUND_USER=${user} npm start) and type "my tasks"; their next reminder reaches them there.`,
    ];
  }
  if (reason === 'not-found') {
    return [
      'Not delivered: Teams no longer has these people\'s chat with the bot, usually because the app was removed for them.',
      'These reminders are not retried. "npm run reach" lists who cannot be reached; "npm run reach -- --install" installs the app again.',
    ];
  }
  if (reason === 'blocked') {
    return ['Not delivered: these people blocked the bot, or a Teams policy no longer allows the app for them. Not retried; ask them or your Teams admin.'];
  }
  return ['Not delivered: the bot has no chat with these people yet (the app is not installed for them). "npm run reach" says more.'];
}

/** The lines for what did not go out (after the "sent" lines), and the exit code the run ends with. */
export function failureReport(failed: readonly Failed[], options: { local: boolean }): { lines: string[]; exitCode: 0 | 1 } {
  const lines: string[] = [];
  const undeliverable = failed.filter(isUndeliverable);
  const broken = failed.filter((f) => !isUndeliverable(f));
  for (const f of undeliverable) lines.push(`  not delivered  ${f.taskRef} -> ${f.recipient}: ${SHORT[f.reason] ?? f.reason}`);
  for (const f of broken) lines.push(`  FAILED   ${f.taskRef} -> ${f.recipient}: ${f.reason}`);
  for (const reason of new Set(undeliverable.map((f) => f.reason))) {
    lines.push(...explanation(reason, undeliverable.filter((f) => f.reason === reason).map((f) => f.recipient), options.local));
  }
  if (broken.length) {
    lines.push('FAILED: Teams did not take these messages even after retrying (throttled, or the service failing). They are tried again at the next sweep; exit code 1.');
  }
  return { lines, exitCode: broken.length ? 1 : 0 };
}

/** The approvals part of the sweep, when it did anything. */
export function approvalsLine(a: ChaseApprovalsResult | undefined): string | undefined {
  if (!a || a.requested + a.told + a.chased + a.escalated + a.repaired === 0) return undefined;
  return `RAG approvals: ${a.requested} approval card(s) sent, ${a.told} owner(s) told a decision, ${a.chased} approver(s) reminded, ${a.escalated} escalated to the EDI leads, ${a.repaired} repaired.`;
}

/** After the "no chat" lines: why, and what to do. Retried at every sweep, so never a failure. */
export function noChatHint(unreachable: SweepResult['unreachable'], options: { local: boolean }): string[] {
  if (!unreachable.length) return [];
  if (options.local) {
    const user = unreachable.map((u) => playgroundUserOf(u.recipient)).find(Boolean) ?? 'sam';
    return [`No chat: these people have not been signed in to the Agents Playground yet, so the bot has no chat with them. Start the app as one of them (for example PLAYGROUND_USER=${user} npm start) and run this again.`];
  }
  return ['No chat: the app is not installed for these people yet. "npm run reach -- --install" installs it for them; they are tried again at every sweep.'];
}
