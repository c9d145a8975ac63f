// Wording (the reviewers' common remarks): doubled words, a measure word left without its number
// (转结 for 结转 is a carry sentence's: stale-years.ts).
// Read from the facts layer. The other structure and wording checks (spec §6.2 E6) are re-exported
// from here: outline numbers and the parts count (wording-outline), a paragraph printed twice
// (wording-paragraphs), an e-mail address or telephone number that cannot be one (wording-contacts).
import type { Finding } from '../report';
import type { Mark } from './facts';
import { factsOf, memo, readNumber } from './facts';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

export { checkOutline, checkPartsCount } from './wording-outline';
export { checkRepeatedParagraphs } from './wording-paragraphs';
export { checkContacts } from './wording-contacts';

/**
 * Doubled words: a two-character word written twice (工作工作, 公开公开) or a single character that
 * never doubles in a report (镇镇, 的的). Reduplications that are words (研究研究 is not written in
 * reports; 村村通, 年年, 件件 are) are left alone.
 */
const DOUBLED_OK = new Set([
  '谢谢',
  '常常',
  '天天',
  '人人',
  '事事',
  '处处',
  '时时',
  '家家',
  '户户',
  '年年',
  '月月',
  '件件',
  '条条',
  '个个',
  '层层',
  '步步',
  '点点',
  '刚刚',
  '渐渐',
  '偏偏',
  '仅仅',
  '往往',
  '一一',
  '多多',
  '好好',
  '实实',
  '在在',
  '清清',
  '楚楚',
  '明明',
  '白白',
  '高高',
  '兴兴',
  '轰轰',
  '烈烈',
  '扎扎',
  '踏踏',
  '认认',
  '真真',
  '切切',
  '方方',
  '面面',
  '村村',
  '组组',
  '哈哈',
  '嘻嘻',
  '等等',
  '讨论',
  '研究',
]);
/** ABAB that is a name followed by a term: 人民政府政府信息, 办公室公室 never. */
const DOUBLED_COMPOUND = /^(政府政府(信息|网站|门户|公报|工作)|公开公开(栏|栏目|目录|指南|专栏)|信息信息(化|员))/;
const DOUBLED_CHARS = new Set('镇乡的了在是和与及对将并按为于把由向从被已均共其该本我');
/** Doubled characters that are words: 镇镇通 (a campaign), 实实在在, 是是非非, 的的确确, 本本主义. */
const DOUBLED_CHAR_OK = /^(镇镇通|乡乡通|在在|是是非非|本本|的的确确)/;
/** 镇镇/乡乡 only where a name is doubled (小陶镇镇人民政府), not 我镇镇长, 本乡乡村. */
const PLACE_DOUBLE_TAIL = /^(人民政府|党委|[，。、；：）)\s]|$)/;

/** A measure word with no number before it: a blank left in a template (“收到申请  件”). */
const MEASURE_AT_MARK = /(件|条|篇|项|次|期|个|人次)(?=[，,。；;、）)]|$)/g;
const BLANK_CHARS = ' \u3000_＿×XＸ*＊?？';
const BARE_OBJECTS = ['申请', '信息', '文件', '决定', '案件', '解读', '培训'];
/** “现行有效的规范性文件。” as a whole clause: the count is missing. */
const STOCK_WITHOUT_COUNT =
  /(?:^|[，,。；;：:\n])[ \u3000]*(现行有效的?(?:行政)?规范性文件|本年度?(?:制发|印发|废止)(?:的)?(?:行政)?规范性文件)[ \u3000]*(?=[。；;]|$)/g;

export function checkWording(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sources) {
    if (src.section === 'signature') continue;
    for (const m of memo(factsOf(src.text), 'wording', () => wordingMarks(src.text)))
      out.push(textFinding('review.wording', `${src.label}中${m.message}`, src, m.start, m.end, m.context));
  }
  return out;
}

function wordingMarks(text: string): Mark[] {
  const out: Mark[] = [];
  {
    // One pass over the characters for both kinds of doubling (a backreference pattern is slow).
    for (let k = 0; k + 1 < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x4e00 || c > 0x9fa5) continue;
      if (text.charCodeAt(k + 1) === c) {
        const ch = text.charAt(k);
        if (!DOUBLED_CHARS.has(ch)) continue;
        if (DOUBLED_CHAR_OK.test(text.slice(k, k + 4)) || text.charAt(k + 2) === ch || text.charAt(k - 1) === '不') continue;
        if ((ch === '镇' || ch === '乡') && !PLACE_DOUBLE_TAIL.test(text.slice(k + 2, k + 6))) continue;
        out.push({ message: `「${excerpt(text, k, k + 2)}」多了一个“${ch}”，请删去。`, start: k, end: k + 2, context: excerpt(text, k, k + 2) });
        k++;
        continue;
      }
      if (k + 3 < text.length && text.charCodeAt(k + 2) === c && text.charCodeAt(k + 1) === text.charCodeAt(k + 3)) {
        const d = text.charCodeAt(k + 1);
        if (d < 0x4e00 || d > 0x9fa5) continue;
        const w = text.slice(k, k + 2);
        if (DOUBLED_OK.has(w) || DOUBLED_COMPOUND.test(text.slice(k, k + 8))) continue;
        out.push({ message: `「${excerpt(text, k, k + 4)}」的“${w}${w}”重复了“${w}”，请删去一个。`, start: k, end: k + 4, context: excerpt(text, k, k + 4) });
        k += 3;
      }
    }
    // A measure word right before a mark: look back for the object with no number between.
    MEASURE_AT_MARK.lastIndex = 0;
    for (let m = MEASURE_AT_MARK.exec(text); m; m = MEASURE_AT_MARK.exec(text)) {
      let b = m.index;
      while (b > 0 && BLANK_CHARS.includes(text.charAt(b - 1))) b--;
      const blanks = m.index - b;
      const object = BARE_OBJECTS.find((o) => text.startsWith(o, b - o.length));
      // “申请件”, or a run of blanks where the number was to be typed (“政府信息   条”).
      if (!object && !(blanks >= 2 || (blanks >= 1 && /[_＿×XＸ]/.test(text.slice(b, m.index))))) continue;
      if (object && /[0-9０-９]/.test(text.charAt(b - object.length - 1))) continue;
      const start = object ? b - object.length : b;
      const end = m.index + m[1]!.length;
      out.push({
        message: `「${excerpt(text, start, end)}」的“${m[1]}”前面没有数字，像是模板里没填的空。请填上数字；没有的写“0${m[1]}”或改写为“未……”。`,
        start,
        end,
        context: excerpt(text, start, end),
      });
    }
    MEASURE_AT_MARK.lastIndex = 0;
    if (text.includes('规范性文件')) {
      STOCK_WITHOUT_COUNT.lastIndex = 0;
      for (let m = STOCK_WITHOUT_COUNT.exec(text); m; m = STOCK_WITHOUT_COUNT.exec(text)) {
        const start = m.index + m[0].indexOf(m[1]!);
        const end = start + m[1]!.length;
        out.push({
          message: `「${excerpt(text, start, end)}」没有写件数。请写明“${m[1]}X件”；没有的写“0件”。`,
          start: start,
          end: end,
          context: excerpt(text, start, end),
        });
      }
      STOCK_WITHOUT_COUNT.lastIndex = 0;
    }
  }
  return out;
}

export { readNumber };
