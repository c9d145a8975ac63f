// `nianbao import IN -o OUT.nianbao.json` (IN: .docx .doc .wps .pdf .html .mht .txt .nianbao.json):
// reads a report made elsewhere into a report file. Exit 0 when OUT was written (what the import
// changed or could not read — 导入核对 — is on stderr: cells not read are marked 未读入 in the file),
// 1 when nothing usable was written (unreadable input, not a report, OUT not writable), 2 usage.
// OUT is written to a temporary file first and renamed, so a failure never leaves a half-written
// report where a good one was.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeReportFile } from '../../../shared/report-file';
import { ImportError, MAX_SOURCE_BYTES } from '../import/index';
import { readReportSourceOffThread } from '../import/off-thread';
import { readInputFile } from './read-input';

const USAGE = '用法：nianbao import IN.docx|IN.doc|IN.wps|IN.pdf|IN.html|IN.mht|IN.txt -o OUT.nianbao.json';

/** The arguments, or a Chinese message saying what is wrong with them. */
export function parseImportArgs(args: string[]): { input: string; output: string } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const option = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { error: '-o 后面要写输出文件名。' };
    return { error: `不认识的选项：${option || (err as Error).message}` };
  }
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return { error: `一次只能导入一个文件（多了“${extra}”）。` };
  const output = parsed.values.output;
  if (output === '') return { error: '-o 后面要写输出文件名。' };
  if (!input || !output) return { error: `${!input ? '缺少要导入的文件' : '缺少输出文件（-o OUT.nianbao.json）'}。` };
  return { input, output };
}

export async function runImport(args: string[]): Promise<number> {
  const parsedArgs = parseImportArgs(args);
  if ('error' in parsedArgs) {
    console.error(`${parsedArgs.error}\n${USAGE}`);
    return 2;
  }
  const { input, output } = parsedArgs;

  // Looked at before it is read: size, and that it is a file at all (not /dev/zero or a pipe).
  const read = readInputFile(input, MAX_SOURCE_BYTES);
  if (!read.ok) {
    console.error(`无法导入“${input}”：${read.message}。`);
    // Nothing usable was written (issue 21: 1; 2 is for usage).
    return 1;
  }
  const bytes: Uint8Array = read.bytes;

  let result;
  try {
    result = await readReportSourceOffThread(basename(input), bytes);
  } catch (err) {
    if (err instanceof ImportError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }

  const tmp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, serializeReportFile(result.report), { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, output);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    console.error(`无法写入“${output}”${code ? `（${code}）` : ''}。请检查文件夹是否存在、是否有写入权限。`);
    return 1;
  }

  const r = result.report;
  const what = r.formatId === 'legacy' ? `${Object.keys(r.indicators ?? {}).length} 个附表指标` : `${Object.keys(r.cells).length} 个表格数字`;
  console.log(`已读入：${r.unit.name} ${r.year} 年（${r.formatId}），${what} → ${output}`);
  if (result.problems.length) {
    console.error(`以下内容没有完全读入，请核对原文后在程序中补齐：`);
    for (const p of result.problems) console.error(`  - ${p}`);
  }
  const changed = result.notes.filter((n) => n.kind !== 'unread');
  if (changed.length) {
    console.error('导入核对（读入时对原文所做的处理，请核对）：');
    for (const n of changed) console.error(`  - ${n.line ? `第 ${n.line} 行：` : ''}${n.text}`);
  }
  const unread = result.report.unreadCells?.length ?? 0;
  if (unread) console.error(`表格中有 ${unread} 格未读入，文件中已标为“未读入”（不会当作 0 印出），请在程序中对照原报告填写。`);
  return 0;
}
