// This set's own consistency check (not the product's checker): every clean file parses, holds
// every input cell of its format and no other cell, obeys 一 + 二 = 三（七） + 四 per applicant column,
// and its title, signature and 统计期限 name the right unit and year; every mistake names a clean
// base and a `find` that occurs exactly once in its section.
// Run: npx tsx test/holdout3/tools/check-holdout3.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatModel, getFormat } from '../../../shared/formats';
import { parseReportFile } from '../../../shared/report-file';

const root = join(import.meta.dirname, '..');
const problems: string[] = [];
const docs = new Map<string, { sections: Record<string, string>; cells: Record<string, number> }>();

for (const file of readdirSync(join(root, 'clean'))
  .filter((f) => f.endsWith('.nianbao.json'))
  .sort()) {
  const parsed = parseReportFile(readFileSync(join(root, 'clean', file), 'utf8'));
  if (!parsed.ok) {
    problems.push(`${file}: ${parsed.message}`);
    continue;
  }
  const doc = parsed.doc;
  const cells = doc.cells as Record<string, number>;
  docs.set(file, { sections: doc.sections as Record<string, string>, cells });
  const model = formatModel(doc.formatId as 'gov-2021' | 'gov-2019');
  const inputKeys = new Set(model.inputs.map((c) => c.key));
  for (const k of inputKeys) if (typeof cells[k] !== 'number') problems.push(`${file}: missing ${k}`);
  for (const k of Object.keys(cells)) if (!inputKeys.has(k)) problems.push(`${file}: not an input cell ${k}`);
  for (const [k, v] of Object.entries(cells)) if (v < 0 && !k.endsWith('.change')) problems.push(`${file}: negative ${k}`);
  const t3 = getFormat(doc.formatId).t3;
  const outcomes = t3.rows.filter((r) => r.outcome).map((r) => r.key);
  for (const col of t3.columns.filter((c) => !c.derived)) {
    const v = (row: string) => cells[`t3.${row}.${col.key}`] ?? 0;
    const processed = outcomes.reduce((s, r) => s + v(r), 0);
    if (v('new_received') + v('carried_over') !== processed + v('carried_forward')) problems.push(`${file}: 一+二≠三（七）+四 in ${col.key}`);
  }
  const year = String(doc.year);
  if (!doc.title?.includes(`${doc.unit.name}${year}年`)) problems.push(`${file}: title`);
  if (doc.signature !== doc.unit.name) problems.push(`${file}: signature`);
  if (!doc.date?.startsWith(String(doc.year + 1))) problems.push(`${file}: date`);
  const text = Object.values(doc.sections).join('\n');
  for (const m of text.matchAll(/统计期限自(\d{4})年1月1日起至(\d{4})年/g)) if (m[1] !== year || m[2] !== year) problems.push(`${file}: 统计期限 ${m[0]}`);
  const wantNo = doc.formatId === 'gov-2019' ? '〔2019〕60号' : '〔2021〕30号';
  if (text.includes('国办公开办函') && !text.includes(wantNo)) problems.push(`${file}: format citation`);
}

const mistakes = JSON.parse(readFileSync(join(root, 'mistakes', 'h-mistakes.json'), 'utf8')) as {
  id: string;
  class: string;
  base: string;
  section: string | null;
  find: string;
  replace: string;
  cells?: Record<string, number>;
}[];
const counts: Record<string, number> = {};
const ids = new Set<string>();
for (const m of mistakes) {
  counts[m.class] = (counts[m.class] ?? 0) + 1;
  if (ids.has(m.id)) problems.push(`mistake ${m.id}: duplicate id`);
  ids.add(m.id);
  const base = docs.get(m.base);
  if (!base) {
    problems.push(`mistake ${m.id}: unknown base ${m.base}`);
    continue;
  }
  for (const k of Object.keys(m.cells ?? {})) if (!(k in base.cells)) problems.push(`mistake ${m.id}: unknown cell ${k}`);
  if (m.section === null) {
    if (m.find || m.replace) problems.push(`mistake ${m.id}: text change without section`);
    continue;
  }
  const text = base.sections[m.section];
  if (text === undefined) {
    problems.push(`mistake ${m.id}: unknown section ${m.section}`);
    continue;
  }
  if (m.find !== '' && text.split(m.find).length !== 2) problems.push(`mistake ${m.id}: find occurs ${text.split(m.find).length - 1} times`);
  if (m.find === m.replace && !m.cells) problems.push(`mistake ${m.id}: changes nothing`);
  // the mutated copy must still be a readable report file
  const raw = JSON.parse(readFileSync(join(root, 'clean', m.base), 'utf8')) as { sections: Record<string, string>; cells: Record<string, number> };
  raw.sections[m.section] = m.find === '' ? text + m.replace : text.replace(m.find, () => m.replace);
  Object.assign(raw.cells, m.cells ?? {});
  const mutated = parseReportFile(JSON.stringify(raw));
  if (!mutated.ok) problems.push(`mistake ${m.id}: mutated copy unreadable: ${mutated.message}`);
}
console.log(`${docs.size} clean reports; ${mistakes.length} mistakes: ${JSON.stringify(counts)}`);
if (problems.length) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log('all consistent');
