/**
 * Driving the Microsoft 365 Agents Playground's chat page like a user: type in the composer, find
 * the bot's Adaptive Cards by what they say, wait with a deadline.
 */
import type { Browser, ElementHandle, Locator, Page } from 'playwright-core';

/**
 * A page on the playground's chat, offline (only this machine's addresses; the playground's CDN
 * assets are refused, so runs are deterministic), once the install's welcome card is shown.
 */
export async function openChat(browser: Browser, playgroundUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
  page.setDefaultTimeout(15_000);
  await page.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await page.goto(playgroundUrl);
  // Installing the app (at start and when the page connects) sends the welcome card.
  await cardsWithText(page, /^EDI action plan assistant/).first().waitFor();
  return page;
}

/**
 * Every rendered Adaptive Card. `ac-adaptiveCard` is the root class the Adaptive Cards renderer
 * itself gives each card (not the playground's generated class names); the chat has no role for a card.
 */
export function cards(page: Page): Locator {
  return page.locator('.ac-adaptiveCard');
}

export function cardsWithText(page: Page, text: string | RegExp): Locator {
  return cards(page).filter({ hasText: text });
}

/** The message composer (a rich-text editor), not a card's text input. */
export function composer(page: Page): Locator {
  return page.locator('[role="textbox"][contenteditable="true"]');
}

export async function say(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

/** The Nth card in the chat, by position: a card replaced in place keeps its position. */
export async function indexOfCard(page: Page, card: Locator): Promise<number> {
  const handle = (await card.elementHandle({ timeout: 5000 })) as ElementHandle<HTMLElement | SVGElement> | null;
  if (!handle) throw new Error('card not found');
  try {
    return await cards(page).evaluateAll((all, el) => all.indexOf(el), handle);
  } finally {
    await handle.dispose();
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The Update button for the demo district plan's task `ref` on a list card. Alex owns tasks in both
 * demo plans, so the card names each plan by kind and years, in the button's title too
 * (bot/cards/task-summary.ts): the district plan's is "EDI plan …".
 */
export function districtUpdateButton(card: Locator, ref: string): Locator {
  return card.getByRole('button', { name: new RegExp(`^Update ${escapeRegExp(ref)}(?: \\(EDI plan [^)]+\\))?$`) });
}
