// Matching labels as printed elsewhere against the format data: full-width and half-width forms,
// spaces inside words (本年新 制作数量), line breaks inside cells and quote styles all compare equal.

/** The comparable form of a label or heading: NFKC, no whitespace, one kind of quote and slash. */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[“”„‟″"]/g, '"')
    .replace(/[‘’‚‛′']/g, "'")
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[\u2212\u2012\u2013\u2014\u2015\uFE63]/g, '-');
}

const CN_NUM = '一二三四五六七八九十';

/**
 * A label without its numbering: 三、 （一） (一) 1. 1、 1． (1) 其中： — also the broken forms
 * web copies leave (“三) 不予公开”, “、本年度办理结果”). Works on normalised text.
 */
export function stripNumbering(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out
      .replace(/^其中[:：]?/, '')
      .replace(new RegExp(`^\\(?[${CN_NUM}]+\\)`), '')
      .replace(new RegExp(`^[${CN_NUM}]+[、.,]`), '')
      .replace(/^\(?\d{1,2}\)/, '')
      .replace(/^\d{1,2}[.、,](?!\d)/, '')
      .replace(/^[、.,:)]/, '');
    if (out === before) break;
  }
  return out;
}

/** A normalised label with its numbering and any trailing parenthetical note removed. */
export function labelCore(s: string): string {
  return stripNumbering(norm(s));
}

export function withoutParenthetical(core: string): string {
  return core.replace(/\(.*\)$/, '');
}

/** Whether a cell holds a figure rather than a label: digits, signs, units, placeholders. */
export function isValueLike(text: string): boolean {
  const s = norm(text);
  if (s === '') return true;
  if (/^[+-]?[\d.,]+(件|条|个|项|万元|元|次|人)?$/.test(s)) return true;
  return /^[-/\\—–无]+$/.test(s) || s === '无';
}

/** Whether a cell is a label: has at least two CJK characters or is a known numbering. */
export function isLabelLike(text: string): boolean {
  return !isValueLike(text) && /[\u4e00-\u9fff].*[\u4e00-\u9fff]/.test(text);
}
