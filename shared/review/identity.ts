// Identity and dates (spec §6.2 E1, E2, E3, W5, W31): the title, the reporting year in every
// period and statement, the unit's own name, the 成文日期.
import type { Finding, ReportDoc } from '../report';
import { severityOf } from '../rules/registry';
import { chineseDate, defaultTitle } from '../report';
import type { SourceFacts, YearFact } from './facts';
import type { Mark } from './facts';
import { factsOf, memo } from './facts';
import { isSubject } from './phrases-places';
import type { TextSource } from './text';
import { allMatches, compact, excerpt, insideBookTitle, sentenceAt, textFinding } from './text';

const YEAR = '(?:19|20)\\d{2}';
// ---------------------------------------------------------------------------------------------
// Title (E1)

export function checkTitle(doc: ReportDoc): Finding[] {
  const raw = doc.title;
  // An empty title prints as the default one, which is right by construction.
  if (!raw.trim()) return [];
  const expected = defaultTitle(doc.unit.name, doc.year);
  const title = compact(raw);
  if (title === expected) {
    return raw === expected ? [] : [titleFinding(doc, 'warning', `标题「${raw}」中有多余的空格。请改为「${expected}」，年份与“年”字之间不空格。`)];
  }
  const reasons: string[] = [];
  if (title.includes('政务信息公开')) reasons.push('把“政府信息公开”写成了“政务信息公开”');
  else if (!title.includes('政府信息公开')) reasons.push('缺少“政府信息公开”（只写“信息公开”的标题会被退回）');
  if (/工作报告$/.test(title) && !title.includes('年度报告')) reasons.push('“工作报告”前缺少“年度”');
  else if (!title.includes('工作年度报告')) reasons.push('应以“工作年度报告”结尾');
  const years = [...title.matchAll(new RegExp(`(${YEAR})年`, 'g'))].map((m) => Number(m[1]));
  if (years.length === 0) reasons.push(`缺少报告年度“${doc.year}年”`);
  else if (years.some((y) => y !== doc.year))
    reasons.push(`年份写成了“${years.find((y) => y !== doc.year)}年”，而本报告是${doc.year}年度的（标题写统计的年度，不写发布的年份）`);
  const prefix = title.split(new RegExp(`${YEAR}年`))[0] ?? '';
  const own = ownNames(doc.unit.name);
  let shortName = false;
  if (prefix && prefix !== doc.unit.name) {
    if (own.core && !prefix.includes(own.core) && isPlaceName(prefix)) reasons.push(`机关名称写成了“${prefix}”，不是本机关（${doc.unit.name}）`);
    else shortName = true;
  } else if (!prefix && years.length > 0) shortName = true;
  if (reasons.length === 0) {
    if (shortName) {
      return [titleFinding(doc, 'warning', `标题应以机关全称开头：「${raw}」中的机关名称与“${doc.unit.name}”不一致。请改为「${expected}」。`)];
    }
    return [titleFinding(doc, 'error', `标题「${raw}」不符合年度报告格式的写法。请改为「${expected}」。`)];
  }
  return [
    titleFinding(
      doc,
      'error',
      `标题「${raw}」${reasons.join('；')}。审核时会要求按“机关全称＋年度＋政府信息公开工作年度报告”的格式改正，请改为「${expected}」。`,
    ),
  ];
}

function titleFinding(doc: ReportDoc, severity: Finding['severity'], message: string): Finding {
  return {
    rule: 'review.title',
    severity,
    message,
    cells: [],
    location: { section: 'title', start: 0, end: doc.title.length, quote: doc.title },
    id: 'review.title:title',
  };
}

// ---------------------------------------------------------------------------------------------
// Years and periods (E2)

/** Words right after “YYYY年” that make the year a history or a range, not this year's statement. */
const HISTORY_AFTER =
  /^(度)?\s*(以来|起|开始|至今|以后|之后|之前|以前|前|底前|同期|(至|到|—|–|-|~|～|－)\s*(?:19|20)\d{2}|度?(政府信息公开)?(工作)?(年度)?报告|年报|(未|无|没有)?(结转|转结)|(存在的?|提出的?|指出的?|反映的?)?问题|整改)/;
/** A dated act (2019年4月3日国务院令第711号修订): the date of a document, not a statement of this year. */
const DATED_ACT = /^\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^，。；]{0,20}(令|修订|公布|施行|印发|发布|颁布)/;
/** Words right before it that make it a comparison or a history. */
const HISTORY_BEFORE = /(自|从|于|早在|与|较|比|相比|相较|对比|同|相对|是|为|即)\s*$/;
/** A sentence with these compares years or follows up last year's report. */
const COMPARISON_IN_SENTENCE = /(同比|环比|相比|相较|对比|较上年|比上年|上年同期|增长|减少|下降|增加|持平|上一?年度?报告|去年|整改|以来)/;
/** A sentence about an award or an assessment result, which may name the year it was for. */
const AWARD_IN_SENTENCE = /(获评|荣获|被评为|获得|评为|考核结果|考评结果|等次)/;
/** Words before “YYYY年” that introduce the report itself (“现将2024年……报告如下”). */
const REPORT_BEFORE =
  /(现将|现公布|现予公布|现发布|特发布|特向社会公布|向社会公布|现就|本报告(为|是)?)(我镇|本镇|我乡|本乡|我街道|本街道|本机关|本单位|[\u4e00-\u9fa5]{1,16}?(?:镇|乡|街道|人民政府|政府|办事处))?\s*$/;
/** Around a 《》 title: the report is presenting that title as itself (现将《…》予以公布). */
const PRESENTS_BEFORE = /(现将|现公布|现予公布|现发布|特发布|特此公布|本报告为|本报告是|现就)\s*$/;
const PRESENTS_AFTER = /^\s*(予以公布|公布如下|如下|现予公布|向社会公布)/;
/** Sentence-initial: “2024年征求人大代表意见10条。” states that year's work whatever the verb. */
const SENTENCE_BEFORE = /(^|[。！？\n]|(^|\n)[（(]?[一二三四五六七八九十\d]+[）).、．]|[一二三四五六七八九十]是)\s*$/;
/** …unless it tells when something was built or won (history a current report may recall). */
const HISTORY_VERBS = /^(度)?\s*([一二三四五六七八九十\d]{1,2}月)?[^，。；]{0,4}(建成|建立|成立|开通|启用|投入使用|被评为|获评|获得|荣获)/;
/** Clause-initial: the year opens a statement about what was done. */
const CLAUSE_BEFORE = /(^|[，。；：！？\s,;:（）()“”]|全年|在)\s*$/;
/** The unit right before the year: “我镇2024年……”, “小陶镇人民政府2024年……”. */
const UNIT_BEFORE = /(镇|乡|街道|政府|办事处|本级)\s*$/;
/** What follows a year that states this year's work (not 建成/开通 history, which stays silent). */
const STATEMENT_AFTER =
  /^(度)?\s*([，,]|我|本|全|共|累计|未|无|没有|因|镇|乡|街道|党委|政府|各|以|围绕|按照|公开|发布|收到|受理|办理|开展|组织|制定|印发|完成|召开|新收|主动|通过|解读|工作|政务|信息|[一二三四五六七八九十\d]{1,2}月)/;

const yearWordCache = new Map<number, RegExp>();
/** “2025年” (spaces allowed before 年), built once per year. */
function yearWord(y: number): RegExp {
  let re = yearWordCache.get(y);
  if (!re) yearWordCache.set(y, (re = new RegExp(`${y}\\s*年`)));
  return re;
}

export function checkYears(doc: ReportDoc, sources: TextSource[]): Finding[] {
  const out: Finding[] = [];
  const Y = doc.year;
  const own = ownNames(doc.unit.name).core;
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature') continue;
    const facts = factsOf(src.text);
    const isPeriod = src.section === 'period';
    // What a text says about years depends on its words, the year and the unit: kept with its facts.
    for (const m of memo(facts, `years:${Y}:${own}:${isPeriod}`, () => yearMarks(facts, Y, own, isPeriod))) {
      out.push(textFinding(m.rule, m.labelled ? `${src.label}${m.message}` : m.message, src, m.start, m.end, m.context));
    }
  }
  return out;
}

interface YearMark extends Mark {
  rule: 'review.period' | 'review.stale_year';
  /** the message goes after the text's label (「一、总体情况」中…) */
  labelled: boolean;
}

function yearMarks(facts: SourceFacts, Y: number, own: string, isPeriod: boolean): YearMark[] {
  const out: YearMark[] = [];
  const { text, periods, years } = facts;
  for (const p of periods) {
    if (p.from !== Y || p.to !== Y) {
      out.push({
        rule: 'review.period',
        labelled: true,
        message: `中的统计期限「${compact(text.slice(p.start, p.end))}」与报告年度不符。本报告是${Y}年度的，统计期限应为“${Y}年1月1日至${Y}年12月31日”，像是沿用了往年报告的文字，请改正。`,
        start: p.start,
        end: p.end,
      });
    }
  }
  if (isPeriod) {
    if (!periods.length && !yearWord(Y).test(text)) {
      out.push({
        rule: 'review.period',
        labelled: false,
        message: `统计期限「${text.trim()}」没有写明${Y}年。请写为“${Y}年1月1日至${Y}年12月31日”。`,
        start: 0,
        end: text.length,
      });
    }
    return out;
  }
  for (const m of years) {
    // Later years are plans (“2026年，我镇将……”); only earlier ones can be left over from a copy.
    if (m.year >= Y || periods.some((p) => m.start >= p.start && m.start < p.end)) continue;
    const mark = staleYear(Y, own, m, facts);
    if (mark) out.push(mark);
  }
  return out;
}

const WORK_PLAN = /(工作要点|任务分解|工作任务)/;
const AS_OF = /(截至|截止)(到)?\s*$/;
const COMMA_AFTER = /^度?\s*[，,]/;

function staleYear(Y: number, own: string, mention: YearFact, facts: SourceFacts): YearMark | null {
  const text = facts.text;
  const { start: pos, end: yearEnd, year: y } = mention;
  const after = text.slice(yearEnd, yearEnd + 16);
  const before = text.slice(Math.max(0, pos - 6), pos);
  // Wide enough for a unit's name between 现将 and the year (现将洪田镇人民政府2024年……).
  const longBefore = text.slice(Math.max(0, pos - 22), pos);
  const sentence = facts.sentences.find((s) => pos >= s.start && pos < s.end) ?? { start: pos, end: pos, text: '' };
  const book = text.includes('《') ? insideBookTitle(text, pos) : null;
  if (book) {
    // A document named by its year is history, except the year's own work plan copied from last year.
    const name = text.slice(book.start, book.end);
    if (WORK_PLAN.test(name) && !name.includes(String(Y)) && !COMPARISON_IN_SENTENCE.test(sentence.text)) {
      return {
        rule: 'review.stale_year',
        labelled: true,
        message: `中引用的${name}是${y}年的。本报告写的是${Y}年的工作，应落实的是${Y}年的工作要点；像是沿用了往年报告的文字。请核对后改为本年度的文件，确为往年文件的请标记为已核实。`,
        start: book.start,
        end: book.end,
        context: sentence.text,
      };
    }
    // An earlier year's report presented as this one: 现将《……2024年……年度报告》予以公布.
    if (
      /(年度报告|工作报告|年报)》$/.test(name) &&
      (PRESENTS_BEFORE.test(text.slice(Math.max(0, book.start - 8), book.start)) || PRESENTS_AFTER.test(text.slice(book.end, book.end + 8)))
    ) {
      return {
        rule: 'review.stale_year',
        labelled: true,
        message: `中把${name}作为本报告，而本报告是${Y}年度的，像是沿用了${y}年报告的文字。请改为${Y}年度报告的名称。`,
        start: book.start,
        end: book.end,
        context: sentence.text,
      };
    }
    return null;
  }
  const reportIntro = REPORT_BEFORE.test(longBefore);
  const asOf = AS_OF.test(before);
  const statement = STATEMENT_AFTER.test(after) || (own !== '' && after.startsWith(own));
  // Strong: the year is the subject of the sentence (“2024年，我镇……”, “我镇2024年共……”), so a
  // comparison later in the sentence (“较上年增加23条”) compares that year, not this one.
  const strong =
    reportIntro || asOf || (SENTENCE_BEFORE.test(before) && !HISTORY_VERBS.test(after)) || (UNIT_BEFORE.test(before) && statement) || COMMA_AFTER.test(after);
  const weak = CLAUSE_BEFORE.test(before) && statement;
  if (!reportIntro) {
    if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(before) || DATED_ACT.test(text.slice(yearEnd, yearEnd + 32))) return null;
    // 五 follows up last year's problems: a heading or sentence naming last year with them is no copy (issue 19 §3).
    if (y === Y - 1 && /问题/.test(sentence.text) && /上一?年度?|去年|整改|已(解决|完成|落实)/.test(sentence.text)) return null;
    if (y === Y - 1 && /^(?:底|末)\s*(?:的)?(?:未|无|没有)?(?:结转|转入)/.test(after)) return null; // 2019年底无结转 (a 2020 report)
    // A sentence naming the reporting year too is comparing or telling a story across years.
    if (yearWord(Y).test(sentence.text)) return null;
  }
  // “在2024年度考核中获评优秀”: last year's assessment, reported this year.
  if (!strong && !(weak && !COMPARISON_IN_SENTENCE.test(sentence.text) && !AWARD_IN_SENTENCE.test(sentence.text))) return null;
  const start = asOf ? pos - AS_OF.exec(before)![0].length : pos;
  const words = text.slice(start, yearEnd);
  return {
    rule: 'review.stale_year',
    labelled: true,
    message: `中「${excerpt(text, start, yearEnd)}」写的是“${compact(words)}”，而本报告是${Y}年度的，像是沿用了${y}年报告的文字。请改为“${Y}年”并核对这句话的内容和数字；如确实是写往年的情况，请写明“与${y}年相比”“${y}年以来”等，或标记为已核实。`,
    start,
    end: yearEnd,
    context: sentence.text,
  };
}

// ---------------------------------------------------------------------------------------------
// The unit's own name (W5)

export interface OwnNames {
  /** 机关全称 */
  full: string;
  /** the place part without the county prefix and the organ: 小陶镇, 泉城路街道 ('' for a department) */
  core: string;
}

let lastOwn: { name: string; names: OwnNames } | null = null;

/** The unit's names (read several times per review, for one unit): the result is shared, do not change it. */
export function ownNames(fullName: string): OwnNames {
  if (lastOwn?.name === fullName) return lastOwn.names;
  const names = namesOf(fullName);
  lastOwn = { name: fullName, names };
  return names;
}

function namesOf(fullName: string): OwnNames {
  const full = compact(fullName);
  const place = full.replace(/(人民政府|政府|街道办事处|办事处|党委|党工委)$/, (s) => (s === '街道办事处' ? '街道' : ''));
  const m = /(?:.*[省市县区旗州])?([^省市县区旗州]+?(?:镇|乡|街道))$/.exec(place);
  return { full, core: m ? m[1]! : '' };
}

function isPlaceName(s: string): boolean {
  return /(镇|乡|街道|市|县|区)(人民政府|政府|办事处)?$/.test(s);
}

export function checkUnitNames(doc: ReportDoc, sources: TextSource[]): Finding[] {
  const own = ownNames(doc.unit.name);
  const out: Finding[] = [];
  if (own.core) {
    for (const src of sources) {
      if (src.section === 'signature') continue;
      // Which named towns are another unit depends on the text and the unit: kept with the text's facts.
      const facts = factsOf(src.text);
      for (const m of memo(facts, `other-towns:${own.full}`, () => otherTownMarks(facts, own))) {
        const f = textFinding('review.unit_name', `${src.label}${m.message}`, src, m.start, m.end, m.context);
        if (!m.certain) f.severity = 'info';
        out.push(f);
      }
    }
  }
  const signature = compact(doc.signature) || compact(doc.unit.signature);
  if (signature && signature !== own.full && !(own.core && signature.includes(own.core)) && !signature.includes(own.full)) {
    const section = 'signature';
    out.push({
      rule: 'review.signature',
      severity: severityOf('review.signature'),
      message: `署名「${signature}」与本机关名称“${own.full}”不一致。署名应为发文机关全称或规范化简称，请改为“${own.full}”。`,
      cells: [],
      location: { section, start: 0, end: (doc.signature || doc.unit.signature).length, quote: doc.signature || doc.unit.signature },
      id: `review.signature:${section}`,
    });
  }
  // 红头: the 发文机关标志 names the issuing organ (“永安市小陶镇人民政府文件”).
  const issuer = doc.letterhead.enabled ? compact(doc.letterhead.issuer) : '';
  if (issuer && !issuer.includes(own.full) && !(own.core && issuer.includes(own.core))) {
    out.push({
      rule: 'review.signature',
      severity: severityOf('review.signature'),
      message: `发文机关标志「${issuer}」与本机关名称“${own.full}”不一致。红头应为发文机关全称或规范化简称加“文件”，请改为“${own.full}文件”。`,
      cells: [],
      location: { section: 'letterhead', start: 0, end: doc.letterhead.issuer.length, quote: doc.letterhead.issuer },
      id: 'review.signature:letterhead',
    });
  }
  return out;
}

/** Words after a name that make it an organ's: 人民政府, 党委, a year. */
const ORGAN_TAIL = /^(人民政府|政府|党委|党工委|办事处|党政办|党政综合办|[\s\u3000]*(?:19|20)\d{2}[\s\u3000]*年)/;

/** Another 镇/乡/街道 written as the author (“霞美镇人民政府高度重视……”), from the facts' named towns. */
function otherTownMarks(facts: SourceFacts, own: OwnNames): (Mark & { certain: boolean })[] {
  const out: (Mark & { certain: boolean })[] = [];
  const text = facts.text;
  for (const place of facts.places) {
    const { name, start, end } = place;
    // Another town as the object (“联合洪田镇人民政府开展……”) is a partner, not the author; the
    // contact line (“请与霞美镇人民政府联系”) is the author.
    if (place.peeled.some((w) => w !== '请与' && w !== '联系')) continue;
    if (sameUnit(name, own)) continue;
    // Certain with an organ after (霞美镇2024年), a county before (德化县霞美镇), as the contact, 3+ characters (大水坑镇) or as a clause's subject (安砂镇认真……); else a 提示.
    const stem = name.replace(/^.*[市县区旗]/, '').replace(/(镇|乡|街道)$/, '');
    const after = text.slice(end, end + 8);
    const certain = ORGAN_TAIL.test(after) || /[市县区旗]/.test(name.slice(0, -2)) || place.peeled.length > 0 || stem.length > 2 || isSubject(text, start, end);
    const fix = `请改为“${own.core}”或“我${own.core.endsWith('街道') ? '街道' : own.core.slice(-1)}”，并核对这句话说的是否是本机关的情况。`;
    out.push({
      start,
      end,
      message: certain
        ? `中「${excerpt(text, start, end)}」以“${name}”的名义叙述，而本报告是${own.full}的。这往往是照搬其他乡镇（街道）报告留下的，审核时会被认定为内容雷同。${fix}`
        : `中「${excerpt(text, start, end)}」的“${name}”可能是其他乡镇（街道）的名称，请核对：如是照搬其他单位报告留下的，${fix}`,
      context: sentenceAt(text, start).text,
      certain,
    });
  }
  return out;
}

function sameUnit(name: string, own: OwnNames): boolean {
  const stripped = name.replace(/^.*[市县区旗]/, '');
  return stripped === own.core || own.core.endsWith(stripped) || stripped.endsWith(own.core);
}

// ---------------------------------------------------------------------------------------------
// 成文日期 (E3, W31)

/** A month or day written with a leading zero: 01月, 1月08日. */
const ZERO_PADDED_DATE =
  /((?:19|20)\d{2}[ \u3000]*年[ \u3000]*)?(?<!\d)(0[1-9])[ \u3000]*月(?:[ \u3000]*(0?[1-9]|[12]\d|3[01])[ \u3000]*日)?|(?<!\d)(\d{1,2})[ \u3000]*月[ \u3000]*(0[1-9])[ \u3000]*日/g;

export function checkDate(doc: ReportDoc, sources: TextSource[]): Finding[] {
  const out: Finding[] = [];
  if (doc.date) {
    const printed = chineseDate(doc.date);
    const Y = doc.year;
    const loc = { section: 'date', start: 0, end: doc.date.length, quote: doc.date };
    const push = (rule: 'review.bad_date' | 'review.date_far' | 'review.date_in_year' | 'review.date_deadline', message: string) =>
      out.push({ rule, severity: severityOf(rule), message, cells: [], location: loc, id: `${rule}:date` });
    if (!printed) push('review.bad_date', `成文日期“${doc.date}”不是真实的日期（没有这个月或这一天）。请在「基本信息」一步重新选择成文日期。`);
    else if (doc.date < `${Y}-01-01` || doc.date > `${Y + 2}-01-31`)
      push(
        'review.date_far',
        `成文日期“${printed}”离报告年度太远：这是${Y}年的年度报告，一般在${Y + 1}年1月成文。请核对年份是否写错（例如把${Y + 1}写成了别的年份）；确实如此的，请标记为已核实。`,
      );
    else if (doc.date <= `${Y}-12-31`)
      push(
        'review.date_in_year',
        `成文日期“${printed}”还在${Y}年内。年度报告总结全年的情况，只能在${Y}年结束后成文，请改为${Y + 1}年的实际成文日期（一般在${Y + 1}年1月）。`,
      );
    else if (doc.date > `${Y + 1}-01-31`)
      push(
        'review.date_deadline',
        `成文日期“${printed}”晚于${Y + 1}年1月31日。县级以上政府部门须在1月31日前公布上一年度报告，多数县对乡镇（街道）也按这个时间要求。请核对本县通知的报送期限；期限确实更晚的，请标记为已核实。`,
      );
  }
  // GB/T 9704 §7.3.5.4: dates are written without zero padding (2026年1月8日, not 01月08日).
  for (const src of sources) {
    // Both forms need 月 and a 0 (ASCII digits: \d) before it.
    if (!src.text.includes('月') || !src.text.includes('0')) continue;
    for (const m of allMatches(ZERO_PADDED_DATE, src.text)) {
      const written = compact(m[0]);
      const fixed = written.replace(/(年|^)0(\d)月/, '$1$2月').replace(/(月)0(\d)日/, '$1$2日');
      if (fixed === written) continue;
      out.push(
        textFinding(
          'review.date_padding',
          `${src.label}中的日期“${written}”的月、日前面补了0。公文日期用阿拉伯数字且不补0，请写为“${fixed}”。`,
          src,
          m.index,
          m.index + m[0].length,
          sentenceAt(src.text, m.index).text,
        ),
      );
    }
  }
  return out;
}
