/**
 * Keyboard-only steps for the tab's edit flows (tab-edit.test.ts): focus moves with Tab and
 * Shift+Tab until it reaches the control wanted, named as a person would name it (its label, or a
 * button's text), and only keys are pressed. A control keyboard focus never reaches fails the test.
 */
import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  type: string;
  /** The control's label: its <label>, aria-label or aria-labelledby text, without a required asterisk. */
  label: string;
  /** A button's or link's own text. */
  text: string;
  openTask: string;
  inDialog: string;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s*\*\s*$/, '').replace(/\s+/g, ' ').trim();

export async function focused(page: Page): Promise<Focused> {
  // Raw strings only in the page (tsx's keepNames helper is not there for named functions); cleaned here.
  const raw = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const dialog = el?.closest('[role="dialog"], [role="alertdialog"]');
    const [labelledBy, dialogName] = [el?.getAttribute('aria-labelledby'), dialog?.getAttribute('aria-labelledby')].map((ids) =>
      (ids ?? '').split(/\s+/).map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : '')).join(' '),
    );
    return {
      tag: el?.tagName ?? '',
      type: el?.getAttribute('type') ?? '',
      labels: [(el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '', el?.getAttribute('aria-label') ?? '', labelledBy],
      text: el?.textContent ?? '',
      openTask: el?.getAttribute('data-open-task') ?? '',
      dialog: dialog ? dialogName || 'dialog' : '',
    };
  });
  return { tag: raw.tag, type: raw.type, label: raw.labels.map(clean).find(Boolean) ?? '', text: clean(raw.text), openTask: raw.openTask, inDialog: clean(raw.dialog) };
}

/** Waits (a moment at most) for focus to land on the field with this label: focus moves after a render. */
export async function waitForFocusOn(page: Page, label: string, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await focused(page)).label !== label) {
    if (Date.now() > until) throw new Error(`focus did not move to "${label}" (it is on ${JSON.stringify(await focused(page))})`);
    await page.waitForTimeout(50);
  }
}

/** Presses `key` (Tab by default) until focus is on what `match` wants. */
export async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, key = 'Tab', max = 250): Promise<void> {
  if (match(await focused(page))) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (match(await focused(page))) return;
  }
  throw new Error(`keyboard focus never reached ${what} (${key} pressed ${max} times; last: ${JSON.stringify(await focused(page))})`);
}

/** To a field by its label, forwards (or backwards with `back`). */
export const tabToField = (page: Page, label: string, back = false) => tabTo(page, (f) => f.label === label, `the field "${label}"`, back ? 'Shift+Tab' : 'Tab');

/** To a button by its text (or its aria-label). */
export const tabToButton = (page: Page, name: string, back = false) =>
  tabTo(page, (f) => f.tag === 'BUTTON' && (f.text === name || f.label === name), `the button "${name}"`, back ? 'Shift+Tab' : 'Tab');

/** Replaces a text box's whole value by typing. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

/**
 * Types a date into the focused date field as an officer in the UK writes it (30/04/2027), and
 * checks the field shows it that way: the tab's date fields read and show dates en-GB in every
 * browser, whatever the browser's own locale.
 */
export async function typeDate(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const uk = `${day}/${month}/${year}`;
  await retype(page, uk);
  const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  if (typed !== uk) throw new Error(`typed ${uk} into the date field, and it reads "${typed}"`);
}

/** From the plan page: keyboard to the task's title button in the table, Enter, and wait for the panel. */
export async function openTaskByKeyboard(page: Page, taskId: string): Promise<void> {
  await page.locator('body').focus();
  await tabTo(page, (f) => f.openTask === taskId, `the task ${taskId} in the plan`);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').locator('[data-task-detail]').waitFor();
}

/** The text a field's validation message shows, read through the control's aria-describedby (as a screen reader does). */
export function describedBy(page: Page): Promise<{ invalid: string | null; description: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const ids = el.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    return { invalid: el.getAttribute('aria-invalid'), description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') };
  });
}
