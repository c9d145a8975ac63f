// `nianbao import IN.docx|IN.txt|IN.nianbao.json -o OUT.nianbao.json`: reads a report made elsewhere
// into a report file. Exit 0 read, 1 partly read (what was not read is on stderr), 2 usage or
// unreadable. OUT is written to a temporary file first and renamed, so a failure never leaves a
// half-written report where a good one was.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeReportFile } from '../../../shared/report-file';
import { ImportError } from '../import/index';
import { readReportSourceOffThread } from '../import/off-thread';

const USAGE = '用法：nianbao import IN.docx|IN.txt -o OUT.nianbao.json';

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

  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(
      code === 'ENOENT' ? `找不到文件：${input}` : code === 'EISDIR' ? `“${input}”是文件夹，请指定一个文件` : `无法读取“${input}”：${(err as Error).message}`,
    );
    return 2;
  }

  let result;
  try {
    result = await readReportSourceOffThread(basename(input), bytes);
  } catch (err) {
    if (err instanceof ImportError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }

  const tmp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, serializeReportFile(result.report), { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, output);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    console.error(`无法写入“${output}”：${(err as Error).message}。请检查文件夹是否存在、是否有写入权限。`);
    return 2;
  }

  const r = result.report;
  const what = r.formatId === 'legacy' ? `${Object.keys(r.indicators ?? {}).length} 个附表指标` : `${Object.keys(r.cells).length} 个表格数字`;
  console.log(`已读入：${r.unit.name} ${r.year} 年（${r.formatId}），${what} → ${output}`);
  if (result.problems.length) {
    console.error(`以下内容没有完全读入，请核对原文后在程序中补齐：`);
    for (const p of result.problems) console.error(`  - ${p}`);
    return 1;
  }
  return 0;
}
