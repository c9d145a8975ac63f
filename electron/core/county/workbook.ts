// The county's workbook (.xlsx): a summary sheet (one row per file), a findings sheet (every
// finding with its quotes) and one sheet per format with the summed tables 二、三、四 laid out as
// the format prints them (labels and spans from shared/formats tableGrid).
import type ExcelJS from 'exceljs';
import { cellLabel, TABLE_NAMES, type CountyFinding, type CountyReview, type CountySum, type CountyUnitRow } from '../../../shared/county/index';
import type { Finding } from '../../../shared/report';
import { RULE_REGISTRY, type RuleInfo } from '../../../shared/rules/registry';
import { ACKNOWLEDGED_WORD, acknowledgedText } from '../../../shared/severity';
import { FORMATS, formatModel } from '../../../shared/formats/index';
import { tableGrid } from '../../../shared/formats/grid';
import { CONTINUITY_TEXT, SEVERITY_TEXT, formatLabelOf } from './labels';
import { registerSourceText } from '../../../shared/register/schema';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEFF2F6' } };

/** The sheet holding a format's sums: 汇总（2021格式）. */
export function sumSheetName(formatId: CountySum['formatId']): string {
  return `汇总（${formatId === 'gov-2021' ? '2021' : '2019'}格式）`;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = headerFill;
    c.border = border;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
}

function roleText(review: CountyReview, r: CountyUnitRow): string {
  if (r.role === 'duplicate') return `重复报送（未计入，计入的是“${review.rows.find((k) => k.entryId === r.duplicateOf)?.fileName ?? ''}”）`;
  return r.role === 'current' ? '本年报告' : r.role === 'previous' ? '上年报告（核对结转）' : '其他年度（不汇总）';
}

/** Units sent twice, first of all: both files named, the one counted, and how they differ. */
function duplicatesSheet(wb: ExcelJS.Workbook, review: CountyReview): void {
  const ws = wb.addWorksheet('重复报送');
  ws.columns = [
    { header: '单位', key: 'unit', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '文件', key: 'file', width: 34 },
    { header: '是否计入', key: 'kept', width: 14 },
    { header: '两份文件的不同之处', key: 'diff', width: 80 },
  ];
  styleHeader(ws.getRow(1));
  for (const d of review.duplicates) {
    const diff = d.differences.length
      ? d.differences.map((x) => `${x.label}：${x.values.map((v, i) => `“${d.fileNames[i]}”为 ${v}`).join('，')}`).join('\n')
      : '内容相同（数字、文字、成文日期一致），只计一份。';
    d.entryIds.forEach((id, i) => {
      const row = ws.addRow({ unit: d.unitName, year: d.year, file: d.fileNames[i], kept: id === d.kept ? '计入汇总' : '不计入', diff: i === 0 ? diff : '' });
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function summarySheet(wb: ExcelJS.Workbook, review: CountyReview): void {
  const ws = wb.addWorksheet('概况');
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '单位', key: 'unit', width: 30 },
    { header: '文件', key: 'file', width: 30 },
    { header: '格式', key: 'format', width: 26 },
    { header: '年度', key: 'year', width: 8 },
    { header: '用途', key: 'role', width: 12 },
    { header: SEVERITY_TEXT.error, key: 'errors', width: 7 },
    { header: SEVERITY_TEXT.warning, key: 'warnings', width: 7 },
    { header: SEVERITY_TEXT.info, key: 'info', width: 7 },
    { header: ACKNOWLEDGED_WORD, key: 'acknowledged', width: 8 },
    { header: '结转衔接', key: 'continuity', width: 18 },
    { header: '台账计算', key: 'register', width: 18 },
    { header: '成文日期', key: 'date', width: 12 },
  ];
  styleHeader(ws.getRow(1));
  review.rows.forEach((r, i) =>
    ws.addRow({
      n: i + 1,
      unit: r.unitName,
      file: r.fileName,
      format: formatLabelOf(r.formatId),
      year: r.year,
      role: roleText(review, r),
      errors: r.errors,
      warnings: r.warnings,
      info: r.info,
      acknowledged: r.acknowledged,
      continuity: CONTINUITY_TEXT[r.continuity],
      register: registerSourceText(r.fromRegister) || '手工填写',
      date: r.date,
    }),
  );
  for (const u of review.unreadable) ws.addRow({ n: ws.rowCount, unit: u.notAReport ? NOT_A_REPORT : '（无法读取）', file: u.fileName, format: u.error });
  ws.addRow([]);
  const current = review.rows.filter((r) => r.role === 'current');
  const others = review.unreadable.filter((u) => u.notAReport).length;
  const twice = review.duplicates.length ? `；${review.duplicates.length} 个单位重复报送，每个单位只计一份（见“重复报送”）` : '';
  ws.addRow([
    '',
    `${review.year ?? ''}年度：共 ${current.length} 份报告，${current.filter((r) => r.errors > 0).length} 份有错误${twice}；无法读取 ${review.unreadable.length - others} 个文件${others ? `；${others} 个文件不是年度报告，未计入` : ''}。`,
  ]);
  ws.addRow(['', `汇总说明：${review.sumNote}`]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const FINDING_COLUMNS = [
  { header: '单位', key: 'unit', width: 28 },
  { header: '文件', key: 'file', width: 26 },
  { header: '严重程度', key: 'severity', width: 9 },
  { header: '问题', key: 'title', width: 26 },
  { header: '说明', key: 'message', width: 70 },
  { header: '涉及的格子', key: 'cells', width: 40 },
  { header: '原文', key: 'quote', width: 40 },
  { header: '雷同单位', key: 'otherUnit', width: 26 },
  { header: '雷同单位原文', key: 'otherQuote', width: 40 },
];

/** How the workbook names a file that is another document, not a township's report. */
const NOT_A_REPORT = '（不是年度报告）';

/** The rule's Chinese title, from the registry (the id stays in the last column). */
function ruleTitle(rule: string): string {
  return (
    (RULE_REGISTRY as Record<string, RuleInfo>)[rule]?.title ??
    (rule === 'county.unreadable' ? '文件无法读取' : rule === 'county.not_a_report' ? '不是年度报告（未计入）' : rule)
  );
}

function findingValues(formatId: string, f: CountyFinding | Finding) {
  const other = 'other' in f ? f.other : undefined;
  return {
    severity: SEVERITY_TEXT[f.severity],
    title: ruleTitle(f.rule),
    message: f.message,
    cells: f.cells.map((c) => cellLabel(formatId, c)).join('\n'),
    quote: f.location?.quote ?? '',
    otherUnit: other?.unitName ?? '',
    otherQuote: other?.quote ?? '',
    rule: f.rule,
  };
}

/** Open findings of the counted reports; the clerk's 已核实 ones go to their own sheet. */
function findingsSheet(wb: ExcelJS.Workbook, review: CountyReview): void {
  const ws = wb.addWorksheet('问题清单');
  ws.columns = [...FINDING_COLUMNS, { header: '规则编号', key: 'rule', width: 24 }];
  styleHeader(ws.getRow(1));
  const order = { error: 0, warning: 1, info: 2 };
  for (const r of review.rows) {
    if (r.role === 'duplicate') continue;
    for (const f of [...r.findings].filter((x) => !x.acknowledged).sort((a, b) => order[a.severity] - order[b.severity])) {
      ws.addRow({ unit: r.unitName, file: r.fileName, ...findingValues(r.formatId, f) }).alignment = { vertical: 'top', wrapText: true };
    }
  }
  for (const s of review.sums) {
    for (const f of s.findings) {
      ws.addRow({ unit: `全县汇总（${formatLabelOf(s.formatId)}）`, file: '', ...findingValues(s.formatId, f) }).alignment = {
        vertical: 'top',
        wrapText: true,
      };
    }
  }
  // A file that is another document (a cover note) is shown for information, not as a unit's error.
  for (const u of review.unreadable) {
    const rule = u.notAReport ? 'county.not_a_report' : 'county.unreadable';
    ws.addRow({
      unit: u.notAReport ? NOT_A_REPORT : '（无法读取）',
      file: u.fileName,
      severity: SEVERITY_TEXT[u.notAReport ? 'info' : 'error'],
      title: ruleTitle(rule),
      message: u.error,
      rule,
    });
  }
  ws.autoFilter = { from: 'A1', to: 'J1' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** What the clerks marked 已核实, with their reasons: listed apart from the open findings. */
function acknowledgedSheet(wb: ExcelJS.Workbook, review: CountyReview): void {
  const ws = wb.addWorksheet(ACKNOWLEDGED_WORD);
  ws.columns = [...FINDING_COLUMNS.slice(0, 6), { header: '核实情况', key: 'reason', width: 50 }, { header: '规则编号', key: 'rule', width: 24 }];
  styleHeader(ws.getRow(1));
  for (const r of review.rows) {
    if (r.role === 'duplicate') continue;
    for (const f of r.findings) {
      if (!f.acknowledged) continue;
      ws.addRow({ unit: r.unitName, file: r.fileName, ...findingValues(r.formatId, f), reason: acknowledgedText(f.acknowledged.reason) }).alignment = {
        vertical: 'top',
        wrapText: true,
      };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Writes one grid at `top` (1-based row), honouring column and row spans; returns the next free row. */
function writeGrid(ws: ExcelJS.Worksheet, top: number, grid: ReturnType<typeof tableGrid>, values: Record<string, number>): number {
  const taken = new Set<string>();
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      const rowSpan = cell.type === 'label' ? cell.rowSpan : 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      const xr = top + r;
      const xc = c + 1;
      if (cell.colSpan > 1 || rowSpan > 1) ws.mergeCells(xr, xc, xr + rowSpan - 1, xc + cell.colSpan - 1);
      const target = ws.getCell(xr, xc);
      if (cell.type === 'label') {
        target.value = cell.text;
        target.alignment = { vertical: 'middle', horizontal: cell.role === 'row' && (cell.level ?? 1) > 1 ? 'left' : 'center', wrapText: true };
        if (cell.role !== 'row') target.fill = headerFill;
      } else {
        target.value = values[cell.cell] ?? 0;
        target.alignment = { vertical: 'middle', horizontal: 'center' };
        if (cell.derived) target.font = { bold: true };
      }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) ws.getCell(xr + dr, xc + dc).border = border;
      c += cell.colSpan;
    }
  });
  return top + grid.rows.length;
}

function sumSheet(wb: ExcelJS.Workbook, review: CountyReview, sum: CountySum): void {
  const ws = wb.addWorksheet(sumSheetName(sum.formatId));
  const format = FORMATS[sum.formatId];
  const names = sum.entryIds.map((id) => review.rows.find((r) => r.entryId === id)?.unitName ?? id);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 30;
  for (let i = 4; i <= 12; i++) ws.getColumn(i).width = 11;
  ws.getCell(1, 1).value = `${review.year ?? ''}年度全县汇总（${format.citation}格式，${sum.entryIds.length} 个单位）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `参加汇总的单位：${names.join('、')}`;
  ws.getCell(3, 1).value = review.sumNote;
  let row = 5;
  for (const id of ['t2', 't3', 't4'] as const) {
    const grid = tableGrid(format, id);
    ws.getCell(row, 1).value = `${TABLE_NAMES[id]}　${format[id].title}`;
    ws.getCell(row, 1).font = { bold: true };
    row = writeGrid(ws, row + 1, grid, sum.cells) + 2;
  }
  ws.getCell(row, 1).value = sum.findings.length ? '汇总数的校验（与单位报告相同的表格规则）：' : '汇总数的校验：没有发现问题。';
  ws.getCell(row, 1).font = { bold: true };
  for (const f of sum.findings) {
    ws.getCell(++row, 1).value = `${SEVERITY_TEXT[f.severity]}：${f.message}`;
    const cause = sum.causes.find((c) => c.rule === f.rule);
    if (cause)
      ws.getCell(++row, 1).value = `　　出自：${cause.entryIds.map((id) => review.rows.find((r) => r.entryId === id)?.unitName ?? id).join('、')}的报告`;
  }
}

/** Every summed cell, one per line, for programs (and people) that look figures up by key. */
function cellsSheet(wb: ExcelJS.Workbook, review: CountyReview): void {
  const ws = wb.addWorksheet('汇总明细');
  ws.columns = [
    { header: '格式', key: 'format', width: 26 },
    { header: '单元格编号', key: 'key', width: 36 },
    { header: '名称', key: 'label', width: 60 },
    { header: '汇总数', key: 'value', width: 10 },
    { header: '单位数', key: 'units', width: 8 },
  ];
  styleHeader(ws.getRow(1));
  for (const s of review.sums) {
    for (const c of formatModel(s.formatId).cells)
      ws.addRow({ format: formatLabelOf(s.formatId), key: c.key, label: c.label, value: s.cells[c.key] ?? 0, units: s.entryIds.length });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The whole workbook, as .xlsx bytes. */
export async function buildCountyWorkbook(review: CountyReview): Promise<Uint8Array> {
  // exceljs is loaded when a workbook is made, not at every start of the program (it takes longer to load than the rest).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '年报编制助手';
  wb.created = new Date();
  if (review.duplicates.length) duplicatesSheet(wb, review);
  summarySheet(wb, review);
  findingsSheet(wb, review);
  acknowledgedSheet(wb, review);
  for (const s of review.sums) sumSheet(wb, review, s);
  cellsSheet(wb, review);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
