// Export, then import the .docx back with the program's own importer: every cell of the three
// tables comes back as printed (inputs as entered, empty ones as 0, totals as derived), and the
// unit, year and format are recognised. Run over the seed-based report files and the full fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from '../../electron/core/export/docx';
import { printedCells } from '../../shared/print/content';
import { readReportSource } from '../../electron/core/import/index';
import { formatModel, getFormat } from '../../shared/formats/index';
import { parseReportFile } from '../../shared/report-file';
import type { ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';

const dir = join(process.cwd(), 'test', 'fixtures', 'reports');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.nianbao.json')) : [];

const cases: [string, () => ReportDoc][] = [
  ['full-report fixture', () => fullReport()],
  ...files.map((f): [string, () => ReportDoc] => [
    f,
    () => {
      const parsed = parseReportFile(readFileSync(join(dir, f), 'utf8'));
      assert.ok(parsed.ok, `${f}: ${parsed.ok ? '' : parsed.message}`);
      return parsed.doc;
    },
  ]),
];

for (const [name, load] of cases) {
  test(`export → import gives the same cells: ${name}`, async () => {
    const doc = load();
    // Seed reports without a 成文日期 come out as drafts; the tables print the same either way.
    const bytes = await buildDocx(doc);
    const read = await readReportSource('exported.docx', bytes);
    assert.equal(read.source, 'docx');
    assert.equal(read.report.formatId, doc.formatId);
    assert.equal(read.report.year, doc.year);
    assert.equal(read.report.unit.name, doc.unit.name);
    const format = getFormat(doc.formatId);
    const printed = printedCells(format, doc.cells);
    const mismatches: string[] = [];
    for (const c of formatModel(format).cells) {
      const back = read.report.cells[c.key];
      if (String(back ?? 'missing') !== printed[c.key]) mismatches.push(`${c.key}: printed ${printed[c.key]}, read back ${back ?? '（没有读到）'}`);
    }
    assert.deepEqual(mismatches, []);
  });
}

test('export → import of a 红头 with its 版记: the 印发机关 and 印发日期 come back, the 署名, date and text untouched', async () => {
  const base = fullReport();
  for (const printedDate of ['2026-01-20', '']) {
    const doc = {
      ...base,
      letterhead: { enabled: true, issuer: '永安市小陶镇人民政府文件', docNumber: '小政〔2026〕1号', printedBy: '永安市小陶镇党政办公室', printedDate },
    };
    const read = await readReportSource('red.docx', await buildDocx(doc, { letterhead: true }));
    assert.equal(read.report.letterhead.printedBy, '永安市小陶镇党政办公室');
    assert.equal(read.report.letterhead.printedDate, printedDate, 'a 印发日期 equal to the 成文日期 reads as not set');
    assert.equal(read.report.signature, base.signature);
    assert.equal(read.report.date, base.date);
    assert.doesNotMatch(read.report.sections.other_matters ?? '', /印发|永安市小陶镇人民政府$/);
  }
});
