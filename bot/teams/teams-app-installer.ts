import type { Person } from '../../core/model';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { GraphRequestError } from '../../core/store/sharepoint/graph/graph-error';
import { odataString } from '../../core/store/sharepoint/odata';
import { silentLogger } from '../../core/ports/logger';
import type { TeamsAppsConfig } from '../config';
import { backoffMs, type BackoffPolicy } from '../delivery/backoff';
import { createGraphApi, createGraphTokens } from '../plan-store-factory';
import { graphCallerAppId } from './graph-caller';

export type InstallOutcome = 'installed' | 'already-installed' | 'failed';

export interface InstallResult {
  outcome: InstallOutcome;
  detail?: string;
  /** The person's 1:1 chat with the bot (a Graph chat id) once Teams has set it up. */
  chatId?: string;
}

/** Which Teams app to install (TeamsAppsConfig's ids). */
export interface TeamsAppTarget {
  /** The manifest `id`: the catalog id is looked up from it. */
  manifestAppId?: string;
  /** The organisation catalog's id for the app: an override that skips the lookup. */
  catalogAppId?: string;
  /** The manifest's `webApplicationInfo.id` as configured: the app Graph must sign in as. */
  webApplicationId?: string;
}

/** How long to wait for Teams to set up the chat after an install: bounded, with backoff. */
export interface ChatWait extends BackoffPolicy {
  attempts: number;
}

/** 8 checks, 1 s doubling to 8 s between them: about 40 s at most per person. */
export const DEFAULT_CHAT_WAIT: ChatWait = { attempts: 8, baseMs: 1_000, maxMs: 8_000 };

/** The installer cannot work as configured; the message says what to change. */
export class InstallerSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallerSetupError';
  }
}

interface Installation {
  id: string;
  teamsApp?: { id?: string; externalId?: string };
}

interface CatalogApp {
  id: string;
  appDefinitions?: { azureADAppId?: string | null }[];
}

const PERMISSION_DOC = 'https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages#permissions';

/**
 * Installs the app for a person through Graph, so Teams opens their 1:1 chat with the bot and
 * proactive cards can reach them (POST /users/{id}/teamwork/installedApps, application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent). The catalog id comes from the
 * manifest id (GET /appCatalogs/teamsApps?$filter=externalId eq '…', AppCatalog.Read.All), or from
 * anyone who already has the app (their installedApps, readable with the install permission), or
 * from TEAMS_APP_CATALOG_ID. After an install it waits for the chat (GET …/installedApps/{id}/chat).
 * https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages
 * https://learn.microsoft.com/graph/api/userteamwork-post-installedapps
 * https://learn.microsoft.com/graph/api/userteamwork-list-installedapps
 * https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps
 */
export class TeamsAppInstaller {
  private catalogAppId?: string;
  private readonly wait: ChatWait;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly api: GraphApi,
    private readonly target: TeamsAppTarget,
    private readonly options: { graphRoot?: string; wait?: ChatWait; sleep?: (ms: number) => Promise<void> } = {},
  ) {
    this.catalogAppId = target.catalogAppId;
    this.wait = options.wait ?? DEFAULT_CHAT_WAIT;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Checks before anyone is installed. ReadWriteSelfForUser lets an app install only the Teams app
   * whose manifest `webApplicationInfo.id` is its own Entra app id, so Graph must sign in as that
   * app (`callerAppId`: the token's app id). Throws InstallerSetupError when it cannot work; returns
   * warnings for what it cannot check.
   */
  async prepare(callerAppId: string | undefined): Promise<string[]> {
    const { manifestAppId, webApplicationId } = this.target;
    if (!manifestAppId && !this.catalogAppId) throw new InstallerSetupError('Set TEAMS_APP_ID (the manifest id, env/.env.<name>) so the app can be found in your app catalog, or TEAMS_APP_CATALOG_ID.');
    const warnings: string[] = [];
    if (!callerAppId) warnings.push('Could not tell which app Microsoft Graph signs in as, so it is not checked against the manifest\'s webApplicationInfo.id.');
    if (callerAppId && webApplicationId) checkCaller(callerAppId, webApplicationId, 'the configured webApplicationInfo.id (TAB_SSO_CLIENT_ID, else MicrosoftAppId)');
    if (!this.catalogAppId && manifestAppId) {
      const app = await this.lookUpCatalog(manifestAppId, warnings);
      const inCatalog = app?.appDefinitions?.map((d) => d.azureADAppId).find((id): id is string => typeof id === 'string' && id !== '');
      if (callerAppId && inCatalog) checkCaller(callerAppId, inCatalog, 'webApplicationInfo.id of the app in your catalog');
      if (app && !inCatalog) warnings.push(`The app in your catalog has no webApplicationInfo.id: TeamsAppInstallation.ReadWriteSelfForUser.All needs it (${PERMISSION_DOC}).`);
      this.catalogAppId = app?.id;
    }
    return warnings;
  }

  async install(person: Person): Promise<InstallResult> {
    let outcome: InstallOutcome;
    try {
      const existing = await this.installationOf(person);
      if (existing) {
        outcome = 'already-installed';
        return { outcome, ...(await this.chatReady(person, existing.id)) };
      }
      if (!this.catalogAppId) return { outcome: 'failed', detail: 'the app\'s catalog id is not known: grant AppCatalog.Read.All, or set TEAMS_APP_CATALOG_ID' };
      outcome = await this.post(person, this.catalogAppId);
    } catch (err) {
      return { outcome: 'failed', detail: describe(err) };
    }
    return { outcome, ...(await this.chatReady(person)) };
  }

  /** The organisation's app with this manifest id; undefined (with a warning) when it cannot be read. */
  private async lookUpCatalog(manifestAppId: string, warnings: string[]): Promise<CatalogApp | undefined> {
    const filter = encodeURIComponent(`externalId eq ${odataString(manifestAppId)}`);
    let found: CatalogApp[];
    try {
      found = (await this.api.get<{ value: CatalogApp[] }>(`/appCatalogs/teamsApps?$filter=${filter}&$expand=appDefinitions`)).value ?? [];
    } catch (err) {
      if (!(err instanceof GraphRequestError) || (err.status !== 403 && err.status !== 401)) throw err;
      warnings.push('Could not read the app catalog (application permission AppCatalog.Read.All): the app\'s catalog id will be taken from someone who already has the app, or set TEAMS_APP_CATALOG_ID.');
      return undefined;
    }
    if (found.length === 0) {
      throw new InstallerSetupError(`No app with manifest id ${manifestAppId} (TEAMS_APP_ID) is in your organisation's app catalog: upload the app package (Teams admin centre → Teams apps → Manage apps → Upload new app), or check TEAMS_APP_ID.`);
    }
    return found[0];
  }

  /** The person's installation of this app, if any; learns the catalog id from it. */
  private async installationOf(person: Person): Promise<Installation | undefined> {
    const { manifestAppId } = this.target;
    const filter = manifestAppId ? `teamsApp/externalId eq ${odataString(manifestAppId)}` : `teamsApp/id eq ${odataString(this.catalogAppId ?? '')}`;
    const { value } = await this.api.get<{ value: Installation[] }>(`${installedAppsOf(person)}?$expand=teamsApp&$filter=${encodeURIComponent(filter)}`);
    const installation = value?.find((i) => typeof i.id === 'string');
    if (installation?.teamsApp?.id) this.catalogAppId ??= installation.teamsApp.id;
    return installation;
  }

  /** 201 (with no body) installed; 409 (Conflict) means it already was. */
  private async post(person: Person, catalogAppId: string): Promise<InstallOutcome> {
    const root = (this.options.graphRoot ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
    try {
      await this.api.post(installedAppsOf(person), { 'teamsApp@odata.bind': `${root}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}` });
      return 'installed';
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 409) return 'already-installed';
      // An empty 201 labelled application/json fails the client's JSON parse: it is still a 201.
      if (err instanceof GraphRequestError && err.status >= 200 && err.status < 300) return 'installed';
      throw err;
    }
  }

  /**
   * Teams sets the chat up after the install answers: until then the installation may not be
   * listed and its chat is 404. Checked a bounded number of times with backoff; never a failure
   * of the install itself (opening the chat afterwards may still work).
   */
  private async chatReady(person: Person, knownInstallationId?: string): Promise<Pick<InstallResult, 'chatId' | 'detail'>> {
    let installationId = knownInstallationId;
    try {
      for (let attempt = 0; attempt < this.wait.attempts; attempt++) {
        if (attempt > 0) await this.sleep(backoffMs(attempt, this.wait));
        installationId ??= (await this.installationOf(person))?.id;
        if (!installationId) continue;
        const chatId = await this.chatOf(person, installationId);
        if (chatId) return { chatId };
      }
    } catch (err) {
      return { detail: `could not confirm the chat (${describe(err)})` };
    }
    return { detail: `Teams had not set up the chat after ${this.wait.attempts} checks` };
  }

  private async chatOf(person: Person, installationId: string): Promise<string | undefined> {
    try {
      const chat = await this.api.get<{ id?: string }>(`${installedAppsOf(person)}/${encodeURIComponent(installationId)}/chat`);
      return typeof chat?.id === 'string' && chat.id !== '' ? chat.id : undefined;
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 404) return undefined;
      throw err;
    }
  }
}

function installedAppsOf(person: Person): string {
  return `/users/${encodeURIComponent(person.aadObjectId)}/teamwork/installedApps`;
}

function checkCaller(callerAppId: string, webApplicationId: string, where: string): void {
  if (callerAppId.toLowerCase() === webApplicationId.toLowerCase()) return;
  throw new InstallerSetupError(
    `Microsoft Graph signs in as app ${callerAppId}, but ${where} is ${webApplicationId}. TeamsAppInstallation.ReadWriteSelfForUser.All only lets an app install the Teams app whose webApplicationInfo.id is its own app id (${PERMISSION_DOC}). ` +
      `Either sign Graph in as ${webApplicationId} (GRAPH_CLIENT_ID with its secret or certificate), or package the app with TAB_SSO_CLIENT_ID=${callerAppId} (env/.env.<name>) and upload it again.`,
  );
}

function describe(err: unknown): string {
  if (err instanceof GraphRequestError) return `${err.status} ${err.code}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The installer for the configured app, checked (`prepare`) before anyone is installed: what
 * `reach --install` and `smoke:tenant` start with. InstallerSetupError when it cannot work.
 */
export async function checkedInstaller(apps: TeamsAppsConfig): Promise<{ installer: TeamsAppInstaller; warnings: string[] }> {
  const tokens = createGraphTokens(apps.auth);
  const installer = new TeamsAppInstaller(createGraphApi(apps.graphBaseUrl, apps.auth, silentLogger, tokens), apps, { graphRoot: apps.graphBaseUrl });
  return { installer, warnings: await installer.prepare(await graphCallerAppId(tokens, apps.auth)) };
}
