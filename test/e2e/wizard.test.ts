// The report wizard end to end, through the real browser host and a headless Chromium at an office
// screen size (1366×768): a whole report typed by keyboard with a deliberate 勾稽 error, flagged at
// its cells with the fixing figure, fixed, reloaded; a 25×6 block pasted into table 三; refused
// entries. A screenshot of every step goes to test-artifacts/wizard/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser, startHost, tempDir } from '../support/index';
import { formatModel } from '../../shared/formats/index';

const model = formatModel('gov-2021');
const t3Rows = model.format.t3.rows;
const shots = artifactsDir('wizard');

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const step = async (page: Page, key: string) => {
  await page.locator(`[data-step="${key}"] button`).click();
  await page.waitForFunction((k) => location.hash.endsWith(`/${k}`), key);
};
// The checks run a moment after typing stops: let them settle so the picture shows the result.
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(shots, `${name}.png`) });
};
const saved = (page: Page) => page.locator('[data-save-state="saved"]').waitFor();

test('wizard: a whole report by keyboard, a 勾稽 error flagged and fixed, pasted block, refused input, reload', { timeout: 110_000 }, async () => {
  const data = tempDir('nianbao-e2e-wizard-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // Setup and a new report.
    await page.locator('[data-field="unit.name"]').fill('永安市小陶镇人民政府');
    await page.locator('[data-field="unit.phone"]').fill('0598-3612345');
    await page.getByRole('button', { name: '保存并开始' }).click();
    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    const year = new Date().getFullYear() - 1;

    // 基本信息: the generated title, a 成文日期, 红头 settings.
    const title = page.locator('[data-field="title"]');
    await title.waitFor();
    assert.equal(await title.inputValue(), `永安市小陶镇人民政府${year}年政府信息公开工作年度报告`);
    await title.fill('自拟标题');
    await page.getByRole('button', { name: '恢复默认标题' }).click();
    assert.equal(await title.inputValue(), `永安市小陶镇人民政府${year}年政府信息公开工作年度报告`);
    await page.locator('[data-field="date.year"]').fill(String(year + 1));
    await page.locator('[data-field="date.month"]').fill('1');
    await page.locator('[data-field="date.day"]').fill('15');
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, '1-basic');

    // 一、总体情况: the five aspects inserted as sub-headings, text typed under them.
    await step(page, 'overview');
    const overview = page.locator('[data-section="overview"]');
    await overview.click();
    await page.keyboard.insertText('本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。');
    for (const aspect of model.format.sections[0].aspects!) {
      await page.locator(`[data-insert-aspect="${aspect.key}"]`).click();
      await page.keyboard.insertText(`${aspect.title.replace(/（.）/, '')}方面，本年度按要求开展工作，主动公开信息120条。`);
    }
    await page.locator('[data-outline]').getByText('（五）监督保障').waitFor();
    await shot(page, '2-overview');

    // 二: keyboard only — Tab along the first row, Enter down.
    await step(page, 'proactive');
    await cell(page, 't2.regulations.issued').click();
    for (const v of ['0', '0', '0']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Tab');
    }
    for (const v of ['2', '1', '15']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Tab');
    }
    await cell(page, 't2.licensing.decisions').click();
    for (const v of ['12', '3', '0', '0.35']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    assert.equal(await cell(page, 't2.fees.amount').inputValue(), '0.35');
    await shot(page, '3-proactive');

    // 三: the 自然人 column by keyboard (Enter moves down, passing over the derived （七）总计),
    // with 结转下年度 deliberately wrong: 5 + 1 received, 3 + 1 processed, so 2 carried forward, not 0.
    await step(page, 'requests');
    const typed: Record<string, string> = { new_received: '5', carried_over: '1', granted: '3', partial_grant: '1', carried_forward: '0' };
    await cell(page, 't3.new_received.natural_person').click();
    for (const row of t3Rows) {
      if (row.derived) continue;
      await page.keyboard.type(typed[row.key] ?? '0');
      await page.keyboard.press('Enter');
    }
    // Totals follow the typing; they are read-only and not Tab stops (定位 can still focus them).
    assert.equal(await cell(page, 't3.new_received.total').inputValue(), '5');
    assert.equal(await cell(page, 't3.total_processed.natural_person').inputValue(), '4');
    assert.equal(await cell(page, 't3.total_processed.natural_person').getAttribute('aria-label'), model.byKey.get('t3.total_processed.natural_person')!.label);
    assert.equal(await cell(page, 't3.granted.natural_person').getAttribute('aria-label'), '三、本年度办理结果（一）予以公开 · 自然人');
    assert.equal(await cell(page, 't3.total_processed.total').getAttribute('readonly'), '');
    assert.equal(await cell(page, 't3.total_processed.total').getAttribute('tabindex'), '-1');
    // The error at the right cells, in Chinese, with the figure that fixes it.
    const balance = page.locator('[data-findings="requests"] [data-finding="t3.balance"]');
    // Findings are computed in idle time after the last key: wait for the one about the final figures.
    await balance.filter({ hasText: '差 2 件' }).waitFor();
    // Shown as the equation and its difference; no single figure is named as the one to change.
    assert.match(await balance.innerText(), /“自然人”一列不平衡[\s\S]*差 2 件/);
    assert.doesNotMatch(await balance.innerText(), /应为/);
    await page.locator('td.error > [data-cell="t3.carried_forward.natural_person"]').waitFor();
    assert.equal(await page.locator('td.error > [data-cell="t3.carried_forward.commercial_enterprise"]').count(), 0);
    await page.locator('[data-step="requests"] [data-step-status="error"]').waitFor();
    // Every cell that could be wrong is outlined; 定位 starts at the column's 本年新收.
    for (const row of ['new_received', 'carried_over', 'total_processed']) await page.locator(`td.error > [data-cell="t3.${row}.natural_person"]`).waitFor();
    await cell(page, 't3.granted.natural_person').focus();
    await balance.getByRole('button', { name: '定位' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-cell') === 't3.new_received.natural_person');
    await page.locator('[data-focus-bar]').getByText('一、本年新收政府信息公开申请数量 · 自然人').waitFor();
    await shot(page, '4-requests-error');
    // Fix it (here the ledger says 2 applications were still open): the finding and the outline go away.
    await cell(page, 't3.carried_forward.natural_person').click();
    await page.keyboard.type('2');
    await balance.waitFor({ state: 'detached' });
    assert.equal(await page.locator('td.error > [data-cell="t3.carried_forward.natural_person"]').count(), 0);

    // Refused entries: letters, a negative, a decimal in a count. The previous value stays.
    const granted = cell(page, 't3.granted.natural_person');
    for (const [bad, says] of [
      ['abc', /不是数字/],
      ['-2', /不小于0/],
      ['1.5', /整数/],
    ] as const) {
      await granted.click();
      await page.keyboard.type(bad);
      const bubble = page.locator('[data-cell-error="t3.granted.natural_person"]');
      await bubble.waitFor();
      assert.match(await bubble.innerText(), says);
      assert.match(await bubble.innerText(), /保留原值 3/);
      // The total counts the kept value while the entry is refused.
      assert.equal(await cell(page, 't3.total_processed.natural_person').inputValue(), '4');
      await page.keyboard.press('Tab');
      assert.equal(await granted.inputValue(), '3');
    }
    await page.locator('[data-rejected-list]').getByText('“1.5”').waitFor();
    await shot(page, '5-requests-refused');
    await granted.click();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    await page.locator('[data-rejected-list]').waitFor({ state: 'detached' });

    // 四 by keyboard: arrows and typing.
    await step(page, 'review_litigation');
    await cell(page, 't4.review.maintain').click();
    for (const v of ['1', '0', '0', '1']) {
      await page.keyboard.type(v);
      await page.keyboard.press('ArrowRight');
    }
    assert.equal(await cell(page, 't4.review.total').inputValue(), '2');
    await shot(page, '6-review-litigation');

    // 五: a problem paired with its measure.
    await step(page, 'problems');
    await page.locator('[data-add-problem]').click();
    await page.keyboard.insertText('部分栏目信息更新不及时');
    const problems = page.locator('[data-section="problems"]');
    assert.equal(await problems.inputValue(), '1.问题：部分栏目信息更新不及时\n改进措施：');
    await page.locator('[data-problem-pairs]').getByText('第1个问题的改进措施还没有写').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.insertText('明确专人每月检查更新。');
    await page.locator('[data-problem-pairs]').waitFor({ state: 'detached' });
    await page.locator('[data-add-problem]').click();
    await page.keyboard.insertText('政策解读形式单一');
    assert.equal(await problems.inputValue(), '1.问题：部分栏目信息更新不及时\n改进措施：明确专人每月检查更新。\n2.问题：政策解读形式单一\n改进措施：');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.insertText('增加图解、视频解读。');
    await shot(page, '7-problems');

    // 六: the fee helper writes the statement.
    await step(page, 'other_matters');
    await page.getByLabel('收取了信息处理费').check();
    await page.locator('[data-field="fee.amount"]').fill('50');
    await page.locator('[data-field="fee.count"]').fill('2');
    await page.locator('[data-fee-apply]').click();
    assert.match(await page.locator('[data-section="other_matters"]').inputValue(), /本年度共收取信息处理费50元，涉及2件申请。/);
    await shot(page, '8-other-matters');

    // 审核: every finding grouped; a click jumps to the cell.
    await step(page, 'review');
    await page.locator('[data-review-counts]').waitFor();
    // A notice checked by the clerk: marked 已核实 with a reason (stored through the API).
    const notice = page.locator('[data-review-group="review_litigation"] [data-severity="info"]').first();
    await notice.getByRole('button', { name: '已核实' }).click();
    await notice.getByRole('button', { name: '确定' }).click();
    await notice.getByText('请写明核实的情况').waitFor();
    await notice.getByLabel('核实说明').fill('本年度未发生行政诉讼，其余格子按 0 计');
    await notice.getByRole('button', { name: '确定' }).click();
    await notice.getByText('核实说明：本年度未发生行政诉讼').waitFor();
    await page.locator('[data-review-counts]').getByText('已核实 1').waitFor();
    await shot(page, '9-review');
    const firstCellFinding = page.locator('[data-review-group="requests"] [data-finding]').first();
    if (await firstCellFinding.count()) {
      await firstCellFinding.getByRole('button', { name: '去修改' }).click();
      await page.waitForFunction(() => location.hash.endsWith('/requests'));
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-cell'));
    }
    await step(page, 'export');
    await shot(page, '10-export');

    // 25×6 block pasted into table 三 (a copy from Excel/WPS): one bad value and one stated total
    // that disagrees are listed, everything else is filled; the （七）总计 line is not stored.
    await step(page, 'requests');
    const lines: string[] = [];
    for (const row of t3Rows) {
      const line = [0, 1, 2, 3, 4, 5].map((j) => {
        switch (row.key) {
          case 'new_received':
            return String(10 + j);
          case 'carried_over':
            return '1';
          case 'granted':
            return j === 5 ? 'x' : '5';
          case 'partial_grant':
            return '2';
          case 'denied_state_secret':
            return '1';
          case 'unable_not_held':
            return '1';
          case 'total_processed':
            return '9';
          case 'carried_forward':
            return String(2 + j);
          default:
            return '0';
        }
      });
      lines.push(line.join('\t'));
    }
    assert.equal(lines.length, 25);
    await cell(page, 't3.new_received.natural_person').click();
    await page.evaluate(
      (text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      lines.join('\r\n') + '\r\n',
    );
    const report = page.locator('[data-paste-report]');
    await report.waitFor();
    const reportText = await report.innerText();
    assert.match(reportText, /已填入 143 个数字/);
    assert.match(reportText, /（一）予以公开 · 其他：“x”未填入/);
    assert.match(reportText, /（七）总计 · 其他：粘贴的合计 9 与按各项算出的 4 不一致/);
    assert.equal(await cell(page, 't3.new_received.other').inputValue(), '15');
    assert.equal(await cell(page, 't3.carried_forward.legal_service_org').inputValue(), '6');
    assert.equal(await cell(page, 't3.new_received.total').inputValue(), String(10 + 11 + 12 + 13 + 14 + 15));
    assert.equal(await cell(page, 't3.total_processed.natural_person').inputValue(), '9');
    await shot(page, '11-requests-pasted');

    // Everything is stored without any action; reload: the same report, the same step, the same figures.
    await saved(page);
    await page.reload();
    await cell(page, 't3.new_received.other').waitFor();
    assert.ok((await page.evaluate(() => location.hash)).endsWith('/requests'));
    assert.equal(await cell(page, 't3.new_received.other').inputValue(), '15');
    assert.equal(await cell(page, 't3.granted.natural_person').inputValue(), '5');
    assert.equal(await cell(page, 't3.granted.other').inputValue(), '');
    // A new page without any hash (as after a restart) returns to the same report and step.
    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    fresh.setDefaultTimeout(10_000);
    await fresh.goto(host.url);
    await fresh.locator('[data-cell="t3.new_received.other"]').waitFor();
    await fresh.locator('[data-step="proactive"] button').click();
    assert.equal(await fresh.locator('[data-cell="t2.fees.amount"]').inputValue(), '0.35');
    assert.equal(await fresh.locator('[data-cell="t2.normative_documents.in_force"]').inputValue(), '15');
    await fresh.locator('[data-step="basic"] button').click();
    assert.equal(await fresh.locator('[data-field="date"]').getAttribute('data-value'), `${year + 1}-01-15`);
    await fresh.locator('[data-step="overview"] button').click();
    assert.match(await fresh.locator('[data-section="overview"]').inputValue(), /（三）政府信息管理\n/);
    await fresh.locator('[data-step="problems"] button').click();
    assert.match(await fresh.locator('[data-section="problems"]').inputValue(), /明确专人每月检查更新。/);
    await fresh.locator('[data-step="review_litigation"] button').click();
    assert.equal(await fresh.locator('[data-cell="t4.review.total"]').inputValue(), '2');
    await fresh.locator('[data-step="review"] button').click();
    await fresh.locator('[data-review-counts]').getByText('已核实 1').waitFor();

    // A failed save is shown, never hidden: the host goes away, the next edit says so in red.
    await host.stop();
    await fresh.locator('[data-step="requests"] button').click();
    await fresh.locator('[data-cell="t3.carried_over.other"]').click();
    await fresh.keyboard.type('7');
    await fresh.locator('[data-save-state="error"]').waitFor();
    const failed = fresh.locator('[data-save-error]');
    assert.match(await failed.innerText(), /程序服务已停止[\s\S]*1 处修改还没有保存[\s\S]*请重新启动“年报编制助手”/);
    await fresh.screenshot({ path: join(shots, '12-save-failed.png') });
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
