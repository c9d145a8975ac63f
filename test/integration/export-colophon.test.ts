// The 版记 of the 红头 version (GB/T 9704 §7.4, issue 22 item 6): its XML (a frame at the foot of
// the 版心, two 0.35 mm rules, 4号仿宋, 空一字 each side, in the last section), and the rendered
// PDF read back: the 版记's text and rules at the foot of the last page inside the 版心, the same
// pages as the preview, and when printed on both sides an even last page (a blank page first where
// needed, those two pages without page numbers, §7.5). All renders go through one LibreOffice start.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { buildDocx } from '../../electron/core/export/docx';
import { reportContent } from '../../shared/print/content';
import { paginate, type PrintedPage } from '../../shared/print/paginate';
import { printDocumentHtml } from '../../shared/print/html';
import { PAGE } from '../../shared/print/page-layout';
import { ReportDocSchema, type ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';
import { SOFFICE_SKIP, haveSoffice, renderAsWordReadsIt } from '../support/libreoffice';

const PT_PER_MM = 72 / 25.4;
const AREA_BOTTOM = (PAGE.heightMm - PAGE.marginBottomMm) * PT_PER_MM;
const AREA_TOP = PAGE.marginTopMm * PT_PER_MM;
const PRINTED_BY = '永安市小陶镇党政办公室';

function withColophon(extraLines = 0, letterhead: Partial<ReportDoc['letterhead']> = {}): ReportDoc {
  const base = fullReport();
  const more = Array.from({ length: extraLines }, (_, i) => `本年度还办理了其他事项第${i + 1}项。`).join('\n');
  return ReportDocSchema.parse({
    ...base,
    sections: { ...base.sections, other_matters: `${base.sections.other_matters ?? ''}${more ? `\n${more}` : ''}` },
    letterhead: {
      enabled: true,
      issuer: '永安市小陶镇人民政府文件',
      docNumber: '小政〔2026〕1号',
      printedBy: PRINTED_BY,
      printedDate: '2026-01-20',
      ...letterhead,
    },
  });
}

const pagesOf = (doc: ReportDoc, duplex: boolean) => paginate(reportContent(doc, { letterhead: true, duplex }));
const bodyPages = (pages: PrintedPage[]) => pages.findLastIndex((p) => p.items.some((i) => i.kind !== 'colophon')) + 1;
const fits = (pages: PrintedPage[]) => pages[pages.length - 1].items.some((i) => i.kind !== 'colophon');

/** The smallest number of extra body lines that gives the wanted layout in the page model. */
function findCase(want: (simplex: PrintedPage[], duplex: PrintedPage[]) => boolean): number {
  for (let n = 0; n < 80; n++) if (want(pagesOf(withColophon(n), false), pagesOf(withColophon(n), true))) return n;
  throw new Error('no such report within 80 extra lines');
}

interface Case {
  name: string;
  doc: ReportDoc;
  duplex: boolean;
}
const cases: Case[] = [
  // The body ends on an even page with room for the 版记: it sits at that page's foot, both ways.
  { name: 'fits', doc: withColophon(findCase((s) => fits(s) && s.length % 2 === 0)), duplex: false },
  { name: 'fits-duplex', doc: withColophon(findCase((s) => fits(s) && s.length % 2 === 0)), duplex: true },
  // The body ends on an odd page with room: printed on one side, the 版记 is on that page; on both, overleaf.
  { name: 'odd-simplex', doc: withColophon(findCase((s) => fits(s) && s.length % 2 === 1)), duplex: false },
  { name: 'odd-duplex', doc: withColophon(findCase((s) => fits(s) && s.length % 2 === 1)), duplex: true },
  // The body fills an even page: on both sides a blank page, then the 版记 on the next even page.
  { name: 'full-duplex', doc: withColophon(findCase((_s, d) => bodyPages(d) % 2 === 0 && d.length === bodyPages(d) + 2)), duplex: true },
  // The body fills its last page (one side): the 版记 goes to a page of its own.
  { name: 'full-simplex', doc: withColophon(findCase((s) => !fits(s))), duplex: false },
];

const SKIP = SOFFICE_SKIP;
let cleanup = () => {};
let pdfPath = (name: string) => name;

interface Line {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  text: string;
}
/** Every text line of every page, with its box in pt. */
const rendered = new Map<string, Line[][]>();

function pageLines(bbox: string): Line[][] {
  return [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) =>
    [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, inner]) => ({
      y0: Number(/yMin="([\d.]+)"/.exec(attrs)?.[1]),
      y1: Number(/yMax="([\d.]+)"/.exec(attrs)?.[1]),
      x0: Number(/xMin="([\d.]+)"/.exec(attrs)?.[1]),
      x1: Number(/xMax="([\d.]+)"/.exec(attrs)?.[1]),
      text: [...inner.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]).join(''),
    })),
  );
}

/** Horizontal rules drawn on a page: rows of the rendered bitmap with a dark run over 300 pt, in pt. */
function rules(pdf: string, page: number): { y: number; x0: number; width: number }[] {
  const dpi = 288;
  const buf = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', pdf], { maxBuffer: 1 << 28 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'));
  assert.ok(header, 'pdftoppm gave no PGM');
  const [w, h, off] = [Number(header[1]), Number(header[2]), header[0].length];
  const px = dpi / 72;
  const out: { y: number; x0: number; width: number }[] = [];
  for (let y = 0; y < h; y++) {
    let run = 0;
    let best = 0;
    let start = 0;
    let bestStart = 0;
    for (let x = 0; x < w; x++) {
      if (buf[off + y * w + x] < 128) {
        if (!run) start = x;
        run++;
        if (run > best) [best, bestStart] = [run, start];
      } else run = 0;
    }
    if (best / px > 300) out.push({ y: y / px, x0: bestStart / px, width: best / px });
  }
  return out;
}

before(
  async () => {
    if (!haveSoffice) return;
    const docs = new Map<string, Uint8Array>();
    for (const c of cases) docs.set(c.name, await buildDocx(c.doc, { letterhead: true, duplex: c.duplex }));
    const r = renderAsWordReadsIt('colophon', docs);
    cleanup = r.cleanup;
    pdfPath = r.pdfPath;
    for (const c of cases) rendered.set(c.name, pageLines(r.bbox.get(c.name)!));
  },
  { timeout: 320_000 },
);

after(() => cleanup());

async function documentXml(doc: ReportDoc, options: { letterhead?: boolean; duplex?: boolean } = {}): Promise<string> {
  return strFromU8(unzipSync(await buildDocx(doc, options))['word/document.xml']);
}

test('版记 XML: a frame at the foot of the 版心, two 0.35 mm rules as wide as it, 4号仿宋 空一字 each side, the last thing in the document', async () => {
  const xml = await documentXml(withColophon(), { letterhead: true });
  const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const framed = paragraphs.filter((p) => p.includes('<w:framePr'));
  assert.equal(framed.length, 1, 'one framed paragraph: the 版记');
  const p = framed[0];
  const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/><\/w:r>/g)].map((m) => m[1] ?? '\t').join('');
  assert.equal(text, `${PRINTED_BY}\t2026年1月20日印发`);
  const frame = /<w:framePr ([^>]*)\/>/.exec(p)![1];
  assert.match(frame, /w:yAlign="bottom"/);
  assert.match(frame, /w:vAnchor="margin"/);
  assert.match(frame, /w:hAnchor="margin"/);
  assert.match(
    frame,
    new RegExp(`w:w="${Math.round(156 * (1440 / 25.4)) - 1}"|w:w="${Math.round(156 * (1440 / 25.4))}"|w:w="${Math.round(156 * (1440 / 25.4)) + 1}"`),
  );
  // First and last rules: 0.35 mm ≈ 1 pt = 8 eighths; no rule at the sides.
  const borders = /<w:pBdr>([\s\S]*?)<\/w:pBdr>/.exec(p)![1];
  assert.match(borders, /<w:top w:val="single" w:color="000000" w:sz="8" w:space="0"\/>/);
  assert.match(borders, /<w:bottom w:val="single" w:color="000000" w:sz="8" w:space="0"\/>/);
  assert.doesNotMatch(borders, /<w:left|<w:right/);
  // 4号 (14 pt = 28 half-points) 仿宋; 空一字 = one 4号 character (280 twips) on each side; the date flush right.
  for (const run of p.match(/<w:r>[\s\S]*?<\/w:r>/g)!) assert.match(run, /<w:sz w:val="28"\/>/);
  assert.match(p, /w:eastAsia="仿宋_GB2312"/);
  assert.match(p, /<w:ind w:left="280" w:right="280" w:firstLine="0"\/>/);
  assert.match(p, /<w:tab w:val="right" w:pos="\d+"\/>/);
  // After the 署名 and date: the last paragraph of the document.
  assert.equal(paragraphs[paragraphs.length - 1], p, 'nothing follows the 版记');
  assert.ok(xml.indexOf(p) > xml.lastIndexOf('<w:t xml:space="preserve">日</w:t>'), 'the 版记 comes after the 成文日期');
});

test('版记 XML: none without 印发机关, none without 红头; a blank page before it makes a section without page numbers', async () => {
  assert.doesNotMatch(await documentXml(withColophon(0, { printedBy: '' }), { letterhead: true }), /framePr|印发/);
  assert.doesNotMatch(await documentXml(withColophon(), { letterhead: false }), /framePr|印发/);
  // Printed on both sides with the body filling an even page: blank page, then the 版记 overleaf.
  const c = cases.find((x) => x.name === 'full-duplex')!;
  const xml = await documentXml(c.doc, { letterhead: true, duplex: true });
  const sections = xml.split('<w:sectPr').length - 1;
  assert.equal(sections, 2, 'a second section holds the blank page and the 版记 page');
  const second = xml.slice(xml.indexOf('</w:sectPr>') + 1);
  assert.match(second, /<w:pageBreakBefore\/>[\s\S]*<w:framePr/);
  // The second section's footers are its own (empty), not the page numbers.
  const refs = [...xml.matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(refs).size, 4, 'two footers for each section');
  const files = unzipSync(await buildDocx(c.doc, { letterhead: true, duplex: true }));
  const rels = strFromU8(files['word/_rels/document.xml.rels']);
  const lastFooters = refs
    .slice(2)
    .map((id) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]);
  for (const f of lastFooters) assert.doesNotMatch(strFromU8(files[`word/${f}`]), /PAGE/);
});

for (const c of cases) {
  test(`${c.name}: the PDF has the preview's pages, the 版记 at the foot of the last page inside the 版心`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const pdf = rendered.get(c.name)!;
    const pages = pagesOf(c.doc, c.duplex);
    assert.equal(pdf.length, pages.length, `${c.name}: the PDF has ${pdf.length} pages, the preview ${pages.length}`);
    const last = pdf[pdf.length - 1];
    const lastPreview = pages[pages.length - 1];
    assert.equal(lastPreview.items[lastPreview.items.length - 1].kind, 'colophon', 'the preview ends with the 版记');
    // The preview drawn from that model: as many sheets, the 版记 on the last, page numbers where the PDF has them.
    const sheets = printDocumentHtml(reportContent(c.doc, { letterhead: true, duplex: c.duplex }))
      .split('<section class="nb-page"')
      .slice(1);
    assert.equal(sheets.length, pdf.length, `the preview has ${sheets.length} sheets, the PDF ${pdf.length} pages`);
    sheets.forEach((sheet, i) => {
      assert.equal(sheet.includes('data-testid="preview-colophon"'), i === sheets.length - 1, `sheet ${i + 1}: 版记 where the PDF has it`);
      assert.equal(sheet.includes(`— ${i + 1} —`), pages[i].folio, `sheet ${i + 1}: page number shown as the model says`);
    });
    const colophon = /data-testid="preview-colophon">([\s\S]*?)<\/div>/.exec(sheets[sheets.length - 1])?.[1] ?? '';
    assert.equal(colophon.replace(/<[^>]*>/g, ''), `${PRINTED_BY}2026年1月20日印发`);
    // The 版记's line: 印发机关 空一字 from the left of the 版心, 印发日期 ending 空一字 from the right, at its foot.
    const even = pages.length % 2 === 0;
    const left = (c.duplex && even ? PAGE.marginRightMm : PAGE.marginLeftMm) * PT_PER_MM;
    const right = left + PAGE.textWidthMm * PT_PER_MM;
    const name = last.find((l) => l.text.startsWith(PRINTED_BY));
    const date = last.find((l) => l.text.endsWith('日印发'));
    assert.ok(name && date, `the last page has no 版记: ${last.map((l) => l.text).join('／')}`);
    assert.ok(Math.abs(name.x0 - (left + 14)) < 1.5, `印发机关 starts ${(name.x0 - left).toFixed(1)} pt from the 版心's left (want 14)`);
    assert.ok(Math.abs(right - 14 - date.x1) < 1.5, `印发日期 ends ${(right - date.x1).toFixed(1)} pt from the 版心's right (want 14)`);
    assert.ok(date.y1 <= AREA_BOTTOM && date.y1 > AREA_BOTTOM - 12, `the 版记 line ends at ${date.y1.toFixed(1)} pt, the 版心 at ${AREA_BOTTOM.toFixed(1)}`);
    // Its two rules, 0.35 mm ≈ 1 pt thick, as wide as the 版心: the last on the 版心's lower edge.
    const drawn = rules(pdfPath(c.name), pdf.length).filter((r) => r.y > AREA_BOTTOM - 60);
    const tops = drawn.filter((r, i) => i === 0 || r.y - drawn[i - 1].y > 2);
    assert.equal(tops.length, 2, `two rules at the foot, found ${tops.length}`);
    for (const r of tops) {
      assert.ok(Math.abs(r.width - PAGE.textWidthMm * PT_PER_MM) < 2, `a rule ${r.width.toFixed(1)} pt wide (the 版心 is 442 pt)`);
      assert.ok(Math.abs(r.x0 - left) < 1.5, `a rule starts at ${r.x0.toFixed(1)} pt, the 版心 at ${left.toFixed(1)}`);
      const thick = drawn.filter((d) => d.y >= r.y && d.y < r.y + 2).length / 4;
      assert.ok(thick >= 0.75 && thick <= 1.25, `a rule ${thick} pt thick (0.35 mm ≈ 1 pt)`);
    }
    const bottom = drawn[drawn.length - 1].y + 0.25;
    assert.ok(Math.abs(bottom - AREA_BOTTOM) < 1, `the last rule ends at ${bottom.toFixed(2)} pt, the 版心 at ${AREA_BOTTOM.toFixed(2)}`);
    assert.ok(tops[0].y < name.y0 && name.y1 < tops[1].y, 'the 版记 text lies between its rules');
    // Nothing of the body below the first rule, and nothing of the 版记 above the 版心's top.
    for (const l of last)
      if (l !== name && l !== date && l.y0 > AREA_TOP && l.y1 < AREA_BOTTOM) assert.ok(l.y1 < tops[0].y, `「${l.text}」 runs into the 版记`);
  });

  test(`${c.name}: ${c.duplex ? 'printed on both sides, the 版记 page is even' : 'printed on one side, the 版记 shares the last page when it fits'}; page numbers per §7.5`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const pdf = rendered.get(c.name)!;
    const pages = pagesOf(c.doc, c.duplex);
    const body = bodyPages(pages);
    if (c.duplex) assert.equal(pdf.length % 2, 0, `the 版记 is on page ${pdf.length}, an odd page`);
    else assert.equal(pdf.length, fits(pagesOf(c.doc, false)) ? body : body + 1);
    // Page numbers: "— n —" under the 版心 on every page but a blank page before the 版记 and the 版记 page after it.
    const folios = pdf.map((lines) => lines.filter((l) => l.y0 > AREA_BOTTOM + 10).map((l) => l.text.replace(/\s/g, '')));
    pdf.forEach((_, i) => {
      const expected = pages[i].folio ? [`—${i + 1}—`] : [];
      assert.deepEqual(folios[i], expected, `page ${i + 1}: page number ${JSON.stringify(folios[i])}, expected ${JSON.stringify(expected)}`);
    });
    if (c.name === 'full-duplex') {
      assert.equal(pdf.length, body + 2);
      assert.deepEqual(
        pdf[body].filter((l) => l.y0 > AREA_TOP - 30),
        [],
        'the page before the 版记 is blank',
      );
      assert.equal(pages[body].folio || pages[body + 1].folio, false);
    }
    if (c.name === 'odd-duplex') {
      // Overleaf, alone: the 版记 page holds nothing else and keeps its number.
      assert.equal(pdf.length, body + 1);
      assert.ok(pages[body].folio);
      assert.deepEqual(
        pdf[body].filter((l) => l.y1 < AREA_BOTTOM - 40).map((l) => l.text),
        [],
      );
    }
  });
}
