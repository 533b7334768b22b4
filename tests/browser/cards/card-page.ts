/**
 * One card drawn by the `adaptivecards` renderer in real Chromium, in a column as wide as a phone's
 * chat (320 px), with the Teams host config, and measured: what sticks out, what is cut off, which
 * buttons cannot be read in full. Teams mobile has no sideways scrolling for a card, so anything
 * wider than the column is lost to the reader.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/design-effective-cards#best-practices
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { TEAMS_CARD_CSS, TEAMS_HOST_CONFIG } from './teams-host-config';

export const PHONE_WIDTH = 320;
const RENDERER = path.join(__dirname, '..', '..', '..', 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');

/**
 * Teams renders the card's markdown: this does the little the cards use (**bold**, and the backslash
 * escapes card-text.ts puts before user text's markdown characters), so the text measured is the
 * text a reader sees. Everything else is shown as typed, HTML-escaped.
 */
function markdownScript(): string {
  return `AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const html = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    result.outputHtml = html.replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>').replace(/\\\\([\\\\\`*_~\\[\\]#>+.-])/g, '$1');
    result.didProcess = true;
  };`;
}

/** A blank page with the renderer loaded; `renderCard` draws into it. */
export async function openCardPage(page: Page): Promise<void> {
  await page.setContent(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Card at ${PHONE_WIDTH} px</title><style>${TEAMS_CARD_CSS}</style></head><body><main id="chat" style="width:${PHONE_WIDTH}px"></main></body></html>`);
  await page.addScriptTag({ path: RENDERER });
  await page.addScriptTag({ content: markdownScript() });
  // tsx compiles with esbuild's keepNames, whose `__name` helper the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/** Draws the card in place of the one before and returns its root (`.ac-adaptiveCard`). */
export async function renderCard(page: Page, card: unknown): Promise<Locator> {
  const problems = await page.evaluate(
    ({ card, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext();
      context.targetVersion = AC.Versions.v1_5;
      adaptive.parse(card as object, context);
      const rendered = adaptive.render();
      const chat = document.getElementById('chat')!;
      chat.replaceChildren(...(rendered ? [rendered] : []));
      const found: string[] = [];
      for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
      if (!rendered) found.push('the renderer drew nothing');
      return found;
    },
    { card, hostConfig: TEAMS_HOST_CONFIG },
  );
  if (problems.length) throw new Error(`the renderer could not draw the card: ${problems.join('; ')}`);
  return page.locator('#chat > .ac-adaptiveCard');
}

/**
 * Everything that does not fit in the phone's column, in words: the card wider than the column, an
 * element wider than its own box or reaching past the card's edge, a line of text cut short or
 * not wrapping, a text box's hint too long for it.
 */
export async function layoutProblems(card: Locator): Promise<string[]> {
  return card.evaluate((root, width) => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
    };
    const measure = document.createElement('canvas').getContext('2d')!;
    const box = root.getBoundingClientRect();
    if (box.width > width + 0.5) problems.push(`the card is ${Math.round(box.width)} px wide, more than ${width}`);
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // A text box scrolls what was typed inside itself, as every input does: only its own box must fit.
      const scrollsItself = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
      // But a one-line box's hint cannot scroll: what does not fit is never seen.
      if (el instanceof HTMLInputElement && el.placeholder) {
        const style = getComputedStyle(el);
        measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (measure.measureText(el.placeholder).width > room) problems.push(`the hint "${el.placeholder}" is cut short in its ${Math.round(room)} px box`);
      }
      if (!scrollsItself && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) problems.push(`${describe(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px`);
      if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) problems.push(`${describe(el)} reaches past the card's edge (${Math.round(rect.left - box.left)} to ${Math.round(rect.right - box.left)} px)`);
      const style = getComputedStyle(el);
      if (el.classList.contains('ac-textBlock') && (style.whiteSpace === 'nowrap' || style.textOverflow === 'ellipsis')) problems.push(`${describe(el)} does not wrap`);
    }
    return problems;
  }, PHONE_WIDTH);
}

/** Each button's title as shown, and whether all of it can be read inside the card. */
export async function actionProblems(card: Locator): Promise<{ titles: string[]; problems: string[] }> {
  return card.evaluate((root) => {
    const box = root.getBoundingClientRect();
    const titles: string[] = [];
    const problems: string[] = [];
    for (const button of root.querySelectorAll<HTMLElement>('button, [role="button"]')) {
      const title = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
      titles.push(title);
      const rect = button.getBoundingClientRect();
      const style = getComputedStyle(button);
      if (rect.width < 1 || rect.height < 1 || style.visibility === 'hidden' || style.display === 'none') problems.push(`"${title}" is not shown`);
      else if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) problems.push(`"${title}" lies outside the card`);
      for (const part of [button, ...button.querySelectorAll<HTMLElement>('*')]) {
        if (part.scrollWidth > part.clientWidth + 1 && part.clientWidth > 0) problems.push(`"${title}" is cut short (${part.scrollWidth} px of title in ${part.clientWidth} px)`);
      }
    }
    return { titles, problems };
  });
}
