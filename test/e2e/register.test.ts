// The application register end to end through the browser host: a clerk types 30 applications by
// keyboard alone (Alt+N, Tab, the arrow keys in the lists, Enter), the list shows them with their
// deadlines; table 三 is counted from the register and each cell lists the applications behind it;
// the report exports; the home screen lists the overdue ones; 5,000 rows stay a few dozen in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, launchBrowser, hostApi, startHost, storeReport, tempDir } from '../support/index';
import { fullReport } from '../fixtures/full-report';

const TYPES = ['natural_person', 'commercial_enterprise', 'research_institution'];
/** Position in the 办理结果 list (0 is 尚未答复): 予以公开 1, 部分公开 2, 本机关不掌握相关政府信息 11. */
const OUTCOMES: [string, number][] = [
  ['', 0],
  ['granted', 1],
  ['partial_grant', 2],
  ['unable_not_held', 11],
  ['granted', 1],
];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function typedApplications() {
  return Array.from({ length: 30 }, (_, i) => {
    const month = 1 + (i % 11);
    const day = 1 + ((i * 7) % 27);
    const [outcome, position] = OUTCOMES[i % 5]!;
    const answered = outcome ? iso(2025, month, Math.min(day + 10, 28)) : '';
    return {
      id: `2025-${String(i + 1).padStart(3, '0')}`,
      received: iso(2025, month, day),
      // Half typed the way clerks write dates by hand.
      typed: i % 2 ? `2025年${month}月${day}日` : iso(2025, month, day),
      typeIndex: i % 3,
      type: TYPES[i % 3]!,
      outcome,
      position,
      answered,
    };
  });
}

test('register by keyboard: 30 applications, table 三 counted with its applications per cell, the report exported', { timeout: 300_000 }, async () => {
  const data = tempDir('nianbao-e2e-register-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  const shots = artifactsDir('register');
  try {
    const doc = fullReport();
    const id = await storeReport(host, doc, Object.fromEntries(Object.entries(doc.cells).filter(([k]) => !k.startsWith('t3.'))));

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    await page.goto(`${host.url}#/register/2025`);
    await page.getByTestId('register-rows').waitFor();

    // Keyboard only from here to the closed dialog.
    const apps = typedApplications();
    await page.keyboard.press('Alt+n');
    await page.locator('[data-field="receivedOn"]').waitFor();
    for (const a of apps) {
      await page.keyboard.type(a.typed);
      await page.keyboard.press('Tab'); // 申请人类型
      for (let k = 0; k < a.typeIndex; k++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab'); // 申请方式
      await page.keyboard.press('Tab'); // 登记编号 (proposed)
      await page.keyboard.press('Tab'); // 申请人
      await page.keyboard.type('某某');
      await page.keyboard.press('Tab'); // 申请内容
      await page.keyboard.type(`申请公开第${a.id}号事项`);
      await page.keyboard.press('Tab'); // 答复日期
      if (a.answered) await page.keyboard.type(a.answered);
      await page.keyboard.press('Tab'); // 办理结果
      for (let k = 0; k < a.position; k++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('app-saved')
        .filter({ hasText: `已保存 ${a.id}` })
        .waitFor();
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('register-counts').filter({ hasText: '共 30 件' }).waitFor();
    await page.screenshot({ path: join(shots, '1-register.png') });

    // What the store holds is what was typed.
    const listing = await hostApi(host, 'registerList', { year: 2025 });
    assert.deepEqual(
      listing.entries.map((e: { application: { id: string; receivedOn: string; applicantType: string; outcome: string; answeredOn: string } }) => [
        e.application.id,
        e.application.receivedOn,
        e.application.applicantType,
        e.application.outcome,
        e.application.answeredOn,
      ]),
      [...apps].sort((x, y) => (x.received + x.id < y.received + y.id ? -1 : 1)).map((a) => [a.id, a.received, a.type, a.outcome, a.answered]),
    );

    // 表二's 行政规范性文件 row from the list of documents, typed in the lists dialog.
    await page.getByRole('button', { name: '文件清单和案件' }).click();
    await page.getByRole('button', { name: '增加一件文件' }).click();
    const row = page.locator('[data-list-row="0"]');
    await row.getByLabel('文号').fill('某政规〔2025〕1号');
    await row.getByLabel('文件名称').fill('某某管理办法');
    await row.getByLabel('制发日期').fill('2025年3月1日');
    await page.getByRole('button', { name: '保存文件清单' }).click();
    await page.getByText('已保存 1 件文件').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await page.goto(`${host.url}#/report/${id}/proactive`);
    await page.getByTestId('list-panel-t2').getByRole('button', { name: '从规范性文件清单计算' }).click();
    await page.locator('[data-testid="list-panel-t2"][data-register-source="register"]').waitFor();
    assert.equal(await page.locator('[data-cell="t2.normative_documents.issued"]').inputValue(), '1');
    assert.equal(await page.locator('[data-cell="t2.normative_documents.in_force"]').inputValue(), '1');

    // Table 三 from the register.
    await page.goto(`${host.url}#/report/${id}/requests`);
    const panel = page.getByTestId('register-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-register-source'), 'hand');
    await panel.getByRole('button', { name: '从申请登记台账计算表三' }).click();
    await page.locator('[data-register-source="register"]').waitFor();
    for (const type of TYPES) {
      const of = apps.filter((a) => a.type === type);
      assert.equal(await page.locator(`[data-cell="t3.new_received.${type}"]`).inputValue(), String(of.length));
      assert.equal(await page.locator(`[data-cell="t3.carried_forward.${type}"]`).inputValue(), String(of.filter((a) => !a.outcome).length));
      assert.equal(await page.locator(`[data-cell="t3.granted.${type}"]`).inputValue(), String(of.filter((a) => a.outcome === 'granted').length));
    }
    assert.equal(await page.locator('[data-cell="t3.new_received.total"]').inputValue(), '30');

    // A cell clicked lists the applications behind it.
    await page.locator('[data-cell="t3.granted.natural_person"]').click();
    const sources = page.getByTestId('cell-applications');
    await sources.filter({ hasText: '由台账计算' }).waitFor();
    const expected = apps.filter((a) => a.type === 'natural_person' && a.outcome === 'granted').map((a) => a.id);
    assert.deepEqual(
      (await sources.locator('[data-source-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')))).sort(),
      expected.sort(),
    );
    assert.match(await sources.innerText(), new RegExp(`由台账计算（${expected.length} 件）`));
    await page.screenshot({ path: join(shots, '2-table3-from-register.png') });

    // The report exports (a 草稿 confirmation or the 按 0 印出 question, if any, accepted).
    await page.goto(`${host.url}#/report/${id}/export`);
    await page.getByTestId('export-button').waitFor();
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const confirm = page.getByTestId('export-confirm').or(page.getByTestId('blank-cells-zero'));
    if (await confirm.isVisible({ timeout: 3000 }).catch(() => false)) await confirm.click();
    const file = await downloaded;
    assert.match(file.suggestedFilename(), /\.docx$/);

    // The home screen lists the open applications, long overdue by now.
    await page.goto(`${host.url}#/`);
    const due = page.getByTestId('due-applications');
    await due.waitFor();
    assert.equal(await due.locator('[data-due-id]').count(), Math.min(8, apps.filter((a) => !a.outcome).length));
    assert.match(await due.innerText(), /已超过答复期限/);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});

test('5,000 applications: the register view keeps a few dozen rows in the page and reaches the last by keyboard', { timeout: 180_000 }, async () => {
  const data = tempDir('nianbao-e2e-register-big-');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  try {
    await hostApi(host, 'saveUnit', { name: '大台账镇人民政府', kind: 'township' });
    const applications = Array.from({ length: 5000 }, (_, i) => ({
      id: `2024-${String(i + 1).padStart(4, '0')}`,
      receivedOn: iso(2024, 1 + (i % 12), 1 + (i % 28)),
      applicantType: TYPES[i % 3],
      answeredOn: iso(2024, 1 + (i % 12), Math.min(28, 2 + (i % 28))),
      outcome: 'granted',
    }));
    await hostApi(host, 'registerImportCommit', { applications });
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    await page.goto(`${host.url}#/register/2024`);
    await page.getByTestId('register-counts').filter({ hasText: '共 5000 件' }).waitFor();
    const rows = page.locator('[data-app-id]');
    assert.ok((await rows.count()) < 60, `${await rows.count()} rows in the page`);
    await page.getByTestId('register-rows').focus();
    await page.keyboard.press('End');
    const last = [...applications].sort((x, y) => (x.receivedOn + x.id < y.receivedOn + y.id ? -1 : 1)).at(-1)!;
    await page.locator(`[data-app-id="${last.id}"][aria-selected="true"]`).waitFor();
    assert.ok((await rows.count()) < 60);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
