// The held-out measure of the checker (issue 19): reports and mistakes written by someone who saw
// neither the rules nor the tuning corpus, measured only after tuning (test/holdout/README.md).
// Never tune a rule on what this prints; it estimates how the checker does on reports nobody here has
// seen. `npm run eval:holdout` prints per class caught/planted and every false alarm and miss;
// `npm run eval:holdout -- test/holdout2` scores another set written the same way.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES, CLASS_RULES, loadClean, runEval } from '../corpus/lib';
import type { Edit, Planted } from '../corpus/lib';

interface HoldoutMistake {
  id: string;
  class: string;
  base: string;
  section: string | null;
  find: string;
  replace: string;
  cells?: Record<string, number | null>;
  note: string;
}

const here = process.argv[2] ? resolve(process.argv[2]) : dirname(fileURLToPath(import.meta.url));
const setName = relative(process.cwd(), here) || here;
const clean = loadClean(join(here, 'clean')).filter((c) => c.name.startsWith('h-'));
const byName = new Map(clean.map((c) => [c.name, c]));
const raw = JSON.parse(readFileSync(join(here, 'mistakes', 'h-mistakes.json'), 'utf8')) as HoldoutMistake[];

const planted: Planted[] = raw.map((m) => {
  const base = byName.get(m.base) ?? byName.get(`${m.base}.nianbao.json`);
  if (!base) throw new Error(`${m.id}: no clean report ${m.base}`);
  const edits: Edit[] = [];
  if (m.section && (m.find || m.replace)) {
    const text = base.doc.sections[m.section as keyof typeof base.doc.sections] ?? '';
    if (m.find) {
      const at = text.indexOf(m.find);
      if (at < 0) throw new Error(`${m.id}: "${m.find}" is not in ${m.base} ${m.section}`);
      edits.push({ field: 'section', section: m.section, at, remove: m.find, insert: m.replace });
    } else {
      edits.push({ field: 'section', section: m.section, at: text.length, remove: '', insert: (text ? '\n' : '') + m.replace });
    }
  }
  if (m.cells) edits.push({ field: 'cells', cells: m.cells });
  return { id: m.id, class: m.class, entry: m.id, base: base.name, expect: CLASS_RULES[m.class] ?? [], edits };
});

const result = runEval(clean, planted);
console.log(`留出集（${setName}）：${clean.length} 份正确报告，${planted.length} 处错误`);
let alarms = 0;
for (const c of result.clean) {
  alarms += c.alarms.length;
  for (const a of c.alarms) console.log(`  误报 ${c.name}：${a.rule}（${a.severity}）${a.message}｜${a.where}`);
}
console.log(`正确报告上的警告和错误：${alarms}（${result.clean.filter((c) => c.alarms.length).length} 份报告）`);
let caught = 0;
for (const k of CLASSES) {
  const c = result.classes[k];
  if (!c?.planted) continue;
  caught += c.caught;
  console.log(`  ${k.padEnd(16)} ${c.caught}/${c.planted}${c.infoOnly ? `（另有 ${c.infoOnly} 处只给了提示）` : ''}`);
}
console.log(`合计 ${caught}/${planted.length}（${((100 * caught) / planted.length).toFixed(0)}%）`);
for (const m of result.mistakes.filter((x) => !x.caught.length)) {
  const note = raw.find((r) => r.id === m.planted.id)?.note ?? '';
  console.log(`  漏报 ${m.planted.id}（${m.planted.class}${m.infoOnly.length ? '，仅提示' : ''}）：${m.sentence}｜${note}`);
}
