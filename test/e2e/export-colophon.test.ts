// Issue 22 items 6 and 8 in the browser: 本单位公文双面打印 set in 机关信息 makes the 导出 step's
// 双面打印 start on (the clerk can still turn it off for one export); a 红头 export with a 印发机关
// typed in the 红头 options shows the 版记 at the foot of the preview's last (even) page, keeps the
// 印发机关 in the report, and the downloaded Word file carries the 版记.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { artifactsDir, assertAccessible, launchBrowser, hostApi, startHost, storeReport, tempDir } from '../support/index';
import { fullReport } from '../fixtures/full-report';

test(
  '本单位公文双面打印 starts the export switch on; the 版记 typed in the 红头 options shows in the preview and the Word file',
  { timeout: 180_000 },
  async () => {
    const data = tempDir('nianbao-e2e-colophon-');
    const host = await startHost({ dataDir: data.path });
    const browser = await launchBrowser();
    const shots = artifactsDir('export-colophon');
    try {
      const doc = fullReport();
      const id = await storeReport(host, doc);

      // axe needs a context of its own (not browser.newPage()).
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);

      // The unit's setting is off: the export step's switch starts off.
      await page.goto(`${host.url}#/report/${id}/export`);
      await page.getByTestId('export-preview').waitFor();
      await page.getByTestId('export-history-empty').waitFor();
      assert.equal(await page.getByRole('switch', { name: '双面打印' }).isChecked(), false);

      // 机关信息: 本单位公文双面打印 on, saved.
      await page.goto(`${host.url}#/`);
      await page.getByRole('button', { name: '机关信息', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const unitSwitch = dialog.getByRole('switch', { name: '本单位公文双面打印' });
      assert.equal(await unitSwitch.isChecked(), false);
      await assertAccessible(page, '机关信息对话框（双面打印）');
      await unitSwitch.click();
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(await hostApi(host, 'getUnitSettings', {}), { duplex: true });

      // The export step now starts with 双面打印 on: even pages mirrored in the preview.
      await page.goto(`${host.url}#/report/${id}/export`);
      const preview = page.getByTestId('export-preview');
      await preview.waitFor();
      const duplex = page.getByRole('switch', { name: '双面打印' });
      await page.waitForFunction(() => (document.querySelector('input[aria-label="双面打印"]') as HTMLInputElement | null)?.checked === true);
      await preview.locator('section.nb-page[data-page="2"] .nb-area[style*="left:"]').waitFor();

      // 红头 on: the 版记 options appear; nothing printed until a 印发机关 is typed.
      await page.getByRole('switch', { name: '加红头' }).click();
      await page.getByTestId('colophon-options').waitFor();
      assert.equal(await preview.getByTestId('preview-colophon').count(), 0);
      await assertAccessible(page, '导出·红头选项（版记）');
      await page.getByRole('textbox', { name: '印发机关' }).fill('永安市小陶镇党政办公室');
      const colophon = preview.getByTestId('preview-colophon');
      await colophon.waitFor();
      assert.equal((await colophon.innerText()).replace(/\s+/g, ''), '永安市小陶镇党政办公室2026年1月8日印发', 'the 印发日期 defaults to the 成文日期');
      // On the last sheet, an even one, at the foot of its 版心.
      const sheets = preview.locator('section.nb-page');
      const count = await sheets.count();
      assert.equal(count % 2, 0, `the 版记 is on page ${count}`);
      assert.equal(await sheets.last().getByTestId('preview-colophon').count(), 1);
      const area = (await sheets.last().locator('.nb-area').boundingBox())!;
      const box = (await colophon.boundingBox())!;
      assert.ok(Math.abs(box.y + box.height - (area.y + area.height)) < 1.5, 'the 版记 sits on the 版心 foot');
      assert.ok(Math.abs(box.width - area.width) < 1.5, 'the 版记 is as wide as the 版心');
      // A 印发日期 of its own replaces the 成文日期.
      const printed = page.getByRole('group', { name: '印发日期（可不填）' });
      await printed.getByRole('textbox', { name: /年$/ }).fill('2026');
      await printed.getByRole('textbox', { name: /月$/ }).fill('1');
      // A day before the 成文日期 (8 January) cannot be right: said beside the field, and only a 草稿 can go out.
      await printed.getByRole('textbox', { name: /日$/ }).fill('7');
      await page
        .getByTestId('export-not-final')
        .getByText(/印发日期（2026年1月7日）早于成文日期（2026年1月8日）/)
        .waitFor();
      assert.match(await printed.innerText(), /早于成文日期/);
      await printed.getByRole('textbox', { name: /日$/ }).fill('20');
      await page.getByTestId('export-not-final').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid="preview-colophon"]')?.textContent?.includes('2026年1月20日印发'));
      await sheets.last().scrollIntoViewIfNeeded();
      await sheets.last().screenshot({ path: join(shots, 'last-page-colophon.png') });

      // Exported: the Word file has the 版记 and mirrored margins; the report keeps the 印发机关.
      // The fixture leaves cells blank: the 按 0 印出 question comes first (its own test: blank-cells.test.ts).
      const downloaded = page.waitForEvent('download');
      await page.getByTestId('export-button').click();
      await page.getByTestId('blank-cells-zero').click();
      const download = await downloaded;
      const saved = join(data.path, 'red.docx');
      await download.saveAs(saved);
      const files = unzipSync(readFileSync(saved));
      const text = [...strFromU8(files['word/document.xml']).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      assert.match(text, /永安市小陶镇党政办公室2026年1月20日印发$/);
      assert.match(strFromU8(files['word/settings.xml']), /<w:mirrorMargins\/>/);
      const stored = await hostApi(host, 'getReport', { id });
      assert.equal(stored.doc.letterhead.printedBy, '永安市小陶镇党政办公室');
      assert.equal(stored.doc.letterhead.printedDate, '2026-01-20');

      // The clerk can still print one export on one side: the switch turns off, the 版记 follows the body.
      await duplex.click();
      assert.equal(await duplex.isChecked(), false);
      await page.waitForFunction(() => document.querySelectorAll('section.nb-page .nb-area[style*="left:"]').length === 0);
      assert.equal(await sheets.last().getByTestId('preview-colophon').count(), 1);
    } finally {
      await browser.close();
      await host.stop();
      data.cleanup();
    }
  },
);
