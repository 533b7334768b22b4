/**
 * Proves text one person typed reaches others' cards as text (issue 21, point 2): every card in
 * tests/support/card-catalogue.ts, built with titles, updates, comments, names and typed answers
 * holding a markdown link, a bare URL, a mention, HTML with an image, markdown bold, `${…}` and
 * `{{DATE()}}`, is drawn by the `adaptivecards` renderer in Chromium under a client more generous
 * with markup than Teams (support/teams-markdown.ts), and no link, image, bold or mention comes from
 * that text, no script runs, and the text reads as typed; expanded by adaptivecards-templating, no
 * `${…}` of it is evaluated. A first case shows the same text unescaped does turn into all of those.
 */
import assert from 'node:assert/strict';
import * as ACData from 'adaptivecards-templating';
import type { Browser, Page } from 'playwright-core';
import { cardText, factText } from '../../bot/cards/card-text';
import { CARD_TYPES, REALISTIC, type CardData } from '../support/card-catalogue';
import { cardProblems, cardTextContent } from '../support/card-validator';
import { openCardPage, renderCard } from '../browser/cards/card-page';
import { launchChromium } from '../browser/chromium';
import { seen, TYPED } from './support/hostile-text';
import { teamsLikeMarkdownScript } from './support/teams-markdown';


/** Fields people write (or the directory names them with): each gets the hostile text, tagged so every one can be told apart. */
const USER_FIELDS = new Set(['title', 'progress', 'evidence', 'risks', 'supportNeeded', 'latestUpdate', 'justification', 'comment', 'text', 'displayName', 'typed', 'dueText', 'indicator', 'name']);

function hostileData(): CardData {
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return typeof value === 'string' && USER_FIELDS.has(key) ? TYPED : value;
  };
  return { ...(walk(REALISTIC) as CardData), label: 'hostile' };
}


/**
 * Where the card shows the typed text, it reads as typed: all of it, or (a greeting's first name, a
 * list cut short) a start of it that ends at a word or with an ellipsis.
 */
function assertReadsAsTyped(shownFrom: string): void {
  const typed = seen(TYPED);
  let n = 0;
  while (n < typed.length && shownFrom[n] === typed[n]) n += 1;
  const cleanCut = n === typed.length || typed[n] === ' ' || shownFrom[n] === '…';
  assert.ok(n >= '[click](https://evil.example)'.length && cleanCut, `reads as typed, or a clean start of it: ${JSON.stringify(shownFrom.slice(0, typed.length + 10))}`);
}

interface Drawn {
  /** Links, images, bold, italics, mentions and scripts whose text or address comes from what was typed. */
  markup: string[];
  text: string;
}

async function drawn(page: Page, card: unknown): Promise<Drawn> {
  const root = await renderCard(page, card);
  return root.evaluate((el) => {
    const fromTyped = /click|bold|Chief Executive|evil\.example|user\.name|alert/i;
    const markup: string[] = [];
    for (const node of el.querySelectorAll('a, img, b, strong, em, i, u, [data-mention], script, iframe, object, [onerror], [onclick], [style*="url("]')) {
      const said = `${node.textContent ?? ''} ${node.getAttribute('href') ?? ''} ${node.getAttribute('src') ?? ''}`;
      if (node.matches('img, script, iframe, object, [onerror], [onclick], [data-mention]') || fromTyped.test(said)) markup.push(node.outerHTML.slice(0, 160));
    }
    return { markup, text: el.textContent ?? '' };
  });
}

describe('security: user text on every card is shown as text (Chromium, adaptivecards)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const data = hostileData();

  before(async function () {
    this.timeout(120_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 480, height: 800 }, locale: 'en-GB' });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Nothing may be fetched: an <img src=x> that got through fails to load, which fires its onerror.
    await page.route('**/*', (route) => route.abort());
    await openCardPage(page);
    await page.addScriptTag({ content: teamsLikeMarkdownScript() });
  });
  after(async () => browser?.close());
  afterEach(() => assert.deepEqual(dialogs.splice(0), [], 'no script ran'));

  it('the same text, not escaped, does become a link, an image, bold, a mention and a date here (so the checks below can fail)', async () => {
    const raw = await drawn(page, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: TYPED, wrap: true }] });
    const kinds = raw.markup.map((m) => /^<(\w+)/.exec(m)?.[1]);
    for (const kind of ['a', 'img', 'strong', 'span', 'b']) assert.ok(kinds.includes(kind), `${kind} in ${JSON.stringify(raw.markup)}`);
    assert.doesNotMatch(raw.text, /\{\{DATE/, 'the renderer formatted the date');
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs.splice(0), ['1'], 'the image\'s onerror ran');
    const expanded = JSON.stringify(new ACData.Template({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: TYPED }] }).expand({ $root: { user: { name: 'Mallory' } } }));
    assert.match(expanded, /Mallory/, 'and templating evaluated ${user.name}');
  });

  it('cardText and factText keep it text, reading as typed', async () => {
    for (const escape of [cardText, factText]) {
      const shown = await drawn(page, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: escape(TYPED), wrap: true }, { type: 'FactSet', facts: [{ title: 'Said', value: escape(TYPED) }] }] });
      assert.deepEqual(shown.markup, [], escape.name);
      assert.equal(seen(shown.text), seen(`${TYPED}Said${TYPED}`), `${escape.name}: reads as typed`);
    }
  });

  for (const [name, build] of CARD_TYPES) {
    it(`${name}: no link, image, bold or mention from user text; no script; reads as typed; no template expression`, async () => {
      const card = build(data);
      assert.deepEqual(cardProblems(card), [], 'a valid card');
      const json = JSON.stringify(card);
      assert.doesNotMatch(json, /"msteams"\s*:\s*\{[^}]*"entities"/, 'no mention entities');
      const shown = await drawn(page, card);
      assert.deepEqual(shown.markup, [], 'nothing typed became markup');
      if (/evil/.test(json)) {
        const text = seen(shown.text);
        assert.ok(text.includes('[click](https://evil.example)'), `the link shows as typed: ${text.slice(0, 300)}`);
        for (const shownFrom of text.split('[click](').slice(1).map((rest) => `[click](${rest}`)) assertReadsAsTyped(shownFrom);
        assert.doesNotMatch(text, /Jan 1, 2026|1 Jan 2026/, 'the date function did not run');
      }
      // Only what the card shows: an input's value is the reader's own words handed back to their box, not shown as text.
      const expanded = cardTextContent(new ACData.Template(card).expand({ $root: { user: { name: 'Mallory' } } }));
      assert.doesNotMatch(expanded, /Mallory/, 'templating evaluated nothing typed');
    });
  }
});
