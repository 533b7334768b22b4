import type { Person } from '../model';

/** Who people are: Graph in production, the demo users locally. */
export interface Directory {
  findById(aadObjectId: string): Promise<Person | undefined>;
  /** Matches a display name or email, case-insensitively. */
  search(nameOrEmail: string): Promise<Person[]>;
  managerOf(aadObjectId: string): Promise<Person | undefined>;
}
