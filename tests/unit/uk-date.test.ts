import assert from 'node:assert/strict';
import { formatUkDate, parseUkDate } from '../../tab/app/uk-date';

describe('tab date fields: dates read and shown the UK way', () => {
  it('reads day first, in the ways people write dates', () => {
    for (const [typed, iso] of [
      ['1/5/2027', '2027-05-01'],
      ['01/05/2027', '2027-05-01'],
      ['1-5-2027', '2027-05-01'],
      ['1.5.27', '2027-05-01'],
      ['01052027', '2027-05-01'],
      [' 31/03/2027 ', '2027-03-31'],
      ['31 March 2027', '2027-03-31'],
      ['31st Mar 2027', '2027-03-31'],
      ['2 Sept 2026', '2026-09-02'],
      ['2027-03-31', '2027-03-31'],
      ['29/02/2028', '2028-02-29'],
    ] as const) {
      assert.equal(parseUkDate(typed), iso, typed);
    }
  });

  it('gives "" for an empty field and nothing for text that is not a real date', () => {
    assert.equal(parseUkDate('   '), '');
    for (const typed of ['31/02/2027', '29/02/2027', '13/13/2027', '5/2027', 'next Tuesday', '31 Marchh 2027', '2027-02-30', '1/5/202']) {
      assert.equal(parseUkDate(typed), undefined, typed);
    }
  });

  it('shows yyyy-mm-dd as dd/mm/yyyy and leaves anything else as typed', () => {
    assert.equal(formatUkDate('2027-05-01'), '01/05/2027');
    assert.equal(formatUkDate(''), '');
    assert.equal(formatUkDate('31/02/2027'), '31/02/2027');
    assert.equal(formatUkDate('2027-02-30'), '2027-02-30');
  });
});
