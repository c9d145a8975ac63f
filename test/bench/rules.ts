// Bench: how long the checks take on a full report (the clean 2025 township fixture). The 审核
// step re-runs them on every edit, so they must stay well under a millisecond. Prints figures only.
import { readFileSync } from 'node:fs';
import { checkReport } from '../../shared/check';
import type { ReportDoc } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { reviewDocument } from '../../shared/review/index';
import { evaluateTableRules } from '../../shared/rules/index';
import { summarise } from './stats';
import type { Summary } from './stats';

function load(name: string): ReportDoc {
  const r = parseReportFile(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.doc;
}

function measure(iterations: number, fn: () => unknown): Summary {
  for (let i = 0; i < 200; i++) fn(); // warm-up: JIT and the per-format caches
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) * 1000);
  }
  return summarise(times);
}

const fmt = (us: number) => `${us.toFixed(1)} µs`;

export async function benchRules(): Promise<string[]> {
  const doc = load('2025-clean.nianbao.json');
  const previous: ReportDoc = { ...structuredClone(doc), year: doc.year - 1 };
  const broken = load('2025-broken-balance.nianbao.json');
  const N = 2000;
  const lines: string[] = [];
  // A section edited before each run: its facts are read afresh (the other texts' facts are kept).
  const overview = doc.sections.overview ?? '';
  let edit = 0;
  const edited = () => ({ ...doc, sections: { ...doc.sections, overview: `${overview}${edit++}` } });
  const cases: [string, () => unknown][] = [
    ['checkReport(全部规则 + 审读), 2025-clean', () => checkReport(doc)],
    ['checkReport(…, 上年报告), 跨年度核对', () => checkReport(doc, previous)],
    ['checkReport, 刚修改过「一、总体情况」（该段重新读取事实）', () => checkReport(edited())],
    ['reviewDocument(仅审读), 2025-clean', () => reviewDocument(doc)],
    ['reviewDocument(…, 上年报告), 2025-clean', () => reviewDocument(doc, previous)],
    ['evaluateTableRules(仅表格规则), 2025-clean', () => evaluateTableRules(doc, previous)],
    ['evaluateTableRules(仅表格规则), 勾稽不平衡', () => evaluateTableRules(broken)],
  ];
  const results = new Map<string, Summary>();
  for (const [name, fn] of cases) {
    const m = measure(N, fn);
    results.set(name, m);
    lines.push(`  ${name}: median ${fmt(m.median)}, p95 ${fmt(m.p95)}, max ${fmt(m.max)} (N=${N})`);
  }
  // A reference measured in the same run, so that a loaded or slow machine shows as such: reading
  // the same report file (JSON.parse of its text) is work of the same order on any machine.
  const file = readFileSync(new URL('../fixtures/reports/2025-clean.nianbao.json', import.meta.url), 'utf8');
  const ref = measure(N, () => JSON.parse(file));
  lines.push(`  参照（同一次运行）：JSON.parse 同一报告文件: median ${fmt(ref.median)}, p95 ${fmt(ref.p95)} (N=${N})`);
  const full = results.get(cases[0]![0])!;
  const afterEdit = results.get(cases[2]![0])!;
  lines.push(
    `  目标（issue 19）：checkReport 中位数 ≤ 200 µs：本次 ${fmt(full.median)}（参照的 ${(full.median / ref.median).toFixed(1)} 倍）${full.median <= 200 ? '✓' : '✗'}；` +
      `修改后第一次校验 p95 ≤ 1000 µs：本次 ${fmt(afterEdit.p95)}（中位数 ${fmt(afterEdit.median)}，参照的 ${(afterEdit.median / ref.median).toFixed(1)} 倍）${afterEdit.p95 <= 1000 ? '✓' : '✗'}`,
  );
  return lines;
}

// Run directly: node --import tsx test/bench/rules.ts
if (import.meta.url === `file://${process.argv[1]}`) for (const l of await benchRules()) console.log(l);
