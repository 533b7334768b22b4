import type { Person } from '../../core/model';
import type { Directory } from '../../core/ports/directory';
import { demoUsers, toPerson, type DemoUser } from '../demo/demo-users';

/** The demo council's people as a directory: managers from `managerId`, search by name or email. */
export function demoDirectory(users: readonly DemoUser[] = Object.values(demoUsers)): Directory {
  const byId = new Map(users.map((u) => [u.aadObjectId, u]));
  return {
    findById: async (id) => {
      const u = byId.get(id);
      return u && toPerson(u);
    },
    search: async (nameOrEmail) => {
      const needle = nameOrEmail.trim().toLowerCase();
      if (!needle) return [];
      // An exact name or email wins; otherwise names or emails starting with it ("sam", "sam.okafor@").
      const exact = users.filter((u) => u.displayName.toLowerCase() === needle || u.email.toLowerCase() === needle);
      if (exact.length) return exact.map(toPerson);
      return users
        .filter((u) => u.email.toLowerCase().startsWith(needle) || u.displayName.toLowerCase().split(/\s+/).some((_, i, words) => words.slice(i).join(' ').startsWith(needle)))
        .map(toPerson);
    },
    managerOf: async (id): Promise<Person | undefined> => {
      const managerId = byId.get(id)?.managerId;
      const manager = managerId ? byId.get(managerId) : undefined;
      return manager && toPerson(manager);
    },
  };
}
