// The Word export as a county reviewer sees it: both formats, plain, 红头 and sealed, rendered once
// each by LibreOffice, then checked from the PDF's geometry (pdftotext -bbox-layout): no heading is
// the last line of a page, 署名 and date share a page with body text and sit where GB/T 9704 §7.3.5
// puts them, no merged label of table 三 is cut by a page break, a number breaks only after its
// hyphen and an address only at a line's end, 28 characters a line and 22 lines a full page, the
// page number 7 mm under the 版心. Every page is kept as a PNG in test-artifacts/export-layout/ for
// people to look at. LibreOffice renders the file as Word reads it (asWordReadsIt).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocx, columnWidths } from '../../electron/core/export/docx';
import { reportContent } from '../../shared/print/content';
import { printDocumentHtml } from '../../shared/print/html';
import { getFormat } from '../../shared/formats/index';
import { tableGrid } from '../../shared/formats/grid';
import { PAGE, LINE_PITCH_PT, isAddress, scriptRuns } from '../../shared/print/page-layout';
import { MAX_KEPT_ROWS } from '../../shared/print/table-layout';
import type { TableId } from '../../shared/formats/index';
import type { ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';
import { asWordReadsIt } from '../support/libreoffice';

const PT_PER_MM = 72 / 25.4;
const TOP = PAGE.marginTopMm * PT_PER_MM;
const BOTTOM = (PAGE.heightMm - PAGE.marginBottomMm) * PT_PER_MM;
const LEFT = PAGE.marginLeftMm * PT_PER_MM;
const RIGHT = (PAGE.widthMm - PAGE.marginRightMm) * PT_PER_MM;
const CHAR = (RIGHT - LEFT) / PAGE.charsPerLine;

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
interface Line extends Word {
  words: Word[];
}
interface Page {
  n: number;
  lines: Line[];
  words: Word[];
}

function parseBbox(html: string): Page[] {
  const pages: Page[] = [];
  const num = (s: string, k: string) => Number(new RegExp(`${k}="([\\d.]+)"`).exec(s)?.[1]);
  const box = (attrs: string) => ({ x0: num(attrs, 'xMin'), y0: num(attrs, 'yMin'), x1: num(attrs, 'xMax'), y1: num(attrs, 'yMax') });
  for (const [, body] of html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)) {
    const page: Page = { n: pages.length + 1, lines: [], words: [] };
    for (const [, attrs, inner] of body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...inner.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, a, t]) => ({
        ...box(a),
        text: t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      }));
      page.lines.push({ ...box(attrs), words, text: words.map((w) => w.text).join('') });
      page.words.push(...words);
    }
    pages.push(page);
  }
  return pages;
}

/** Lines set in 3号 (16 pt: boxes about 20 pt tall) inside the 版心: the body, not the tables. */
const bodyLines = (p: Page) => p.lines.filter((l) => l.y1 - l.y0 > 17 && l.y0 >= TOP - 2 && l.y1 <= BOTTOM + 2 && l.y1 - l.y0 < 26);
/** Every line inside the 版心 (body and tables), top to bottom. */
const typeAreaLines = (p: Page) => p.lines.filter((l) => l.y0 >= TOP - 2 && l.y1 <= BOTTOM + 2).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
const isTableLine = (l: Line) => l.y1 - l.y0 < 16;
const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}\.(?!\d)|（\d{1,2}）)/;
const isCjk = (s: string) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$/.test(s);

interface Variant {
  name: string;
  doc: ReportDoc;
  letterhead: boolean;
  sealed: boolean;
}
const doc2021 = fullReport();
const doc2019 = fullReport({ formatId: 'gov-2019', year: 2020, date: '2021-01-20' });
const variants: Variant[] = [];
for (const [fmt, doc] of [
  ['gov-2021', doc2021],
  ['gov-2019', doc2019],
] as const) {
  variants.push({ name: `${fmt}-plain`, doc, letterhead: false, sealed: false });
  variants.push({ name: `${fmt}-letterhead`, doc, letterhead: true, sealed: false });
  variants.push({ name: `${fmt}-sealed`, doc, letterhead: false, sealed: true });
}

// Sealed copies signed by units of 8 to 24 characters, and one whose 署名 needs two lines.
const SIGNERS = [
  '永安市龙凤镇政府',
  '永安市龙凤镇人民政府党政办公室',
  '福建省三明市永安市龙凤镇人民政府',
  '三明市永安市龙凤镇人民政府党政综合办公室',
  '福建省三明市永安市龙凤镇人民政府党政综合服务中心',
  '福建省三明市永安市龙凤镇人民政府、福建省三明市永安市小陶镇人民政府',
];
const signerVariants: Variant[] = SIGNERS.map((signature) => ({
  name: `sealed-signature-${[...signature].length}`,
  doc: fullReport({ signature, sections: {} }),
  letterhead: false,
  sealed: true,
}));

const duplexVariant = { name: 'gov-2021-duplex', doc: doc2021, letterhead: false, sealed: false };

const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIP = 'LibreOffice (soffice) 未安装：跳过渲染检查。安装 libreoffice-writer-nogui 与 poppler-utils 后重跑。';
const rendered = new Map<string, { pages: Page[]; pdf: string }>();
let work = '';
let profile = '';

before(
  async () => {
    if (!haveSoffice) return;
    work = mkdtempSync(join(tmpdir(), 'nianbao-layout-'));
    profile = mkdtempSync(join(tmpdir(), 'lo-'));
    const files: string[] = [];
    const exported = new Map<string, Uint8Array>();
    for (const v of [...variants, ...signerVariants, duplexVariant]) {
      const path = join(work, `${v.name}.docx`);
      exported.set(v.name, await buildDocx(v.doc, { letterhead: v.letterhead, sealed: v.sealed, duplex: v === duplexVariant }));
      // Rendered as Word reads it (LibreOffice reads w:overflowPunct inverted); kept as exported.
      writeFileSync(path, asWordReadsIt(exported.get(v.name)!));
      files.push(path);
    }
    // One LibreOffice start for all six: renders are slow on a shared machine.
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    const out = join(process.cwd(), 'test-artifacts', 'export-layout');
    rmSync(out, { recursive: true, force: true });
    for (const v of [...variants, ...signerVariants, duplexVariant]) {
      const pdf = join(work, `${v.name}.pdf`);
      rendered.set(v.name, { pdf, pages: parseBbox(execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })) });
      const dir = join(out, v.name);
      mkdirSync(dir, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(dir, 'page')]);
      copyFileSync(pdf, join(dir, `${v.name}.pdf`));
      writeFileSync(join(dir, `${v.name}.docx`), exported.get(v.name)!);
    }
  },
  { timeout: 320_000 },
);

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

function get(name: string) {
  const r = rendered.get(name);
  assert.ok(r, `${name} was not rendered`);
  return r;
}

for (const v of variants) {
  test(`${v.name}: every page kept as a picture, page numbers 7 mm under the 版心`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    assert.ok(pages.length >= 4 && pages.length <= 9, `${pages.length} pages`);
    const pngs = readdirSync(join(process.cwd(), 'test-artifacts', 'export-layout', v.name)).filter((f) => f.endsWith('.png'));
    assert.equal(pngs.length, pages.length);
    for (const p of pages) {
      // "— n —": the number's line starts 7 mm below the 版心's bottom edge (std §7.5).
      const num = p.lines.find((l) => l.y0 > BOTTOM && l.text.replace(/\s/g, '') === `—${p.n}—`);
      assert.ok(num, `page ${p.n}: no page number — ${p.n} —`);
      const gapMm = (num.y0 - BOTTOM) / PT_PER_MM;
      assert.ok(gapMm > 6 && gapMm < 8.5, `page ${p.n}: page number ${gapMm.toFixed(1)} mm under the 版心, want 7`);
      if (p.n % 2 === 1) assert.ok(Math.abs(RIGHT - 14 - num.x1) < 3, `odd page ${p.n}: number ends at ${num.x1}, want 空一字 from the right`);
      else assert.ok(Math.abs(LEFT + 14 - num.x0) < 3, `even page ${p.n}: number starts at ${num.x0}, want 空一字 from the left`);
    }
  });

  test(`${v.name}: no heading is the last line of a page`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    for (const p of pages.slice(0, -1)) {
      const lines = typeAreaLines(p);
      const last = lines[lines.length - 1];
      assert.ok(last, `page ${p.n} is empty`);
      if (isTableLine(last)) continue;
      assert.doesNotMatch(last.text, HEADING_START, `page ${p.n} ends with the heading 「${last.text}」`);
    }
  });

  test(`${v.name}: 署名 and 成文日期 together, with body text, placed per GB/T 9704 §7.3.5`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    const content = reportContent(v.doc, { letterhead: v.letterhead, sealed: v.sealed });
    const sig = content.blocks.find((b) => b.type === 'signature');
    assert.ok(sig && sig.type === 'signature');
    const dateText = sig.layout.date.text;
    const page = pages.find((p) => bodyLines(p).some((l) => l.text === dateText));
    assert.ok(page, `no page shows the date ${dateText}`);
    const lines = bodyLines(page);
    const di = lines.findIndex((l) => l.text === dateText);
    const date = lines[di];
    const signature = lines[di - 1];
    assert.equal(signature?.text, sig.layout.signature.text, 'the 署名 is not on the line above the date');
    assert.ok(Math.abs(date.y0 - signature.y0 - LINE_PITCH_PT) < 1.5, '署名 and date are not on consecutive lines');
    const body = lines.slice(0, di - 1);
    assert.ok(body.length > 0, '署名 and date stand alone on their page');
    const lastBody = body[body.length - 1];
    const gapLines = Math.round((signature.y0 - lastBody.y0) / LINE_PITCH_PT) - 1;
    assert.equal(gapLines, sig.layout.blankLines, `${gapLines} blank lines between the body and the 署名`);
    if (v.sealed) {
      // §7.3.5.1: the date 空4字 from the right, the 署名 centred over it.
      assert.ok(Math.abs(RIGHT - date.x1 - 4 * CHAR) < CHAR * 0.3, `date ends ${((RIGHT - date.x1) / CHAR).toFixed(2)} 字 from the right, want 4`);
      const mid = (l: Line) => (l.x0 + l.x1) / 2;
      assert.ok(Math.abs(mid(signature) - mid(date)) < CHAR * 0.3, `署名 centred ${((mid(signature) - mid(date)) / CHAR).toFixed(2)} 字 off the date`);
    } else {
      // §7.3.5.2: the 署名 空2字 from the right, the date starting 2 字 right of the 署名.
      assert.ok(Math.abs(RIGHT - signature.x1 - 2 * CHAR) < CHAR * 0.3, `署名 ends ${((RIGHT - signature.x1) / CHAR).toFixed(2)} 字 from the right, want 2`);
      assert.ok(
        Math.abs(date.x0 - signature.x0 - 2 * CHAR) < CHAR * 0.15,
        `date starts ${((date.x0 - signature.x0) / CHAR).toFixed(2)} 字 right of the 署名, want 2`,
      );
    }
  });

  test(`${v.name}: table 三's merged labels are never cut by a page break`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    const grid = tableGrid(getFormat(v.doc.formatId), 't3');
    const widths = columnWidths(grid).map((w) => w / 20);
    const edges = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [LEFT]);
    const merged = grid.rows.flatMap((row, r) =>
      row.cells.flatMap((c) =>
        c.type === 'label' && c.role === 'row' && c.rowSpan > 1
          ? [
              {
                text: c.text,
                level: c.level ?? 1,
                rowSpan: c.rowSpan,
                items: grid.rows
                  .slice(r, r + c.rowSpan)
                  .map((x) => x.cells.filter((y) => y.type === 'label').pop()!)
                  .map((y) => (y.type === 'label' ? y.text : '')),
              },
            ]
          : [],
      ),
    );
    assert.ok(merged.length >= 4, 'table 三 should have merged group labels');
    // The text a page shows in a label column, top to bottom.
    const columnText = (p: Page, col: number) =>
      p.words
        .filter((w) => w.y1 - w.y0 < 16 && w.x0 >= edges[col] - 1 && w.x0 < edges[col + 1] - 2)
        .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
        .map((w) => w.text)
        .join('');
    for (const m of merged) {
      const col = m.level - 1;
      const perPage = pages.map((p) => columnText(p, col));
      const whole = perPage.filter((s) => s.includes(m.text));
      assert.equal(whole.length, 1, `「${m.text}」 is not printed whole on one page: ${perPage.map((s, i) => `p${i + 1}: ${s.slice(0, 60)}`).join(' | ')}`);
      // A group label (（三）不予公开 …) shares its page with every item under it.
      if (m.rowSpan > MAX_KEPT_ROWS) continue;
      const page = pages[perPage.findIndex((s) => s.includes(m.text))];
      const items = columnText(page, col + 1);
      for (const item of m.items) assert.ok(items.includes(item), `「${m.text}」 is on page ${page.n} but its item 「${item}」 is not`);
    }
  });

  test(`${v.name}: every table label breaks in the PDF exactly where the preview breaks it`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    const content = reportContent(v.doc, { letterhead: v.letterhead, sealed: v.sealed });
    const preview = printDocumentHtml(content);
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    let checked = 0;
    for (const id of ['t2', 't3', 't4'] as TableId[]) {
      // The preview's label cells of this table, as the lines it draws (<br> between them).
      const previewLines = new Map<string, string[]>();
      for (const [, body] of preview.matchAll(new RegExp(`<table data-testid="preview-table-${id}">([\\s\\S]*?)</table>`, 'g')))
        for (const [, attrs, inner] of body.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g))
          if (!attrs.includes('data-preview-cell') && inner) {
            const lines = inner.split('<br>').map(unescape);
            previewLines.set(lines.join(''), lines);
          }
      const grid = tableGrid(getFormat(v.doc.formatId), id);
      const edges = columnWidths(grid)
        .map((w) => w / 20)
        .reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [LEFT]);
      // The rendered lines inside a stretch of columns: table-size words grouped by page and baseline.
      const renderedLines = (from: number, to: number) => {
        const rows = new Map<string, Word[]>();
        for (const p of pages)
          for (const w of p.words) {
            const mid = (w.x0 + w.x1) / 2;
            if (w.y1 - w.y0 >= 16 || mid < edges[from] || mid > edges[to]) continue;
            const key = `${p.n}:${Math.round(w.y0)}`;
            rows.set(key, [...(rows.get(key) ?? []), w]);
          }
        return new Set(
          [...rows.values()].map((ws) =>
            ws
              .sort((a, b) => a.x0 - b.x0)
              .map((w) => w.text)
              .join(''),
          ),
        );
      };
      const occupied: number[][] = grid.rows.map(() => []);
      grid.rows.forEach((row, r) => {
        let col = 0;
        for (const c of row.cells) {
          while (occupied[r].includes(col)) col++;
          if (c.type === 'label' && c.text) {
            const planned = previewLines.get(c.text);
            assert.ok(planned, `${id}: the preview does not show 「${c.text}」`);
            const rendered = renderedLines(col, col + c.colSpan);
            for (const line of planned)
              assert.ok(rendered.has(line), `${id}: 「${c.text}」 — the preview prints 「${planned.join('／')}」 but the PDF has no line 「${line}」`);
            checked++;
          }
          for (let k = 1; k < c.rowSpan; k++) for (let x = col; x < col + c.colSpan; x++) occupied[r + k].push(x);
          col += c.colSpan;
        }
      });
    }
    assert.ok(checked > 40, `only ${checked} labels checked`);
  });

  test(`${v.name}: numbers break only after a hyphen, e-mail and web addresses only at a line's end, nothing lost`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    const content = reportContent(v.doc, { letterhead: v.letterhead, sealed: v.sealed });
    const tokens = new Set<string>();
    for (const b of content.blocks) {
      if (b.type !== 'paragraph') continue;
      for (const seg of scriptRuns(b.heading + b.text)) if (seg.latin && seg.text.trim().length >= 3) tokens.add(seg.text.replace(/\s/g, ''));
    }
    assert.ok(
      [...tokens].some((x) => x.includes('@')),
      'the fixture should carry an e-mail address',
    );
    // The body as printed, a newline where a line ends: each token is found whole across them.
    const body = pages.flatMap((p) => bodyLines(p).map((l) => l.text.replace(/\s/g, ''))).join('\n');
    for (const token of tokens) {
      const pattern = [...token].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\n?');
      const found = new RegExp(pattern).exec(body)?.[0];
      assert.ok(found, `「${token}」 is not printed whole`);
      if (!isAddress(token)) assert.ok(!/[^-]\n/.test(found), `the number 「${token}」 is broken other than after a hyphen: ${JSON.stringify(found)}`);
    }
  });

  test(`${v.name}: 28 characters a line, 22 lines a full page, on the line grid`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    let fullLines = 0;
    let fullPages = 0;
    for (const p of pages) {
      const lines = bodyLines(p).filter((l) => l.x0 < LEFT + 3 * CHAR);
      for (const [i, l] of lines.entries()) {
        // A full line of Chinese text: reaches the right edge, no Latin in it, and the paragraph
        // goes on with a Chinese character (a number too long for the line's end, or a closing
        // mark that may not start a line, legitimately shortens or lengthens a line).
        const next = lines[i + 1];
        if (RIGHT - l.x1 > CHAR * 0.6 || !isCjk(l.text) || !next || next.x0 > LEFT + CHAR || !/^[\u4e00-\u9fff]/.test(next.text)) continue;
        const indented = l.x0 > LEFT + CHAR;
        assert.equal([...l.text].length, indented ? 26 : 28, `page ${p.n}: 「${l.text}」 has ${[...l.text].length} characters`);
        fullLines++;
      }
      // Body lines sit on the 22-line grid of the 版心.
      const body = bodyLines(p);
      // Page 1 carries the title (and 版头), set on their own pitch; the grid starts below them.
      if (body.length === 0 || p.n === 1) continue;
      // Consecutive body lines with no table between them are whole line pitches apart.
      const all = typeAreaLines(p);
      for (let i = 1; i < body.length; i++) {
        const between = all.some((l) => isTableLine(l) && l.y0 > body[i - 1].y0 && l.y0 < body[i].y0);
        if (between) continue;
        const k = (body[i].y0 - body[i - 1].y0) / LINE_PITCH_PT;
        assert.ok(
          k > 0.9 && Math.abs(k - Math.round(k)) < 0.06,
          `page ${p.n}: line 「${body[i].text.slice(0, 10)}」 is off the line grid (${k.toFixed(2)} pitches below the line above)`,
        );
      }
      const onlyBody = typeAreaLines(p).every((l) => !isTableLine(l)) && p.n < pages.length;
      if (onlyBody) {
        // A page of body text starts at the top of the 版心 and holds 22 lines; it may hold
        // fewer only when what follows moved over whole: a paragraph kept together by widow and
        // orphan control, or a heading kept with the first lines of its paragraph (three at most).
        assert.ok(body[0].y0 - TOP < LINE_PITCH_PT / 2, `page ${p.n}: text starts ${(body[0].y0 - TOP).toFixed(1)} pt below the 版心's top`);
        const span = Math.round((body[body.length - 1].y0 - body[0].y0) / LINE_PITCH_PT) + 1;
        const nextFirst = bodyLines(pages[p.n])[0];
        assert.ok(span === 22 || (span >= 19 && nextFirst && nextFirst.x0 > LEFT + CHAR), `page ${p.n}: ${span} lines of body text`);
        fullPages++;
      }
    }
    assert.ok(fullLines >= 10, `only ${fullLines} full lines found`);
    assert.ok(LINE_PITCH_PT * 22 <= BOTTOM - TOP + 0.5 && LINE_PITCH_PT * 23 > BOTTOM - TOP, 'the line pitch does not give 22 lines in the 版心');
    if (v.name.endsWith('plain')) assert.ok(fullPages >= 1, 'the plain export should have a page of body text only');
  });
}

for (const v of signerVariants) {
  test(`${v.name}: a sealed 署名 of ${[...v.doc.signature].length} characters stays whole, inside the 版心, centred over its date`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const { pages } = get(v.name);
    const content = reportContent(v.doc, { sealed: true });
    const sig = content.blocks.find((b) => b.type === 'signature');
    assert.ok(sig && sig.type === 'signature');
    const page = pages.find((p) => bodyLines(p).some((l) => l.text === sig.layout.date.text));
    assert.ok(page, 'no page shows the date');
    const lines = bodyLines(page);
    const di = lines.findIndex((l) => l.text === sig.layout.date.text);
    const date = lines[di];
    const parts = [...sig.layout.signatureAbove, sig.layout.signature];
    const signature = lines.slice(di - parts.length, di);
    // Never broken inside a word: each printed line is exactly a planned one, and together they are the name.
    assert.deepEqual(
      signature.map((l) => l.text),
      parts.map((x) => x.text),
    );
    assert.equal(signature.map((l) => l.text).join(''), v.doc.signature);
    if ([...v.doc.signature].length <= 24) assert.equal(signature.length, 1, 'a 署名 of up to 24 字 is on one line');
    for (const l of [...signature, date]) {
      assert.ok(
        l.x0 >= LEFT - 1 && l.x1 <= RIGHT - 2 * CHAR + 0.3 * CHAR,
        `「${l.text}」 runs from ${((l.x0 - LEFT) / CHAR).toFixed(2)} to ${((l.x1 - LEFT) / CHAR).toFixed(2)} 字: past 空2字`,
      );
    }
    const mid = (l: Line) => (l.x0 + l.x1) / 2;
    for (const l of signature)
      assert.ok(Math.abs(mid(l) - mid(date)) < CHAR * 0.3, `「${l.text}」 centred ${((mid(l) - mid(date)) / CHAR).toFixed(2)} 字 off the date`);
    const longest = Math.max(...signature.map((l) => l.x1 - l.x0));
    if (longest <= date.x1 - date.x0 + 4 * CHAR)
      // Short enough to centre over a date 空4字 from the right.
      assert.ok(Math.abs(RIGHT - date.x1 - 4 * CHAR) < CHAR * 0.3, `date ends ${((RIGHT - date.x1) / CHAR).toFixed(2)} 字 from the right, want 4`);
    else {
      // Longer: the 署名 keeps 空2字 and the date moves under its centre.
      const right = Math.max(...signature.map((l) => l.x1));
      assert.ok(Math.abs(RIGHT - right - 2 * CHAR) < CHAR * 0.3, `署名 ends ${((RIGHT - right) / CHAR).toFixed(2)} 字 from the right, want 2`);
    }
  });
}

/** The first page as pixels (300 dpi): the red rule's top and the lowest ink of the text above it. */
function redRuleGapMm(pdf: string): number {
  const dpi = 300;
  const buf = execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', pdf], { maxBuffer: 1 << 30 });
  // A binary PPM: "P6 width height 255" then RGB triples.
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'));
  assert.ok(head, 'pdftoppm did not give a PPM');
  const [w, h, start] = [Number(head[1]), Number(head[2]), head[0].length];
  const px = (x: number, y: number) => buf.subarray(start + (y * w + x) * 3, start + (y * w + x) * 3 + 3);
  let rule = -1;
  for (let y = 0; y < h && rule < 0; y++) {
    let red = 0;
    for (let x = 0; x < w; x += 4) if (px(x, y)[0] > 180 && px(x, y)[1] < 90 && px(x, y)[2] < 90) red++;
    if (red * 4 > w * 0.5) rule = y;
  }
  assert.ok(rule > 0, 'no red rule on page 1');
  for (let y = rule - 1; y > 0; y--)
    for (let x = 0; x < w; x++) if (px(x, y)[0] < 100 && px(x, y)[1] < 100 && px(x, y)[2] < 100) return ((rule - y) / dpi) * 25.4;
  assert.fail('no text above the red rule');
}

for (const v of variants.filter((x) => x.letterhead))
  test(`${v.name}: the red rule sits 4 mm under the 发文字号 (GB/T 9704 §7.2.5)`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const gap = redRuleGapMm(get(v.name).pdf);
    assert.ok(Math.abs(gap - 4) <= 0.3, `the red rule is ${gap.toFixed(2)} mm under the 发文字号, want 4`);
  });

test('双面打印: even pages have the 订口 on the right (版心 2 mm further right), odd pages as before', (t) => {
  if (!haveSoffice) return t.skip(SKIP);
  const { pages } = get(duplexVariant.name);
  const plain = get('gov-2021-plain').pages;
  assert.equal(pages.length, plain.length, 'mirroring must not change the page count');
  const shift = (PAGE.marginLeftMm - PAGE.marginRightMm) * PT_PER_MM;
  for (const p of pages) {
    // Body lines that start at the 版心's left edge (not indented), and the page number.
    const flush = bodyLines(p).filter((l) => l.x0 < LEFT + shift + CHAR);
    const num = p.lines.find((l) => l.y0 > BOTTOM && l.text.replace(/\s/g, '') === `—${p.n}—`);
    assert.ok(num, `page ${p.n}: no page number`);
    const left = p.n % 2 === 0 ? LEFT - shift : LEFT;
    for (const l of flush)
      assert.ok(
        Math.abs(l.x0 - left) < 1.5,
        `page ${p.n}: 「${l.text.slice(0, 8)}」 starts at ${(l.x0 / PT_PER_MM).toFixed(1)} mm, want ${(left / PT_PER_MM).toFixed(1)}`,
      );
    if (p.n % 2 === 0) assert.ok(Math.abs(num.x0 - (left + 14)) < 3, `even page ${p.n}: number starts at ${(num.x0 / PT_PER_MM).toFixed(1)} mm`);
  }
  assert.ok(
    pages.some((p) => p.n % 2 === 0 && bodyLines(p).some((l) => Math.abs(l.x0 - (LEFT - shift)) < 1.5)),
    'no even page with a flush body line',
  );
});
