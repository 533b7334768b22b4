import assert from 'node:assert/strict';
import { DETAIL_MAX_CHARS, fitDetail } from '../../core/store/sharepoint/lists/reminder-log';
import { alice } from '../support/builders';
import { openEmulatedSharePoint, type EmulatedSharePoint } from '../support/sharepoint-over-emulator';

/** The Reminder Log's Detail is a single line of text (255 characters): a long failure must still be recorded. */
describe('Reminder Log Detail (SharePoint, on the Graph emulator)', function () {
  this.timeout(30_000);
  let sp: EmulatedSharePoint;

  before(async () => {
    sp = await openEmulatedSharePoint();
  });
  after(async () => {
    await sp?.store.close();
    await sp?.emulator.close();
  });

  it('stores a long delivery failure truncated with an ellipsis, and the write does not fail', async () => {
    const key = 'reminder:t1:due-7:aad-alice';
    assert.ok(await sp.store.tryAddReminder({ key, taskId: 't1', recipient: alice, trigger: 'due-7', sentAt: '2026-11-22T09:00:00.000Z', outcome: 'pending' }));
    const failure = `transient: ${'The Bot Connector answered 502 Bad Gateway with a long HTML page. '.repeat(20)}`;
    await sp.store.setReminderOutcome(key, 'failed', failure);
    const [stored] = await sp.store.listReminders('t1');
    assert.equal(stored?.outcome, 'failed');
    assert.equal(stored?.detail?.length, DETAIL_MAX_CHARS);
    assert.ok(stored?.detail?.endsWith('…'));
    assert.ok(failure.startsWith(stored!.detail!.slice(0, -1)), 'the start of the message is kept');
  });

  it('keeps short details as they are and never splits a character made of two code units', () => {
    assert.equal(fitDetail('blocked: 403'), 'blocked: 403');
    assert.equal(fitDetail('x'.repeat(DETAIL_MAX_CHARS)), 'x'.repeat(DETAIL_MAX_CHARS));
    const emoji = fitDetail(`${'x'.repeat(DETAIL_MAX_CHARS - 2)}😀 and more`);
    assert.ok(emoji.length <= DETAIL_MAX_CHARS);
    assert.ok(!/[\uD800-\uDBFF]…$/.test(emoji), 'no lone surrogate before the ellipsis');
  });
});
