// Checks the planted-mistakes table test/corpus/mistakes/phrasings.json (issue 19): it parses, ids are unique and
// follow "<class>-NNN", classes, ops and sections are valid, every op has its fields, placeholders are well formed and
// name cells that exist in the formats the entry applies to, set_cells write input cells with a number or one {v:…},
// applies conditions are well formed, typo entries differ from their term by one character, and each class has its
// minimum number of entries. Run: npx tsx test/corpus/tools/check-phrasings.ts [file]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatModel, SECTION_KEYS } from '../../../shared/formats/index';

export const CLASSES = ['typo', 'text_table', 'sum', 'self_description', 'no_measures', 'wrong_body', 'stale_year', 't2_plausibility', 'date'] as const;
export const OPS = ['replace', 'append', 'prepend', 'replace_section', 'set_cells'] as const;
const GOV_FORMATS = ['gov-2019', 'gov-2021'] as const;
type GovFormat = (typeof GOV_FORMATS)[number];

/** Minimum entries per class (typo: also the minimum number of distinct typo'd terms). */
export const MINIMUM: Record<(typeof CLASSES)[number], number> = {
  typo: 80,
  text_table: 15,
  sum: 15,
  self_description: 15,
  no_measures: 15,
  wrong_body: 15,
  stale_year: 15,
  t2_plausibility: 15,
  date: 15,
};
export const MINIMUM_TOTAL = 220;

const FIELDS: Record<(typeof OPS)[number], string[]> = {
  replace: ['find', 'with'],
  append: ['section', 'text'],
  prepend: ['section', 'text'],
  replace_section: ['section', 'text'],
  set_cells: ['cells'],
};
const COMMON_FIELDS = ['id', 'class', 'op', 'applies', 'note', 'term', 'typo'];
const SIMPLE_PLACEHOLDERS = new Set(['year', 'year-1', 'year-2', 'year+1', 'unit', 'short', 'self', 'other']);
/** Group sums the generator derives beyond the format's own totals (brief: t3.denied/unable/not_processed/other). */
const GROUP_SUMS = ['t3.denied.total', 't3.unable.total', 't3.not_processed.total', 't3.other.total'];

function knownKeys(format: GovFormat): { all: Set<string>; inputs: Set<string> } {
  const model = formatModel(format);
  const all = new Set(model.cells.map((c) => c.key));
  for (const k of GROUP_SUMS) all.add(k);
  return { all, inputs: new Set(model.inputs.map((c) => c.key)) };
}
const KEYS: Record<GovFormat, { all: Set<string>; inputs: Set<string> }> = { 'gov-2019': knownKeys('gov-2019'), 'gov-2021': knownKeys('gov-2021') };

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Each {…} in s, or an error for a brace that is not part of one. */
function placeholders(s: string): { names: string[]; stray: boolean } {
  const names = [...s.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return { names, stray: /[{}]/.test(s.replace(/\{[^{}]*\}/g, '')) };
}

/** Checks the table; returns one Chinese line per problem (empty when the table is good). */
export function checkPhrasings(data: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(data)) return ['文件内容应为数组。'];
  const ids = new Set<string>();
  const perClass = new Map<string, number>();
  const typoTerms = new Set<string>();

  data.forEach((entry: Record<string, unknown>, i) => {
    const where = `第${i + 1}条（${String(entry?.id ?? '无 id')}）`;
    const bad = (msg: string) => problems.push(`${where}：${msg}`);
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return bad('应为对象。');
    const { id, op } = entry;
    const cls = entry.class;

    if (!isString(cls) || !(CLASSES as readonly string[]).includes(cls)) bad(`class “${String(cls)}” 不在 ${CLASSES.join('、')} 之中。`);
    else perClass.set(cls, (perClass.get(cls) ?? 0) + 1);
    if (!isString(id) || !new RegExp(`^${String(cls)}-\\d{3}$`).test(id)) bad('id 应为 “<class>-NNN”。');
    else if (ids.has(id)) bad('id 重复。');
    else ids.add(id);
    if (!isString(entry.note) || !hasHan(entry.note) || entry.note.includes('\n')) bad('note 应为一行中文说明。');
    if (!isString(op) || !(OPS as readonly string[]).includes(op)) return bad(`op “${String(op)}” 无效。`);

    const required = FIELDS[op as (typeof OPS)[number]];
    for (const f of required) if (entry[f] === undefined) bad(`op ${op} 缺少字段 ${f}。`);
    for (const f of Object.keys(entry)) if (!required.includes(f) && !COMMON_FIELDS.includes(f)) bad(`op ${op} 不应有字段 ${f}。`);

    // the formats the entry may be planted in
    let formats: GovFormat[] = [...GOV_FORMATS];
    const applies = entry.applies as Record<string, unknown> | undefined;
    if (applies !== undefined) {
      if (applies === null || typeof applies !== 'object' || Array.isArray(applies)) bad('applies 应为对象。');
      else {
        for (const f of Object.keys(applies)) if (!['formatId', 'kind', 'requires'].includes(f)) bad(`applies 不应有字段 ${f}。`);
        if (applies.formatId !== undefined) {
          if ((GOV_FORMATS as readonly unknown[]).includes(applies.formatId)) formats = [applies.formatId as GovFormat];
          else bad(`applies.formatId “${String(applies.formatId)}” 无效。`);
        }
        if (applies.kind !== undefined && applies.kind !== 'township' && applies.kind !== 'subdistrict') bad(`applies.kind “${String(applies.kind)}” 无效。`);
        if (applies.requires !== undefined) {
          if (!Array.isArray(applies.requires) || applies.requires.length === 0) bad('applies.requires 应为非空数组。');
          else
            for (const r of applies.requires) {
              const m = typeof r === 'string' ? /^([a-z0-9_.]+)(>|=)(\d+(?:\.\d+)?)$/.exec(r) : null;
              if (!m) bad(`条件 “${String(r)}” 应写成 KEY>N 或 KEY=N。`);
              else for (const f of formats) if (!KEYS[f].all.has(m[1]!)) bad(`条件中的单元格 ${m[1]} 在 ${f} 中不存在。`);
            }
        }
      }
    }

    let offsetFigures = 0; // {v:KEY±N} with N ≠ 0 in the entry's text
    const checkText = (field: string, allowNewline: boolean) => {
      const s = entry[field];
      if (!isString(s)) return bad(`${field} 应为非空字符串。`);
      if (!allowNewline && s.includes('\n')) bad(`${field} 应为一个段落（不含换行）。`);
      const { names, stray } = placeholders(s);
      if (stray) bad(`${field} 中有不成对的花括号。`);
      for (const name of names) {
        if (SIMPLE_PLACEHOLDERS.has(name)) continue;
        const v = /^v:([a-z0-9_.]+?)([+-]\d+)?$/.exec(name);
        if (!v) {
          bad(`${field} 中的占位符 {${name}} 无效。`);
          continue;
        }
        for (const f of formats) if (!KEYS[f].all.has(v[1]!)) bad(`${field} 中的 {${name}}：单元格 ${v[1]} 在 ${f} 中不存在。`);
        if (v[2] !== undefined && Number(v[2]) !== 0) offsetFigures++;
      }
    };

    if (op === 'replace') {
      if (!isString(entry.find) || /[{}]/.test(entry.find)) bad('find 应为不含占位符的非空字符串。');
      checkText('with', false);
      if (entry.find === entry.with) bad('with 与 find 相同。');
    }
    if (op === 'append' || op === 'prepend' || op === 'replace_section') {
      if (!(SECTION_KEYS as readonly unknown[]).includes(entry.section)) bad(`section “${String(entry.section)}” 无效。`);
      checkText('text', op === 'replace_section');
    }
    if (op === 'set_cells') {
      if (applies?.formatId === undefined) bad('set_cells 必须在 applies.formatId 中注明适用的格式。');
      const cells = entry.cells as Record<string, unknown>;
      if (cells === null || typeof cells !== 'object' || Array.isArray(cells) || Object.keys(cells).length === 0) bad('cells 应为非空对象。');
      else
        for (const [key, expr] of Object.entries(cells)) {
          for (const f of formats) if (!KEYS[f].inputs.has(key)) bad(`cells 中的 ${key} 不是 ${f} 的输入单元格。`);
          const v = typeof expr === 'string' ? /^\{v:([a-z0-9_.]+?)([+-]\d+)?\}$/.exec(expr) : null;
          if (v) {
            for (const f of formats) if (!KEYS[f].all.has(v[1]!)) bad(`cells.${key} 引用的单元格 ${v[1]} 在 ${f} 中不存在。`);
          } else if (typeof expr !== 'string' || !/^-?\d+(\.\d+)?$/.test(expr)) bad(`cells.${key} 应为数字字符串或一个 {v:KEY±N}。`);
        }
    }

    // a text-table contradiction must never coincide with the table: a figure off by N ≠ 0, or conditions on the cells
    if (cls === 'text_table' && offsetFigures === 0 && !Array.isArray(applies?.requires))
      bad('text_table 条目没有非零偏移的 {v:KEY±N}，也没有 requires 条件，可能与表格一致。');

    if (cls === 'typo') {
      const { term, typo } = entry;
      if (!isString(term) || !isString(typo)) bad('typo 条目应写明 term（正确写法）与 typo（错误写法）。');
      else {
        const a = [...term];
        const b = [...typo];
        const diff = a.length === b.length ? a.filter((ch, k) => ch !== b[k]).length : -1;
        if (diff !== 1) bad(`typo “${typo}” 与 term “${term}” 应恰好相差一个字。`);
        typoTerms.add(typo);
        if (op === 'replace' && (entry.find !== term || entry.with !== typo)) bad('replace 类 typo 条目的 find/with 应与 term/typo 一致。');
        if (op !== 'replace' && !(typeof entry.text === 'string' && entry.text.includes(typo))) bad('text 中应含 typo 的错误写法。');
      }
    } else if (entry.term !== undefined || entry.typo !== undefined) bad('term/typo 字段只用于 typo 类。');
  });

  if (data.length < MINIMUM_TOTAL) problems.push(`共 ${data.length} 条，少于 ${MINIMUM_TOTAL} 条。`);
  for (const cls of CLASSES) {
    const n = cls === 'typo' ? typoTerms.size : (perClass.get(cls) ?? 0);
    if (n < MINIMUM[cls]) problems.push(`${cls} 只有 ${n} ${cls === 'typo' ? '个不同的错误写法' : '条'}，至少需要 ${MINIMUM[cls]}。`);
  }
  return problems;
}

export function countByClass(data: { class: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of data) counts[e.class] = (counts[e.class] ?? 0) + 1;
  return counts;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const PHRASINGS_FILE = path.join(here, '..', 'mistakes', 'phrasings.json');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? PHRASINGS_FILE;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`无法读取或解析 ${file}：${(e as Error).message}`);
    process.exit(2);
  }
  const problems = checkPhrasings(data);
  for (const p of problems) console.error(p);
  if (Array.isArray(data)) console.log(`共 ${data.length} 条：`, countByClass(data as { class: string }[]));
  process.exit(problems.length ? 1 : 0);
}
