import assert from 'node:assert/strict';
import { missingToCreate, nextStatus, ragNeedsReason, statusNeedsReason } from '../../core/tasks/task-rules';
import { checkTaskForm } from '../../tab/app/task-form-check';
import { mergeAfterConflict } from '../../tab/app/task-form-conflict';
import { formFromTask, requestBody } from '../../tab/app/task-form-values';
import type { TaskDetail } from '../../tab/app/api-types';

const detail = (over: Partial<TaskDetail> = {}) =>
  ({ id: '7', ref: '1.2', title: 'Publish the profile', objectiveRef: '1', kind: 'Priority', owners: [], groupsImpacted: [], rag: 'Amber', status: 'Open', updates: [], approvals: [], reminders: [], ...over }) as unknown as TaskDetail;

describe('task rules shared by the server and the edit panel', () => {
  it('a RAG set directly needs a reason; one that follows from completing the task does not', () => {
    const current = { status: 'Open' as const, rag: 'Amber' as const };
    assert.equal(ragNeedsReason(current, { rag: 'Red' }), true);
    assert.equal(ragNeedsReason(current, { rag: 'Amber' }), false);
    assert.equal(ragNeedsReason(current, { rag: 'Complete' }), false);
    assert.equal(ragNeedsReason({ status: 'Complete', rag: 'Green' }, { rag: 'Complete' }), true, 'already complete: the RAG alone moved');
    assert.equal(ragNeedsReason(undefined, { rag: 'Red' }), false, "a new task's first RAG");
    assert.equal(nextStatus('Open', { rag: 'Complete' }), 'Complete');
    assert.equal(statusNeedsReason('Open', { status: 'Withdrawn' }), true);
    assert.equal(statusNeedsReason('Withdrawn', { status: 'Withdrawn' }), false);
    assert.deepEqual(missingToCreate({ ref: ' ', title: 'x' }).map((e) => e.field), ['ref', 'objectiveRef']);
  });

  it('the panel sends only what changed, with the reasons the server asks for, and checks them in its words', () => {
    const base = formFromTask(detail());
    const edited = { ...base, rag: 'Red' as const, title: 'Publish the 2026 profile' };
    assert.equal(checkTaskForm(base, edited, false).reason, "Say why the RAG is now Red: owners' RAG changes go through approval, so one set here needs a reason on record.");
    assert.deepEqual(requestBody(base, { ...edited, ragReason: 'Data supplier late' }, false), { title: 'Publish the 2026 profile', rag: 'Red', reason: 'Data supplier late' });
    const withdrawn = { ...base, status: 'Withdrawn' as const };
    assert.match(checkTaskForm(base, withdrawn, false).statusReason ?? '', /Say why the task is withdrawn/);
  });

  it('after a conflict the officer keeps what they typed; untouched fields take the other person’s values', () => {
    const base = formFromTask(detail());
    const mine = { ...base, title: 'Mine' };
    const theirs = formFromTask(detail({ title: 'Theirs', rag: 'Green' }));
    const { values, conflicts } = mergeAfterConflict(base, mine, theirs);
    assert.equal(values.title, 'Mine');
    assert.equal(values.rag, 'Green');
    assert.deepEqual(conflicts.map((c) => c.field), ['title']);
  });
});
