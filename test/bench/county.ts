// The county's desk at scale: 200 township reports read from a folder, checked (each with the
// table rules and the document review), compared across units (copied paragraphs, outliers) and
// summed; then the workbook written. Two folders: all report files, and one with 40 Word files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocx } from '../../electron/core/export/docx';
import { buildCountyWorkbook, countyFolderFiles, readCountyFiles } from '../../electron/core/county/index';
import { analyseCounty } from '../../shared/county/index';
import { ReportDocSchema, type ReportDoc } from '../../shared/report';
import { serializeReportFile } from '../../shared/report-file';
import { generateCountyBatch, townName } from '../fixtures/county/generate';
import { summarise } from './stats';

const PREFIXES = ['东岗', '西岭', '南塘', '北湖', '上坪', '下洋', '中和', '前溪', '后山', '新桥'];

/** 200 reports of 2025: ten generated counties' towns, renamed so every unit is distinct. */
function twoHundred(): ReportDoc[] {
  const out: ReportDoc[] = [];
  PREFIXES.forEach((prefix, k) => {
    const batch = generateCountyBatch(3000 + k).filter((g) => g.doc.year === 2025);
    batch.forEach((g, i) => {
      const town = townName(i);
      const json = JSON.stringify(g.doc).replaceAll(town, `${prefix}${town}`);
      out.push(ReportDocSchema.parse(JSON.parse(json)));
    });
  });
  return out;
}

async function writeFolder(docs: ReportDoc[], docxEvery: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-county-'));
  for (let i = 0; i < docs.length; i++) {
    const name = `${String(i + 1).padStart(3, '0')}-${docs[i].unit.name}`;
    if (docxEvery && i % docxEvery === 0) writeFileSync(join(dir, `${name}.docx`), await buildDocx(docs[i]));
    else writeFileSync(join(dir, `${name}.nianbao.json`), serializeReportFile(docs[i]));
  }
  return dir;
}

async function measure(dir: string, runs: number) {
  const read: number[] = [];
  const analyse: number[] = [];
  const total: number[] = [];
  let last = analyseCounty([]);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const files = countyFolderFiles(dir);
    const entries = await readCountyFiles(
      files,
      files.map((f) => f.split('/').pop()!),
    );
    const t1 = performance.now();
    last = analyseCounty(entries);
    const t2 = performance.now();
    read.push(t1 - t0);
    analyse.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { read: summarise(read), analyse: summarise(analyse), total: summarise(total), review: last };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function benchCounty(runs = 5): Promise<string[]> {
  const docs = twoHundred();
  const lines: string[] = [];
  for (const [label, docxEvery] of [
    ['200 份 .nianbao.json', 0],
    ['200 份，其中 40 份 Word (.docx)', 5],
  ] as const) {
    const dir = await writeFolder(docs, docxEvery);
    try {
      await measure(dir, 1); // warm-up: module loading and JIT
      const m = await measure(dir, runs);
      const copies = m.review.comparisons.filter((c) => c.rule === 'county.copied_text').length;
      lines.push(
        `  ${label}：读取+校验+比对+汇总 中位数 ${ms(m.total.median)}，最慢 ${ms(m.total.max)}（读取 ${ms(m.read.median)}，校验比对汇总 ${ms(m.analyse.median)}；${runs} 次）`,
        `    ${m.review.rows.length} 份可读，文字雷同 ${copies} 处，全县汇总 ${m.review.sums.map((s) => `${s.formatId} ${s.entryIds.length} 个单位`).join('、')}`,
      );
      if (!docxEvery) {
        const w: number[] = [];
        let bytes = 0;
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          bytes = (await buildCountyWorkbook(m.review)).byteLength;
          w.push(performance.now() - t0);
        }
        lines.push(`    Excel 汇总表：中位数 ${ms(summarise(w).median)}，${(bytes / 1024).toFixed(0)} KB`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return lines;
}

// Run on its own: node --import tsx test/bench/county.ts
if (import.meta.url === `file://${process.argv[1]}`) for (const l of await benchCounty()) console.log(l);
