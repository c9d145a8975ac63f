// The first screen end to end, through the real browser host and a headless Chromium: set up the
// unit, create a report, stop the host and start it again on the same data: the report is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, launchBrowser, startHost, tempDir } from '../support/index';

test('first run: unit setup, a new report, still there after the host restarts', { timeout: 90_000 }, async () => {
  const data = tempDir('nianbao-e2e-foundation-');
  const browser = await launchBrowser();
  const shots = artifactsDir('foundation');
  let host = await startHost({ dataDir: data.path });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);

    // First run: the unit form. An empty name is refused with a Chinese message.
    await page.getByRole('button', { name: '保存并开始' }).click();
    await page.getByText('请填写机关名称').first().waitFor();
    await page.locator('[data-field="unit.name"]').fill('永安市小陶镇人民政府');
    await page.locator('[data-field="unit.postcode"]').fill('3660');
    await page.getByRole('button', { name: '保存并开始' }).click();
    await page.getByText('邮政编码应为6位数字').waitFor();
    await page.locator('[data-field="unit.postcode"]').fill('366000');
    await page.locator('[data-field="unit.supervisor"]').fill('永安市人民政府办公室');
    await page.locator('[data-field="unit.phone"]').fill('0598-3612345');
    await page.locator('[data-field="unit.email"]').fill('xtzf@example.gov.cn');
    await page.screenshot({ path: join(shots, '1-unit-setup.png') });
    await page.getByRole('button', { name: '保存并开始' }).click();

    // The list is empty. First the year before last, with a little text.
    const lastYear = new Date().getFullYear() - 1;
    await page.getByRole('button', { name: '新建年度报告' }).click();
    assert.equal(await page.locator('[data-field="new.year"]').inputValue(), String(lastYear));
    await page.locator('[data-field="new.year"]').fill(String(lastYear - 1));
    await page.getByText('国办公开办函〔2021〕30号').first().waitFor();
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('[data-field="title"]').waitFor();
    await page.locator('[data-step="overview"] button').click();
    await page.locator('[data-section="overview"]').fill(`${lastYear - 1}年，我镇主动公开政府信息86条。`);
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole('button', { name: '← 报告列表' }).click();
    await page.locator(`[data-report-year="${lastYear - 1}"]`).waitFor();

    // Then last year's (the default year), based on it: offered and checked by default.
    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.locator('[data-field="new.year"]').fill(String(lastYear - 1));
    await page.getByText(`已有${lastYear - 1}年的报告`).waitFor();
    await page.locator('[data-field="new.year"]').fill(String(lastYear));
    const basedOn = page.getByLabel(`以 ${lastYear - 1} 年报告为基础`, { exact: false });
    assert.equal(await basedOn.isChecked(), true);
    await page.getByRole('button', { name: '创建' }).click();
    // Creating opens the wizard on 基本信息 with the generated title.
    await page.locator('[data-field="title"]').waitFor();
    assert.equal(await page.locator('[data-field="title"]').inputValue(), `永安市小陶镇人民政府${lastYear}年政府信息公开工作年度报告`);
    // The copied text is marked 沿用上年, its stale year is pointed out; editing removes the mark.
    await page.locator('[data-step="overview"] button').click();
    await page.locator('[data-copied="overview"]').waitFor();
    await page
      .locator('[data-stale-years]')
      .getByText(`${lastYear - 1}年`, { exact: false })
      .waitFor();
    await page.screenshot({ path: join(shots, '2-copied-section.png') });
    await page.locator('[data-section="overview"]').fill(`${lastYear}年，我镇主动公开政府信息92条。`);
    await page.locator('[data-copied="overview"]').waitFor({ state: 'detached' });
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole('button', { name: '← 报告列表' }).click();
    await page.locator(`[data-report-year="${lastYear}"]`).waitFor();
    await page.screenshot({ path: join(shots, '3-report-list.png') });

    // Delete the older one through the confirmation that names the year.
    await page.getByRole('button', { name: `删除${lastYear - 1}年报告` }).click();
    await page.getByRole('heading', { name: `删除${lastYear - 1}年报告？` }).waitFor();
    await page
      .getByRole('button', { name: `删除${lastYear - 1}年报告` })
      .last()
      .click();
    await page.locator(`[data-report-year="${lastYear - 1}"]`).waitFor({ state: 'detached' });

    // Restart the host on the same data directory: a new port and token, the same report.
    await host.stop();
    host = await startHost({ dataDir: data.path });
    const again = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    again.setDefaultTimeout(10_000);
    await again.goto(`${host.url}#/`);
    await again.locator(`[data-report-year="${lastYear}"]`).waitFor();
    assert.equal(await again.locator('[data-report-year]').count(), 1);
    assert.match(await again.getByTestId('unit-name').innerText(), /永安市小陶镇人民政府/);
    await again.getByRole('button', { name: `打开${lastYear}年报告` }).click();
    await again.locator('[data-step="overview"] button').click();
    assert.equal(await again.locator('[data-section="overview"]').inputValue(), `${lastYear}年，我镇主动公开政府信息92条。`);
    assert.equal(await again.locator('[data-copied="overview"]').count(), 0);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
