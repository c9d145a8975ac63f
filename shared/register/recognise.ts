// A clerk's register sheet (rows of cells, as read from Excel or CSV) into applications: the header
// row found by its wording (two header rows when a group heading is merged above its columns), each
// row read with the value readers, a total row or a signature line at the bottom left out, and
// every row that cannot be placed refused with the reason.
import type { ReportFormat } from '../formats/types';
import { applicantTypeLabel, ApplicationSchema, outcomeLabel, type Application, type ApplicationInput } from './model';
import { norm, rawText, readAmount, readApplicantType, readChannel, readDate, readOutcome, readYesNo, type Mapped, type RawValue } from './recognise-values';

export type RegisterField = Exclude<keyof ApplicationInput, never>;

/** Header wordings for each field; the longest wording found in a header decides. */
export const HEADER_WORDS: Record<RegisterField, string[]> = {
  id: ['登记编号', '编号', '序号', '申请编号', '受理编号', '流水号', '登记号'],
  receivedOn: ['收到日期', '收到时间', '受理日期', '受理时间', '申请日期', '申请时间', '登记日期', '接收日期', '收文日期', '收到申请日期'],
  applicant: ['申请人', '申请人姓名', '申请人名称', '姓名', '姓名或名称', '申请单位'],
  applicantType: ['申请人类型', '申请人性质', '申请人类别', '申请主体', '主体类型', '申请人身份'],
  channel: ['申请方式', '提交方式', '申请渠道', '收到方式', '申请途径'],
  content: ['申请内容', '申请事项', '申请公开内容', '所需信息', '内容摘要', '申请公开的信息', '申请信息内容'],
  correctionAskedOn: ['补正告知日期', '告知补正日期', '补正通知日期', '补正告知', '要求补正日期'],
  correctionReceivedOn: ['补正收到日期', '收到补正日期', '补正日期', '补正材料收到日期', '补正后收到日期'],
  extended: ['是否延期', '延期', '延期答复', '是否延期答复'],
  extendedOn: ['延期日期', '延期告知日期', '延期时间'],
  consultationFrom: ['征求意见日期', '征求第三方意见日期', '征求意见开始日期', '征求第三方意见开始', '征求意见开始'],
  consultationTo: [
    '征求意见回复日期',
    '第三方回复日期',
    '意见回复日期',
    '意见收到日期',
    '征求意见结束日期',
    '征求第三方意见结束',
    '征求意见结束',
    '第三方意见收到日期',
  ],
  answeredOn: ['答复日期', '答复时间', '办结日期', '办结时间', '告知日期', '回复日期', '答复书日期'],
  outcome: ['办理结果', '答复结果', '处理结果', '答复类型', '办理情况', '答复情况', '答复方式', '结果', '处理情况', '答复意见'],
  fee: ['收费', '收费金额', '信息处理费', '收费金额元'],
  notes: ['备注', '说明'],
};

const HEADER_SCAN_ROWS = 12;
const TOTAL_ROW = /^(合计|总计|小计|共计|累计)|(合计|总计)[:：]?$/;
const FOOTER_ROW = /^(填表人|制表人|审核人|负责人|填报人|制表|说明|注[:：])/;

export interface ColumnMapping {
  column: number;
  header: string;
  field: RegisterField | null;
}

export interface Unsure {
  row: number;
  id: string;
  field: RegisterField;
  text: string;
  /** what it was read as, in the table's words */
  readAs: string;
}

export interface RegisterRead {
  /** 1-based sheet row of the header (the lower one when there are two) */
  headerRow: number;
  columns: ColumnMapping[];
  applications: Application[];
  /** values placed by a keyword, not by the official wording: the clerk confirms these */
  unsure: Unsure[];
  /** rows that cannot be placed, with the reason */
  refused: { row: number; reason: string }[];
  /** rows left out on purpose: a total row, a signature line */
  skipped: { row: number; reason: string }[];
}

function fieldOf(header: string): RegisterField | null {
  const h = norm(header).replace(/[()（）:：*＊]/g, '');
  if (!h) return null;
  let best: RegisterField | null = null;
  let bestLength = 0;
  for (const [field, words] of Object.entries(HEADER_WORDS) as [RegisterField, string[]][]) {
    for (const w of words) {
      const exact = h === w;
      if ((exact || h.includes(w)) && w.length + (exact ? 100 : 0) > bestLength) {
        best = field;
        bestLength = w.length + (exact ? 100 : 0);
      }
    }
  }
  return best;
}

/** A title row: one text (a merged title) repeated or alone. */
function isTitleRow(row: RawValue[]): boolean {
  const texts = new Set(row.map(rawText).filter(Boolean));
  return texts.size <= 1;
}

/** Column headers for header row r: the row's own label, prefixed with a group label merged above it. */
function headersAt(rows: RawValue[][], r: number, twoRows: boolean): string[] {
  const row = rows[r] ?? [];
  const above = twoRows && r > 0 && !isTitleRow(rows[r - 1] ?? []) ? (rows[r - 1] ?? []) : [];
  const width = Math.max(row.length, above.length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const low = rawText(row[c] ?? null);
    const high = rawText(above[c] ?? null);
    out.push(high && high !== low ? `${high}${low}` : low || high);
  }
  return out;
}

function mapColumns(headers: string[]): ColumnMapping[] {
  const taken = new Set<RegisterField>();
  return headers.map((header, column) => {
    let field = fieldOf(header);
    // Two columns of one field (收到日期 twice): the first is read, the second only shown.
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return { column, header, field };
  });
}

function findHeader(rows: RawValue[][]): { row: number; columns: ColumnMapping[] } | null {
  let best: { row: number; columns: ColumnMapping[]; score: number } | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    // One header row, or a group heading merged above (补正 over 告知日期 and 收到日期): the better reading wins.
    for (const twoRows of [false, true]) {
      const columns = mapColumns(headersAt(rows, r, twoRows));
      const fields = new Set(columns.map((c) => c.field).filter(Boolean));
      const score = fields.size + (fields.has('receivedOn') ? 2 : 0) + (fields.has('applicantType') ? 2 : 0);
      if (fields.has('receivedOn') && (!best || score > best.score)) best = { row: r, columns, score };
    }
  }
  return best;
}

const LABELS: Partial<Record<RegisterField, string>> = { applicantType: '申请人类型', outcome: '办理结果', channel: '申请方式', receivedOn: '收到日期' };

/** Reads a register sheet for the given year's format. */
export function recogniseRegister(rows: RawValue[][], year: number, format: ReportFormat): RegisterRead | { error: string } {
  const header = findHeader(rows);
  if (!header) return { error: '没有找到表头：台账的前几行中要有“收到日期”（或“受理日期”“申请日期”）一栏，以及申请人类型、办理结果等栏目。' };
  const col = (f: RegisterField) => header.columns.find((c) => c.field === f)?.column;
  const read: RegisterRead = { headerRow: header.row + 1, columns: header.columns, applications: [], unsure: [], refused: [], skipped: [] };
  const ids = new Set<string>();
  const typeLabel = (k: string) => applicantTypeLabel(format, k);
  const outcomeOf = (k: string) => outcomeLabel(format, k);

  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    const texts = row.map(rawText).filter(Boolean);
    if (texts.length === 0) continue;
    if (texts.some((t) => TOTAL_ROW.test(norm(t)))) {
      read.skipped.push({ row: sheetRow, reason: '合计行，不作为申请读入' });
      continue;
    }
    if (FOOTER_ROW.test(norm(texts[0]!)) || isTitleRow(row)) {
      read.skipped.push({ row: sheetRow, reason: `“${texts[0]!.slice(0, 20)}”不是申请，未读入` });
      continue;
    }
    const cell = (f: RegisterField): RawValue => {
      const c = col(f);
      return c === undefined ? null : (row[c] ?? null);
    };
    const idText = rawText(cell('id')).replace(/\.0$/, '');
    const id = idText ? norm(idText).slice(0, 40) : `${year}-${String(read.applications.length + read.refused.length + 1).padStart(3, '0')}`;
    const problems: string[] = [];
    const pending: Unsure[] = [];
    const take = <T>(f: RegisterField, m: Mapped<T>, shown: (v: T) => string): T | undefined => {
      if ('error' in m) {
        problems.push(`${LABELS[f] ?? f}：${m.error}`);
        return undefined;
      }
      if (!m.sure && rawText(cell(f))) pending.push({ row: sheetRow, id, field: f, text: rawText(cell(f)), readAs: shown(m.value) });
      return m.value;
    };
    const date = (f: RegisterField) => take(f, readDate(cell(f), year), (v) => v) ?? '';
    const received = date('receivedOn');
    if (!received && problems.length === 0) problems.push('收到日期：没有填写');
    const input: ApplicationInput = {
      id,
      receivedOn: received,
      applicant: rawText(cell('applicant')).slice(0, 60),
      applicantType: take('applicantType', readApplicantType(cell('applicantType'), format), typeLabel) ?? '',
      channel: take('channel', readChannel(cell('channel')), (v) => v),
      content: rawText(cell('content')).slice(0, 200),
      correctionAskedOn: date('correctionAskedOn'),
      correctionReceivedOn: date('correctionReceivedOn'),
      extended: readYesNo(cell('extended')) || Boolean(rawText(cell('extendedOn'))),
      extendedOn: date('extendedOn'),
      consultationFrom: date('consultationFrom'),
      consultationTo: date('consultationTo'),
      answeredOn: date('answeredOn'),
      outcome: take('outcome', readOutcome(cell('outcome'), format), outcomeOf) ?? '',
      fee: take('fee', readAmount(cell('fee')), (v) => String(v)) ?? 0,
      notes: rawText(cell('notes')).slice(0, 500),
    };
    if (ids.has(id)) problems.push(`登记编号“${id}”与前面的一行重复`);
    if (problems.length === 0) {
      const parsed = ApplicationSchema.safeParse(input);
      if (parsed.success) {
        ids.add(id);
        read.applications.push(parsed.data);
        read.unsure.push(...pending);
        continue;
      }
      problems.push(parsed.error.issues[0]?.message ?? '登记内容不完整');
    }
    read.refused.push({ row: sheetRow, reason: `第 ${sheetRow} 行（${id}）：${problems.join('；')}` });
  }
  return read;
}
