/**
 * Proves the same hostile text (a markdown link, a bare URL, a mention, HTML with an image, bold,
 * `${…}`, `{{DATE()}}`: user-text.test.ts's TYPED) in a plan's objective, task, owner's name,
 * updates and comments is shown as text by the tab's pages (React, in Chromium, on the real
 * server) and by the board paper (DOCX): no link, image, bold or mention from it, no script run,
 * no hyperlink or field in the document, and it reads as typed.
 */
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { demoUsers } from '../../bot/demo/demo-users';
import type { Person } from '../../core/model';
import type { AppContext } from '../../bot/app-context';
import { openPlan, useRealTabPage } from '../browser/real-tab-page';
import { taskInput, updateInput } from '../support/builders';
import { seen, TYPED } from './support/hostile-text';

let taskId = '';

async function seedHostile(ctx: AppContext): Promise<void> {
  const { store } = ctx;
  const owner: Person = { aadObjectId: demoUsers.alex.aadObjectId, displayName: TYPED, email: demoUsers.alex.email };
  await store.createObjective({ ref: '1', title: TYPED });
  const task = await store.createTask(
    taskInput({ ref: '1.1', title: TYPED, indicator: TYPED, dueText: TYPED, dueDate: '2026-03-01', rag: 'Red', owners: [owner], evidence: TYPED, risks: TYPED, supportNeeded: TYPED, latestUpdate: TYPED, latestUpdateAt: '2026-03-10T09:00:00.000Z', latestUpdateBy: owner }),
  );
  taskId = task.id;
  await store.recordUpdate({
    update: updateInput(task.id, { taskRef: task.ref, submittedBy: owner, submittedAt: '2026-03-10T09:00:00.000Z', progress: TYPED, evidence: TYPED, risks: TYPED, supportNeeded: TYPED, ragProposed: 'Red' }),
    task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: TYPED } },
  });
  await store.addComment({ key: 'hostile-comment', taskId: task.id, taskRef: task.ref, author: owner, postedAt: '2026-03-11T09:00:00.000Z', text: TYPED });
}

/** Links, images, bold, mentions and scripts in the page whose text or address comes from TYPED. */
function markupFromTyped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fromTyped = /click|bold|Chief Executive|evil\.example|user\.name|alert/i;
    const found: string[] = [];
    for (const node of document.querySelectorAll('a, img, b, strong, em, i, u, at, script:not([src]), iframe, object, [onerror], [onclick]')) {
      const said = `${node.textContent ?? ''} ${node.getAttribute('href') ?? ''} ${node.getAttribute('src') ?? ''}`;
      if (node.matches('at, img[src="x"], iframe, object, [onerror], [onclick]') || fromTyped.test(said)) found.push(node.outerHTML.slice(0, 160));
    }
    return found;
  });
}

describe('security: user text in the tab\'s pages and the board paper is shown as text', function () {
  this.timeout(90_000);
  const tab = useRealTabPage({ app: { seed: seedHostile } });
  const dialogs: string[] = [];

  beforeEach(() => {
    tab.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterEach(() => assert.deepEqual(dialogs.splice(0), [], 'no script ran'));

  it('the plan page and the task\'s detail (updates, comments, evidence, owner): text as typed, no markup from it', async () => {
    await openPlan(tab);
    const plan = seen((await tab.page.locator('main').textContent()) ?? '');
    assert.ok(plan.includes(seen(TYPED)), `the plan shows it as typed: ${plan.slice(0, 300)}`);
    assert.deepEqual(await markupFromTyped(tab.page), [], 'the plan page');

    await tab.page.goto(`${tab.app.url}/?task=${taskId}`);
    const detail = tab.page.getByRole('dialog').locator('[data-task-detail]');
    await detail.waitFor();
    await detail.getByText('Comments', { exact: false }).first().waitFor();
    const text = seen((await detail.textContent()) ?? '');
    const times = text.split(seen(TYPED)).length - 1;
    assert.ok(times >= 4, `title, update, evidence, comment… as typed (${times} times): ${text.slice(0, 300)}`);
    assert.doesNotMatch(text, /1 Jan 2026|Jan 1, 2026/, 'no date function ran');
    assert.deepEqual(await markupFromTyped(tab.page), [], 'the task detail');
  });

  it('the board paper: the text as typed, and no hyperlink, field or relationship from it', async () => {
    const res = await fetch(`${tab.app.url}/api/export/board-report.docx`);
    assert.equal(res.status, 200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const document = await zip.file('word/document.xml')!.async('string');
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''));
    assert.ok(paragraphs.filter((p) => seen(p).includes(seen(TYPED))).length >= 3, 'the task, its update and its objective say it as typed');
    assert.doesNotMatch(document, /<w:hyperlink/, 'no hyperlink from it');
    assert.doesNotMatch(document, /<w:fldSimple|<w:instrText/, 'no field from it');
    // The paper's own pictures are its charts, embedded; a picture from user text would be linked (r:link).
    assert.doesNotMatch(document, /r:link=/, 'no linked picture');
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      assert.doesNotMatch(await zip.file(name)!.async('string'), /evil\.example|TargetMode="External"/, `${name}: no external link`);
    }
  });
});
