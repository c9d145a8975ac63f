// 审读 on the facts layer (issue 10): the facts read from a text, and every check built on them, each
// with sentences that must be flagged and sentences that must not, written the way township clerks
// write — full-width and half-width punctuation, Chinese and Arabic numerals, 件/条/个/项/人次.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Finding } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { factsOf, readNumber } from '../../shared/review/facts';
import { reviewDocument } from '../../shared/review/index';
import { cleanReplacing, cleanReport, cleanWith } from '../fixtures/review-clean';

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
/** The clean report with the sentence added to 一、总体情况 (after an existing sentence). */
const withSentence = (s: string) => cleanReplacing('overview', '组织业务培训2次。', `组织业务培训2次。${s}`);
const ruleOn = (rule: string, s: string) => only(reviewDocument(withSentence(s)), rule);

function flags(rule: string, sentences: string[]) {
  for (const s of sentences) {
    const f = ruleOn(rule, s);
    assert.ok(f.length >= 1, `should flag: ${s}`);
    assert.equal(f[0]!.location?.section, 'overview', s);
    assert.ok(f[0]!.id?.startsWith(`${rule}:`), s);
  }
}
function passes(rule: string, sentences: string[]) {
  for (const s of sentences) assert.deepEqual(ruleOn(rule, s), [], `should not flag: ${s}`);
}

test('facts: numbers in every way a clerk writes them', () => {
  for (const [raw, n] of [
    ['12', 12],
    ['１２', 12],
    ['十二', 12],
    ['两', 2],
    ['一百零五', 105],
    ['三千二百', 3200],
    ['1.5', 1.5],
    ['三万', 30000],
    ['1.2万', 12000],
    ['十', 10],
  ] as const) {
    assert.equal(readNumber(raw), n, raw);
  }
  assert.equal(readNumber('若干'), null);
});

test('facts: quantities with their measure word, 余/多/近/约 and ranges; ordinals and non-counts are not quantities', () => {
  const q = factsOf('全年发布信息300余条，召开会议近20次，走访群众三十多人次，约50户，培训3至5期；第一次会议，一次性告知，个人信息，240万元。').quantities;
  assert.deepEqual(
    q.map((x) => [x.value, x.upper, x.approx, x.measure]),
    [
      [300, 300, 'more', '条'],
      [20, 20, 'near', '次'],
      [30, 30, 'more', '人次'],
      [50, 50, 'about', '户'],
      [3, 5, 'exact', '期'],
      [240, 240, 'exact', '万元'],
    ],
  );
});

test('facts: dates, malformed ones included', () => {
  const d = factsOf('2025年1月1日至2025年12月31日；202525年3月；2025年2月30日；2024年2月29日；2025年12日；13月5日；2026年1月8日').dates;
  assert.deepEqual(
    d.map((x) => x.problem !== ''),
    [false, false, true, true, false, true, true, false],
  );
  assert.match(d[2]!.problem, /不是4位数/);
  assert.match(d[3]!.problem, /2月没有30日/);
  assert.match(d[5]!.problem, /缺少月份/);
  assert.match(d[6]!.problem, /没有13月/);
});

test('facts: outline numbers with their level, and the report describing its parts', () => {
  const o = factsOf('（一）主动公开\n1.网站\n2.公开栏\n（二）依申请公开\n三)管理\n(四）平台').outline;
  assert.deepEqual(
    o.map((x) => [x.level, x.n, x.malformed]),
    [
      [2, 1, false],
      [3, 1, false],
      [3, 2, false],
      [2, 2, false],
      [2, 3, true],
      [2, 4, true],
    ],
  );
  const p = factsOf(
    '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况五部分组成。',
  ).parts;
  assert.deepEqual(
    p.map((x) => [x.stated, x.listed]),
    [[5, 5]],
  );
  const joined = factsOf('本报告包括总体情况、主动公开和依申请公开情况、复议诉讼情况及存在的问题四个部分。').parts;
  assert.deepEqual(
    joined.map((x) => [x.stated, x.listed, x.listedOr]),
    [[4, 3, 4]],
  );
});

test('facts: years with the statistics period, named towns as authors, 文号 and part headings', () => {
  const y = factsOf('统计期限为2024 年1月1日至12月31日。2023年以来，我镇共公开信息20条；12345年不是年份。');
  assert.deepEqual(
    y.years.map((x) => [x.year, y.text.slice(x.start, x.end)]),
    [
      [2024, '2024 年'],
      [2023, '2023年'],
    ],
  );
  assert.deepEqual(
    y.periods.map((p) => [p.from, p.to]),
    [[2024, 2024]],
  );
  assert.ok(y.periods[0]!.start <= y.years[0]!.start && y.years[0]!.start < y.periods[0]!.end);

  // The town before an author's words, the verbs in front of it peeled off; 镇政府 alone names no town.
  const p = factsOf('永安市小陶镇人民政府高度重视。请与霞美镇人民政府联系。联合洪田镇人民政府开展培训。负责协调镇政府工作。');
  assert.deepEqual(
    p.places.map((x) => [x.name, x.peeled]),
    [
      ['永安市小陶镇', []],
      ['霞美镇', ['请与']],
      ['洪田镇', ['联合']],
    ],
  );
  assert.equal(p.text.slice(p.places[0]!.start, p.places[0]!.end), '永安市小陶镇');

  const d = factsOf('依据国办公开办函〔2021〕30号，按永政办 【2024】 12号执行；第3号不是文号。').docNumbers;
  assert.deepEqual(
    d.map((x) => [x.issuer, x.open, x.close, x.year, x.no, x.gap]),
    [
      ['依据国办公开办函', '〔', '〕', '2021', '30', false],
      ['按永政办', '【', '】', '2024', '12', true],
    ],
  );

  const h = factsOf('\n一、总体情况\n全年公开信息20条。\n（二）依申请公开\n三、这一行是一句很长的话。后面还有一句，不是标题。').headings;
  assert.deepEqual(
    h.map((x) => [x.level, x.number, x.title, x.first]),
    [
      [1, '一', '总体情况', true],
      [2, '二', '依申请公开', false],
    ],
  );
});

test('sums: parts that do not add up to the stated total, in every phrasing', () => {
  flags('review.sum_parts', [
    // 共 … 其中 …
    '全年共受理政府信息公开申请7件，其中自然人申请5件、法人或其他组织申请3件。',
    // the list in the next sentence
    '全年共受理政府信息公开申请7件。其中，自然人申请5件，法人或其他组织申请3件。',
    // 分别为 after a label
    '本年度共办理申请8件，办理结果分别为：予以公开4件，部分公开1件，不予公开1件。',
    // brackets, with and without 其中
    '共收到申请6件（自然人4件、商业企业1件）。',
    '共收到申请６件（其中自然人５件、企业２件）。',
    // the total after its parts
    '自然人申请4件、法人申请3件，合计6件。',
    // half-width punctuation
    '全年共收到政府信息公开申请12件,其中:自然人申请10件;法人或其他组织申请3件。',
    // Chinese numerals
    '全年收到申请五件，其中自然人三件、其他组织三件。',
    // a vague total: 1200余 is less than 1300
    '累计发布各类信息一千二百余条，其中图文信息八百条、视频信息五百条。',
    '召开会议近20次，其中专题会议12次、培训会9次。',
    // 人次, 个
    '共开展培训3期，培训干部86人次，其中镇干部50人次、村干部46人次。',
    '共有村（居）35个，其中村33个、社区3个。',
    // a complete list (包括, no 等) short of the total
    '本年度新收申请10件，包括自然人7件、商业企业2件。',
    // the list in the next sentence after 从……看 / 按……分
    '全年共收到政府信息公开申请5件，上年结转1件。从申请人看，自然人4件，法人或其他组织3件。',
    '全年共收到政府信息公开申请6件。按申请人类型分，自然人4件、商业企业1件。',
    // 其他 makes the list complete
    '全年主动公开信息186条，其中民生信息100条、财政信息50条、其他信息30条。',
  ]);
  const f = ruleOn('review.sum_parts', '全年共受理政府信息公开申请7件，其中自然人申请5件、法人或其他组织申请3件。')[0]!;
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /总数是7件.*加起来是8件/);
  const vague = ruleOn('review.sum_parts', '累计发布各类信息一千二百余条，其中图文信息八百条、视频信息五百条。')[0]!;
  assert.match(vague.message, /1200条多、不到1300条.*加起来是1300条/);
});

test('sums: totals that add up, partial lists, changes and several candidate totals are not flagged', () => {
  passes('review.sum_parts', [
    '全年共受理政府信息公开申请7件。其中，自然人申请5件，法人或其他组织申请2件。',
    '本年度共办理申请6件，办理结果分别为：予以公开4件，部分公开1件，不予公开1件。',
    '共收到申请6件（自然人4件、商业企业2件）。',
    '自然人申请4件、法人申请2件，合计6件。',
    // 其中 names some of them only
    '全年主动公开政府信息186条，其中民生信息64条、财政信息6条。',
    '全年共发布信息300余条，其中政务动态120条、通知公告80条、政策文件50条。',
    '全年共发布信息300余条，其中政务动态120条、通知公告80条、政策文件150条。',
    '累计发布各类信息一千二百余条，其中图文信息八百条、视频信息三百五十条。',
    '本年度新收申请10件，包括自然人7件、商业企业2件等。',
    // the list belongs to another count of the sentence, or to all of them
    '全年收到政府信息公开申请6件，上年结转1件，其中自然人5件、法人或其他组织1件，按期办结7件。',
    '主动公开信息412条，较上年增加37条，其中财政信息86条、乡村振兴信息64条。',
    '全年收到申请4件，其中网上申请3件、当面申请1件，办结4件，办结率100%。',
    '共开展培训3期，培训干部86人次，其中镇干部50人次、村干部36人次。',
    '发布政策解读9篇，其中图解3篇、视频2篇。',
    '全年共收到政府信息公开申请5件，上年结转1件。从申请人看，自然人4件，法人或其他组织1件。',
    '全年共收到政府信息公开申请6件。从办理结果看，予以公开4件，部分公开2件。',
    '2025年度我镇共制作信息54条，其中主动公开信息数44条，占比81.48%；依申请公开信息数5条，占比9.26%；不予公开信息数5条，占比9.26%。',
  ]);
});

test('dates: an impossible or malformed date anywhere is an error; real dates are not', () => {
  flags('review.bad_date', [
    '于2025年2月30日召开政务公开专题会议。',
    '202525年3月，完成公开目录更新。',
    '2025年12日，组织开展政务公开日活动。',
    '2025年13月完成网站栏目调整。',
    '4月31日前完成公开栏更新。',
    '本年度于2025 年 6 月 31 日完成指南修订。',
  ]);
  const f = ruleOn('review.bad_date', '于2025年2月30日召开政务公开专题会议。')[0]!;
  assert.equal(f.severity, 'error');
  assert.equal(f.location?.quote, '2025年2月30日');
  passes('review.bad_date', [
    '于2025年2月28日召开政务公开专题会议。',
    '2024年2月29日建成查阅点。',
    '12月31日前完成全部整改。',
    '在建党100年之际开展主题活动。',
    '2021—2025年规划已完成。',
    '6月、12月分两次更新公开目录。',
  ]);
});

test('dates: a statistics period that does not span the report year', () => {
  flags('review.period_span', [
    '本报告所列数据的统计期限为2025年1月1日至2025年11月30日。',
    '本报告数据统计时间为2025年3月1日至2025年12月31日。',
    '统计期限：2025年1月1日-2025年6月30日。',
  ]);
  passes('review.period_span', [
    '本报告所列数据的统计期限为2025年1月1日至2025年12月31日。',
    // a range of dates that is not the statistics period
    '2025年3月1日至2025年3月31日开展政务公开宣传月活动。',
  ]);
  const field = only(reviewDocument(cleanWith((d) => (d.period = '2025年1月1日至2025年10月31日'))), 'review.period_span');
  assert.equal(field.length, 1);
  assert.equal(field[0]!.location?.section, 'period');
});

test('dates: a carry-forward into the report year itself', () => {
  flags('review.carry_year', [
    '上年转结申请1件。',
    '申请转结下年度办理。',
    '结转2025年办理的申请1件。',
    '另有1件申请因需征求第三方意见，转入2025年度继续办理。',
    '其余申请结转至2025年继续办理。',
  ]);
  const f = ruleOn('review.carry_year', '结转2025年办理的申请1件。')[0]!;
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /结转2026年办理/);
  passes('review.carry_year', [
    '结转2026年办理的申请1件。',
    '2024年结转至2025年的1件申请已办结。',
    '上年结转至2025年的申请已全部办结。',
    '结转下年度继续办理的申请0件。',
    '土地流转结果已公示。',
  ]);
});

test('years: an earlier report presented as this one, in 《》 or after another unit’s name', () => {
  for (const s of [
    '现公布洪田镇2024年度政府信息公开工作年度报告如下。',
    '现将小陶镇2024年政府信息公开工作年度报告公布如下。',
    '现将《永安市小陶镇人民政府2024年政府信息公开工作年度报告》予以公布。',
    '特发布《小陶镇2024年度政府信息公开工作年度报告》。',
  ]) {
    const f = ruleOn('review.stale_year', s);
    assert.equal(f.length, 1, s);
  }
  // Correct references to the past.
  passes('review.stale_year', [
    '2024年未结转申请。',
    '本年度无上年结转申请，2024年未结转申请。',
    '上年度报告指出的问题已整改。',
    '对照《小陶镇2024年政府信息公开工作年度报告》提出的问题逐项整改。',
    '2024年结转的1件申请已于2025年1月办结。',
    '本报告为小陶镇2025年度政府信息公开工作年度报告。',
  ]);
});

test('wrong body: another 镇/乡/街道 as the author, anywhere in the sentence', () => {
  flags('review.unit_name', [
    '洪田镇通过门户网站公开信息120条。',
    '洪田镇依托便民服务中心设立查阅点1个。',
    '现公布洪田镇2024年度政府信息公开工作年度报告如下。',
    '贡川镇共计收到申请3件。',
  ]);
  passes('review.unit_name', [
    '小陶镇地处永安市东北部，与大湖镇、洪田镇接壤。',
    '学习借鉴洪田镇2024年的经验做法。',
    '联合洪田镇开展政策宣讲。',
    '小陶镇通过门户网站公开信息186条。',
  ]);
});

test('wrong body: a province, city or county as the body that did the work or received the applications', () => {
  flags('review.wrong_level', [
    '全市共收到政府信息公开申请12件。',
    '2025年，县政府办公室主动公开政府信息3200条。',
    '市政府全年受理申请8件，均按期答复。',
    '全省累计发布政策解读2100篇。',
    '一是县政府及时更新公开指南3次。',
  ]);
  const f = ruleOn('review.wrong_level', '全市共收到政府信息公开申请12件。')[0]!;
  assert.equal(f.severity, 'warning');
  assert.equal(f.location?.quote, '全市');
  passes('review.wrong_level', [
    '按照市政府统一部署，我镇扎实推进政务公开。',
    '在全市政务公开考核中，我镇获评优秀。',
    '全县共有乡镇12个。',
    '通过永安市人民政府门户网站公开信息186条。',
    '向县政府办公室报送信息35条。',
    '县政府办公室组织开展全县政务公开培训，我镇3人参加。',
    '市政府出台《政务公开工作考核办法》后，我镇及时转发落实。',
    '县政府更新了政府信息公开指南的模板。',
  ]);
  // A county department's report may speak of the county.
  const dept = cleanWith((d) => {
    d.unit.kind = 'county_department';
    d.sections.overview = `${d.sections.overview}\n全县共收到政府信息公开申请12件。`;
  });
  assert.deepEqual(only(reviewDocument(dept), 'review.wrong_level'), []);
});

test('structure: outline numbers out of sequence or malformed', () => {
  const doc = (text: string) => cleanWith((d) => (d.sections.problems = `${d.sections.problems}\n${text}`));
  for (const [text, why] of [
    ['（五）其他\n（七）附则', /“（五）”之后是“（七）”/],
    ['三)加强培训', /括号不成对/],
    ['(四）完善制度', /全角、半角混用/],
    ['（三）改进措施补充', /“（三）”重复了/],
  ] as const) {
    const f = only(reviewDocument(doc(text)), 'review.outline');
    assert.ok(f.length >= 1, text);
    assert.match(f.map((x) => x.message).join('\n'), why, text);
  }
  // （二） with no （一）: a new part starting at 二.
  const missing = only(reviewDocument(cleanWith((d) => (d.sections.other_matters = '（二）信息处理费\n本年度未收取信息处理费。'))), 'review.outline');
  assert.equal(missing.length, 1);
  assert.match(missing[0]!.message, /没有“（一）”就出现了“（二）”/);
  // 1. 2. running on across their parents, and a fresh 其中：1． list, are fine.
  const ok = cleanWith(
    (d) =>
      (d.sections.other_matters =
        '本年度未收取信息处理费。\n（一）人大建议\n1.办理情况\n2.公开情况\n（二）政协提案\n3.办理情况\n其中：1．网上办理\n2．当面办理'),
  );
  assert.deepEqual(only(reviewDocument(ok), 'review.outline'), []);
  assert.deepEqual(only(reviewDocument(cleanReport()), 'review.outline'), []);
});

test('structure: a stated number of parts that differs from the parts listed or from the format', () => {
  flags('review.parts_count', [
    '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项五部分组成。',
    '本报告共分五个部分。',
    '本年度报告包括总体情况、主动公开、依申请公开、复议诉讼、问题和改进、其他事项等七部分。',
  ]);
  passes('review.parts_count', [
    '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。',
    '本报告共分六个部分。',
    '全镇分三个部分推进改革。',
  ]);
});

test('wording: doubled words, a measure word with no number', () => {
  flags('review.wording', [
    '严格落实保密审查工作工作制度。',
    '小陶镇镇人民政府高度重视。',
    '做好政府信息的的公开工作。',
    '全年共收到申请件，均已答复。',
    '全年主动公开政府信息   条。',
    '发布政策解读＿＿篇。',
    '现行有效的规范性文件。',
  ]);
  passes('review.wording', [
    '我镇镇长任领导小组组长。',
    '实实在在为群众办事。',
    '做到件件有回音、事事有着落。',
    '村村通公开栏全年更新12次。',
    '《永安市小陶镇人民政府政府信息公开指南》已更新。',
    '土地流转结果已公示。',
    '上年结转申请1件。',
    '对现行有效的规范性文件进行了清理。',
    '本年度制发的规范性文件，均经合法性审核。',
    '符合申请条件的均已办理。',
    '不了了之的情况没有发生。',
  ]);
});

test('wording: a paragraph printed twice', () => {
  const para = '全年通过门户网站主动公开政府信息186条，较上年增加23条，做到应公开尽公开。';
  const twice = cleanWith((d) => {
    d.sections.overview = `${d.sections.overview}\n${para}`;
    d.sections.problems = `${d.sections.problems}\n${para}`;
  });
  const f = only(reviewDocument(twice), 'review.repeated_paragraph');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location?.section, 'problems');
  assert.match(f[0]!.message, /与「一、总体情况」中的一段完全相同/);
  const once = cleanWith((d) => (d.sections.overview = `${d.sections.overview}\n${para}`));
  assert.deepEqual(only(reviewDocument(once), 'review.repeated_paragraph'), []);
});

test('contacts: an e-mail or a telephone that cannot be one', () => {
  flags('review.contact', [
    '联系电话：0598-370027。',
    '咨询电话：1380598123。',
    '电子邮箱：yaxt000@126。',
    '电子邮箱：yaxt000＠126.com。',
    '邮箱为小陶镇@126.com。',
  ]);
  passes('review.contact', [
    '联系电话：0598-3700270，电子邮箱：yaxt000@126.com。',
    '咨询电话：13805981234。',
    '联系电话为0598—3700270。',
    '全年接听咨询电话1265个。',
    '12345热线转办件56件均已办结。',
    '传真：0598-3700271。',
  ]);
  const unit = only(reviewDocument(cleanWith((d) => (d.unit.email = 'yaxt000@126'))), 'review.contact');
  assert.equal(unit.length, 1);
  assert.equal(unit[0]!.id, 'review.contact:unit.email');
  assert.equal(unit[0]!.location, undefined);
  const phone = only(reviewDocument(cleanWith((d) => (d.unit.phone = '0598-37002'))), 'review.contact');
  assert.equal(phone.length, 1);
  assert.equal(phone[0]!.id, 'review.contact:unit.phone');
  const noContactLine = cleanWith((d) => {
    d.unit.email = 'yaxt000@126';
    d.preamble.contact = false;
  });
  assert.deepEqual(only(reviewDocument(noContactLine), 'review.contact'), []);
});

test('text against tables: every outcome phrase compared with its cells', () => {
  const applications = '全年共新收政府信息公开申请4件，其中自然人3件、商业企业1件，无上年结转申请。';
  const outcomes = '已全部在法定期限内答复，其中予以公开3件，因本机关不掌握相关政府信息告知申请人1件，没有结转下年度继续办理的申请。';
  const figure = (to: string) => only(reviewDocument(cleanReplacing('overview', outcomes, to)), 'review.narrative_figure');
  for (const [to, cells] of [
    ['对收到的申请，予以公开3件，不予公开1件。', ['t3.denied_state_secret.total']],
    ['对收到的申请，予以公开3件，无法提供2件。', ['t3.unable_not_held.total']],
    ['对收到的申请，予以公开3件，本机关不掌握相关政府信息的2件。', ['t3.unable_not_held.total']],
    ['办理结果：予以公开3件，不予处理1件。', ['t3.not_processed_petition.total']],
    ['答复申请4件，其中其他处理1件。', ['t3.other_overdue_correction.total']],
    ['申请人主动撤回申请1件。', ['t3.other_overdue_correction.total']],
  ] as const) {
    const f = figure(to);
    assert.equal(f.length, 1, to);
    assert.equal(f[0]!.cells[0], cells[0], to);
  }
  for (const to of ['对收到的申请，予以公开3件，无法提供1件。', '办理结果为：予以公开3件，本机关不掌握相关政府信息1件，不予公开0件，不予处理0件。'])
    assert.deepEqual(figure(to), [], to);
  // 撤回 is one kind of 其他处理: fewer than the table's is fine.
  const withdrawn = cleanWith((d) => {
    d.cells['t3.other_other.natural_person'] = 2;
    d.cells['t3.new_received.natural_person'] = 5;
    d.sections.overview = d.sections.overview!.replace(outcomes, '申请人主动撤回申请1件。').replace(applications, '');
  });
  assert.deepEqual(only(reviewDocument(withdrawn), 'review.narrative_figure'), []);
});

test('text against tables: “均已办结/全部答复” while applications are carried forward', () => {
  const carried = (text: string) =>
    cleanWith((d) => {
      d.cells['t3.new_received.natural_person'] = 4;
      d.cells['t3.carried_forward.natural_person'] = 1;
      d.cells['t3.granted.natural_person'] = 1;
      d.sections.overview = `${d.sections.overview}\n${text}`;
    });
  for (const s of ['收到的政府信息公开申请均已办结。', '对上述申请已全部按时答复。', '所有申请全部办理完毕。']) {
    const f = only(reviewDocument(carried(s)), 'review.all_done');
    assert.equal(f.length, 1, s);
    assert.deepEqual(f[0]!.cells, ['t3.carried_forward.total']);
  }
  for (const s of ['收到的申请均在法定期限内答复。', '全年办理的人大代表建议均已办结。', '12345热线转办件均已办结。'])
    assert.deepEqual(only(reviewDocument(carried(s)), 'review.all_done'), [], s);
  assert.deepEqual(only(reviewDocument(cleanWith((d) => (d.sections.overview = `${d.sections.overview}\n收到的申请均已办结。`))), 'review.all_done'), []);
});

test('text against tables: a 依申请公开 part with no count', () => {
  const applications =
    '全年共新收政府信息公开申请4件，其中自然人3件、商业企业1件，无上年结转申请。已全部在法定期限内答复，其中予以公开3件，因本机关不掌握相关政府信息告知申请人1件，没有结转下年度继续办理的申请。';
  const vague = cleanReplacing('overview', applications, '严格按照法定程序和时限办理依申请公开事项，做到依法答复、规范答复。');
  const f = only(reviewDocument(vague), 'review.requests_no_count');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  for (const ok of ['本年度未收到政府信息公开申请。', '全年收到申请四件，均已依法答复。']) {
    assert.deepEqual(only(reviewDocument(cleanReplacing('overview', applications, ok)), 'review.requests_no_count'), [], ok);
  }
  assert.deepEqual(only(reviewDocument(cleanReport()), 'review.requests_no_count'), []);
});

test('text against tables: money in the column’s unit, and the same figure typed in the wrong unit', () => {
  const fee = (text: string, amount: number) =>
    cleanWith((d) => {
      d.cells['t2.fees.amount'] = amount;
      d.sections.overview = `${d.sections.overview}\n${text}`;
    });
  // 3500元 written in the 万元 column as 3500.
  const wrongUnit = only(reviewDocument(fee('本年度收取行政事业性收费3500元。', 3500)), 'review.money_unit');
  assert.equal(wrongUnit.length, 1);
  assert.equal(wrongUnit[0]!.expected, 0.35);
  assert.match(wrongUnit[0]!.message, /单位是万元/);
  const differ = only(reviewDocument(fee('本年度行政事业性收费金额1.2万元。', 0.35)), 'review.narrative_figure');
  assert.equal(differ.length, 1);
  for (const [text, amount] of [
    ['本年度收取行政事业性收费3500元。', 0.35],
    ['本年度行政事业性收费0.35万元。', 0.35],
    ['本年度收取信息处理费100元。', 0],
  ] as const) {
    const fs = reviewDocument(fee(text, amount)).filter((f) => f.rule === 'review.money_unit' || f.rule === 'review.narrative_figure');
    assert.deepEqual(fs, [], text);
  }
  // The 2019 format's 采购总金额 is in 元: “240万元” typed there as 240 is flagged, 2400000 is right.
  const file = parseReportFile(readFileSync(new URL('../fixtures/reports/2020-ansha.nianbao.json', import.meta.url), 'utf8'));
  assert.ok(file.ok);
  const procurement = (amount: number) => {
    const d = structuredClone(file.doc);
    d.cells['t2.procurement.amount'] = amount;
    d.sections.overview = `${d.sections.overview ?? ''}\n全年政府集中采购总金额240万元。`;
    return only(reviewDocument(d), 'review.money_unit');
  };
  assert.equal(procurement(240).length, 1);
  assert.equal(procurement(240)[0]!.expected, 2400000);
  assert.deepEqual(procurement(2400000), []);
});
