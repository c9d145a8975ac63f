// `npm run eval`: the checker measured on the corpus (issue 19 §1). Prints every warning and error
// on the clean reports (each is a false alarm, with its sentence), then per class of planted
// mistake caught / planted, the catches by 提示 only, and every miss with its sentence.
//
//   npm run eval [-- --diff] [-- --update] [--clean DIR] [--mistakes FILE] [--brief]
//   --diff    compare this run's findings with test/corpus/findings.snapshot.json and print what changed
//   --update  rewrite the snapshot with this run's findings
//   --baseline  rewrite test/corpus/baseline.json (the caught counts test/unit/corpus.test.ts holds) with this run's
//   --brief   only the summary (the table and the counts)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSES, CORPUS_DIR, loadClean, loadPlanted, runEval, type EvalResult } from './lib';

const SNAPSHOT = join(CORPUS_DIR, 'findings.snapshot.json');

type Snapshot = { clean: Record<string, string[]>; mistakes: Record<string, string[]> };

/** What the snapshot keeps of a run: per clean report its findings, per mistake what caught it. */
export function snapshotOf(r: EvalResult): Snapshot {
  const clean: Record<string, string[]> = {};
  for (const c of r.clean) clean[c.name] = [...c.alarms, ...c.info].map((f) => `${f.severity} ${f.rule} ${f.where || f.message.slice(0, 40)}`).sort();
  const mistakes: Record<string, string[]> = {};
  for (const m of r.mistakes) {
    const by = m.caught.length ? m.caught : m.infoOnly;
    mistakes[m.planted.id] = by.length ? [...new Set(by.map((f) => `${f.severity} ${f.rule}`))].sort() : ['miss'];
  }
  return { clean, mistakes };
}

function diff(before: Snapshot, now: Snapshot): string[] {
  const out: string[] = [];
  for (const part of ['clean', 'mistakes'] as const) {
    const keys = new Set([...Object.keys(before[part] ?? {}), ...Object.keys(now[part])]);
    for (const k of [...keys].sort()) {
      const a = new Set(before[part]?.[k] ?? []);
      const b = new Set(now[part][k] ?? []);
      const gone = [...a].filter((x) => !b.has(x));
      const added = [...b].filter((x) => !a.has(x));
      if (!gone.length && !added.length) continue;
      out.push(`${part === 'clean' ? '干净报告' : '错误'} ${k}`);
      for (const x of gone) out.push(`  - ${x}`);
      for (const x of added) out.push(`  + ${x}`);
    }
  }
  return out;
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)}%` : '—';
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const brief = args.includes('--brief');
  const clean = loadClean(opt('--clean'));
  const planted = loadPlanted(opt('--mistakes'));
  const r = runEval(clean, planted);

  console.log(`== 干净报告 ${r.clean.length} 份：每个警告、错误都是误报`);
  let alarms = 0;
  for (const c of r.clean) {
    alarms += c.alarms.length;
    if (!c.alarms.length) {
      if (!brief) console.log(`✓ ${c.name}: 0 个警告/错误（${c.info.length} 条提示）`);
      continue;
    }
    console.log(`✗ ${c.name}: ${c.alarms.length} 个警告/错误（${c.info.length} 条提示）`);
    if (brief) continue;
    for (const f of c.alarms) {
      console.log(`  [${f.severity}] ${f.rule} ${f.message.slice(0, 160)}`);
      if (f.where) console.log(`      句子：${f.where}`);
    }
  }
  const withAlarms = r.clean.filter((c) => c.alarms.length).length;
  console.log(`误报：${alarms} 个，在 ${withAlarms} / ${r.clean.length} 份干净报告中`);

  if (!brief) {
    const infoOnly = r.mistakes.filter((m) => !m.caught.length && m.infoOnly.length);
    if (infoOnly.length) console.log(`\n== 只以提示指出的错误 ${infoOnly.length} 个`);
    for (const m of infoOnly) console.log(`  ${m.planted.class} ${m.planted.id}: ${m.infoOnly[0]!.rule}  ${m.sentence}`);
    const misses = r.mistakes.filter((m) => !m.caught.length && !m.infoOnly.length);
    console.log(`\n== 漏掉的错误 ${misses.length} 个`);
    for (const cls of CLASSES) for (const m of misses.filter((x) => x.planted.class === cls)) console.log(`  ${cls} ${m.planted.id}: ${m.sentence}`);
  }

  console.log(`\n== 各类错误：指出（警告/错误）/ 植入`);
  console.log(`${'类别'.padEnd(18)}${'指出'.padStart(6)}${'植入'.padStart(6)}${'比例'.padStart(8)}${'仅提示'.padStart(6)}`);
  let caught = 0;
  let total = 0;
  for (const [cls, c] of Object.entries(r.classes)) {
    caught += c.caught;
    total += c.planted;
    console.log(
      `${cls.padEnd(20)}${String(c.caught).padStart(6)}${String(c.planted).padStart(8)}${pct(c.caught, c.planted).padStart(9)}${String(c.infoOnly).padStart(8)}`,
    );
  }
  console.log(`${'all'.padEnd(20)}${String(caught).padStart(6)}${String(total).padStart(8)}${pct(caught, total).padStart(9)}`);
  console.log(`误报（干净报告上的警告和错误）：${alarms}`);

  const now = snapshotOf(r);
  if (args.includes('--diff')) {
    if (!existsSync(SNAPSHOT)) console.log('\n（还没有快照：先运行 npm run eval -- --update）');
    else {
      const changes = diff(JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot, now);
      console.log(`\n== 与快照相比的变化：${changes.length ? '' : '没有'}`);
      for (const line of changes) console.log(line);
    }
  }
  if (args.includes('--baseline')) {
    const baseline = Object.fromEntries(Object.entries(r.classes).map(([cls, c]) => [cls, c.caught]));
    writeFileSync(join(CORPUS_DIR, 'baseline.json'), `${JSON.stringify(baseline, null, 2)}\n`);
    console.log(`\n基线已更新：${join(CORPUS_DIR, 'baseline.json')}`);
  }
  if (args.includes('--update')) {
    writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 1)}\n`);
    console.log(`\n快照已更新：${SNAPSHOT}`);
  }
}

main();
