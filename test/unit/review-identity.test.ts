// 审读, identity and dates (spec §6.2 E1, E2, E3, W5, W31): each check on a report that trips it and
// on one that does not, with sentences taken from the seed reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../shared/report';
import { reviewDocument } from '../../shared/review/index';
import { cleanReplacing, cleanReport, cleanWith } from '../fixtures/review-clean';

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

test('the clean report has no identity findings', () => {
  assert.deepEqual(reviewDocument(cleanReport()), []);
});

test('E1 title: 政务信息公开, missing 政府, 工作报告 without 年度, a wrong year', () => {
  const cases: [string, RegExp][] = [
    ['永安市小陶镇人民政府2025年政务信息公开工作年度报告', /政务信息公开/],
    ['永安市小陶镇人民政府2025年信息公开工作年度报告', /缺少“政府信息公开”/],
    ['永安市小陶镇人民政府2025年政府信息公开工作报告', /“工作报告”前缺少“年度”/],
    ['永安市小陶镇人民政府2024年政府信息公开工作年度报告', /年份写成了“2024年”/],
    ['永安市小陶镇人民政府政府信息公开工作年度报告', /缺少报告年度“2025年”/],
    ['永安市安砂镇人民政府2025年政府信息公开工作年度报告', /不是本机关/],
    // 霞美镇 2016 as published: 「年度报告」 without 「工作」
    ['永安市小陶镇人民政府2025年政府信息公开年度报告', /应以“工作年度报告”结尾/],
  ];
  for (const [title, why] of cases) {
    const f = only(reviewDocument(cleanWith((d) => (d.title = title))), 'review.title');
    assert.equal(f.length, 1, title);
    assert.equal(f[0]!.severity, 'error', title);
    assert.match(f[0]!.message, why, title);
    assert.match(f[0]!.message, /请改为「永安市小陶镇人民政府2025年政府信息公开工作年度报告」/);
    assert.deepEqual(f[0]!.location, { section: 'title', start: 0, end: title.length, quote: title });
  }
});

test('E1 title: a short unit name or stray spaces are warnings; an empty title prints the default', () => {
  const short = only(reviewDocument(cleanWith((d) => (d.title = '小陶镇2025年政府信息公开工作年度报告'))), 'review.title');
  assert.equal(short.length, 1);
  assert.equal(short[0]!.severity, 'warning');
  assert.match(short[0]!.message, /机关全称/);
  // 大水坑镇 2019 as copied from the web: 「2019 年」
  const spaced = only(reviewDocument(cleanWith((d) => (d.title = '永安市小陶镇人民政府2025 年政府信息公开工作年度报告'))), 'review.title');
  assert.equal(spaced[0]?.severity, 'warning');
  assert.match(spaced[0]!.message, /多余的空格/);
  assert.deepEqual(only(reviewDocument(cleanWith((d) => (d.title = ''))), 'review.title'), []);
});

test('E2 period: a statistics period of another year is an error, in any of its printed variants', () => {
  // 安砂镇 2020: 「统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止」
  const doc = cleanReplacing('overview', '2025年，小陶镇坚持', '本报告所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。2025年，小陶镇坚持');
  const f = only(reviewDocument(doc), 'review.period');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.equal(f[0]!.location?.quote, '2024 年 1 月 1 日起至 2024 年 12 月 31 日止');
  assert.match(f[0]!.message, /2025年1月1日至2025年12月31日/);
  const right = cleanReplacing('overview', '2025年，小陶镇坚持', '本报告所列数据的统计期限自 2025 年 1 月 1 日起至 2025 年 12 月 31 日止。2025年，小陶镇坚持');
  assert.deepEqual(reviewDocument(right), []);
  const field = only(reviewDocument(cleanWith((d) => (d.period = '2024年1月1日至2024年12月31日'))), 'review.period');
  assert.equal(field.length, 1);
  assert.equal(field[0]!.location?.section, 'period');
  assert.deepEqual(reviewDocument(cleanWith((d) => (d.period = '2025年1月1日至12月31日'))), []);
});

test('E2 stale year: last year’s statements left in the text are flagged with their sentence', () => {
  const stale: [string, string, string][] = [
    ['overview', '2025年，小陶镇坚持', '2024年，小陶镇坚持'],
    ['overview', '全年共新收政府信息公开申请4件', '2024年共新收政府信息公开申请4件'],
    ['overview', '组织业务培训2次。', '组织业务培训2次。截至2024年12月31日，全镇共有公开栏35个。'],
    // 大水坑镇 2019 copied on: 「2019年征求人大代表意见10条」
    ['other_matters', '本年度认真落实', '2024年征求人大代表意见10条、已办理8条。本年度认真落实'],
    // 小陶镇 2018: the unit, then the year: 「小陶镇人民政府2018年主动公开政府信息总计76条」
    ['overview', '全年通过永安市人民政府门户网站小陶镇栏目主动公开', '小陶镇人民政府2024年主动公开'],
    // 霞美镇 2016: 「现将2016年信息公开工作报告如下」
    ['overview', '围绕乡村振兴、惠民政策、财政资金等群众关注的领域做好政府信息公开工作。', '现将2024年政府信息公开工作年度报告如下。'],
  ];
  for (const [section, from, to] of stale) {
    const f = only(reviewDocument(cleanReplacing(section as 'overview', from, to)), 'review.stale_year');
    assert.equal(f.length, 1, to);
    assert.equal(f[0]!.severity, 'warning');
    assert.match(f[0]!.location!.quote, /2024\s*年/, to);
    assert.match(f[0]!.message, /像是沿用了2024年报告的文字/);
    const sentence = to.split('。').find((x) => x.includes('2024'))!;
    assert.ok(f[0]!.message.includes(sentence.slice(0, 10)), 'the message quotes the sentence');
  }
});

test('E2 stale year: last year’s work plan named in 《》 is flagged; other documents are not', () => {
  const plan = only(
    reviewDocument(cleanReplacing('other_matters', '《2025年永安市政务公开工作要点》', '《2024年永安市政务公开工作要点》')),
    'review.stale_year',
  );
  assert.equal(plan.length, 1);
  assert.equal(plan[0]!.location?.quote, '《2024年永安市政务公开工作要点》');
  const doc = cleanReplacing('other_matters', '本年度认真落实', '按照《关于做好2024年耕地地力保护补贴工作的通知》做好补贴发放收尾工作。本年度认真落实');
  assert.deepEqual(reviewDocument(doc), []);
});

test('E2 stale year: comparisons, history, ranges and plans are not flagged', () => {
  const legit = [
    '与2024年相比，主动公开信息增加23条。',
    '较2024年增加23条。',
    '全年主动公开信息186条，2024年为163条。',
    '自2019年以来，我镇坚持每季度更新村务公开栏。',
    '2019年以来，我镇坚持每季度更新村务公开栏。',
    '我镇于2018年5月经市府办批准整合公开目录。',
    '便民服务中心2023年建成，设有查阅点1个。',
    '2023年建成的便民服务中心设有查阅点1个。',
    '2024年度报告提出的问题已全部整改。',
    '按照2021—2025年规划，完成村级公开栏标准化建设。',
    '2021年至2025年，全镇累计公开信息900余条。',
    '2026年，我镇将继续做好政府信息公开工作。',
    '上年结转的申请已于1月办结。',
  ];
  for (const s of legit) {
    const findings = reviewDocument(cleanReplacing('overview', '组织业务培训2次。', `组织业务培训2次。${s}`));
    assert.deepEqual(only(findings, 'review.stale_year'), [], s);
  }
});

test('W5 unit name: another township or street named as the author is flagged; the own name is not', () => {
  const other: [string, string][] = [
    ['2025年，安砂镇党委、政府高度重视政府信息公开工作。', '安砂镇'],
    ['2025年，大水坑镇政务公开工作在县委、政府的坚强领导下稳步推进。', '大水坑镇'],
    ['山福镇人民政府高度重视政府信息公开工作。', '山福镇'],
    ['如对本报告有疑问，请与霞美镇人民政府党政办联系。', '霞美镇'],
    ['泉城路街道办事处认真落实条例要求。', '泉城路街道'],
    ['二酉苗族乡始终坚持以公开为常态。', '二酉苗族乡'],
  ];
  for (const [s, name] of other) {
    const f = only(reviewDocument(cleanReplacing('overview', '2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，', s)), 'review.unit_name');
    assert.equal(f.length, 1, s);
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(f[0]!.location?.quote, name, s);
    assert.match(f[0]!.message, /照搬其他乡镇/);
  }
  const own = [
    '2025年，小陶镇党委、政府高度重视政府信息公开工作。',
    '永安市小陶镇人民政府高度重视政府信息公开工作。',
    '我镇始终坚持以公开为常态。',
    '全镇各村认真落实村务公开制度。',
    '我镇成立镇政府信息公开工作领导小组，负责协调镇政府信息公开各项工作，具体业务由镇党政办负责组织实施。',
    '推进乡村振兴，围绕特色小城镇建设公开项目信息。',
    '各乡镇政府信息公开工作由县政务公开办统一指导。',
    '联合洪田镇人民政府开展政策解读进村活动。',
    '赴大湖镇学习借鉴村务公开经验。',
    // A verb or an adverb before 镇/乡/街道 with a generic noun after (issue 19 §3).
    '目前街道信息公开平台包括门户网站和公开栏。',
    '完成镇政府信息公开指南和主动公开目录的更新。',
    '规范乡政府信息公开栏目设置。',
    '明确街道党政办公室负责政府信息公开日常工作。',
    '并确定乡党政综合办公室为全乡政府信息公开工作的主管部门。',
  ];
  for (const s of own) {
    const f = only(reviewDocument(cleanReplacing('overview', '2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，', s)), 'review.unit_name');
    assert.deepEqual(f, [], s);
  }
  // Two characters before 镇 that may be a verb's or an adverb's, no organ after: a 提示 to check, never a warning (issue 19 §2).
  for (const s of ['安砂镇通过门户网站发布信息。']) {
    const f = only(reviewDocument(cleanReplacing('overview', '2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，', s)), 'review.unit_name');
    assert.equal(f.length, 1, s);
    assert.equal(f[0]!.severity, 'info', s);
    assert.match(f[0]!.message, /请核对/);
  }
});

test('W5 unit name: two characters at a clause start followed by an adverb of the report’s work are the author, a warning', () => {
  for (const s of ['安砂镇认真落实条例要求。', '2025年安砂镇深入推进政务公开。']) {
    const f = only(reviewDocument(cleanReplacing('overview', '2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，', s)), 'review.unit_name');
    assert.equal(f.length, 1, s);
    assert.equal(f[0]!.severity, 'warning', s);
  }
});

test('W5 signature and 红头: another unit’s name under the report is flagged; the full or short own name is not', () => {
  const f = only(reviewDocument(cleanWith((d) => (d.signature = '永安市安砂镇人民政府'))), 'review.signature');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.match(f[0]!.message, /永安市小陶镇人民政府/);
  assert.deepEqual(reviewDocument(cleanWith((d) => (d.signature = '小陶镇人民政府'))), []);
  const letterhead = only(
    reviewDocument(
      cleanWith((d) => (d.letterhead = { enabled: true, issuer: '永安市安砂镇人民政府文件', docNumber: '安政〔2026〕1号', printedBy: '', printedDate: '' })),
    ),
    'review.signature',
  );
  assert.equal(letterhead.length, 1);
  assert.equal(letterhead[0]!.location?.section, 'letterhead');
  assert.deepEqual(
    reviewDocument(
      cleanWith((d) => (d.letterhead = { enabled: true, issuer: '永安市小陶镇人民政府文件', docNumber: '小政〔2026〕1号', printedBy: '', printedDate: '' })),
    ),
    [],
  );
});

test('E3 成文日期: within the reporting year is an error, after the default deadline a warning', () => {
  const early = only(reviewDocument(cleanWith((d) => (d.date = '2025-12-30'))), 'review.date_in_year');
  assert.equal(early.length, 1);
  assert.equal(early[0]!.severity, 'error');
  assert.match(early[0]!.message, /2025年12月30日/);
  const late = only(reviewDocument(cleanWith((d) => (d.date = '2026-02-20'))), 'review.date_deadline');
  assert.equal(late.length, 1);
  assert.equal(late[0]!.severity, 'warning');
  assert.match(late[0]!.message, /2026年2月20日.*1月31日/);
  assert.deepEqual(reviewDocument(cleanWith((d) => (d.date = '2026-01-31'))), []);
  assert.deepEqual(reviewDocument(cleanWith((d) => (d.date = ''))), []);
});

test('W31 dates typed with zero padding are flagged with the unpadded form', () => {
  const f = only(reviewDocument(cleanReplacing('overview', '6月对政府信息公开指南', '2025年06月08日对政府信息公开指南')), 'review.date_padding');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location?.quote, '2025年06月08日');
  assert.match(f[0]!.message, /“2025年6月8日”/);
  const g = only(reviewDocument(cleanReplacing('overview', '6月对政府信息公开指南', '10月08日对政府信息公开指南')), 'review.date_padding');
  assert.match(g[0]!.message, /“10月8日”/);
  assert.deepEqual(only(reviewDocument(cleanReplacing('overview', '6月对政府信息公开指南', '2025年10月18日对政府信息公开指南')), 'review.date_padding'), []);
});

test('finding ids are stable across unrelated edits and unique within a report', () => {
  const a = reviewDocument(cleanReplacing('overview', '2025年，小陶镇坚持', '2024年，小陶镇坚持'));
  const b = reviewDocument(
    cleanWith((d) => {
      d.sections.overview = `新增的第一段文字，与问题无关。\n${d.sections.overview!.replace('2025年，小陶镇坚持', '2024年，小陶镇坚持')}`;
    }),
  );
  const ida = only(a, 'review.stale_year')[0]!;
  const idb = only(b, 'review.stale_year')[0]!;
  assert.notEqual(ida.location!.start, idb.location!.start);
  assert.equal(ida.id, idb.id);
  const twice = reviewDocument(cleanReplacing('overview', '组织业务培训2次。', '组织业务培训2次。2024年，全镇共有公开栏35个。2024年，全镇共有公开栏35个。'));
  const ids = twice.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length);
});
