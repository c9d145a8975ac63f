// A damaged data file, end to end through the real browser host and a headless Chromium: the
// first screen says what happened and where the file was kept, 从备份恢复 brings the report
// back, and 导出诊断信息 in the backups dialog downloads the log, versions and database check
// without any report text; report text with markup in it is shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, hostApi, launchBrowser, startHost, tempDir } from '../support/index';

test(
  'a damaged data file: the clerk is told, restores a backup from the first screen, can export diagnostics; markup in the text stays text',
  { timeout: 90_000 },
  async () => {
    const data = tempDir('nianbao-e2e-startup-');
    const shots = artifactsDir('startup-check');
    const browser = await launchBrowser();
    // Report text with markup in it: shown and exported as text, never as elements.
    const secret = '只属于这份报告的一句正文<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    let host = await startHost({ dataDir: data.path });
    try {
      await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
      const report = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021' });
      await hostApi(host, 'setSection', { id: report.id, key: 'overview', text: secret });
      await host.stop();
      host = await startHost({ dataDir: data.path }); // the automatic backup of that state
      await host.stop();
      const file = join(data.path, 'nianbao.sqlite');
      truncateSync(file, Math.floor(statSync(file).size / 2));

      host = await startHost({ dataDir: data.path });
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
      page.setDefaultTimeout(10_000);
      await page.goto(host.url);
      const notice = page.getByTestId('startup-problem');
      await notice.waitFor();
      assert.match(await notice.innerText(), /数据文件已损坏.*原样保存在数据文件夹的“damaged/s);
      await page.screenshot({ path: join(shots, '1-notice.png') });
      await page.getByTestId('startup-restore').click();
      const rows = page.getByTestId('backup-row');
      await rows.first().waitFor();
      await rows.first().getByRole('button', { name: '恢复到这一份' }).click();
      await page.getByTestId('restore-confirm-button').click();
      // The page reloads on the restored data: the report is back and the notice is gone.
      await page.locator('[data-report-year="2025"]').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('startup-problem').count(), 0);

      await page.getByRole('button', { name: '数据备份' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-diagnostics').click()]);
      assert.match(download.suggestedFilename(), /^年报编制助手诊断信息-.*\.txt$/);
      const content = readFileSync((await download.path())!, 'utf8');
      assert.match(content, /完整性检查：ok/);
      assert.match(content, /启动时发现数据文件已损坏|ERROR \[store\]/);
      assert.ok(!content.includes(secret), 'no report text');
      await page.getByTestId('diagnostics-saved').waitFor();

      // The restored narrative, markup and all, is shown as text in the export preview.
      await page.goto(`${host.url}#/report/${report.id}/export`);
      const preview = page.getByTestId('export-preview');
      await preview.waitFor();
      // The preview sets the text in printed lines and pages: compare without the line breaks it adds.
      const shown = (await preview.innerText()).replace(/\s+/g, '');
      assert.ok(shown.includes(secret.replace(/\s+/g, '')), 'the markup is shown as the clerk typed it');
      assert.equal(await preview.locator('img, script').count(), 0, 'no element made from the text');
      assert.equal(await page.evaluate('window.__xss'), undefined);
    } finally {
      await host.stop();
      await browser.close();
      data.cleanup();
    }
  },
);

test(
  'a data file emptied to 0 bytes while backups hold the reports: not a first run; the notice offers the newest backup and one click restores it',
  { timeout: 90_000 },
  async () => {
    const data = tempDir('nianbao-e2e-lost-');
    const shots = artifactsDir('startup-check');
    const browser = await launchBrowser();
    let host = await startHost({ dataDir: data.path });
    try {
      await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
      const report = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021' });
      await hostApi(host, 'setSection', { id: report.id, key: 'overview', text: '备份里的正文' });
      await host.stop();
      host = await startHost({ dataDir: data.path }); // the automatic backup of that state
      await host.stop();
      writeFileSync(join(data.path, 'nianbao.sqlite'), '');

      host = await startHost({ dataDir: data.path });
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      page.setDefaultTimeout(10_000);
      await page.goto(host.url);
      const notice = page.getByTestId('startup-problem');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('data-kind'), 'lost');
      assert.match(await notice.innerText(), /数据文件（nianbao\.sqlite）是空的（0 字节）.*没有把这次当作第一次使用.*1 份报告/s);
      const offer = page.getByTestId('startup-restore-offer');
      assert.match(await offer.innerText(), /恢复这份备份（\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d，1 份报告）/);
      await page.screenshot({ path: join(shots, '2-lost-notice.png') });
      await offer.click();
      // One click: the page reloads on the restored data, the report is back and the notice gone.
      await page.getByTestId('restored-notice').waitFor({ timeout: 20_000 });
      await page.locator('[data-report-year="2025"]').waitFor();
      assert.equal(await page.getByTestId('startup-problem').count(), 0);
      const restored = await hostApi(host, 'getReport', { id: report.id });
      assert.equal(restored.doc.sections.overview, '备份里的正文');
    } finally {
      await host.stop();
      await browser.close();
      data.cleanup();
    }
  },
);
