import type { Person } from '../../core/model';
import type { Messenger } from '../../core/ports/messenger';
import { rememberConversation } from '../../core/use-cases/remember-conversation';
import type { AppContext } from '../app-context';
import { CardVerb } from '../cards/card-verbs';
import { noticeCard } from '../cards/notice-card';
import { checkedInstaller, type TeamsAppInstaller } from '../teams/teams-app-installer';
import type { Probe } from './probe';

/**
 * The Teams assumptions, probed for one real person (`--user <Entra object id>`): the app is found
 * in the catalog by its manifest id and Graph signs in as its webApplicationInfo.id; installing it
 * leads to their bot chat; createConversation names them by their Teams id (29:…); a card whose
 * refresh.userIds holds that id is accepted (opening the chat then shows it redrawn).
 */
export class TeamsProbes {
  private opened?: { teamsUserId?: string };
  private installer?: TeamsAppInstaller;

  constructor(
    private readonly ctx: Pick<AppContext, 'config' | 'store' | 'clock'> & { messenger: Messenger },
    private readonly person?: Person,
  ) {}

  probes(): Probe[] {
    return [
      { assumption: 'The app is in the catalog by manifest id; Graph is its webApplicationInfo.id', run: () => this.catalog() },
      { assumption: 'Installing by catalog id leads to the person\'s bot chat', run: () => this.install() },
      { assumption: 'createConversation opens the 1:1 chat; the Teams user id is 29:…', run: () => this.openChat() },
      { assumption: 'A card with refresh.userIds = that Teams id is accepted', run: () => this.refreshCard() },
    ];
  }

  private async catalog() {
    const apps = this.ctx.config.teamsApps;
    if (!apps) return { skipped: 'set TEAMS_APP_ID (the manifest id) and Graph credentials' };
    const { installer, warnings } = await checkedInstaller(apps);
    this.installer = installer;
    return { observed: warnings.length ? warnings.join(' ') : 'found; Graph signs in as the manifest\'s app', pass: true };
  }

  private async install() {
    if (!this.person) return { skipped: 'pass --user <Entra object id> of someone who may have the app' };
    if (!this.installer) return { skipped: 'the catalog check did not run' };
    const result = await this.installer.install(this.person);
    return { observed: `${result.outcome}${result.chatId ? '; chat ready' : '; no chat yet'}${result.detail ? ` (${result.detail})` : ''}`, pass: result.outcome !== 'failed' && Boolean(result.chatId) };
  }

  private async openChat() {
    if (!this.person) return { skipped: 'pass --user <Entra object id>' };
    if (!this.ctx.messenger.openConversation) return { skipped: 'the bot cannot open chats here (BOT_OPEN_CHATS=false or no bot registration)' };
    const opened = await this.ctx.messenger.openConversation(this.person);
    await rememberConversation(this.ctx, { aadObjectId: this.person.aadObjectId, displayName: this.person.displayName, ...opened });
    this.opened = opened;
    return { observed: `Teams user id ${opened.teamsUserId ?? '(not returned)'}`, pass: opened.teamsUserId?.startsWith('29:') === true };
  }

  private async refreshCard() {
    if (!this.person || !this.opened) return { skipped: 'needs the chat from the probe above' };
    if (!this.opened.teamsUserId) return { observed: 'no Teams user id to name', pass: false };
    const card = {
      ...noticeCard('EDI action plan: smoke test', 'When Teams refreshes this card for you, it turns into your task list.'),
      refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: CardVerb.showMyTasks, data: {} }, userIds: [this.opened.teamsUserId] },
    };
    const sent = await this.ctx.messenger.sendCard(this.person, { card, summary: 'EDI action plan smoke test' });
    return { observed: `sent (activity ${sent.activityId || 'no id'}); open the chat in Teams: it should show your task list`, pass: true };
  }
}
