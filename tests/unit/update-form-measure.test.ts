import assert from 'node:assert/strict';
import { ValidationError, type FieldError } from '../../core/errors';
import { MEASURE_VALUE_LIMIT, readMeasureValue } from '../../core/updates/measure-value';
import { formValuesFrom, validateUpdateForm } from '../../core/updates/update-form';

const errorsOf = (fn: () => unknown): FieldError[] => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return err.fields;
  }
  assert.fail('expected a ValidationError');
};

const measured = { task: { measure: { target: 50, unit: '%' } } };

describe('the update form: the measure\'s current value', () => {
  it('reads a number as the card sends it: a string or a number', () => {
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '42' }).measureValue, 42);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: ' 3.5 ' }).measureValue, 3.5);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '-12.25' }).measureValue, -12.25);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '0' }, measured).measureValue, 0);
    assert.equal(readMeasureValue(42).kind, 'number');
    assert.deepEqual(readMeasureValue(-0), { kind: 'number', value: 0 });
  });

  it('reads numbers as people write them: thousands separators in their places, a currency sign, a per cent sign', () => {
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '1,234.5' }).measureValue, 1234.5);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '1,200,000' }).measureValue, 1_200_000);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '£1,200' }).measureValue, 1200);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '45%' }).measureValue, 45);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '45 %' }).measureValue, 45);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '.5' }).measureValue, 0.5);
  });

  it('treats empty and whitespace as no value', () => {
    for (const blank of ['', '   ', '\t\n', undefined]) {
      const form = validateUpdateForm({ progress: 'ok', measureValue: blank }, measured);
      assert.equal(form.measureValue, undefined);
      assert.ok(!('measureValue' in form), 'no key for no value');
    }
  });

  it('refuses what is not a number, naming the field and quoting the answer', () => {
    for (const bad of ['abc', '1,2,3', 'NaN', 'Infinity', '-Infinity', '12abc', '0x10', '1.2.3', '12,34', '45%%', '£', '--3']) {
      const errors = errorsOf(() => validateUpdateForm({ progress: 'ok', measureValue: bad }, measured));
      assert.deepEqual(errors.map((e) => e.field), ['measureValue'], bad);
      assert.match(errors[0]!.message, /^Current value of the measure must be a number, such as 42 or 3\.5/, bad);
      assert.ok(errors[0]!.message.includes(`"${bad}"`), errors[0]!.message);
    }
  });

  it('refuses a value out of range, saying the range', () => {
    for (const big of ['1e13', '-2000000000000', '1e400', String(MEASURE_VALUE_LIMIT * 10)]) {
      const errors = errorsOf(() => validateUpdateForm({ progress: 'ok', measureValue: big }, measured));
      assert.deepEqual(errors.map((e) => e.field), ['measureValue'], big);
      assert.match(errors[0]!.message, /must be between -1,000,000,000,000 and 1,000,000,000,000/);
    }
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: String(MEASURE_VALUE_LIMIT) }).measureValue, MEASURE_VALUE_LIMIT, 'the limit itself is in range');
    assert.equal(readMeasureValue(Number.POSITIVE_INFINITY).kind, 'out-of-range');
    assert.equal(readMeasureValue(Number.NaN).kind, 'not-a-number');
  });

  it('reports the measure value alongside the other fields\' errors', () => {
    const errors = errorsOf(() => validateUpdateForm({ progress: '', rag: 'Purple', measureValue: 'lots' }, measured));
    assert.deepEqual(errors.map((e) => e.field), ['progress', 'rag', 'measureValue']);
  });

  it('refuses a value for a task without a measure, when the task is known', () => {
    const errors = errorsOf(() => validateUpdateForm({ progress: 'ok', measureValue: '12' }, { task: {} }));
    assert.deepEqual(errors, [{ field: 'measureValue', message: 'This task has no measure, so it takes no value: leave Current value of the measure empty.' }]);
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: ' ' }, { task: {} }).measureValue, undefined, 'an empty value is fine');
    assert.equal(validateUpdateForm({ progress: 'ok', measureValue: '12' }).measureValue, 12, 'without the task as context, only the number is checked');
  });

  it('keeps the typed value for the form to come back with: strings as typed, numbers as their digits', () => {
    assert.deepEqual(formValuesFrom({ progress: 'p', measureValue: 'abc' }), { progress: 'p', measureValue: 'abc' });
    assert.deepEqual(formValuesFrom({ progress: 'p', measureValue: 42.5 }), { progress: 'p', measureValue: '42.5' });
    assert.deepEqual(formValuesFrom({ progress: 'p', measureValue: { n: 1 }, rag: 3 }), { progress: 'p' });
  });
});
