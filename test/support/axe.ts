// Accessibility in the end-to-end tests: axe-core run on the page as it stands (a screen, or with a
// dialog open); a serious or critical violation fails the test with what and where, in one message.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function assertAccessible(page: Page, where: string): Promise<void> {
  // A dialog fading in is measured half-transparent (colours blended with the backdrop): wait until
  // every CSS transition and animation on the page has finished, as a person sees it.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 4)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
        .join('\n')}`,
  );
  assert.equal(bad.length, 0, `无障碍检查（${where}）：\n${summary.join('\n')}`);
}
