// Bench: typing into table 三 in headless Chromium through the real browser host. Measures, in the
// page, from the key press (the event's timestamp) to the frame in which the updated （七）总计 is
// painted: a rAF callback that sees the new value, then a task posted from it, which runs once the
// page has finished that frame (style, layout, paint, commit to the compositor; raster and draw
// follow off the main thread). Keys are paced like a clerk typing (so the deferred checks run
// between keys, as they would), and each frame is placed on the 60 Hz clock to count missed
// frames. The same keys are then typed into a bare page (a fixed table of 161 inputs and a
// five-line script that adds them up) in the same browser: what this machine and Chromium cost
// anyway, so the program's own share is the difference. Prints figures only.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumExecutable, launchBrowser, startHost } from '../support/index';
import { summarise } from './stats';

const KEYS = Number(process.env.BENCH_KEYS) || 120;
const PACE_MS = Number(process.env.BENCH_PACE_MS) || 120;
const FRAME_MS = 1000 / 60;
const WATCHED = 't3.total_processed.total';
const TYPED_INTO = ['t3.granted.natural_person', 't3.partial_grant.commercial_enterprise', 't3.denied_third_party.other'];

/** The test browser, or one whose frames are not held to a 60 Hz clock (to see the program's own part). */
async function browserFor(unthrottled: boolean): Promise<Browser> {
  if (!unthrottled) return launchBrowser();
  const { executablePath, args } = await chromiumExecutable();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...args, '--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
}

interface Sample {
  t0: number;
  dom: number;
  raf: number;
  painted: number;
  changed: boolean;
  frames: number;
  tick: number;
}

/** A bare page: a fixed table of value inputs and a total kept by a five-line script. */
const BARE_PAGE = `<!doctype html><meta charset="utf-8"><style>table{width:100%;border-collapse:collapse;table-layout:fixed}td{border:1px solid #8f9aa7;padding:0;height:30px}
input{display:block;width:100%;height:30px;border:0;padding:0 8px;text-align:right;contain:strict}</style><table>${Array.from(
  { length: 20 },
  (_, r) => `<tr>${Array.from({ length: 8 }, (_, c) => `<td><input class="v" data-cell="r${r}c${c}"></td>`).join('')}</tr>`,
).join('')}<tr><td><input readonly data-cell="total" value="0"></td></tr></table>
<script>document.addEventListener('input', () => { let s = 0; for (const i of document.querySelectorAll('input.v')) s += Number(i.value) || 0; document.querySelector('[data-cell=total]').value = String(s); });</script>`;

/** Types KEYS keys into the given cells, paced like a clerk; the samples of the keys that changed the watched figure. */
async function typeAndMeasure(page: Page, watched: string, typedInto: string[]): Promise<Sample[]> {
  // The page reports each painted sample through a binding: waiting for it sends nothing to the
  // page (an evaluate right before or after the key is itself a task that can request a frame).
  let painted = () => {};
  await page.exposeFunction('__painted', () => painted());
  await page.evaluate(`(() => {
    window.__samples = [];
    const total = document.querySelector('[data-cell="${watched}"]');
    let current = null;
    // After React's own listener (on the root element) has run: the DOM holds the new figures.
    window.addEventListener('input', () => { if (current && current.dom === 0) current.dom = performance.now(); });
    document.addEventListener('keydown', (e) => {
      const sample = { t0: e.timeStamp, dom: 0, raf: 0, painted: 0, changed: false, frames: 0, tick: 0 };
      current = sample;
      const before = total.value;
      let frames = 0;
      // ts: the frame clock's tick this frame belongs to
      const onFrame = (ts) => {
        if (total.value === before && frames++ < 30) return void requestAnimationFrame(onFrame);
        sample.raf = performance.now();
        sample.frames = frames;
        sample.tick = ts;
        sample.changed = total.value !== before;
        // A user-blocking task posted from the frame's rAF runs as soon as that frame's rendering
        // (style, layout, paint, commit) is done, ahead of queued timers.
        const done = () => { sample.painted = performance.now(); window.__samples.push(sample); window.__painted(); };
        if (window.scheduler && scheduler.postTask) scheduler.postTask(done, { priority: 'user-blocking' });
        else { const ch = new MessageChannel(); ch.port1.onmessage = done; ch.port2.postMessage(0); }
      };
      requestAnimationFrame(onFrame);
    }, true);
  })()`);

  // Each key changes the total: a digit replaces the selected figure, Backspace clears it. Keys
  // are paced like a person's: a pause after moving to a cell, and the key released once its
  // frame is painted (a finger lifts 50-150 ms after the press). A keyup sent at once, as
  // keyboard.press does, can land right after the frame; Chromium then holds back the page's
  // tasks, the marker above included, until the next frame (DeferRendererTasksAfterInput): the
  // figure was on screen, the marker a frame late.
  for (let i = 0; i < KEYS; i++) {
    const key = i % 2 === 0 ? String((i % 9) + 1) : 'Backspace';
    if (i % 2 === 0) {
      await page.locator(`[data-cell="${typedInto[(i / 2) % typedInto.length]}"]`).focus();
      await page.waitForTimeout(PACE_MS);
    }
    const done = new Promise<void>((resolve) => (painted = resolve));
    await page.keyboard.down(key);
    // A key whose frame never came is counted below as not updated, not waited for forever.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await page.keyboard.up(key);
    await page.waitForTimeout(PACE_MS);
  }
  // Clicks/focus are not measured: only the keydowns registered above.
  return (await page.evaluate('window.__samples')) as Sample[];
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

    const samples = await typeAndMeasure(page, WATCHED, TYPED_INTO);
    await page.close();
    // The reference: the same keys into a bare page in the same browser.
    const bare = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await bare.setContent(BARE_PAGE);
    const floor = await typeAndMeasure(bare, 'total', ['r3c2', 'r9c5', 'r15c7']);
    const ok = samples.filter((x) => x.changed && x.dom > 0);
    if (!ok.length) throw new Error('没有测到任何一次按键（总计没有变化）');
    const stats = (xs: number[]) => {
      const { median, p95, max } = summarise(xs);
      return `中位数 ${median.toFixed(1)} ms，p95 ${p95.toFixed(1)} ms，最大 ${max.toFixed(1)} ms`;
    };
    const total = ok.map((x) => x.painted - x.t0);
    const work = ok.map((x) => x.dom - x.t0 + (x.painted - x.raf));
    // Frames missed: the frame clock ticks every FRAME_MS on the grid of the rAF timestamps. The
    // total is due in the frame of the first tick after the key (or an earlier frame that had not
    // yet run), done before the tick after that; every further tick it takes, or a rAF that still
    // showed the old total, is a missed frame.
    const missed = ok.map((x) => {
      const firstTick = x.tick + Math.max(0, Math.ceil((x.t0 - x.tick) / FRAME_MS)) * FRAME_MS;
      return x.frames + Math.max(0, Math.ceil((x.painted - firstTick) / FRAME_MS) - 1);
    });
    const within = (lo: number, hi: number) => total.filter((t) => t > lo && t <= hi).length;
    const bareOk = floor.filter((x) => x.changed && x.dom > 0);
    const bareTotal = bareOk.map((x) => x.painted - x.t0);
    const [app, ref] = [summarise(total), summarise(bareTotal)];
    return [
      unthrottled
        ? '  —— 同上，但浏览器不按 60 Hz 帧时钟出帧（--disable-gpu-vsync --disable-frame-rate-limit）：只剩本程序自己的耗时 ——'
        : '  —— 常规无头浏览器（60 Hz 帧时钟）——',
      `  按键 ${ok.length} 次（数字与退格交替，三个格子轮换；换格后和每次松键后停 ${PACE_MS} ms），总计未更新 ${KEYS - ok.length} 次`,
      `  按键 → 更新后的“（七）总计·总计”绘制完成${unthrottled ? '' : '（含等待下一帧，60 Hz 下最多 16.7 ms）'}：${stats(total)}`,
      `  其中本程序的工作（按键处理到 DOM 更新 + 该帧的样式、布局、绘制）：${stats(work)}`,
      `  按键 → DOM 中总计已更新：${stats(ok.map((x) => x.dom - x.t0))}`,
      `  该帧的样式、布局、绘制（rAF → 绘制完成）：${stats(ok.map((x) => x.painted - x.raf))}`,
      ...(unthrottled
        ? []
        : [
            `  按键 → 所在帧的时钟节拍（等帧时钟；帧已在等待中、节拍早于按键的记作 0）：${stats(ok.map((x) => Math.max(0, x.tick - x.t0)))}`,
            `  所在帧的节拍 → 绘制完成：${stats(ok.map((x) => x.painted - Math.max(x.tick, x.t0)))}`,
            `  在按键后的第一帧绘制完成（未错过帧）${missed.filter((n) => n === 0).length} 次，错过一帧 ${missed.filter((n) => n === 1).length} 次，错过两帧以上 ${missed.filter((n) => n > 1).length} 次`,
          ]),
      `  按键到绘制完成：一帧（${FRAME_MS.toFixed(1)} ms）之内 ${within(0, FRAME_MS)} 次，一到两帧 ${within(FRAME_MS, 2 * FRAME_MS)} 次，超过两帧 ${within(2 * FRAME_MS, Infinity)} 次`,
      `  参照：同一浏览器、同样的按键，打在只有 161 个输入框和五行求和脚本的空白页面上（本机与 Chromium 本身的耗时），按键 → 绘制完成：${stats(bareTotal)}（${bareOk.length} 次）`,
      `  本程序多出的部分（本程序减参照）：中位数 ${(app.median - ref.median).toFixed(1)} ms，p95 ${(app.p95 - ref.p95).toFixed(1)} ms`,
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
