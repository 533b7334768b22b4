import { ForbiddenError } from '../errors';
import type { Person, Task } from '../model';

/** What only a task's owner may do, as the sentence "Only Alice can …" ends. */
const OWNER_ACTIONS = {
  update: (ref: string) => `update ${ref}`,
  'hand over': (ref: string) => `hand ${ref} to someone else`,
} as const;

export type OwnerAction = keyof typeof OWNER_ACTIONS;

/** The one "only the owner may…" rule: the acting owner, or a ForbiddenError in one wording. */
export function requireOwner(task: Pick<Task, 'owners' | 'ref'>, actorAadObjectId: string, action: OwnerAction): Person {
  const owner = task.owners.find((o) => o.aadObjectId === actorAadObjectId);
  if (owner) return owner;
  const names = task.owners.map((o) => o.displayName).join(' or ') || 'its owner';
  throw new ForbiddenError(`Only ${names} can ${OWNER_ACTIONS[action](task.ref)}.`);
}
