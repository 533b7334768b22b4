/**
 * axe-core in the page: WCAG 2.0/2.1/2.2 level A and AA rules. Returns the violations in a
 * readable form, so a failing test prints which rule, why, and on which elements.
 *
 * One known false positive is set aside, narrowly: Fluent UI's focus manager (tabster) puts
 * 1px `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` focus guards around the page and
 * some widgets; they pass focus straight on and are hidden from screen readers on purpose
 * (microsoft/tabster#288; Accessibility Insights suppresses them the same way). Only those
 * elements, and only for the `aria-hidden-focus` rule, are dropped; every other node of every
 * rule still fails the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(AXE_SCRIPT, 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol: the page's CSP (script-src 'self') would refuse a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  // tsx compiles with esbuild's keepNames, whose `__name` helper the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  // Colours are checked as they settle: a button just re-enabled after a submit fades its text
  // back in (Fluent's colour transition), and axe measuring mid-fade reports a contrast the user
  // never sees for more than a moment. Endless animations (a spinner) are not waited for.
  await page.evaluate(async () => {
    const settling = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.allSettled(settling.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  return page.evaluate(async (tags) => {
    type AxeNode = { target: unknown[]; failureSummary?: string; element?: Element };
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: AxeNode[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], elementRef: true });
    const isTabsterGuard = (el?: Element) =>
      el instanceof HTMLElement && el.hasAttribute('data-tabster-dummy') && el.tagName === 'I' && el.childElementCount === 0 && el.getBoundingClientRect().width <= 1;
    return result.violations
      .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !isTabsterGuard(n.element)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
      }));
  }, WCAG_TAGS);
}

/** Fails with every violation spelled out (rule, impact, elements, why). */
export async function assertNoAxeViolations(page: Page, view: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
  throw new Error(`axe found ${violations.length} WCAG 2.2 A/AA violation(s) on ${view}:\n${report}`);
}
