/**
 * Every card at Teams mobile's width (issue 19): each card in tests/support/card-catalogue.ts is
 * built by its own builder with ordinary and with hostile data, drawn by the `adaptivecards`
 * renderer in real Chromium in a 320 px column with Teams' host config, and must fit: nothing wider
 * than the card, no text cut short, every button readable in full, axe clean. A screenshot of each
 * goes to tests/browser/screenshots/cards/ (not in git) for people to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CARD_SYMBOLS } from '../../bot/cards/card-symbols';
import { cardProblems, executeActions } from '../support/card-validator';
import { CARD_TYPES, HOSTILE, REALISTIC } from '../support/card-catalogue';
import { actionProblems, layoutProblems, openCardPage, PHONE_WIDTH, renderCard } from './cards/card-page';
import { missingGlyphs } from './cards/glyphs';
import { axeViolations } from './axe';
import { launchChromium } from './chromium';

const SCREENSHOTS = path.join(__dirname, 'screenshots', 'cards');
const fileName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe(`every card at ${PHONE_WIDTH} px (Teams mobile), drawn by the adaptivecards renderer in Chromium`, function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async function () {
    this.timeout(120_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 640 }, locale: 'en-GB' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The card is drawn from local files: nothing may be fetched from anywhere.
    await page.route('**/*', (route) => route.abort());
    await openCardPage(page);
  });
  after(async () => browser?.close());
  beforeEach(() => {
    pageErrors = [];
  });
  afterEach(() => assert.deepEqual(pageErrors, [], 'the page threw uncaught errors'));

  for (const data of [REALISTIC, HOSTILE]) {
    for (const [name, build] of CARD_TYPES) {
      it(`${name}, ${data.label} data: fits, reads in full, every button shows, axe clean`, async () => {
        const json = build(data);
        assert.deepEqual(cardProblems(json), [], 'a valid Adaptive Card 1.5, under 80 KB');
        const card = await renderCard(page, json);
        assert.deepEqual(await layoutProblems(card), [], 'everything fits inside the card');
        const { titles, problems } = await actionProblems(card);
        assert.deepEqual(problems, [], 'every button can be read in full');
        const expected = executeActions(json).filter((a) => a.title !== 'Refresh').map((a) => a.title);
        assert.deepEqual(titles, expected, 'every action of the card is drawn as a button');
        const violations = await axeViolations(page);
        assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], 'axe finds nothing');
        await card.screenshot({ path: path.join(SCREENSHOTS, `${fileName(name)}.${data.label}.png`) });
      });
    }
  }

  it('every symbol the cards use has a glyph in the fonts here (no empty boxes)', async () => {
    assert.deepEqual(await missingGlyphs(page, [...CARD_SYMBOLS]), []);
  });

  it('the glyph check itself finds a symbol these fonts lack', async () => {
    // U+29D7 (black hourglass) was shown as a box in Chromium on Linux: the reason for card-symbols.ts.
    assert.deepEqual(await missingGlyphs(page, ['\u29D7', '✓']), ['\u29D7']);
  });

  it('the layout check itself finds an unbroken word, an unwrapped line and buttons off the card', async () => {
    const card = await renderCard(page, {
      type: 'AdaptiveCard',
      version: '1.5',
      // A FactSet is a table: a long word in it widens the table, where a TextBlock would break it.
      body: [{ type: 'FactSet', facts: [{ title: 'Link', value: 'x'.repeat(120) }] }, { type: 'TextBlock', text: 'A line that is not allowed to wrap onto a second one' }],
      actions: ['Submit the update', 'No change since my last update', 'Hand to a colleague', 'Back to my tasks'].map((title) => ({ type: 'Action.Execute', title, verb: 'v' })),
    });
    const found = await layoutProblems(card);
    assert.ok(found.some((p) => p.includes('ac-factset') && p.includes('x'.repeat(20))), 'the long word is found');
    assert.ok(found.some((p) => p.includes('ac-textBlock') && p.endsWith('does not wrap')), 'the unwrapped line is found');
    assert.ok((await actionProblems(card)).problems.length > 0, 'the cut buttons are found');
  });
});
