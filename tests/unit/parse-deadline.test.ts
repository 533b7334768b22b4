import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseDeadline, type DeadlineContext, type DeadlineKind } from '../../core/deadline/parse-deadline';

// "Today" for the table unless a row says otherwise: mid-June, so year-less months both ahead
// (July) and behind (May) of it are exercised.
const REF = '2025-06-15';
const PLAN_END = '2027-03-31';

type Row = [input: string, kind: DeadlineKind, dueDate: string | null, thenOngoing: boolean, flagged: boolean, context?: DeadlineContext];

const rows: Row[] = [
  // A specific day
  ['Launch by 1 October 2013', 'date', '2013-10-01', false, false],
  ['by 27 November 2026', 'date', '2026-11-27', false, false],
  ['31/03/2025', 'date', '2025-03-31', false, false],
  ['1st October 2025', 'date', '2025-10-01', false, false],
  ['Complete by 30th April 2026', 'date', '2026-04-30', false, false],
  ['1.4.25', 'date', '2025-04-01', false, false],
  ['01-04-2025', 'date', '2025-04-01', false, false],
  ['No later than 28 February 2026.', 'date', '2026-02-28', false, false],
  ['Before 1 Oct 25', 'date', '2025-10-01', false, false],
  ['Deadline: 30/04/2026', 'date', '2026-04-30', false, false],
  ['October 1, 2025', 'date', '2025-10-01', false, false],
  ['by 31 March 2026 at the latest', 'date', '2026-03-31', false, false],
  ['29 February 2028', 'date', '2028-02-29', false, false],
  ['29/02/2028', 'date', '2028-02-29', false, false],
  ['29 February 2027', 'unparsed', null, false, true],
  ['31/02/2025', 'unparsed', null, false, true],
  ['31 April 2026', 'unparsed', null, false, true],
  ['13/13/2025', 'unparsed', null, false, true],

  // End of a named month
  ['End of July 2013', 'month', '2013-07-31', false, false],
  ['By the end of February 2025', 'month', '2025-02-28', false, false],
  ['By the end of February 2028', 'month', '2028-02-29', false, false],
  ['end of april 2025', 'month', '2025-04-30', false, false],
  ['December 2013', 'month', '2013-12-31', false, false],
  ['Nov 24', 'month', '2024-11-30', false, false],
  ["Nov '24", 'month', '2024-11-30', false, false],
  ['Sept. 2025', 'month', '2025-09-30', false, false],
  ['By July 2026', 'month', '2026-07-31', false, false],
  ['BY THE END OF MARCH 2026', 'month', '2026-03-31', false, false],
  ['By the end of September 2025;', 'month', '2025-09-30', false, false],

  // Quarters: with a slash, UK financial year (Q1 = Apr-Jun); without, calendar and flagged
  ['Q3 2025/26', 'quarter', '2025-12-31', false, false],
  ['Q4 2025/26', 'quarter', '2026-03-31', false, false],
  ['Q1 2026-27', 'quarter', '2026-06-30', false, false],
  ['by end of Quarter 2 25/26', 'quarter', '2025-09-30', false, false],
  ['Q2 2026', 'quarter', '2026-06-30', false, true],
  ['Q3 2025/27', 'unparsed', null, false, true],

  // Years
  ['2025/26', 'year', '2026-03-31', false, false],
  ['2025-26', 'year', '2026-03-31', false, false],
  ['FY 2025/2026', 'year', '2026-03-31', false, false],
  ['By 2027', 'year', '2027-12-31', false, false],
  ['By the end of 2026', 'year', '2026-12-31', false, false],
  ['End of the financial year', 'year', '2026-03-31', false, true],

  // Recurring: the next occurrence on or after the reference date
  ['By the end of March each year', 'recurring', '2025-03-31', false, false, { reference: '2025-02-01' }],
  ['By the end of March each year', 'recurring', '2025-03-31', false, false, { reference: '2025-03-31' }],
  ['By the end of March each year', 'recurring', '2026-03-31', false, false, { reference: '2025-04-01' }],
  ['Annually in April', 'recurring', '2025-04-30', false, false, { reference: '2025-04-10' }],
  ['Annually in April', 'recurring', '2026-04-30', false, false],
  ['every year by 31 March', 'recurring', '2026-03-31', false, false],
  ['September and December each year', 'recurring', '2025-12-31', false, false, { reference: '2025-10-01' }],
  // A repeat with no month named has no date to be done by (issue 18): kept as words, flagged
  ['Quarterly', 'recurring', null, false, true],
  ['Monthly', 'recurring', null, false, true, { reference: '2025-07-01' }],
  ['every quarter', 'recurring', null, false, true],
  ['Annually', 'recurring', null, false, true],

  // Ongoing, however it is spelt
  ['Ongoing', 'ongoing', null, false, false],
  ['ongoing.', 'ongoing', null, false, false],
  ['On-going', 'ongoing', null, false, false],
  ['ON GOING', 'ongoing', null, false, false],
  ['Ongoing task(s)', 'ongoing', null, false, false],
  ['Rolling programme', 'ongoing', null, false, false],
  ['Continuous', 'ongoing', null, false, false],
  ['As required', 'ongoing', null, false, false],
  ['Ongoing – reviewed annually', 'ongoing', null, false, true],

  // The life of the plan
  ['During the time of this action plan', 'plan-duration', PLAN_END, false, false, { reference: REF, planEnd: PLAN_END }],
  ['During the time of this action plan', 'plan-duration', null, false, true],
  ['Throughout the plan', 'plan-duration', PLAN_END, false, false, { reference: REF, planEnd: PLAN_END }],
  ['By the end of this action plan', 'plan-duration', PLAN_END, false, false, { reference: REF, planEnd: PLAN_END }],

  // A first deadline, then ongoing
  ['July/August 2013 and then ongoing', 'month', '2013-08-31', true, true],
  ['Launch by 1 October 2013, then ongoing', 'date', '2013-10-01', true, false],
  ['From April 2025 onwards', 'month', '2025-04-30', true, true],

  // Ranges are taken at their end, flagged; several dates: the latest, flagged
  ['July–August 2013', 'month', '2013-08-31', false, true],
  ['Dec–Mar', 'month', '2026-03-31', false, true],
  ['October to November', 'month', '2023-11-30', false, true, { reference: '2023-10-01' }],
  ['December 2025 – March 2026', 'month', '2026-03-31', false, true],
  ['March 2026 - December 2025', 'unparsed', null, false, true],
  ['Dummy quarter Dec–Mar, live from April 2014', 'month', '2014-04-30', false, true],
  ['Report in March 2026 and again in March 2027', 'month', '2027-03-31', false, true],

  // Seasons and approximate wording, flagged
  ['Spring 2025', 'month', '2025-05-31', false, true],
  ['Summer', 'month', '2025-08-31', false, true],
  ['Autumn', 'month', '2025-11-30', false, true],
  ['Winter', 'month', '2026-02-28', false, true],
  ['Winter 2027', 'month', '2028-02-29', false, true],
  ['Mid 2026', 'month', '2026-06-30', false, true],
  ['mid-2026', 'month', '2026-06-30', false, true],

  // No year: the next one on or after the reference, flagged
  ['End of July', 'month', '2025-07-31', false, true],
  ['End of May', 'month', '2026-05-31', false, true],
  ['1st June', 'date', '2026-06-01', false, true],

  // Junk
  ['TBC', 'unparsed', null, false, true],
  ['See note 4', 'unparsed', null, false, true],
  ['N/A', 'unparsed', null, false, true],
  ['2024-2027', 'unparsed', null, false, true],
  ['11/12', 'unparsed', null, false, true],
  ['', 'unparsed', null, false, true],
];

describe('parseDeadline', () => {
  describe('reads council deadline wording', () => {
    for (const [input, kind, dueDate, thenOngoing, flagged, context] of rows) {
      const when = context?.reference && context.reference !== REF ? ` (today ${context.reference})` : '';
      it(`${JSON.stringify(input)}${when} -> ${kind} ${dueDate ?? 'no date'}${flagged ? ', flagged' : ''}`, () => {
        const r = parseDeadline(input, context ?? { reference: REF });
        assert.deepEqual(
          { text: r.text, kind: r.kind, dueDate: r.dueDate, thenOngoing: r.thenOngoing, flagged: r.flagged },
          { text: input, kind, dueDate, thenOngoing, flagged },
        );
        // A note explains every flag, and only flags.
        assert.equal(typeof r.note === 'string' && r.note.length > 0, flagged);
      });
    }
  });

  it('keeps the wording verbatim apart from trimming', () => {
    const r = parseDeadline('  \tBy   the end of   March 2025.  \n', { reference: REF });
    assert.equal(r.text, 'By   the end of   March 2025.');
    assert.equal(r.kind, 'month');
    assert.equal(r.dueDate, '2025-03-31');
    assert.equal(r.flagged, false);
  });

  it('treats empty or whitespace-only text as no deadline', () => {
    for (const input of ['', '   ', '\n\t ']) {
      assert.deepEqual(parseDeadline(input, { reference: REF }), {
        text: '', kind: 'unparsed', dueDate: null, thenOngoing: false, flagged: true, note: 'No deadline given',
      });
    }
  });

  it('says why it flagged', () => {
    assert.equal(parseDeadline('See note 4', { reference: REF }).note, 'Could not read a date from this wording');
    assert.equal(parseDeadline('31/02/2025', { reference: REF }).note, 'Not a real date');
    assert.match(parseDeadline('July/August 2013', { reference: REF }).note ?? '', /range.*August 2013/i);
    assert.match(parseDeadline('Dec–Mar', { reference: REF }).note ?? '', /no year/i);
    assert.match(parseDeadline('Throughout the plan', { reference: REF }).note ?? '', /plan end/i);
  });

  it('defaults "today" to the current date in Europe/London', () => {
    const today = DateTime.now().setZone('Europe/London').toISODate() ?? '';
    const r = parseDeadline('By the end of March each year');
    assert.equal(r.kind, 'recurring');
    assert.ok(r.dueDate !== null && r.dueDate >= today, `${r.dueDate} should be on or after ${today}`);
    assert.ok(r.dueDate <= (DateTime.fromISO(today).plus({ years: 1 }).toISODate() ?? ''));
  });

  it('rejects a malformed reference or plan end rather than guessing', () => {
    assert.throws(() => parseDeadline('Quarterly', { reference: '15/06/2025' }), RangeError);
    assert.throws(() => parseDeadline('Ongoing', { reference: '2025-02-30' }), RangeError);
    assert.throws(() => parseDeadline('Throughout the plan', { planEnd: 'March 2027' }), RangeError);
  });

  it('refuses very long text quickly', () => {
    const started = Date.now();
    const r = parseDeadline('by the end of '.repeat(100), { reference: REF });
    assert.equal(r.kind, 'unparsed');
    assert.ok(Date.now() - started < 200);
    const junk = parseDeadline('jan '.repeat(30) + 'x each year', { reference: REF });
    assert.equal(junk.kind, 'unparsed');
    assert.ok(Date.now() - started < 500);
  });
});
