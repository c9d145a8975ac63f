// What an import from the web or another program can leave in a report (issue 21 items 4 and 6):
// table cells the import could not read (未读入, never printed as 0), markup left by converters
// (`**`, `<br>`, `&nbsp;`, `# ` headings), a paragraph that stops in the middle of a word, and a
// sentence split across two paragraphs by a hard line break. Each says what to do.
import { isGovFormatId, formatModel } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { unreadCellKeys } from '../report';
import { severityOf } from '../rules/registry';
import { quote, textFinding, type TextSource } from './text';

const TABLE_NAMES: Record<string, string> = { t2: '表二（主动公开）', t3: '表三（依申请公开）', t4: '表四（行政复议、行政诉讼）' };

export function checkUnreadCells(doc: ReportDoc): Finding[] {
  const keys = unreadCellKeys(doc);
  if (!keys.length) return [];
  const byTable = new Map<string, string[]>();
  for (const k of keys) byTable.set(k.slice(0, 2), [...(byTable.get(k.slice(0, 2)) ?? []), k]);
  const labels = isGovFormatId(doc.formatId) ? formatModel(doc.formatId).byKey : null;
  return [...byTable].map(([table, cells]) => {
    const examples = cells
      .slice(0, 2)
      .map((k) => `“${labels?.get(k)?.label ?? k}”`)
      .join('、');
    return {
      rule: 'review.unread_cells',
      severity: severityOf('review.unread_cells'),
      message: `${TABLE_NAMES[table] ?? table}有 ${cells.length} 格导入时未读入（如${examples}${cells.length > 2 ? '等' : ''}）：原报告的数字没有读出来，不能当作 0 印出。请对照原报告填上这些数字，没有发生的填 0。`,
      cells,
      actual: cells.length,
      id: `review.unread_cells:${table}`,
    };
  });
}

/** Markup a converter or a web page leaves in text; none of it is ever meant to be printed. */
const MARKUP: { re: RegExp; what: string }[] = [
  { re: /\*\*[^*\n]{1,40}\*\*|\*\*|__(?=\S)/g, what: '加粗标记' },
  { re: /<\/?(?:br|p|div|span|b|strong|font|td|tr|table)\b[^<>\n]{0,200}>/gi, what: '网页标签' },
  { re: /&(?:nbsp|ensp|emsp|amp|lt|gt|quot|ldquo|rdquo|#\d{2,6}|#x[0-9a-f]{2,5});/gi, what: '网页转义符' },
  { re: /^#{1,6}[ \t]/gm, what: '标题标记' },
  { re: /<(?:https?:|mailto:)[^<>\s]{1,200}>|\]\((?:https?:|mailto:)[^)\s]{1,200}\)/g, what: '链接标记' },
];

/** Ends a sentence (or a paragraph that is a sentence): 。！？；：…, closing quotes and brackets after them. */
const CLOSED = /[。！？!?；;：:…]["”’」』）)\]】》]*$|[。！？!?]\s*["”’」』）)】》]$/;
/** A heading or list item: numbered, or short. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[章节部分条])/;
const isHeadingLike = (p: string) => (NUMBERED.test(p) ? p.length <= 40 : p.length <= 15 && !/[，,、]/.test(p));
/** The next paragraph starts with punctuation that cannot begin a sentence: the break fell inside a word or a quotation. */
const STARTS_MID = /^[，,。、；;：:》」』）)”’]/;

function paragraphs(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const t = line.trim();
    if (t) out.push({ start: at + lead, end: at + lead + t.length, text: t });
    at += line.length + 1;
  }
  return out;
}

export function checkLeftovers(sections: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sections) {
    for (const { re, what } of MARKUP) {
      re.lastIndex = 0;
      for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
        out.push(
          textFinding(
            'review.markup',
            `${src.label}中有${what}「${m[0].trim()}」，是从网页或其他软件带来的，打印时会原样印出。请删去它（需要强调的文字不用标记）。`,
            src,
            m.index,
            m.index + m[0].length,
          ),
        );
      }
    }
    const paras = paragraphs(src.text);
    paras.forEach((p, i) => {
      // A paragraph wholly in brackets (a note such as （地址：…，电话：…）) is complete as it stands.
      if (CLOSED.test(p.text) || isHeadingLike(p.text) || /^[（(][^（()）]*[）)]$/.test(p.text)) return;
      const next = paras[i + 1];
      const tail = p.text.slice(-8);
      // A last line that is a form field (填报单位：…) or short is a caption or a 落款, not a cut sentence.
      if (!next && (p.text.length < 30 || /[:：]/.test(p.text))) return;
      if (!next || STARTS_MID.test(next.text)) {
        out.push(
          textFinding(
            'review.broken_paragraph',
            next
              ? `${src.label}中的一段在「${tail}」处断开，下一段以「${next.text.slice(0, 4)}」开头：一个词或一句话被拆成了两段。请把两段接起来。`
              : `${src.label}的最后一段停在「${tail}」，没有结束的标点，像是没有写完或复制时漏了后半句。请补全这一句。`,
            src,
            p.end - tail.length,
            p.end,
          ),
        );
      } else if (!NUMBERED.test(next.text)) {
        out.push(
          textFinding(
            'review.split_sentence',
            `${src.label}中「${quote(tail, 12)}」一段没有结束的标点，下一段「${quote(next.text, 12)}」像是接着说的：可能是一句话被换行分成了两段，请核对。是的话请把两段接起来（或补上句末标点）。`,
            src,
            p.end - tail.length,
            p.end,
          ),
        );
      }
    });
  }
  return out;
}
