// A clerk's register file as rows of cells: .xlsx through exceljs (merged cells carry their
// value into every cell they cover; formulas give their result; dates stay dates), .csv as UTF-8
// (with or without BOM) or GBK, as Excel on a Chinese Windows saves it.
import ExcelJS from 'exceljs';
import type { ReportFormat } from '../../../shared/formats/types';
import { recogniseRegister, type RegisterRead } from '../../../shared/register/recognise';
import type { RawValue } from '../../../shared/register/recognise-values';

export class SheetError extends Error {}

function cellValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return null;
}

/** Every worksheet of a workbook as rows (1-based sheet rows become 0-based indexes). */
export async function readWorkbookRows(bytes: Uint8Array): Promise<{ name: string; rows: RawValue[][] }[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('这个文件不是 Excel（.xlsx）工作簿，或已损坏。旧版 .xls 文件请先在 Excel/WPS 中另存为 .xlsx，或另存为 CSV。');
  }
  return wb.worksheets.map((ws) => {
    const rows: RawValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: RawValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // A merged cell's value is its master's (exceljs returns it for every covered cell).
        cells[c - 1] = cellValue(cell.value);
      });
      rows[n - 1] = Array.from(cells, (v) => v ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** Decodes a CSV's bytes: UTF-8 when they are valid UTF-8, else GBK. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks; comma or tab separated. */
export function parseCsv(text: string): RawValue[][] {
  const sep = (text.split('\n', 1)[0] ?? '').includes('\t') && !(text.split('\n', 1)[0] ?? '').includes(',') ? '\t' : ',';
  const rows: RawValue[][] = [];
  let row: RawValue[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field === '' ? null : field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field === '' ? null : field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field === '' ? null : field);
    rows.push(row);
  }
  return rows;
}

export async function readSheets(fileName: string, bytes: Uint8Array): Promise<{ name: string; rows: RawValue[][] }[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return [{ name: fileName, rows: parseCsv(decodeCsv(bytes)) }];
  if (lower.endsWith('.xlsx')) return readWorkbookRows(bytes);
  if (lower.endsWith('.xls') || lower.endsWith('.et')) throw new SheetError('旧版 .xls 文件读不了：请在 Excel/WPS 中“另存为” .xlsx 或 CSV 后再导入。');
  throw new SheetError(`“${fileName}”不是台账文件：请选择 Excel（.xlsx）或 CSV 文件。`);
}

/** Reads a register file: the first sheet whose header is recognised. */
export async function readRegisterFile(fileName: string, bytes: Uint8Array, year: number, format: ReportFormat): Promise<RegisterRead & { sheet: string }> {
  const sheets = await readSheets(fileName, bytes);
  let firstError = '';
  for (const s of sheets) {
    const read = recogniseRegister(s.rows, year, format);
    if (!('error' in read)) return { ...read, sheet: s.name };
    firstError ||= read.error;
  }
  throw new SheetError(firstError || '文件中没有工作表。');
}
