/**
 * axe-core on one rendered Adaptive Card in the Agents Playground: the WCAG 2.0/2.1/2.2 A and AA
 * rules tests/browser/axe.ts runs on the tab, with the card as the context. The playground's own
 * page (its log panel, its chrome) is Microsoft's test tool, not the product, so it is left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { WCAG_TAGS } from '../axe';

const AXE_SCRIPT = path.join(__dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

interface CardViolation {
  id: string;
  help: string;
  nodes: string[];
}

/**
 * While an Action.Execute is answered the playground greys the card's buttons, and they fade back:
 * the card is checked once its buttons are enabled and nothing on it is still animating.
 */
async function settled(card: Locator): Promise<void> {
  await card.evaluate(
    (element) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 10_000;
        const check = () => {
          const busy = element.querySelector('button:disabled, [aria-disabled="true"]') !== null || element.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
          if (!busy) resolve();
          else if (Date.now() > deadline) reject(new Error('the card did not settle within 10 s'));
          else setTimeout(check, 100);
        };
        check();
      }),
  );
}

export async function assertCardAccessible(page: Page, card: Locator, view: string): Promise<void> {
  // tsx compiles with esbuild's keepNames, whose `__name` helper the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await settled(card);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  const violations = await card.evaluate(async (element, tags) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(element, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, WCAG_TAGS);
  if (violations.length === 0) return;
  const report = (violations as CardViolation[]).map((v) => `- ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`).join('\n');
  throw new Error(`axe found ${violations.length} WCAG 2.2 A/AA violation(s) on ${view}:\n${report}`);
}
