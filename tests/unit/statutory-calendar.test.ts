import assert from 'node:assert/strict';
import { nextStatutoryDates, type StatutoryDate } from '../../core/calendar/next-statutory-dates';
import { roundForDate } from '../../core/calendar/round-for-date';
import { NATIONS, STATUTORY_DUTIES, dutiesFor } from '../../core/calendar/statutory-duties';
import { fixedClock } from '../../core/ports/clock';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { getStatutoryCalendar } from '../../core/use-cases/get-statutory-calendar';

const brief = (dates: StatutoryDate[]) => dates.map((d) => `${d.due} ${d.dutyId}${d.check ? ' (check)' : ''}`);

describe('statutory calendar: the next dates per nation', () => {
  describe('England', () => {
    it('250+ staff: the gender pay gap by 30 March and the equality information (a default date to check), soonest first', () => {
      assert.deepEqual(brief(nextStatutoryDates('england', 1200, '2026-03-12', 5)), [
        '2026-03-30 england-gender-pay-gap',
        '2027-01-31 england-equality-information (check)',
        '2027-03-30 england-gender-pay-gap',
        '2028-01-31 england-equality-information (check)',
        '2028-03-30 england-gender-pay-gap',
      ]);
      const [gap, info] = nextStatutoryDates('england', 1200, '2026-03-12', 2);
      assert.equal(gap?.daysAway, 18);
      assert.match(gap?.basis ?? '', /^Equality Act 2010 \(Specific Duties and Public Authorities\) Regulations 2017/);
      assert.equal(info?.councilChosen, true, 'the law sets an interval, not a day');
      assert.match(info?.note ?? '', /no fixed date/);
    });

    it('under 250 staff: no gender pay gap duty; exactly 250: the duty applies', () => {
      assert.deepEqual(brief(nextStatutoryDates('england', 249, '2026-03-12', 2)), ['2027-01-31 england-equality-information (check)', '2028-01-31 england-equality-information (check)']);
      assert.equal(nextStatutoryDates('england', 250, '2026-03-12', 1)[0]?.dutyId, 'england-gender-pay-gap');
    });

    it('headcount unknown: the pay gap duty is kept and marked "check this date", saying why', () => {
      const [gap] = nextStatutoryDates('england', undefined, '2026-03-12', 1);
      assert.equal(gap?.dutyId, 'england-gender-pay-gap');
      assert.equal(gap?.check, true);
      assert.match(gap?.note ?? '', /250 or more staff; the council's headcount is not set/);
    });

    it('equality objectives every four years from the plan start, only when it is known', () => {
      const withStart = nextStatutoryDates('england', 100, '2026-03-12', 3, { planStart: '2024-04-01' });
      assert.deepEqual(brief(withStart), ['2027-01-31 england-equality-information (check)', '2028-01-31 england-equality-information (check)', '2028-04-01 england-equality-objectives (check)']);
      assert.ok(!nextStatutoryDates('england', 100, '2026-03-12', 10).some((d) => d.dutyId === 'england-equality-objectives'));
      // Started long ago: the next four-yearly date after today, not the first one.
      assert.equal(nextStatutoryDates('england', 100, '2031-06-01', 5, { planStart: '2016-05-01' }).find((d) => d.dutyId === 'england-equality-objectives')?.due, '2032-05-01');
    });
  });

  describe('Wales', () => {
    it('the annual report by 31 March, the pay duty to check, and the Strategic Equality Plan review every four years (same day: by duty id)', () => {
      assert.deepEqual(brief(nextStatutoryDates('wales', 400, '2027-03-01', 5)), [
        '2027-03-30 wales-pay-differences (check)',
        '2027-03-31 wales-annual-report',
        '2028-03-30 wales-pay-differences (check)',
        '2028-03-31 wales-annual-report',
        '2028-03-31 wales-strategic-equality-plan (check)',
      ]);
      const pay = nextStatutoryDates('wales', 400, '2027-03-01', 1)[0];
      assert.match(pay?.note ?? '', /differ/);
    });

    it('the plan review from the plan start when known; small councils have no pay duty listed', () => {
      const dates = nextStatutoryDates('wales', 100, '2026-01-10', 6, { planStart: '2025-04-01' });
      assert.equal(dates.find((d) => d.dutyId === 'wales-strategic-equality-plan')?.due, '2029-04-01');
      assert.ok(!dates.some((d) => d.dutyId === 'wales-pay-differences'));
    });
  });

  describe('Scotland', () => {
    it('mainstreaming and pay gap by 30 April of odd years, equality outcomes every four years (2029)', () => {
      assert.deepEqual(brief(nextStatutoryDates('scotland', 50, '2026-03-12', 5)), [
        '2027-04-30 scotland-gender-pay-gap',
        '2027-04-30 scotland-mainstreaming-report',
        '2029-04-30 scotland-equality-outcomes',
        '2029-04-30 scotland-gender-pay-gap',
        '2029-04-30 scotland-mainstreaming-report',
      ]);
    });

    it('the pay gap duty only from 20 staff; on the day itself the date is 0 days away, the day after it is two years on', () => {
      assert.ok(!nextStatutoryDates('scotland', 19, '2026-03-12', 10).some((d) => d.dutyId === 'scotland-gender-pay-gap'));
      assert.equal(nextStatutoryDates('scotland', 20, '2026-03-12', 1)[0]?.dutyId, 'scotland-gender-pay-gap');
      const [onTheDay] = nextStatutoryDates('scotland', 19, '2027-04-30', 1);
      assert.deepEqual([onTheDay?.due, onTheDay?.daysAway], ['2027-04-30', 0]);
      assert.equal(nextStatutoryDates('scotland', 19, '2027-05-01', 1)[0]?.due, '2029-04-30');
    });
  });

  describe('Northern Ireland', () => {
    it('the annual progress report to the Equality Commission by 31 August, into next year once it has passed', () => {
      assert.deepEqual(brief(nextStatutoryDates('northern-ireland', 100, '2026-08-31', 2)), ['2026-08-31 ni-annual-progress-report', '2027-08-31 ni-annual-progress-report']);
      const [next] = nextStatutoryDates('northern-ireland', 100, '2026-09-01', 1);
      assert.deepEqual([next?.due, next?.daysAway], ['2027-08-31', 364]);
      assert.match(next?.basis ?? '', /section 75/);
    });

    it('250+ staff: a pay gap date marked "check this date" (no duty in force there)', () => {
      const gap = nextStatutoryDates('northern-ireland', 300, '2026-09-01', 5).find((d) => d.dutyId === 'ni-gender-pay-gap');
      assert.equal(gap?.due, '2027-03-30');
      assert.equal(gap?.check, true);
    });
  });

  it('rolls over the year: 31 December to 31 January is 31 days', () => {
    const [info] = nextStatutoryDates('england', 10, '2026-12-31', 1);
    assert.deepEqual([info?.due, info?.daysAway], ['2027-01-31', 31]);
  });

  it('counts 29 February in a leap year, and a plan started on 29 February comes round on 29 February', () => {
    assert.equal(nextStatutoryDates('england', 300, '2028-02-01', 1)[0]?.daysAway, 58, '2028 has 29 February');
    assert.equal(nextStatutoryDates('england', 300, '2027-02-01', 1)[0]?.daysAway, 57);
    const objectives = nextStatutoryDates('england', 10, '2026-01-01', 5, { planStart: '2024-02-29' }).find((d) => d.dutyId === 'england-equality-objectives');
    assert.equal(objectives?.due, '2028-02-29');
    assert.equal(objectives?.daysAway, 789);
  });

  it('gives exactly `count` dates, sorted, none before the start day, and none for a count of 0', () => {
    for (const nation of NATIONS) {
      const dates = nextStatutoryDates(nation, 5000, '2026-06-15', 20, { planStart: '2025-09-01' });
      assert.equal(dates.length, 20, nation);
      assert.deepEqual([...dates].sort((a, b) => a.due.localeCompare(b.due) || a.dutyId.localeCompare(b.dutyId)), dates, nation);
      assert.ok(dates.every((d) => d.due >= '2026-06-15' && d.daysAway >= 0), nation);
      assert.equal(nextStatutoryDates(nation, 5000, '2026-06-15', 1).length, 1);
      assert.deepEqual(nextStatutoryDates(nation, 5000, '2026-06-15', 0), []);
    }
  });

  it('every duty names its law and says what is due; every date to check says why', () => {
    for (const duty of STATUTORY_DUTIES) {
      assert.ok(duty.basis.length > 10 && duty.whatIsDue.length > 10 && duty.title, duty.id);
      if (duty.check || duty.councilChosen) assert.ok(duty.note, `${duty.id} says why the date needs checking`);
    }
    for (const nation of NATIONS) assert.ok(dutiesFor(nation).length >= 1, nation);
  });
});

describe('statutory calendar: the round suggested for a date', () => {
  const calendar = ukWorkingCalendar('ENG');

  it('named for the duty and year, owners due four weeks before, moved back to a working day', () => {
    // 31 Mar 2027 less 28 days is Wednesday 3 March 2027.
    assert.deepEqual(roundForDate({ title: 'Annual equality report', due: '2027-03-31' }, '2026-12-07', calendar), { name: 'Annual equality report 2027', dueDate: '2027-03-03', opensAt: '2026-12-07', scope: { kind: 'all-open' } });
    // 25 Jan 2027 less 28 days is Monday 28 December 2026, a bank holiday (Boxing Day moved): Thursday 24th.
    assert.equal(roundForDate({ title: 'X', due: '2027-01-25' }, '2026-10-01', calendar).dueDate, '2026-12-24');
    // 31 Jan 2027 less 28 days is Sunday 3 January: back to Friday 1 January, a bank holiday, then Thursday 31 December.
    assert.equal(roundForDate({ title: 'Equality information', due: '2027-01-31' }, '2026-10-01', calendar).dueDate, '2026-12-31');
  });

  it('too close for four weeks: due the next working day, marked short', () => {
    // Friday 20 March 2026: the next working day is Monday 23rd.
    assert.deepEqual(roundForDate({ title: 'Gender pay gap report', due: '2026-03-30' }, '2026-03-20', calendar), { name: 'Gender pay gap report 2026', dueDate: '2026-03-23', opensAt: '2026-03-20', scope: { kind: 'all-open' }, short: true });
  });

  it('getStatutoryCalendar: today in London, each date with its round, the settings echoed', () => {
    const view = getStatutoryCalendar({ clock: fixedClock(new Date('2026-03-29T23:30:00Z')), settings: { nation: 'england', staffCount: 600 }, calendar }, { count: 2 });
    assert.equal(view.today, '2026-03-30', 'half past midnight BST is already the 30th in London');
    assert.deepEqual([view.nation, view.staffCount], ['england', 600]);
    assert.deepEqual(view.dates.map((d) => [d.due, d.daysAway, d.suggestedRound.name]), [['2026-03-30', 0, 'Gender pay gap report 2026'], ['2027-01-31', 307, 'Equality information 2027']]);
  });
});
