// Bench: table 三 recounted from a register of 5,000 applications after one edit (target ≤ 20 ms,
// issue 24), pure and through the API over a real SQLite file (the edit saved, then the count with
// deadlines and summary), beside a reference measured in the same run: the table rules over the
// counted report. Prints figures only.
import { createApi } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import { getFormat } from '../../shared/formats/index';
import { ReportDocSchema } from '../../shared/report';
import { WorkCalendar } from '../../shared/register/deadline';
import { ApplicationSchema, type Application } from '../../shared/register/model';
import { countRegister } from '../../shared/register/summary';
import { computeTable3 } from '../../shared/register/table3';
import { evaluateTableRules } from '../../shared/rules/index';
import { hostApi, launchBrowser, startHost } from '../support/index';
import { tempDir } from '../support/temp';
import { summarise } from './stats';

const N = 5000;
const TARGET_MS = 20;

function register(): Application[] {
  const format = getFormat('gov-2021');
  const types = format.t3.columns.filter((c) => !c.derived).map((c) => c.key);
  const outcomes = format.t3.rows.filter((r) => r.outcome).map((r) => r.key);
  return Array.from({ length: N }, (_, i) => {
    const received = new Date(Date.UTC(2024, 6, 1 + Math.floor((i * 540) / N))).toISOString().slice(0, 10);
    const answered = i % 7 === 0 ? '' : new Date(Date.UTC(2024, 6, 1 + Math.floor((i * 540) / N) + 5 + (i % 30))).toISOString().slice(0, 10);
    return ApplicationSchema.parse({
      id: `R${i + 1}`,
      receivedOn: received,
      applicantType: types[i % types.length],
      answeredOn: answered,
      outcome: answered ? outcomes[i % outcomes.length] : '',
      extended: i % 11 === 0,
    });
  });
}

function timeIt(runs: number, fn: (i: number) => unknown): ReturnType<typeof summarise> {
  for (let i = 0; i < 5; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return summarise(times);
}

const ms = (s: ReturnType<typeof summarise>) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;

export async function benchRegister(): Promise<string[]> {
  const format = getFormat('gov-2021');
  const apps = register();
  const calendar = new WorkCalendar();
  const edit = (i: number) => {
    const j = (i * 37) % N;
    const copy = apps.slice();
    copy[j] = { ...copy[j]!, applicantType: copy[(j + 1) % N]!.applicantType };
    return copy;
  };
  const lines: string[] = [`  目标：一次修改后重新计算表三 ≤ ${TARGET_MS} ms（${N} 件申请）`];
  lines.push(`  computeTable3（纯计算，修改一件后）: ${ms(timeIt(100, (i) => computeTable3(edit(i), 2025, format)))}`);
  lines.push(`  countRegister（表三 + 逾期判断 + 摘要）: ${ms(timeIt(50, (i) => countRegister(edit(i), 2025, 'gov-2021', calendar, '2026-01-10')))}`);

  const dir = tempDir('bench-register');
  const store = await openStore(dir.path, { backupAtOpen: false });
  try {
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path, now: () => new Date('2026-01-10T10:00:00').getTime() });
    await handleApiCall('saveUnit', { name: '测速镇人民政府', kind: 'township' });
    const report = await handleApiCall('createReport', { year: 2025, formatId: 'gov-2021' });
    if (!report.ok) throw new Error(report.error.message);
    const reportId = (report.value as { id: number }).id;
    await handleApiCall('registerImportCommit', { applications: apps });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const a = apps[(i * 101) % N]!;
      const t0 = performance.now();
      const saved = await handleApiCall('registerSave', { application: { ...a, notes: `第${i}次修改` }, previousId: a.id });
      const counted = await handleApiCall('registerTable3', { reportId });
      times.push(performance.now() - t0);
      if (!saved.ok || !counted.ok) throw new Error('API 调用失败');
    }
    lines.push(`  API：保存一件（写入 SQLite）+ 重新计算 ${N} 件（registerSave + registerTable3）: ${ms(summarise(times))}`);
  } finally {
    store.close();
    dir.cleanup();
  }
  const counted = computeTable3(apps, 2025, format);
  const doc = ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit: { name: '测速镇人民政府', kind: 'township' }, cells: counted.cells });
  lines.push(`  参照（同一次运行）：evaluateTableRules 校验计算出的报告: ${ms(timeIt(200, () => evaluateTableRules(doc)))}`);
  return lines;
}

/**
 * The register view scrolled through 5,000 rows in headless Chromium: the intervals between painted
 * frames while the list scrolls by steps of 300 px each frame, beside the same page left idle (the
 * machine's own frame pace, measured in the same run). Needs the built page (dist/).
 */
export async function benchRegisterScroll(): Promise<string[]> {
  const data = tempDir('bench-register-scroll');
  const host = await startHost({ dataDir: data.path });
  const browser = await launchBrowser();
  try {
    await hostApi(host, 'saveUnit', { name: '测速镇人民政府', kind: 'township' });
    await hostApi(host, 'registerImportCommit', { applications: register() });
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${host.url}#/register/2025`);
    await page.getByTestId('register-counts').filter({ hasText: '共' }).waitFor();
    const frames = (scroll: boolean) =>
      page.evaluate(async (scroll) => {
        const box = document.querySelector('[data-testid="register-rows"]') as HTMLElement;
        const gaps: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 120; i++) {
          await new Promise<void>((r) =>
            requestAnimationFrame(() => {
              const t = performance.now();
              gaps.push(t - last);
              last = t;
              if (scroll) box.scrollTop = (box.scrollTop + 300) % box.scrollHeight;
              r();
            }),
          );
        }
        return { gaps, rows: document.querySelectorAll('[data-app-id]').length };
      }, scroll);
    const idle = await frames(false);
    const scrolled = await frames(true);
    const over = (g: number[]) => g.filter((x) => x > 1000 / 30).length;
    return [
      `  空闲页面的帧间隔（参照）: ${ms(summarise(idle.gaps))}`,
      `  滚动 5000 行台账的帧间隔: ${ms(summarise(scrolled.gaps))}；超过 33 ms 的帧 ${over(scrolled.gaps)} / ${scrolled.gaps.length}（空闲时 ${over(idle.gaps)}）；页面中的行 ${scrolled.rows}`,
    ];
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
}

// Run directly: node --import tsx test/bench/register.ts
if (import.meta.url === `file://${process.argv[1]}`) for (const l of [...(await benchRegister()), ...(await benchRegisterScroll())]) console.log(l);
