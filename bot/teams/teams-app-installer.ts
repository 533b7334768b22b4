import type { Person } from '../../core/model';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { GraphRequestError } from '../../core/store/sharepoint/graph/graph-error';

export type InstallOutcome = 'installed' | 'already-installed' | 'failed';

/**
 * Installs the app for a person through Graph (POST /users/{id}/teamwork/installedApps), so Teams
 * opens their 1:1 chat with the bot and proactive reminders can reach them. Needs the application
 * permission TeamsAppInstallation.ReadWriteSelfForUser.All (admin consent), and the app's id in the
 * organisation's app catalog (TEAMS_APP_CATALOG_ID).
 * https://learn.microsoft.com/graph/api/userteamwork-post-installedapps
 */
export class TeamsAppInstaller {
  constructor(
    private readonly api: GraphApi,
    private readonly catalogAppId: string,
    private readonly graphRoot = 'https://graph.microsoft.com/v1.0',
  ) {}

  async install(person: Person): Promise<{ outcome: InstallOutcome; detail?: string }> {
    try {
      await this.api.post(`/users/${encodeURIComponent(person.aadObjectId)}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `${this.graphRoot}/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}`,
      });
      return { outcome: 'installed' };
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 409) return { outcome: 'already-installed' };
      if (err instanceof GraphRequestError) return { outcome: 'failed', detail: `${err.status} ${err.code}` };
      return { outcome: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }
}
