// Arithmetic check of corpus writer A's clean reports (test/corpus/clean/a-*.nianbao.json).
// Written from the spec (annual-report-format.md §1.5, keys-and-file.md), not from the checker:
// each file must parse as a report file, use the format of its year, fill every input cell of
// that format (and no other cell), and obey the table arithmetic.
// Run: npx tsx test/corpus/tools/a-check.ts [files…]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatForYear, formatModel, isGovFormatId, type ReportFormat } from '../../../shared/formats/index';
import { parseReportFile } from '../../../shared/report-file';

const CLEAN_DIR = join(import.meta.dirname, '..', 'clean');
const NAME = /^a-(\d{2})-([a-z]+)-(\d{4})\.nianbao\.json$/;

function validDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Characters printed by the three tables' titles, captions, headers and row labels (each label once). */
function tableLabelLength(f: ReportFormat): number {
  const seen = new Set<string>();
  const once = (label: string | undefined) => {
    if (!label || seen.has(label)) return 0;
    seen.add(label);
    return label.length;
  };
  let n = f.t2.title.length;
  for (const b of f.t2.blocks) {
    n += b.caption.length + b.firstHeader.length;
    for (const c of b.columns) n += c.label.length;
    for (const r of b.rows) n += r.label.length;
  }
  n += f.t3.title.length + f.t3.balanceNote.length + f.t3.applicantHeader.length;
  for (const r of f.t3.rows) for (const p of r.path) n += once(p);
  for (const c of f.t3.columns) n += c.label.length + once(c.group);
  n += f.t4.title.length;
  for (const g of f.t4.groups) for (const p of g.path) n += once(p);
  for (const c of f.t4.columns) n += c.label.length * f.t4.groups.length;
  return n;
}

/** Problems found in one report file; empty when it passes. */
export function checkFile(path: string): string[] {
  const problems: string[] = [];
  const name = basename(path);
  const nameMatch = NAME.exec(name);
  if (!nameMatch) problems.push(`文件名不符合 a-NN-拼音-年度.nianbao.json：${name}`);

  const parsed = parseReportFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) return [...problems, `读不出报告：${parsed.message}`];
  const doc = parsed.doc;

  if (nameMatch && Number(nameMatch[3]) !== doc.year) problems.push(`文件名年度 ${nameMatch[3]} 与 year ${doc.year} 不一致`);
  if (doc.year < 2019 || doc.year > 2022) problems.push(`年度 ${doc.year} 不在本组范围 2019–2022`);
  const expectedFormat = formatForYear(doc.year).id;
  if (doc.formatId !== expectedFormat) problems.push(`${doc.year} 年应使用 ${expectedFormat}，文件是 ${doc.formatId}`);
  if (!isGovFormatId(doc.formatId)) return [...problems, `格式 ${doc.formatId} 不是国办格式`];
  if (doc.unit.kind !== 'township') problems.push(`机关类型应为 township（乡/镇），是 ${doc.unit.kind}`);
  if (!/[乡镇]人民政府$/.test(doc.unit.name)) problems.push(`机关名称应以乡/镇人民政府结尾：${doc.unit.name}`);
  if (doc.title && !(doc.title.includes(doc.unit.name) && doc.title.includes(`${doc.year}年`))) problems.push(`标题应含机关名称和年度：${doc.title}`);
  if (!validDate(doc.date)) problems.push(`成文日期不是真实日期：${doc.date}`);
  else if (!doc.date.startsWith(`${doc.year + 1}-0`)) problems.push(`成文日期 ${doc.date} 应在 ${doc.year + 1} 年初`);

  // The 国办 document cited must be the one of the report's own format.
  const model = formatModel(doc.formatId);
  const text = Object.values(doc.sections).join('\n');
  for (const m of text.matchAll(/国办公开办函〔(\d{4})〕(\d+)号/g)) {
    if (m[0] !== model.format.citation) problems.push(`正文引用 ${m[0]}，本格式应为 ${model.format.citation}`);
  }
  // Length of the six parts as printed: headings, narrative and the tables' printed labels.
  const narrative = Object.values(doc.sections).reduce((n, s) => n + (s ?? '').replace(/\n/g, '').length, 0);
  const printed = narrative + model.format.sections.reduce((n, s) => n + s.heading.length, 0) + tableLabelLength(model.format);
  if (printed < 1500 || printed > 4000) problems.push(`六个部分共 ${printed} 字（其中文字部分 ${narrative} 字），应在 1500–4000 字之间`);
  if (narrative < 900) problems.push(`文字部分只有 ${narrative} 字，过短`);

  // Every input cell filled, no derived or unknown cell written.
  const cells = doc.cells;
  for (const c of model.inputs) if (cells[c.key] === undefined) problems.push(`缺少输入单元格 ${c.key}（${c.label}）`);
  for (const key of Object.keys(cells)) {
    const info = model.byKey.get(key);
    if (!info) problems.push(`不是本格式的单元格：${key}`);
    else if (info.derived) problems.push(`合计单元格 ${key} 由程序计算，不应写入文件`);
  }
  for (const c of model.inputs) {
    const v = cells[c.key];
    if (v === undefined) continue;
    if (c.kind === 'money') {
      if (v < 0) problems.push(`${c.key} 金额不能为负：${v}`);
    } else if (c.kind === 'signed_count') {
      if (!Number.isInteger(v)) problems.push(`${c.key} 应为整数：${v}`);
    } else if (!Number.isInteger(v) || v < 0) problems.push(`${c.key} 应为非负整数：${v}`);
  }

  // Table 三, per applicant column: 一 + 二 = 三（七）总计 + 四, where （七） is the sum of the outcome rows.
  const t3 = model.format.t3;
  const outcomeRows = t3.rows.filter((r) => r.outcome).map((r) => r.key);
  const get = (k: string) => cells[k] ?? 0;
  for (const col of t3.columns.filter((c) => !c.derived)) {
    const received = get(`t3.new_received.${col.key}`) + get(`t3.carried_over.${col.key}`);
    const processed = outcomeRows.reduce((n, r) => n + get(`t3.${r}.${col.key}`), 0);
    const forward = get(`t3.carried_forward.${col.key}`);
    if (received !== processed + forward)
      problems.push(`表三 ${col.label} 列：本年新收 + 上年结转 = ${received}，办理结果 ${processed} + 结转下年度 ${forward} = ${processed + forward}`);
  }
  return problems;
}

function main(args: string[]): number {
  const files =
    args.length > 0
      ? args
      : readdirSync(CLEAN_DIR)
          .filter((f) => f.startsWith('a-') && f.endsWith('.nianbao.json'))
          .map((f) => join(CLEAN_DIR, f));
  let failed = 0;
  for (const f of files.sort()) {
    const problems = checkFile(f);
    if (problems.length === 0) console.log(`通过  ${basename(f)}`);
    else {
      failed += 1;
      console.log(`不通过 ${basename(f)}`);
      for (const p of problems) console.log(`  - ${p}`);
    }
  }
  console.log(`共 ${files.length} 份，${failed} 份不通过`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
