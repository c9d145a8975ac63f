// Bench: from starting the browser host to a usable first screen (the report list, its 新建年度报告
// button ready and the reports listed) and to a usable table 三 (a figure typed into a cell shows
// in （七）总计). Each round starts the host afresh on the same data folder and opens the page in a
// new browser context (no cache). Wall clock in this process; the browser is launched once before
// (a clerk's browser is already running). Also page navigation inside the app (a report → the
// report list) and, as references measured in the same run, a bare Node process start and the
// same browser loading the page's own index.html. Prints figures only (targets: first screen
// median ≤ 1.0 s, navigation median ≤ 0.5 s; issue 23).
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchBrowser, startHost, tempDir, hostApi, projectNode } from '../support/index';
import { summarise } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 9;

export async function benchFirstScreen(): Promise<string[]> {
  const data = tempDir('nianbao-bench-first-');
  const browser: Browser = await launchBrowser();
  let reportId: number;
  try {
    const setup = await startHost({ dataDir: data.path });
    await hostApi(setup, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    reportId = (await hostApi(setup, 'createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null })).id;
    await setup.stop();

    const toHost: number[] = [];
    const toList: number[] = [];
    const listInPage: number[] = [];
    const toTable: number[] = [];
    const navigation: number[] = [];
    const bareNode: number[] = [];
    const bareHtml: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const n0 = performance.now();
      spawnSync(projectNode(), ['-e', '']);
      bareNode.push(performance.now() - n0);
      const t0 = performance.now();
      const host = await startHost({ dataDir: data.path });
      toHost.push(performance.now() - t0);
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        // Marked in the page the moment the list shows a report (no polling delay in the figure).
        await page.addInitScript(
          `new MutationObserver(() => { if (!window.__usable && document.querySelector('[data-report-year]')) window.__usable = performance.now(); }).observe(document, { subtree: true, childList: true });`,
        );
        await page.goto(host.url, { waitUntil: 'commit' });
        await page.locator('[data-report-year="2025"]').waitFor();
        await page.getByRole('button', { name: '新建年度报告' }).waitFor();
        toList.push(performance.now() - t0);
        listInPage.push((await page.evaluate('window.__usable')) as number);
        // Page navigation: into the report and back to the list (the list loads its reports again).
        await page.getByRole('button', { name: '打开2025年报告' }).click();
        await page.locator('[data-field="title"]').waitFor();
        const n1 = performance.now();
        await page.getByRole('button', { name: '← 报告列表' }).click();
        await page.locator('[data-report-year="2025"]').waitFor();
        await page.getByRole('button', { name: '新建年度报告' }).waitFor();
        navigation.push(performance.now() - n1);
        // Reference: the same browser loading the page's index.html alone (no script run).
        const h0 = performance.now();
        const bare = await context.newPage();
        await bare.route('**/*.js', (route) => route.abort());
        await bare.goto(host.url, { waitUntil: 'load' });
        bareHtml.push(performance.now() - h0);
        await context.close();

        // The same start, straight into table 三 (the clerk was there last time).
        await host.stop();
        const t1 = performance.now();
        const again = await startHost({ dataDir: data.path });
        try {
          const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
          const p = await ctx.newPage();
          p.setDefaultTimeout(20_000);
          await p.goto(`${again.url}#/report/${reportId}/requests`, { waitUntil: 'commit' });
          const input = p.locator('[data-cell="t3.granted.natural_person"]');
          await input.click();
          await p.keyboard.type(String((i % 8) + 1));
          await p.waitForFunction(
            (v) => (document.querySelector('[data-cell="t3.total_processed.total"]') as HTMLInputElement | null)?.value === v,
            String((i % 8) + 1),
          );
          toTable.push(performance.now() - t1);
          await p.keyboard.press('Backspace');
          await p.locator('[data-save-state="saved"]').waitFor();
          await ctx.close();
        } finally {
          await again.stop();
        }
      } finally {
        await host.stop();
      }
    }
    const fmt = (xs: number[]) => {
      const { median, p95, max } = summarise(xs);
      return `中位数 ${median.toFixed(0)} ms，p95 ${p95.toFixed(0)} ms，最大 ${max.toFixed(0)} ms`;
    };
    return [
      `  ${ROUNDS} 轮；每轮重新启动程序服务（同一数据文件夹，1 份报告），新的浏览器上下文（无缓存）`,
      `  启动程序服务 → 打印网址：${fmt(toHost)}`,
      `  启动程序服务 → 首屏可用（报告列表已列出报告，“新建年度报告”可点）：${fmt(toList)}`,
      `  其中页面内（导航开始 → 报告列表出现，页面自己记时）：${fmt(listInPage)}`,
      `  启动程序服务 → 表三可用（在格子里输入一个数字，（七）总计随之更新）：${fmt(toTable)}`,
      `  页面切换：报告 → 报告列表可用（点“← 报告列表”到列出报告）：${fmt(navigation)}（目标中位数 ≤ 500 ms）`,
      `  参照（同一轮测）：启动一个空的 Node 进程：${fmt(bareNode)}；同一浏览器只载入 index.html（不运行脚本）：${fmt(bareHtml)}`,
      `  目标：启动程序服务 → 首屏可用 中位数 ≤ 1000 ms`,
    ];
  } finally {
    await browser.close();
    data.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchFirstScreen()) console.log(line);
}
