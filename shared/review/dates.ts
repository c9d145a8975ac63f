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
    // The years themselves are review.period's (E2); this is about the months and days.
    if (from.y !== Y || to.y !== Y) continue;
    if (from.m === 1 && from.d === 1 && to.m === 12 && to.d === 31) continue;
    const sentence = facts.sentences.find((s) => a.start >= s.start && a.start < s.end);
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
