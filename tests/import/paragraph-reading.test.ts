import assert from 'node:assert/strict';
import { mapHeaderRow, roleFor } from '../../core/import/columns/column-map';
import { EMPTY_MAPPING } from '../../core/import/columns/mapping-file';
import { isDeadlinePhrase, readActionText } from '../../core/import/layout/inline-fields';
import { readRag, readStatus } from '../../core/import/values/rag-and-status';
import { openStore, runImport } from './import-support';

/** The small readers behind the layouts: an action paragraph's lead and deadline, quarters, status words. */

const isLabel = (label: string) => {
  const r = roleFor(label, EMPTY_MAPPING);
  return !!r && r !== 'ignore' && r.field !== 'title';
};
const read = (text: string) => readActionText(text, isLabel);

describe('reading an action written as a paragraph', () => {
  it('lead and deadline as sentences after the wording', () => {
    assert.deepEqual(read('Review our complaints process. Lead: Head of Customer Services. By March 2026.'), {
      title: 'Review our complaints process.',
      values: [{ label: 'Lead', value: 'Head of Customer Services' }],
      deadline: 'By March 2026',
    });
  });

  it('lead and deadline in brackets, split at the comma only where a deadline follows', () => {
    assert.deepEqual(read('Publish the pay gaps (Lead: Assistant Director, HR, by 31 March 2026).'), {
      title: 'Publish the pay gaps',
      values: [{ label: 'Lead', value: 'Assistant Director, HR' }],
      deadline: 'by 31 March 2026',
    });
  });

  it('a typed ref, and the lead and timescale on lines of their own', () => {
    assert.deepEqual(read('2.4 Set up a carers network.\nLead: Priya Shah\nTimescale: Q1 2026/27'), {
      ref: '2.4',
      title: 'Set up a carers network.',
      values: [{ label: 'Lead', value: 'Priya Shah' }, { label: 'Timescale', value: 'Q1 2026/27' }],
    });
  });

  it('a bare list number is not a ref; a deadline alone at the end is taken off the wording', () => {
    assert.deepEqual(read('3. Hold a listening event with young carers. Ongoing.'), { title: 'Hold a listening event with young carers.', values: [], deadline: 'Ongoing' });
    assert.deepEqual(read('\u2022 Fit a hearing loop in the chamber (by December 2025)'), { title: 'Fit a hearing loop in the chamber', values: [], deadline: 'by December 2025' });
  });

  it('a colon inside the wording is not a label unless it names a field', () => {
    assert.deepEqual(read('Run the campaign: Everyone Counts, with partners'), { title: 'Run the campaign: Everyone Counts, with partners', values: [] });
  });

  it('knows a deadline phrase from other words', () => {
    for (const yes of ['By March 2026', 'Ongoing', 'TBC', 'timescale to be confirmed', 'Q3 2025/26', 'Spring 2026']) assert.ok(isDeadlinePhrase(yes), yes);
    for (const no of ['Head of HR', 'Digital Lead (Owen Pritchard)', 'Reviewed with partners in March 2026 and again later', '']) assert.ok(!isDeadlinePhrase(no), no);
  });
});

describe('dated progress columns named by their quarter', () => {
  it('"Q2" takes its year from the dated column beside it', () => {
    const map = mapHeaderRow(['Action', 'Q2', 'Q3 update', 'Update Jan 2026'], EMPTY_MAPPING)!;
    assert.deepEqual(map.roles.map((r) => r?.date), [undefined, '2025-09-30', '2025-12-31', '2026-01-31']);
  });

  it('a quarter alone is not a dated column', () => {
    assert.deepEqual(mapHeaderRow(['Action', 'Lead', 'Q2'], EMPTY_MAPPING)!.ignored, ['Q2']);
  });
});

describe('status words', () => {
  it('map to RAG and status', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['On track', 'Green', undefined],
      ['In progress', 'Green', undefined],
      ['Slipped', 'Amber', undefined],
      ['On hold', 'Amber', undefined],
      ['Delayed', 'Red', undefined],
      ['Not on track', 'Red', undefined],
      ['Overdue', 'Red', undefined],
      ['Not started', 'Not started', undefined],
      ['Complete', 'Complete', 'Complete'],
      ['Blue', 'Complete', 'Complete'],
      ['Withdrawn', undefined, 'Withdrawn'],
    ];
    for (const [text, rag, status] of cases) assert.deepEqual([readRag(text), readStatus(text)], [rag, status], text);
  });

  it('keep the word as written on the imported task, as its reason for the status; a plain RAG adds none', async () => {
    const csv = [
      'Ref,Action,Owner,Deadline,Status',
      '1,Review the hate crime reporting page,Comms Lead,May 2026,Slipped',
      '2,Run a reasonable adjustments audit,HR Lead,June 2026,Green',
      '3,Pilot a community language line,Customer Services Lead,July 2026,No longer required',
    ].join('\r\n');
    const store = openStore();
    try {
      const report = await runImport(store, Buffer.from(csv), 'statuses.csv');
      assert.deepEqual(report.tasks.map((t) => t.statusText ?? null), ['Slipped', null, 'No longer required']);
      const stored = await Promise.all(['1', '2', '3'].map((ref) => store.getTaskByRef(ref)));
      assert.deepEqual(stored.map((t) => [t?.rag, t?.status, t?.statusReason ?? null]), [
        ['Amber', 'Open', 'The imported plan said "Slipped".'],
        ['Green', 'Open', null],
        ['Not started', 'Withdrawn', 'The imported plan said "No longer required".'],
      ]);
    } finally {
      await store.close();
    }
  });
});
