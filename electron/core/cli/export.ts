// `nianbao export FILE -o OUT.docx [--letterhead]`: the Word report in the official layout.
// Exit codes (keys-and-file.md): 0 written, 1 refused (report unreadable or not exportable), 2 usage.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkReport } from '../../../shared/check';
import { parseReportFile } from '../../../shared/report-file';
import { buildDocx } from '../export/docx';
import { ExportRefused } from '../../../shared/print/content';

const USAGE = `用法：nianbao export 报告文件.nianbao.json -o 输出文件.docx [--letterhead]
  -o, --output FILE   写出的 Word 文件（.docx）
  --letterhead        加红头（发文机关标志和发文字号，取自报告文件的 letterhead）`;

interface ExportArgs {
  input: string;
  output: string;
  letterhead: boolean;
}

function parseArgs(args: string[]): ExportArgs | string {
  const positional: string[] = [];
  let output = '';
  let letterhead = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      const next = args[i + 1];
      if (!next || next.startsWith('-')) return `${a} 后面要写输出文件名，例如 -o 报告.docx`;
      output = next;
      i++;
    } else if (a.startsWith('--output=')) output = a.slice('--output='.length);
    else if (a === '--letterhead') letterhead = true;
    else if (a.startsWith('-') && a !== '-') return `不认识的选项：${a}`;
    else positional.push(a);
  }
  if (positional.length === 0) return '请写出要导出的报告文件（.nianbao.json）';
  if (positional.length > 1) return `一次只能导出一个报告文件，收到了 ${positional.length} 个：${positional.join('、')}`;
  if (!output) return '请用 -o 指定输出的 Word 文件，例如 -o 报告.docx';
  if (!/\.docx$/i.test(output)) return `输出文件应以 .docx 结尾：${output}`;
  return { input: positional[0], output, letterhead };
}

export async function runExport(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 2;
  }

  let text: string;
  try {
    text = await readFile(parsed.input, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : String((err as Error).message);
    console.error(`读不到报告文件 ${parsed.input}：${why}。请检查文件路径后重试。`);
    return 1;
  }
  let result: ReturnType<typeof parseReportFile>;
  try {
    result = parseReportFile(text);
  } catch (err) {
    result = { ok: false, code: 'invalid', message: `文件内容不是有效的报告文件（${(err as Error).message}）` };
  }
  if (!result.ok) {
    console.error(`无法导出 ${parsed.input}：${result.message}`);
    return 1;
  }
  const doc = result.doc;

  // A report with errors is still written, but marked 草稿 so it is never taken for the sealed version.
  let errors: string[] = [];
  if (doc.formatId !== 'legacy') errors = checkReport(doc).filter((f) => f.severity === 'error').map((f) => f.message);

  let bytes: Uint8Array;
  try {
    bytes = await buildDocx(doc, { letterhead: parsed.letterhead || doc.letterhead.enabled, draft: errors.length > 0 });
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
  console.log(`已导出 ${parsed.output}${errors.length > 0 ? '（草稿）' : ''}`);
  return 0;
}
