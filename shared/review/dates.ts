// Dates anywhere in the text, read from the facts layer (spec §6.2 E2, W31): a date that cannot
// exist (2月30日, 13月, a 6-digit year, a day without its month), a statistics period that does not
// cover the report year, and a carry-forward into the report year itself (“结转2025年办理” in a
// 2025 report: the applications go on into 2026).
import type { Finding, ReportDoc } from '../report';
import type { DateFact, SourceFacts } from './facts';
import { factsOf } from './facts';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

/** A range between two dates: 至/到/— and the like, nothing else between them. */
const RANGE_GAP = /^[ \u3000]*(?:起)?[ \u3000]*(?:至|到|—|–|-|~|～|－)[ \u3000]*$/;
/** The sentence gives the statistics period of the report (not any range of dates). */
const PERIOD_WORDS = /(统计期限|统计时限|统计期|统计时间|统计区间|数据统计|所列数据|报告期|统计范围|时间范围)/;

export function checkDates(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const Y = doc.year;
  for (const src of sources) {
    if (src.section === 'signature') continue;
    const facts = factsOf(src.text);
    const dates = facts.dates;
    for (const d of dates) {
      if (!d.problem) continue;
      out.push(
        textFinding(
          'review.bad_date',
          `${src.label}中的日期“${src.text.slice(d.start, d.end).replace(/\s+/g, '')}”写错了：${d.problem}。请核对后改正（公文日期写作“${Y + 1}年1月8日”这样的形式）。`,
          src,
          d.start,
          d.end,
          excerpt(src.text, d.start, d.end),
        ),
      );
    }
    out.push(...periodSpan(Y, src, facts));
    out.push(...carryIntoYear(Y, src, facts));
    out.push(...reportDatedInYear(Y, src, facts));
  }
  return out;
}

/** The report itself dated in its own year: 本报告于2025年1月15日审议通过, or a 落款 line “××镇人民政府　2025年6月18日”. */
const ABOUT_THE_REPORT = /(本报告|本年度报告|此报告|年度报告)[^。；！？\n]{0,20}(审议通过|审定|通过|印发|发布|公布|成文|定稿|编制完成|报送)/;
/** A line that is only a date, maybe after the unit's name: the signature's date. */
const DATE_LINE = /^[ \u3000]*(?:[\u4e00-\u9fa5（）()]{2,40}?(?:人民政府|政府|办事处|街道|镇|乡)[ \u3000]*)?$/;

function reportDatedInYear(Y: number, src: TextSource, facts: SourceFacts): Finding[] {
  const out: Finding[] = [];
  const { text } = facts;
  for (const d of facts.dates) {
    if (d.problem || d.year === undefined || d.month === undefined || d.day === undefined || d.yearDigits !== 4) continue;
    if (d.year > Y) continue;
    const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
    const lineEnd = text.indexOf('\n', d.end) < 0 ? text.length : text.indexOf('\n', d.end);
    const signature = DATE_LINE.test(text.slice(lineStart, d.start)) && /^[ \u3000。]*$/.test(text.slice(d.end, lineEnd));
    const sentence = facts.sentences.find((x) => d.start >= x.start && d.start < x.end);
    const approved =
      !signature &&
      sentence !== undefined &&
      ABOUT_THE_REPORT.test(sentence.text) &&
      !/(上一?年度?|去年|(?:19|20)\d{2}\s*年度?(政府信息公开)?(工作)?(年度)?报告)/.test(sentence.text.slice(0, Math.max(0, d.start - sentence.start)));
    if (!signature && !approved) continue;
    const written = text.slice(d.start, d.end).replace(/\s+/g, '');
    out.push(
      textFinding(
        'review.date_in_year',
        `${src.label}中${signature ? '落款' : '报告'}的日期“${written}”还在${Y}年内。年度报告总结全年的情况，只能在${Y}年结束后成文、通过，请改为${Y + 1}年的实际日期（一般在${Y + 1}年1月）。`,
        src,
        d.start,
        d.end,
        excerpt(text, d.start, d.end),
      ),
    );
  }
  return out;
}

/** “2025年1月1日至2025年11月30日” as the statistics period: the period is the whole year. */
function periodSpan(Y: number, src: TextSource, facts: SourceFacts): Finding[] {
  const out: Finding[] = [];
  const { dates, text } = facts;
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (a.problem || b.problem || a.month === undefined || b.month === undefined || a.day === undefined || b.day === undefined) continue;
    if (!RANGE_GAP.test(text.slice(a.end, b.start))) continue;
    const from = { y: a.year ?? Y, m: a.month, d: a.day };
    const to = { y: b.year ?? a.year ?? Y, m: b.month, d: b.day };
    const sentence = facts.sentences.find((s) => a.start >= s.start && a.start < s.end);
    // A range that ends before it starts cannot be (2025年5月15日至2025年5月10日).
    if (to.y * 10000 + to.m * 100 + to.d < from.y * 10000 + from.m * 100 + from.d) {
      out.push(
        textFinding(
          'review.bad_date',
          `${src.label}中的日期“${text.slice(a.start, b.end).replace(/\s+/g, '')}”写错了：结束日期早于开始日期。请核对后改正。`,
          src,
          a.start,
          b.end,
          sentence?.text,
        ),
      );
      continue;
    }
    // 1月1日 to 12月31日 of other years is review.period's (E2); this is about the months and days,
    // and about a period running into another year (2025年1月1日—2026年1月31日).
    if (from.m === 1 && from.d === 1 && to.m === 12 && to.d === 31) continue;
    if ((from.y !== Y || to.y !== Y) && !(from.y === Y || to.y === Y)) continue;
    if (src.section !== 'period' && !(sentence && PERIOD_WORDS.test(sentence.text))) continue;
    out.push(
      textFinding(
        'review.period_span',
        `${src.label}中的统计期限“${text.slice(a.start, b.end).replace(/\s+/g, '')}”没有覆盖${Y}年全年。年度报告统计的是整个年度，应为“${Y}年1月1日至${Y}年12月31日”，请改正。`,
        src,
        a.start,
        b.end,
        sentence?.text,
      ),
    );
  }
  return out;
}

/** 结转/转入 + the report year: the carry-forward goes into the next year, not this one. */
const CARRY_INTO = /(?:结转|转入|转至|顺延)(?:至|到|入)?[ \u3000]*$/;
/** …unless the clause says where it came from (2024年结转至2025年 / 上年结转至本年). */
const CARRY_FROM = /(上一?年度?|去年|(?:19|20)\d{2}[ \u3000]*年度?)[^，。；]{0,6}(?:结转|转入)/;

function carryIntoYear(Y: number, src: TextSource, facts: SourceFacts): Finding[] {
  const out: Finding[] = [];
  const { text } = facts;
  if (!text.includes('结转') && !text.includes('转入') && !text.includes('顺延') && !text.includes('转至')) return out;
  for (const d of facts.dates) {
    if (d.year !== Y || d.yearDigits !== 4) continue;
    const before = text.slice(Math.max(0, d.start - 6), d.start);
    if (!CARRY_INTO.test(before)) continue;
    const clauseStart = lastClauseMark(text, d.start);
    if (CARRY_FROM.test(text.slice(clauseStart, d.start))) continue;
    const m = CARRY_INTO.exec(before)!;
    const start = d.start - m[0].length;
    out.push(
      textFinding(
        'review.carry_year',
        `${src.label}中「${excerpt(text, start, d.end)}」把申请结转到了${Y}年，而本报告就是${Y}年度的：本年未办结的申请结转到下一年度（${Y + 1}年）继续办理。像是沿用了上年报告的文字，请改为“结转${Y + 1}年办理”或“结转下年度继续办理”。`,
        src,
        start,
        d.end,
        excerpt(text, start, d.end),
      ),
    );
  }
  return out;
}

function lastClauseMark(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if ('，,。；;！？\n'.includes(text.charAt(i))) return i + 1;
  return 0;
}

export type { DateFact };
