// PDF with a text layer, as portals publish reports (issue 21 item 1): the words and their
// positions (pdf.js through unpdf), lines rebuilt from y, paragraphs from the margins (a line that
// reaches the right margin runs on into the next unless it is indented), and the tables from the
// word positions: each row of figures is a row of the table, the label lines beside it (a label
// wrapped over two or three lines is centred on its figures) joined to it, other lines of the table
// (headers, captions) rows of their own. The tables are then read by their labels as web text is.
// A scanned PDF (no text layer) is refused: there is no OCR.
import type { ImportNote } from '../../../shared/api';
import type { Block, Row } from './blocks';
import { cleanLine, NUMBERED } from './clean-text';
import { FORMATS } from '../../../shared/formats/index';
import { isValueLike, norm } from './normalize';

/** Captions and column headers of the official tables (never part of a row's label). */
const HEADER_TEXTS = new Set(
  Object.values(FORMATS)
    .flatMap((f) => [
      ...f.t2.blocks.flatMap((b) => [b.caption, b.firstHeader, ...b.columns.map((c) => c.label)]),
      f.t3.applicantHeader,
      ...f.t3.columns.flatMap((c) => [c.label, c.group ?? '']),
    ])
    .map(norm)
    .filter(Boolean),
);

export class PdfFormatError extends Error {}

/**
 * Some PDF makers (Chromium among them) map common characters to their radical forms in the text
 * layer: 民 comes out as ⺠ (CJK Radicals Supplement) or 人 as ⼈ (Kangxi Radicals). Kangxi radicals
 * fold under NFKC; the supplement's simplified forms are mapped here.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⺟': '母',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
  '⻄': '西',
};
const fromRadicals = (s: string) =>
  /[\u2e80-\u2fdf]/.test(s) ? s.replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC')) : s;

/** A report runs to 10 or 20 pages; a PDF with hundreds is not one (and would take long to read). */
export const MAX_PDF_PAGES = 200;

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Line {
  y: number;
  h: number;
  items: Item[];
  /** pieces of the line separated by wide gaps (table cells) */
  segments: { x: number; right: number; text: string }[];
  x: number;
  right: number;
}

function toLines(items: Item[]): Line[] {
  // pdf.js adds zero-height spaces where it sees a gap between glyph runs (2025 年): not the text's own.
  const sorted = items.filter((i) => i.str !== '' && !(i.h === 0 && i.str.trim() === '')).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const h = it.h || 10;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.min(last.h, h) * 0.2) last.items.push(it);
    else lines.push({ y: it.y, h, items: [it], segments: [], x: 0, right: 0 });
    if (it.h > 0 && lines[lines.length - 1].h < it.h) lines[lines.length - 1].h = it.h;
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    let seg: { x: number; right: number; text: string } | null = null;
    for (const it of l.items) {
      const blank = it.str.trim() === '';
      if (seg && it.x - seg.right <= l.h * 0.5 && !(blank && it.w > l.h * 0.5)) {
        seg.text += it.str;
        if (!blank) seg.right = Math.max(seg.right, it.x + it.w);
      } else if (!blank) {
        seg = { x: it.x, right: it.x + it.w, text: it.str };
        l.segments.push(seg);
      } else if (seg) seg = null;
    }
    for (const s of l.segments) s.text = s.text.trim();
    l.segments = l.segments.filter((s) => s.text !== '');
    l.x = l.segments[0]?.x ?? 0;
    l.right = l.segments[l.segments.length - 1]?.right ?? 0;
  }
  return lines.filter((l) => l.segments.length);
}

const isFigure = (s: string) => isValueLike(s) && s.trim() !== '';

/**
 * A table's lines as rows. Lines with figures anchor the rows; a label line (left of the figures,
 * not a caption or header of the format) joins the nearest row of figures within two line heights
 * (a label wrapped over lines is centred on its figures); other lines are rows of their own.
 */
function tableRows(lines: Line[]): Row[] {
  const anchors = lines.filter((l) => l.segments.length >= 2 && l.segments.some((s) => isFigure(s.text)));
  const rows = new Map<Line, { label: { x: number; right: number; y: number; text: string }[]; values: { x: number; text: string }[] }>();
  const own: { y: number; cells: string[] }[] = [];
  const left = Math.min(...lines.map((l) => l.x));
  for (const a of anchors) rows.set(a, { label: [], values: [] });
  for (const l of lines) {
    const row = rows.get(l);
    if (row) {
      for (const s of l.segments) {
        if (isFigure(s.text)) row.values.push({ x: s.x, text: s.text });
        else row.label.push({ x: s.x, right: s.right, y: l.y, text: s.text });
      }
      continue;
    }
    let best: Line | undefined;
    for (const a of anchors) if (!best || Math.abs(a.y - l.y) < Math.abs(best.y - l.y)) best = a;
    // A numbered label (3.其他, （二）…) starts on its row's first line: a line above it in its column
    // is the end of the previous row's label.
    const startsBelow =
      best && l.y > best.y && best.segments.some((s) => NUMBERED.test(s.text) && l.segments.some((t) => t.x < s.right - 1 && t.right > s.x + 1));
    if (startsBelow) {
      const above = anchors.filter((a) => a.y > l.y);
      best = above.length ? above[above.length - 1] : undefined;
    }
    const firstFigure = best ? Math.min(...best.segments.filter((s) => isFigure(s.text)).map((s) => s.x)) : 0;
    if (
      best &&
      Math.abs(best.y - l.y) <= l.h * 3.2 &&
      l.segments.every((s) => s.right <= firstFigure + 1 && !isFigure(s.text) && !HEADER_TEXTS.has(norm(s.text)))
    ) {
      const r = rows.get(best)!;
      for (const s of l.segments) r.label.push({ x: s.x, right: s.right, y: l.y, text: s.text });
    } else {
      // Pieces of a merged label written down the first column (三、本年度办理结果, a character or
      // two a line) belong to no one row: left out, the rows' own labels decide.
      const kept = l.segments.filter((s) => !(s.x <= left + l.h && s.right - s.x <= l.h * 2.5));
      if (kept.length) own.push({ y: l.y, cells: kept.map((s) => s.text) });
    }
  }
  // The header lines above the first row of figures (column names wrapped over several lines) are
  // one header row, as in the Word table.
  const top = anchors.length ? Math.max(...anchors.map((a) => a.y)) : -Infinity;
  const header = own.filter((o) => o.y > top);
  const all: { y: number; cells: string[] }[] = [
    ...own.filter((o) => o.y <= top),
    ...(header.length ? [{ y: Math.max(...header.map((h) => h.y)), cells: header.flatMap((h) => h.cells) }] : []),
  ];
  for (const [a, r] of rows) {
    // Label pieces by column (overlapping x ranges: a centred second line lies inside the first),
    // top to bottom within a column: one label cell per column.
    const cols: { x: number; right: number; parts: { y: number; text: string }[] }[] = [];
    for (const p of r.label.sort((m, n) => m.x - n.x)) {
      const col = cols.find((c) => p.x < c.right - 1 && p.right > c.x + 1);
      if (col) {
        col.parts.push(p);
        col.right = Math.max(col.right, p.right);
      } else cols.push({ x: p.x, right: p.right, parts: [p] });
    }
    const labelCells = cols
      .sort((m, n) => m.x - n.x)
      .map((c) =>
        c.parts
          .sort((m, n) => n.y - m.y)
          .map((p) => p.text)
          .join(''),
      );
    all.push({ y: a.y, cells: [...labelCells, ...r.values.sort((m, n) => m.x - n.x).map((v) => v.text)] });
  }
  return all.sort((m, n) => n.y - m.y).map((r) => ({ cells: r.cells.map((text) => ({ text, span: 1 })) }));
}

/** Paragraphs and tables of one page. */
function pageBlocks(lines: Line[], pageNo: number, notes: ImportNote[], carry: { open: string | null }): Block[] {
  const blocks: Block[] = [];
  if (!lines.length) return blocks;
  // A line of table cells has a wide gap somewhere (a justified line's letter spacing is narrower).
  const multi = lines.map((l) => l.segments.some((s, k) => k > 0 && s.x - l.segments[k - 1].right >= l.h * 1.5));
  const bodyLines = lines.filter((_, k) => !multi[k]);
  const left = Math.min(...(bodyLines.length ? bodyLines : lines).map((l) => l.x));
  const right = Math.max(...(bodyLines.length ? bodyLines : lines).map((l) => l.right));
  // Table regions: from a line of several cells to the last one, across the label lines between them.
  const inTable = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    if (!multi[i]) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j].y - lines[j + 1].y <= lines[j].h * 3) {
      // Stop at a line of body text wider than any table label (runs from margin to margin).
      const next = lines[j + 1];
      if (!multi[j + 1] && next.h > lines[i].h * 1.2) break;
      j++;
      if (multi[j]) for (let k = i; k <= j; k++) inTable[k] = true;
    }
    inTable[i] = true;
  }
  // Header lines above a table (申请人情况, wrapped column names) and the rest of a wrapped label
  // below it, in the table's small type, belong to it.
  for (let i = lines.length - 2; i >= 0; i--) {
    if (!inTable[i] && inTable[i + 1] && !multi[i] && lines[i].y - lines[i + 1].y <= lines[i + 1].h * 3 && lines[i].h <= lines[i + 1].h * 1.1)
      inTable[i] = true;
  }
  for (let i = 1; i < lines.length; i++) {
    if (!inTable[i] && inTable[i - 1] && !multi[i] && lines[i - 1].y - lines[i].y <= lines[i - 1].h * 2 && lines[i].h <= lines[i - 1].h * 1.1)
      inTable[i] = true;
  }
  let i = 0;
  while (i < lines.length) {
    if (inTable[i]) {
      let j = i;
      while (j + 1 < lines.length && inTable[j + 1]) j++;
      blocks.push({ kind: 'table', rows: tableRows(lines.slice(i, j + 1)), positional: false });
      carry.open = null;
      i = j + 1;
      continue;
    }
    const l = lines[i];
    // Letter-spaced (justified) pieces of one line run together; Latin words keep a space.
    const joined = l.segments.reduce((acc, s) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(s.text) ? `${acc} ${s.text}` : acc + s.text), '');
    const text = cleanLine(joined, pageNo * 1000 + i + 1, notes);
    i++;
    if (text === null || !text.trim()) continue;
    const indented = l.x > left + l.h * 0.8;
    const last = blocks[blocks.length - 1];
    if (carry.open !== null && last?.kind === 'para' && !indented) last.text += text.trim();
    else if (carry.open !== null && !blocks.length && !indented) {
      // The paragraph runs on from the previous page.
      blocks.push({ kind: 'para', text: text.trim(), continued: true } as Block);
    } else blocks.push({ kind: 'para', text: text.trim() });
    carry.open = l.right >= right - l.h * 1.5 ? text : null;
  }
  return blocks;
}

async function loadPdfjs() {
  const { getDocumentProxy } = await import('unpdf');
  return getDocumentProxy;
}

/** Throws PdfFormatError (Chinese) when the PDF cannot be read or has no text. */
export async function pdfToBlocks(bytes: Uint8Array, notes: ImportNote[] = []): Promise<Block[]> {
  const getDocumentProxy = await loadPdfjs();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, disableFontFace: true, verbosity: 0 });
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException')
      throw new PdfFormatError('这个 PDF 设了密码，程序打不开。请向发布单位要没有密码的文件，或找到报告的 Word 文档、网页后再导入。');
    throw new PdfFormatError('这个 PDF 已损坏或不完整，无法读取。请重新下载，或找到报告的 Word 文档、网页后再导入。');
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES)
      throw new PdfFormatError(`这个 PDF 有 ${pdf.numPages} 页，远多于一份年度报告（通常不超过 20 页），没有读取。请选择报告本身的 PDF。`);
    const blocks: Block[] = [];
    const carry = { open: null as string | null };
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items.push({ str: fromRadicals(it.str), x: it.transform[4], y: it.transform[5], w: it.width, h: it.height });
        chars += it.str.trim().length;
      }
      page.cleanup();
      for (const b of pageBlocks(toLines(items), p, notes, carry)) {
        const last = blocks[blocks.length - 1];
        if ((b as { continued?: boolean }).continued && last?.kind === 'para') last.text += b.kind === 'para' ? b.text : '';
        else blocks.push(b.kind === 'para' ? { kind: 'para', text: b.text } : b);
      }
    }
    // A table broken across pages (its header repeated on each page, read as lines of text) is one table.
    const merged: Block[] = [];
    for (const b of blocks) {
      const last = merged[merged.length - 1];
      if (b.kind === 'para' && HEADER_TEXTS.has(norm(b.text)) && last?.kind === 'table') continue;
      if (b.kind === 'table' && last?.kind === 'table') last.rows.push(...b.rows);
      else merged.push(b);
    }
    blocks.length = 0;
    blocks.push(...merged);
    if (chars < 20)
      throw new PdfFormatError(
        '这个 PDF 是扫描的图片，没有文字层，程序读不出其中的文字（不做文字识别）。请找到报告的 Word 文档或网页，或把报告文字复制粘贴导入。',
      );
    return blocks;
  } catch (err) {
    if (err instanceof PdfFormatError) throw err;
    throw new PdfFormatError('这个 PDF 的内容无法读取（文件可能已损坏）。请重新下载，或找到报告的 Word 文档、网页后再导入。');
  } finally {
    await pdf.destroy();
  }
}
