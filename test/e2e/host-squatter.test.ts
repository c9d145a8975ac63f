// Issue 20, item 2, in a real browser: the program is closed and another program takes its port
// (a squatter that records everything and answers 200 OK). The open page sends it no token and no
// edit, never shows 已保存, says what happened; when the real program is back the edit is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir, hostApi, launchBrowser, startHost, startSquatter, tempDir } from '../support/index';

const shots = artifactsDir('host-squatter');
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

test('browser mode: a squatter on the port gets no token and no edit, 已保存 is never shown, the real host gets the edit', { timeout: 120_000 }, async () => {
  const data = tempDir('nianbao-e2e-squat-');
  let host = await startHost({ dataDir: data.path, port: 'remembered' });
  const browser = await launchBrowser();
  try {
    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const r = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
    await page.goto(`${host.url}#/report/${r.id}/requests`);
    await cell(page, 't3.granted.natural_person').waitFor();
    assert.ok(!page.url().includes(host.token), 'the token leaves the address bar at once');
    assert.ok(page.url().endsWith(`#/report/${r.id}/requests`), 'the route stays');
    const token = host.token;
    const port = host.port;

    await host.stop();
    const squatter = await startSquatter(port);
    let saveStates: string[] = [];
    try {
      await cell(page, 't3.granted.natural_person').click();
      await page.keyboard.type('7');
      const banner = page.locator('[data-save-error]');
      await banner.waitFor();
      assert.match(await banner.innerText(), /无法证明它就是“年报编制助手”[\s\S]*没有向它发送任何内容[\s\S]*1 处修改还没有保存/);
      await page.screenshot({ path: join(shots, 'squatter-banner.png') });
      // Retries go on against the squatter for a while: never 已保存.
      for (let i = 0; i < 30; i++) {
        saveStates.push((await page.locator('[data-save-state]').getAttribute('data-save-state')) ?? '');
        await page.waitForTimeout(100);
      }
    } finally {
      await squatter.close();
    }
    saveStates = [...new Set(saveStates)];
    assert.ok(!saveStates.includes('saved'), `已保存 never shown while the squatter answers (${saveStates.join(',')})`);
    const received = squatter.received();
    assert.ok(
      squatter.requests.some((q) => q.url === '/auth/hello'),
      'the page did ask it to prove itself',
    );
    assert.deepEqual(
      squatter.requests.filter((q) => q.url.startsWith('/api/')).map((q) => q.url),
      [],
      '0 API calls (edits) sent to the squatter',
    );
    assert.ok(!received.includes(token), '0 tokens sent to the squatter');
    assert.ok(!received.includes('natural_person'), 'no edit in anything it received');

    host = await startHost({ dataDir: data.path, port: 'remembered' });
    assert.equal(host.port, port);
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    assert.equal((await hostApi(host, 'getReport', { id: r.id })).doc.cells['t3.granted.natural_person'], 7, 'stored by the real host');
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
});
