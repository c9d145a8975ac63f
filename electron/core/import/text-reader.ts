// Plain text copied from a web page (as in ../shared/seeds/): tables arrive flattened into tab- or
// pipe-separated lines, sometimes one cell per line with blank lines between records; labels are
// broken by spaces and line breaks. This turns such text into paragraphs and tables.
import type { ImportNote } from '../../../shared/api';
import type { Block, Row } from './blocks';
import { cleanLine, continues, joinNote, NUMBERED } from './clean-text';
import { FORMATS } from '../../../shared/formats/index';
import { isValueLike, labelCore, norm } from './normalize';
import { splitRunOn } from './run-on';

const isTableLine = (line: string) => line.includes('\t') || /\|.*\|/.test(line) || /\s\|\s*$/.test(line) || /^\s*\|\s*$/.test(line);

/** Every label the three tables of any format print (captions, headers, rows), normalised: where a copied table starts. */
const TABLE_LABELS = new Set(
  Object.values(FORMATS).flatMap((f) =>
    [
      ...f.t2.blocks.flatMap((b) => [b.caption, b.firstHeader, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
      f.t3.applicantHeader,
      ...f.t3.columns.flatMap((c) => [c.label, c.group ?? '']),
      ...f.t3.rows.flatMap((r) => r.path),
      ...f.t4.groups.flatMap((g) => g.path),
      ...f.t4.columns.map((c) => c.label),
    ]
      .filter(Boolean)
      .map(labelCore),
  ),
);
const isTableLabel = (t: string) => TABLE_LABELS.has(labelCore(t)) || /勾稽关系/.test(t);
const isFigure = (t: string) => t.trim() !== '' && isValueLike(t);
/** A level-1 heading of the report (三、收到和处理政府信息公开申请情况): never a cell. */
const isPartHeading = (t: string) => /^[一二三四五六七八九十]+[、.．]/.test(t.trim()) && /(情况|事项|问题)$/.test(norm(t));
/** A line that can be one cell of a table copied one cell per line: short, no sentence end, not a part's heading. */
const isCellLine = (t: string) => {
  const s = t.trim();
  return s !== '' && [...s].length <= 45 && !/[。；;！？!?]$/.test(s) && !isPartHeading(s) && !isTableLine(s);
};

/**
 * Cells in reading order (one per line, or `|` rows broken over lines) back into rows: a label starts a
 * row, the figures after it are its cells. Blank cells are lost in such a copy, which the block says.
 */
function rowsFromCells(cells: string[]): Row[] {
  const rows: string[][] = [];
  let numbering = '';
  for (const c of cells) {
    // A label's numbering on a line of its own (“(三)” then “不予公开”) goes with the label.
    if (/^[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]?$/.test(c) && !/^\d+$/.test(c)) {
      numbering += c;
      continue;
    }
    const last = rows[rows.length - 1];
    if (isFigure(c) && last && !numbering) last.push(c);
    else rows.push([numbering + c]);
    numbering = '';
  }
  return rows.map(toRow);
}

/**
 * Where a table copied one cell per line runs, from a line: lines that can be cells (blank lines
 * between), starting at a label of the tables, ending at its last figure, with at least three figures.
 * Counts are kept as prefix sums so a long paste is scanned once, not once per line.
 */
function cellRuns(lines: string[]): (from: number) => number {
  const n = lines.length;
  const isCell = lines.map(isCellLine);
  const segEnd = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 0; k--) segEnd[k] = lines[k].trim() === '' || isCell[k] ? segEnd[k + 1] : k;
  const figuresBefore = new Int32Array(n + 1);
  const cellsBefore = new Int32Array(n + 1);
  const lastFigure = new Int32Array(n + 1).fill(-1);
  for (let k = 0; k < n; k++) {
    const figure = isCell[k] && isFigure(lines[k]);
    figuresBefore[k + 1] = figuresBefore[k] + (figure ? 1 : 0);
    cellsBefore[k + 1] = cellsBefore[k] + (isCell[k] ? 1 : 0);
    lastFigure[k + 1] = figure ? k : lastFigure[k];
  }
  return (from) => {
    if (!isCell[from] || !isTableLabel(lines[from])) return -1;
    const stop = segEnd[from];
    const figures = figuresBefore[stop] - figuresBefore[from];
    if (figures < 3 || figures < (cellsBefore[stop] - cellsBefore[from]) * 0.2) return -1;
    let end = lastFigure[stop];
    // Rows left blank at the table's end are labels after its last figure.
    for (let k = end + 1; k < stop; k++) {
      if (lines[k].trim() === '') continue;
      if (!isTableLabel(lines[k])) break;
      end = k;
    }
    return end;
  };
}

/** The line after a cell of up to three lines that starts at `i` and is closed by a pipe line, or `i` when there is none. */
function cellBetweenPipes(lines: string[], i: number): number {
  for (let k = i; k < Math.min(lines.length, i + 3); k++) {
    if (!isCellLine(lines[k])) return i;
    if (k + 1 < lines.length && isTableLine(lines[k + 1])) return k + 1;
  }
  return i;
}

/** A report's title line (also a garbled one: “…2023年政府信息公开 工作告年度报”). */
const isTitleLine = (l: string) => {
  const t = norm(l);
  return t.length <= 60 && (/报告$/.test(t) || /^\S{0,30}(?:19|20)\d{2}年度?(?:政府)?信息公开/.test(t));
};

/** `|` rows broken over lines (each line one cell) are read as cells in order. */
function brokenPipeRows(collected: (string[] | null)[]): boolean {
  const rows = collected.filter((l): l is string[] => l !== null).map((cells) => cells.filter((c) => c.trim() !== ''));
  const filled = rows.filter((r) => r.length > 0);
  const multi = filled.filter((r) => r.length > 1).length;
  const figureOnly = filled.filter((r) => r.length === 1 && isFigure(r[0])).length;
  return figureOnly >= 3 && multi <= filled.length * 0.2;
}

function splitCells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  // 统 计 指 标 | 单位 | 统计数 |  (a trailing pipe closes the last cell)
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function toRow(cells: string[]): Row {
  return { cells: cells.map((text) => ({ text, span: 1 })) };
}

/**
 * Tables copied one cell per line (a tab, then the cell), records separated by blank lines: each
 * record becomes one row. Recognised when no line of the block has two non-empty cells.
 */
function regroupOneCellPerLine(lines: (string[] | null)[]): Row[] | null {
  const real = lines.filter((l): l is string[] => l !== null);
  if (real.length < 4 || real.some((cells) => cells.filter((c) => c !== '').length > 1)) return null;
  if (!lines.includes(null)) return null;
  const rows: Row[] = [];
  let current: string[] = [];
  for (const l of lines) {
    if (l === null) {
      if (current.length) rows.push(toRow(current));
      current = [];
    } else {
      const text = l.find((c) => c !== '');
      if (text !== undefined) current.push(text);
    }
  }
  if (current.length) rows.push(toRow(current));
  return rows;
}

/** A short fragment without numbering or sentence punctuation: the rest of the cell above. */
function isCellContinuation(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 6 && !/^[一二三四五六七八九十]+[、.]|^[（(]/.test(t) && !/[。；;：:]$/.test(t);
}

/**
 * The width text was hard-wrapped at, or 0: when many lines (a third of those over 15 characters,
 * at least five) have one length, a paragraph's lines fill that width and only its last is shorter.
 */
function wrapWidth(raws: string[]): number {
  const lengths = raws
    .filter((l) => !isTableLine(l))
    .map((l) => [...l.trimEnd()].length)
    .filter((n) => n > 15);
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  const [width, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  return count >= 5 && count >= lengths.length / 3 ? width : 0;
}

/**
 * Paragraphs and tables of text copied from a web page (or a page's text): markup and page
 * furniture removed, hard-wrapped lines rejoined; `notes` gets each change with its line.
 */
export function textToBlocks(text: string, notes: ImportNote[] = []): Block[] {
  const lineNos: number[] = [];
  const lines: string[] = [];
  /** lines that end a piece of a split one-paragraph report: never joined to the next */
  const pieceEnds = new Set<number>();
  const raws = text.replace(/\r\n?/g, '\n').split('\n');
  raws.forEach((raw, i) => {
    const cleaned = cleanLine(raw, i + 1, notes);
    if (cleaned === null) return;
    // A whole report pasted as one paragraph: split at its title and six part headings (all there, in order).
    const pieces = splitRunOn(cleaned);
    if (pieces) {
      notes.push({
        kind: 'joined',
        line: i + 1,
        text: `这一行是连成一段的整篇报告，已在标题和六个部分的标题处分成 ${pieces.length} 段：${pieces
          .filter((t) => /^[一二三四五六][、.．]/.test(t))
          .map((t) => `“${t}”`)
          .join('、')}`,
      });
      for (const piece of pieces) {
        lines.push(piece);
        lineNos.push(i + 1);
        pieceEnds.add(lines.length - 1);
      }
      return;
    }
    lines.push(cleaned);
    lineNos.push(i + 1);
  });
  const width = wrapWidth(raws);
  // A page copied with a blank line after (nearly) every line: there a blank line ends the paragraph.
  const filledLines = lines.map((l, k) => (l.trim() !== '' && k + 1 < lines.length ? k : -1)).filter((k) => k >= 0);
  const blankSeparated = filledLines.length >= 6 && filledLines.filter((k) => lines[k + 1].trim() === '').length >= filledLines.length * 0.6;
  const rawOf = (k: number) => raws[lineNos[k] - 1];
  // Text wrapped at a fixed width (a page's text as some portals serve it): a line that fills the
  // width runs on into the next unless that one is indented (a paragraph's first line) or starts a
  // heading; a line ending short of the width ended its paragraph, punctuation or not.
  const filled = (k: number) => [...rawOf(k).trimEnd()].length;
  const wrapped = (k: number, next: number) =>
    width > 0 && filled(k) >= width && filled(k) <= width + 2 && !/^[\u3000\u00a0 ]/.test(rawOf(next)) && !NUMBERED.test(lines[next]);
  const cellRunAt = cellRuns(lines);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!isTableLine(line)) {
      const runEnd = cellRunAt(i);
      if (runEnd >= 0) {
        const cells = lines
          .slice(i, runEnd + 1)
          .map((l) => l.trim())
          .filter(Boolean);
        notes.push({
          kind: 'joined',
          line: lineNos[i],
          text: `从这一行到第${lineNos[runEnd]}行是一格一行复制的表格，已按表格的行名称重新拼成表格（复制时空白格已丢失）`,
        });
        blocks.push({ kind: 'table', rows: rowsFromCells(cells), positional: false, blanksDropped: true });
        i = runEnd + 1;
        continue;
      }
      if (line.trim() !== '') {
        let para = line.trim();
        // A hard-wrapped paragraph (a page break of the source leaves a blank line too) is one paragraph.
        for (;;) {
          let j = i + 1;
          while (j < lines.length && lines[j].trim() === '') j++;
          if (j >= lines.length || isTableLine(lines[j]) || pieceEnds.has(i)) break;
          // Lines each followed by a blank line: a hard-wrapped paragraph still runs on, but a short
          // line (a unit name, a page header) does not swallow a title or another short line.
          if (j > i + 1 && blankSeparated && ([...para].length < 40 || isTitleLine(lines[j]))) break;
          if (width > 0 ? !wrapped(i, j) : !continues(para, lines[j])) break;
          notes.push(joinNote(para, lines[j], lineNos[i]));
          para += lines[j].trim();
          i = j;
        }
        blocks.push({ kind: 'para', text: para });
      }
      i++;
      continue;
    }
    // A table runs on across blank lines (page breaks in the source) and short lines without a
    // tab that continue the cell above (a header such as “2016\n年度”).
    const collected: (string[] | null)[] = [];
    while (i < lines.length) {
      const l = lines[i];
      if (isTableLine(l)) {
        collected.push(splitCells(l));
        i++;
      } else if (l.trim() === '') {
        let j = i;
        while (j < lines.length && lines[j].trim() === '') j++;
        if (j < lines.length && isTableLine(lines[j])) {
          collected.push(null);
          i = j;
        } else break;
      } else if (/^\s*\|\s*$/.test(lines[i - 1] ?? '') && cellBetweenPipes(lines, i) > i) {
        // Cells on their own lines between lone pipes (“| ⏎ 规章 ⏎ | ⏎ 0 ⏎ |”), a cell broken over two lines (“商业 ⏎ 企业”).
        const end = cellBetweenPipes(lines, i);
        collected.push([
          lines
            .slice(i, end)
            .map((t) => t.trim())
            .join(''),
        ]);
        i = end;
      } else if (collected.length && collected[collected.length - 1] !== null && isCellContinuation(l) && i + 1 < lines.length && isTableLine(lines[i + 1])) {
        const prev = collected[collected.length - 1]!;
        prev[prev.length - 1] = `${prev[prev.length - 1]}${l.trim()}`;
        i++;
      } else break;
    }
    const regrouped = regroupOneCellPerLine(collected);
    if (!regrouped && brokenPipeRows(collected)) {
      const cells = collected.flatMap((l) => (l ?? []).map((c) => c.trim()).filter(Boolean));
      blocks.push({ kind: 'table', rows: rowsFromCells(cells), positional: false, blanksDropped: true });
      continue;
    }
    const rows = regrouped ?? collected.filter((l): l is string[] => l !== null).map(toRow);
    blocks.push({ kind: 'table', rows, positional: false });
  }
  return blocks;
}
