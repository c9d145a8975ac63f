// Bench: typing into table 三 in headless Chromium through the real browser host. Measures, in the
// page, from the key press (the event's timestamp) to the frame in which the updated （七）总计 is
// painted: a rAF callback that sees the new value, then a message posted from it, which runs once
// that frame has been presented. Keys are paced like a clerk typing (so the deferred checks run
// between keys, as they would). Prints figures only.
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, launchBrowser, startHost } from '../support/index';

const KEYS = Number(process.env.BENCH_KEYS) || 120;
const PACE_MS = Number(process.env.BENCH_PACE_MS) || 120;
const WATCHED = 't3.total_processed.total';
const TYPED_INTO = ['t3.granted.natural_person', 't3.partial_grant.commercial_enterprise', 't3.denied_third_party.other'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** The test browser, or one whose frames are not held to a 60 Hz clock (to see the program's own part). */
async function browserFor(unthrottled: boolean): Promise<Browser> {
  if (!unthrottled) return launchBrowser();
  const { executablePath, args } = await chromiumExecutable();
  return chromium.launch({ executablePath, headless: true, args: [...args, '--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
}

export async function benchTyping(): Promise<string[]> {
  if (process.env.BENCH_UNTHROTTLED_ONLY) return run(true);
  return [...(await run(false)), ...(await run(true))];
}

async function run(unthrottled: boolean): Promise<string[]> {
  const host = await startHost();
  const browser = await browserFor(unthrottled);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    // A unit and a report through the API the page itself uses. (Scripts are passed as text: the
    // TypeScript loader would wrap named functions in a helper the page does not have.)
    const reportId = (await page.evaluate(`(async () => {
      const call = async (method, body) => {
        const res = await fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': ${JSON.stringify(host.token)} }, body: JSON.stringify(body) });
        const r = await res.json();
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      await call('saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
      const report = await call('createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
      return report.id;
    })()`)) as number;
    await page.goto(`${host.url}#/report/${reportId}/requests`);
    await page.reload();
    await page.locator(`[data-cell="${WATCHED}"]`).waitFor();

    await page.evaluate(`(() => {
      window.__samples = [];
      const total = document.querySelector('[data-cell="${WATCHED}"]');
      let current = null;
      // After React's own listener (on the root element) has run: the DOM holds the new figures.
      window.addEventListener('input', () => { if (current && current.dom === 0) current.dom = performance.now(); });
      document.addEventListener('keydown', (e) => {
        const sample = { t0: e.timeStamp, dom: 0, raf: 0, painted: 0, changed: false };
        current = sample;
        const before = total.value;
        let frames = 0;
        const onFrame = (ts) => {
          if (total.value === before && frames++ < 30) return void requestAnimationFrame(onFrame);
          sample.raf = performance.now();
          sample.changed = total.value !== before;
          // A user-blocking task posted from the frame's rAF runs as soon as that frame's rendering
          // (style, layout, paint) is done, ahead of queued timers.
          const done = () => { sample.painted = performance.now(); window.__samples.push(sample); };
          if (window.scheduler && scheduler.postTask) scheduler.postTask(done, { priority: 'user-blocking' });
          else { const ch = new MessageChannel(); ch.port1.onmessage = done; ch.port2.postMessage(0); }
        };
        requestAnimationFrame(onFrame);
      }, true);
    })()`);

    // Each key changes the total: a digit replaces the selected figure, Backspace clears it.
    for (let i = 0; i < KEYS; i++) {
      if (i % 2 === 0) {
        await page.locator(`[data-cell="${TYPED_INTO[(i / 2) % TYPED_INTO.length]}"]`).focus();
        await page.keyboard.press(String((i % 9) + 1));
      } else await page.keyboard.press('Backspace');
      await page.waitForTimeout(PACE_MS);
    }
    // Clicks/focus are not measured: only the keydowns registered above.
    const samples = (await page.evaluate('window.__samples')) as { t0: number; dom: number; raf: number; painted: number; changed: boolean }[];
    const ok = samples.filter((x) => x.changed && x.dom > 0);
    if (!ok.length) throw new Error('没有测到任何一次按键（总计没有变化）');
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return `中位数 ${percentile(sorted, 0.5).toFixed(1)} ms，p95 ${percentile(sorted, 0.95).toFixed(1)} ms，最大 ${sorted[sorted.length - 1].toFixed(1)} ms`;
    };
    const total = ok.map((x) => x.painted - x.t0);
    const work = ok.map((x) => x.dom - x.t0 + (x.painted - x.raf));
    return [
      unthrottled ? '  —— 同上，但浏览器不按 60 Hz 帧时钟出帧（--disable-gpu-vsync --disable-frame-rate-limit）：只剩本程序自己的耗时 ——' : '  —— 常规无头浏览器（60 Hz 帧时钟）——',
      `  按键 ${ok.length} 次（每 ${PACE_MS} ms 一次，数字与退格交替，三个格子轮换），总计未更新 ${samples.length - ok.length} 次`,
      `  按键 → 更新后的“（七）总计·总计”绘制完成${unthrottled ? '' : '（含等待下一帧，60 Hz 下最多 16.7 ms）'}：${stats(total)}`,
      `  其中本程序的工作（按键处理到 DOM 更新 + 该帧的样式、布局、绘制）：${stats(work)}`,
      `  按键 → DOM 中总计已更新：${stats(ok.map((x) => x.dom - x.t0))}`,
      `  该帧的样式、布局、绘制（rAF → 绘制完成）：${stats(ok.map((x) => x.painted - x.raf))}`,
      `  （测量：keydown 事件时间戳；window 上的 input 监听器；看到新值的 requestAnimationFrame；从它发出的 user-blocking 任务 = 该帧绘制完成）`,
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchTyping()) console.log(line);
}
