// Time to build the .docx of a full report (all sections written, all three tables), in process.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { buildDocx } from '../../electron/core/export/docx';
import { fullReport } from '../fixtures/full-report';
import { reportContent } from '../../shared/print/content';
import { printDocumentHtml } from '../../shared/print/html';
import { paginate } from '../../shared/print/paginate';
import { summarise } from './stats';

export async function benchExport(runs = 40): Promise<string[]> {
  const doc = fullReport();
  // The 红头 runs print the 版记 too (印发机关 and 印发日期 at the foot of the last page).
  const red = { ...doc, letterhead: { ...doc.letterhead, printedBy: '永安市小陶镇党政办公室', printedDate: '2026-01-20' } };
  // Warm-up: module loading and JIT are not what a clerk waits for on the second export.
  for (let i = 0; i < 3; i++) await buildDocx(doc);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = i % 2 === 1 ? await buildDocx(red, { letterhead: true }) : await buildDocx(doc);
    times.push(performance.now() - t0);
    bytes = out.byteLength;
  }
  const { median, p95, max } = summarise(times);
  // The reference, in the same run on the same machine: the docx library packing a bare document
  // of the same text (no layout, no tables), so a loaded machine shows in both figures.
  const text = Object.values(doc.sections).join('\n');
  const refTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] }));
    refTimes.push(performance.now() - t0);
  }
  const ref = summarise(refTimes);
  // The 导出 step repaginates its preview as the clerk types: pages and their HTML, per keystroke.
  const pageTimes: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const edited = { ...doc, sections: { ...doc.sections, overview: `${doc.sections.overview}${'又'.repeat(i)}` } };
    const t0 = performance.now();
    const content = reportContent(edited, { letterhead: i % 2 === 1 });
    pages = paginate(content).length;
    printDocumentHtml(content);
    pageTimes.push(performance.now() - t0);
  }
  const pg = summarise(pageTimes);
  return [
    `  buildDocx，完整报告（六部分正文 + 三张表，红头（带版记）与否交替），${runs} 次`,
    `  中位数 ${median.toFixed(1)} ms（目标 ≤ 60 ms），p95 ${p95.toFixed(1)} ms，最慢 ${max.toFixed(1)} ms`,
    `  参照：docx 库打包同样文字的空白文档，中位数 ${ref.median.toFixed(1)} ms（buildDocx 是它的 ${(median / ref.median).toFixed(1)} 倍）`,
    `  文件大小 ${(bytes / 1024).toFixed(1)} KB`,
    `  分页 + 打印 HTML（预览每次输入后重排），${runs} 次，${pages} 页：中位数 ${pg.median.toFixed(1)} ms，p95 ${pg.p95.toFixed(1)} ms`,
  ];
}

// Run on its own: node_modules/.bin/tsx test/bench/export.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchExport()) console.log(line);
}
