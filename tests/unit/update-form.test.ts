import assert from 'node:assert/strict';
import { ValidationError } from '../../core/errors';
import { formValuesFrom, UPDATE_LIMITS, validateUpdateForm } from '../../core/updates/update-form';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return err.fields.map((f) => f.field);
  }
  assert.fail('expected a ValidationError');
};

describe('validateUpdateForm', () => {
  it('accepts a full answer and trims it', () => {
    assert.deepEqual(validateUpdateForm({ progress: '  Policy drafted \r\n and shared ', rag: 'Amber', evidence: 'e', risks: 'r', supportNeeded: 's', revisedDueDate: '2027-02-28' }), {
      progress: 'Policy drafted \n and shared',
      rag: 'Amber',
      evidence: 'e',
      risks: 'r',
      supportNeeded: 's',
      revisedDueDate: '2027-02-28',
    });
  });

  it('requires progress, treating whitespace as empty', () => {
    assert.deepEqual(fieldsOf(() => validateUpdateForm({})), ['progress']);
    assert.deepEqual(fieldsOf(() => validateUpdateForm({ progress: ' \n\t ' })), ['progress']);
  });

  it('rejects over-long text field by field, with the limit in the message', () => {
    try {
      validateUpdateForm({ progress: 'p'.repeat(UPDATE_LIMITS.progress + 1), supportNeeded: 's'.repeat(UPDATE_LIMITS.supportNeeded + 1) });
      assert.fail('expected a ValidationError');
    } catch (err) {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(err.fields.map((f) => f.field), ['progress', 'supportNeeded']);
      assert.match(err.fields[0]!.message, /2,000 characters or fewer \(it has 2,001: 1 too many\)\. Nothing was cut/);
    }
  });

  it('accepts text exactly at the limit', () => {
    assert.equal(validateUpdateForm({ progress: 'p'.repeat(UPDATE_LIMITS.progress) }).progress.length, UPDATE_LIMITS.progress);
  });

  it('rejects an unknown RAG and an impossible date; blanks mean "not given"', () => {
    assert.deepEqual(fieldsOf(() => validateUpdateForm({ progress: 'ok', rag: 'Purple' })), ['rag']);
    assert.deepEqual(fieldsOf(() => validateUpdateForm({ progress: 'ok', revisedDueDate: '2027-02-30' })), ['revisedDueDate']);
    assert.deepEqual(fieldsOf(() => validateUpdateForm({ progress: 'ok', revisedDueDate: '31/03/2027' })), ['revisedDueDate']);
    const blank = validateUpdateForm({ progress: 'ok', rag: '', evidence: '   ', revisedDueDate: '' });
    assert.equal(blank.rag, undefined);
    assert.equal(blank.evidence, undefined);
    assert.equal(blank.revisedDueDate, undefined);
  });

  it('drops control characters a paste can carry', () => {
    assert.equal(validateUpdateForm({ progress: 'a\u0000b\u0007c' }).progress, 'abc');
  });

  it('takes only string form fields from untrusted card data', () => {
    assert.deepEqual(formValuesFrom({ progress: 'p', rag: 3, evidence: { x: 1 }, taskId: '9', extra: 'x' }), { progress: 'p' });
  });
});
