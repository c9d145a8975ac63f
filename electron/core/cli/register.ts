// `nianbao register REGISTER.xlsx|REGISTER.csv --year 2025 [--format gov-2021] [--json]
// [--into REPORT.nianbao.json -o OUT.nianbao.json]`: reads a clerk's register as the UI import does,
// prints the table 三 it yields (with --json every application with its due date, 逾期 state and
// cells), and with --into writes the counts and the register summary into a report file.
// Exit 0 read, 1 rows refused (listed with the reason; nothing written), 2 usage or unreadable.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cellKey, formatForYear, getFormat, isGovFormatId } from '../../../shared/formats/index';
import type { ReportFormat } from '../../../shared/formats/types';
import { WorkCalendar } from '../../../shared/register/deadline';
import { countRegister } from '../../../shared/register/summary';
import { registerCellKeys } from '../../../shared/register/table3';
import { parseReportFile, serializeReportFile } from '../../../shared/report-file';
import { entryOf, localDay } from '../register/api';
import { readRegisterFile, SheetError } from '../register/read-sheet';

const USAGE = '用法：nianbao register 台账.xlsx|台账.csv --year 2025 [--format gov-2021] [--json] [--into 报告.nianbao.json -o 输出.nianbao.json]';

interface RegisterArgs {
  input: string;
  year: number;
  format: ReportFormat;
  json: boolean;
  into: string | null;
  output: string | null;
}

export function parseRegisterArgs(args: string[]): RegisterArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean' },
        into: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const option = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
    return { error: `不认识的选项或缺少选项的值：${option || (err as Error).message}` };
  }
  const [input, extra] = parsed.positionals;
  if (!input) return { error: '缺少台账文件。' };
  if (extra !== undefined) return { error: `一次只能读一个台账文件（多了“${extra}”）。` };
  const year = Number(parsed.values.year);
  if (!parsed.values.year || !Number.isInteger(year) || year < 2008 || year > 2100) return { error: '请用 --year 写明年度，例如 --year 2025。' };
  const formatId = parsed.values.format ?? formatForYear(year).id;
  if (!isGovFormatId(formatId)) return { error: `--format 只能是 gov-2021 或 gov-2019（收到“${formatId}”）。` };
  const into = parsed.values.into ?? null;
  const output = parsed.values.output ?? null;
  if ((into === null) !== (output === null)) return { error: '--into 和 -o 要一起用：--into 报告.nianbao.json -o 输出.nianbao.json。' };
  return { input, year, format: getFormat(formatId), json: Boolean(parsed.values.json), into, output };
}

/** Table 三 as text: one line per row, the six applicant columns and 总计. */
function table3Text(format: ReportFormat, cells: Record<string, number>): string {
  const cols = format.t3.columns.filter((c) => !c.derived);
  const lines = [`${'项目'.padEnd(24, '\u3000')}${cols.map((c) => c.label.padStart(7, '\u3000')).join('')}${'总计'.padStart(7, '\u3000')}`];
  for (const row of format.t3.rows) {
    const values = cols.map((c) =>
      row.derived
        ? format.t3.rows.filter((r) => r.outcome).reduce((s, r) => s + (cells[cellKey('t3', r.key, c.key)] ?? 0), 0)
        : (cells[cellKey('t3', row.key, c.key)] ?? 0),
    );
    const label = (row.short ?? row.path.slice(row.path.length > 1 ? 1 : 0).join('')).slice(0, 24);
    lines.push(`${label.padEnd(24, '\u3000')}${values.map((v) => String(v).padStart(8)).join('')}${String(values.reduce((a, b) => a + b, 0)).padStart(8)}`);
  }
  return lines.join('\n');
}

async function writeAtomically(output: string, content: string): Promise<void> {
  const tmp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, output);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export async function runRegister(args: string[]): Promise<number> {
  const a = parseRegisterArgs(args);
  if ('error' in a) {
    console.error(`${a.error}\n${USAGE}`);
    return 2;
  }
  let read;
  try {
    read = await readRegisterFile(basename(a.input), new Uint8Array(await readFile(a.input)), a.year, a.format);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof SheetError) console.error(err.message);
    else if (code === 'ENOENT') console.error(`找不到文件：${a.input}`);
    else if (code === 'EISDIR') console.error(`“${a.input}”是文件夹，请指定台账文件`);
    else throw err;
    return 2;
  }

  const calendar = new WorkCalendar();
  const today = localDay(Date.now());
  const counted = countRegister(read.applications, a.year, a.format.id, calendar, today);
  const refused = [...read.refused.map((r) => r.reason), ...counted.unplaced.map((u) => `${u.id}：${u.reason}`)];

  if (a.json) {
    const applications = read.applications.map((app) => {
      const e = entryOf(app, calendar, today, a.year);
      return {
        ...app,
        due: e.deadline.due,
        state: e.deadline.state,
        overdue: e.deadline.state === 'overdue' || e.deadline.state === 'answered_late',
        cells: e.cells,
      };
    });
    const out = {
      year: a.year,
      formatId: a.format.id,
      sheet: read.sheet,
      table: counted.cells,
      applications,
      unsure: read.unsure,
      refused,
      skipped: read.skipped,
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    console.log(`${read.sheet}：读入 ${read.applications.length} 件申请，${a.year} 年的表三计入 ${counted.summary.counted} 件（${a.format.citation}）`);
    console.log(table3Text(a.format, counted.cells));
    if (counted.summary.overdue.length) console.log(`逾期答复：${counted.summary.overdue.join('、')}`);
  }
  for (const s of read.skipped) console.error(`第 ${s.row} 行：${s.reason}`);
  if (read.unsure.length) {
    console.error('以下内容按字面意思归入表三，请核对：');
    for (const u of read.unsure) console.error(`  第 ${u.row} 行（${u.id}）“${u.text}” → ${u.readAs}`);
  }
  if (refused.length) {
    console.error(`有 ${refused.length} 行无法计入表三，请在台账中改正后重新运行${a.into ? '（报告文件没有写入）' : ''}：`);
    for (const r of refused) console.error(`  - ${r}`);
    return 1;
  }

  if (a.into && a.output) {
    let text: string;
    try {
      text = await readFile(a.into, 'utf8');
    } catch {
      console.error(`无法读取报告文件：${a.into}`);
      return 2;
    }
    const parsed = parseReportFile(text);
    if (!parsed.ok) {
      console.error(parsed.message);
      return 2;
    }
    const doc = parsed.doc;
    if (doc.year !== a.year || doc.formatId !== a.format.id) {
      console.error(`报告文件是 ${doc.year} 年（${doc.formatId}），与 --year ${a.year}（${a.format.id}）不一致，没有写入。`);
      return 2;
    }
    const cells = { ...doc.cells };
    for (const k of registerCellKeys(doc.formatId)) cells[k] = counted.cells[k] ?? 0;
    try {
      await writeAtomically(a.output, serializeReportFile({ ...doc, cells, register: counted.summary }));
    } catch (err) {
      console.error(`无法写入“${a.output}”：${(err as Error).message}。请检查文件夹是否存在、是否有写入权限。`);
      return 2;
    }
    console.error(`已把表三写入 ${a.output}`);
  }
  return 0;
}
