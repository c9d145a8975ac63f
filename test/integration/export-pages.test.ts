// One page model for preview, Word and PDF: every fixture report is exported to Word, rendered to
// PDF by LibreOffice once, and its pages compared with the preview's (paginate): the same number of
// pages, and each page opening with the same line. Renders are slow on a shared machine: all the
// files go through one LibreOffice start.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from '../../electron/core/export/docx';
import { reportContent } from '../../shared/print/content';
import { paginate } from '../../shared/print/paginate';
import { printDocumentHtml } from '../../shared/print/html';
import type { PageItem, PrintedPage } from '../../shared/print/paginate';
import { PAGE } from '../../shared/print/page-layout';
import { parseReportFile } from '../../shared/report-file';
import type { ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';
import { SOFFICE_SKIP, haveSoffice, renderAsWordReadsIt } from '../support/libreoffice';

const PT_PER_MM = 72 / 25.4;
const TOP = PAGE.marginTopMm * PT_PER_MM;
const BOTTOM = (PAGE.heightMm - PAGE.marginBottomMm) * PT_PER_MM;

interface Case {
  name: string;
  doc: ReportDoc;
  letterhead: boolean;
  sealed: boolean;
}
const reportsDir = join(process.cwd(), 'test', 'fixtures', 'reports');
const cases: Case[] = [
  { name: 'full-2021', doc: fullReport(), letterhead: false, sealed: false },
  { name: 'full-2021-letterhead-sealed', doc: fullReport(), letterhead: true, sealed: true },
  { name: 'full-2019', doc: fullReport({ formatId: 'gov-2019', year: 2020, date: '2021-01-20' }), letterhead: false, sealed: false },
];
// A report whose table 三 would leave more than a third of a page empty if 「（三）不予公开」 were kept
// whole: the group splits, its label printed again on the next page.
const longer = fullReport();
const SPLIT = 'split-group';
cases.push({
  name: SPLIT,
  doc: fullReport({ sections: { ...longer.sections, proactive: `${longer.sections.proactive ?? ''}${'\n本年度还公开了其他信息。'.repeat(16)}` } }),
  letterhead: false,
  sealed: false,
});
for (const file of readdirSync(reportsDir).filter((f) => f.endsWith('.nianbao.json'))) {
  const parsed = parseReportFile(readFileSync(join(reportsDir, file), 'utf8'));
  assert.ok(parsed.ok, `${file} does not read`);
  cases.push({ name: file.replace('.nianbao.json', ''), doc: parsed.doc, letterhead: false, sealed: false });
}

const SKIP = SOFFICE_SKIP;
/** Per case, the lines of text inside each rendered page's 版心, top to bottom. */
const rendered = new Map<string, string[][]>();
let cleanup = () => {};

function pageLines(bbox: string): string[][] {
  return [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) =>
    [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)]
      .map(([, attrs, inner]) => ({
        y0: Number(/yMin="([\d.]+)"/.exec(attrs)?.[1]),
        y1: Number(/yMax="([\d.]+)"/.exec(attrs)?.[1]),
        x0: Number(/xMin="([\d.]+)"/.exec(attrs)?.[1]),
        text: [...inner.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).join(''),
      }))
      .filter((l) => l.y0 >= TOP - 2 && l.y1 <= BOTTOM + 2)
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
      .map((l) => l.text.replace(/\s/g, '')),
  );
}

before(
  async () => {
    if (!haveSoffice) return;
    const docs = new Map<string, Uint8Array>();
    for (const c of cases) docs.set(c.name, await buildDocx(c.doc, { letterhead: c.letterhead, sealed: c.sealed }));
    const r = renderAsWordReadsIt('pages', docs);
    cleanup = r.cleanup;
    for (const c of cases) rendered.set(c.name, pageLines(r.bbox.get(c.name)!));
  },
  { timeout: 320_000 },
);

after(() => cleanup());

/** What the preview prints first on a page: candidates for the rendered page's first line. */
function previewOpening(page: PrintedPage): { texts: string[]; table: boolean } {
  const item = page.items.find((i: PageItem) => i.kind !== 'blank');
  assert.ok(item, `preview page ${page.number} is empty`);
  switch (item.kind) {
    case 'letterhead':
      return { texts: [item.issuer], table: false };
    case 'title':
      return { texts: [item.lines[0]], table: false };
    case 'line':
      return { texts: [item.spans.map((s) => s.text).join('')], table: false };
    case 'table': {
      // The first row shown (a repeated header, or the row the page opens with): any of its labels.
      const row = item.header[0] ?? item.rows[0];
      const labels = item.grid.rows[row].cells.flatMap((c) => (c.type === 'label' && c.text ? [c.text] : []));
      return { texts: labels, table: true };
    }
    default:
      return { texts: [], table: false };
  }
}

for (const c of cases) {
  test(`${c.name}: Word/PDF and the preview have the same pages, each opening with the same line`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const pdf = rendered.get(c.name);
    assert.ok(pdf, `${c.name} was not rendered`);
    const pages = paginate(reportContent(c.doc, { letterhead: c.letterhead, sealed: c.sealed }));
    assert.equal(pdf.length, pages.length, `${c.name}: the PDF has ${pdf.length} pages, the preview ${pages.length}`);
    pages.forEach((page, i) => {
      const { texts, table } = previewOpening(page);
      const lines = pdf[i];
      assert.ok(lines.length > 0, `page ${i + 1} of the PDF is empty`);
      const clean = texts.map((x) => x.replace(/\s/g, ''));
      if (table) {
        // A table row's cells share a baseline: its labels are among the page's first lines.
        const top = lines.slice(0, 4).join('|');
        assert.ok(
          clean.some((x) => top.includes([...x].slice(0, 4).join(''))),
          `page ${i + 1}: the preview opens with the table row 「${clean.join('／')}」, the PDF with 「${lines.slice(0, 3).join('／')}」`,
        );
      } else assert.equal(lines[0], clean[0], `page ${i + 1}: the preview opens with 「${clean[0]}」, the PDF with 「${lines[0]}」`);
    });
  });
}

test('a group that would leave a third of a page empty splits, its label on both pages (preview and PDF)', (t) => {
  if (!haveSoffice) return t.skip(SKIP);
  const c = cases.find((x) => x.name === SPLIT)!;
  const pdf = rendered.get(SPLIT)!.map((lines) => lines.join('|'));
  const first = pdf.findIndex((p) => p.includes('1.属于国家秘密'));
  const last = pdf.findIndex((p) => p.includes('8.属于行政'));
  assert.ok(first >= 0 && last > first, `the group is not split across pages (items on pages ${first + 1} and ${last + 1})`);
  for (const k of [first, last]) assert.ok(pdf[k].includes('（三）'), `page ${k + 1} shows items of 「（三）不予公开」 without its label`);
  // The page before the split is not left a third empty: the group's first rows fill it.
  const pages = paginate(reportContent(c.doc));
  const used = pages[first].items.reduce((a, i) => a + i.heightPt, 0);
  assert.ok(used > (PAGE.textHeightMm * PT_PER_MM * 2) / 3, `page ${first + 1} is only ${used.toFixed(0)} pt full`);
  // The preview draws the label on both pages too.
  const html = printDocumentHtml(reportContent(c.doc));
  const sheets = html.split('<section class="nb-page"').slice(1);
  for (const k of [first, last]) assert.match(sheets[k], /（三）<br>不予<br>公开/);
});
