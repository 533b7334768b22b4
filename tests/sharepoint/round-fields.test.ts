import assert from 'node:assert/strict';
import type { RoundSnapshotLine, UpdateRoundInput } from '../../core/model';
import { roundFromFields, roundToFields, snapshotJson } from '../../core/store/sharepoint/field-mapping';
import { NOTE_MAX_CHARS } from '../../core/store/sharepoint/columns/column';
import { carol } from '../support/builders';

const line = (i: number, over: Partial<RoundSnapshotLine> = {}): RoundSnapshotLine => ({
  taskId: String(i),
  taskRef: `1.${i}`,
  update: `Update ${i}: ${'progress on the action plan. '.repeat(30)}`,
  updateAt: '2027-03-03T10:00:00.000Z',
  updateBy: carol,
  updateId: String(1000 + i),
  rag: 'Green',
  ...over,
});

describe('SharePoint Update Rounds fields', () => {
  it('reads in Microsoft Lists as words: the name is the Title, the scope a choice', () => {
    const round: UpdateRoundInput = { name: 'Board report March 2027', opensAt: '2027-03-01T14:00:00.000Z', dueDate: '2027-03-19', scope: { kind: 'objectives', refs: ['1', '2'] }, state: 'Open' };
    const fields = roundToFields(round);
    assert.deepEqual(fields, { Title: 'Board report March 2027', OpensAt: '2027-03-01T14:00:00.000Z', DueDate: '2027-03-19T12:00:00Z', ScopeKind: 'Objectives', ScopeRefsJson: '["1","2"]', State: 'Open' });
    assert.deepEqual(roundFromFields(fields, '1'), round);
    assert.equal(roundToFields({ scope: { kind: 'all-open' } }, true).ScopeKind, 'All open tasks');
    assert.equal(roundToFields({ scope: { kind: 'all-open' } }, true).ScopeRefsJson, null, 'a patch clears the refs');
  });

  it('reports a hand-edited item with nonsense in it', () => {
    assert.throws(() => roundFromFields({ Title: 'X', OpensAt: '2027-03-01T14:00:00Z', DueDate: '2027-03-19T12:00:00Z', ScopeKind: 'Everything', State: 'Open' }, '9'), /"rounds" item 9 has invalid columns \(ScopeKind/);
  });

  it('keeps a snapshot whole when it fits in the column', () => {
    const { updateId: _none, ...imported } = line(2);
    const lines = [line(1), imported];
    assert.deepEqual(JSON.parse(snapshotJson(lines)), lines);
  });

  it('leaves text in Plan Updates when a whole plan would overflow the column, never cutting it', () => {
    const lines = [...Array.from({ length: 100 }, (_, i) => line(i)), line(500, { updateId: undefined, update: 'Imported text only' })];
    assert.ok(JSON.stringify(lines).length > NOTE_MAX_CHARS);
    const stored = JSON.parse(snapshotJson(lines)) as RoundSnapshotLine[];
    assert.ok(JSON.stringify(stored).length <= NOTE_MAX_CHARS);
    assert.deepEqual(stored[0], { taskId: '0', taskRef: '1.0', updateAt: '2027-03-03T10:00:00.000Z', updateId: '1000', rag: 'Green' });
    assert.equal(stored.at(-1)?.update, 'Imported text only', 'a line with no Plan Updates item keeps its text');
  });

  it('says plainly when even that is too long', () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(i, { updateId: undefined }));
    assert.throws(() => snapshotJson(lines), /snapshot of 100 tasks needs [\d,]+ characters, more than the 63,999 a SharePoint multiple-lines-of-text column holds/);
  });
});
