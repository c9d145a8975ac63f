// Reading the three tables by their labels from the format data. A figure is taken only when its
// row and column are certain; anything else is reported in Chinese, never guessed.
import { cellKey } from '../../../shared/formats/index';
import type { ColumnDef, ReportFormat, Table2Block, Table3Row } from '../../../shared/formats/index';
import { parseCellInput } from '../../../shared/number';
import type { Row } from './blocks';
import { isLabelLike, isValueLike, labelCore, norm, withoutParenthetical } from './normalize';

export interface TableReadResult {
  cells: Record<string, number>;
  problems: string[];
  /** how many figures were read */
  read: number;
}

const quote = (s: string) => `“${s.replace(/\s+/g, '')}”`;
const list = (items: string[], max = 6) => (items.length > max ? `${items.slice(0, max).join('、')} 等 ${items.length} 项` : items.join('、'));

function newResult(): TableReadResult {
  return { cells: {}, problems: [], read: 0 };
}

/** Puts one figure into the result, or says why it could not be read. */
function take(res: TableReadResult, key: string, raw: string, col: ColumnDef, where: string, empties: string[], unreadable: string[], derived = false): void {
  if (raw.trim() === '') {
    // A blank total is not missing data: the program derives every total.
    if (!derived) empties.push(where);
    return;
  }
  const parsed = parseCellInput(raw, col.kind);
  if (parsed.ok) {
    res.cells[key] = parsed.value;
    res.read++;
  } else unreadable.push(`${where}：${parsed.message}`);
}

function finish(res: TableReadResult, tableName: string, empties: string[], unreadable: string[]): TableReadResult {
  if (unreadable.length) res.problems.push(`${tableName}有 ${unreadable.length} 个数字无法识别，未读入：${unreadable.join('；')}`);
  if (empties.length) res.problems.push(`${tableName}有 ${empties.length} 格是空白，未读入（没有发生的事项应填 0）：${list(empties)}`);
  return res;
}

const texts = (row: Row) => row.cells.map((c) => c.text);
const nonEmpty = (cells: string[]) => cells.filter((t) => t.trim() !== '');

// ---------------------------------------------------------------- table 二

export function readTable2(format: ReportFormat, rows: Row[], blanksDropped = false): TableReadResult {
  const res = newResult();
  const empties: string[] = [];
  const unreadable: string[] = [];
  const t2 = format.t2;
  const allRows = t2.blocks.flatMap((b) => b.rows.map((r) => ({ block: b, row: r })));
  let block: Table2Block | undefined;
  let header: (ColumnDef | undefined)[] | undefined;
  const seen = new Set<string>();

  for (const row of rows) {
    const cells = texts(row);
    const first = cells.findIndex((t) => t.trim() !== '');
    if (first < 0) continue;
    const firstNorm = norm(cells[first]);
    const caption = t2.blocks.find((b) => norm(b.caption) === firstNorm);
    if (caption) {
      block = caption;
      header = undefined;
      continue;
    }
    if (t2.blocks.some((b) => labelCore(b.firstHeader) === labelCore(cells[first]))) {
      // The block's own columns first; a caption lost in a web copy leaves the block unknown.
      const all = t2.blocks.flatMap((b) => b.columns);
      const find = (cols: ColumnDef[], n: string) =>
        cols.find((c) => norm(c.label) === n) ?? cols.find((c) => norm(c.label).startsWith(n) || n.startsWith(norm(c.label)));
      header = cells.slice(first + 1).map((t) => {
        // 本年(2023)制发件数 is the column 本年制发件数 with the year written in.
        const n = norm(t).replace(/\((?:19|20)\d{2}\)/, '');
        if (n === '') return undefined;
        return (block && find(block.columns, n)) ?? find(all, n);
      });
      const unknown = cells.slice(first + 1).filter((t, i) => norm(t) !== '' && !header![i]);
      if (unknown.length) res.problems.push(`表二的表头 ${unknown.map(quote).join('、')} 不是${format.citation}格式中的列，该列的数字未读入`);
      continue;
    }
    const core = labelCore(cells[first]);
    const match =
      allRows.find((r) => norm(r.row.label) === firstNorm) ??
      allRows.find((r) => labelCore(r.row.label) === core) ??
      (core.length >= 2
        ? allRows.filter((r) => core.includes(labelCore(r.row.label))).sort((a, b) => b.row.label.length - a.row.label.length)[0]
        : undefined) ??
      // An older wording that is the end of exactly one row's label (规范性文件 for 行政规范性文件).
      (() => {
        const ends = core.length >= 4 ? allRows.filter((r) => labelCore(r.row.label).endsWith(core)) : [];
        return ends.length === 1 ? ends[0] : undefined;
      })();
    const values = cells.slice(first + 1);
    if (!match) {
      const figures = nonEmpty(values).filter(isValueLike);
      if (figures.length && isLabelLike(cells[first]))
        res.problems.push(`表二中${quote(cells[first])}一行不是${format.citation}格式中的行，其中的 ${figures.length} 个数字未读入：${figures.join('、')}`);
      continue;
    }
    if (seen.has(match.row.key)) {
      res.problems.push(`表二中${quote(match.row.label)}一行出现了两次，只读入了第一次的数字`);
      continue;
    }
    seen.add(match.row.key);
    const headerFits = header && header.some(Boolean) && header.every((c) => !c || match.block.columns.includes(c));
    const cols = headerFits ? header! : match.block.columns;
    const given = nonEmpty(values);
    if (blanksDropped && given.length !== match.block.columns.length) {
      // Copied one cell per line, a blank cell leaves no trace: fewer figures than columns have no certain columns.
      if (given.length)
        unreadable.push(
          `${match.row.label} 一行有 ${given.length} 个数字，表格有 ${match.block.columns.length} 列，复制时空白格已丢失，无法确定每个数字属于哪一列：${given.join('、')}`,
        );
      else empties.push(match.row.label);
      continue;
    }
    values.forEach((raw, i) => {
      const col = cols[i];
      if (!col) {
        if (raw.trim() !== '') unreadable.push(`${match.row.label} 第 ${i + 1} 个数字“${raw}”不在任何一列下`);
        return;
      }
      if (!match.block.columns.includes(col)) return;
      take(res, cellKey('t2', match.row.key, col.key), raw, col, `${match.row.label} · ${col.label}`, empties, unreadable);
    });
    for (const col of match.block.columns) {
      const idx = cols.indexOf(col);
      if (idx < 0 || idx >= values.length) empties.push(`${match.row.label} · ${col.label}`);
    }
  }
  const missing = allRows.filter((r) => !seen.has(r.row.key)).map((r) => r.row.label);
  if (missing.length) res.problems.push(`表二没有找到以下行：${missing.join('、')}`);
  return finish(res, '表二', empties, unreadable);
}

// ---------------------------------------------------------------- table 三

interface RowMatcher {
  def: Table3Row;
  core: string;
  short: string;
}

function matchT3Row(matchers: RowMatcher[], leaf: string, found: Set<string>, cursor: number): { m: RowMatcher; score: number } | undefined {
  const scored = matchers
    .map((m, index) => {
      let score = 0;
      if (leaf === m.core || leaf === m.short) score = 3;
      else if (m.short.length >= 2 && leaf.startsWith(m.short)) score = 2;
      else if (leaf.length >= 4 && m.core.startsWith(leaf)) score = 1;
      return { m, index, score };
    })
    .filter((s) => s.score > 0 && !found.has(s.m.def.key));
  if (!scored.length) return undefined;
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const pick = top.find((s) => s.index >= cursor) ?? top[0];
  return { m: pick.m, score: pick.score };
}

export function readTable3(format: ReportFormat, rows: Row[], positional: boolean, blanksDropped = false): TableReadResult {
  const res = newResult();
  const empties: string[] = [];
  const unreadable: string[] = [];
  const t3 = format.t3;
  const cols = t3.columns;
  const colLabels = new Set(cols.map((c) => norm(c.label)));
  const headerWords = [t3.applicantHeader, ...new Set(cols.map((c) => c.group).filter((g): g is string => !!g)), '勾稽关系'].map(norm);
  const matchers: RowMatcher[] = t3.rows.map((def) => {
    const core = labelCore(def.path[def.path.length - 1]);
    return { def, core, short: withoutParenthetical(core) };
  });
  const found = new Set<string>();
  const zeroRows: string[] = [];
  const emptyRows: string[] = [];
  let cursor = 0;
  let pending: string | undefined;

  for (const row of rows) {
    const cells = texts(row);
    if (!nonEmpty(cells).length) continue;
    const normed = cells.map(norm);
    if (normed.some((t) => headerWords.some((w) => w && t.includes(w))) || normed.filter((t) => colLabels.has(t)).length >= 2) continue;

    let labelCells: string[];
    let valueCells: string[];
    if (positional && cells.length > cols.length) {
      labelCells = cells.slice(0, cells.length - cols.length);
      valueCells = cells.slice(cells.length - cols.length);
    } else {
      let end = -1;
      cells.forEach((t, i) => {
        if (isLabelLike(t)) end = i;
      });
      labelCells = cells.slice(0, end + 1);
      valueCells = cells.slice(end + 1);
    }
    const leafText = [...labelCells].reverse().find((t) => t.trim() !== '');
    const figures = nonEmpty(valueCells);
    if (leafText === undefined) {
      if (figures.length) res.problems.push(`表三有一行数字没有行名称，未读入：${figures.join('、')}`);
      continue;
    }
    // A label broken over two lines of a web copy: the first line has no figures and matches
    // at best the beginning of a label; it is joined to the next line's label.
    const leafCore = labelCore(leafText);
    const joined = pending ? matchT3Row(matchers, pending + leafCore, found, cursor) : undefined;
    const direct = matchT3Row(matchers, leafCore, found, cursor);
    // The joined label wins when it is exact or better than the line's own (a header word such as
    // “其他” before “一、本年新收…” must not make “其他本年新收…” the row “3.其他”).
    const hit = joined && (joined.score === 3 || !direct || joined.score > direct.score) ? joined : direct;
    // Copied one cell per line, a row left blank cannot be told from a header or group label: never taken as a row.
    if (figures.length === 0 && (!hit || hit.score === 1 || blanksDropped)) {
      pending = joined && joined.score === 1 ? pending + leafCore : leafCore;
      continue;
    }
    pending = undefined;
    if (!hit) {
      if (figures.length)
        res.problems.push(
          `表三中${quote(labelCells.filter((t) => t.trim()).join(''))}一行不是${format.citation}格式中的行，其中的 ${figures.length} 个数字未读入：${figures.join('、')}`,
        );
      continue;
    }
    const m = hit.m;
    found.add(m.def.key);
    cursor = matchers.indexOf(m) + 1;
    const rowName = m.def.path[m.def.path.length - 1];
    const put = (vals: string[]) =>
      vals.forEach((raw, i) =>
        take(
          res,
          cellKey('t3', m.def.key, cols[i].key),
          raw,
          cols[i],
          `${rowName} · ${cols[i].label}`,
          empties,
          unreadable,
          Boolean(m.def.derived || cols[i].derived),
        ),
      );

    if (positional && figures.length === 0) {
      if (!m.def.derived) emptyRows.push(rowName);
      continue;
    }
    if (positional) {
      put(
        valueCells.length === cols.length ? valueCells : [...valueCells, ...Array(Math.max(0, cols.length - valueCells.length)).fill('')].slice(0, cols.length),
      );
      continue;
    }
    // Web-copied text drops merged cells, so tab positions are not trusted: only a full row
    // of figures (or a row trimmed to exactly the table's width) has certain columns.
    let trimmed = valueCells;
    while (trimmed.length && trimmed[0].trim() === '') trimmed = trimmed.slice(1);
    while (trimmed.length && trimmed[trimmed.length - 1].trim() === '') trimmed = trimmed.slice(0, -1);
    if (figures.length === cols.length) put(figures);
    else if (trimmed.length === cols.length) put(trimmed);
    else if (figures.length === 0) {
      if (!m.def.derived) emptyRows.push(rowName);
    } else if (
      figures.length === cols.length - 1 &&
      figures.every((f) => {
        const p = parseCellInput(f, 'count');
        return p.ok && p.value === 0;
      })
    ) {
      // One figure short but all 0: whichever column is missing, every applicant figure is 0
      // (if the missing one is 总计, the six are these zeros; if not, the stated 总计 is 0).
      for (const c of cols) if (!c.derived) res.cells[cellKey('t3', m.def.key, c.key)] = 0;
      res.read += cols.length - 1;
      zeroRows.push(rowName);
    } else {
      res.problems.push(
        `表三${quote(rowName)}一行有 ${figures.length} 个数字，表格有 ${cols.length} 列，无法确定每个数字属于哪一列，未读入：${figures.join('、')}`,
      );
    }
  }
  if (emptyRows.length) res.problems.push(`表三有 ${emptyRows.length} 行没有填数字（整行空白），未读入（没有发生的事项应填 0）：${list(emptyRows)}`);
  if (zeroRows.length) {
    res.problems.push(
      `表三有 ${zeroRows.length} 行只有 ${cols.length - 1} 个数字（表格有 ${cols.length} 列），因为全部是 0，各申请人类型按 0 读入，总计未读入：${list(zeroRows)}`,
    );
  }
  const missing = matchers.filter((m) => !found.has(m.def.key)).map((m) => m.def.path[m.def.path.length - 1]);
  if (missing.length) res.problems.push(`表三没有找到以下行：${list(missing, 30)}`);
  return finish(res, '表三', empties, unreadable);
}

// ---------------------------------------------------------------- table 四

export function readTable4(format: ReportFormat, rows: Row[], positional: boolean): TableReadResult {
  const res = newResult();
  const empties: string[] = [];
  const unreadable: string[] = [];
  const t4 = format.t4;
  const slots = t4.groups.flatMap((g) => t4.columns.map((c) => ({ key: cellKey('t4', g.key, c.key), col: c, name: `${g.path.join('·')} · ${c.label}` })));
  let valueRows = 0;
  for (const row of rows) {
    const cells = texts(row);
    const figures = nonEmpty(cells);
    if (!figures.length) continue;
    const labels = cells.filter(isLabelLike);
    if (figures.filter((t) => isValueLike(t)).length < figures.length / 2 || labels.length > 1) continue; // a header row
    valueRows++;
    if (valueRows > 1) {
      res.problems.push(`表四有不止一行数字，只读入了第一行；多出的一行：${figures.join('、')}`);
      continue;
    }
    let values: string[] | undefined;
    if (positional && cells.length >= slots.length) values = cells.slice(cells.length - slots.length);
    else {
      const vals = figures.filter((t) => !isLabelLike(t));
      let trimmed = cells.filter((t) => !isLabelLike(t));
      while (trimmed.length && trimmed[0].trim() === '') trimmed = trimmed.slice(1);
      while (trimmed.length && trimmed[trimmed.length - 1].trim() === '') trimmed = trimmed.slice(0, -1);
      if (vals.length === slots.length) values = vals;
      else if (trimmed.length === slots.length) values = trimmed;
    }
    if (!values) {
      res.problems.push(`表四的数字行有 ${figures.length} 个数字，表格有 ${slots.length} 列，无法确定每个数字属于哪一列，未读入：${figures.join('、')}`);
      continue;
    }
    values.forEach((raw, i) => take(res, slots[i].key, raw, slots[i].col, slots[i].name, empties, unreadable, Boolean(slots[i].col.derived)));
  }
  if (!valueRows) res.problems.push('表四只有表头，没有填数字，未读入（没有发生的应填 0）');
  return finish(res, '表四', empties, unreadable);
}
