import assert from 'node:assert/strict';
import { measureFacts, measureName } from '../../core/measures/measure-facts';
import { expectedValue, formatMeasureValue, hasTrajectory, higherIsBetter, performanceRatio, progressToTarget, suggestedRag, toleranceText } from '../../core/measures/measure-rules';
import type { Measure } from '../../core/model';

// From 40% on 1 Apr 2025 to 60% on 1 Apr 2027: 730 days, so 1 Apr 2026 (365 days) is half way.
const staff: Measure = { unit: '%', baseline: 40, baselineDate: '2025-04-01', target: 60, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 };
// A gap to close: from 20 days to 10 days over the same two years; lower is better.
const days: Measure = { unit: 'days', baseline: 20, baselineDate: '2025-04-01', target: 10, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 };

describe('measure rules', () => {
  it('puts the expected value on the straight trajectory from baseline to target', () => {
    assert.equal(expectedValue(staff, '2025-04-01'), 40);
    assert.equal(expectedValue(staff, '2026-04-01'), 50);
    assert.equal(expectedValue(staff, '2027-04-01'), 60);
    assert.equal(expectedValue(staff, '2024-01-01'), 40, 'before the baseline date: the baseline');
    assert.equal(expectedValue(staff, '2030-01-01'), 60, 'after the target date: the target');
    assert.equal(expectedValue(days, '2026-04-01'), 15);
  });

  it('without both dates, or a baseline, the target itself is the bar', () => {
    assert.equal(expectedValue({ ...staff, baselineDate: undefined }, '2026-04-01'), 60);
    assert.equal(expectedValue({ ...staff, targetDate: undefined }, '2026-04-01'), 60);
    assert.equal(expectedValue({ target: 60, baselineDate: '2025-04-01', targetDate: '2027-04-01' }, '2026-04-01'), 60);
    assert.equal(expectedValue({ ...staff, targetDate: '2025-04-01' }, '2026-04-01'), 60, 'no time between the dates');
    assert.equal(hasTrajectory(staff), true);
    assert.equal(hasTrajectory({ ...staff, baselineDate: undefined }), false);
    assert.equal(hasTrajectory({ ...staff, targetDate: '2024-04-01' }), false, 'a target date before the baseline date');
  });

  it('knows the direction from the numbers', () => {
    assert.equal(higherIsBetter(staff), true);
    assert.equal(higherIsBetter(days), false);
    assert.equal(higherIsBetter({ target: 5 }), true, 'no baseline: higher is better');
  });

  it('suggests a RAG from the value against the trajectory, under the tolerances', () => {
    // Half way on 1 Apr 2026: expected 50. Amber below 45, Red below 37.5.
    assert.equal(suggestedRag(staff, 50, '2026-04-01'), 'Green');
    assert.equal(suggestedRag(staff, 45, '2026-04-01'), 'Green', 'exactly at the amber line is not below it');
    assert.equal(suggestedRag(staff, 44.9, '2026-04-01'), 'Amber');
    assert.equal(suggestedRag(staff, 37.5, '2026-04-01'), 'Amber');
    assert.equal(suggestedRag(staff, 37.4, '2026-04-01'), 'Red');
    assert.equal(suggestedRag(staff, 44.9, '2025-06-01'), 'Green', 'the same value early on is on track');
  });

  it('for lower-is-better measures, a value above the trajectory is behind', () => {
    // Expected 15 days on 1 Apr 2026: ratio expected/actual. Amber above 16.67, Red above 20.
    assert.equal(suggestedRag(days, 14, '2026-04-01'), 'Green');
    assert.equal(suggestedRag(days, 16, '2026-04-01'), 'Green');
    assert.equal(suggestedRag(days, 17, '2026-04-01'), 'Amber');
    assert.equal(suggestedRag(days, 21, '2026-04-01'), 'Red');
    assert.equal(performanceRatio(days, 0, '2026-04-01'), Number.POSITIVE_INFINITY, 'nothing left at all is ahead');
  });

  it('suggests nothing without tolerances; one tolerance alone works', () => {
    assert.equal(suggestedRag({ ...staff, amberBelow: undefined, redBelow: undefined }, 10, '2026-04-01'), undefined);
    assert.equal(suggestedRag({ ...staff, amberBelow: undefined }, 40, '2026-04-01'), 'Green', 'only a red line: 80% of the way is not red');
    assert.equal(suggestedRag({ ...staff, amberBelow: undefined }, 37, '2026-04-01'), 'Red');
    assert.equal(suggestedRag({ ...staff, redBelow: undefined }, 10, '2026-04-01'), 'Amber', 'only an amber line: never red');
  });

  it('with no dates the value is compared with the target', () => {
    const noDates: Measure = { baseline: 40, target: 60, amberBelow: 0.9, redBelow: 0.75 };
    assert.equal(suggestedRag(noDates, 55, '2026-04-01'), 'Green');
    assert.equal(suggestedRag(noDates, 50, '2026-04-01'), 'Amber');
    assert.equal(suggestedRag(noDates, 44, '2026-04-01'), 'Red');
  });

  it('measures progress from baseline to target', () => {
    assert.equal(progressToTarget(staff, 50), 0.5);
    assert.equal(progressToTarget(days, 12.5), 0.75);
    assert.equal(progressToTarget(staff, 30), -0.5);
    assert.equal(progressToTarget({ target: 60 }, 50), undefined);
  });

  it('formats values with their unit, and tolerances in words', () => {
    assert.equal(formatMeasureValue(45, '%'), '45%');
    assert.equal(formatMeasureValue(1234.567, 'staff'), '1,234.57 staff');
    assert.equal(formatMeasureValue(1200, '£'), '£1,200');
    assert.equal(formatMeasureValue(3.5), '3.5');
    assert.equal(toleranceText(staff), 'Amber below 90%, Red below 75% of where the trajectory to target should be');
    assert.equal(toleranceText({ target: 1 }), undefined);
  });
});

describe('measure facts (card, receipt and task detail)', () => {
  const task = { ref: '2.1', successMeasure: 'More staff share their data', measure: staff, measureValue: 44, measureValueAt: '2026-03-10T11:00:00.000Z' };

  it('words the measure: baseline, target with dates, latest value, where it should be and the suggestion', () => {
    const facts = measureFacts(task, '2026-04-01')!;
    assert.equal(facts.name, 'More staff share their data');
    assert.equal(facts.baselineText, '40% (1 Apr 2025)');
    assert.equal(facts.targetText, '60% by 1 Apr 2027');
    assert.deepEqual(facts.latest, { value: 44, at: '2026-03-10T11:00:00.000Z', text: '44%' });
    assert.deepEqual(facts.expectedNow, { value: 50, text: '50%' });
    assert.equal(facts.suggested, 'Amber');
    assert.match(facts.toleranceText ?? '', /^Amber below 90%/);
  });

  it('leaves out what the measure does not have', () => {
    const facts = measureFacts({ ref: '2.1', measure: { target: 12 } }, '2026-04-01')!;
    assert.deepEqual(facts, { name: 'Measure for 2.1', measure: { target: 12 }, targetText: '12' });
    assert.equal(measureFacts({ ref: '2.1' }, '2026-04-01'), undefined);
    assert.equal(measureName({ ref: '2.1', measure: { name: ' Disabled staff ', target: 8 }, successMeasure: 'x' }), 'Disabled staff');
  });
});

describe('measure tolerances near a target of zero', () => {
  const gap = { name: 'Gender pay gap', unit: '%', baseline: 12, baselineDate: '2026-04-01', target: 0, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 };
  it('at the target date, a value just above 0 is on track and larger excesses are Amber then Red (measured against the baseline)', () => {
    assert.equal(suggestedRag(gap, 0.5, '2027-04-01'), 'Green');
    assert.equal(suggestedRag(gap, 2, '2027-04-01'), 'Amber');
    assert.equal(suggestedRag(gap, 4, '2027-04-01'), 'Red');
    assert.equal(suggestedRag(gap, 0, '2027-04-01'), 'Green');
  });
  it('below the trajectory is ahead of it, whatever the expected value', () => {
    assert.equal(suggestedRag(gap, 3, '2026-10-01'), 'Green');
    assert.ok((performanceRatio(gap, 3, '2026-10-01') ?? 0) > 1);
  });
});
