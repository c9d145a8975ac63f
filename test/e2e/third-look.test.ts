// Issue 23, the third look, as a new user meets it, through the real browser host at 1366×768:
// every screen and dialog checked with axe-core (no serious or critical violation), and the
// things a clerk tripped on — a step's count and its findings, the date field and Tab, read-only
// totals and Tab, the 填 0 button under the focus, a 已核实 reopened by an edit, 先去改正, the PDF
// as an export with its record — then the county desk with a unit sent twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir, assertAccessible, launchBrowser, startHost, tempDir } from '../support/index';
import { formatModel } from '../../shared/formats/index';
import { serializeReportFile } from '../../shared/report-file';
import { generateCountyBatch, SCENARIO, unitName } from '../fixtures/county/generate';
import { writeCountyFolder } from '../fixtures/county/write';

const model = formatModel('gov-2021');
const shots = artifactsDir('third-look');
const active = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? document.activeElement?.getAttribute('data-cell') ?? '');
const step = async (page: Page, key: string) => {
  await page.locator(`[data-step="${key}"] button`).click();
  await page.waitForFunction((k) => location.hash.endsWith(`/${k}`), key);
};
// Findings are computed a moment after the last key: let them settle before a check or a picture.
const settle = (page: Page) => page.waitForTimeout(400);

test('third look: every screen accessible, the clerk’s stumbles fixed, a unit sent twice at the county', { timeout: 300_000 }, async () => {
  const data = tempDir('nianbao-e2e-third-');
  const files = tempDir('nianbao-e2e-third-files-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  try {
    // axe needs a context of its own (not browser.newPage()).
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    await page.locator('[data-field="unit.name"]').waitFor();
    await assertAccessible(page, '首次设置');
    // The helper under 机关名称 keeps its distance from the next row's label.
    const helper = await page
      .locator('[data-field="unit.name"]')
      .locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]')
      .locator('p')
      .boundingBox();
    const nextLabel = await page
      .locator('[data-field="unit.supervisor"]')
      .locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]')
      .locator('label')
      .boundingBox();
    assert.ok(helper && nextLabel && nextLabel.y - (helper.y + helper.height) >= 4, `helper ${JSON.stringify(helper)} label ${JSON.stringify(nextLabel)}`);
    await page.screenshot({ path: join(shots, '0-setup.png') });
    await page.locator('[data-field="unit.name"]').fill('永安市小陶镇人民政府');
    await page.getByRole('button', { name: '保存并开始' }).click();
    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.getByRole('button', { name: '创建' }).waitFor();
    await assertAccessible(page, '新建报告对话框');
    await page.getByRole('button', { name: '创建' }).click();
    const year = new Date().getFullYear() - 1;

    // A fresh report: “三张统计表都没有填写” is counted at the tables, not on 基本信息.
    await page.locator('[data-field="title"]').waitFor();
    await step(page, 'proactive');
    await page.locator('[data-findings="proactive"] [data-finding="tables.empty"]').waitFor();
    assert.equal(await page.locator('[data-step="basic"] [data-step-status="error"]').count(), 0);
    await step(page, 'basic');
    await assertAccessible(page, '基本信息');

    // 成文日期: typing on moves from 年 to 月 only with the next digit; Tab is never fought.
    const date = page.locator('[role="group"][data-field="date"]');
    await page.locator('[data-field="date.year"]').click();
    await page.keyboard.type(String(year + 1));
    assert.equal(await active(page), 'date.year', 'four digits alone do not move the focus');
    await page.keyboard.press('Tab');
    assert.equal(await active(page), 'date.month', 'Tab after the year lands on 月, not 日');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    assert.equal(await date.getAttribute('data-value'), `${year + 1}-01-08`);
    for (const k of ['year', 'month', 'day']) await page.locator(`[data-field="date.${k}"]`).fill('');
    await page.locator('[data-field="date.year"]').click();
    await page.keyboard.type(`${year + 1}0215`);
    assert.equal(await date.getAttribute('data-value'), `${year + 1}-02-15`, 'digits typed on go on into 月 and 日');
    for (const k of ['year', 'month', 'day']) await page.locator(`[data-field="date.${k}"]`).fill('');
    await page.waitForFunction(() => document.querySelector('[role="group"][data-field="date"]')?.getAttribute('data-value') === '');

    // 二 by Tab alone: every blank once; after the last, Tab lands on the 填 0 button, still there.
    await step(page, 'proactive');
    await page.locator('[data-findings="proactive"] [data-finding="tables.empty"]').waitFor();
    await assertAccessible(page, '二、主动公开政府信息情况');
    const t2 = model.inputs.filter((c) => c.table === 't2');
    // A refused entry's bubble in the leftmost figures column opens into the page, not under the step list.
    await page.locator(`[data-cell="${t2[0].key}"]`).click();
    await page.keyboard.type('abc');
    const bubble = page.locator(`[data-cell-error="${t2[0].key}"]`);
    await bubble.waitFor();
    const main = await page.locator('#wizard-main').boundingBox();
    const box = await bubble.boundingBox();
    assert.ok(main && box && box.x >= main.x, `the bubble starts at ${box?.x}, the page at ${main?.x}`);
    await page.screenshot({ path: join(shots, '0-bubble.png') });
    await page.keyboard.press('Escape');
    await page.locator(`[data-cell="${t2[0].key}"]`).fill('');
    await page.locator(`[data-cell="${t2[0].key}"]`).click();
    for (let i = 0; i < t2.length; i++) {
      await page.keyboard.type('1');
      await page.keyboard.press('Tab');
    }
    const onButton = await page.evaluate(() => !!document.activeElement?.closest('[data-fill-zeros="t2"]'));
    assert.ok(onButton, `after the last blank Tab went to ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
    await page.locator('[data-fill-zeros="t2"][data-blanks="0"]').waitFor();
    assert.match(await page.locator('[data-fill-zeros="t2"] button').innerText(), /本表没有空格/);

    // 三: totals are read-only and no Tab stop; the arrows pass over them.
    await step(page, 'requests');
    await assertAccessible(page, '三、收到和处理政府信息公开申请情况');
    assert.equal(await page.locator('[data-cell="t3.new_received.total"]').getAttribute('tabindex'), '-1');
    const firstRow = model.inputs.filter((c) => c.table === 't3' && c.row === 'new_received');
    const last = firstRow[firstRow.length - 1].key;
    await page.locator(`[data-cell="${last}"]`).click();
    await page.keyboard.press('ArrowRight');
    assert.equal(await active(page), last, 'ArrowRight does not land on the 总计 cell');
    await page.keyboard.press('Tab');
    assert.notEqual(await active(page), 't3.new_received.total');
    await page.locator('[data-cell="t3.carried_forward.natural_person"]').click();
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await active(page), 't3.total_processed.natural_person');

    // A 已核实 warning reopened by editing its sentence: said at the edit, with the old reason.
    await step(page, 'overview');
    const overview = page.locator('[data-section="overview"]');
    await overview.fill(`${year - 1}年全镇共受理申请5件。`);
    const stale = page.locator('[data-findings="overview"] [data-finding="review.stale_year"]');
    await stale.waitFor();
    await stale.getByRole('button', { name: '已核实' }).click();
    await stale.getByLabel('核实说明').fill('这句是与上年的比较，年份无误');
    await stale.getByRole('button', { name: '确定' }).click();
    await stale.getByRole('button', { name: '撤销核实' }).waitFor();
    await overview.fill(`${year - 1}年全镇共受理申请6件。`);
    const reopened = page.getByTestId('ack-reopened');
    await reopened.waitFor();
    assert.match(await reopened.innerText(), /已核实的提示因修改而重新打开[\s\S]*这句是与上年的比较，年份无误/);
    await settle(page);
    await assertAccessible(page, '一、总体情况（重新打开的核实）');
    await page.screenshot({ path: join(shots, '1-ack-reopened.png') });

    for (const k of ['review_litigation', 'problems', 'other_matters', 'review']) {
      await step(page, k);
      await settle(page);
      await assertAccessible(page, `步骤 ${k}`);
    }

    // 导出: 先去改正 goes to the 成文日期 and focuses it.
    await step(page, 'export');
    await page.getByTestId('export-preview').waitFor();
    await assertAccessible(page, '导出');
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-confirm-dialog').waitFor();
    await assertAccessible(page, '导出草稿确认');
    await page.getByRole('button', { name: '先去改正' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-field') === 'date.year');
    assert.ok(page.url().endsWith('/basic'));

    // PDF in the browser: a 草稿 is confirmed first, then recorded in 导出记录 like the Word file.
    await step(page, 'export');
    await page.getByTestId('export-pdf-button').click();
    await page.getByTestId('export-confirm-dialog').waitFor();
    const [view] = await Promise.all([context.waitForEvent('page'), page.getByTestId('export-confirm').click()]);
    await view.close();
    const row = page.getByTestId('export-history-row').first();
    await row.waitFor();
    assert.equal(await row.getAttribute('data-draft'), 'true');
    assert.match(await row.getByTestId('export-variant').innerText(), /^PDF/);
    await page.screenshot({ path: join(shots, '2-pdf-recorded.png') });

    // The report list's dialogs.
    await page.getByRole('button', { name: '← 报告列表' }).click();
    await page.getByRole('button', { name: '新建年度报告' }).waitFor();
    await page.getByRole('button', { name: '历年对比' }).and(page.locator(':not([disabled])')).waitFor();
    await settle(page);
    await assertAccessible(page, '报告列表');
    for (const [button, where] of [
      ['机关信息', '机关信息对话框'],
      ['数据备份', '数据备份对话框'],
      ['历年对比', '历年对比'],
      ['导入报告', '导入报告对话框'],
      [`删除${year}年报告`, '删除报告对话框'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await settle(page);
      await assertAccessible(page, where);
      if (where === '删除报告对话框') assert.match(await page.getByRole('dialog').innerText(), /删除前程序会自动备份/);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    // The county desk: a unit sent twice is listed first, counted once, and the reviewer chooses.
    await page.getByRole('button', { name: '县级审查' }).click();
    await page.getByTestId('county-view').waitFor();
    await assertAccessible(page, '县级审查（空）');
    await writeCountyFolder(files.path);
    const twice = generateCountyBatch()[SCENARIO.copiedFrom];
    const changed = { ...twice.doc, cells: { ...twice.doc.cells, 't2.licensing.decisions': twice.doc.cells['t2.licensing.decisions'] + 156 } };
    writeFileSync(join(files.path, '白沙镇年报（重发）.nianbao.json'), serializeReportFile(changed));
    await page.getByTestId('county-folder-input').setInputFiles(files.path);
    const dup = page.getByTestId('county-duplicate');
    await dup.waitFor();
    assert.equal(await dup.getAttribute('data-unit'), unitName(SCENARIO.copiedFrom));
    assert.match(
      await dup.getByTestId('county-differences').innerText(),
      /表二“行政许可[^”]*”：“06-白沙镇-2025\.nianbao\.json”为 \d+，“白沙镇年报（重发）\.nianbao\.json”为 \d+/,
    );
    const first = page.getByTestId('county-row').first();
    assert.equal(await first.getAttribute('data-unit'), unitName(SCENARIO.copiedFrom), 'the unit sent twice leads the table');
    assert.equal(await page.getByTestId('county-row').nth(1).getAttribute('data-role'), 'duplicate');
    assert.match(await page.getByTestId('county-summary').innerText(), /2025 年度 20 份报告.*1 个单位重复报送/);
    await assertAccessible(page, '县级审查·各单位');
    await page.screenshot({ path: join(shots, '3-county-duplicate.png') });
    const licensing = async () => {
      await page.getByTestId('county-tab-sums').click();
      const v = Number(await page.getByTestId('county-sum-gov-2021-t2').locator('td[data-cell="t2.licensing.decisions"]').innerText());
      await page.getByTestId('county-tab-units').click();
      return v;
    };
    const before = await licensing();
    // The choice is the county's: the radio shows it once the program has recounted (a round trip), so click, then wait.
    const keptBefore = await dup.getAttribute('data-kept');
    await dup.getByLabel(/白沙镇年报（重发）/).click();
    await page.waitForFunction((was) => document.querySelector('[data-testid="county-duplicate"]')?.getAttribute('data-kept') !== was, keptBefore);
    // The sums follow the recount; under load they may come a moment after the radio.
    let after = await licensing();
    for (let i = 0; i < 20 && after !== before + 156; i++) {
      await page.waitForTimeout(250);
      after = await licensing();
    }
    assert.equal(after, before + 156, 'the chosen file is summed, once');
    await page.getByTestId('county-tab-comparisons').click();
    await assertAccessible(page, '县级审查·雷同与异常');
    await page.getByTestId('county-tab-sums').click();
    await assertAccessible(page, '县级审查·全县汇总');
    await page.getByTestId('county-tab-units').click();
    await page.getByRole('button', { name: `查看${unitName(SCENARIO.unbalanced)}2025年报告` }).click();
    await page.getByTestId('county-report').waitFor();
    await settle(page);
    await assertAccessible(page, '县级审查·单位报告');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
    files.cleanup();
  }
});
