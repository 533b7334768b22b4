import assert from 'node:assert/strict';
import { EFLG_FRAMEWORK, eflgCriterion, nextEflgLevel } from '../../core/eflg/framework';
import { eflgFromIndicator, eflgTagsFromIndicator } from '../../core/eflg/indicator-tags';
import { buildEflgAssessment, type EflgAssessment, type EflgCriterionAssessment } from '../../core/eflg/self-assessment';
import type { EflgTag, Task, Update } from '../../core/model';
import { alice, bob, taskInput, updateInput } from '../support/builders';

let nextId = 0;
function task(ref: string, eflg: EflgTag[] | undefined, overrides: Partial<Task> = {}): Task {
  nextId += 1;
  return { ...taskInput({ ref, title: `Task ${ref}`, ...(eflg && { eflg }) }), id: String(nextId), version: '1', ...overrides };
}
function update(t: Task, evidence: string | undefined, submittedAt: string): Update {
  return { ...updateInput(t.id, { taskRef: t.ref, submittedAt, ...(evidence !== undefined && { evidence }) }), id: `u${(nextId += 1)}`, version: '1' };
}
const assess = (tasks: Task[], updates: Update[] = []): EflgAssessment => {
  const byTask = new Map<string, Update[]>();
  for (const u of updates) byTask.set(u.taskId, [...(byTask.get(u.taskId) ?? []), u]);
  return buildEflgAssessment({ tasks, updatesByTask: byTask, today: '2026-11-22' });
};
function criterion(a: EflgAssessment, id: string): EflgCriterionAssessment {
  const found = a.modules.flatMap((m) => m.criteria).find((c) => c.id === id);
  assert.ok(found, `criterion ${id}`);
  return found;
}

describe('Equality Framework: the framework as data', () => {
  it('has the four modules and their seventeen criteria, numbered as the framework numbers them, each with three level notes', () => {
    assert.deepEqual(
      EFLG_FRAMEWORK.map((m) => [m.number, m.title]),
      [
        [1, 'Understanding and working with communities'],
        [2, 'Leadership, partnership and organisational commitment'],
        [3, 'Responsive services and customer care'],
        [4, 'Diverse and engaged workforce'],
      ],
    );
    assert.deepEqual(
      EFLG_FRAMEWORK.map((m) => m.criteria.map((c) => c.id)),
      [['1.1', '1.2', '1.3', '1.4', '1.5'], ['2.1', '2.2', '2.3', '2.4'], ['3.1', '3.2', '3.3'], ['4.1', '4.2', '4.3', '4.4', '4.5']],
    );
    for (const c of EFLG_FRAMEWORK.flatMap((m) => m.criteria)) {
      assert.ok(c.id.startsWith(`${c.module}.`), c.id);
      for (const level of ['Developing', 'Achieving', 'Excellent'] as const) assert.ok(c.levels[level].length > 20, `${c.id} ${level}`);
    }
    assert.equal(eflgCriterion('2.3')?.title, 'Using equality impact assessment');
    assert.equal(eflgCriterion('2.9'), undefined);
    assert.deepEqual([nextEflgLevel(undefined), nextEflgLevel('Developing'), nextEflgLevel('Achieving'), nextEflgLevel('Excellent')], ['Developing', 'Achieving', 'Excellent', undefined]);
  });
});

describe('Equality Framework: the self-assessment', () => {
  it('reaches the highest level with a Green or Complete task that has evidence; the next level says what is missing', () => {
    const done = task('1.1.1', [{ module: 1, criterion: '1.1', level: 'Achieving' }], { rag: 'Complete', status: 'Complete', evidence: 'Profile published; cited in 3 EIAs.' });
    const greenNoEvidence = task('1.1.2', [{ module: 1, criterion: '1.1', level: 'Excellent' }], { rag: 'Green' });
    const a = assess([done, greenNoEvidence]);
    const c = criterion(a, '1.1');
    assert.equal(c.reached, 'Achieving');
    assert.deepEqual(c.reachedBy, ['1.1.1']);
    assert.deepEqual(c.tasks.map((t) => [t.ref, t.rag, t.status, t.level, t.onTrack, t.hasEvidence]), [
      ['1.1.1', 'Complete', 'Complete', 'Achieving', true, true],
      ['1.1.2', 'Green', 'Open', 'Excellent', true, false],
    ]);
    assert.equal(c.next?.level, 'Excellent');
    assert.equal(c.next?.looksLike, eflgCriterion('1.1')!.levels.Excellent);
    assert.deepEqual(c.next?.missing, ['No evidence sent yet for 1.1.2: ask the owners to send evidence with their next update, or add an evidence link.']);
  });

  it('a Green task without evidence, or an Amber one with it, reaches nothing; a task tagged higher counts for the levels below', () => {
    const amber = task('2.3.1', [{ module: 2, criterion: '2.3', level: 'Excellent' }], { rag: 'Amber' });
    const a = assess([amber], [update(amber, 'Template relaunched.', '2026-11-01T10:00:00.000Z')]);
    const c = criterion(a, '2.3');
    assert.equal(c.reached, undefined);
    assert.deepEqual(c.reachedBy, []);
    assert.equal(c.next?.level, 'Developing');
    assert.deepEqual(c.next?.missing, ['Not yet Green or Complete: 2.3.1 (Amber).'], 'the Excellent task is what would show Developing; it has evidence');

    const green = { ...amber, rag: 'Green' as const };
    const b = criterion(assess([green], [update(green, 'Template relaunched.', '2026-11-01T10:00:00.000Z')]), '2.3');
    assert.equal(b.reached, 'Excellent', 'a task showing Excellent shows the levels below it');
    assert.equal(b.next, undefined);
  });

  it('says when nothing is tagged at the next level, and when tagged tasks are neither Green nor evidenced', () => {
    const a = assess([task('3.3.1', [{ module: 3, criterion: '3.3', level: 'Developing' }], { rag: 'Red' })]);
    assert.deepEqual(criterion(a, '3.1').next, { level: 'Developing', looksLike: eflgCriterion('3.1')!.levels.Developing, missing: ['No task is tagged at Developing or above yet: tag a task whose work would show it.'] });
    assert.deepEqual(criterion(a, '3.3').next?.missing, ['Not yet Green or Complete: 3.3.1 (Red).', 'No evidence sent yet for 3.3.1: ask the owners to send evidence with their next update, or add an evidence link.']);
    const reached = assess([task('4.5.1', [{ module: 4, criterion: '4.5', level: 'Achieving' }], { rag: 'Complete', status: 'Complete', evidence: 'Network launched.' })]);
    assert.deepEqual(criterion(reached, '4.5').next?.missing, ['No task is tagged at Excellent yet: tag a task whose work would show it.']);
  });

  it('gathers the evidence: links, then updates newest first (the same words once, at most three), and the task’s own evidence', () => {
    const t = task('1.2.2', [{ module: 1, criterion: '1.2', level: 'Developing' }], {
      evidence: 'Quarter 4: 31% answered.',
      evidenceLinks: [{ url: 'https://council.sharepoint.com/ev.docx', title: 'Complaints analysis', addedBy: bob, addedAt: '2026-10-01T09:00:00.000Z' }],
    });
    const updates = [
      update(t, 'Quarter 1: 18% answered.', '2026-01-10T10:00:00.000Z'),
      update(t, 'Quarter 2: 22% answered.', '2026-04-10T10:00:00.000Z'),
      update(t, 'Quarter 3: 27% answered.', '2026-07-10T10:00:00.000Z'),
      update(t, 'Quarter 3: 27% answered.', '2026-07-11T10:00:00.000Z'),
      update(t, undefined, '2026-08-10T10:00:00.000Z'),
      update(t, 'Quarter 4: 31% answered.', '2026-10-10T10:00:00.000Z'),
    ];
    const c = criterion(assess([t], updates), '1.2');
    assert.deepEqual(
      c.evidence.map((e) => [e.kind, e.text, e.url, e.by, e.at]),
      [
        ['link', 'Complaints analysis', 'https://council.sharepoint.com/ev.docx', 'Bob Manager', '2026-10-01T09:00:00.000Z'],
        ['update', 'Quarter 4: 31% answered.', undefined, alice.displayName, '2026-10-10T10:00:00.000Z'],
        ['update', 'Quarter 3: 27% answered.', undefined, alice.displayName, '2026-07-11T10:00:00.000Z'],
        ['update', 'Quarter 2: 22% answered.', undefined, alice.displayName, '2026-04-10T10:00:00.000Z'],
      ],
    );
    const imported = task('1.2.3', [{ module: 1, criterion: '1.2', level: 'Developing' }], { evidence: 'Imported: grants analysed by group.' });
    assert.deepEqual(criterion(assess([imported]), '1.2').evidence, [{ taskRef: '1.2.3', kind: 'task', text: 'Imported: grants analysed by group.' }]);
  });

  it('counts untagged open tasks, leaves withdrawn and carried-forward tasks out, and keeps module-wide tags apart', () => {
    const tasks = [
      task('1.1.1', undefined),
      task('1.1.2', undefined, { status: 'Complete', rag: 'Complete' }),
      task('1.1.3', undefined),
      task('2.2.1', [{ module: 2, level: 'Developing' }], { evidence: 'Strategies reviewed.' }),
      task('2.2.2', [{ module: 2, criterion: '2.2', level: 'Excellent' }], { status: 'Withdrawn', rag: 'Green', evidence: 'x' }),
      task('2.2.3', [{ module: 2, criterion: '2.2', level: 'Excellent' }], { status: 'Carried forward', rag: 'Green', evidence: 'x' }),
    ];
    const a = assess(tasks);
    assert.equal(a.untaggedOpenTasks, 2);
    assert.equal(a.taggedTasks, 1);
    assert.deepEqual(criterion(a, '2.2').tasks, []);
    const m2 = a.modules[1]!;
    assert.equal(m2.general?.title, 'Module 2 as a whole');
    assert.equal(m2.general?.reached, 'Developing');
    assert.equal(m2.general?.next?.looksLike, undefined);
    assert.equal(m2.taggedTasks, 1);
    assert.equal(a.modules[0]!.general, undefined);
    assert.match(a.rule, /Green or Complete/);
  });

  it('one task tagged to two criteria appears under each, at its level there; refs in natural order', () => {
    const wide = task('1.10', [{ module: 1, criterion: '1.1', level: 'Excellent' }, { module: 4, criterion: '4.3', level: 'Developing' }]);
    const narrow = task('1.9', [{ module: 1, criterion: '1.1', level: 'Developing' }]);
    const a = assess([wide, narrow]);
    assert.deepEqual(criterion(a, '1.1').tasks.map((t) => [t.ref, t.level]), [['1.9', 'Developing'], ['1.10', 'Excellent']]);
    assert.deepEqual(criterion(a, '4.3').tasks.map((t) => [t.ref, t.level]), [['1.10', 'Developing']]);
    assert.equal(a.taggedTasks, 2);
  });
});

describe('Equality Framework: tags suggested from an imported indicator', () => {
  const cases: [string, ReturnType<typeof eflgFromIndicator>][] = [
    ['1.1 Collecting and sharing information', { module: 1, criterion: '1.1' }],
    ['Module 4: Diverse and engaged workforce', { module: 4 }],
    ['Diverse and engaged workforce', { module: 4 }],
    ['3.1 Commissioning and procurement', { module: 3, criterion: '3.1' }],
    ['3.2 Equality outcomes in service planning', { module: 3, criterion: '3.2' }],
    ['EFLG 2.3 – Achieving', { module: 2, criterion: '2.3', level: 'Achieving' }],
    ['2.4', { module: 2, criterion: '2.4' }],
    ['Fostering good relations', { module: 1, criterion: '1.4' }],
    ['Module 2, criterion 2.1 Political and officer leadership (Excellent)', { module: 2, criterion: '2.1', level: 'Excellent' }],
    ['Module 1: 2.1 Political and officer leadership', { module: 1 }],
    ['2.1 Workforce', undefined],
    ['1. Percentage of staff from BME backgrounds in each pay band', undefined],
    ['1.1.2 Something', undefined],
    ['5.1 Collecting and sharing information', { module: 1, criterion: '1.1' }],
    ['Workforce', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected ? JSON.stringify(expected) : 'no tag'}`, () => assert.deepEqual(eflgFromIndicator(text), expected));
  }

  it('an import tags at the level the text names, else Developing (the first level)', () => {
    assert.deepEqual(eflgTagsFromIndicator('1.3 Effective community engagement'), [{ module: 1, criterion: '1.3', level: 'Developing' }]);
    assert.deepEqual(eflgTagsFromIndicator('Module 3 (Achieving)'), [{ module: 3, level: 'Achieving' }]);
    assert.equal(eflgTagsFromIndicator(undefined), undefined);
    assert.equal(eflgTagsFromIndicator('Customer care'), undefined);
  });
});
