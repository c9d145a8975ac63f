// Stale years the year mentions of identity.ts leave out (issue 19 §4): an old report's title or
// citation presented as this one (《……2023年……年度报告》（以下简称本报告）, a title line, 以上为……
// 报告全文), the statistics time or 本年度 given as another year, last year's notice on the reports
// cited as this year's, part 五's plans dated the report year, carry sentences giving the wrong
// year, and 转结 written for 结转. Sentences about last year's report and its problems (part 五's
// follow-up) are left alone.
import type { Finding, ReportDoc } from '../report';
import type { RuleId } from '../rules/registry';
import type { Mark, SourceFacts } from './facts';
import { factsOf, memo } from './facts';
import type { RuleExamples } from './rule-examples';
import type { TextSource } from './text';
import { compact, excerpt, textFinding } from './text';

interface YearMark extends Mark {
  rule: Extract<RuleId, 'review.stale_year' | 'review.carry_year' | 'review.period'>;
}

/** The report naming itself right after a title: （以下简称本报告）, （下称“本报告”）. */
const CALLED_THIS_REPORT = /^[ \u3000]*[（(][ \u3000]*(?:以下|下)?简?称[“"]?(?:本报告|本年报|报告)/;
const PRESENTS_BEFORE = /(现将|现公布|现予公布|现发布|特发布|特此公布|本报告为|本报告是|现就)\s*$/;
const PRESENTS_AFTER = /^\s*(予以公布|公布如下|如下|现予公布|向社会公布)/;
/** The report naming itself before its title: 以上为……, 以上是……. */
const THIS_REPORT_BEFORE = /(以上为|以上是|以上即为|以上就是|本文为|本报告即)[^。；\n]{0,30}$/;
/** A year's township report by its name: ……2023年(度)政府信息公开工作年度报告. */
const REPORT_NAME = /(?:19|20)\d{2}[ \u3000]*年度?[ \u3000]*(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告/;
/** The notice on the year's reports: 关于做好2024年(度)政府信息公开工作年度报告(编制和发布)工作的通知. */
const REPORTS_NOTICE = /关于做好[ \u3000]*((?:19|20)\d{2})[ \u3000]*年度?[^》]{0,8}?(?:政府信息公开|政务公开)[^》]{0,30}?年度报告[^》]{0,20}?通知/;
/** A line that is a whole report title (the title typed again above the text). */
const TITLE_LINE = /^[ \u3000]*([\u4e00-\u9fa5（）()]{0,30}?)((?:19|20)\d{2})[ \u3000]*年度?[ \u3000]*(?:政府信息公开|政务公开)工作年度报告[ \u3000]*$/gm;
/** 本年度（2023年）: the reporting year spelled out as another year. */
const THIS_YEAR_IS = /本年度?[ \u3000]*[（(][ \u3000]*((?:19|20)\d{2})[ \u3000]*年度?[ \u3000]*[）)]/g;
/** The time the figures cover, given as a year: 数据统计时间为2023年全年. */
const STATISTICS_TIME =
  /(统计期限|统计时限|统计时间|统计区间|统计范围|统计周期|数据统计|统计的是|所列数据)[^。；\n]{0,10}?((?:19|20)\d{2})[ \u3000]*年(?![ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日[ \u3000]*(?:起)?[ \u3000]*(?:至|到|—|–|-|~|～))/g;
/** 上年结转的申请已于2024年办结: the applications carried into the report year were settled in it. */
const CARRIED_SETTLED =
  /(?:上年度?|上一年度?|去年)结转[^。；\n]{0,20}?(?:已于|于|在)[ \u3000]*((?:19|20)\d{2})[ \u3000]*年[^。；\n]{0,8}?(?:办结|答复|办理完毕|处理完毕|全部办理)/g;
/** 2023年度结转的申请, 另有2023年结转申请1件: the year the carry-over came from. */
const CARRIED_FROM = /((?:19|20)\d{2})[ \u3000]*年度?[ \u3000]*(?:结转|转入)(?:的|(?=[ \u3000]*(?:申请|[0-9０-９一二两三四五六七八九十]+[ \u3000]*件)))/g;
/** 转结 written for 结转 (not 流转结果, 运转结算). */
const SWAPPED = /(?<![流运周好扭逆翻旋轮辗])转结(?![算果构束论账合晶])/g;
/** Part 五's plans: 2025年，我镇将重点做好…… (in a 2025 report the plans are for 2026). */
const PLAN_AFTER =
  /^[ \u3000]*度?[ \u3000]*[，,]?[^。；\n]{0,12}?(将(?=重点|继续|进一步|着力|切实|全力|加强|做好|持续|不断|积极|努力|围绕|从|在以下|采取|重点)|计划|拟|打算|力争|下一步)/;
/** Sentences about last year's report and its problems (part 五's follow-up): not stale. */
const FOLLOW_UP = /(上一?年度?[^。；\n]{0,12}(报告|问题)|去年[^。；\n]{0,12}(报告|问题)|整改)/;

/** A heading about last year's report and its problems: 上年度问题整改情况, 上一年度报告所提问题的整改. */
const LAST_YEAR_HEADING = /^(?:上一?年度?|去年)[^，。；]{0,10}(?:问题|整改)/;
/** A year's report named as where problems were raised: 2021年度报告中提出的, 2021年报告所提. */
const OLD_REPORT_RAISED =
  /((?:19|20)\d{2})[ \u3000]*年度?[ \u3000]*(?:政府信息公开|政务公开)?(?:工作)?(?:年度)?(?:报告|年报)[^。；\n]{0,4}?(?:中|里)?[^。；\n]{0,2}?(?:提出|指出|所提|列出|反映|查找)/g;

function sentenceOf(facts: SourceFacts, pos: number): string {
  return (facts.sentences.find((s) => pos >= s.start && pos < s.end) ?? { text: '' }).text;
}

function yearMarks(facts: SourceFacts, Y: number, section: string): YearMark[] {
  const text = facts.text;
  const out: YearMark[] = [];
  const stale = (start: number, end: number, message: string, rule: YearMark['rule'] = 'review.stale_year') =>
    out.push({ rule, start, end, message, context: sentenceOf(facts, start) || text.slice(start, end) });
  for (const t of facts.titles) {
    const name = t.name;
    const y = /((?:19|20)\d{2})[ \u3000]*年/.exec(name);
    if (!y) continue;
    const year = Number(y[1]);
    const notice = REPORTS_NOTICE.exec(name);
    if (notice) {
      if (Number(notice[1]) < Y && !FOLLOW_UP.test(sentenceOf(facts, t.start)))
        stale(
          t.start,
          t.end,
          `中引用的《${name}》是关于${notice[1]}年度报告的通知。本报告是${Y}年度的，依据的应是关于做好${Y}年度报告的通知，像是沿用了往年报告的文字。请改为本年度通知的名称。`,
        );
      continue;
    }
    if (year >= Y || !REPORT_NAME.test(name)) continue;
    // Presented as the report itself (现将《……》予以公布): identity.ts's stale_year says so.
    if (PRESENTS_BEFORE.test(text.slice(Math.max(0, t.start - 8), t.start)) || PRESENTS_AFTER.test(text.slice(t.end, t.end + 8))) continue;
    const called = CALLED_THIS_REPORT.test(text.slice(t.end, t.end + 12));
    if (called || (year <= Y - 2 && section !== 'problems' && !FOLLOW_UP.test(sentenceOf(facts, t.start)))) {
      stale(
        t.start,
        t.end,
        `中的《${name}》是${year}年度的报告${called ? '，却被称为“本报告”' : ''}。本报告是${Y}年度的，像是沿用了${year}年报告的文字。请改为“${Y}年”并核对这句话。`,
      );
    }
  }
  for (const m of text.includes('工作年度报告') ? text.matchAll(TITLE_LINE) : []) {
    const year = Number(m[2]);
    if (year >= Y) continue;
    const start = m.index + m[0].indexOf(m[2]!);
    stale(
      start,
      start + m[2]!.length + 1,
      `中的标题行“${compact(m[0])}”写的是${year}年，而本报告是${Y}年度的，像是沿用了往年报告的标题。请改为${Y}年，或删去这一行（标题由程序按格式打印）。`,
    );
  }
  for (const y of facts.years) {
    if (y.year >= Y) continue;
    const before = text.slice(Math.max(0, y.start - 40), y.start);
    if (THIS_REPORT_BEFORE.test(before) && REPORT_NAME.test(text.slice(y.start, y.start + 24)))
      stale(y.start, y.end, `中「${excerpt(text, y.start, y.end)}」把${y.year}年度的报告称作本报告，而本报告是${Y}年度的。请改为“${Y}年”。`);
  }
  if (text.includes('本年')) {
    for (const m of text.matchAll(THIS_YEAR_IS)) {
      const year = Number(m[1]);
      if (year === Y) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      stale(
        start,
        start + m[1]!.length + 1,
        `中「${excerpt(text, m.index, m.index + m[0].length)}」把本年度写成了${year}年，而本报告是${Y}年度的。请改为“${Y}年”。`,
      );
    }
  }
  if (text.includes('统计') || text.includes('所列数据')) {
    for (const m of text.matchAll(STATISTICS_TIME)) {
      const year = Number(m[2]);
      if (year === Y) continue;
      const start = m.index + m[0].lastIndexOf(m[2]!);
      if (facts.periods.some((p) => start >= p.start && start < p.end)) continue;
      stale(
        start,
        start + m[2]!.length + 1,
        `中「${excerpt(text, m.index, start + 5)}」说统计的是${year}年，而本报告是${Y}年度的，统计期限应为“${Y}年1月1日至${Y}年12月31日”。像是沿用了往年报告的文字，请改正。`,
        'review.period',
      );
    }
  }
  if (text.includes('结转') || text.includes('转入')) {
    for (const m of text.matchAll(CARRIED_SETTLED)) {
      const year = Number(m[1]);
      if (year === Y) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      stale(
        start,
        start + m[1]!.length + 1,
        `中「${excerpt(text, m.index, m.index + m[0].length)}」说上年结转的申请于${year}年办结，而上年结转的申请是在本年度（${Y}年）办理的。像是沿用了往年报告的文字，请改为“${Y}年”或“本年度”。`,
        'review.carry_year',
      );
    }
    for (const m of text.matchAll(CARRIED_FROM)) {
      const year = Number(m[1]);
      if (year > Y - 2) continue;
      if (FOLLOW_UP.test(sentenceOf(facts, m.index))) continue;
      stale(
        m.index,
        m.index + m[0].replace(/的$/, '').length,
        `中「${excerpt(text, m.index, m.index + m[0].length)}」写的是${year}年度结转的申请，而结转到本年度（${Y}年）的是${Y - 1}年度的申请。像是沿用了往年报告的文字，请改为“${Y - 1}年度”或“上年”。`,
        'review.carry_year',
      );
    }
  }
  if (text.includes('转结')) {
    for (const m of text.matchAll(SWAPPED)) {
      stale(
        m.index,
        m.index + 2,
        `中「${excerpt(text, m.index, m.index + 2)}」的“转结”应为“结转”（表格用语是“上年结转”“结转下年度继续办理”），请改正。`,
        'review.carry_year',
      );
    }
  }
  if (section === 'problems') {
    // Under a heading about last year's report (（一）上年度问题整改情况), a report of two or more years
    // before named as where the problems were raised (2021年度报告中提出的…… in a 2023 report).
    for (const [k, h] of facts.headings.entries()) {
      if (!LAST_YEAR_HEADING.test(h.title.replace(String(Y - 1), '上年'))) continue;
      const bodyEnd = facts.headings[k + 1]?.start ?? text.length;
      const body = text.slice(h.end, bodyEnd);
      for (const m of body.matchAll(OLD_REPORT_RAISED)) {
        const year = Number(m[1]);
        const start = h.end + m.index;
        const sentence = sentenceOf(facts, start);
        if (year > Y - 2 || /上一?年度?|去年/.test(sentence) || sentence.includes(String(Y - 1))) continue;
        stale(
          start,
          start + m[1]!.length + 1,
          `中小标题“${h.title}”说的是上年度（${Y - 1}年度）报告的问题，而「${excerpt(text, start, start + m[0].length)}」写的是${year}年度的报告。像是沿用了往年报告的文字，请改为“${Y - 1}年度”或“上年度”。`,
        );
      }
    }
    for (const y of facts.years) {
      if (y.year !== Y || !PLAN_AFTER.test(text.slice(y.end, y.end + 24))) continue;
      if (FOLLOW_UP.test(sentenceOf(facts, y.start))) continue;
      stale(
        y.start,
        y.end,
        `中「${excerpt(text, y.start, y.end)}」把改进措施写在${Y}年，而本报告是${Y}年度的，成文时${Y}年已经过去：改进措施是${Y + 1}年的计划。像是沿用了上年报告的文字，请改为“${Y + 1}年”。`,
      );
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function checkStaleYears(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const Y = doc.year;
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature' || src.section === 'period') continue;
    const facts = factsOf(src.text);
    for (const m of memo(facts, `stale-years:${Y}:${src.section === 'problems'}`, () => yearMarks(facts, Y, src.section)))
      out.push(textFinding(m.rule, `${src.label}${m.message}`, src, m.start, m.end, m.context));
  }
  return out;
}

/** Wrong and right examples (a 2025 report), run by test/unit/review-examples-b.test.ts. */
export const STALE_YEAR_EXAMPLES: RuleExamples = {
  rule: 'review.stale_year',
  wrong: [
    '《永安市小陶镇人民政府2023年政府信息公开工作年度报告》（以下简称本报告）依据《条例》编制。',
    '按照《关于做好2024年政府信息公开工作年度报告编制和发布工作的通知》要求，编制本报告。',
    '永安市小陶镇人民政府2024年政府信息公开工作年度报告',
    '本年度（2024年），小陶镇扎实推进政府信息公开工作。',
    { section: 'other_matters', text: '以上为永安市小陶镇人民政府2024年度政府信息公开工作年度报告全文。' },
    { section: 'problems', text: '2025年，我镇将重点做好以下工作：进一步规范依申请公开办理流程。' },
    // Under last year's heading, the report of two years before as where the problems were raised.
    { section: 'problems', text: '（四）上年度问题整改情况\n2023年度报告提出的“依申请公开答复不规范”问题，本年已制定答复模板。' },
  ],
  right: [
    '按照《关于做好2025年政府信息公开工作年度报告编制和发布工作的通知》要求，编制本报告。',
    { section: 'problems', text: '《永安市小陶镇人民政府2024年政府信息公开工作年度报告》提出的问题已整改到位。' },
    { section: 'problems', text: '2026年，我镇将重点做好以下工作。' },
    '2025年，我镇将政务公开工作纳入绩效考核。',
    { section: 'problems', text: '（四）上年度问题整改情况\n2024年度报告中提出的“解读形式单一”问题已整改。' },
    { section: 'problems', text: '（四）以往年度问题整改情况\n2023年度报告提出的“公开栏更新不及时”问题已整改。' },
  ],
};

export const CARRY_YEAR_EXAMPLES: RuleExamples = {
  rule: 'review.carry_year',
  wrong: [
    { section: 'requests', text: '1件申请因需征求第三方意见，转结下年度办理。' },
    { section: 'requests', text: '上年结转的1件申请已于2024年全部办结。' },
    { section: 'requests', text: '2023年度结转的1件申请已在本年度办结。' },
    { section: 'requests', text: '全年新收政府信息公开申请3件；另有2023年结转申请1件。' },
    { section: 'requests', text: '本年度新收申请3件，2023年度结转1件，均已办结。' },
  ],
  right: [
    { section: 'requests', text: '2024年度结转的1件申请已在本年度办结。' },
    '土地流转结果已公示，上年结转申请1件。',
    { section: 'requests', text: '全年新收政府信息公开申请3件；另有2024年结转申请1件。' },
    { section: 'requests', text: '2025年结转下年度继续办理的申请0件。' },
  ],
};

export const PERIOD_EXAMPLES: RuleExamples = {
  rule: 'review.period',
  wrong: ['本报告数据统计时间为2024年全年。', '本报告所列数据统计范围为2024年。'],
  right: ['本报告数据统计时间为2025年全年。', '本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。'],
};
