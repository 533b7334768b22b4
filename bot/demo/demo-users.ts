import type { Person } from '../../core/model';

/**
 * The demo council's people. Their AAD object ids are the ones `.m365agentsplayground.yml` gives the
 * Agents Playground users, so the playground can play an owner or a manager of the demo plan.
 */
export interface DemoUser extends Person {
  jobTitle: string;
  managerId?: string;
}

export const DEMO_TENANT_ID = 'e0d1a000-0000-4000-8000-000000000001';

export const demoUsers = {
  alex: {
    aadObjectId: '2b7c6f1e-0001-4c1a-9d1e-000000000001',
    displayName: 'Alex Morgan',
    email: 'alex.morgan@northvale.example.gov.uk',
    jobTitle: 'Principal Research Officer',
    managerId: '2b7c6f1e-0002-4c1a-9d1e-000000000002',
  },
  sam: {
    aadObjectId: '2b7c6f1e-0002-4c1a-9d1e-000000000002',
    displayName: 'Sam Okafor',
    email: 'sam.okafor@northvale.example.gov.uk',
    jobTitle: 'Head of Policy and Insight',
    managerId: '2b7c6f1e-0007-4c1a-9d1e-000000000007',
  },
  priya: {
    aadObjectId: '2b7c6f1e-0003-4c1a-9d1e-000000000003',
    displayName: 'Priya Shah',
    email: 'priya.shah@northvale.example.gov.uk',
    jobTitle: 'Equality, Diversity and Inclusion Officer',
    managerId: '2b7c6f1e-0002-4c1a-9d1e-000000000002',
  },
  jordan: {
    aadObjectId: '2b7c6f1e-0004-4c1a-9d1e-000000000004',
    displayName: 'Jordan Lee',
    email: 'jordan.lee@northvale.example.gov.uk',
    jobTitle: 'HR Business Partner',
    managerId: '2b7c6f1e-0008-4c1a-9d1e-000000000008',
  },
  fatima: {
    aadObjectId: '2b7c6f1e-0005-4c1a-9d1e-000000000005',
    displayName: 'Fatima Rahman',
    email: 'fatima.rahman@northvale.example.gov.uk',
    jobTitle: 'Community Engagement Manager',
    managerId: '2b7c6f1e-0002-4c1a-9d1e-000000000002',
  },
  owen: {
    aadObjectId: '2b7c6f1e-0006-4c1a-9d1e-000000000006',
    displayName: 'Owen Pritchard',
    email: 'owen.pritchard@northvale.example.gov.uk',
    jobTitle: 'Head of ICT Operations',
    managerId: '2b7c6f1e-0007-4c1a-9d1e-000000000007',
  },
  ruth: {
    aadObjectId: '2b7c6f1e-0007-4c1a-9d1e-000000000007',
    displayName: 'Ruth Adeyemi',
    email: 'ruth.adeyemi@northvale.example.gov.uk',
    jobTitle: 'Director of Corporate Services (EDI lead)',
  },
  grace: {
    aadObjectId: '2b7c6f1e-0008-4c1a-9d1e-000000000008',
    displayName: 'Grace Whitfield',
    email: 'grace.whitfield@northvale.example.gov.uk',
    jobTitle: 'Head of Human Resources',
    managerId: '2b7c6f1e-0007-4c1a-9d1e-000000000007',
  },
  tom: {
    aadObjectId: '2b7c6f1e-0009-4c1a-9d1e-000000000009',
    displayName: 'Tom Baxter',
    email: 'tom.baxter@northvale.example.gov.uk',
    jobTitle: 'Complaints and Feedback Manager',
    managerId: '2b7c6f1e-0002-4c1a-9d1e-000000000002',
  },
} satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof demoUsers;

/** The user the Agents Playground signs in as by default: owns tasks inside the reminder window. */
export const PLAYGROUND_DEFAULT_USER: DemoUserKey = 'alex';

export function toPerson(user: DemoUser): Person {
  return { aadObjectId: user.aadObjectId, displayName: user.displayName, email: user.email };
}
