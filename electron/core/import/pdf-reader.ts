// PDF with a text layer, as portals publish reports (issue 21 item 1): the words and their
// positions (pdf.js through unpdf), lines rebuilt from y, paragraphs from the margins (a line that
// reaches the right margin runs on into the next unless it is indented), and the tables from the
// word positions: each row of figures is a row of the table, the label lines beside it (a label
// wrapped over two or three lines is centred on its figures) joined to it, other lines of the table
// (headers, captions) rows of their own. The tables are then read by their labels as web text is.
// A scanned PDF (no text layer) is refused: there is no OCR.
import type { ImportNote } from '../../../shared/api';
import type { Block } from './blocks';
import { cleanLine, NUMBERED } from './clean-text';
import { norm } from './normalize';
import { drawnWhitespace, fromLigatures, fromRadicals, toLines, type Item, type Line } from './pdf-lines';
import { HEADER_TEXTS, isMulti, lastRow, tableRows } from './pdf-tables';

export class PdfFormatError extends Error {}

/** A report runs to 10 or 20 pages; a PDF with hundreds is not one (and would take long to read). */
export const MAX_PDF_PAGES = 200;

/** Characters that may not begin a line (a line breaks before the character ahead of them). */
const NO_LINE_START = /^[，。、；：？！）》”’」』】〕…%,.;:?!)\]]/u;

/**
 * How much room the start of `next` needed at the end of the line above: its first character (a
 * Latin word or number is not broken) and the punctuation that may not begin a line after it. A line
 * ending with at least that much room left ended its paragraph; one ending closer to the margin ran on.
 */
function roomNeeded(next: string, h: number): number {
  const latin = /^[A-Za-z0-9@._\-/:]+/.exec(next);
  // An opening quote or bracket may not end a line: it went down with the character after it.
  const first = latin ? latin[0] : (/^[“‘（《「『【〔(]./u.exec(next)?.[0] ?? [...next][0]);
  let room = latin ? first.length * 0.5 * h : first.length * h;
  let rest = next.slice(first.length);
  while (rest && NO_LINE_START.test(rest)) {
    room += /^[\x21-\x7e]/.test(rest) ? 0.25 * h : h;
    rest = rest.slice(1);
  }
  return room;
}

interface Margins {
  left: number;
  right: number;
  /** the body text's type size */
  size: number;
}

/** The text block's left and right edges: of the lines of body text across the document. */
function margins(pages: Line[][]): Margins {
  const body = pages.flat().filter((l) => !isMulti(l));
  const sizes = new Map<number, number>();
  for (const l of body) sizes.set(Math.round(l.h), (sizes.get(Math.round(l.h)) ?? 0) + 1);
  const size = [...sizes].sort((m, n) => n[1] - m[1])[0]?.[0] ?? 0;
  const text = body.filter((l) => Math.round(l.h) === size);
  const pick = (v: number[], q: number) => v.sort((m, n) => m - n)[Math.min(v.length - 1, Math.floor(v.length * q))] ?? 0;
  return {
    left: pick(
      text.map((l) => l.x),
      0.1,
    ),
    right: pick(
      text.map((l) => l.right),
      0.9,
    ),
    size,
  };
}

/**
 * Running heads and feet: what a browser prints around each page (the date, the page's title, its
 * address, 1/11) and a word processor's page numbers. A line in smaller type than the text, among
 * the top or bottom two lines of its page, found at the same height on at least two pages and half
 * of them (digits aside: the page number changes), is not the report's. Removed from `pages`, noted.
 */
function dropRunningFurniture(pages: Line[][], size: number, notes: ImportNote[]): void {
  if (pages.length < 2) return;
  const key = (l: Line) =>
    `${Math.round(l.y / 3)}|${l.segments
      .map((s) => s.text)
      .join('')
      .replace(/\s+/gu, '')
      .replace(/\d+/g, '#')}`;
  const edges = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)].filter((l) => l.h < size * 0.9);
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const running = new Set([...seen].filter(([, n]) => n >= 2 && n >= pages.length / 2).map(([k]) => k));
  if (!running.size) return;
  const noted = new Set<string>();
  pages.forEach((lines, p) => {
    const drop = new Set(edges(lines).filter((l) => running.has(key(l))));
    for (const l of drop) {
      if (noted.has(key(l))) continue;
      noted.add(key(l));
      notes.push({
        kind: 'furniture',
        line: (p + 1) * 1000,
        text: `去掉了每页重复的页眉页脚“${l.segments
          .map((s) => s.text)
          .join(' ')
          .slice(0, 40)}”（不是报告的内容）`,
      });
    }
    pages[p] = lines.filter((l) => !drop.has(l));
  });
}

/** Paragraphs and tables of one page. */
function pageBlocks(lines: Line[], pageNo: number, notes: ImportNote[], carry: { prev: Line | null; table: boolean }, edge: Margins): Block[] {
  const blocks: Block[] = [];
  if (!lines.length) return blocks;
  const multi = lines.map(isMulti);
  const { left, right } = edge;
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
  // below it, in the table's small type, belong to it (a browser pads cells more than Word does).
  // In a document whose tables are in the text's own type, only a short piece of a wrapped cell
  // (2016年 / 度 of a header), off the margin and a line's height away, is the table's.
  const small = (l: Line) => l.h < edge.size * 0.9;
  // A label wrapped around its row's figures (受理政府信息公开申请总 / 条 0 0 / 数) fills the empty
  // first column of the table line next to it.
  const cellPiece = (l: Line, gap: number, next: Line) =>
    gap <= l.h * 1.6 &&
    ((l.x > left + l.h * 2 && l.right - l.x <= (right - left) / 3) ||
      (l.segments.length === 1 && multi[lines.indexOf(next)] && next.segments.every((seg) => seg.x >= l.right + 1)));
  for (let i = lines.length - 2; i >= 0; i--) {
    const gap = lines[i].y - lines[i + 1].y;
    if (
      !inTable[i] &&
      inTable[i + 1] &&
      !multi[i] &&
      (small(lines[i]) ? gap <= lines[i + 1].h * 5 : cellPiece(lines[i], gap, lines[i + 1])) &&
      lines[i].h <= lines[i + 1].h * 1.1
    )
      inTable[i] = true;
  }
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    if (
      !inTable[i] &&
      inTable[i - 1] &&
      !multi[i] &&
      (small(lines[i]) ? gap <= lines[i - 1].h * 2 : cellPiece(lines[i], gap, lines[i - 1])) &&
      lines[i].h <= lines[i - 1].h * 1.1
    )
      inTable[i] = true;
  }
  let i = 0;
  while (i < lines.length) {
    if (inTable[i]) {
      let j = i;
      while (j + 1 < lines.length && inTable[j + 1]) j++;
      blocks.push({ kind: 'table', rows: tableRows(lines.slice(i, j + 1)), positional: false });
      carry.prev = null;
      carry.table = true;
      i = j + 1;
      continue;
    }
    const l = lines[i];
    // The line as drawn: letter-spaced (justified) pieces run together, its own spaces kept.
    const raw = l.segments.map((seg) => seg.raw).join('');
    const text = cleanLine(raw.trim(), pageNo * 1000 + i + 1, notes);
    i++;
    if (text === null || !text.trim()) continue;
    // A table's last row with a label so long that its cells touch or nearly (…经费） 万元 0), right
    // after the table (a wrapped row's height away at most, or first on the next page): see lastRow.
    const afterTable = carry.table && (blocks.length ? i >= 2 && lines[i - 2].y - l.y <= l.h * 4 : true);
    const row = afterTable ? lastRow(lines, i - 1, (right - left) / 2) : null;
    if (row) {
      blocks.push({ kind: 'table', rows: [{ cells: row.cells.map((c) => ({ text: c, span: 1 })) }], positional: false });
      i = row.next;
      continue;
    }
    carry.table = false;
    const indented = l.x > left + l.h * 0.8;
    const prev = carry.prev;
    // A paragraph runs on into a line at the left margin, in the same type, when the line above
    // left less room than the start of this one needed (else the words would have stood there).
    const last = blocks[blocks.length - 1];
    // A heading or numbered item after a finished sentence starts a paragraph even at the margin
    // (a document without first-line indents).
    const numbered = NUMBERED.test(text) && /[。！？]$/.test(last?.kind === 'para' ? last.text : '。');
    const runsOn = prev !== null && !indented && !numbered && Math.abs(prev.h - l.h) <= l.h * 0.1 && right - prev.right < roomNeeded(text.trim(), l.h) * 0.98;
    // The whitespace drawn before the line's first character (at the end of the line above) is the text's.
    const lead = /^\s*/u.exec(raw)![0];
    if (runsOn && last?.kind === 'para') last.text += lead + text.trim();
    else if (runsOn && !blocks.length) blocks.push({ kind: 'para', text: lead + text.trim(), continued: true } as Block);
    else blocks.push({ kind: 'para', text: text.trim() });
    carry.prev = l;
  }
  return blocks;
}

async function loadPdfjs() {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS } = await getResolvedPDFJS();
  return { getDocumentProxy, showText: OPS.showText };
}

/** Throws PdfFormatError (Chinese) when the PDF cannot be read or has no text. */
export async function pdfToBlocks(bytes: Uint8Array, notes: ImportNote[] = []): Promise<Block[]> {
  const { getDocumentProxy, showText } = await loadPdfjs();
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
    const pages: Line[][] = [];
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items.push({ str: it.str, text: it.str.trim() ? it.str : '', x: it.transform[4], y: it.transform[5], w: it.width, h: it.height });
        chars += it.str.trim().length;
      }
      // Spaces: only those the page draws (a page with no blank at all has none to sort out).
      if (items.some((it) => /\s/u.test(it.str)) && items.some((it) => it.str.trim())) {
        const ops = await page.getOperatorList();
        const glyphs: { unicode: string; width: number }[] = [];
        ops.fnArray.forEach((fn, k) => {
          if (fn !== showText) return;
          for (const g of ops.argsArray[k][0] as unknown[])
            if (g && typeof g === 'object' && typeof (g as { unicode?: unknown }).unicode === 'string') glyphs.push(g as { unicode: string; width: number });
        });
        if (!drawnWhitespace(items, glyphs)) for (const it of items) it.text = it.str.replace(/\s+/gu, '');
      }
      for (const it of items) it.text = fromLigatures(fromRadicals(it.text));
      page.cleanup();
      pages.push(toLines(items));
    }
    dropRunningFurniture(pages, margins(pages).size, notes);
    const edge = margins(pages);
    const blocks: Block[] = [];
    const carry = { prev: null as Line | null, table: false };
    pages.forEach((lines, k) => {
      for (const b of pageBlocks(lines, k + 1, notes, carry, edge)) {
        const last = blocks[blocks.length - 1];
        if ((b as { continued?: boolean }).continued && last?.kind === 'para') last.text += b.kind === 'para' ? b.text : '';
        else blocks.push(b.kind === 'para' ? { kind: 'para', text: b.text } : b);
      }
    });
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
