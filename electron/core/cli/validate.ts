// `nianbao validate FILE… [--previous FILE] [--json] [--strict]`: checks report files the way the
// county reviewer does (contract in shared/spec/keys-and-file.md). Exit 0 no errors, 1 errors found
// (with --strict: errors or unacknowledged warnings), 2 bad usage or an unreadable/invalid file.
// Folders stand for the *.nianbao.json files in them.
import { SEVERITY_WORDS } from '../../../shared/severity';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport, countFindings, hasBlockingFindings, isAcknowledged } from '../../../shared/check';
import type { Finding, ReportDoc } from '../../../shared/report';
import { parseReportFile, REPORT_FILE_EXTENSION } from '../../../shared/report-file';
import { MAX_REPORT_FILE_BYTES } from '../import/index';
import { readInputFile } from './read-input';

const USAGE = `用法：nianbao validate FILE… [--previous FILE] [--json] [--strict]
  FILE        报告文件（*.nianbao.json），或装有报告文件的文件夹（可写多个）
  --previous  上一年度的报告文件：用于跨年度核对（上年结转、现行有效件数）
  --json      以 JSON 输出结果，便于其他程序读取
  --strict    有未核实的警告也算不通过（退出码 1），供县政务公开办批量检查`;

interface Options {
  files: string[];
  previous?: string;
  json: boolean;
  /** exit 1 on warnings too (the county's batch check) */
  strict: boolean;
}

interface LoadedFile {
  file: string;
  doc?: ReportDoc;
  error?: { code: string; message: string };
}

interface FileResult {
  file: string;
  ok: boolean;
  /** the file used as last year's report, and whether it was found automatically */
  previous?: { file: string; automatic: boolean };
  error?: { code: string; message: string };
  findings: Finding[];
  acknowledged?: string[];
}

function parseOptions(args: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        previous: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(err);
  }
  const { values, positionals } = parsed;
  if (values.help) return '';
  const previous = values.previous ?? [];
  if (previous.length > 1) return '--previous 只能写一次。';
  if (previous.length === 1 && !previous[0]) return '--previous 后面要写上一年度报告文件的路径。';
  if (positionals.length === 0) return '请写出要校验的报告文件或文件夹。';
  return { files: positionals, previous: previous[0], json: Boolean(values.json), strict: Boolean(values.strict) };
}

/** node:util's parse errors, said in Chinese. */
function usageError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项：${option || message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (option.startsWith('--previous')) return '--previous 后面要写上一年度报告文件的路径。';
    return `选项 ${option} 的写法不对：${/--(json|strict|help)/.test(option) ? '这个选项后面不跟值' : '后面要跟一个值'}。`;
  }
  return `命令行参数有误：${message}`;
}

/** A folder becomes its *.nianbao.json files (not recursive), sorted by name. */
function expand(paths: string[]): { files: string[]; problems: LoadedFile[] } {
  const files: string[] = [];
  const problems: LoadedFile[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      problems.push({ file: p, error: { code: 'unreadable', message: '找不到这个文件或文件夹，请检查路径。' } });
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const inDir = readdirSync(p)
      .filter((n) => n.endsWith(REPORT_FILE_EXTENSION))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .map((n) => join(p, n));
    if (inDir.length === 0) problems.push({ file: p, error: { code: 'empty_folder', message: `文件夹里没有报告文件（*${REPORT_FILE_EXTENSION}）。` } });
    files.push(...inDir);
  }
  return { files, problems };
}

function load(file: string): LoadedFile {
  const read = readInputFile(file, MAX_REPORT_FILE_BYTES);
  if (!read.ok) return { file, error: { code: 'unreadable', message: `${read.message}。` } };
  const parsed = parseReportFile(read.bytes.toString('utf8'));
  if (!parsed.ok) return { file, error: { code: parsed.code, message: parsed.message } };
  return { file, doc: parsed.doc };
}

const unitYear = (doc: ReportDoc, year = doc.year) => `${doc.unit.name.trim()}\u0000${year}`;

const MARK: Record<Finding['severity'], string> = { error: '✗', warning: '!', info: '·' };
const SEVERITY_TEXT = (s: Finding['severity']) => `${MARK[s]} ${SEVERITY_WORDS[s]}`;

function summaryLine(r: FileResult, doc: ReportDoc | undefined, strict: boolean): string {
  const name = r.file;
  if (r.error) return `✗ ${name}：无法校验。${r.error.message.split('\n')[0]}`;
  const c = countFindings(doc as ReportDoc, r.findings);
  const parts: string[] = [];
  if (c.errors) parts.push(`${c.errors} 个错误`);
  if (c.warnings) parts.push(`${c.warnings} 个${SEVERITY_WORDS.warning}`);
  if (c.info) parts.push(`${c.info} 条${SEVERITY_WORDS.info}`);
  if (c.acknowledged) parts.push(`${c.acknowledged} 条已核实`);
  const mark = c.errors || (strict && c.warnings) ? '✗' : '✓';
  if (parts.length === 0) return `${mark} ${name}：没有发现问题`;
  const lead = c.errors ? '' : c.warnings ? '没有错误，' : '没有错误和警告，';
  return `${mark} ${name}：${lead}${parts.join('，')}`;
}

function printText(results: { r: FileResult; doc?: ReportDoc }[], explicitPrevious: string | undefined, strict: boolean): void {
  const lines: string[] = [];
  if (explicitPrevious) lines.push(`以 ${explicitPrevious} 作为上一年度报告，对每个文件做跨年度核对。`);
  for (const { r, doc } of results) {
    lines.push(summaryLine(r, doc, strict));
    if (r.error) {
      for (const l of r.error.message.split('\n').slice(1)) lines.push(`    ${l}`);
      continue;
    }
    if (r.previous?.automatic) lines.push(`    （以同一文件夹中的 ${basename(r.previous.file)} 作为上一年度报告，已做跨年度核对）`);
    const sorted = [...r.findings].sort((a, b) => order(a) - order(b));
    for (const f of sorted) {
      const ack = doc && isAcknowledged(doc, f) ? doc.acknowledgements[f.id as string] : undefined;
      const head = ack ? `✓ 已核实的${SEVERITY_WORDS[f.severity]}` : SEVERITY_TEXT(f.severity);
      lines.push(`  ${head}：${f.message}${ack ? `（核实理由：${ack.reason}）` : ''} [${f.rule}]`);
    }
  }
  if (results.length > 1) {
    const bad = results.filter(({ r }) => r.error).length;
    const counts = results.filter(({ r }) => !r.error).map(({ r, doc }) => countFindings(doc as ReportDoc, r.findings));
    const withErrors = counts.filter((c) => c.errors > 0).length;
    const withWarnings = counts.filter((c) => c.errors === 0 && c.warnings > 0).length;
    const parts = [`${withErrors} 个有错误`, `${counts.length - withErrors} 个没有错误${withWarnings ? `（其中 ${withWarnings} 个有未核实的警告）` : ''}`];
    if (bad) parts.push(`${bad} 个无法校验`);
    lines.push(`共 ${results.length} 个文件：${parts.join('，')}。`);
  }
  console.log(lines.join('\n'));
}

const order = (f: Finding) => ({ error: 0, warning: 1, info: 2 })[f.severity];

export async function runValidate(args: string[]): Promise<number> {
  const opts = parseOptions(args);
  if (typeof opts === 'string') {
    if (opts === '') {
      console.log(USAGE);
      return 0;
    }
    console.error(`${opts}\n${USAGE}`);
    return 2;
  }

  let explicitPrevious: ReportDoc | undefined;
  if (opts.previous) {
    const prev = load(opts.previous);
    if (!prev.doc) {
      const message = `上一年度报告 ${opts.previous} 无法读取：${prev.error?.message ?? ''}`;
      if (opts.json) console.log(JSON.stringify([{ file: opts.previous, ok: false, error: { ...prev.error, message }, findings: [] }], null, 2));
      else console.error(message);
      return 2;
    }
    explicitPrevious = prev.doc;
  }

  const { files, problems } = expand(opts.files);
  const loaded = [...problems, ...files.map(load)];

  // The same unit's year Y−1 report in the same folder serves as last year's, unless --previous is given.
  const byFolder = new Map<string, LoadedFile>();
  for (const l of loaded) if (l.doc) byFolder.set(`${resolve(dirname(l.file))}\u0000${unitYear(l.doc)}`, l);

  const results: { r: FileResult; doc?: ReportDoc }[] = [];
  for (const l of loaded) {
    if (!l.doc) {
      results.push({ r: { file: l.file, ok: false, error: l.error, findings: [] } });
      continue;
    }
    let previous: ReportDoc | undefined = explicitPrevious;
    let previousInfo: FileResult['previous'] = opts.previous ? { file: opts.previous, automatic: false } : undefined;
    if (!previous) {
      const sibling = byFolder.get(`${resolve(dirname(l.file))}\u0000${unitYear(l.doc, l.doc.year - 1)}`);
      if (sibling?.doc) {
        previous = sibling.doc;
        previousInfo = { file: sibling.file, automatic: true };
      }
    }
    const findings = checkReport(l.doc, previous);
    const doc = l.doc;
    const acknowledged = findings.filter((f) => isAcknowledged(doc, f)).map((f) => f.id as string);
    // --strict: an unacknowledged warning fails the file too.
    const ok = !hasBlockingFindings(findings) && !(opts.strict && countFindings(doc, findings).warnings > 0);
    results.push({
      r: {
        file: l.file,
        ok,
        ...(previousInfo ? { previous: previousInfo } : {}),
        findings,
        ...(acknowledged.length ? { acknowledged } : {}),
      },
      doc,
    });
  }

  if (opts.json)
    console.log(
      JSON.stringify(
        results.map(({ r }) => r),
        null,
        2,
      ),
    );
  else printText(results, opts.previous, opts.strict);

  if (results.some(({ r }) => r.error)) return 2;
  return results.some(({ r }) => !r.ok) ? 1 : 0;
}
