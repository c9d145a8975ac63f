// Reading last year's report from its forms (issue 21): a PDF of about ten pages, LibreOffice's and
// a browser's print (target ≤ 1 s), a .doc (target ≤ 0.5 s), beside the .docx of the same report
// read in the same run (the reference), in process after a warm-up, and once through the worker
// thread the program reads files on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReportSource } from '../../electron/core/import/index';
import { readReportSourceOffThread } from '../../electron/core/import/off-thread';
import { summarise } from './stats';

const FORMS = join(import.meta.dirname, '../fixtures/forms');

export async function benchImport(runs = 10): Promise<string[]> {
  const name = '2020-ansha';
  const file = (ext: string) => new Uint8Array(readFileSync(join(FORMS, ext === 'chromium.pdf' ? `${name}-chromium.pdf` : `${name}.${ext}`)));
  const { getDocumentProxy } = await import('unpdf');
  const pages = (await getDocumentProxy(file('pdf'))).numPages;
  const chromiumPages = (await getDocumentProxy(file('chromium.pdf'))).numPages;
  const out: string[] = [];
  for (const [ext, label, target] of [
    ['docx', '参照：同一份报告的 .docx', ''],
    ['pdf', `PDF（${pages} 页）`, '目标 ≤ 1000 ms'],
    ['chromium.pdf', `浏览器打印的 PDF（${chromiumPages} 页，含页眉页脚）`, '目标 ≤ 1000 ms'],
    ['doc', '.doc（Word 97）', '目标 ≤ 500 ms'],
    ['html', '网页（.html）', ''],
  ] as const) {
    const bytes = file(ext);
    for (let i = 0; i < 2; i++) await readReportSource(`${name}.${ext}`, bytes);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await readReportSource(`${name}.${ext}`, bytes);
      times.push(performance.now() - t0);
    }
    const s = summarise(times);
    const t0 = performance.now();
    await readReportSourceOffThread(`${name}.${ext}`, bytes);
    const offThread = performance.now() - t0;
    out.push(
      `  ${label}，${runs} 次：中位数 ${s.median.toFixed(0)} ms，p95 ${s.p95.toFixed(0)} ms${target ? `（${target}）` : ''}；经读取线程一次 ${offThread.toFixed(0)} ms`,
    );
  }
  return out;
}

// Run on its own: node_modules/.bin/tsx test/bench/import.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchImport()) console.log(line);
}
