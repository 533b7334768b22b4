import { z } from 'zod';
import type { Person } from '../../core/model';
import type { Directory } from '../../core/ports/directory';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { GraphRequestError } from '../../core/store/sharepoint/graph/graph-error';

const SELECT = '$select=id,displayName,mail,userPrincipalName';
const graphUser = z.object({ id: z.string().min(1), displayName: z.string().nullish(), mail: z.string().nullish(), userPrincipalName: z.string().nullish() });

function toPerson(raw: unknown): Person | undefined {
  const u = graphUser.safeParse(raw);
  if (!u.success) return undefined;
  const email = u.data.mail ?? u.data.userPrincipalName ?? '';
  return { aadObjectId: u.data.id, displayName: u.data.displayName ?? email, email };
}

/** OData string literal: single quotes doubled. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The organisation's people from Microsoft Graph (application permission User.Read.All):
 * `/users/{id}`, `/users/{id}/manager`, and a prefix search on name and email. Answers are kept
 * for ten minutes: approvals and delegations ask about the same few people again and again.
 */
export function graphDirectory(api: GraphApi, cacheMs = 10 * 60_000, now: () => number = Date.now): Directory {
  const cache = new Map<string, { at: number; value: unknown }>();
  async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < cacheMs) return hit.value as T;
    const value = await load();
    if (cache.size > 5_000) cache.clear();
    cache.set(key, { at: now(), value });
    return value;
  }
  const orUndefinedOn404 = async (path: string): Promise<Person | undefined> => {
    try {
      return toPerson(await api.get<unknown>(path));
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 404) return undefined;
      throw err;
    }
  };
  return {
    findById: (id) => cached(`id:${id}`, () => orUndefinedOn404(`/users/${encodeURIComponent(id)}?${SELECT}`)),
    managerOf: (id) => cached(`manager:${id}`, () => orUndefinedOn404(`/users/${encodeURIComponent(id)}/manager?${SELECT}`)),
    search: (nameOrEmail) =>
      cached(`search:${nameOrEmail.trim().toLowerCase()}`, async () => {
        const q = nameOrEmail.trim();
        if (!q) return [];
        const filter = q.includes('@')
          ? `mail eq ${literal(q)} or userPrincipalName eq ${literal(q)}`
          : `startswith(displayName,${literal(q)}) or startswith(givenName,${literal(q)}) or startswith(surname,${literal(q)})`;
        const { value } = await api.get<{ value: unknown[] }>(`/users?$filter=${encodeURIComponent(filter)}&${SELECT}&$top=10`);
        const people = value.map(toPerson).filter((p): p is Person => p !== undefined);
        const exact = people.filter((p) => p.displayName.toLowerCase() === q.toLowerCase());
        return exact.length ? exact : people;
      }),
  };
}
