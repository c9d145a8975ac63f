// 审读 on the five published township reports in test/fixtures/seeds (as published, and copied into
// a new 2025 report, the copy-paste the review exists to catch), and on clean reports: the findings
// listed here are the expected outcome, each one checked by reading the seed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseReportFile } from '../../shared/report-file';
import { ReportDocSchema } from '../../shared/report';
import type { Finding } from '../../shared/report';
import { reviewDocument } from '../../shared/review/index';
import { FULL_REPORT_INPUT } from '../fixtures/full-report';
import { cleanReplacing, cleanReport, cleanSubdistrictReport } from '../fixtures/review-clean';
import { SEEDS, seedAsPublished, seedCopiedInto2025, splitSeed } from '../fixtures/review-seeds';

type Row = [rule: string, section: string, quote: string];
/** What the web copy left (markup, hard-wrapped lines) is test/unit/review-leftovers.test.ts's subject, seeds included. */
const LEFTOVERS = new Set(['review.markup', 'review.broken_paragraph', 'review.split_sentence']);
const rows = (findings: Finding[]): Row[] =>
  findings.filter((f) => !LEFTOVERS.has(f.rule)).map((f) => [f.rule, f.location?.section ?? '', (f.location?.quote ?? '').replace(/\s+/g, '').slice(0, 24)]);

/**
 * Each seed as the report of its own year. Why each finding is right:
 * - titles: 霞美镇 「政府信息公开年度报告」 lacks 工作 (S68-type error); 小陶镇 and 大水坑镇 carry a
 *   space from the web page (warning); 安砂镇 has neither the full name nor the year.
 * - 大水坑镇 2019 has no 考核/评议/追究 (E7; a warning for the 2019 format), no 监督保障 aspect, ~1,500 字 in 一, a 五 of stock phrases
 *   with no figure or deadline; its 「2020年，我镇将……」 plan is NOT flagged (year + 1).
 * - 安砂镇 2020: its 「2020 年 1 月 1 日起至 2020 年 12 月 31 日止」 period is right; 一 is ~2,900 字;
 *   五 is boilerplate (“有待提高”“进一步加大”…, no figure). No fee finding: 2020 used the 2019 format.
 * - 2016 and 2018 are pre-2019 reports (format 'legacy'): only the identity checks apply.
 */
const AS_PUBLISHED: Record<keyof typeof SEEDS, Row[]> = {
  xiamei2016: [['review.title', 'title', '霞美镇2016年政府信息公开年度报告']],
  shanfu2018: [],
  xiaotao2018: [
    ['review.title', 'title', '永安市小陶镇人民政府2018年政府信息公开工作年'],
    ['review.outline', 'legacy.1', '13.'],
  ],
  dashuikeng2019: [
    ['review.title', 'title', '大水坑镇人民政府2019年政府信息公开工作年度报'],
    ['review.accountability', 'overview', ''],
    ['review.overview_aspects', 'overview', ''],
    ['review.overview_length', 'overview', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
  ansha2020: [
    ['review.title', 'title', '安砂镇政府信息公开工作年度报告'],
    ['review.overview_length', 'overview', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
};

/**
 * Each seed pasted into a new 2025 report of the same town (current format, tables refilled with
 * zeros). Every year-bearing statement of the old year is flagged with its sentence; the periods
 * are errors; 安砂镇's 「格式（试行）」 is outdated; the pre-2019 outlines (咨询处理, 收费及减免, 附表,
 * the 小陶镇 preamble listing 概述…附表) are flagged; no 六 mentions the 信息处理费; 山福镇 has no 六.
 * Not flagged, rightly: 小陶镇's 「我镇于2018年5月经市府办批准」 (history), 大水坑镇's 「纳入2020年小城镇
 * 建设项目」 (not a statement of the year), 安砂镇's 《安砂镇2020年农村旧村复垦……》 (a document name).
 */
const COPIED_INTO_2025: Record<keyof typeof SEEDS, Row[]> = {
  xiamei2016: [
    ['review.stale_year', 'overview', '2016年'],
    ['review.stale_year', 'overview', '2016年'],
    ['review.legacy_heading', 'requests', '五、咨询处理情况'],
    ['review.legacy_heading', 'requests', '六、政府信息公开的收费及减免情况'],
    ['review.legacy_heading', 'other_matters', '（二）附表'],
    ['review.accountability', 'overview', ''],
    ['review.fee', 'other_matters', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
  shanfu2018: [
    ['review.section_empty', 'other_matters', ''],
    ['review.accountability', 'overview', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
  xiaotao2018: [
    ['review.period', 'overview', '2018年1月1日起至2018年12月31日止'],
    ['review.stale_year', 'overview', '《永安市人民政府办公室关于印发2018年政务公开'],
    ['review.stale_year', 'overview', '2018年'],
    ['review.stale_year', 'overview', '《永安市人民政府办公室关于印发2018年政务公开'],
    ['review.stale_year', 'overview', '2018年'],
    ['review.stale_year', 'overview', '2018年'],
    ['review.stale_year', 'overview', '2018年'],
    ['review.stale_year', 'proactive', '2018年'],
    ['review.stale_year', 'proactive', '2018年'],
    ['review.stale_year', 'proactive', '2018年'],
    ['review.stale_year', 'requests', '2018年'],
    ['review.stale_year', 'requests', '2018年'],
    ['review.stale_year', 'requests', '2018年'],
    ['review.stale_year', 'review_litigation', '2018年'],
    ['review.legacy_heading', 'overview', '全文由2018年小陶镇政务公开工作概述、主动公开'],
    ['review.legacy_heading', 'other_matters', '(二)附表。'],
    ['review.accountability', 'overview', ''],
    ['review.overview_length', 'overview', ''],
    ['review.fee', 'other_matters', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.outline', 'overview', '13.'],
    ['review.no_comparison', 'overview', ''],
  ],
  dashuikeng2019: [
    ['review.stale_year', 'overview', '2019年'],
    ['review.stale_year', 'overview', '2019年'],
    ['review.stale_year', 'overview', '2019年'],
    ['review.stale_year', 'overview', '2019年'],
    ['review.stale_year', 'problems', '2019年'],
    ['review.stale_year', 'problems', '2020年'],
    ['review.accountability', 'overview', ''],
    ['review.overview_aspects', 'overview', ''],
    ['review.overview_length', 'overview', ''],
    ['review.fee', 'other_matters', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
  ansha2020: [
    ['review.period', 'overview', '2020年1月1日起至2020年12月31日止'],
    ['review.stale_year', 'overview', '2020年'],
    ['review.stale_year', 'overview', '2020年'],
    ['review.stale_year', 'overview', '2020年'],
    ['review.stale_year', 'overview', '2020年'],
    ['review.outdated_citation', 'overview', '格式（试行）'],
    ['review.overview_length', 'overview', ''],
    ['review.fee', 'other_matters', ''],
    ['review.problems', 'problems', ''],
    ['review.problems_follow_up', 'problems', ''],
    ['review.no_comparison', 'overview', ''],
  ],
};

for (const name of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
  test(`seed ${name} as published: the review finds exactly the listed problems`, () => {
    assert.deepEqual(rows(reviewDocument(seedAsPublished(name))), AS_PUBLISHED[name]);
  });
  test(`seed ${name} copied into a 2025 report: the review finds exactly the listed problems`, () => {
    assert.deepEqual(rows(reviewDocument(seedCopiedInto2025(name))), COPIED_INTO_2025[name]);
  });
}

test('the seeds split into the parts they were published with', () => {
  assert.deepEqual(
    splitSeed(SEEDS.ansha2020!).parts.map((p) => p.heading),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  const xiamei = splitSeed(SEEDS.xiamei2016!);
  assert.equal(xiamei.parts.length, 9);
  assert.match(xiamei.sections.requests!, /五、咨询处理情况/);
});

test('a 2019 report’s plans for 2020 are not stale; the same text in a 2025 report is', () => {
  const own = reviewDocument(seedAsPublished('dashuikeng2019')).filter((f) => f.rule === 'review.stale_year');
  assert.deepEqual(own, []);
  const copied = reviewDocument(seedCopiedInto2025('dashuikeng2019')).filter((f) => f.rule === 'review.stale_year');
  const plan = copied.find((f) => f.location?.quote === '2020年')!;
  assert.match(plan.message, /「2020年，我镇将多举措推动全镇政务公开工作再上新台阶，再取新成绩。」/);
});

test('clean, well-written reports raise nothing at all', () => {
  assert.deepEqual(reviewDocument(cleanReport()), []);
  assert.deepEqual(reviewDocument(cleanSubdistrictReport()), []);
});

test('sentences typical of good reports raise nothing (noise check)', () => {
  const typical = [
    '根据《中华人民共和国政府信息公开条例》第五十条规定，特发布本报告。',
    '本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。',
    '如对本报告有任何疑问，请与永安市小陶镇人民政府党政办公室联系（地址：永安市小陶镇解放北路1号；邮编：366025）。',
    '全年共发布各类信息1265条，其中政务动态312条、通知公告89条、政策文件37条。',
    '全年共收到政府信息公开申请4件，办结4件，办结率100%。',
    '2025年，我镇未发生因政府信息公开引发的行政复议、行政诉讼案件。',
    '按照县政务公开办的统一部署，完成2024年度政府信息公开工作年度报告的编制发布工作。',
    '对2024年度报告中提出的问题逐项整改。',
    '我镇于2024年12月开通“小陶视界”视频号。',
    '收到市长热线转办件56件，均按期办结。',
    '主动公开信息数量同比减少2件。',
    '全镇共有村（居）35个，其中村33个、社区2个。',
    '小陶镇地处永安市东北部，与大湖镇、洪田镇接壤。',
    '截至2025年底，全镇累计建成村级公开栏35个。',
    '在永安市2024年度政务公开绩效考核中，我镇获评优秀等次。',
    '受理行政许可申请26件，作出行政许可决定12件。',
    '全年开展政务公开业务培训2期，培训干部86人次。',
    '本年度共受理群众来信来访23件，其中涉及征地拆迁9件、环境整治14件。',
    '在收到申请后5个工作日内一次性告知补正要求。',
  ];
  for (const s of typical) assert.deepEqual(reviewDocument(cleanReplacing('overview', '组织业务培训2次。', `组织业务培训2次。${s}`)), [], s);
});

test('the other clean reports of the test fixtures raise no error and no warning', () => {
  const docs = [ReportDocSchema.parse(FULL_REPORT_INPUT)];
  const file = new URL('../fixtures/reports/2025-clean.nianbao.json', import.meta.url);
  if (existsSync(file)) {
    const parsed = parseReportFile(readFileSync(file, 'utf8'));
    assert.ok(parsed.ok, 'the clean report file reads');
    docs.push(parsed.doc);
  }
  for (const doc of docs) {
    const noisy = reviewDocument(doc).filter((f) => f.severity !== 'info');
    assert.deepEqual(noisy, [], doc.unit.name);
  }
});
