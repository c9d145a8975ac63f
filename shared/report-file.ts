// The report file (*.nianbao.json): one report as UTF-8 JSON under the envelope
// `"schema": "nianbao.report/1"` (contract in shared/spec/keys-and-file.md). Files may be written by
// hand or by other tools, so every problem is reported in Chinese naming the field or the cell.
import { z } from 'zod';
import { formatModel, isGovFormatId } from './formats/index';
import { parseCellInput } from './number';
import { ReportDocSchema, type ReportDoc } from './report';
import { stripXmlIllegalDeep } from './xml-chars';

/** The schema id and version this program writes; the number after the slash is the version. */
export const REPORT_FILE_SCHEMA = 'nianbao.report/1';
export const REPORT_FILE_VERSION = 1;
export const REPORT_FILE_EXTENSION = '.nianbao.json';

/** The file as zod sees it after cell strings have been read: the envelope plus the report. */
export const ReportFileSchema = ReportDocSchema.extend({ schema: z.literal(REPORT_FILE_SCHEMA) })
  // Later versions of the same schema may add fields (spec: more may be added, none removed): at
  // the top they are dropped, never stored; the objects inside stay strict like the API's.
  .strip();
export type ReportFile = z.infer<typeof ReportFileSchema>;

/**
 * The same contract as a JSON Schema (draft 2020-12), for county tools that check files without
 * this program. Cell values are numbers here; this program's loader also reads "1,234" or "３件".
 */
export function reportFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportFileSchema, { io: 'input' }),
    $id: `https://nianbao.invalid/schema/${REPORT_FILE_SCHEMA}`,
    title: '年报编制助手报告文件（*.nianbao.json）',
  };
}

export type ParsedReportFile =
  | { ok: true; doc: ReportDoc }
  | {
      ok: false;
      code: 'invalid' | 'newer_version';
      /** Chinese, one line per problem, says what to do */
      message: string;
      /** the same problems, one entry each */
      problems?: string[];
    };

/** Writes a report as a file: the schema first, cells in the order of the printed tables. */
export function serializeReportFile(doc: ReportDoc): string {
  const out: Record<string, unknown> = { schema: REPORT_FILE_SCHEMA, ...doc, cells: orderedCells(doc.formatId, doc.cells) };
  if (doc.previousCells) out.previousCells = orderedCells(doc.formatId, doc.previousCells);
  return `${JSON.stringify(out, null, 2)}\n`;
}

function orderedCells(formatId: string, cells: Record<string, number>): Record<string, number> {
  if (!isGovFormatId(formatId)) return { ...cells };
  const out: Record<string, number> = {};
  for (const c of formatModel(formatId).cells) if (cells[c.key] !== undefined) out[c.key] = cells[c.key];
  for (const k of Object.keys(cells).sort()) if (!(k in out)) out[k] = cells[k];
  return out;
}

const FIELD_NAMES: Record<string, string> = {
  schema: '文件类型',
  formatId: '报告格式',
  year: '年度',
  unit: '机关',
  'unit.name': '机关名称',
  'unit.kind': '机关类型',
  'unit.supervisor': '上级主管部门',
  'unit.address': '地址',
  'unit.postcode': '邮编',
  'unit.phone': '电话',
  'unit.email': '电子邮箱',
  'unit.signature': '署名',
  title: '标题',
  period: '统计期限',
  preamble: '前言选项',
  sections: '正文',
  cells: '表格数字',
  previousCells: '上年数字',
  register: '申请登记台账摘要',
  signature: '署名',
  date: '成文日期',
  letterhead: '红头',
  'letterhead.issuer': '发文机关标志',
  'letterhead.docNumber': '发文字号',
  'letterhead.printedBy': '印发机关',
  'letterhead.printedDate': '印发日期',
  copiedSections: '沿用上年的部分',
  acknowledgements: '已核实记录',
  legacySections: '旧格式正文',
  indicators: '旧格式统计指标',
};

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文字（用英文双引号括起来）',
  object: '一组字段（{ … }）',
  array: '列表（[ … ]）',
  boolean: 'true 或 false',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function fieldName(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  const base = FIELD_NAMES[dotted] ?? FIELD_NAMES[path.slice(0, 2).map(String).join('.')] ?? FIELD_NAMES[String(path[0])];
  return base ? `“${dotted}”（${base}）` : `“${dotted}”`;
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (/received undefined/.test(issue.message)) return `缺少字段${where}：请补上，应为${expected}。`;
      return `字段${where}应为${expected}。`;
    }
    case 'invalid_value':
      return `字段${where}的值不对，只能是 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一。`;
    case 'unrecognized_keys':
      if (issue.path[0] === 'sections')
        return `字段${where}中有不认识的项：${issue.keys.join('、')}。正文部分只能是 overview、proactive、requests、review_litigation、problems、other_matters。`;
      return `${issue.path.length ? `字段${where}` : '文件'}中有不认识的项：${issue.keys.join('、')}。报告文件只能包含约定的字段，请去掉这些项后再试。`;
    case 'invalid_key':
      return `${where} 不是有效的单元格编号：编号应像 t3.granted.natural_person（表.行.列，小写英文）。`;
    default:
      return hasChinese(issue.message) ? `字段${where}：${issue.message}。` : `字段${where}的值不对（${issue.message}）。`;
  }
}

/** Where in the text a JSON.parse error happened, as 第 N 行第 M 列. */
function jsonErrorPosition(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `第 ${lc[1]} 行第 ${lc[2]} 列附近`;
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const col = Number(pos[1]) - before.lastIndexOf('\n');
    return `第 ${line} 行第 ${col} 列附近`;
  }
  return /end of JSON|Unexpected end/i.test(msg) ? '文件末尾（文件可能不完整）' : '某处';
}

function fail(code: 'invalid' | 'newer_version', problems: string[]): ParsedReportFile {
  const shown = problems.length > 10 ? [...problems.slice(0, 10), `……另有 ${problems.length - 10} 处问题`] : problems;
  return { ok: false, code, message: shown.join('\n'), problems };
}

/**
 * Numbers inside `cells` may be written as strings in hand-made files ("1,234", "３件"): they go
 * through the same number entry as the UI; blanks ("" or null) mean not filled in.
 */
function readCells(formatId: unknown, field: string, raw: unknown, problems: string[]): unknown {
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const byKey = typeof formatId === 'string' && isGovFormatId(formatId) ? formatModel(formatId).byKey : null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const info = byKey?.get(key);
    const name = info ? `单元格 ${key}（${info.label}）` : `单元格 ${key}`;
    if (v === null) continue;
    if (typeof v === 'number') {
      out[key] = v;
    } else if (typeof v === 'string') {
      // Unknown cells are read as leniently as possible; the rules report them.
      let parsed = parseCellInput(v, info?.kind ?? 'money');
      if (!info && !parsed.ok && !parsed.empty) parsed = parseCellInput(v, 'signed_count');
      if (parsed.ok) out[key] = parsed.value;
      else if (!parsed.empty) problems.push(`字段“${field}”中${name}的值读不出来：${parsed.message}`);
    } else {
      problems.push(`字段“${field}”中${name}的值应为数字，现在是${Array.isArray(v) ? '列表' : typeof v === 'boolean' ? ' true/false' : '一组字段'}。`);
    }
  }
  return out;
}

/** Reads a report file. Never throws: every failure comes back with a Chinese message. */
export function parseReportFile(text: string): ParsedReportFile {
  let raw: unknown;
  try {
    // Characters XML cannot hold (a control character, U+FFFE) are dropped as the file is read.
    raw = stripXmlIllegalDeep(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch (err) {
    if (text.trim() === '') return fail('invalid', ['文件是空的，不是报告文件。请选择 .nianbao.json 报告文件。']);
    return fail('invalid', [`文件不是有效的 JSON：${jsonErrorPosition(text, err)}有格式错误（如缺少逗号、引号或括号）。请用导出的原文件，或改正后再试。`]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('invalid', ['文件内容应是一个报告（以 { 开头的一组字段），不是报告文件。']);
  }
  const obj = raw as Record<string, unknown>;

  const schema = obj.schema;
  if (schema === undefined) {
    return fail('invalid', [`缺少字段“schema”（文件类型）：这不像是年报编制助手的报告文件，报告文件第一项应为 "schema": "${REPORT_FILE_SCHEMA}"。`]);
  }
  const version = typeof schema === 'string' ? /^nianbao\.report\/(\d+)$/.exec(schema) : null;
  if (!version) {
    return fail('invalid', [`字段“schema”（文件类型）是 ${JSON.stringify(schema)}，不是年报编制助手的报告文件（应为 "${REPORT_FILE_SCHEMA}"）。`]);
  }
  if (Number(version[1]) > REPORT_FILE_VERSION) {
    return fail('newer_version', [
      `这个报告文件由较新版本的年报编制助手保存（文件版本 ${schema}），当前版本只能读取 ${REPORT_FILE_SCHEMA}。请把年报编制助手升级到最新版本后再打开；文件本身没有损坏，不要修改它。`,
    ]);
  }
  if (Number(version[1]) < 1) return fail('invalid', [`字段“schema”的版本 ${schema} 不存在（应为 "${REPORT_FILE_SCHEMA}"）。`]);

  const problems: string[] = [];
  const prepared = {
    ...obj,
    cells: readCells(obj.formatId, 'cells', obj.cells, problems),
    previousCells: readCells(obj.formatId, 'previousCells', obj.previousCells, problems),
  };
  const parsed = ReportFileSchema.safeParse(prepared);
  if (!parsed.success) problems.push(...parsed.error.issues.map(issueText));
  if (problems.length > 0 || !parsed.success) return fail('invalid', problems);
  const { schema: _schema, ...doc } = parsed.data;
  return { ok: true, doc };
}
