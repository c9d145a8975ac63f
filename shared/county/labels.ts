// Words the county's screens, workbook and opinions share about cells and quotes: a cell is named
// by its table and official label (a letter has no marked cells to point at), and a quote is cut
// where a word or a number ends, never inside one.
import { formatModel, getFormat, isGovFormatId, type TableId } from '../formats/index';

export const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** 表三“一、本年新收政府信息公开申请数量 · 自然人” for a known cell; the key itself otherwise. */
export function cellLabel(formatId: string, key: string): string {
  if (isGovFormatId(formatId)) {
    const info = formatModel(formatId).byKey.get(key);
    if (info) return `${TABLE_NAMES[info.table]}“${info.label}”`;
  }
  return key;
}

/** The heading of a section key (一、总体情况), or the key for one the format does not have. */
export function sectionLabel(formatId: string, key: string): string {
  if (isGovFormatId(formatId)) return getFormat(formatId).sections.find((s) => s.key === key)?.heading ?? key;
  return key;
}

// Characters that belong together: a run of digits (with its decimal point or thousands comma) or of Latin letters.
const JOINED = /[0-9０-９A-Za-z.,．，%％]/;
const PUNCT = /[，。；：、！？,;:!?）)”’」』]/;

/**
 * `s` cut to about `max` characters with “……”: never inside a number or a Latin word (“退回修改 18
 * 件” is never “退回修改 1……”), and at a punctuation mark when one is near the end.
 */
export function cutQuote(s: string, max = 40): string {
  if (s.length <= max) return s;
  let end = max;
  // Inside a number or word: go back to its start (or forward to its end when it starts the quote).
  if (JOINED.test(s[end - 1]) && JOINED.test(s[end])) {
    let back = end;
    while (back > 0 && JOINED.test(s[back - 1])) back--;
    if (back > max / 2) end = back;
    else while (end < s.length && JOINED.test(s[end])) end++;
  }
  // A punctuation mark in the last quarter is a better place to stop.
  for (let i = end; i > max * 0.75; i--) {
    if (PUNCT.test(s[i - 1])) {
      end = i;
      break;
    }
  }
  const cut = s.slice(0, end).replace(/[，、；：。,;:\s]+$/u, '');
  return cut.length < s.length ? `${cut}……` : s;
}
