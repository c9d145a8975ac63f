// The 导出 step end to end through the browser host: the preview shows the report in the page layout,
// 导出 Word 文件 downloads a real .docx whose SHA-256 is the one listed in the export history; with an
// error in the tables the confirmation names it and the file comes out as a 草稿.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { artifactsDir, launchBrowser, hostApi, startHost, storeReport, tempDir } from '../support/index';
import { fullReport } from '../fixtures/full-report';
import { execFileSync } from 'node:child_process';
import { reportContent } from '../../shared/print/content';
import { paginate } from '../../shared/print/paginate';
import { blankCells } from '../../shared/print/blank-cells';

test('导出 step: paginated preview, PDF from the print view, download with recorded SHA-256, draft after confirmation', { timeout: 180_000 }, async () => {
  const data = tempDir('nianbao-e2e-export-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('export-step');
  try {
    // Every cell filled (the fixture leaves some blank): a final export without the 按 0 印出 question.
    const doc = fullReport();
    for (const c of blankCells(doc)) doc.cells[c.key] = 0;
    const id = await storeReport(host, doc);

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    await page.goto(`${host.url}#/report/${id}/export`);

    // The preview: title broken after the unit name, the three tables with derived totals.
    const preview = page.getByTestId('export-preview');
    await preview.waitFor();
    assert.deepEqual(await page.getByTestId('preview-title').locator('span').allInnerTexts(), ['永安市小陶镇人民政府', '2025年政府信息公开工作年度报告']);
    assert.equal(await preview.locator('[data-preview-cell="t3.total_processed.total"]').innerText(), '54');
    assert.equal(await preview.locator('[data-preview-cell="t2.fees.amount"]').innerText(), '3.72');
    assert.equal(await preview.locator('[data-preview-cell="t3.carried_over.research_institution"]').innerText(), '0');
    // Paginated as printed: A4 sheets, each with its page number; the 署名 and date on the last one,
    // with body text above them; table 三's rows of 「（三）不予公开」 on one sheet.
    const expectedPages = paginate(reportContent(doc, { letterhead: doc.letterhead.enabled })).length;
    assert.equal(Number(await preview.getAttribute('data-pages')), expectedPages);
    const sheets = preview.locator('section.nb-page');
    assert.equal(await sheets.count(), expectedPages);
    for (let n = 1; n <= expectedPages; n++)
      assert.match(
        await sheets
          .nth(n - 1)
          .locator('.nb-folio')
          .innerText(),
        new RegExp(`— ${n} —`),
      );
    const lastSheet = await sheets.nth(expectedPages - 1).innerText();
    assert.match(lastSheet, /永安市小陶镇人民政府\s*2026年1月8日/);
    assert.match(lastSheet, /[。；]\s*\n[\s\S]*永安市小陶镇人民政府\s*2026年1月8日/);
    // The 公文 fonts check: a headless Chromium on Linux lacks the GB2312 fonts and 小标宋 (fontconfig
    // may stand Noto Sans CJK in for 黑体), and the step says so, naming what Word uses instead.
    const fontCheck = page.getByTestId('font-check');
    await fontCheck.waitFor();
    const missing = (await fontCheck.getAttribute('data-missing'))!.split(',');
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体']) assert.ok(missing.includes(name), `${name} not reported missing`);
    assert.match(await fontCheck.innerText(), /仿宋_GB2312（正文、署名和日期）将改用仿宋[\s\S]*字形会与标准公文不同/);
    const sheetBox = await sheets.first().boundingBox();
    assert.ok(sheetBox && Math.abs(sheetBox.width / sheetBox.height - 210 / 297) < 0.01, 'sheets are not A4');
    await page.getByTestId('export-history-empty').waitFor();
    await page.screenshot({ path: join(shots, '1-preview.png') });
    await page
      .getByTestId('preview-table-t3')
      .first()
      .screenshot({ path: join(shots, '1-preview-table3.png') });
    await sheets.nth(expectedPages - 1).scrollIntoViewIfNeeded();
    await sheets.nth(expectedPages - 1).screenshot({ path: join(shots, '1-preview-last-page.png') });

    // 导出 PDF in the browser: a print view of the same pages; headless Chromium prints it.
    const [view] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('export-pdf-button').click()]);
    await view.waitForLoadState();
    const pdfPath = join(shots, 'print-view.pdf');
    await view.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    assert.equal(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), expectedPages, 'the PDF has other page breaks than the preview');
    assert.match(info, /Page size:\s+59[45][.\d]* x 84[12]/);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    assert.match(pdfText, /三、收到和处理政府信息公开申请情况/);
    assert.match(pdfText.replace(/\s+/g, ''), /xtzdzb@163\.com/);
    await view.close();
    await page.getByTestId('export-message').waitFor();
    assert.match(await page.getByTestId('export-message').innerText(), /另存为 PDF/);

    // The sealed layout moves the date: 空4字 from the right, the 署名 centred above it.
    await page.getByTestId('sealed-switch').click();
    const sealedLast = preview.locator('section.nb-page').last();
    await sealedLast.getByText('2026年1月8日').waitFor();
    await sealedLast.screenshot({ path: join(shots, '1-preview-sealed-last-page.png') });
    await page.getByTestId('sealed-switch').click();

    // 双面打印: an even page's 版心 moves to the mirrored side in the preview; the Word file mirrors its margins.
    await page.getByTestId('duplex-switch').click();
    await preview.locator('section.nb-page[data-page="2"] .nb-area[style*="left:"]').waitFor();
    assert.equal(await preview.locator('section.nb-page[data-page="1"] .nb-area[style*="left:"]').count(), 0, 'odd pages keep their margins');

    // A clean report: no confirmation, a download, a history row with the file's SHA-256.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    assert.doesNotMatch(download.suggestedFilename(), /草稿/);
    assert.equal(await page.getByTestId('blank-cells-dialog').count(), 0, 'a full report is not asked about blank cells');
    assert.equal(await page.getByTestId('export-blank-cells').count(), 0);
    const saved = join(data.path, 'final.docx');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    assert.match(strFromU8(unzipSync(bytes)['word/document.xml']), /三、收到和处理政府信息公开申请情况/);
    assert.match(strFromU8(unzipSync(bytes)['word/settings.xml']), /<w:mirrorMargins\/>/, 'exported with 双面打印 on');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const rows = page.getByTestId('export-history-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="export-history-row"]').length === 2);
    assert.equal(await rows.first().locator('[data-sha]').getAttribute('data-sha'), sha);
    assert.equal(await rows.first().getAttribute('data-draft'), 'false');
    // The print view was an export too: recorded as a PDF, the variant shown beside each.
    assert.equal(await rows.first().getByTestId('export-variant').innerText(), 'Word · 不加红头');
    assert.match(await rows.nth(1).getByTestId('export-variant').innerText(), /^PDF/);
    await page.getByTestId('export-message').waitFor();
    // The check went into the export's record.
    const [record] = await hostApi(host, 'listExports', { id });
    assert.deepEqual(record.fontCheck, { method: 'measured', missing });

    // An unbalanced table 三: the confirmation names the error; the file is a 草稿.
    await hostApi(host, 'setCells', { id, cells: { 't3.carried_forward.natural_person': 9 } });
    await page.reload();
    await page.getByTestId('export-preview').waitFor();
    await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-confirm-dialog');
    await dialog.getByText('确定导出草稿').waitFor();
    assert.match(await dialog.innerText(), /结转|勾稽|一\s*\+\s*二|本年新收/);
    await page.screenshot({ path: join(shots, '2-confirm-draft.png') });
    const [draft] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
    assert.match(draft.suggestedFilename(), /草稿/);
    const draftPath = join(data.path, 'draft.docx');
    await draft.saveAs(draftPath);
    const zip = unzipSync(readFileSync(draftPath));
    const headers = Object.keys(zip).filter((n) => n.startsWith('word/header'));
    assert.ok(headers.length > 0 && headers.every((n) => strFromU8(zip[n]).includes('草稿')));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="export-history-row"]').length === 3);
    assert.equal(await rows.first().getAttribute('data-draft'), 'true');
    // The 正式 file was exported before the table changed: it no longer matches the report (已过期).
    assert.equal(await rows.nth(1).getAttribute('data-stale'), 'true');
    assert.equal(await rows.first().getAttribute('data-stale'), 'false');
    assert.equal(await rows.first().locator('[data-sha]').getAttribute('data-sha'), createHash('sha256').update(readFileSync(draftPath)).digest('hex'));
    await page.screenshot({ path: join(shots, '3-history.png'), fullPage: false });

    // No 成文日期: only a 草稿 can be exported, and the step says why.
    await hostApi(host, 'setCells', { id, cells: { 't3.carried_forward.natural_person': doc.cells['t3.carried_forward.natural_person'] ?? null } });
    await hostApi(host, 'updateReport', { id, patch: { date: '' } });
    await page.reload();
    await page.getByTestId('export-not-final').waitFor();
    assert.match(await page.getByTestId('export-not-final').innerText(), /成文日期/);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-confirm-not-final').waitFor();
    assert.match(await page.getByTestId('export-confirm-dialog').innerText(), /还不是正式文件/);
    const [undated] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
    assert.match(undated.suggestedFilename(), /草稿/);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
