// Arithmetic and completeness check for the b-* clean reports (corpus writer b).
// Reads each test/corpus/clean/b-*.nianbao.json with the project's own parseReportFile (structure only) and
// checks, independently of the document checker: the format for the year, every input cell of the format
// present and no unknown cell, counts non-negative integers, table 三 per column 一 + 二 = 三（七） + 四 with
// （七） summed from its sub-rows here, table 四 parts non-negative (its 总计 is derived), the unit name in the
// title and signature, and a real 成文日期 after the reporting year.
// Run: npx tsx test/corpus/tools/b-check.ts [files…]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatForYear, formatModel, getFormat } from '../../../shared/formats';
import { parseReportFile } from '../../../shared/report-file';

const CLEAN_DIR = join(import.meta.dirname, '..', 'clean');

function realDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function checkFile(path: string): string[] {
  const problems: string[] = [];
  const parsed = parseReportFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) return [`unreadable: ${parsed.message}`];
  const doc = parsed.doc;
  const expectedFormat = formatForYear(doc.year).id;
  if (doc.formatId !== expectedFormat) problems.push(`formatId ${doc.formatId}, the year ${doc.year} wants ${expectedFormat}`);
  if (doc.formatId === 'legacy') return [...problems, 'legacy format is out of scope'];
  const format = getFormat(doc.formatId);
  const model = formatModel(format);
  const cells = doc.cells;

  for (const key of Object.keys(cells)) {
    const info = model.byKey.get(key);
    if (!info) problems.push(`unknown cell ${key}`);
    else if (info.derived) problems.push(`derived cell ${key} written in the file`);
  }
  for (const info of model.inputs) {
    const v = cells[info.key];
    if (v === undefined) {
      problems.push(`missing input cell ${info.key}`);
      continue;
    }
    if (info.kind === 'money') {
      if (v < 0) problems.push(`${info.key} negative`);
    } else if (info.key.endsWith('.change')) {
      if (!Number.isInteger(v)) problems.push(`${info.key} not an integer`);
    } else if (!Number.isInteger(v) || v < 0) problems.push(`${info.key} = ${v} is not a count`);
  }

  // Table 三: per applicant column, 一 + 二 = （七）总计 + 四, （七） = sum of the outcome sub-rows.
  const t3 = format.t3;
  const outcomeRows = t3.rows.filter((r) => r.outcome).map((r) => r.key);
  if (outcomeRows.length !== (doc.formatId === 'gov-2021' ? 21 : 19)) problems.push(`unexpected outcome row count ${outcomeRows.length}`);
  for (const col of t3.columns.filter((c) => !c.derived)) {
    const v = (row: string) => cells[`t3.${row}.${col.key}`] ?? 0;
    const processed = outcomeRows.reduce((s, r) => s + v(r), 0);
    const left = v('new_received') + v('carried_over');
    const right = processed + v('carried_forward');
    if (left !== right) problems.push(`t3 column ${col.key}: 一+二 = ${left}, 三（七）+四 = ${processed}+${v('carried_forward')} = ${right}`);
  }

  // Text facts every report states: the unit's name, the year, a real date after the year.
  const shortName = doc.unit.name.replace(/(人民政府|办事处)$/, '');
  if (!doc.title.includes(String(doc.year))) problems.push(`title lacks the year ${doc.year}`);
  if (!doc.title.includes(shortName)) problems.push(`title lacks the unit ${shortName}`);
  if (doc.signature !== doc.unit.name) problems.push(`signature ${doc.signature} is not the unit ${doc.unit.name}`);
  if (!realDate(doc.date)) problems.push(`date ${doc.date} is not a calendar date`);
  else if (!doc.date.startsWith(String(doc.year + 1))) problems.push(`date ${doc.date} not in ${doc.year + 1}`);
  const expectedKind = /街道/.test(doc.unit.name) ? 'subdistrict' : 'township';
  if (doc.unit.kind !== expectedKind) problems.push(`unit.kind ${doc.unit.kind}, expected ${expectedKind}`);
  for (const key of ['overview', 'problems', 'other_matters'] as const) {
    if (!(doc.sections[key] ?? '').trim()) problems.push(`section ${key} empty`);
  }
  const allText = Object.values(doc.sections).join('\n');
  for (const m of allText.matchAll(/国办公开办函〔(\d{4})〕(\d+)号/g)) {
    if (m[0] !== format.citation) problems.push(`cites ${m[0]}, the format is ${format.citation}`);
  }
  const chars = allText.replace(/\s/g, '').length;
  if (chars < 1000 || chars > 3500) problems.push(`length ${chars} characters`);
  if (!basename(path).includes(String(doc.year))) problems.push('file name lacks the year');
  return problems;
}

const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync(CLEAN_DIR)
      .filter((f) => f.startsWith('b-') && f.endsWith('.nianbao.json'))
      .sort()
      .map((f) => join(CLEAN_DIR, f));
let failed = 0;
for (const f of files) {
  const problems = checkFile(f);
  if (problems.length) {
    failed++;
    console.log(`✗ ${basename(f)}`);
    for (const p of problems) console.log(`    ${p}`);
  } else console.log(`✓ ${basename(f)}`);
}
console.log(`${files.length - failed}/${files.length} pass`);
process.exitCode = failed ? 1 : 0;
