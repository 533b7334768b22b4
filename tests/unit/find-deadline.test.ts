import assert from 'node:assert/strict';
import { findDeadline } from '../../core/deadline/parse-deadline';

/** The one place month and season names are matched inside longer text (task wording, column headers). */
describe('findDeadline', () => {
  const ref = { reference: '2026-01-15' };

  it('in task wording: only a stated deadline with its full year', () => {
    const found = findDeadline('Publish the profile by the end of June 2026 and brief members', 'wording', ref);
    assert.equal(found?.text.toLowerCase(), 'by the end of june 2026');
    assert.equal(found?.index, 'Publish the profile '.length);
    assert.equal(found?.parsed.dueDate, '2026-06-30');
    assert.equal(findDeadline('no later than 31/03/2027, with partners', 'wording', ref)?.parsed.dueDate, '2027-03-31');
    assert.equal(findDeadline('Report to the June 2026 board', 'wording', ref), undefined, 'a date that is not a deadline');
    assert.equal(findDeadline('publish by Oct 31', 'wording', ref), undefined, 'no two-digit years in wording: "Oct 31" is not October 2031');
  });

  it('in a column header: any date with a year, short forms and seasons too', () => {
    assert.equal(findDeadline('October 2024 Update', 'header', ref)?.parsed.dueDate, '2024-10-31');
    assert.ok(findDeadline("Update Mar '25", 'header', ref));
    assert.ok(findDeadline('Spring 2024 progress', 'header', ref));
    assert.equal(findDeadline('Summary 12/03/2024 RAG', 'header', ref)?.parsed.dueDate, '2024-03-12', 'a month name inside a word is not a month');
    assert.equal(findDeadline('Dismay 2018 update', 'header', ref), undefined);
    assert.equal(findDeadline('Lead officer', 'header', ref), undefined);
  });
});
