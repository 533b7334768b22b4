import { invalidRequest } from './graph-errors';
import { ListState } from './list-state';
import { DEFAULT_VARIANTS } from './variants';

/**
 * The site's hidden User Information List: the lookup target of every person column
 * (https://learn.microsoft.com/graph/api/resources/fieldvalueset notes person and lookup columns are
 * written as `<Name>LookupId`). Graph reads it like any list, by its title:
 * `/sites/{id}/lists('User Information List')/items`. Its fields are SharePoint's `Title` (display
 * name), `EMail`, `UserName` and `Name` (the claims login); no Microsoft reference page lists them,
 * these are the names Graph returns and community code queries. People get a row when SharePoint
 * first sees them in the site ("ensure user", a SharePoint REST call outside Graph); tests add them
 * with `addSiteUser`. Graph cannot write this list (the emulator answers 403).
 *
 * `EMail` counts as indexed here, so a lookup by e-mail needs no Prefer header. A real tenant may
 * not index it; callers commonly send `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`.
 */

export const USER_INFORMATION_LIST = 'User Information List';

export interface SiteUser {
  email: string;
  displayName: string;
  aadObjectId: string;
}

export class UserInformationList {
  readonly list: ListState;
  readonly appLookupId: number;

  constructor(emailIndexed = true) {
    this.list = new ListState({
      displayName: USER_INFORMATION_LIST,
      description: 'All people.',
      template: 'userInformation',
      hidden: true,
      authorLookupId: 0,
      userExists: () => false,
      variants: DEFAULT_VARIANTS,
    });
    for (const def of [
      { name: 'EMail', text: {}, indexed: emailIndexed },
      { name: 'UserName', text: {} },
      { name: 'Name', text: {} },
      { name: 'IsSiteAdmin', boolean: {} },
    ]) {
      this.list.addColumn(def);
    }
    // Lower ids belong to groups and system principals in a real site; start people further on.
    this.list.nextItemId = 6;
    this.appLookupId = this.list.createItem({ Title: 'SharePoint App', UserName: 'app@sharepoint', Name: 'i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint' }).id;
  }

  /**
   * Adds a person (or returns their existing lookup id, matched by e-mail). The AAD object id is not
   * a field of this list, so it is not kept: Graph cannot map a lookup id back to it either.
   */
  add(user: SiteUser): number {
    if (!/^[^@\s]+@[^@\s]+$/.test(user.email)) throw invalidRequest(`'${user.email}' is not an e-mail address.`);
    const existing = [...this.list.items.values()].find((i) => String(i.values.get('EMail') ?? '').toLowerCase() === user.email.toLowerCase());
    if (existing) return existing.id;
    const item = this.list.createItem({ Title: user.displayName, EMail: user.email, UserName: user.email, Name: `i:0#.f|membership|${user.email.toLowerCase()}` });
    return item.id;
  }

  exists(lookupId: number): boolean {
    return this.list.items.has(lookupId);
  }

  displayName(lookupId: number): string | undefined {
    const v = this.list.items.get(lookupId)?.values.get('Title');
    return typeof v === 'string' ? v : undefined;
  }

  email(lookupId: number): string | undefined {
    const v = this.list.items.get(lookupId)?.values.get('EMail');
    return typeof v === 'string' ? v : undefined;
  }
}
