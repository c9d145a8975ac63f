// The tables of a PDF page from the word positions: each row of figures a row of the table, the
// label lines beside it joined to it, other lines of the table (headers, captions) rows of their own.
import type { Row } from './blocks';
import { FORMATS } from '../../../shared/formats/index';
import { isValueLike, norm } from './normalize';
import { NUMBERED } from './clean-text';
import { fromLigatures, fromRadicals, type Line, type Segment } from './pdf-lines';

/** Captions and column headers of the official tables (never part of a row's label). */
export const HEADER_TEXTS = new Set(
  Object.values(FORMATS)
    .flatMap((f) => [
      ...f.t2.blocks.flatMap((b) => [b.caption, b.firstHeader, ...b.columns.map((c) => c.label)]),
      f.t3.applicantHeader,
      ...f.t3.columns.flatMap((c) => [c.label, c.group ?? '']),
    ])
    .map(norm)
    .filter(Boolean),
);

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
export function tableRows(lines: Line[]): Row[] {
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

/** A line of table cells has a wide gap somewhere (a justified line's letter spacing is narrower). */
export const isMulti = (l: Line) => l.segments.some((s, k) => k > 0 && s.x - l.segments[k - 1].right >= l.h * 1.5);

/**
 * A table's last row that the table's gaps did not catch: its label so long that its cells touch or
 * nearly (…经费） 万元 0), perhaps wrapped over the lines around its unit and figure. From line `at`,
 * up to three lines each at most a line apart, one of them ending in a figure set off by a gap or
 * a space: the label (the other lines, and the figure line's own first cell if it has one), then
 * the figure line's cells. Null when the lines are not such a row.
 */
export function lastRow(lines: Line[], at: number, half: number): { cells: string[]; next: number } | null {
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
