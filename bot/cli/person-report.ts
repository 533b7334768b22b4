import type { PersonExport } from '../../core/use-cases/person-export';
import type { LeaverResult, SuccessorRoute } from '../../core/use-cases/person-leaver';

/** What `npm run person` prints: counts for an export, each change (or would-be change) for a leaver. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeExport(doc: PersonExport, file: string): string[] {
  const c = doc.counts;
  const names = doc.person.displayNames.length ? ` (${doc.person.displayNames.join(', ')})` : '';
  return [
    `Wrote everything held about ${doc.person.email}${names} to ${file}.`,
    `  Plans:                ${c.plans}${c.plansOwned ? ` (owner of ${c.plansOwned})` : ''}`,
    `  Tasks:                ${c.tasks}`,
    `  Updates:              ${c.updates}`,
    `  RAG approvals:        ${c.approvals}`,
    `  Comments:             ${c.comments}`,
    `  History items made:   ${c.changesMade}`,
    `  History naming them:  ${c.changesNamingThem}`,
    `  Board round extracts: ${c.roundSnapshots}`,
    `  Reminders sent:       ${c.reminders}`,
    `  Chat with the bot:    ${c.conversation ? 'yes' : 'none'}`,
    doc.person.inDirectory ? '' : 'They are not in the directory (any more): they were found in the plan records.',
    'The file holds their own words (updates, comments) and other people\'s names where a record needs them: check it before you send it.',
  ].filter((l) => l !== '');
}

const ROUTE_WORDS: Record<SuccessorRoute, string> = {
  'co-owners': 'stays with its co-owners',
  'accountable-officer': 'its accountable officer',
  named: 'named with --to',
  'plan-owner': "the plan's owner",
  'edi-lead': 'an EDI lead',
};

const APPROVER_WORDS = { 'accountable-officer': 'accountable officer', manager: "requester's manager", 'edi-lead': 'EDI lead' } as const;

function told(flag: boolean | undefined, dryRun: boolean): string {
  if (dryRun || flag === undefined) return '';
  return flag ? '  (told in Teams)' : '  (could not be reached in Teams: tell them yourself)';
}

export function describeLeaver(r: LeaverResult): string[] {
  const who = `${r.leaver.displayName} <${r.leaver.email}>`;
  const lines = [r.dryRun ? `Dry run: nothing was changed. For ${who} this would:` : `${who} has left the council:`];
  const verb = (done: string, would: string) => (r.dryRun ? would : done);
  lines.push(`${verb('Open tasks handed over', 'Hand over open tasks')} (${r.handedOver.length}):`);
  for (const h of r.handedOver) {
    const to = h.via === 'co-owners' ? `${h.owners.map((o) => o.displayName).join(', ')} (${ROUTE_WORDS[h.via]})` : `${h.owners[0]?.displayName ?? '?'} (${ROUTE_WORDS[h.via]})`;
    lines.push(`  ${h.planKey}  ${h.ref} -> ${to}${told(h.told, r.dryRun)}`);
  }
  if (r.notHandedOver.length) {
    lines.push(`Open tasks nobody could take (${r.notHandedOver.length}): no accountable officer, plan owner or EDI lead; give --to, or assign an owner in the tab:`);
    for (const t of r.notHandedOver) lines.push(`  ${t.planKey}  ${t.ref}  ${t.title}`);
  }
  lines.push(`${verb('RAG decisions re-routed', 'Re-route RAG decisions')} (${r.rerouted.length}):`);
  for (const a of r.rerouted) lines.push(`  ${a.planKey}  ${a.taskRef} -> ${a.to.displayName} (${APPROVER_WORDS[a.route]})${told(a.told, r.dryRun)}`);
  if (r.notRerouted.length) lines.push(`RAG decisions nobody else can make (${r.notRerouted.length}): ${r.notRerouted.map((a) => `${a.planKey} ${a.taskRef}`).join(', ')}. Set EDI_LEAD_IDS, or an accountable officer on the task.`);
  lines.push(...stillNamed(r));
  lines.push(
    r.conversation === 'deleted'
      ? 'Their chat record with the bot was deleted (the bot can no longer message them).'
      : r.conversation === 'to-delete'
        ? 'Their chat record with the bot would be deleted.'
        : 'They have no chat record with the bot.',
  );
  lines.push('Their updates, comments and decisions stay in the history under their name: that is the record.');
  if (!r.dryRun && r.handedOver.length + r.rerouted.length === 0) lines.push('Nothing was changed: they own no open task and no decision waits on them (already handed over?).');
  return lines;
}

function stillNamed(r: LeaverResult): string[] {
  const s = r.stillNamed;
  const out: string[] = [];
  if (s.accountableFor.length) out.push(`Still accountable officer for ${plural(s.accountableFor.length, 'open task')} (set another in the tab): ${s.accountableFor.map((t) => `${t.planKey} ${t.ref}`).join(', ')}`);
  if (s.plansOwned.length) out.push(`Still the owner of ${plural(s.plansOwned.length, 'plan')} (change it in the tab): ${s.plansOwned.map((p) => p.planKey).join(', ')}`);
  if (s.proposalsPending.length) out.push(`RAG changes they proposed still await a decision (it stands for the task): ${s.proposalsPending.map((a) => `${a.planKey} ${a.taskRef}`).join(', ')}`);
  return out;
}
