import type { Person, TaskInput, UpdateInput } from '../../core/model';

export const alice: Person = { aadObjectId: 'aad-alice', displayName: 'Alice Owner', email: 'alice@example.gov.uk' };
export const bob: Person = { aadObjectId: 'aad-bob', displayName: 'Bob Manager', email: 'bob@example.gov.uk' };
export const carol: Person = { aadObjectId: 'aad-carol', displayName: "Carol O'Brien", email: 'carol@example.gov.uk' };

export function taskInput(overrides: Partial<TaskInput> = {}): TaskInput {
  return {
    ref: '1.1.1',
    title: 'Publish the annual equality data report',
    objectiveRef: '1',
    indicator: '1.1 Collecting and sharing information',
    kind: 'Priority',
    owners: [alice],
    groupsImpacted: ['Age', 'Disability'],
    dueDate: '2026-12-01',
    dueText: 'By 1 December 2026',
    rag: 'Green',
    status: 'Open',
    ...overrides,
  };
}

export function updateInput(taskId: string, overrides: Partial<UpdateInput> = {}): UpdateInput {
  return {
    taskId,
    taskRef: '1.1.1',
    submittedBy: alice,
    submittedAt: '2026-11-20T10:00:00.000Z',
    progress: 'Draft report shared with the working group.',
    ragProposed: 'Green',
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}
