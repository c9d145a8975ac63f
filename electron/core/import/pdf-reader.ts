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
/**
 * Kangxi radicals whose NFKC form is the traditional variant of a character a simplified font draws
 * with the same glyph (Chromium's text layer gives ⼾ for 户: NFKC would make it 戶).
 */
const KANGXI: Record<string, string> = { '⼾': '户', '⿈': '黄', '⾭': '青' };
/** Chromium's text layer gives a drawn —— as the two-em dash it shaped it into. */
const fromLigatures = (s: string) => s.replace(/\u2e3a/g, '——').replace(/\u2e3b/g, '———');
const fromRadicals = (s: string) =>
  /[\u2e80-\u2fdf]/.test(s) ? s.replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/[\u2f00-\u2fdf]/g, (c) => KANGXI[c] ?? c.normalize('NFKC')) : s;

/** A report runs to 10 or 20 pages; a PDF with hundreds is not one (and would take long to read). */
export const MAX_PDF_PAGES = 200;

interface Item {
  /** as pdf.js reports it: a gap it sees between glyph runs comes as a blank item */
  str: string;
  /** the text drawn: the whitespace glyphs the page really draws, and no other */
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Segment {
  x: number;
  right: number;
  /** as drawn, with the whitespace glyphs before each character */
  raw: string;
  /** trimmed */
  text: string;
  /** the non-blank items it is made of */
  items: Item[];
}

interface Line {
  y: number;
  h: number;
  items: Item[];
  /** pieces of the line separated by wide gaps (table cells) */
  segments: Segment[];
  x: number;
  right: number;
}

const BLANK = /^\s*$/u;

/**
 * The whitespace each item's characters are drawn after, from the page's own glyphs. pdf.js folds a
 * space glyph and a mere gap between two runs (LibreOffice sets 2025 年 apart by its spacing between
 * Chinese and Latin, Word by its justification) into the same blank item; the operator list still
 * has the glyphs, so a space is kept exactly where the source has one (2019 年, “(一) ”, 1. ) and
 * nowhere else. Returns false when the two lists do not line up (the items keep no whitespace).
 */
function drawnWhitespace(items: Item[], glyphs: { unicode: string; width: number }[]): boolean {
  // The page's characters in drawing order, each with the whitespace drawn just before it. A space
  // a full em wide is the ideographic one (Chromium's text layer calls U+3000 an em space, U+2003).
  const chars: { ch: string; ws: string }[] = [];
  let ws = '';
  for (const { unicode: u, width } of glyphs)
    if (BLANK.test(u)) ws += (u === ' ' || u === '\u2003') && width >= 800 ? '\u3000' : u;
    else {
      // A ligature glyph (ﬁ) is the letters pdf.js reports for it.
      const nfkc = u.normalize('NFKC');
      for (const ch of [...nfkc].length > [...u].length ? nfkc : u) {
        chars.push({ ch, ws });
        ws = '';
      }
    }
  let j = 0;
  let missed = 0;
  let total = 0;
  for (const it of items) {
    let text = '';
    for (const ch of it.str) {
      if (BLANK.test(ch)) continue;
      total++;
      // pdf.js may normalise a character (a ligature, a compatibility form): look a few glyphs ahead.
      let k = j;
      while (k < chars.length && k < j + 4 && chars[k].ch !== ch && chars[k].ch.normalize('NFKC') !== ch.normalize('NFKC')) k++;
      if (k < chars.length && k < j + 4) {
        text += chars[k].ws + ch;
        j = k + 1;
      } else {
        missed++;
        text += ch;
      }
    }
    it.text = text;
  }
  return missed <= total * 0.02;
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
    let seg: Segment | null = null;
    for (const it of l.items) {
      const blank = it.str.trim() === '';
      // A gap the page fills with drawn spaces (2021年　　月　　日) is text, not a gap between cells.
      const spaced = /^\s*/u.exec(it.text)![0].length * l.h * 1.2;
      if (seg && it.x - seg.right <= l.h * 0.5 + spaced && !(blank && it.w > l.h * 0.5)) {
        seg.raw += it.text;
        if (!blank) {
          seg.right = Math.max(seg.right, it.x + it.w);
          seg.items.push(it);
        }
      } else if (!blank) {
        seg = { x: it.x, right: it.x + it.w, raw: it.text, text: '', items: [it] };
        l.segments.push(seg);
      } else if (seg) seg = null;
    }
    for (const s of l.segments) s.text = s.raw.trim();
    l.segments = l.segments.filter((s) => s.text !== '');
    l.x = l.segments[0]?.x ?? 0;
    l.right = l.segments[l.segments.length - 1]?.right ?? 0;
  }
  return lines.filter((l) => l.segments.length);
}

const isFigure = (s: string) => isValueLike(s) && s.trim() !== '';

/**
 * A label that fills its cell runs into the short cell after it (受理政府信息公开申请总数 | 条: the
 * 计量单位 of a 附表) with only a narrow gap, which pdf.js reports inside one item as a space. Where
 * at least three other lines of the table start a cell at the x of the text after such a gap, and
 * that text is short and no figure, it is a cell of its own.
 */
function splitAtColumns(lines: Line[]): void {
  const starts = new Map<number, number>();
  for (const l of lines) for (const seg of l.segments) starts.set(Math.round(seg.x), (starts.get(Math.round(seg.x)) ?? 0) + 1);
  const columns = [...starts].filter(([, n]) => n >= 3).map(([x]) => x);
  const width = (t: string, h: number) => [...t].reduce((w, c) => w + (/[\x21-\x7e]/.test(c) ? 0.5 * h : h), 0);
  for (const l of lines)
    l.segments = l.segments.flatMap((seg) => {
      const last = seg.items[seg.items.length - 1];
      // The short cell as a run of its own after a gap (a browser draws each cell's text apart).
      const before = seg.items[seg.items.length - 2];
      if (
        before &&
        last.str.trim().length <= 4 &&
        !isFigure(last.str) &&
        last.x - (before.x + before.w) > l.h * 0.2 &&
        columns.some((c) => Math.abs(last.x - c) <= 1.5)
      ) {
        const head = seg.items.slice(0, -1);
        const raw = head.map((it) => it.text).join('');
        return [
          { x: seg.x, right: before.x + before.w, raw, text: raw.trim(), items: head },
          { x: last.x, right: last.x + last.w, raw: last.text, text: last.text.trim(), items: [last] },
        ];
      }
      const tail = /\s+(\S{1,4})$/u.exec(last?.str ?? '');
      if (!tail || isFigure(tail[1]) || !/\S/u.test(last.str.slice(0, tail.index))) return [seg];
      const x = last.x + last.w - width(tail[1], l.h);
      if (!columns.some((c) => Math.abs(x - c) <= 1.5)) return [seg];
      const head = seg.raw.slice(0, seg.raw.length - tail[1].length);
      return [
        { ...seg, right: x, raw: head, text: head.trim() },
        { x, right: last.x + last.w, raw: tail[1], text: tail[1], items: [] },
      ];
    });
}

/**
 * The header lines above a table's first row of figures as one row. A one-level header whose cells
 * wrap (2016年 / 度 above and below 指标名称 计量单位 历年累计) is put together by column; a header
 * of several levels (申请人情况 over 自然人 法人或其他组织 总计) keeps its lines' cells in order.
 */
function headerCells(header: { y: number; cells: string[]; segs: Segment[] }[]): string[] {
  const levels = header.filter((h) => h.segs.length > 1);
  const over = (a: Segment, b: Segment) => a.x < b.right - 1 && a.right > b.x + 1;
  // A caption over several columns (第二十条第（一）项) is a row of its own, as a second level is.
  const spanning = levels.length === 1 && header.some((h) => h.segs.length === 1 && levels[0].segs.filter((b) => over(h.segs[0], b)).length > 1);
  if (levels.length > 1 || spanning) return header.flatMap((h) => h.cells);
  const cols: { x: number; right: number; text: string }[] = [];
  for (const h of [...header].sort((a, b) => b.y - a.y))
    for (const seg of h.segs) {
      const col = cols.find((c) => seg.x < c.right - 1 && seg.right > c.x + 1);
      if (col) {
        col.text += seg.text;
        col.x = Math.min(col.x, seg.x);
        col.right = Math.max(col.right, seg.right);
      } else cols.push({ x: seg.x, right: seg.right, text: seg.text });
    }
  return cols.sort((a, b) => a.x - b.x).map((c) => c.text);
}

/**
 * A table's lines as rows. Lines with figures anchor the rows; a label line (left of the figures,
 * not a caption or header of the format) joins the nearest row of figures within two line heights
 * (a label wrapped over lines is centred on its figures); other lines are rows of their own.
 */
function tableRows(lines: Line[]): Row[] {
  splitAtColumns(lines);
  // A line of figures anchors a row; so does a figure alone below the first such line, centred
  // between the lines of a label wrapped in its cell (above it, 2018 / 年 is a wrapped header).
  const full = lines.filter((l) => l.segments.length >= 2 && l.segments.some((s) => isFigure(s.text)));
  const first = Math.max(...full.map((l) => l.y));
  const anchors = lines.filter((l) => full.includes(l) || (l.y < first && l.segments.every((s) => isFigure(s.text))));
  const rows = new Map<Line, { label: { x: number; right: number; y: number; text: string }[]; values: { x: number; text: string }[] }>();
  const own: { y: number; cells: string[]; segs: Segment[] }[] = [];
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
    // A row whose figure cell is empty (其中：主动公开规范性文件数 | 条 | ) shows its own unit where the
    // row of figures shows one: a cell of its own in that column, not a wrapped label's piece.
    const ownUnit =
      best !== undefined &&
      l.segments.length >= 2 &&
      l.segments
        .slice(1)
        .some(
          (s) =>
            [...s.text].length <= 2 &&
            best!.segments.slice(1).some((t) => !isFigure(t.text) && [...t.text].length <= 2 && s.x < t.right - 1 && s.right > t.x + 1),
        );
    if (
      best &&
      !ownUnit &&
      Math.abs(best.y - l.y) <= l.h * 3.2 &&
      l.segments.every((s) => s.right <= firstFigure + 1 && !isFigure(s.text) && !HEADER_TEXTS.has(norm(s.text)))
    ) {
      const r = rows.get(best)!;
      for (const s of l.segments) r.label.push({ x: s.x, right: s.right, y: l.y, text: s.text });
    } else {
      // Pieces of a merged label written down the first column (三、本年度办理结果, a character or
      // two a line) belong to no one row: left out, the rows' own labels decide.
      const kept = l.segments.filter((s) => !(s.x <= left + l.h && s.right - s.x <= l.h * 2.5));
      if (kept.length) own.push({ y: l.y, cells: kept.map((s) => s.text), segs: kept });
    }
  }
  // The header lines above the first row of figures (column names wrapped over several lines) are
  // one header row, as in the Word table.
  const top = anchors.length ? Math.max(...anchors.map((a) => a.y)) : -Infinity;
  const header = own.filter((o) => o.y > top);
  const all: { y: number; cells: string[] }[] = [
    ...own.filter((o) => o.y <= top),
    ...(header.length ? [{ y: Math.max(...header.map((h) => h.y)), cells: headerCells(header) }] : []),
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

/** A line of table cells has a wide gap somewhere (a justified line's letter spacing is narrower). */
const isMulti = (l: Line) => l.segments.some((s, k) => k > 0 && s.x - l.segments[k - 1].right >= l.h * 1.5);

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

/**
 * A table's last row that the table's gaps did not catch: its label so long that its cells touch or
 * nearly (…经费） 万元 0), perhaps wrapped over the lines around its unit and figure. From line `at`,
 * up to three lines each at most a line apart, one of them ending in a figure set off by a gap or
 * a space: the label (the other lines, and the figure line's own first cell if it has one), then
 * the figure line's cells. Null when the lines are not such a row.
 */
function lastRow(lines: Line[], at: number, half: number): { cells: string[]; next: number } | null {
  const cellsOf = (l: Line) => {
    const items = l.segments.flatMap((seg) => seg.items);
    const cells: string[] = [];
    items.forEach((it, k) => {
      if (!cells.length || it.x - (items[k - 1].x + items[k - 1].w) > l.h * 0.2) cells.push('');
      // pdf.js's own string: the gap it saw inside a run (万元 0) is a space there.
      cells[cells.length - 1] += fromLigatures(fromRadicals(it.str));
    });
    return cells.flatMap((c) => c.trim().split(/\s+/u)).filter(Boolean);
  };
  const group = [lines[at]];
  for (let k = at + 1; k < lines.length && group.length < 3 && group[group.length - 1].y - lines[k].y <= lines[k].h * 1.6; k++) group.push(lines[k]);
  const f = group.findIndex((l) => {
    const c = cellsOf(l);
    return c.length >= 2 && isFigure(c[c.length - 1]);
  });
  if (f < 0) return null;
  // Below the figure line only the rest of a wrapped label (short, under the label).
  const used = group.slice(0, f + 1);
  const after = group[f + 1];
  if (after && after.segments.length === 1 && after.right <= lines[at].x + half) used.push(after);
  const figures = cellsOf(group[f]);
  const own = figures.length >= 3 ? figures.shift()! : '';
  const label = used.map((l) => (l === group[f] ? own : l.segments.map((seg) => seg.text).join(''))).join('');
  const cells = [label, ...figures];
  return cells.length >= 3 && label ? { cells, next: at + used.length } : null;
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
