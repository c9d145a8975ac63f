// Held-out set 2's own consistency check (not the product's checker): every clean report is a valid
// report file with every input cell of its format and the official arithmetic, its text agrees with its
// tables on the figures this script can read, and every planted mistake applies to its base exactly.
// Run from the repo root: npx tsx test/holdout2/tools/check-holdout2.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatForYear, formatModel } from '../../../shared/formats/index';
import { parseReportFile } from '../../../shared/report-file';

const here = dirname(fileURLToPath(import.meta.url));
const cleanDir = join(here, '..', 'clean');
let problems: string[] = [];
const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

type Cells = Record<string, number>;
const APPLICANTS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'];
const sumRow = (c: Cells, row: string) => APPLICANTS.reduce((s, a) => s + (c[`t3.${row}.${a}`] ?? 0), 0);
const num = (s: string) => Number(s);

interface Loaded {
  name: string;
  raw: Record<string, unknown>;
  sections: Record<string, string>;
  cells: Cells;
  formatId: string;
  year: number;
  kind: string;
}

function checkReport(name: string, text: string, quiet = false): Loaded | undefined {
  const parsed = parseReportFile(text);
  if (!parsed.ok) {
    fail(name, `不能读入：${parsed.message}`);
    return undefined;
  }
  const raw = JSON.parse(text) as Record<string, unknown>;
  const doc = parsed.doc;
  const cells = raw.cells as Cells;
  const year = doc.year;
  if (formatForYear(year).id !== doc.formatId) fail(name, `年度 ${year} 应用 ${formatForYear(year).id}`);
  const model = formatModel(doc.formatId as 'gov-2019' | 'gov-2021');
  const inputs = new Set(model.inputs.map((c) => c.key));
  for (const k of inputs) if (!(k in cells)) fail(name, `缺少输入单元格 ${k}`);
  for (const k of Object.keys(cells)) if (!inputs.has(k)) fail(name, `不是输入单元格 ${k}`);
  for (const info of model.inputs) {
    const v = cells[info.key];
    if (info.kind === 'signed_count' ? !Number.isInteger(v) : info.kind === 'money' ? !(v >= 0) : !(Number.isInteger(v) && v >= 0))
      fail(name, `${info.key} = ${v}`);
  }
  // Official arithmetic, per applicant column: 一 + 二 = 三（七） + 四.
  const outcomes = model.format.t3.rows.filter((r) => r.outcome).map((r) => r.key);
  for (const a of APPLICANTS) {
    const left = cells[`t3.new_received.${a}`] + cells[`t3.carried_over.${a}`];
    const right = outcomes.reduce((s, r) => s + cells[`t3.${r}.${a}`], 0) + cells[`t3.carried_forward.${a}`];
    if (left !== right) fail(name, `表三 ${a}: 一+二=${left}，三（七）+四=${right}`);
  }
  if (doc.formatId === 'gov-2019') {
    for (const r of ['licensing', 'other_external_services', 'penalty', 'coercion', 'fees']) {
      if (cells[`t2.${r}.change`] < -cells[`t2.${r}.prev_year_items`]) fail(name, `表二 ${r} 本年增/减低于上一年项目数量`);
    }
  }
  if (cells['t2.regulations.issued'] || cells['t2.regulations.new_made']) fail(name, '乡镇街道不制定规章');
  // Title, signature, date.
  const unitName = doc.unit.name;
  if (doc.title !== `${unitName}${year}年政府信息公开工作年度报告`) fail(name, `标题 ${doc.title}`);
  if (doc.signature !== unitName || doc.unit.signature !== unitName) fail(name, '署名');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(doc.date ?? '');
  if (!m || num(m[1]) !== year + 1 || num(m[2]) > 3) fail(name, `成文日期 ${doc.date}`);
  const sections = doc.sections as Record<string, string>;
  const all = Object.values(sections).join('\n');
  // Document numbers: the right format's notice only.
  const wrongNotice = doc.formatId === 'gov-2019' ? '〔2021〕30号' : '〔2019〕60号';
  if (all.includes(wrongNotice)) fail(name, `引用了 ${wrongNotice}`);
  // Figures in the text against the tables.
  const t3 = (row: string) => sumRow(cells, row);
  const expect = (re: RegExp, value: number, label: string) => {
    for (const mm of all.matchAll(re)) if (num(mm[1]) !== value) fail(name, `${label}：正文 ${mm[0]}，表 ${value}`);
  };
  expect(/新收(?:政府信息公开)?申请(\d+)件/g, t3('new_received'), '新收');
  expect(/收到政府信息公开申请(\d+)件/g, t3('new_received'), '收到');
  expect(/上年结转(\d+)件/g, t3('carried_over'), '上年结转');
  expect(/予以公开(\d+)件/g, t3('granted'), '予以公开');
  expect(/部分公开(\d+)件/g, t3('partial_grant'), '部分公开');
  expect(/办结(\d+)件/g, sumProcessed(cells, outcomes), '办结');
  expect(/行政许可决定(\d+)件/g, cells['t2.licensing.decisions'], '许可');
  expect(/行政处罚决定(\d+)件/g, cells['t2.penalty.decisions'], '处罚');
  expect(/行政强制决定(\d+)件/g, cells['t2.coercion.decisions'], '强制');
  expect(/现行有效(\d+)件/g, cells['t2.normative_documents.in_force'] ?? cells['t2.normative_documents.total_published'], '现行有效');
  const review = ['maintain', 'correct', 'other', 'pending'].reduce((s, c) => s + cells[`t4.review.${c}`], 0);
  expect(/行政复议(\d+)件/g, review, '复议');
  if (/无上年结转|没有上年结转|上年也无结转|上年度无结转/.test(all) && t3('carried_over')) fail(name, '正文说无结转，表有');
  if (/无结转下年度|没有结转/.test(all) && t3('carried_forward')) fail(name, '正文说无结转下年度，表有');
  // "N条，其中a条、b条" lists: equal to the total unless marked partial by 等.
  for (const mm of all.matchAll(/(\d+)条[，,]?其中[：:，]?([^。；]*)/g)) {
    const parts = [...mm[2].matchAll(/(\d+)条/g)].map((x) => num(x[1]));
    const s = parts.reduce((a, b) => a + b, 0);
    const partial = /等/.test(mm[2]);
    if (partial ? s > num(mm[1]) : s !== num(mm[1])) fail(name, `其中-列举 ${mm[0]}：合计 ${s}`);
  }
  // Years mentioned: only the report year, the year before, the following year (plans, dates) or
  // older years in a known clean-up/citation context are expected; each is listed for review.
  const years = new Set([...all.matchAll(/(20\d\d)年/g)].map((x) => num(x[1])).filter((y) => y < year - 1 || y > year + 1));
  if (years.size && !quiet) console.log(`  ${name} 提到的较远年份（人工核对）：${[...years].join('、')}`);
  return { name, raw, sections, cells, formatId: doc.formatId, year, kind: doc.unit.kind };
}

function sumProcessed(cells: Cells, outcomes: string[]): number {
  return outcomes.reduce((s, r) => s + sumRow(cells, r), 0);
}

const files = readdirSync(cleanDir)
  .filter((f) => f.endsWith('.nianbao.json'))
  .sort();
const loaded = new Map<string, Loaded>();
for (const f of files) {
  const l = checkReport(f, readFileSync(join(cleanDir, f), 'utf8'));
  if (l) loaded.set(f.replace(/\.nianbao\.json$/, ''), l);
}
console.log(`正确报告 ${files.length} 份`);

// Mistakes.
interface Mistake {
  id: string;
  class: string;
  base: string;
  section: string | null;
  find: string;
  replace: string;
  cells?: Record<string, number>;
  note: string;
}
const COUNTS: Record<string, number> = {
  typo: 12,
  text_table: 10,
  sum: 8,
  wrong_body: 6,
  stale_year: 8,
  self_description: 4,
  no_measures: 4,
  date: 4,
  t2_plausibility: 4,
};
let mistakes: Mistake[] = [];
try {
  mistakes = JSON.parse(readFileSync(join(here, '..', 'mistakes', 'h-mistakes.json'), 'utf8')) as Mistake[];
} catch (err) {
  fail('h-mistakes.json', String(err));
}
const seen = new Set<string>();
const ownCatch: string[] = [];
const byClass: Record<string, number> = {};
const byBase: Record<string, number> = {};
for (const m of mistakes) {
  const where = `错误 ${m.id}`;
  if (seen.has(m.id)) fail(where, '编号重复');
  seen.add(m.id);
  byClass[m.class] = (byClass[m.class] ?? 0) + 1;
  byBase[m.base] = (byBase[m.base] ?? 0) + 1;
  if (!(m.class in COUNTS)) fail(where, `未知类别 ${m.class}`);
  if (!m.note) fail(where, '缺少说明');
  const base = loaded.get(m.base);
  if (!base) {
    fail(where, `没有底本 ${m.base}`);
    continue;
  }
  const copy = structuredClone(base.raw) as { sections: Record<string, string>; cells: Cells };
  if (m.section !== null) {
    const text = base.sections[m.section];
    if (text === undefined) fail(where, `没有章节 ${m.section}`);
    else if (m.find) {
      const at = text.indexOf(m.find);
      if (at < 0) fail(where, `找不到「${m.find}」`);
      else if (text.indexOf(m.find, at + 1) >= 0) fail(where, `「${m.find}」出现不止一次`);
      else copy.sections[m.section] = text.slice(0, at) + m.replace + text.slice(at + m.find.length);
      if (m.find === m.replace) fail(where, '没有改动');
    } else copy.sections[m.section] = (text ? `${text}\n` : '') + m.replace;
  } else if (m.find || m.replace) fail(where, '没有章节却有文字改动');
  for (const [k, v] of Object.entries(m.cells ?? {})) {
    if (!(k in base.cells)) fail(where, `不是输入单元格 ${k}`);
    copy.cells[k] = v;
  }
  if (m.section === null && !m.cells) fail(where, '什么也没改');
  const parsed = parseReportFile(JSON.stringify(copy));
  if (!parsed.ok) fail(where, `改后的文件不能读入：${parsed.message}`);
  // For information only: whether this script's own simple checks notice the change.
  const kept = problems;
  problems = [];
  checkReport(m.base, JSON.stringify(copy), true);
  if (problems.length) ownCatch.push(m.id);
  problems = kept;
}
for (const [k, n] of Object.entries(COUNTS)) if ((byClass[k] ?? 0) !== n) fail('h-mistakes.json', `${k} 应有 ${n} 处，现有 ${byClass[k] ?? 0}`);
console.log(
  `错误 ${mistakes.length} 处：${Object.entries(byClass)
    .map(([k, n]) => `${k} ${n}`)
    .join('，')}`,
);
console.log(`（参考）本脚本自己的简单核对看得出的错误 ${ownCatch.length} 处：${ownCatch.join(' ')}`);
console.log(
  `各底本：${Object.entries(byBase)
    .sort()
    .map(([k, n]) => `${k.slice(0, 4)} ${n}`)
    .join('，')}`,
);

if (problems.length) {
  for (const p of problems) console.log(`问题 ${p}`);
  process.exitCode = 1;
} else console.log('全部通过');
