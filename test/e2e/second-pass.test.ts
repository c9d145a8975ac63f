// A clerk's second pass (issue 12), through the real browser host and headless Chromium at
// 1366×768: a next-year report created from the default year; step states; the Chinese date
// field; the balance error as an equation; sticky headers of table 三; the paste count; a
// reference to last year's report that can be dismissed; and a restart of the program with edits
// pending, nothing lost. Screenshots go to test-artifacts/second-pass/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifactsDir, hostApi, launchBrowser, startHost, tempDir } from '../support/index';

const shots = artifactsDir('second-pass');
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const step = async (page: Page, key: string) => {
  await page.locator(`[data-step="${key}"] button`).click();
  await page.waitForFunction((k) => location.hash.endsWith(`/${k}`), key);
};
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}.png`) });
};
const stepState = (page: Page, key: string) => page.locator(`[data-step="${key}"]`).getAttribute('data-step-state');

test('second pass: default year, step states, date field, balance, sticky headers, paste count, dismissable year mention', { timeout: 150_000 }, async () => {
  const data = tempDir('nianbao-e2e-second-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  try {
    const thisYear = new Date().getFullYear();
    const last = thisYear - 2;
    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const prev = await hostApi(host, 'createReport', { year: last, formatId: 'gov-2021', basedOnId: null });
    // Last year: one application still open at year end (结转下年度 1).
    await hostApi(host, 'setCells', {
      id: prev.id,
      cells: { 't3.new_received.natural_person': 2, 't3.granted.natural_person': 1, 't3.carried_forward.natural_person': 1 },
    });
    await hostApi(host, 'setSection', { id: prev.id, key: 'problems', text: '1.问题：信息更新不及时。\n改进措施：加强日常维护。' });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // 新建年度报告: the year after the newest report, based on it, nothing in red.
    await page.getByRole('button', { name: '新建年度报告' }).click();
    const yearField = page.locator('[data-field="new.year"]');
    assert.equal(await yearField.inputValue(), String(last + 1));
    assert.equal(await page.locator('.MuiDialog-root .Mui-error').count(), 0);
    const basedOn = page.getByLabel(new RegExp(`以 ${last} 年报告为基础`));
    assert.equal(await basedOn.isChecked(), true);
    await shot(page, '1-new-report-default');
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('[data-field="title"]').waitFor();

    // Step states of a fresh next-year report: no errors, numbers visible, 审核 not done.
    await page.locator('[data-step="review"]').waitFor();
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[data-step-state="error"]').count(), 0, 'a new report opens without an error');
    assert.equal(await stepState(page, 'requests'), 'todo');
    assert.equal(await stepState(page, 'review'), 'todo');
    assert.match(await page.locator('[data-step="review"]').innerText(), /未审核/);
    assert.equal(await stepState(page, 'problems'), 'incomplete', "last year's words are not finished text");
    const labels = await page.locator('[data-step] .MuiStepLabel-iconContainer').allInnerTexts();
    assert.deepEqual(
      labels.map((t) => t.trim()),
      labels.map((_, i) => String(i + 1)),
      'every step shows its number',
    );
    assert.equal(await page.locator('[data-step-state="done"]').getByText('已完成').count(), await page.locator('[data-step-state="done"]').count());

    // 成文日期: optional and not red when blank; 年/月/日 boxes; half-filled or impossible dates explained.
    const dateGroup = page.locator('[role="group"][data-field="date"]');
    assert.equal(await dateGroup.locator('.Mui-error').count(), 0);
    assert.match(await dateGroup.innerText(), /可以先不填/);
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, 480));
    await shot(page, '2-basic-date-blank');
    await page.locator('[data-field="date.year"]').fill(String(last + 2));
    await page.locator('[data-field="date.month"]').fill('2');
    await page.locator('[data-field="date.day"]').fill('30');
    await page.locator('[data-field="title"]').click();
    await dateGroup.getByText(/2月只有2[89]天/).waitFor();
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, 480));
    await shot(page, '2b-basic-date-impossible');
    assert.equal(await dateGroup.getAttribute('data-value'), '');
    await page.locator('[data-field="date.month"]').fill('1');
    await page.locator('[data-field="date.day"]').fill('');
    await page.locator('[data-field="title"]').click();
    await dateGroup.getByText('请把年、月、日都填上').waitFor();
    await page.locator('[data-field="date.day"]').fill('15');
    await page.waitForFunction(() => document.querySelector('[data-field="date"]')?.getAttribute('data-value')?.endsWith('-01-15'));
    await page.locator('[data-save-state="saved"]').waitFor();
    const withDate = await hostApi(host, 'listReports', {});
    const created = withDate.find((r) => r.year === last + 1);
    assert.ok(created);
    assert.equal((await hostApi(host, 'getReport', { id: created.id })).doc.date, `${last + 2}-01-15`);
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, 480));
    await shot(page, '3-basic-date-filled');

    // Table 三: 上年结转 1 came from last year. Received 2, granted 1, still open 1: 2 + 1 ≠ 1 + 1.
    await step(page, 'requests');
    assert.equal(await cell(page, 't3.carried_over.natural_person').inputValue(), '1');
    await cell(page, 't3.new_received.natural_person').click();
    await page.keyboard.type('2');
    await cell(page, 't3.granted.natural_person').click();
    await page.keyboard.type('1');
    await cell(page, 't3.carried_forward.natural_person').click();
    await page.keyboard.type('1');
    const balance = page.locator('[data-findings="requests"] [data-finding="t3.balance"]').filter({ hasText: '差 1 件' });
    await balance.waitFor();
    const text = await balance.innerText();
    assert.match(text, /本年新收 2 \+ 上年结转 1 = 3 件，办理结果 1 \+ 结转下年度 1 = 2 件，差 1 件/);
    assert.doesNotMatch(text, /应为|现为/, 'no single figure is presented as the one to change');
    assert.match(text, /结转下年度只填年底仍在办理的申请/);
    for (const row of ['new_received', 'carried_over', 'total_processed', 'carried_forward'])
      await page.locator(`td.error > [data-cell="t3.${row}.natural_person"]`).waitFor();
    await balance.getByRole('button', { name: '定位' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-cell') === 't3.new_received.natural_person');
    assert.doesNotMatch(await page.locator('[data-focus-bar]').innerText(), /应为/);
    assert.equal(await stepState(page, 'requests'), 'error');
    await shot(page, '4-balance-equation');

    // Sticky headers: scrolled to the last rows, the column headers are still on screen.
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await cell(page, 't3.carried_forward.total').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const geometry = await page.evaluate(() => {
      const main = document.getElementById('wizard-main')!.getBoundingClientRect();
      const head = document.querySelector('[data-table="t3"] thead')!.getBoundingClientRect();
      const bar = document.querySelector('[data-focus-bar]')!.getBoundingClientRect();
      const firstBody = document.querySelector('[data-cell="t3.new_received.natural_person"]')!.getBoundingClientRect();
      return { mainTop: main.top, headTop: head.top, headBottom: head.bottom, barBottom: bar.bottom, firstBodyTop: firstBody.top };
    });
    assert.ok(geometry.firstBodyTop < geometry.mainTop, `the first rows scrolled away (${JSON.stringify(geometry)})`);
    assert.ok(
      geometry.headTop >= geometry.barBottom - 1 && geometry.headTop < geometry.mainTop + 200,
      `the header stays under the focus bar (${JSON.stringify(geometry)})`,
    );
    const atHeader = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('thead') !== null, { x: 700, y: geometry.headBottom - 5 });
    assert.ok(atHeader, 'nothing covers the header');
    await shot(page, '5-sticky-headers');

    // Paste: a block from a spreadsheet with 5 figures among empty fields is “已填入 5 个数字”.
    await cell(page, 't3.denied_state_secret.natural_person').click();
    const block = ['0\t\t\t\t\t', '\t\t\t\t\t', '1\t\t2\t\t\t', '\t\t\t\t\t', '0\t\t\t\t\t3'].join('\n');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, block);
    const report = page.locator('[data-paste-report]');
    await report.waitFor();
    assert.equal(await report.locator('[data-paste-count]').getAttribute('data-paste-count'), '5');
    assert.match(await report.innerText(), /已填入 5 个数字/);
    await page.locator('#wizard-main').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, '6-paste-count');

    // 五: a reference to last year's report is not stale text; another year's mention can be dismissed.
    await step(page, 'problems');
    const problems = page.locator('[data-section="problems"]');
    await problems.fill(`${last}年度报告提出的信息更新不及时问题，已通过建立台账整改到位。\n${last - 1}年，我镇公开信息较少。`);
    const chips = page.locator('[data-stale-years] [data-year-mention]');
    await chips.first().waitFor();
    assert.deepEqual(await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-year-mention'))), [String(last - 1)]);
    await shot(page, '7-year-mention');
    await chips.first().locator('.MuiChip-deleteIcon').click();
    await page.locator('[data-stale-years]').waitFor({ state: 'detached' });
    assert.ok(['done', 'warning'].includes((await stepState(page, 'problems')) ?? ''), 'rewritten text is finished (warnings aside)');

    // 审核: opened once, its state means something.
    await step(page, 'review');
    await page.waitForFunction(() => document.querySelector('[data-step="review"]')?.getAttribute('data-step-state') !== 'todo');
    assert.equal(await stepState(page, 'review'), 'error');
    await page.locator('[data-save-state="saved"]').waitFor();
    await shot(page, '8-review-opened');
    // After a reload the dismissal and the reviewed state are still there.
    await page.reload();
    await step(page, 'problems');
    await problems.waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-stale-years]').count(), 0);
    assert.notEqual(await stepState(page, 'review'), 'todo');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});

test('browser mode: the program restarts with an edit pending and nothing is lost', { timeout: 120_000 }, async () => {
  const data = tempDir('nianbao-e2e-restart-');
  let host = await startHost({ dataDir: data.path, port: 'remembered' });
  const browser = await launchBrowser();
  // One browser profile throughout (a clerk's browser): pages share the origin's storage.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    // Port and token are kept per data folder, readable by the owner only.
    const record = join(data.path, 'browser-host.json');
    assert.equal(statSync(record).mode & 0o077, 0, 'the launch record is private to its owner');
    assert.deepEqual(JSON.parse(readFileSync(record, 'utf8')), { port: host.port, token: host.token });

    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const r = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${host.url}#/report/${r.id}/requests`);
    await cell(page, 't3.granted.natural_person').waitFor();

    // The program is closed; the clerk keeps typing.
    await host.stop();
    await cell(page, 't3.granted.natural_person').click();
    await page.keyboard.type('7');
    await cell(page, 't3.partial_grant.natural_person').click();
    await page.keyboard.type('2');
    const banner = page.locator('[data-save-error]');
    await banner.filter({ hasText: '2 处修改还没有保存' }).waitFor();
    assert.match(await banner.innerText(), /程序服务已停止[\s\S]*请重新启动“年报编制助手”，本页会自动重新连接/);
    await shot(page, '9-host-stopped-banner');

    // Started again on the same data folder: same address and token; the page saves by itself.
    host = await startHost({ dataDir: data.path, port: 'remembered' });
    const restartedOrigin = host.origin;
    assert.equal(new URL(page.url()).origin, restartedOrigin, 'the same port');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    let doc = (await hostApi(host, 'getReport', { id: r.id })).doc;
    assert.equal(doc.cells['t3.granted.natural_person'], 7);
    assert.equal(doc.cells['t3.partial_grant.natural_person'], 2);
    assert.equal(await banner.count(), 0);

    // Closed again, an edit typed, and the page closed too before the program is back: the edit
    // kept in the browser's journal is shown and sent when the report is opened again.
    await host.stop();
    await cell(page, 't3.granted.natural_person').click();
    await page.keyboard.type('9');
    await banner.waitFor();
    assert.match((await page.evaluate((k) => localStorage.getItem(k), `nianbao.unsaved.${r.id}`)) ?? '', /"t3\.granted\.natural_person":9/);
    await page.close();
    host = await startHost({ dataDir: data.path, port: 'remembered' });
    assert.equal((await hostApi(host, 'getReport', { id: r.id })).doc.cells['t3.granted.natural_person'], 7, 'not stored yet');
    const again = await context.newPage();
    await again.goto(`${host.url}#/report/${r.id}/requests`);
    await cell(again, 't3.granted.natural_person').waitFor();
    assert.equal(await cell(again, 't3.granted.natural_person').inputValue(), '9');
    await again.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    doc = (await hostApi(host, 'getReport', { id: r.id })).doc;
    assert.equal(doc.cells['t3.granted.natural_person'], 9);
    assert.equal(await again.evaluate((k) => localStorage.getItem(k), `nianbao.unsaved.${r.id}`), null, 'the journal is empty once stored');

    // A key's journal write waits for its frame (off the key's path); a page left before that
    // frame writes it while leaving (pagehide). Both within one task, so no frame can come between.
    const [beforeLeaving, onLeaving] = await again.evaluate((key) => {
      const input = document.querySelector<HTMLInputElement>('[data-cell="t3.partial_grant.natural_person"]')!;
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '4');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const first = localStorage.getItem(key);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      return [first, localStorage.getItem(key)];
    }, `nianbao.unsaved.${r.id}`);
    assert.equal(beforeLeaving, null, 'no journal write on the key itself');
    assert.match(onLeaving ?? '', /"t3\.partial_grant\.natural_person":4/, 'written when the page is left');
    const storedFigure = async () => (await hostApi(host, 'getReport', { id: r.id })).doc.cells['t3.partial_grant.natural_person'];
    for (let i = 0; i < 100 && (await storedFigure()) !== 4; i++) await again.waitForTimeout(100);
    assert.equal(await storedFigure(), 4, 'and then stored as usual');
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
