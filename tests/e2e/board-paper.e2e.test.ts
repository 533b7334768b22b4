import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import type { PlanView } from '../../core/plan-view';
import { silentLogger } from '../../core/ports/logger';
import type { TrendsView } from '../../core/trends/plan-trends';

/**
 * The acceptance on the demo plan, through the real server as `npm start` runs it (demo
 * data seeded, the dev identity an EDI officer): the board paper downloads with no round open and
 * holds what the board needs.
 */
describe('board paper on the demo plan (real server)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;
  let plan: PlanView;
  let docx: JSZip;
  let body: string;
  const url = (p: string) => `${app.server.url.replace('localhost', '127.0.0.1')}${p}`;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-board-paper-'));
    ctx = await createAppContext(loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { log: silentLogger });
    await seedDemoPlan(ctx); // as bot/start.ts does with DEMO_DATA
    app = await startApp(ctx);
    plan = (await (await fetch(url('/api/plan'))).json()) as PlanView;
    const res = await fetch(url('/api/export/board-report.docx'));
    assert.equal(res.status, 200, await res.clone().text());
    docx = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    body = await docx.file('word/document.xml')!.async('string');
  });
  after(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(' ');
  const planTasks = () => plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));

  it('needs no open round, and the demo has closed rounds of history', async () => {
    assert.equal(plan.round, undefined, 'no round is open in the demo');
    const trends = (await (await fetch(url('/api/trends'))).json()) as TrendsView;
    assert.ok(trends.ragByRound.filter((p) => p.roundId).length >= 3, 'at least three closed rounds');
    assert.ok(trends.movers.up.length + trends.movers.down.length > 0, 'movement since the last round');
    assert.ok(trends.measures.length > 0, 'measures');
  });

  it('has a cover naming the council and who prepared it (the signed-in officer)', () => {
    const words = text(body);
    assert.ok(words.includes('Northvale District Council'), 'council');
    assert.ok(words.includes('Priya'), 'prepared by the dev identity, Priya');
  });

  it('contains every task ref of /api/plan', () => {
    const words = text(body);
    const missing = planTasks().filter((t) => !words.includes(t.ref));
    assert.deepEqual(missing.map((t) => t.ref), []);
  });

  it('names every Red and Amber task, with its risks, in "Asked of the board"', async () => {
    const paragraphs = body.split('</w:p>');
    const start = paragraphs.findIndex((p) => /Heading1/.test(p) && /Asked of the board/.test(text(p)));
    assert.ok(start > 0, 'an "Asked of the board" Heading 1');
    const end = paragraphs.findIndex((p, i) => i > start && /Heading1/.test(p));
    const section = text(paragraphs.slice(start, end).join('</w:p>'));
    const asked = planTasks().filter((t) => (t.rag === 'Red' || t.rag === 'Amber') && t.status === 'Open');
    assert.ok(asked.length > 0, 'the demo has Red and Amber tasks');
    for (const t of asked) {
      assert.ok(section.includes(t.ref), `${t.ref} is asked of the board`);
      const detail = (await (await fetch(url(`/api/tasks/${t.id}`))).json()) as { risks?: string };
      const risks = detail.risks?.split('\n')[0]?.trim();
      assert.ok(risks, `${t.ref} has risks in the demo`);
      assert.ok(section.includes(risks.slice(0, 40)), `${t.ref}'s risks are in the section`);
    }
  });

  it('has a chart image with alt text, Heading 1 and 2 styles, and page numbers in the footer', async () => {
    const images = Object.keys(docx.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    assert.ok(images.length >= 1, 'a PNG chart');
    const png = await docx.file(images[0]!)!.async('uint8array');
    assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const descriptions = [...body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(descriptions.length >= images.length && descriptions.every((d) => d.length > 20), 'every chart has alt text');
    assert.match(body, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(body, /<w:pStyle w:val="Heading2"\/>/);
    const footers = await Promise.all(Object.keys(docx.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => docx.file(f)!.async('string')));
    assert.ok(footers.some((f) => /PAGE/.test(f) && /NUMPAGES/.test(f)), 'a PAGE and NUMPAGES field in a footer');
  });
});
