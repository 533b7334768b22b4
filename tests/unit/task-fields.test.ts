import assert from 'node:assert/strict';
import type { Objective, Person } from '../../core/model';
import { applyTaskFields } from '../../core/tasks/apply-task-fields';
import { fieldChanges } from '../../core/tasks/field-changes';
import { httpsUrlProblem, parseTaskFields, type TaskFieldsRequest } from '../../core/tasks/task-fields';
import { alice, bob, taskInput } from '../support/builders';

const objectives: Objective[] = [
  { id: '1', version: '1', ref: '1', title: 'Communities' },
  { id: '2', version: '1', ref: '2', title: 'Old objective', retired: true },
];
const officer: Person = { aadObjectId: 'oid-olu', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };
const ctx = { people: new Map([[bob.aadObjectId, bob]]), objectives, actor: officer, now: '2026-12-07T10:00:00.000Z' };

function parsed(body: unknown): TaskFieldsRequest {
  const result = parseTaskFields(body);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.value;
}

describe('task fields an officer sets: parsing, rules and history wording', () => {
  it('trims text, turns "" and null into a clear, and refuses unknown fields by name', () => {
    assert.deepEqual(parsed({ title: '  Publish the report \r\n', description: '', indicator: null }).fields, { title: 'Publish the report', description: null, indicator: null });
    const bad = parseTaskFields({ titel: 'typo', ownerz: [] });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['ownerz', 'titel']);
  });

  it('reads a measure: tolerances as fractions, dates in order, and nothing it does not know', () => {
    assert.deepEqual(parsed({ measure: { name: 'Staff declaring a disability', unit: '%', baseline: 38, baselineDate: '2026-04-01', target: 45, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 } }).fields.measure, {
      name: 'Staff declaring a disability',
      unit: '%',
      baseline: 38,
      baselineDate: '2026-04-01',
      target: 45,
      targetDate: '2027-03-31',
      amberBelow: 0.9,
      redBelow: 0.75,
    });
    assert.deepEqual(parsed({ measure: { target: 10, baseline: null, unit: '' } }).fields.measure, { target: 10 });
    for (const measure of [{ target: 'ten' }, { target: 1, amberBelow: 90 }, { target: 1, baselineDate: '2027-01-01', targetDate: '2026-01-01' }, { target: 1, colour: 'red' }, { baseline: 3 }]) {
      const result = parseTaskFields({ measure });
      assert.ok(!result.ok && result.errors[0]?.field === 'measure', JSON.stringify(measure));
    }
  });

  it('takes https evidence links only', () => {
    assert.equal(httpsUrlProblem('https://council.sharepoint.com/sites/edi/Shared%20Documents/report.docx'), undefined);
    for (const url of ['http://council.example/x', 'javascript:alert(1)', 'data:text/html,hi', 'file:///c:/x', 'ftp://x', 'council.example/x', 'https://user:pw@council.example/']) assert.ok(httpsUrlProblem(url), url);
  });

  it('Complete is both a status and a RAG; withdrawing needs a reason; a RAG set directly needs one too', () => {
    const task = taskInput({ rag: 'Amber', pendingApprovalId: 'k1', pendingRag: 'Red' });
    const complete = applyTaskFields(task, parsed({ status: 'Complete' }), ctx);
    assert.deepEqual(complete.errors, []);
    assert.equal(complete.patch.rag, 'Complete');
    assert.equal(complete.patch.percentComplete, 100);
    assert.ok('pendingApprovalId' in complete.patch && complete.patch.pendingApprovalId === undefined, 'the pending proposal gives way');
    assert.deepEqual(applyTaskFields(task, parsed({ status: 'Withdrawn' }), ctx).errors.map((e) => e.field), ['statusReason']);
    assert.equal(applyTaskFields(task, parsed({ status: 'Withdrawn', reason: 'Merged into 1.2' }), ctx).patch.statusReason, 'Merged into 1.2');
    assert.deepEqual(applyTaskFields(task, parsed({ rag: 'Red' }), ctx).errors.map((e) => e.field), ['reason']);
    assert.deepEqual(applyTaskFields(task, parsed({ rag: 'Amber' }), ctx).errors, [], 'the same RAG is no change');
    const reopened = applyTaskFields({ ...task, status: 'Withdrawn', statusReason: 'x' }, parsed({ status: 'Open' }), ctx);
    assert.ok('statusReason' in reopened.patch && reopened.patch.statusReason === undefined);
  });

  it('an objective must exist and not be retired; new links are the officer’s, kept links keep who added them', () => {
    const task = taskInput({ evidenceLinks: [{ url: 'https://x.example/a', title: 'A', addedBy: alice, addedAt: '2026-01-01T00:00:00.000Z' }] });
    assert.match(applyTaskFields(task, parsed({ objectiveRef: '2' }), ctx).errors[0]?.message ?? '', /retired/);
    assert.match(applyTaskFields(task, parsed({ objectiveRef: '7' }), ctx).errors[0]?.message ?? '', /no objective 7/);
    const links = applyTaskFields(task, parsed({ evidenceLinks: [{ url: 'https://x.example/a', title: 'A (final)' }, { url: 'https://x.example/b', title: 'B' }] }), ctx).patch.evidenceLinks;
    assert.deepEqual(links, [
      { url: 'https://x.example/a', title: 'A (final)', addedBy: alice, addedAt: '2026-01-01T00:00:00.000Z' },
      { url: 'https://x.example/b', title: 'B', addedBy: officer, addedAt: ctx.now },
    ]);
  });

  it('the history says each changed field in words, in the panel’s order, and nothing for an unchanged one', () => {
    const before = taskInput({ owners: [alice], dueDate: '2026-12-01', measure: { target: 45, unit: '%' } });
    const after = { ...before, owners: [alice, bob], dueDate: undefined, measure: { target: 50, unit: '%', targetDate: '2027-03-31' }, title: before.title };
    assert.deepEqual(fieldChanges(before, after, ['title', 'owners', 'dueDate', 'measure']), [
      { field: 'owners', label: 'Owners', from: 'Alice Owner', to: 'Alice Owner; Bob Manager' },
      { field: 'dueDate', label: 'Due date', from: '1 Dec 2026' },
      { field: 'measure', label: 'Measure', from: 'target 45%', to: 'target 50% by 31 Mar 2027' },
    ]);
    const long = 'x'.repeat(5_000);
    const [clipped] = fieldChanges(before, { ...before, description: long }, ['description']);
    assert.equal(clipped?.to?.length, 2_000);
  });
});
