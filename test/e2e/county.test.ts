// 县级审查 end to end through the browser host: a county office with no unit of its own opens a
// folder of 20 generated township reports (plus two last-year files), reads the rows and flags,
// opens a report to see the quoted words and the outlined cells, checks the county's sums and
// downloads the workbook (read back with exceljs). Nothing lands in the clerk's reports.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { generateCountyBatch, SCENARIO, townName, unitName } from '../fixtures/county/generate';
import { writeCountyFolder } from '../fixtures/county/write';
import { artifactsDir, hostApi, launchBrowser, repoRoot, startHost, tempDir } from '../support/index';

test('a county office opens a folder of township reports: rows, flags, sums and the workbook', { timeout: 240_000 }, async () => {
  const data = tempDir('nianbao-e2e-county-');
  const files = tempDir('nianbao-e2e-county-files-');
  const folder = join(files.path, '2025年各乡镇年报');
  mkdirSync(folder);
  await writeCountyFolder(folder);
  const generated = generateCountyBatch().filter((g) => g.doc.year === 2025 && g.doc.formatId === 'gov-2021');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('county');
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    await page.goto(host.url);
    // The first screen (no unit set up: a county office) offers 县级审查.
    await page.getByRole('button', { name: '县级审查（县政务公开办使用）' }).click();
    await page.getByTestId('county-view').waitFor();
    await page.getByTestId('county-folder-input').setInputFiles(folder);
    await page.getByTestId('county-units').waitFor();

    const rows = page.getByTestId('county-row');
    assert.equal(await rows.count(), 22, '20 reports of 2025 and two of 2024');
    assert.match(await page.getByTestId('county-summary').innerText(), /2025 年度 20 份报告，2 份有错误/);
    const row = (i: number, year = 2025) => page.locator(`[data-testid="county-row"][data-unit="${unitName(i)}"][data-year="${year}"]`);
    const flags = async (i: number) => ((await row(i).getAttribute('data-flags')) ?? '').split(' ');

    assert.ok((await flags(SCENARIO.copiedFrom)).includes('county.copied_text'));
    assert.ok((await flags(SCENARIO.copiedTo)).includes('county.copied_text'));
    assert.ok(!(await flags(1)).includes('county.copied_text'), 'a township that wrote its own text is not flagged');
    assert.ok((await flags(SCENARIO.unbalanced)).includes('t3.balance'));
    assert.notEqual(await row(SCENARIO.unbalanced).getAttribute('data-errors'), '0');
    assert.equal(await row(SCENARIO.format2019).getAttribute('data-format'), 'gov-2019');
    assert.ok((await flags(SCENARIO.format2019)).includes('review.outdated_format'));
    assert.ok((await flags(SCENARIO.outlier)).includes('county.outlier'));
    assert.equal(await row(SCENARIO.continuityOk).getAttribute('data-continuity'), 'ok');
    assert.equal(await row(SCENARIO.continuityMismatch).getAttribute('data-continuity'), 'mismatch');
    assert.match(await row(SCENARIO.continuityMismatch).locator('[data-col="continuity"]').innerText(), /与上年不一致/);
    assert.match(await row(7).innerText(), /Word/, 'a Word document is read like a report file');
    assert.match(await row(SCENARIO.unbalanced).locator('[data-col="flags"]').innerText(), /勾稽不平衡/);
    // Rows follow the file names, as the folder shows them.
    assert.equal(await rows.first().getAttribute('data-unit'), unitName(0));
    assert.match(await row(0).locator('[data-col="date"]').innerText(), /^2026-01-\d\d$/);
    // The picture waits for the buttons' enable transition to finish (no assertion on time).
    await page.waitForFunction(() => !(document.querySelector('[data-testid="county-workbook"]') as HTMLButtonElement).disabled);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'county-units-1366x768.png') });

    // Open the copying township: the paragraph is highlighted in its text, the other quote shown.
    await row(SCENARIO.copiedTo).getByRole('button', { name: /^查看/ }).click();
    const report = page.getByTestId('county-report');
    await report.waitFor();
    const mark = report.locator('mark[data-finding="county.copied_text"]');
    assert.match(await mark.first().innerText(), new RegExp(`^${townName(SCENARIO.copiedTo)}坚持把依申请公开`));
    assert.match(
      await report.getByTestId('county-other-quote').first().innerText(),
      new RegExp(`${unitName(SCENARIO.copiedFrom)}.*原文：“${townName(SCENARIO.copiedFrom)}坚持把依申请公开`),
    );
    await page.getByRole('button', { name: '关闭' }).click();

    // The unbalanced township: the cells of the balance are outlined in its table 三.
    await row(SCENARIO.unbalanced).getByRole('button', { name: /^查看/ }).click();
    const outlined = page.getByTestId('county-table-t3').locator('td[data-cell="t3.carried_forward.natural_person"]');
    assert.equal(await outlined.getAttribute('data-severity'), 'error');
    assert.equal(await page.getByTestId('county-table-t3').locator('td[data-cell="t3.new_received.natural_person"]').getAttribute('data-severity'), 'error');
    // Clicking the finding brings its first cell (本年新收) into view.
    await page.getByTestId('county-report-findings').locator('[data-finding="t3.balance"]').click();
    await page.waitForFunction(() => {
      const td = document.querySelector('[data-testid="county-table-t3"] td[data-cell="t3.new_received.natural_person"]');
      const box = document.querySelector('[data-testid="county-report-text"]');
      if (!td || !box) return false;
      const a = td.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return a.top >= b.top && a.bottom <= b.bottom;
    });
    await page.screenshot({ path: join(shots, 'county-report-1366x768.png') });
    await page.getByRole('button', { name: '关闭' }).click();

    // The comparisons: the copy with both quotes.
    await page.getByTestId('county-tab-comparisons').click();
    const copy = page.locator(`[data-testid="county-comparisons"] [data-finding="county.copied_text"]`).filter({ hasText: townName(SCENARIO.copiedTo) });
    assert.equal(await copy.getByTestId('county-quote').count(), 2);
    assert.ok((await page.locator('[data-testid="county-comparisons"] [data-finding="county.outlier"]').count()) >= 1);
    await page.mouse.move(700, 400);
    await page.screenshot({ path: join(shots, 'county-comparisons-1366x768.png') });

    // The sums: per format, the 2021 sum equals the generated figures; the unbalanced unit shows.
    await page.getByTestId('county-tab-sums').click();
    const expectNew = generated.reduce(
      (n, g) => n + (g.doc.cells['t3.new_received.natural_person'] ?? 0) + (g.doc.cells['t3.new_received.commercial_enterprise'] ?? 0),
      0,
    );
    assert.equal(await page.getByTestId('county-sum-gov-2021-t3').locator('td[data-cell="t3.new_received.total"]').innerText(), String(expectNew));
    assert.ok(await page.getByTestId('county-sum-gov-2019-t3').isVisible(), 'the 2019-format report is summed apart');
    assert.match(await page.getByTestId('county-sum-note').innerText(), /不能逐格相加/);
    assert.equal(await page.locator('[data-testid="county-sum-gov-2021"] [data-finding="t3.balance"]').count(), 1);
    assert.match(await page.getByTestId('county-sum-cause').first().innerText(), new RegExp(unitName(SCENARIO.unbalanced)));
    await page.mouse.move(700, 400);
    await page.screenshot({ path: join(shots, 'county-sums-1366x768.png') });

    // The workbook, downloaded and read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('county-workbook').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const summary = wb.getWorksheet('概况')!;
    const units: string[] = [];
    summary.eachRow((r, n) => n > 1 && r.getCell(5).value === 2025 && units.push(String(r.getCell(2).value)));
    assert.equal(units.length, 20);
    const sums = new Map<string, number>();
    wb.getWorksheet('汇总明细')!.eachRow(
      (r, n) => n > 1 && String(r.getCell(1).value).includes('2021') && sums.set(String(r.getCell(2).value), Number(r.getCell(4).value)),
    );
    assert.equal(sums.get('t3.new_received.total'), expectNew);
    const copies: string[] = [];
    // The rule's id is in the last column (规则编号); the other unit in 雷同单位.
    wb.getWorksheet('问题清单')!.eachRow((r) => r.getCell(10).value === 'county.copied_text' && copies.push(`${r.getCell(1).value}|${r.getCell(8).value}`));
    assert.ok(copies.includes(`${unitName(SCENARIO.copiedFrom)}|${unitName(SCENARIO.copiedTo)}`), copies.join('\n'));

    // 添加文件 takes every form the import reads: a PDF is a unit's row; a cover note is 不是年度报告, not a failure.
    const forms = join(repoRoot, 'test/fixtures/forms');
    await page.getByTestId('county-files-input').setInputFiles([join(forms, '2025-clean.pdf'), join(forms, 'cover-note.doc')]);
    await page.getByTestId('county-tab-units').click();
    const pdfRow = page.locator('[data-testid="county-row"][data-unit="永安市小陶镇人民政府"]');
    await pdfRow.waitFor();
    assert.match(await pdfRow.innerText(), /PDF/);
    assert.match(await page.getByTestId('county-not-a-report').innerText(), /不是年度报告\s*cover-note\.doc/);
    assert.equal(await page.getByTestId('county-unreadable').count(), 0);
    assert.match(await page.getByTestId('county-summary').innerText(), /，1 个文件不是年度报告（未计入）/);
    assert.doesNotMatch(await page.getByTestId('county-summary').innerText(), /无法读取/);

    // The clerk's side is untouched: still no unit and no reports.
    assert.equal(await hostApi(host, 'getUnit', {}), null);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
    files.cleanup();
  }
});
