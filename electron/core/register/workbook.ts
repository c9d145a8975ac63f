// The register as an .xlsx in a plain official layout: a title row, a two-row header (补正 and
// 征求第三方意见 as merged groups), one row per application with real dates, the table 三 row it
// counts in, its due date and 逾期 state, and a 合计 line. The import reads this layout back.
import ExcelJS from 'exceljs';
import type { ReportFormat } from '../../../shared/formats/types';
import type { RegisterEntry } from '../../../shared/register/api-spec';
import { applicantTypeLabel, outcomeLabel } from '../../../shared/register/model';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

const COLUMNS: { header: string; group?: string; width: number }[] = [
  { header: '登记编号', width: 12 },
  { header: '收到日期', width: 12 },
  { header: '申请人', width: 16 },
  { header: '申请人类型', width: 12 },
  { header: '申请方式', width: 9 },
  { header: '申请内容', width: 30 },
  { header: '告知日期', group: '补正', width: 12 },
  { header: '收到日期', group: '补正', width: 12 },
  { header: '是否延期', width: 9 },
  { header: '开始日期', group: '征求第三方意见', width: 12 },
  { header: '回复日期', group: '征求第三方意见', width: 12 },
  { header: '答复日期', width: 12 },
  { header: '办理结果', width: 34 },
  { header: '答复期限', width: 12 },
  { header: '期限情况', width: 14 },
  { header: '收费（元）', width: 10 },
  { header: '备注', width: 20 },
];

const asDate = (iso: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export async function buildRegisterWorkbook(title: string, entries: readonly RegisterEntry[], format: ReportFormat): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申请登记台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  const n = COLUMNS.length;
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, n);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { name: '方正小标宋简体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.addRow(COLUMNS.map((c) => c.group ?? c.header));
  ws.addRow(COLUMNS.map((c) => (c.group ? c.header : '')));
  COLUMNS.forEach((c, i) => {
    if (!c.group) ws.mergeCells(2, i + 1, 3, i + 1);
  });
  for (let i = 0; i < n;) {
    const g = COLUMNS[i]!.group;
    let j = i;
    while (g && COLUMNS[j + 1]?.group === g) j++;
    if (g && j > i) ws.mergeCells(2, i + 1, 2, j + 1);
    i = j + 1;
  }
  for (const r of [2, 3]) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  }
  const typeLabel = (k: string) => applicantTypeLabel(format, k);
  const outcomeOf = (k: string) => outcomeLabel(format, k);
  for (const { application: a, deadline: d } of entries) {
    const row = ws.addRow([
      a.id,
      asDate(a.receivedOn),
      a.applicant,
      typeLabel(a.applicantType),
      a.channel,
      a.content,
      asDate(a.correctionAskedOn),
      asDate(a.correctionReceivedOn),
      a.extended ? '是' : '否',
      asDate(a.consultationFrom),
      asDate(a.consultationTo),
      asDate(a.answeredOn),
      a.outcome ? outcomeOf(a.outcome) : '',
      asDate(d.due ?? ''),
      d.label,
      a.fee,
      a.notes,
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  const total = ws.addRow([`合计：${entries.length} 件`]);
  ws.mergeCells(total.number, 1, total.number, n);
  total.font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
