// `nianbao export FILE -o OUT.docx [--letterhead] [--sealed] [--duplex] [--draft]`: the Word report in
// the official layout; with --letterhead and a 印发机关 in the file, its 版记 on the last page. Exit codes (keys-and-file.md): 0 written, 1 refused (report unreadable or not
// exportable, or not final: no 成文日期, a 红头 without 发文字号 — unless --draft), 2 usage.
// Blank table cells do not change the exit code (many files list only the cells that are not 0), but
// a final export names them on stderr, as printed 0s, unless --blank-as-zero says they were meant.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { checkReport } from '../../../shared/check';
import { parseReportFile } from '../../../shared/report-file';
import { MAX_REPORT_FILE_BYTES } from '../import/index';
import { readInputFile } from './read-input';
import { buildDocx } from '../export/docx';
import { ExportRefused, draftReasons } from '../../../shared/print/content';
import { blankCellNames, blankCells } from '../../../shared/print/blank-cells';

const USAGE = `用法：nianbao export 报告文件.nianbao.json -o 输出文件.docx [--letterhead] [--sealed] [--duplex] [--draft] [--blank-as-zero]
  -o, --output FILE   写出的 Word 文件（.docx）
  --letterhead        加红头（发文机关标志和发文字号，取自报告文件的 letterhead）；报告文件有印发机关
                      （letterhead.printedBy）时，末页下端印版记（印发机关和印发日期，GB/T 9704 7.4）
  --sealed            用印版式：成文日期右空四字，署名居中于日期之上，留出盖章位置（GB/T 9704 7.3.5.1）
  --duplex            双面打印：偶数页页边距左右对换；有版记时版记印在偶数页（需要时先加一页空白页）
  --draft             导出草稿：没有成文日期或红头缺发文字号时也写出文件，每页标「草稿」
  --blank-as-zero     统计表中没有填写的格子按 0 印出，不再逐个提示（只列出非 0 格子的报告文件批量导出时使用）
  -h, --help          显示本说明`;

interface ExportArgs {
  input: string;
  output: string;
  letterhead: boolean;
  sealed: boolean;
  duplex: boolean;
  draft: boolean;
  blankAsZero: boolean;
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  letterhead: { type: 'boolean', default: false },
  sealed: { type: 'boolean', default: false },
  duplex: { type: 'boolean', default: false },
  draft: { type: 'boolean', default: false },
  'blank-as-zero': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The arguments, or a Chinese usage error; 'help' when help was asked for. */
export function parseExportArgs(args: string[]): ExportArgs | 'help' | string {
  let parsed: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseNodeArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as { code?: string; message: string };
    const option = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项：${option || e.message}`;
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/output|-o/.test(e.message)) return '-o 后面要写输出文件名，例如 -o 报告.docx';
      return `选项 ${option} 不带参数值，请去掉等号后面的内容`;
    }
    return `命令行参数有误：${e.message}`;
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const output = values.output ?? '';
  if (positionals.length === 0) return '请写出要导出的报告文件（.nianbao.json）';
  if (positionals.length > 1) return `一次只能导出一个报告文件，收到了 ${positionals.length} 个：${positionals.join('、')}`;
  if (!output || output.startsWith('-')) return '请用 -o 指定输出的 Word 文件，例如 -o 报告.docx';
  if (!/\.docx$/i.test(output)) return `输出文件应以 .docx 结尾：${output}`;
  return {
    input: positionals[0],
    output,
    letterhead: values.letterhead,
    sealed: values.sealed,
    duplex: values.duplex,
    draft: values.draft,
    blankAsZero: values['blank-as-zero'],
  };
}

export async function runExport(args: string[]): Promise<number> {
  const parsed = parseExportArgs(args);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 2;
  }

  const read = readInputFile(parsed.input, MAX_REPORT_FILE_BYTES);
  if (!read.ok) {
    console.error(`读不到报告文件 ${parsed.input}：${read.message}。`);
    return 1;
  }
  const text = read.bytes.toString('utf8');
  let result: ReturnType<typeof parseReportFile>;
  try {
    result = parseReportFile(text);
  } catch (err) {
    result = {
      ok: false,
      code: 'invalid',
      message: `文件内容不是有效的报告文件${err instanceof RangeError ? '（嵌套层次过深）' : ''}。请用年报编制助手导出的原文件重试`,
    };
  }
  if (!result.ok) {
    console.error(`无法导出 ${parsed.input}：${result.message}`);
    return 1;
  }
  const doc = result.doc;

  // A report with errors is still written, but marked 草稿 so it is never taken for the sealed version.
  let errors: string[] = [];
  if (doc.formatId !== 'legacy')
    errors = checkReport(doc)
      .filter((f) => f.severity === 'error')
      .map((f) => f.message);
  const letterhead = parsed.letterhead || doc.letterhead.enabled;
  // No 成文日期, or a 红头 without 发文字号: not a final document. Refused unless a draft is asked for.
  const notFinal = doc.formatId === 'legacy' ? [] : draftReasons(doc, { letterhead });
  if (notFinal.length > 0 && !parsed.draft) {
    console.error(`无法导出正式文件 ${parsed.input}：`);
    for (const m of notFinal) console.error(`  · ${m}`);
    console.error('需要先打印核对的，可加 --draft 导出草稿（每页标「草稿」）。没有写出任何文件。');
    return 1;
  }
  const draft = errors.length > 0 || notFinal.length > 0 || parsed.draft;

  let bytes: Uint8Array;
  try {
    bytes = await buildDocx(doc, { letterhead, sealed: parsed.sealed, duplex: parsed.duplex, draft, final: !parsed.draft });
  } catch (err) {
    if (err instanceof ExportRefused) {
      console.error(`无法导出 ${parsed.input}：${err.message}`);
      return 1;
    }
    throw err;
  }

  // Written beside the target and renamed, so an interrupted export never leaves half a file.
  const tmp = join(dirname(parsed.output), `.${basename(parsed.output)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, parsed.output);
  } catch (err) {
    await rm(tmp, { force: true });
    console.error(`写不进 ${parsed.output}：${(err as Error).message}。请确认文件夹存在、文件没有在 Word 或 WPS 中打开，然后重试。`);
    return 1;
  }
  if (errors.length > 0) {
    console.error(`注意：报告还有 ${errors.length} 处错误，导出的文件每页都标了「草稿」，不能用印发布：`);
    for (const m of errors) console.error(`  · ${m}`);
  }
  if (notFinal.length > 0) {
    console.error('注意：按 --draft 导出了草稿，每页都标了「草稿」，不能用印发布：');
    for (const m of notFinal) console.error(`  · ${m}`);
  }
  // A final file prints blank cells as 0: named (the first five), never silently, unless confirmed.
  const blank = draft ? [] : blankCells(doc);
  if (blank.length > 0 && !parsed.blankAsZero)
    console.error(
      `注意：${blank.length} 格未填，已按 0 印出：${blankCellNames(blank, 5)}${blank.length > 5 ? '（前 5 个）' : ''}。这些事项确实没有发生的不必理会；要填写的，请填好后重新导出。确认都按 0 印出的，可加 --blank-as-zero 不再提示。`,
    );
  console.log(`已导出 ${parsed.output}${draft ? '（草稿）' : ''}`);
  return 0;
}
