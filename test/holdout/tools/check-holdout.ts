// The held-out set's own consistency check (never the product's checker): every clean report is a
// well-formed report file with every input cell of its format, its tables obey the official
// arithmetic, and the figures its text states agree with the tables; every planted mistake names
// an existing base and section and text that occurs there exactly once.
// Run: npx tsx test/holdout/tools/check-holdout.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatModel } from '../../../shared/formats/index';
import { parseReportFile } from '../../../shared/report-file';
import type { ReportDoc } from '../../../shared/report';

const ROOT = join(import.meta.dirname, '..');
const CLEAN = join(ROOT, 'clean');
const problems: string[] = [];
const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

const SECTIONS = ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters'] as const;
const APPLICANTS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'];

function load(file: string): ReportDoc | null {
  const parsed = parseReportFile(readFileSync(join(CLEAN, file), 'utf8'));
  if (!parsed.ok) {
    fail(file, parsed.message);
    return null;
  }
  return parsed.doc;
}

const rowSum = (doc: ReportDoc, row: string) => APPLICANTS.reduce((s, c) => s + (doc.cells[`t3.${row}.${c}`] ?? 0), 0);

/** Figures stated in the text, each with the table value it must equal. */
function textFigures(doc: ReportDoc): Array<[RegExp, number]> {
  const c = doc.cells;
  const t4 = (g: string) => ['maintain', 'correct', 'other', 'pending'].reduce((s, k) => s + (c[`t4.${g}.${k}`] ?? 0), 0);
  const figures: Array<[RegExp, number]> = [
    [/(?:新收|收到|受理)政府信息公开申请(\d+)件/g, rowSum(doc, 'new_received')],
    [/上年结转(?:申请)?(\d+)件/g, rowSum(doc, 'carried_over')],
    [/予以公开(\d+)件/g, rowSum(doc, 'granted')],
    [/部分公开(\d+)件/g, rowSum(doc, 'partial_grant')],
    [/结转下年度继续办理(\d+)件/g, rowSum(doc, 'carried_forward')],
    [/行政处罚决定(\d+)件/g, c['t2.penalty.decisions'] ?? 0],
    [/行政强制决定(\d+)件/g, c['t2.coercion.decisions'] ?? 0],
    [/行政许可决定(\d+)件/g, c['t2.licensing.decisions'] ?? 0],
    [/行政复议(\d+)件/g, t4('review')],
    [/制发行政规范性文件(\d+)件/g, c['t2.normative_documents.issued'] ?? 0],
    [/现行有效(?:行政规范性文件)?(\d+)件/g, c['t2.normative_documents.in_force'] ?? 0],
    [/新制作(?:并公开)?规范性文件(\d+)件/g, c['t2.normative_documents.new_made'] ?? 0],
  ];
  return figures;
}

function checkClean(file: string, doc: ReportDoc) {
  const fmt = doc.year <= 2020 ? 'gov-2019' : 'gov-2021';
  if (doc.formatId !== fmt) fail(file, `${doc.year}年应使用 ${fmt}，现为 ${doc.formatId}`);
  const model = formatModel(doc.formatId as 'gov-2019' | 'gov-2021');
  const inputs = new Set(model.inputs.map((i) => i.key));
  for (const k of inputs) if (!(k in doc.cells)) fail(file, `缺少输入单元格 ${k}`);
  for (const [k, v] of Object.entries(doc.cells)) {
    if (!inputs.has(k)) fail(file, `多余的单元格 ${k}`);
    const kind = model.byKey.get(k)?.kind;
    if (kind !== 'money' && !Number.isInteger(v)) fail(file, `${k} 不是整数`);
    if (v < 0 && kind !== 'signed_count') fail(file, `${k} 为负数`);
  }
  for (const [k, v] of Object.entries(doc.cells)) if (k.startsWith('t2.regulations.') && v !== 0) fail(file, `乡镇街道的规章应为0：${k}`);

  // 一 + 二 = 三（七） + 四, per applicant column
  const outcomes = model.format.t3.rows.filter((r) => r.outcome).map((r) => r.key);
  for (const col of APPLICANTS) {
    const v = (row: string) => doc.cells[`t3.${row}.${col}`] ?? 0;
    const processed = outcomes.reduce((s, r) => s + v(r), 0);
    if (v('new_received') + v('carried_over') !== processed + v('carried_forward')) fail(file, `表三 ${col} 列不平衡`);
  }

  const expectedTitle = `${doc.unit.name}${doc.year}年政府信息公开工作年度报告`;
  if (doc.title !== expectedTitle) fail(file, `标题应为 ${expectedTitle}`);
  if (doc.signature !== doc.unit.name) fail(file, '署名与单位名称不一致');
  if (!(doc.date > `${doc.year + 1}-01-00` && doc.date < `${doc.year + 1}-03-32`)) fail(file, `成文日期 ${doc.date} 不在次年1至3月`);
  if (doc.unit.kind === 'subdistrict' && !doc.unit.name.includes('街道')) fail(file, '街道报告的单位不是街道');

  const text = SECTIONS.map((s) => doc.sections[s] ?? '').join('\n');
  for (const [re, want] of textFigures(doc)) {
    for (const m of text.matchAll(re)) if (Number(m[1]) !== want) fail(file, `正文“${m[0]}”与表格 ${want} 不符`);
  }
  // "共/全年…N条，其中a条、b条…": the parts add up
  for (const m of text.matchAll(/(\d+)条(?:，较上年[^，。；]*)?[，。]\s*其中，?([^。；]*)/g)) {
    const parts = [...m[2].matchAll(/(\d+)条/g)].map((p) => Number(p[1]));
    const sum = parts.reduce((s, p) => s + p, 0);
    if (parts.length > 1 && sum !== Number(m[1])) fail(file, `“${m[0]}”分项之和 ${sum} 不等于 ${m[1]}`);
  }
  for (const m of text.matchAll(/(20\d\d)年/g)) {
    const y = Number(m[1]);
    if (y > doc.year + 1) fail(file, `正文出现晚于次年的年份 ${y}`);
  }
  for (const bad of ['我局', '本局', '本部门', '转结']) if (text.includes(bad)) fail(file, `正文含“${bad}”`);
  if (doc.year >= 2021 && /(?<!行政)规范性文件/.test(text)) fail(file, '2021年及以后应写“行政规范性文件”');
  if (!text.includes('信息处理费')) fail(file, '第六部分未说明信息处理费');
}

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

const QUOTA: Record<string, number> = {
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

function checkMistakes(docs: Map<string, ReportDoc>) {
  const list = JSON.parse(readFileSync(join(ROOT, 'mistakes', 'h-mistakes.json'), 'utf8')) as Mistake[];
  const counts: Record<string, number> = {};
  const ids = new Set<string>();
  const bases: Record<string, number> = {};
  for (const m of list) {
    const where = `mistake ${m.id}`;
    if (ids.has(m.id)) fail(where, '编号重复');
    ids.add(m.id);
    counts[m.class] = (counts[m.class] ?? 0) + 1;
    if (!(m.class in QUOTA)) fail(where, `未知类别 ${m.class}`);
    if (!m.note) fail(where, '缺少说明');
    const doc = docs.get(m.base);
    if (!doc) {
      fail(where, `底本 ${m.base} 不存在`);
      continue;
    }
    bases[m.base] = (bases[m.base] ?? 0) + 1;
    if (m.section !== null && !(SECTIONS as readonly string[]).includes(m.section)) fail(where, `未知部分 ${m.section}`);
    const text = m.section === null ? doc.title : (doc.sections[m.section as (typeof SECTIONS)[number]] ?? '');
    if (m.find !== '') {
      const n = text.split(m.find).length - 1;
      if (n !== 1) fail(where, `“${m.find}”在${m.section ?? '标题'}中出现 ${n} 次（应为 1 次）`);
    }
    if (m.find === m.replace && !m.cells) fail(where, '没有改动');
    const inputs = new Set(formatModel(doc.formatId as 'gov-2019' | 'gov-2021').inputs.map((i) => i.key));
    for (const k of Object.keys(m.cells ?? {})) if (!inputs.has(k)) fail(where, `${k} 不是该格式的输入单元格`);
    // the mutated copy must still be a readable report file
    const copy = structuredClone(doc) as ReportDoc;
    const mutated = m.find === '' ? text + m.replace : text.replace(m.find, m.replace);
    if (m.section === null) copy.title = mutated;
    else copy.sections[m.section as (typeof SECTIONS)[number]] = mutated;
    Object.assign(copy.cells, m.cells ?? {});
    const reparsed = parseReportFile(JSON.stringify({ schema: 'nianbao.report/1', ...copy }));
    if (!reparsed.ok) fail(where, `改动后的文件无法读取：${reparsed.message}`);
  }
  for (const [cls, want] of Object.entries(QUOTA)) if ((counts[cls] ?? 0) !== want) fail('mistakes', `${cls} 有 ${counts[cls] ?? 0} 条，应为 ${want} 条`);
  console.log(`mistakes: ${list.length}`, counts);
  console.log('per base:', bases);
}

const files = readdirSync(CLEAN).filter((f) => f.endsWith('.nianbao.json'));
const docs = new Map<string, ReportDoc>();
for (const f of files) {
  const doc = load(f);
  if (!doc) continue;
  docs.set(f, doc);
  checkClean(f, doc);
}
console.log(`clean reports: ${docs.size}`);
checkMistakes(docs);
if (problems.length) {
  console.log(problems.join('\n'));
  process.exitCode = 1;
} else console.log('all consistent');
