import assert from 'node:assert/strict';
import { inSendWindow, ukWorkingCalendar } from '../../core/reminders/working-calendar';

describe('working calendar and send window', () => {
  const england = ukWorkingCalendar('ENG');

  it('skips weekends and England & Wales bank holidays, including substitute days', () => {
    assert.equal(england.isWorkingDay('2026-12-24'), true);
    assert.equal(england.isWorkingDay('2026-12-25'), false, 'Christmas Day');
    assert.equal(england.isWorkingDay('2026-12-26'), false, 'Saturday');
    assert.equal(england.isWorkingDay('2026-12-28'), false, 'Boxing Day substitute Monday');
    assert.equal(england.isWorkingDay('2027-03-26'), false, 'Good Friday 2027');
    assert.equal(england.isWorkingDay('2027-03-29'), false, 'Easter Monday 2027');
    assert.equal(england.isWorkingDay('2026-08-31'), false, 'Summer bank holiday');
    assert.equal(england.isWorkingDay('2026-11-30'), true, "St Andrew's Day is not an English bank holiday");
  });

  it('follows the configured region', () => {
    const scotland = ukWorkingCalendar('SCT');
    assert.equal(scotland.isWorkingDay('2026-11-30'), false, "St Andrew's Day");
    assert.equal(scotland.isWorkingDay('2026-08-31'), true, 'Scotland has its summer holiday on 3 August');
    assert.equal(ukWorkingCalendar('NIR').isWorkingDay('2026-03-17'), false, "St Patrick's Day");
  });

  it('sends only in office hours, London time, across BST and GMT', () => {
    // Summer (BST, UTC+1): 09:00 London = 08:00Z.
    assert.equal(inSendWindow(new Date('2026-07-01T07:59:00Z'), england), false);
    assert.equal(inSendWindow(new Date('2026-07-01T08:00:00Z'), england), true);
    assert.equal(inSendWindow(new Date('2026-07-01T15:59:00Z'), england), true);
    assert.equal(inSendWindow(new Date('2026-07-01T16:00:00Z'), england), false, '17:00 BST');
    // Winter (GMT): 09:00 London = 09:00Z.
    assert.equal(inSendWindow(new Date('2026-11-24T08:30:00Z'), england), false);
    assert.equal(inSendWindow(new Date('2026-11-24T09:00:00Z'), england), true);
    // The clocks change on Sunday 29 March 2026; Monday 30 March 09:00 BST = 08:00Z.
    assert.equal(inSendWindow(new Date('2026-03-30T08:00:00Z'), england), true);
    assert.equal(inSendWindow(new Date('2026-03-27T08:30:00Z'), england), false, 'still GMT on the Friday before');
    // Weekend and bank holiday.
    assert.equal(inSendWindow(new Date('2026-11-28T10:00:00Z'), england), false);
    assert.equal(inSendWindow(new Date('2026-12-28T10:00:00Z'), england), false);
    assert.equal(inSendWindow(new Date('2026-11-24T10:00:00Z'), england, { startHour: 11, endHour: 12 }), false);
  });
});
