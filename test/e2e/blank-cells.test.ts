// Blank table cells before a final export (issue 21 item 4), through the browser host: the export
// asks 「N 格未填，按 0 印出？」 naming the cells by their official labels; 「回去填写」 lands on the
// first blank cell in its table step, focused; 「按 0 印出」 writes the file and its record says how
// many cells were printed as 0 (Word and the PDF print view alike); a 草稿 and a full report are not asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, assertAccessible, hostApi, launchBrowser, startHost, storeReport, tempDir } from '../support/index';
import { fullReport } from '../fixtures/full-report';
import { blankCells, blankRows } from '../../shared/print/blank-cells';

test('导出 with blank cells: the question, 回去填写 to the cell, 按 0 印出 recorded; a full report and a 草稿 not asked', { timeout: 180_000 }, async () => {
  const data = tempDir('nianbao-e2e-blank-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('blank-cells');
  try {
    const doc = fullReport();
    const blank = blankCells(doc);
    assert.ok(blank.length > 5, 'the fixture leaves cells blank');
    const id = await storeReport(host, doc);

    // axe needs a context of its own (not browser.newPage()).
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${host.url}#/report/${id}/export`);
    await page.getByTestId('export-preview').waitFor();
    assert.match(await page.getByTestId('export-blank-cells').innerText(), new RegExp(`^${blank.length} 格未填`));

    // The question names the count and the cells, by table and row, with the official labels.
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: `${blank.length} 格未填，按 0 印出？` });
    await dialog.waitFor();
    const rows = blankRows(blank);
    const listed = dialog.locator('[data-blank-row]');
    assert.equal(await listed.count(), Math.min(rows.length, 20));
    assert.equal(await listed.first().innerText(), `${rows[0].tableName}“${rows[0].row}”：${rows[0].columns.join('、')}`);
    await assertAccessible(page, '未填格子的确认');
    await page.screenshot({ path: join(shots, '1-question.png') });

    // 回去填写: the table step of the first blank cell, with that cell focused; nothing exported.
    await dialog.getByRole('button', { name: '回去填写' }).click();
    await page.waitForURL(new RegExp(`#/report/${id}/${blank[0].section}$`));
    await page.waitForFunction((key) => document.activeElement?.getAttribute('data-cell') === key, blank[0].key);
    assert.deepEqual(await hostApi(host, 'listExports', { id }), []);
    await page.screenshot({ path: join(shots, '2-back-to-the-cell.png') });

    // 按 0 印出: the Word file is written, final, and its record says how many cells were printed as 0.
    await page.goto(`${host.url}#/report/${id}/export`);
    await page.getByTestId('export-button').click();
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '按 0 印出' }).click()]);
    assert.doesNotMatch(download.suggestedFilename(), /草稿/);
    await page.getByTestId('export-message').waitFor();
    assert.match(await page.getByTestId('export-message').innerText(), new RegExp(`${blank.length} 格未填，已按 0 印出`));
    let records = await hostApi(host, 'listExports', { id });
    assert.equal(records.length, 1);
    assert.deepEqual([records[0].kind, records[0].draft, records[0].blankAsZero], ['docx', false, blank.length]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="export-history-row"]').length === 1);
    assert.equal(await page.getByTestId('export-blank-as-zero').innerText(), `${blank.length} 格未填按 0 印出`);

    // The PDF prints the same tables: asked the same way.
    await page.getByTestId('export-pdf-button').click();
    await dialog.waitFor();
    const [view] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: '按 0 印出' }).click()]);
    await view.close();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="export-history-row"]').length === 2);
    records = await hostApi(host, 'listExports', { id });
    assert.deepEqual([records[0].kind, records[0].blankAsZero], ['pdf', blank.length]);

    // A 草稿 (no 成文日期) is not asked about blank cells: only the draft confirmation.
    await hostApi(host, 'updateReport', { id, patch: { date: '' } });
    await page.reload();
    await page.getByTestId('export-not-final').waitFor();
    assert.equal(await page.getByTestId('export-blank-cells').count(), 0);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-confirm-dialog').waitFor();
    assert.equal(await page.getByTestId('blank-cells-dialog').count(), 0);
    const [draft] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
    assert.match(draft.suggestedFilename(), /草稿/);

    // Every cell filled: the export goes straight to the file, and the record claims no 0s.
    await hostApi(host, 'updateReport', { id, patch: { date: doc.date } });
    await hostApi(host, 'setCells', { id, cells: Object.fromEntries(blank.map((c) => [c.key, 0])) });
    await page.reload();
    await page.getByTestId('export-preview').waitFor();
    assert.equal(await page.getByTestId('export-blank-cells').count(), 0);
    const [full] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    assert.doesNotMatch(full.suggestedFilename(), /草稿/);
    assert.equal(await page.getByTestId('blank-cells-dialog').count(), 0);
    records = await hostApi(host, 'listExports', { id });
    assert.deepEqual([records[0].kind, records[0].draft, records[0].blankAsZero], ['docx', false, null]);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
