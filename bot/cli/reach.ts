/**
 * `npm run reach [-- --open] [-- --install]`: the pre-flight before reminders or a round. Lists who
 * owns or answers for open tasks and whether the bot can reach them. `--open` opens the chat for
 * people who have the app but never told us; `--install` first installs the app for them through
 * Graph (TEAMS_APP_ID or TEAMS_APP_CATALOG_ID, and TeamsAppInstallation.ReadWriteSelfForUser.All),
 * waiting for Teams to set up each chat before opening it.
 */
import { parseArgs } from 'node:util';
import { silentLogger } from '../../core/ports/logger';
import { DeliveryError } from '../../core/ports/messenger';
import { checkReach, type ReachEntry } from '../../core/use-cases/check-reach';
import { rememberConversation } from '../../core/use-cases/remember-conversation';
import { createAppContext, type AppContext } from '../app-context';
import { ConfigError, loadConfig } from '../config';
import { checkedInstaller, InstallerSetupError, type TeamsAppInstaller } from '../teams/teams-app-installer';

function line(e: ReachEntry): string {
  const status = { reachable: 'ok      ', 'no-chat': 'NO CHAT ', failing: 'FAILING ' }[e.status];
  const why = e.lastFailure ? `  (last reminder ${e.lastFailure.reason} at ${e.lastFailure.at})` : '';
  return `  ${status} ${e.person.displayName} <${e.person.email}>  ${e.roles.join('+')} of ${e.openTasks.join(', ')}${why}`;
}

/** The installer, checked before anyone is installed: a setup that cannot work stops here (InstallerSetupError). */
async function installerFor(ctx: AppContext): Promise<TeamsAppInstaller | undefined> {
  const apps = ctx.config.teamsApps;
  if (!apps) {
    console.log('  --install needs TEAMS_APP_ID (or TEAMS_APP_CATALOG_ID) and Graph credentials (see README, "Reaching people").');
    return undefined;
  }
  const { installer, warnings } = await checkedInstaller(apps);
  for (const warning of warnings) console.log(`  warning: ${warning}`);
  return installer;
}

async function reach(ctx: AppContext, entries: ReachEntry[], install: boolean): Promise<void> {
  const installer = install ? await installerFor(ctx) : undefined;
  const targets = entries.filter((e) => e.status !== 'reachable');
  for (const [i, e] of targets.entries()) {
    const progress = `[${i + 1}/${targets.length}] ${e.person.displayName}:`;
    if (installer) {
      // Waits (bounded) for Teams to set up the chat, so the createConversation below finds it.
      const installed = await installer.install(e.person);
      const chat = installed.chatId ? ', chat ready' : '';
      console.log(`  ${progress} install ${installed.outcome}${chat}${installed.detail ? ` (${installed.detail})` : ''}`);
    }
    if (!ctx.messenger.openConversation) continue;
    try {
      const opened = await ctx.messenger.openConversation(e.person);
      await rememberConversation(ctx, { aadObjectId: e.person.aadObjectId, displayName: e.person.displayName, ...opened });
      console.log(`  ${progress} chat opened: reachable now`);
    } catch (err) {
      console.log(`  ${progress} still unreachable (${err instanceof DeliveryError ? err.kind : (err as Error).message})`);
    }
  }
}

/** The EDI leads in effect (config's, named; app-context.ts): who hears about unreachable owners and overdue tasks. */
async function printLeads(ctx: AppContext): Promise<void> {
  if (!ctx.ediLeads.length) {
    console.log('EDI leads: none (set EDI_LEAD_IDS): nobody is told about owners the bot cannot reach.');
    return;
  }
  console.log(`EDI leads (told about owners the bot cannot reach, and overdue tasks): ${ctx.ediLeads.length}`);
  for (const lead of ctx.ediLeads) {
    const chat = await ctx.store.getConversation(lead.aadObjectId);
    console.log(`  ${chat ? 'ok      ' : 'NO CHAT '} ${lead.displayName} <${lead.email}>  EDI lead`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { open: { type: 'boolean' }, install: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: npm run reach [-- --open] [-- --install]\nLists owners and accountable officers of open tasks and whether the bot can reach them.');
    return 0;
  }
  const ctx = await createAppContext(loadConfig(), { log: silentLogger });
  try {
    let entries = await checkReach(ctx.store);
    const count = (s: ReachEntry['status']) => entries.filter((e) => e.status === s).length;
    console.log(`${entries.length} people own or answer for open tasks: ${count('reachable')} reachable, ${count('no-chat')} without a chat with the bot, ${count('failing')} failing.`);
    for (const e of entries) console.log(line(e));
    await printLeads(ctx);
    if (values.open || values.install) {
      await reach(ctx, entries, Boolean(values.install));
      entries = await checkReach(ctx.store);
    }
    return entries.some((e) => e.status !== 'reachable') ? 1 : 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof InstallerSetupError ? err.message : `reach failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
