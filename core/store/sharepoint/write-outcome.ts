import { isDeepStrictEqual } from 'node:util';
import type { Fields } from './columns/column';
import { isNextVersion, type MirroredItem } from './list-mirror';
import { listOf, type ListKey } from './list-schema';

/**
 * Telling our own write from another writer's once an answer left it open (a 5xx, or no answer,
 * before the final one). Fields are compared as the domain reads them, so the way SharePoint stores
 * a value (instants to the second, a date-only column at midnight) is no difference. Person columns
 * are not compared: the store never reads them, and their JSON twins carry the same people.
 *
 * An identical record written by someone else cannot be told from ours this way: no column holds
 * a per-write token. That is harmless for creates of the same record, and the only case left open.
 */

function readAs(list: ListKey, fields: Fields): unknown {
  try {
    return listOf(list).fromFields(fields, 'being compared');
  } catch {
    return undefined;
  }
}

/** Whether a stored item holds the record we sent in a create. */
export function holdsCreate(list: ListKey, sent: Fields, stored: Fields): boolean {
  const mine = readAs(list, sent);
  return mine !== undefined && isDeepStrictEqual(mine, readAs(list, stored));
}

/** Whether `current` is our patch on top of `expectedVersion`: the very next version, with every field we sent. */
export function holdsPatch(list: ListKey, expectedVersion: string, sent: Fields, current: MirroredItem): boolean {
  if (expectedVersion !== '*' && !isNextVersion(expectedVersion, current.etag)) return false;
  const now = readAs(list, current.fields);
  return now !== undefined && isDeepStrictEqual(readAs(list, { ...current.fields, ...sent }), now);
}
