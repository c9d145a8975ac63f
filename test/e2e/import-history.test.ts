// 导入报告 and 历年对比 end to end through the browser host, as a clerk does it: paste last year's
// report copied from the county website, check the preview, save it; import a second year from
// a file; compare the years and download a report file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifactsDir, launchBrowser, repoRoot, hostApi, startHost, tempDir } from '../support/index';

const SEEDS = join(repoRoot, 'test/fixtures/seeds');

test('paste a 2020 report, import a 2019 one, compare the years, download a report file', { timeout: 180_000 }, async () => {
  const data = tempDir('nianbao-e2e-import-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('import-history');
  try {
    await hostApi(host, 'saveUnit', { name: '永安市安砂镇人民政府', kind: 'township' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await page
      .getByTestId('unit-name')
      .waitFor()
      .catch(async () => {
        await page.screenshot({ path: join(shots, '0-start.png') });
        throw new Error(`report list did not show: ${await page.locator('body').innerText()}`);
      });

    // Paste the 2020 text: the preview says what was read and what was not.
    await page.getByRole('button', { name: '导入报告' }).click();
    await page.getByTestId('import-tab-paste').click();
    await page.getByTestId('import-paste').fill(readFileSync(join(SEEDS, '2020-ansha-fujian-gov2019.txt'), 'utf8'));
    await page.getByTestId('import-read-paste').click();
    await page.getByTestId('import-preview').waitFor();
    assert.equal(await page.getByTestId('import-year').innerText(), '2020 年');
    assert.match(await page.getByTestId('import-format').innerText(), /2019〕60号/);
    assert.equal(await page.locator('[data-part="t3"]').getAttribute('data-recognised'), 'yes');
    assert.equal(await page.locator('[data-part="other_matters"]').getAttribute('data-recognised'), 'yes');
    assert.match(await page.getByTestId('import-problems').innerText(), /表三有 23 行只有 6 个数字/);
    await page.screenshot({ path: join(shots, '1-preview.png') });
    await page.getByTestId('import-commit').click();
    await page.waitForURL(/#\/report\/\d+/);
    const reports = await hostApi(host, 'listReports', {});
    assert.deepEqual(
      reports.map((r) => r.year),
      [2020],
    );
    const saved = await hostApi(host, 'getReport', { id: reports[0].id });
    assert.equal(saved.doc.cells['t2.other_external_services.change'], 151);

    // Importing 2020 again asks before replacing: saving needs an explicit confirmation.
    await page.getByRole('button', { name: /报告列表/ }).click();
    await page.getByRole('button', { name: '导入报告' }).click();
    await page.getByTestId('import-tab-paste').click();
    await page.getByTestId('import-paste').fill(readFileSync(join(SEEDS, '2020-ansha-fujian-gov2019.txt'), 'utf8'));
    await page.getByTestId('import-read-paste').click();
    await page.getByTestId('import-existing').waitFor();
    assert.equal(await page.getByTestId('import-commit').isDisabled(), true);
    await page.getByTestId('import-confirm-replace').click();
    assert.equal(await page.getByTestId('import-commit').isDisabled(), false);
    await page.getByTestId('import-cancel').click();

    // 2019 with a stated 总计 that differs from its parts: shown before saving, read as stated.
    const text2019 = readFileSync(join(SEEDS, '2019-dashuikeng-ningxia-gov2019.txt'), 'utf8').replace(
      '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
      '一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t3',
    );
    await page.getByRole('button', { name: '导入报告' }).click();
    await page.getByTestId('import-tab-paste').click();
    await page.getByTestId('import-paste').fill(text2019);
    await page.getByTestId('import-read-paste').click();
    await page.getByTestId('import-findings').waitFor();
    assert.match(await page.getByTestId('import-findings').innerText(), /填的是 3，各分项相加是 1/);
    // 导入核对 (issue 21): the paragraph the page's line break had cut is joined, the ** marks removed,
    // the cells of table 四 (headers only in this copy) listed as 未读入, each with its source line.
    const notes = await page.getByTestId('import-notes').innerText();
    assert.match(notes, /接段（第 90 行）：这一行没有句末标点，与下一行接成一段/);
    assert.match(notes, /去标记（第 92 行）：去掉了加粗标记 \*\*/);
    assert.match(notes, /未读入：/);
    await page.getByTestId('import-commit').click();
    await page.waitForURL(/#\/report\/\d+/);
    const stored2019 = (await hostApi(host, 'listReports', {})).find((r) => r.year === 2019)!;
    const doc2019 = (await hostApi(host, 'getReport', { id: stored2019.id })).doc;
    assert.ok(
      doc2019.unreadCells!.some((k) => k.startsWith('t4.')),
      'table 四 kept as 未读入, not 0',
    );
    assert.ok(!Object.keys(doc2019.cells).some((k) => k.startsWith('t4.')));
    await page.getByRole('button', { name: /报告列表/ }).click();
    await page.getByRole('button', { name: '历年对比' }).click();
    await page.getByTestId('history-view').waitFor();
    assert.equal(await page.getByTestId('history-reports').locator('tbody tr').count(), 2);
    await page.getByTestId('history-chart').waitFor();
    const row = page.getByTestId('history-comparison').locator('[data-cell="t2.licensing.change"]');
    assert.match(await row.innerText(), /行政许可 · 本年增\/减\s+0\s+10\s+\+10/);
    await page.screenshot({ path: join(shots, '2-history.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export-2020').click()]);
    assert.match(download.suggestedFilename(), /\.nianbao\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { schema: string; year: number };
    assert.equal(file.schema, 'nianbao.report/1');
    assert.equal(file.year, 2020);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
