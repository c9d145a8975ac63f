// `nianbao county DIR… -o OUT.xlsx [--opinions DIR] [--strict] [--issuer NAME]`: the county's desk
// on the command line. Reads every report in the folders (report files, Word and WPS documents, PDF,
// saved web pages, web text; a file that is another document is listed as 不是年度报告, not counted),
// checks, compares and sums them, writes the workbook and, on request, one 审查意见 per unit.
// Exit 0 no errors, 1 errors found (with --strict also warnings), 2 usage or unreadable files.
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseCounty } from '../../../shared/county/index';
import { writeFileAtomic } from '../atomic-write';
import { buildCountyWorkbook, buildOpinionDocx, countyFolderFiles, opinionFileName, readCountyFiles } from '../county/index';
import { CONTINUITY_TEXT, formatLabelOf } from '../county/labels';
import { ACKNOWLEDGED_WORD, SEVERITY_WORDS } from '../../../shared/severity';
import { COUNTY_FILE_KINDS } from '../../../shared/county/files';

const MARK = { error: '✗', warning: '!', info: '·' } as const;

const USAGE = `用法：nianbao county 文件夹… -o 汇总.xlsx [--opinions 文件夹] [--strict] [--issuer 署名] [--keep 文件名]…
  文件夹       装有各单位年度报告的文件夹（*.nianbao.json、.docx、.doc、.wps、.pdf、网页 .html/.mht、网页复制的 .txt），也可直接写文件
  -o           写出的 Excel 汇总表（概况、问题清单、全县汇总表）
  --opinions   为每个单位写一份《审查意见》Word 文档到这个文件夹
  --strict     有警告也按有问题退出（退出码 1）
  --issuer     审查意见的署名，如“清溪县人民政府办公室”
  --keep       同一单位同一年度报送了几份时，计入哪一份（写文件名，可写多次）；不写时计入报告文件（.nianbao.json）`;

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
        keep: { type: 'string', multiple: true },
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
        console.error(`文件夹“${p}”里没有报告文件（${COUNTY_FILE_KINDS}）。`);
        return 2;
      }
      paths.push(...inDir);
    } else paths.push(p);
  }

  const entries = await readCountyFiles(
    paths,
    paths.map((p) => basename(p)),
  );
  const keepNames = values.keep ?? [];
  const unknown = keepNames.filter((k) => !entries.some((e) => e.fileName === k));
  if (unknown.length) {
    console.error(`--keep 写的文件不在这批报告中：${unknown.join('、')}。请写文件名（不带文件夹），例如 --keep 03-石门镇-2025.nianbao.json。`);
    return 2;
  }
  const review = analyseCounty(entries, { keep: entries.filter((e) => keepNames.includes(e.fileName)).map((e) => e.id) });
  const fileOf = (id: string) => review.rows.find((r) => r.entryId === id)?.fileName ?? id;

  const lines: string[] = [];
  // A unit sent twice first: both files, the one counted, how they differ.
  for (const d of review.duplicates) {
    lines.push(
      `! 重复报送：${d.unitName} ${d.year}年有 ${d.entryIds.length} 份报告：${d.fileNames.map((n, i) => `${n}（${d.entryIds[i] === d.kept ? '计入' : '不计入'}）`).join('、')}。只计一份；要改计另一份，请加 --keep 文件名。`,
    );
    if (d.differences.length === 0) lines.push('    两份内容相同。');
    for (const x of d.differences) lines.push(`    不同：${x.label}：${x.values.map((v, i) => `${d.fileNames[i]} 为 ${v}`).join('，')}`);
  }
  for (const r of review.rows) {
    if (r.role === 'duplicate') {
      lines.push(`- ${r.fileName}：${r.unitName} ${r.year}年（重复报送，未计入，计入的是 ${fileOf(r.duplicateOf!)}）`);
      continue;
    }
    const mark = r.errors ? '✗' : '✓';
    const role = r.role === 'previous' ? '（上年报告，用于核对结转）' : r.role === 'other' ? '（其他年度，不参加汇总）' : '';
    const checked = r.acknowledged ? `，${r.acknowledged} 条${ACKNOWLEDGED_WORD}` : '';
    lines.push(
      `${mark} ${r.fileName}：${r.unitName} ${r.year}年${role}，${formatLabelOf(r.formatId)}，${r.errors} 个${SEVERITY_WORDS.error}，${r.warnings} 个${SEVERITY_WORDS.warning}，${r.info} 条${SEVERITY_WORDS.info}${checked}；结转：${CONTINUITY_TEXT[r.continuity]}；成文日期：${r.date || '未写'}`,
    );
  }
  for (const u of review.unreadable)
    lines.push(u.notAReport ? `- ${u.fileName}：不是年度报告，未计入。${u.error.split('\n')[0]}` : `✗ ${u.fileName}：无法读取。${u.error.split('\n')[0]}`);
  for (const c of review.comparisons) lines.push(`  ${MARK[c.severity]} ${SEVERITY_WORDS[c.severity]}（${c.unitName}）：${c.message}`);
  lines.push(`汇总：${review.sumNote}`);
  for (const s of review.sums)
    for (const f of s.findings) lines.push(`  全县汇总（${formatLabelOf(s.formatId)}）${MARK[f.severity]} ${SEVERITY_WORDS[f.severity]}：${f.message}`);

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
    // Each opinion under its own name (two units may share one): the count is of files written.
    const taken = new Set<string>();
    const failed: string[] = [];
    let written = 0;
    for (const r of review.rows) {
      if (r.role !== 'current') continue;
      const doc = entries.find((e) => e.id === r.entryId)!.doc!;
      const alsoSent = review.duplicates.find((d) => d.kept === r.entryId)?.fileNames.filter((n) => n !== r.fileName);
      const name = opinionFileName(doc, taken);
      try {
        await writeFileAtomic(join(values.opinions, name), await buildOpinionDocx(r, doc, { issuer: values.issuer, alsoSent }));
        written++;
      } catch (err) {
        failed.push(`${name}（${err instanceof Error ? err.message : String(err)}）`);
      }
    }
    lines.push(`已写出 ${written} 份审查意见到：${values.opinions}`);
    if (failed.length) {
      console.log(lines.join('\n'));
      console.error(`有 ${failed.length} 份审查意见没能写出：${failed.join('；')}。请检查文件夹是否可写、文件是否正在 Word 中打开。`);
      return 2;
    }
  }
  console.log(lines.join('\n'));

  // A file that is another document (a cover note sent with the reports) is listed, not a failure.
  if (review.unreadable.some((u) => !u.notAReport)) return 2;
  const current = review.rows.filter((r) => r.role === 'current');
  if (current.some((r) => r.errors > 0)) return 1;
  if (values.strict && current.some((r) => r.warnings > 0)) return 1;
  return 0;
}
