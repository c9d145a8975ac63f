// 数据备份 end to end, through the real browser host and a headless Chromium: a unit and a report,
// a restart of the host on the same data (which makes the automatic backup), a change, then the
// earlier backup restored through the dialog: the earlier text is back, and the data before the
// restore is itself listed as a backup. A lost data file is restored from the first-run screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchBrowser, startHost, tempDir } from '../support/index';

test('backups: the automatic backup is listed with where the data lives, and restoring it brings the earlier report back', { timeout: 90_000 }, async () => {
  const data = tempDir('nianbao-e2e-backups-');
  const shots = artifactsDir('backups');
  const browser = await launchBrowser();
  let host = await startHost({ dataDir: data.path });
  const year = new Date().getFullYear() - 1;
  const earlier = `${year}年，我镇主动公开政府信息86条。`;
  const later = `${year}年，我镇主动公开政府信息99条（改动后）。`;
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.locator('[data-field="unit.name"]').fill('永安市小陶镇人民政府');
    await page.getByRole('button', { name: '保存并开始' }).click();

    // On the very first run there is nothing to back up yet, and the dialog says so.
    await page.getByRole('button', { name: '数据备份' }).click();
    await page.getByTestId('backups-empty').waitFor();
    assert.equal(await page.getByTestId('backups-data-dir').innerText(), data.path);
    await page.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '新建年度报告' }).click();
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('[data-step="overview"] button').click();
    await page.locator('[data-section="overview"]').fill(earlier);
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole('button', { name: '← 报告列表' }).click();
    await page.locator(`[data-report-year="${year}"]`).waitFor();
    await page.close();

    // Starting again on the same data makes the automatic backup of that state.
    await host.stop();
    host = await startHost({ dataDir: data.path });
    const again = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    again.setDefaultTimeout(10_000);
    await again.goto(`${host.url}#/`);

    // Change the text after the backup.
    await again.getByRole('button', { name: `打开${year}年报告` }).click();
    await again.locator('[data-step="overview"] button').click();
    await again.locator('[data-section="overview"]').fill(later);
    await again.locator('[data-save-state="saved"]').waitFor();
    await again.getByRole('button', { name: '← 报告列表' }).click();

    // The dialog lists the one backup, in Chinese, with its size.
    await again.getByRole('button', { name: '数据备份' }).click();
    const rows = again.getByTestId('backup-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    const rowText = await rows.first().innerText();
    assert.match(rowText, /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d/);
    assert.match(rowText, /自动备份（启动时和编辑中每小时）/);
    assert.match(rowText, /\d+ KB/);
    const fileName = (await rows.first().getAttribute('data-backup'))!;
    assert.ok(existsSync(join(data.path, 'backups', fileName)), `backup file ${fileName} exists`);
    await again.waitForTimeout(300); // let the dialog finish fading in for the picture
    await again.screenshot({ path: join(shots, '1-backups.png') });

    // Restoring asks first and says the current data is backed up and the page reloads.
    await rows.first().getByRole('button', { name: '恢复到这一份' }).click();
    const confirm = again.getByTestId('restore-confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /先把现在的数据另存为一份备份/);
    assert.match(await confirm.innerText(), /页面会重新载入/);
    await again.waitForTimeout(300);
    await again.screenshot({ path: join(shots, '2-confirm.png') });
    // 取消 changes nothing.
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    await rows.first().getByRole('button', { name: '恢复到这一份' }).click();
    await again.getByTestId('restore-confirm-button').click();

    // The page reloads on the list with a notice; the report has the earlier text.
    await again.getByTestId('restored-notice').waitFor();
    await again.screenshot({ path: join(shots, '3-restored.png') });
    await again.getByRole('button', { name: `打开${year}年报告` }).click();
    await again.locator('[data-step="overview"] button').click();
    assert.equal(await again.locator('[data-section="overview"]').inputValue(), earlier);

    // The data from before the restore is kept as a backup of its own.
    await again.getByRole('button', { name: '← 报告列表' }).click();
    await again.getByRole('button', { name: '数据备份' }).click();
    await again.getByText('恢复前自动保存').waitFor();
    assert.equal(await again.getByTestId('backup-row').count(), 2);

    // A backup that has gone from the folder since the list was shown: refused with a message,
    // the data stays as it is and the list is read again.
    rmSync(join(data.path, 'backups', fileName));
    await again.locator(`[data-backup="${fileName}"]`).getByRole('button', { name: '恢复到这一份' }).click();
    await again.getByTestId('restore-confirm-button').click();
    assert.match(await again.getByTestId('restore-error').innerText(), /恢复没有完成[\s\S]*不存在/);
    await again.locator(`[data-backup="${fileName}"]`).waitFor({ state: 'detached' });
    assert.equal(await again.getByTestId('backup-row').count(), 1);

    // 立即备份 adds a backup of the data as it is now, listed first.
    await again.getByTestId('backup-now').click();
    await again.getByTestId('backup-made').waitFor();
    assert.equal(await again.getByTestId('backup-row').count(), 2);
    assert.match(await again.getByTestId('backup-row').first().innerText(), /手动备份/);
    await again.close();

    // The data file lost (a reset, a wiped profile) but the backups kept: the first-run screen
    // offers them, and restoring one brings the unit and the report back without retyping.
    await host.stop();
    for (const f of ['nianbao.sqlite', 'nianbao.sqlite-wal', 'nianbao.sqlite-shm']) rmSync(join(data.path, f), { force: true });
    host = await startHost({ dataDir: data.path });
    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    fresh.setDefaultTimeout(10_000);
    await fresh.goto(host.url);
    await fresh.getByTestId('setup-backups').getByRole('button', { name: '查看备份' }).click();
    await fresh.getByTestId('backup-row').first().getByRole('button', { name: '恢复到这一份' }).click();
    await fresh.getByTestId('restore-confirm-button').click();
    await fresh.getByTestId('restored-notice').waitFor();
    assert.match(await fresh.getByTestId('unit-name').innerText(), /永安市小陶镇人民政府/);
    await fresh.locator(`[data-report-year="${year}"]`).waitFor();
    await fresh.screenshot({ path: join(shots, '4-restored-after-reset.png') });
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
