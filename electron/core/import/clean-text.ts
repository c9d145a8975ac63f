// Text as it comes from a web page or a converter (issue 21 item 3): markup the converter left
// (`**`, `# `, `&nbsp;`, full-width indents), page furniture (打印本页 关闭窗口 字号：大 中 小 …)
// and hard-wrapped lines rejoined when a line ends without closing punctuation and the next does not
// start a heading or list item. Every change is noted with its source line for the 导入核对 list.
import type { ImportNote } from '../../../shared/api';

/** Lines of a portal page around the report, never part of it. */
const FURNITURE = [
  /^【?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?[:：]?.*)\s*】?$/,
  /字号[:：]?\s*[【[]?\s*大\s*中\s*小/,
  /^(【\s*)?(打印本页|关闭窗口)(\s*】)?(\s*(【\s*)?(打印本页|关闭窗口|打印|关闭)(\s*】)?)+$/,
  /^(发布时间|发布日期|来源|信息来源|浏览次数|访问量|访问次数|点击数|作者)[:：].{0,60}$/,
  /^\d{4}年\d{1,2}月\d{1,2}日\s*来源[:：].{0,40}$/,
  /^\[?字体[:：].{0,20}$/,
  /^(扫一扫|微信扫一扫|用手机扫描).{0,30}$/,
  /^(上一篇|下一篇)[:：].{0,80}$/,
  // 当前位置, 您现在的位置, 您当前所在位置, 您现在所在的位置, 所在位置 …
  /^(?:您)?(?:当前|现在|目前)?(?:所在)?的?位置[:：].{0,120}$/,
  // Breadcrumbs: 首页 > 政务公开 > …, 首页/ 政府信息公开 / … / 正文, a line continuing one (“> 政务公开 > …”).
  /^首\s*页\s*(?:[>＞»/／]\s*\S[^。；;]{0,118})?$/,
  /^[>＞»]\s*\S[^。；;]{0,100}[>＞»][^。；;]{0,100}$/,
  // A site's navigation bar: 首 页 走进汉台 新闻中心 政府信息公开 … (several short words after 首页).
  /^首\s*页(?:\s+[\u4e00-\u9fff]{2,8}){3,}$/,
  /^(?:[-*•]\s*)?(设为首页|加入收藏|无障碍阅读|无障碍|长者版|关怀版|智能问答|新媒体矩阵|点击查看解读|访问量[:：]?|访问次数[:：]?)(?:\s+(无障碍|长者版|关怀版|新媒体矩阵|智能问答))*$/,
  // A portal's metadata table: 索 引 号 …, 成文日期 …, 发布机构 …, 组配分类 …, 文 号: … 所属机构:
  /^\|?\s*(索\s*引\s*号|成\s*文\s*日\s*期|发\s*布\s*机\s*构|组\s*配\s*分\s*类|文\s*号|主\s*题\s*分\s*类|公\s*开\s*方\s*式|文\s*件\s*分\s*类)\s*[:：|]?\s.{0,160}$/,
  // the same rows as a list, the value glued to the label: - 索引号xx/2025-00000, - 发布机构…镇, - 文号, - 有效性有效
  /^[-*•]\s*(索\s*引\s*号|成\s*文\s*日\s*期|发\s*布\s*机\s*构|发\s*布\s*日\s*期|组\s*配\s*分\s*类|文\s*号|主\s*题\s*分\s*类|有\s*效\s*性)\s*[:：]?.{0,60}$/,
  /^\|?\s*(-{3}\|)+-{3}\|?$/,
  // Attachment links under a report, and the page's category label standing alone.
  /^.{1,80}\.(pdf|docx?|wps|xlsx?|zip|rar)$/i,
  /^(政府信息公开年报|政府信息公开|政务公开|信息公开年报)$/,
  // Page numbers of a printed page (GB/T 9704's “— 5 —”, 第 5 页 共 9 页) in a saved or printed copy.
  /^[—–\-－]\s*\d{1,3}\s*[—–\-－]$/,
  /^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/,
  // A draft's watermark as a printed copy shows it.
  /^(?:草\s*稿)?\s*本稿尚未定稿，不得用印发布$|^草\s*稿$/,
];

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  mdash: '—',
  hellip: '…',
};

export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code === 0xa0 ? 0x20 : code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

const CLOSED = /[。！？!?；;：:…]["”’」』）)\]】》]*$|[。！？!?]\s*["”’」』）)】》]$/;
/** A heading or list item: 一、 （一） 1. 1、 (1) ① 第一章 … */
export const NUMBERED =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[章节部分条])/;
const isTitle = (s: string) => /报告$/.test(s) && s.length <= 60;
const isHeadingLike = (s: string) => (NUMBERED.test(s) ? s.length <= 40 : s.length <= 15 && !/[，,、]/.test(s));
/** A line that is probably a 落款 (unit name, date): never joined to what follows. */
const isDateLine = (s: string) => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s);

const excerpt = (a: string, b: string) => `“…${a.slice(-10)}”与“${b.slice(0, 10)}…”`;

/** Markup and furniture out of one line; the notes say what was removed. */
export function cleanLine(raw: string, lineNo: number, notes: ImportNote[]): string | null {
  let line = raw;
  if (/&(#x?[0-9a-fA-F]+|[a-zA-Z]{2,8});/.test(line)) {
    const decoded = decodeHtmlEntities(line);
    if (decoded !== line) {
      notes.push({ kind: 'markup', line: lineNo, text: `网页转义符（如 &nbsp;）已换成对应的字符：“${line.trim().slice(0, 30)}”` });
      line = decoded;
    }
  }
  if (/\*\*/.test(line)) {
    notes.push({ kind: 'markup', line: lineNo, text: `去掉了加粗标记 **：“${line.trim().slice(0, 30)}”` });
    line = line.replace(/\*\*/g, '');
  }
  const heading = /^\s*#{1,6}\s+/.exec(line);
  if (heading) {
    notes.push({ kind: 'markup', line: lineNo, text: `去掉了标题标记 #：“${line.trim().slice(0, 30)}”` });
    line = line.slice(heading[0].length);
  }
  if (/<(?:https?:|mailto:)[^<>\s]+>|\[[^\]\n]{1,80}\]\((?:https?:|mailto:)[^)\s]+\)/.test(line)) {
    notes.push({ kind: 'markup', line: lineNo, text: `去掉了链接标记 <…> 或 […](…)，保留文字：“${line.trim().slice(0, 30)}”` });
    line = line.replace(/<((?:https?:|mailto:)[^<>\s]+)>/g, '$1').replace(/\[([^\]\n]{1,80})\]\((?:https?:|mailto:)[^)\s]+\)/g, '$1');
  }
  if (/<br\s*\/?>/i.test(line)) {
    notes.push({ kind: 'markup', line: lineNo, text: `去掉了换行标签 <br>：“${line.trim().slice(0, 30)}”` });
    line = line.replace(/<br\s*\/?>/gi, '');
  }
  // Full-width spaces and no-break spaces used as indents; a no-break space inside the text is a
  // space (as &nbsp; is: a web page's and its copy's text agree).
  line = line
    .replace(/^[\s\u3000\u00a0]+/, (m) => (m.includes('\t') ? m : ''))
    .replace(/[\u3000\u00a0 ]+$/, '')
    .replace(/\u00a0/g, ' ');
  // A portal's metadata label before the report's title (名 称: …年度报告, | 名称 | …年度报告 |): the title stays.
  const labelled = /^\|?\s*(?:名\s*称|标\s*题)\s*[:：|]\s*([^|]{2,80}?报告)\s*[|\s]*$/.exec(line.trim());
  if (labelled) {
    notes.push({ kind: 'furniture', line: lineNo, text: `去掉了网页上标题前的标签：“${line.trim().slice(0, 30)}”` });
    line = labelled[1];
  }
  const t = line.trim();
  if (t && FURNITURE.some((re) => re.test(t))) {
    notes.push({ kind: 'furniture', line: lineNo, text: `去掉了网页上的“${t.slice(0, 30)}”（不是报告的内容）` });
    return null;
  }
  return line;
}

/**
 * Whether paragraph `a` continues in `b`: `a` ends without closing punctuation and is not a title,
 * heading or 落款 line; `b` does not start a heading or list item.
 */
export function continues(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (!x || !y || CLOSED.test(x) || isHeadingLike(x) || isTitle(x) || isDateLine(x) || isDateLine(y)) return false;
  if (NUMBERED.test(y)) return false;
  return true;
}

export function joinNote(a: string, b: string, lineNo: number): ImportNote {
  return { kind: 'joined', line: lineNo, text: `这一行没有句末标点，与下一行接成一段：${excerpt(a.trim(), b.trim())}` };
}
