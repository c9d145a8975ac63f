// Number entry shared by the UI, the importer and the report-file loader: what a clerk may type
// into a table cell, and the one place that says what was expected when it cannot be read.
// Nothing is ever coerced to 0: an unreadable entry is rejected with a message.
import type { CellKind } from './formats/types';

export type ParsedNumber =
  | { ok: true; value: number }
  /** `empty` marks a blank entry: not an error in itself, the cell is simply not filled in */
  | { ok: false; message: string; empty?: true };

/** Money cells (万元) keep at most this many decimal places (the format's 本年收费金额). */
export const MONEY_DECIMALS = 4;

/** Units a clerk may type after a figure, by cell kind (copied from how published reports write them). */
const COUNT_UNITS = ['件', '条', '个', '项'];
const MONEY_UNITS = ['万元'];

/** What a cell of this kind wants, as the end of an error message. */
export function expectedText(kind: CellKind): string {
  switch (kind) {
    case 'count':
      return '请填写不小于0的整数';
    case 'signed_count':
      return '请填写整数（减少时写负数，如 -3）';
    case 'money':
      return `请填写不小于0的金额（单位：万元），最多${MONEY_DECIMALS}位小数`;
  }
}

/**
 * Full-width digits and punctuation become ASCII (NFKC), the many minus signs become '-', and
 * all spaces (incl. the ideographic space and NBSP) go: what Word, WPS and IMEs produce.
 */
function normalize(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00a0\u3000]+/g, '');
}

/** Reads a figure typed into a cell of the given kind. */
export function parseCellInput(raw: string, kind: CellKind): ParsedNumber {
  const shown = raw.trim();
  if (shown === '') return { ok: false, empty: true, message: `这一格还没有填写；没有发生的事项请填 0。${expectedText(kind)}` };
  let s = normalize(raw);

  // A trailing unit: accepted when it is the cell's own unit; the wrong unit is a real mistake.
  const ownUnits = kind === 'money' ? MONEY_UNITS : COUNT_UNITS;
  const unit = ownUnits.find((u) => s.endsWith(u));
  if (unit) s = s.slice(0, -unit.length);
  else if (kind === 'money' && s.endsWith('元')) {
    return { ok: false, message: `‘${shown}’的单位是元，这一格的单位是万元：请换算成万元（1万元 = 10000元，例如 3500元 写作 0.35）` };
  } else if (kind !== 'money' && s.endsWith('万元')) {
    return { ok: false, message: `‘${shown}’是金额，这一格填写件数：${expectedText(kind)}` };
  }

  // Thousands separators only where they group three digits (1,234 or 12，345); anything else
  // (1,2) is more likely a decimal comma or a typo, so it is rejected rather than guessed.
  if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
      return { ok: false, message: `‘${shown}’中的逗号位置不对：千位分隔符应每三位一个（如 1,234），小数点请用“.”。${expectedText(kind)}` };
    }
    s = s.replace(/,/g, '');
  }

  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, message: `‘${shown}’不是数字，${expectedText(kind)}` };
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, message: `‘${shown}’不是有效的数字，${expectedText(kind)}` };
  const problem = cellValueProblem(n, kind, shown);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: n === 0 ? 0 : n }; // no -0
}

/** Number of decimal places a value is written with (0.35 → 2). */
export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) {
    const mantissa = s.split('e')[0];
    return Number(e[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Why a value already held as a number does not fit its cell, or null. Used by number entry, by
 * the report-file loader and by the cell-kind rule, so all three say the same thing.
 */
export function cellValueProblem(n: number, kind: CellKind, shown: string = String(n)): string | null {
  if (!Number.isFinite(n)) return `‘${shown}’不是有效的数字，${expectedText(kind)}`;
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return `‘${shown}’太大了，请核对，${expectedText(kind)}`;
  switch (kind) {
    case 'count':
      if (n < 0) return `‘${shown}’是负数，件数不能为负，${expectedText(kind)}`;
      if (!Number.isInteger(n)) return `‘${shown}’不是整数，${expectedText(kind)}`;
      return null;
    case 'signed_count':
      if (!Number.isInteger(n)) return `‘${shown}’不是整数，${expectedText(kind)}`;
      return null;
    case 'money':
      if (n < 0) return `‘${shown}’是负数，金额不能为负，${expectedText(kind)}`;
      if (decimalPlaces(n) > MONEY_DECIMALS)
        return `‘${shown}’的小数超过${MONEY_DECIMALS}位，金额以万元为单位最多保留${MONEY_DECIMALS}位小数（如 0.0035 万元 = 35 元）`;
      return null;
  }
}

/**
 * A cell value written back for the clerk: '' when not filled, integers plain, money with up to
 * four decimals and no trailing zeros (0.35, never 0.3500). `grouping` adds thousands separators
 * for read-only display (totals, the review list); inputs are shown without them.
 */
export function formatCellValue(value: number | undefined | null, kind: CellKind, options: { grouping?: boolean } = {}): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  const maxDecimals = kind === 'money' ? MONEY_DECIMALS : 0;
  const rounded = kind === 'money' ? Math.round(value * 10 ** maxDecimals) / 10 ** maxDecimals : value;
  const [intPart, fracPart = ''] = Math.abs(rounded)
    .toFixed(kind === 'money' ? maxDecimals : decimalPlaces(rounded))
    .split('.');
  const frac = fracPart.replace(/0+$/, '');
  const int = options.grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : intPart;
  return `${rounded < 0 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A figure with its unit for messages: 3 件, 0.35 万元. */
export function formatWithUnit(value: number | undefined, kind: CellKind, unit: string): string {
  if (value === undefined) return '未填';
  return `${formatCellValue(value, kind, { grouping: true })} ${unit}`;
}
