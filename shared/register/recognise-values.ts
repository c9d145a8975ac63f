// Reading the values of a clerk's own register (Excel or CSV): dates in every way they are typed,
// free-text applicant types and outcomes mapped to table 三's columns and rows. A mapping is
// `sure` when the text is the official wording, unsure (to be confirmed) when a keyword placed it,
// and refused (null) when nothing places it or it could be several rows.
import type { ReportFormat } from '../formats/types';
import { REQUEST_CHANNELS, type RequestChannel } from './model';

/** A cell as read from a sheet: text, a number (an Excel serial date or a figure), a date, or empty. */
export type RawValue = string | number | boolean | Date | null;

export type Mapped<T> = { value: T; sure: boolean } | { error: string };

/** NFKC (全角 digits and letters to half-width), spaces taken out. */
export function norm(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

export function rawText(v: RawValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day 1 is 1900-01-01 (with its 1900 leap-year bug): serial 25569 is 1970-01-01. */
function fromSerial(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

/**
 * A date as typed: an Excel date, an Excel serial number, 2025-03-03, 2025/3/3, 2025.3.3,
 * 2025年3月3日, 20250303, in 全角 digits too; 3月3日 without a year takes the register's year
 * (unsure). Empty → ''.
 */
export function readDate(v: RawValue, year: number): Mapped<string> {
  if (v === null || v === '') return { value: '', sure: true };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '日期无效' } : { value: v.toISOString().slice(0, 10), sure: true };
  if (typeof v === 'number') {
    if (v > 20000 && v < 80000 && Number.isFinite(v)) return { value: fromSerial(v), sure: true };
    if (v >= 19000101 && v <= 21001231 && Number.isInteger(v)) return readDate(String(v), year);
    return { error: `“${v}”不像日期` };
  }
  const t = norm(String(v)).replace(/[(（].*?[)）]/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}[:：]\d{2}(?::\d{2})?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { value: iso, sure: true } : { error: `“${String(v).trim()}”不是存在的日期` };
  }
  m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) {
    const iso = validIso(year, Number(m[1]), Number(m[2]));
    return iso ? { value: iso, sure: false } : { error: `“${String(v).trim()}”不是存在的日期` };
  }
  return { error: `“${String(v).trim()}”看不出是哪一天（请写成 2025-03-08 或 2025年3月8日）` };
}

/** Words for each applicant column, most specific first; the official label is sure. */
const TYPE_WORDS: [string, RegExp][] = [
  ['legal_service_org', /法律服务|律师事务所|律所|律师/],
  ['research_institution', /科研|研究所|研究院|研究中心|大学|学院|高校/],
  ['social_welfare_org', /公益|基金会|协会|学会|社会组织|志愿|慈善/],
  ['commercial_enterprise', /商业企业|企业|公司|厂|商行|合作社|个体工商户|门市/],
  ['natural_person', /自然人|个人|公民|群众|村民|居民|农户|市民|先生|女士/],
  ['other', /^其他|其他组织|村委会|居委会|村民委员会|事业单位|机关/],
];

export function readApplicantType(v: RawValue, format: ReportFormat): Mapped<string> {
  const t = norm(rawText(v));
  if (!t) return { error: '没有填写申请人类型' };
  const columns = format.t3.columns.filter((c) => !c.derived);
  const exact = columns.find((c) => norm(c.label) === t);
  if (exact) return { value: exact.key, sure: true };
  for (const [key, re] of TYPE_WORDS) if (re.test(t) && columns.some((c) => c.key === key)) return { value: key, sure: false };
  return { error: `申请人类型“${rawText(v)}”对应不到表三的六类申请人（${columns.map((c) => c.label).join('、')}）` };
}

/** Keywords of each outcome row; the official label (with or without its number) is sure. */
const OUTCOME_WORDS: [string, RegExp][] = [
  ['partial_grant', /部分公开|区分处理/],
  ['denied_state_secret', /国家秘密/],
  ['denied_law_forbidden', /法律.{0,4}法规.{0,2}禁止/],
  ['denied_three_security', /三安全一稳定|国家安全|公共安全|经济安全|社会稳定/],
  ['denied_third_party', /第三方合法权益|商业秘密|个人隐私/],
  ['denied_internal_affairs', /内部事务/],
  ['denied_process_info', /过程性信息/],
  ['denied_enforcement_file', /执法案卷/],
  ['denied_admin_query', /行政查询/],
  ['unable_not_held', /不掌握|信息不存在|未掌握|没有该信息|无此信息/],
  ['unable_need_create', /另行制作|需要制作|加工|汇总|分析/],
  ['unable_unclear', /补正后.{0,6}不明确/],
  ['not_processed_petition', /信访|举报|投诉/],
  ['not_processed_repeat', /重复申请/],
  ['not_processed_publication', /公开出版物/],
  ['not_processed_massive', /大量反复/],
  ['not_processed_confirm', /确认或重新出具|重新出具|要求.{0,4}确认/],
  ['other_overdue_correction', /逾期.{0,3}不补正|未补正|不予补正/],
  ['other_overdue_fee', /未.{0,2}缴纳|未缴费|逾期.{0,4}缴/],
  ['granted', /^(予以公开|同意公开|全部公开|已公开|公开|依申请公开|已提供|提供信息|准予公开)$/],
];

/** The 2019 format has one （六） row: the 2021 sub-rows fold into it. */
const FOLD_2019: Record<string, string> = { other_overdue_correction: 'other', other_overdue_fee: 'other', other_other: 'other' };

/** Texts that name a group of rows, not one: the clerk must say which. */
const GROUPS: [RegExp, string][] = [
  [/^不予公开$/, '“不予公开”有八种情形'],
  [/^无法提供$/, '“无法提供”有三种情形'],
  [/^不予处理$/, '“不予处理”有五种情形'],
  [/^(已办结|已答复|办结|已处理|已回复)$/, '只写了已办结，没有写办理结果'],
];

function stripNumbering(t: string): string {
  return t.replace(/^[（(]?[一二三四五六七八九十\d]+[)）.、．]?/, '').replace(/^\d+[.、．]/, '');
}

export function readOutcome(v: RawValue, format: ReportFormat): Mapped<string> {
  const t = norm(rawText(v));
  if (!t) return { value: '', sure: true };
  const rows = format.t3.rows.filter((r) => r.outcome);
  const has = (key: string) => rows.some((r) => r.key === key);
  const bare = stripNumbering(t);
  for (const r of rows) {
    const leaf = norm(r.path[r.path.length - 1]!);
    const short = stripNumbering(leaf).replace(/[(（].*[)）]$/, '');
    if (t === leaf || bare === stripNumbering(leaf) || bare === short || t === norm(r.path.slice(1).join(''))) return { value: r.key, sure: true };
  }
  for (const [re, why] of GROUPS) if (re.test(bare)) return { error: `办理结果“${rawText(v)}”：${why}，请写明是哪一种` };
  for (const [key, re] of OUTCOME_WORDS) {
    if (!re.test(bare)) continue;
    const k = has(key) ? key : FOLD_2019[key];
    if (k && has(k)) return { value: k, sure: false };
  }
  if (/^其他/.test(bare)) {
    const k = has('other_other') ? 'other_other' : 'other';
    if (has(k)) return { value: k, sure: false };
  }
  return { error: `办理结果“${rawText(v)}”对应不到表三的办理结果（请改用表三的写法，例如“予以公开”“本机关不掌握相关政府信息”）` };
}

const CHANNEL_WORDS: [RequestChannel, RegExp][] = [
  ['当面', /当面|现场|窗口|来访|面交/],
  ['网络', /网络|网上|在线|网站|平台|电子邮件|邮箱|email|微信|政务网/i],
  ['信函', /信函|邮寄|来信|邮政|快递|挂号/],
  ['传真', /传真/],
];

export function readChannel(v: RawValue): Mapped<RequestChannel> {
  const t = norm(rawText(v));
  if (!t) return { value: '其他', sure: true };
  if ((REQUEST_CHANNELS as readonly string[]).includes(t)) return { value: t as RequestChannel, sure: true };
  for (const [value, re] of CHANNEL_WORDS) if (re.test(t)) return { value, sure: false };
  return { value: '其他', sure: false };
}

export function readYesNo(v: RawValue): boolean {
  if (typeof v === 'boolean') return v;
  const t = norm(rawText(v));
  return t !== '' && !/^(否|无|没有|未延期|不延期|n|no|0|-|—|\/)$/i.test(t);
}

export function readAmount(v: RawValue): Mapped<number> {
  if (typeof v === 'number') return v >= 0 ? { value: v, sure: true } : { error: '收费金额不能为负' };
  const t = norm(rawText(v)).replace(/元$/, '').replace(/,/g, '');
  if (t === '' || /^(无|否|0|免费|不收费|未收费|-|—|\/)$/.test(t)) return { value: 0, sure: true };
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? { value: n, sure: true } : { error: `收费金额“${rawText(v)}”不是数字` };
}
