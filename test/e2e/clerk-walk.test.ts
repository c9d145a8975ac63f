// What a first-time clerk runs into, end to end through the browser host: empty parts say
// 还没有填写, a table's remaining blanks become 0 in one click, last year's carried-over figure
// says where it came from, other years are marked in the text, a copied part can be kept as it is
// (and stays kept after a reload), and a pasted report of another 机关 is pointed out before saving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser, repoRoot, startHost, tempDir } from '../support/index';

const SEEDS = join(repoRoot, 'test/fixtures/seeds');
const stepStatus = (page: Page, key: string) => page.locator(`[data-step="${key}"] [data-step-status]`);

test('clerk walk: plain step states, blanks to 0, carried-over source, keep copied text, other unit on import', { timeout: 120_000 }, async () => {
  const data = tempDir('nianbao-e2e-clerk-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('clerk-walk');
  const year = new Date().getFullYear() - 1;
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.locator('[data-field="unit.name"]').fill('安溪县城厢镇人民政府');
    await page.getByRole('button', { name: '保存并开始' }).click();

    // The year before last, from scratch: its empty text parts say so in plain words.
    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.locator('[data-field="new.year"]').fill(String(year - 1));
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('[data-field="title"]').waitFor();
    assert.equal(await stepStatus(page, 'other_matters').innerText(), '还没有填写');

    // Table 二: two figures typed, the other blanks filled with 0 in one click; typed ones stay.
    await page.locator('[data-step="proactive"] button').click();
    await page.locator('[data-cell="t2.licensing.decisions"]').fill('12');
    await page.locator('[data-findings="proactive"] [data-finding="cells.unfilled"]').waitFor();
    await page.locator('[data-fill-zeros="t2"] button').click();
    // The button stays where the focus may be, saying the table is full.
    await page.locator('[data-fill-zeros="t2"][data-blanks="0"]').waitFor();
    assert.equal(await page.locator('[data-cell="t2.licensing.decisions"]').inputValue(), '12');
    assert.equal(await page.locator('[data-cell="t2.regulations.repealed"]').inputValue(), '0');
    await page.locator('[data-findings="proactive"] [data-finding="cells.unfilled"]').waitFor({ state: 'detached' });

    // Table 三: one application carried forward to next year.
    await page.locator('[data-step="requests"] button').click();
    await page.locator('[data-cell="t3.new_received.natural_person"]').fill('1');
    await page.locator('[data-cell="t3.carried_forward.natural_person"]').fill('1');
    await page.locator('[data-step="other_matters"] button').click();
    await page.locator('[data-section="other_matters"]').fill('本年度未收取信息处理费。');
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole('button', { name: '← 报告列表' }).click();

    // Last year's, based on it: copied parts are "沿用上年，待改写", not 已完成.
    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.locator('[data-field="new.year"]').fill(String(year));
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('[data-field="title"]').waitFor();
    assert.equal(await stepStatus(page, 'other_matters').innerText(), '沿用上年，待改写');

    // A mention of another year is marked in the text itself, not only listed under it.
    await page.locator('[data-step="overview"] button').click();
    await page.locator('[data-section="overview"]').fill(`${year}年，我镇主动公开信息50条（${year - 1}年为40条）。`);
    await page.locator('[data-year-mark]').first().waitFor();
    assert.deepEqual(await page.locator('[data-year-mark]').allInnerTexts(), [`${year - 1}年`]);

    // The carried-over figure names last year's report as its source.
    await page.locator('[data-step="requests"] button').click();
    await page.locator('[data-cell="t3.carried_over.natural_person"]').click();
    assert.equal(await page.locator('[data-cell="t3.carried_over.natural_person"]').inputValue(), '1');
    await page
      .locator('[data-focus-bar]')
      .getByText(`${year - 1}年报告的“四、结转下年度继续办理”为 1`, { exact: false })
      .waitFor();
    await page.screenshot({ path: join(shots, '1-carried-over.png') });
    // One message about 上年结转: brought in and matching, or (once changed) not matching — never both at once.
    const banner = page.locator('[data-findings="requests"] [data-not-started]');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('data-carried'), 'ok');
    assert.match(await banner.innerText(), /已从上年度报告带入/);
    await page.locator('[data-cell="t3.carried_over.natural_person"]').fill('2');
    await page.locator('[data-findings="requests"] [data-finding="t3.carry_over"]').waitFor();
    await page.locator('[data-findings="requests"] [data-not-started][data-carried="mismatch"]').waitFor();
    assert.doesNotMatch(await banner.innerText(), /已从上年度报告带入/);
    await page.locator('[data-cell="t3.carried_over.natural_person"]').fill('1');
    await page.locator('[data-findings="requests"] [data-finding="t3.carry_over"]').waitFor({ state: 'detached' });

    // A copied part that still holds this year is kept with one click, and stays kept.
    await page.locator('[data-step="other_matters"] button').click();
    await page.locator('[data-copied="other_matters"]').waitFor();
    await page.locator('[data-keep-copied="other_matters"]').click();
    await page.locator('[data-copied="other_matters"]').waitFor({ state: 'detached' });
    await page.locator('[data-save-state="saved"]').waitFor();
    assert.equal(await stepStatus(page, 'other_matters').innerText(), '已完成');
    await page.reload();
    await page.locator('[data-section="other_matters"]').waitFor();
    assert.equal(await page.locator('[data-copied="other_matters"]').count(), 0);
    assert.equal(await page.locator('[data-section="other_matters"]').inputValue(), '本年度未收取信息处理费。');

    // Pasting another town's report: the preview says it is not this 机关 before anything is saved.
    await page.getByRole('button', { name: '← 报告列表' }).click();
    await page.getByRole('button', { name: '导入报告' }).click();
    await page.getByTestId('import-tab-paste').click();
    await page.getByTestId('import-paste').fill(readFileSync(join(SEEDS, '2020-ansha-fujian-gov2019.txt'), 'utf8'));
    await page.getByTestId('import-read-paste').click();
    const other = page.getByTestId('import-other-unit');
    await other.waitFor();
    assert.match(await other.innerText(), /“安砂镇”，与本机关“安溪县城厢镇人民政府”不同/);
    await page.screenshot({ path: join(shots, '2-import-other-unit.png') });
    await page.getByTestId('import-cancel').click();
    assert.equal(await page.locator('[data-report-year]').count(), 2);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
