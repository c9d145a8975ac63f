// `nianbao county DIR… -o OUT.xlsx [--opinions DIR] [--strict] [--issuer NAME]`: the county's desk
// on the command line. Reads every report in the folders (report files, Word documents, web text),
// checks, compares and sums them, writes the workbook and, on request, one 审查意见 per unit.
// Exit 0 no errors, 1 errors found (with --strict also warnings), 2 usage or unreadable files.
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseCounty } from '../../../shared/county/index';
import { writeFileAtomic } from '../atomic-write';
import { buildCountyWorkbook, buildOpinionDocx, countyFolderFiles, opinionFileName, readCountyFiles } from '../county/index';
import { CONTINUITY_TEXT, formatLabelOf } from '../county/labels';

const USAGE = `用法：nianbao county 文件夹… -o 汇总.xlsx [--opinions 文件夹] [--strict] [--issuer 署名]
  文件夹       装有各单位年度报告的文件夹（*.nianbao.json、.docx、网页复制的 .txt），也可直接写文件
  -o           写出的 Excel 汇总表（概况、问题清单、全县汇总表）
  --opinions   为每个单位写一份《审查意见》Word 文档到这个文件夹
  --strict     有警告也按有问题退出（退出码 1）
  --issuer     审查意见的署名，如“清溪县人民政府办公室”`;

function isDirectory(p: string): boolean | null {
  try {
    return statSync(p).isDirectory();
  } catch {
    return null;
  }
}

export async function runCounty(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        opinions: { type: 'string' },
        strict: { type: 'boolean', default: false },
        issuer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const option = /'([^']+)'/.exec(msg)?.[1];
    console.error(`${option ? `选项 ${option} 用法不对（不认识的选项，或后面缺少值）。` : '参数有误。'}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`请写出装有各单位报告的文件夹。\n${USAGE}`);
    return 2;
  }
  if (!values.output) {
    console.error(`请用 -o 写出 Excel 汇总表的文件名，例如 -o 全县汇总.xlsx。\n${USAGE}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(values.output)) {
    console.error(`汇总表的文件名应以 .xlsx 结尾（现在是 ${values.output}）。`);
    return 2;
  }

  const paths: string[] = [];
  for (const p of positionals) {
    const dir = isDirectory(p);
    if (dir === null) {
      console.error(`找不到“${p}”，请检查路径。`);
      return 2;
    }
    if (dir) {
      const inDir = countyFolderFiles(p);
      if (inDir.length === 0) {
        console.error(`文件夹“${p}”里没有报告文件（*.nianbao.json、*.docx 或 *.txt）。`);
        return 2;
      }
      paths.push(...inDir);
    } else paths.push(p);
  }

  const entries = await readCountyFiles(
    paths,
    paths.map((p) => basename(p)),
  );
  const review = analyseCounty(entries);

  const lines: string[] = [];
  for (const r of review.rows) {
    const mark = r.errors ? '✗' : '✓';
    const role = r.role === 'previous' ? '（上年报告，用于核对结转）' : r.role === 'other' ? '（其他年度，不参加汇总）' : '';
    lines.push(
      `${mark} ${r.fileName}：${r.unitName} ${r.year}年${role}，${formatLabelOf(r.formatId)}，${r.errors} 个错误，${r.warnings} 个警告，${r.info} 条提示；结转：${CONTINUITY_TEXT[r.continuity]}；成文日期：${r.date || '未写'}`,
    );
  }
  for (const u of review.unreadable) lines.push(`✗ ${u.fileName}：无法读取。${u.error.split('\n')[0]}`);
  for (const c of review.comparisons) lines.push(`  ${c.severity === 'info' ? '· 提示' : '! 警告'}（${c.unitName}）：${c.message}`);
  lines.push(`汇总：${review.sumNote}`);
  for (const s of review.sums)
    for (const f of s.findings) lines.push(`  全县汇总（${formatLabelOf(s.formatId)}）${f.severity === 'error' ? '✗ 错误' : '! 警告'}：${f.message}`);

  const workbook = await buildCountyWorkbook(review);
  try {
    await writeFileAtomic(values.output, workbook);
  } catch (err) {
    console.error(`无法写出汇总表 ${values.output}：${err instanceof Error ? err.message : String(err)}。请检查文件夹是否存在、文件是否正在 Excel 中打开。`);
    return 2;
  }
  lines.push(`已写出汇总表：${values.output}`);

  if (values.opinions) {
    try {
      mkdirSync(values.opinions, { recursive: true });
    } catch (err) {
      console.error(`无法建立审查意见文件夹 ${values.opinions}：${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    let n = 0;
    for (const r of review.rows) {
      if (r.role !== 'current') continue;
      const doc = entries.find((e) => e.id === r.entryId)!.doc!;
      await writeFileAtomic(join(values.opinions, opinionFileName(doc)), await buildOpinionDocx(r, doc, { issuer: values.issuer }));
      n++;
    }
    lines.push(`已写出 ${n} 份审查意见到：${values.opinions}`);
  }
  console.log(lines.join('\n'));

  if (review.unreadable.length > 0) return 2;
  const current = review.rows.filter((r) => r.role === 'current');
  if (current.some((r) => r.errors > 0)) return 1;
  if (values.strict && current.some((r) => r.warnings > 0)) return 1;
  return 0;
}
