// Structure and wording (spec §6.2 E6 and the reviewers' common remarks), read from the facts layer:
// outline numbers out of sequence or malformed, a stated number of parts that differs from the
// parts listed, doubled words, 转结 for 结转, a measure word left without its number, a paragraph
// printed twice, an e-mail address or telephone number that cannot be one.
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { severityOf } from '../rules/registry';
import type { OutlineFact } from './facts';
import type { Mark } from './facts';
import { factsOf, memo, readNumber } from './facts';
import type { TextSource } from './text';
import { excerpt, quote, textFinding } from './text';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function numberAs(level: OutlineFact['level'], n: number): string {
  const cn = CN[n] ?? String(n);
  return level === 1 ? `${cn}、` : level === 2 ? `（${cn}）` : level === 3 ? `${n}.` : `（${n}）`;
}

/** Outline numbers of each section: each level counts 1, 2, 3 … under its parent. */
export function checkOutline(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sources) {
    if (!/^[a-z_]+$/.test(src.section) && !src.section.startsWith('legacy.')) continue;
    const outline = factsOf(src.text).outline;
    if (outline.length === 0) continue;
    const last: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
    /** the last number at each level anywhere in the section (1. 2. may run on under a new parent) */
    const running: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
    for (const o of outline) {
      if (o.malformed) {
        out.push(
          textFinding(
            'review.outline',
            `${src.label}中的序号“${o.raw}”括号不成对${/[()]/.test(o.raw) && /[（）]/.test(o.raw) ? '（全角、半角混用）' : ''}。请写为“${numberAs(o.level, o.n)}”。`,
            src,
            o.start,
            o.end,
            lineAt(src.text, o.start),
          ),
        );
      }
      // 「其中：1．…」 opens a list of its own (the rows of a pasted statistics table).
      if (o.raw.startsWith('其中')) last[o.level] = running[o.level] = undefined;
      const prev = last[o.level];
      const run = running[o.level];
      // A lower level under a new parent starts again at 1.
      for (let l = o.level + 1; l <= 4; l++) last[l] = undefined;
      last[o.level] = o.n;
      running[o.level] = o.n;
      const expected = prev === undefined ? 1 : prev + 1;
      if (o.n === expected) continue;
      // 1. 2. and （1）（2） often run on across their parents (（4）, 2., （5）): accepted.
      if (prev === undefined && o.level >= 3 && run !== undefined && o.n === run + 1) continue;
      // A part's text may go on with the report's own numbering (五、…): only gaps after it count.
      if (prev === undefined && o.level === 1) continue;
      const what =
        prev === undefined
          ? `没有“${numberAs(o.level, 1)}”就出现了“${o.raw}”`
          : o.n === prev
            ? `“${o.raw}”重复了`
            : `“${numberAs(o.level, prev)}”之后是“${o.raw}”`;
      out.push(
        textFinding(
          'review.outline',
          `${src.label}中的序号不连续：${what}。请按顺序编号（应为“${numberAs(o.level, expected)}”），或补上漏掉的部分。`,
          src,
          o.start,
          o.end,
          lineAt(src.text, o.start),
        ),
      );
    }
  }
  return out;
}

function lineAt(text: string, pos: number): string {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  const e = text.indexOf('\n', pos);
  return text.slice(s, e < 0 ? text.length : e);
}

/** “本报告由……六部分组成” against the parts it lists, and against the format's six parts. */
export function checkPartsCount(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const formatParts = isGovFormatId(doc.formatId) ? getFormat(doc.formatId).sections.length : 0;
  for (const src of sources) {
    for (const p of factsOf(src.text).parts) {
      const problem =
        p.listed && p.listed !== p.stated && p.listedOr !== p.stated
          ? `说共有${p.stated}个部分，却列出了${p.listed}个`
          : formatParts && p.stated !== formatParts
            ? `说共有${p.stated}个部分，而年度报告格式规定的是${formatParts}个部分`
            : '';
      if (!problem) continue;
      out.push(
        textFinding(
          'review.parts_count',
          `${src.label}中「${excerpt(src.text, p.start, p.end)}」${problem}。请核对部分的数目，与正文的部分一致。`,
          src,
          p.start,
          p.end,
        ),
      );
    }
  }
  return out;
}

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

/** 转结 written for 结转 (not 流转结果, 运转结算). */
const SWAPPED = /(?<![流运周好扭逆翻旋轮辗])转结(?![算果构束论账合晶])/g;

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
    if (text.includes('转结')) {
      SWAPPED.lastIndex = 0;
      for (let m = SWAPPED.exec(text); m; m = SWAPPED.exec(text)) {
        out.push({
          message: `「${excerpt(text, m.index, m.index + 2)}」的“转结”应为“结转”（表格用语是“上年结转”“结转下年度继续办理”），请改正。`,
          start: m.index,
          end: m.index + 2,
          context: excerpt(text, m.index, m.index + 2),
        });
      }
      SWAPPED.lastIndex = 0;
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

/** A paragraph of some length printed twice (pasted twice, or in two parts). */
const PARAGRAPH_MIN_CHARS = 24;

/** The paragraphs long enough to compare, trimmed (a paragraph pasted twice is the same to the character). */
function paragraphsOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start >= PARAGRAPH_MIN_CHARS) {
      const line = text.slice(start, end);
      const para = line.trim();
      if (para.length >= PARAGRAPH_MIN_CHARS) out.push({ start: start + (line.length - line.trimStart().length), end, text: para });
    }
    start = end + 1;
  }
  return out;
}

export function checkRepeatedParagraphs(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, TextSource>();
  for (const src of sources) {
    if (!/^[a-z_]+$/.test(src.section) && !src.section.startsWith('legacy.')) continue;
    for (const p of memo(factsOf(src.text), 'paragraphs', () => paragraphsOf(src.text))) {
      const first = seen.get(p.text);
      if (first) {
        out.push(
          textFinding(
            'review.repeated_paragraph',
            `${src.label}中的段落「${quote(p.text, 40)}」与${first === src ? '本部分前文' : first.label}中的一段完全相同，打印出来会重复。请删去重复的一段。`,
            src,
            p.start,
            p.end,
          ),
        );
      } else seen.set(p.text, src);
    }
  }
  return out;
}

/** E-mail addresses and telephone numbers, in the text and in the unit's contact fields. */
const EMAIL_CANDIDATE = /[A-Za-z0-9._%+\-\u4e00-\u9fa5]*[@＠][A-Za-z0-9.\-\u4e00-\u9fa5。，,]*/g;
const EMAIL_OK = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const PHONE_AFTER =
  /(联系电话|咨询电话|办公电话|监督电话|投诉电话|电话|传真|热线)(?:号码)?(为|是)?([：:])?[ \u3000]*([0-9０-９][0-9０-９\-－—]{3,20}[0-9０-９])(?![0-9０-９个次件条余人通多])/g;

function phoneProblem(raw: string): string {
  const digits = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^0-9-]/g, '');
  const plain = digits.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(plain)) return '';
  if (/^(400|800)\d{7}$/.test(plain) || /^12345$/.test(plain) || /^\d{5}$/.test(plain)) return '';
  // Landline: 0 + area code (2–3 more digits) + 7–8 digit number, with or without the area code.
  if (/^0\d{2,3}-?\d{7,8}$/.test(digits) || /^0\d{9,11}$/.test(plain)) {
    const [area, num] = digits.includes('-') ? digits.split('-') : [null, null];
    if (area !== null && num !== null && (area!.length < 3 || area!.length > 4 || num!.length < 7 || num!.length > 8)) return '区号或号码位数不对';
    return '';
  }
  if (/^\d{7,8}$/.test(plain)) return '';
  if (/^1\d+$/.test(plain)) return `手机号码应为11位，这里是${plain.length}位`;
  if (/^0/.test(plain)) return `固定电话应为“区号-7或8位号码”，这里共${plain.length}位`;
  return `电话号码的位数不对（${plain.length}位）`;
}

function emailProblem(raw: string): string {
  const e = raw.replace(/[。，,.]+$/, '');
  if (EMAIL_OK.test(e)) return '';
  if (e.includes('＠')) return '“@”用了全角的“＠”';
  if (/[\u4e00-\u9fa5]/.test(e)) return '含有汉字';
  if ((e.match(/@/g) ?? []).length > 1) return '有两个“@”';
  if (!/@[^@]*\./.test(e)) return '“@”后面缺少域名（如 126.com）';
  return '格式不对';
}

function contactMarks(text: string): Mark[] {
  const out: Mark[] = [];
  {
    if (text.includes('@') || text.includes('＠')) {
      EMAIL_CANDIDATE.lastIndex = 0;
      for (let m = EMAIL_CANDIDATE.exec(text); m; m = EMAIL_CANDIDATE.exec(text)) {
        // Trim the Chinese words a sentence wraps around an address (邮箱为abc@126.com。).
        let raw = m[0];
        let start = m.index;
        const lead = /^[\u4e00-\u9fa5]+/.exec(raw);
        if (lead && !/[\u4e00-\u9fa5]/.test(raw.slice(lead[0].length).split(/[@＠]/)[0]!)) {
          raw = raw.slice(lead[0].length);
          start += lead[0].length;
        }
        raw = raw.replace(/[。，,]+.*$/, '');
        const problem = emailProblem(raw);
        if (!problem || !raw.replace(/[@＠]/, '')) continue;
        out.push({ message: `的电子邮箱“${raw}”${problem}，这样的地址收不到邮件。请核对后改正。`, start, end: start + raw.length });
      }
      EMAIL_CANDIDATE.lastIndex = 0;
    }
    if (text.includes('电话') || text.includes('传真') || text.includes('热线')) {
      PHONE_AFTER.lastIndex = 0;
      for (let m = PHONE_AFTER.exec(text); m; m = PHONE_AFTER.exec(text)) {
        // 「接听电话1265个」 counts calls: a bare 电话/热线 needs a colon or 为 before the number.
        if ((m[1] === '电话' || m[1] === '热线') && !m[2] && !m[3]) continue;
        const raw = m[4]!.trim();
        const problem = phoneProblem(raw);
        if (!problem) continue;
        const start = m.index + m[0].lastIndexOf(m[4]!);
        out.push({ message: `的电话“${raw}”${problem}，拨不通。请核对后改正。`, start, end: start + raw.length });
      }
      PHONE_AFTER.lastIndex = 0;
    }
  }
  return out;
}

export function checkContacts(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const src of sources) {
    for (const m of memo(factsOf(src.text), 'contacts', () => contactMarks(src.text))) {
      seen.add(src.text.slice(m.start, m.end));
      out.push(textFinding('review.contact', `${src.label}中${m.message}`, src, m.start, m.end));
    }
  }
  // The contact fields, printed in the preamble when it has the contact line.
  if (!doc.preamble.contact) return out;
  const email = doc.unit.email.trim();
  if (email && !seen.has(email)) {
    const problem = emailProblem(email);
    // No text location: the 审核 step sends these to 基本信息, where the unit's contact is edited.
    if (problem)
      out.push({
        rule: 'review.contact',
        severity: severityOf('review.contact'),
        message: `机关信息中的电子邮箱“${email}”${problem}，印在报告的联系方式里会收不到邮件。请在“基本信息”中改正。`,
        cells: [],
        id: 'review.contact:unit.email',
      });
  }
  const phone = doc.unit.phone.trim();
  if (phone) {
    const problem = phone
      .split(/[，,、;；/]/)
      .map((p) => phoneProblem(p.trim()))
      .find(Boolean);
    if (problem)
      out.push({
        rule: 'review.contact',
        severity: severityOf('review.contact'),
        message: `机关信息中的电话“${phone}”${problem}。请在“基本信息”中改正。`,
        cells: [],
        id: 'review.contact:unit.phone',
      });
  }
  return out;
}

export { readNumber };
