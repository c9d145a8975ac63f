// The report cut into printed pages, by the same rules the Word file carries: 28 字 lines on a
// 22-line page, headings kept with what follows, widow and orphan control (two lines at least on
// either side of a break), the rows of a merged table label kept together, table headers repeated,
// and the 署名 and date kept with the body's last lines. The 导出 step's preview and the PDF are
// drawn from these pages, so the preview shows the page breaks as they print.
// Pure TypeScript: no Node, no DOM.
import type { TableGrid } from '../formats/grid';
import type { ContentBlock, ReportContent } from './content';
import { BODY_TRACKING_TWIPS, LINE_PITCH_PT, PAGE, SIZE, TABLE_TEXT, TEXT_WIDTH_TWIPS, isAddress, printedWidth, scriptRuns } from './page-layout';
import { issuerSizePt } from './line-breaks';
import { groupSplitRows, printColumnWidthsPt, rowsKeptWithNext, tableRowHeights } from './table-layout';

/** A stretch of a line in one type: the heading part of a paragraph or its body text. */
export interface Span {
  text: string;
  style: 'body' | 'h1' | 'h2' | 'h3' | 'h4';
}

export type PageItem =
  | { kind: 'letterhead'; issuer: string; docNumber: string; heightPt: number }
  | { kind: 'title'; lines: string[]; heightPt: number }
  /** one printed line of body text; `last` = the paragraph's last line (not justified) */
  | { kind: 'line'; spans: Span[]; indentChars: number; align: 'justify' | 'left' | 'right'; rightChars: number; last: boolean; heightPt: number }
  | { kind: 'blank'; heightPt: number }
  /** the 版记, drawn at the foot of the page whatever comes above it */
  | { kind: 'colophon'; printedBy: string; date: string; heightPt: number }
  /** rows [from, to) of a table; `header` rows repeated on a continuation page come first */
  | {
      kind: 'table';
      grid: TableGrid;
      values: Record<string, string>;
      widthsPt: number[];
      header: number[];
      rows: number[];
      rowHeightsPt: number[];
      heightPt: number;
    };

export interface PrintedPage {
  number: number;
  items: PageItem[];
  /** the page number is printed (not on a blank page before the 版记, nor on that 版记 page: §7.5) */
  folio: boolean;
}

/**
 * The 版记 (GB/T 9704 §7.4): one line of 4号 on the body's line pitch between two rules of 0.35 mm
 * (w:sz in eighths of a point), the last rule on the 版心's lower edge.
 */
export const COLOPHON = {
  fontPt: SIZE.si,
  linePt: LINE_PITCH_PT,
  ruleMm: 0.35,
  ruleEighths: Math.round((0.35 / 25.4) * 72 * 8),
  heightPt: LINE_PITCH_PT + 2 * ((0.35 / 25.4) * 72),
} as const;

/** The 版心's height in pt (225 mm). */
export const TYPE_AREA_PT = (PAGE.textHeightMm / 25.4) * 72;
const LINE_CHARS = PAGE.charsPerLine;
const CLOSING = /^[，。、：；？！）》」』】”’％%．.,;:!?)\]]/;
const OPENING = /[（《「『【“‘([]$/;
// Inside an address, what may not start or end a line (LibreOffice's zh-CN 避头尾 lists, their ASCII part).
const ADDRESS_NO_START = /^[:!),.;?\]}'"-]/;
const ADDRESS_NO_END = /[([{'"]$/;
/**
 * Room kept at a line's end, in 字: LibreOffice's 版心 is a twip narrower than Word's (it keeps the
 * margins in 1/100 mm) and its measure of a line with numbers runs up to 0.05 字 over ours, so a
 * line is planned full only up to 27.93 字; measured on the fixture reports' renders.
 */
const FIT_MARGIN = 0.07;
/** 1 字 of the body grid in twips. */
const PITCH_TWIPS = TEXT_WIDTH_TWIPS / PAGE.charsPerLine;

/**
 * A line's width in 字 as LibreOffice fits it: the printed widths, and the tracking it leaves off
 * the last character of each run (a change between Chinese and Latin, or between heading and body
 * type, starts a new run): a hair more than Word needs, so a line planned here fits in both.
 */
function lineWidth(line: Span[]): number {
  const runs = line.reduce((n, s) => n + scriptRuns(s.text).length, 0);
  return printedWidth(line.map((s) => s.text).join('')) + (runs * -BODY_TRACKING_TWIPS) / PITCH_TWIPS;
}

/**
 * Breaks a paragraph into lines of 28 字 (the first indented 2 字), measured with the printed
 * widths. Nothing hangs past the 版心 (GB/T 9704 allows 避头尾, not overhang): a closing mark that
 * does not fit takes the character before it to the next line, and an opening mark never ends a
 * line. A number is broken only after a hyphen (or where a line ends, if it is longer than one); a
 * web or e-mail address that does not fit is broken where the line ends (isAddress), as Word and
 * LibreOffice break them.
 */
export function breakLines(spans: Span[], firstIndent = 2, width = LINE_CHARS): Span[][] {
  // Units: one CJK character, or one whole Latin stretch.
  const units: Span[] = [];
  for (const s of spans) {
    for (const seg of scriptRuns(s.text)) {
      if (seg.latin) units.push({ text: seg.text, style: s.style });
      else for (const ch of seg.text) units.push({ text: ch, style: s.style });
    }
  }
  const lines: Span[][] = [];
  let line: Span[] = [];
  let cap = width - firstIndent;
  const push = (u: Span) => {
    const last = line[line.length - 1];
    if (last && last.style === u.style) last.text += u.text;
    else line.push({ ...u });
  };
  const fits = (u: Span) => lineWidth([...line, u]) <= cap - FIT_MARGIN;
  const endLine = () => {
    lines.push(line);
    line = [];
    cap = width;
  };
  const lineText = () => line.map((s) => s.text).join('');
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (line.length === 0 && !fits(u) && u.text.length > 1) {
      // A Latin stretch longer than a line: cut it where the line ends.
      let piece = '';
      for (const ch of u.text) {
        if (piece && !fits({ text: piece + ch, style: u.style })) {
          push({ text: piece, style: u.style });
          endLine();
          piece = '';
        }
        piece += ch;
      }
      push({ text: piece, style: u.style });
      continue;
    }
    if (line.length === 0 || fits(u)) {
      push(u);
      continue;
    }
    if (u.text.length > 1) {
      // The part that fills the line stays on it and the rest goes on: of an address, up to the
      // line's end (避头尾 kept); of a number, up to its last hyphen that fits (0598-|3781234).
      const chars = [...u.text];
      const address = isAddress(u.text);
      let k = 0;
      for (let n = 1; n < chars.length && fits({ text: chars.slice(0, n).join(''), style: u.style }); n++)
        if (address ? !ADDRESS_NO_START.test(chars[n]) && !ADDRESS_NO_END.test(chars[n - 1]) : chars[n - 1] === '-') k = n;
      if (k > 0) {
        push({ text: chars.slice(0, k).join(''), style: u.style });
        units[i] = { text: chars.slice(k).join(''), style: u.style };
        endLine();
        i--;
        continue;
      }
    }
    const carry: Span[] = [];
    const text = lineText();
    if ((CLOSING.test(u.text) || ADDRESS_NO_START.test(u.text)) && [...text].length > 1) {
      // A closing mark may not start the next line: what goes down with it is the last character,
      // or the whole number it ends, or of an address its last character; and more while what
      // goes down would itself start with a closing mark.
      while (line.length > 0 && [...lineText()].length > 1 && (carry.length === 0 || CLOSING.test(carry[0].text) || ADDRESS_NO_START.test(carry[0].text))) {
        const lastSpan = line[line.length - 1];
        const latin = /[\u0021-\u007e\u00a0-\u024f]+$/.exec(lastSpan.text)?.[0];
        const tail = latin && !isAddress(latin) ? latin : [...lastSpan.text].pop()!;
        lastSpan.text = lastSpan.text.slice(0, lastSpan.text.length - tail.length);
        if (!lastSpan.text) line.pop();
        carry.unshift({ text: tail, style: lastSpan.style });
      }
    } else if (OPENING.test(text) && text.length > 1) {
      // An opening mark may not end a line: it moves down with what it opens.
      const lastSpan = line[line.length - 1];
      const ch = [...lastSpan.text].pop()!;
      lastSpan.text = lastSpan.text.slice(0, lastSpan.text.length - ch.length);
      if (!lastSpan.text) line.pop();
      carry.push({ text: ch, style: lastSpan.style });
    }
    endLine();
    for (const c of carry) push(c);
    i--; // place u on the new line
  }
  if (line.length) lines.push(line);
  return lines.length ? lines : [[]];
}

const HEADING_STYLE: Span['style'][] = ['body', 'h1', 'h2', 'h3', 'h4'];

/** A chain link: an item, and whether it must stay on the same page as the next one. */
interface Atom {
  item: PageItem;
  glue: boolean;
  /** for table rows: the table this row belongs to, to repeat its header on a new page */
  table?: { key: number; grid: TableGrid; values: Record<string, string>; widthsPt: number[]; heights: number[]; row: number; splittable: boolean };
}

function paragraphAtoms(spans: Span[], keepWithNext: boolean, firstIndent = 2): Atom[] {
  const lines = breakLines(spans, firstIndent);
  return lines.map((l, i) => ({
    item: {
      kind: 'line',
      spans: l,
      indentChars: i === 0 ? firstIndent : 0,
      align: 'justify',
      rightChars: 0,
      last: i === lines.length - 1,
      heightPt: LINE_PITCH_PT,
    },
    // Widow and orphan control: the first two and the last two lines stay together.
    glue: i < lines.length - 1 && (i === 0 || i >= lines.length - 2) ? true : i === lines.length - 1 ? keepWithNext : false,
  }));
}

function atomsOf(blocks: ContentBlock[]): Atom[] {
  const atoms: Atom[] = [];
  blocks.forEach((b, k) => {
    const beforeSignature = blocks[k + 1]?.type === 'signature';
    switch (b.type) {
      case 'letterhead': {
        const issuerPt = issuerSizePt(b.issuer);
        // 35 mm to the 发文机关标志, two blank lines, the 发文字号 and its red line, two blank lines.
        const heightPt = (35 / 25.4) * 72 + issuerPt * 1.2 + 5 * LINE_PITCH_PT;
        atoms.push({ item: { kind: 'letterhead', issuer: b.issuer, docNumber: b.docNumber, heightPt }, glue: true });
        break;
      }
      case 'title':
        atoms.push({ item: { kind: 'title', lines: b.lines, heightPt: b.lines.length * 35 }, glue: true });
        atoms.push({ item: { kind: 'blank', heightPt: LINE_PITCH_PT }, glue: true });
        break;
      case 'section':
        atoms.push(...paragraphAtoms([{ text: b.text, style: 'h1' }], true));
        break;
      case 'paragraph': {
        const spans: Span[] = [];
        if (b.heading) spans.push({ text: b.heading, style: HEADING_STYLE[b.level] });
        if (b.text) spans.push({ text: b.text, style: 'body' });
        atoms.push(...paragraphAtoms(spans, (b.level > 0 && !b.text) || beforeSignature));
        break;
      }
      case 'table': {
        const { widths } = printColumnWidthsPt(b.grid, TEXT_WIDTH_TWIPS / 20, TABLE_TEXT);
        const heights = tableRowHeights(b.grid, widths, TABLE_TEXT) ?? b.grid.rows.map(() => TABLE_TEXT.linePt + TABLE_TEXT.paddingYPt + TABLE_TEXT.rulePt);
        const keep = rowsKeptWithNext(b.grid);
        const splittable = groupSplitRows(b.grid);
        b.grid.rows.forEach((_, r) => {
          atoms.push({
            item: { kind: 'table', grid: b.grid, values: b.values, widthsPt: widths, header: [], rows: [r], rowHeightsPt: [heights[r]], heightPt: heights[r] },
            glue: keep[r],
            table: { key: k, grid: b.grid, values: b.values, widthsPt: widths, heights, row: r, splittable: splittable[r] },
          });
        });
        atoms.push({ item: { kind: 'blank', heightPt: 12 }, glue: beforeSignature });
        break;
      }
      case 'signature': {
        const l = b.layout;
        for (let i = 0; i < l.blankLines; i++) atoms.push({ item: { kind: 'blank', heightPt: LINE_PITCH_PT }, glue: true });
        const line = (text: string, left: number, right: number | null, glue: boolean): Atom => ({
          item: {
            kind: 'line',
            spans: [{ text, style: 'body' }],
            indentChars: right === null ? left : 0,
            align: right === null ? 'left' : 'right',
            rightChars: right ?? 0,
            last: true,
            heightPt: LINE_PITCH_PT,
          },
          glue,
        });
        for (const part of [...l.signatureAbove, l.signature]) atoms.push(line(part.text, part.left, null, true));
        atoms.push(line(l.date.text, l.date.left, l.date.right, false));
        break;
      }
    }
  });
  return atoms;
}

/** Cuts the content into pages of the 225 mm 版心. */
export function paginate(content: ReportContent): PrintedPage[] {
  const colophon = content.blocks.find((b) => b.type === 'colophon');
  const atoms = atomsOf(content.blocks.filter((b) => b.type !== 'colophon'));
  const pages: PageItem[][] = [];
  let i = 0;
  while (i < atoms.length) {
    const page: PageItem[] = [];
    let used = 0;
    const start = i;
    // A page that opens inside a table repeats that table's header rows.
    const cont = atoms[i].table;
    let headerPt = 0;
    let header: number[] = [];
    if (cont && cont.row >= cont.grid.repeatHeaderRows && cont.grid.repeatHeaderRows > 0) {
      header = Array.from({ length: cont.grid.repeatHeaderRows }, (_, r) => r);
      headerPt = header.reduce((a, r) => a + cont.heights[r], 0);
    }
    used += headerPt;
    let end = i;
    // Nothing past the 版心: Word and LibreOffice move a line that would overrun it by a hair.
    while (end < atoms.length && used + atoms[end].item.heightPt <= TYPE_AREA_PT) {
      used += atoms[end].item.heightPt;
      end++;
    }
    if (end < atoms.length) {
      // Do not break inside a glued chain: move the chain to the next page, unless it fills the page.
      let cut = end;
      while (cut > start && atoms[cut - 1].glue) cut--;
      // …unless moving it would leave more than a third of this page empty and the chain is a table
      // group that may split: then the page breaks inside the group, as late as it fits.
      const kept = headerPt + atoms.slice(start, cut).reduce((a, x) => a + x.item.heightPt, 0);
      if (TYPE_AREA_PT - kept > TYPE_AREA_PT / 3) {
        for (let s = end; s > cut; s--) {
          const here = atoms[s]?.table;
          const before = atoms[s - 1]?.table;
          if (here && before && here.key === before.key && here.splittable && s - 1 > start) {
            cut = s;
            break;
          }
        }
      }
      if (cut > start) end = cut;
      if (end === start) end = start + 1;
    }
    for (let k = start; k < end; k++) page.push(atoms[k].item);
    pages.push(mergeTableRows(page, header, cont));
    i = end;
  }
  const printed = pages.map((items, n) => ({ number: n + 1, items, folio: true }));
  return colophon?.type === 'colophon' ? withColophon(printed, colophon, content.duplex) : printed;
}

/**
 * The 版记 at the foot of the last page, or of a page of its own when the body leaves no room.
 * Printed on both sides, the last page of a document is the back of its last leaf, an even page
 * (封四): after an odd page the 版记 goes overleaf, and where that would still be an odd page a
 * blank page comes first; the blank page and the 版记 page are then not numbered (§7.5).
 */
function withColophon(pages: PrintedPage[], b: { printedBy: string; date: string }, duplex: boolean): PrintedPage[] {
  const item: PageItem = { kind: 'colophon', printedBy: b.printedBy, date: b.date, heightPt: COLOPHON.heightPt };
  const last = pages[pages.length - 1];
  const used = last.items.reduce((a, i) => a + i.heightPt, 0);
  let at = used + item.heightPt <= TYPE_AREA_PT + 1e-6 ? last.number : last.number + 1;
  if (duplex && at % 2 === 1) at++;
  const out = pages.map((p) => ({ ...p, items: [...p.items] }));
  const blankBefore = at - last.number === 2;
  for (let n = last.number + 1; n <= at; n++) out.push({ number: n, items: [], folio: !blankBefore });
  out[at - 1].items.push(item);
  return out;
}

/** Consecutive rows of one table become one table item (with its repeated header, if any). */
function mergeTableRows(items: PageItem[], header: number[], cont: Atom['table']): PageItem[] {
  const out: PageItem[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === 'table' && prev?.kind === 'table' && prev.grid === item.grid) {
      prev.rows.push(...item.rows);
      prev.rowHeightsPt.push(...item.rowHeightsPt);
      prev.heightPt += item.heightPt;
      continue;
    }
    if (item.kind === 'table') {
      const first = out.length === 0 && cont && cont.grid === item.grid ? header : [];
      const hHeights = first.map((r) => cont!.heights[r]);
      out.push({
        ...item,
        header: first,
        rows: [...item.rows],
        rowHeightsPt: [...hHeights, ...item.rowHeightsPt],
        heightPt: item.heightPt + hHeights.reduce((a, b) => a + b, 0),
      });
      continue;
    }
    out.push(item);
  }
  return out;
}

/** Page-number geometry for drawing: 4号 "— n —", its line 7 mm under the 版心, 空一字 from the edge. */
export const PAGE_NUMBER_STYLE = { sizePt: SIZE.si, gapMm: 7 } as const;
