// Every seed in test/fixtures/seeds (text copied from published township reports) imports: the
// 2019/2020 reports' table figures exactly as printed (values below read by eye from the seed
// text), the pre-2019 reports' 附表 indicators, and what could not be read is said in Chinese.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readReportSource } from '../../electron/core/import/index';

const SEEDS = join(import.meta.dirname, '../fixtures/seeds');
const seed = (name: string) => readReportSource(name, readFileSync(join(SEEDS, name)));

const T3_ROWS_2019 = [
  'new_received',
  'carried_over',
  'granted',
  'partial_grant',
  'denied_state_secret',
  'denied_law_forbidden',
  'denied_three_security',
  'denied_third_party',
  'denied_internal_affairs',
  'denied_process_info',
  'denied_enforcement_file',
  'denied_admin_query',
  'unable_not_held',
  'unable_need_create',
  'unable_unclear',
  'not_processed_petition',
  'not_processed_repeat',
  'not_processed_publication',
  'not_processed_massive',
  'not_processed_confirm',
  'other',
  'total_processed',
  'carried_forward',
];
const APPLICANTS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'];

/** The 2019-format table 二 with every cell 0 except the given ones. */
function t2of2019(nonZero: Record<string, number>): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const r of ['regulations', 'normative_documents']) for (const c of ['new_made', 'new_published', 'total_published']) cells[`t2.${r}.${c}`] = 0;
  for (const r of ['licensing', 'other_external_services', 'penalty', 'coercion'])
    for (const c of ['prev_year_items', 'change', 'decisions']) cells[`t2.${r}.${c}`] = 0;
  cells['t2.fees.prev_year_items'] = 0;
  cells['t2.fees.change'] = 0;
  cells['t2.procurement.items'] = 0;
  cells['t2.procurement.amount'] = 0;
  return { ...cells, ...nonZero };
}

const pick = (cells: Record<string, number>, prefix: string) => Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith(prefix)));

test('2019 大水坑镇 (gov-2019, many cells left blank in the source)', async () => {
  const r = await seed('2019-dashuikeng-ningxia-gov2019.txt');
  assert.equal(r.source, 'text');
  assert.equal(r.report.formatId, 'gov-2019');
  assert.equal(r.report.year, 2019);
  assert.equal(r.report.unit.name, '大水坑镇人民政府');
  assert.equal(r.report.title, '大水坑镇人民政府2019年政府信息公开工作年度报告');
  for (const k of ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters', 't2', 't3']) assert.ok(r.recognised.includes(k), k);
  assert.ok(!r.recognised.includes('t4'), 'table 四 has headers only in this seed');
  // Table 二: every figure printed is 0.
  assert.deepEqual(pick(r.report.cells, 't2.'), t2of2019({}));
  // Table 三: only rows 一 and 二 carry figures (0 in all seven columns, 总计 as stated).
  const t3: Record<string, number> = {};
  for (const row of ['new_received', 'carried_over']) for (const c of [...APPLICANTS, 'total']) t3[`t3.${row}.${c}`] = 0;
  assert.deepEqual(pick(r.report.cells, 't3.'), t3);
  assert.deepEqual(pick(r.report.cells, 't4.'), {});
  // The blanks are reported, not read as 0.
  assert.ok(
    r.problems.some((p) => p.includes('表三有 20 行没有填数字')),
    r.problems.join('\n'),
  );
  assert.ok(
    r.problems.some((p) => p.startsWith('表四只有表头')),
    r.problems.join('\n'),
  );
  assert.match(r.report.sections.overview ?? '', /^2019 年，大水坑镇政务公开工作/);
  assert.match(r.report.sections.overview ?? '', /不竭动力。$/);
  assert.match(r.report.sections.problems ?? '', /促进政策的落地生根。$/);
  assert.equal(r.report.sections.other_matters, '无');
});

test('2020 安砂镇 (gov-2019, table 三 rows one figure short, all 0)', async () => {
  const r = await seed('2020-ansha-fujian-gov2019.txt');
  assert.equal(r.report.formatId, 'gov-2019');
  assert.equal(r.report.year, 2020);
  assert.equal(r.report.unit.name, '安砂镇');
  assert.equal(r.report.unit.phone, '0598-3560010');
  assert.equal(r.report.unit.postcode, '366021');
  assert.equal(r.report.unit.email, 'asz3560010@163.com');
  for (const k of ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters', 't2', 't3', 't4'])
    assert.ok(r.recognised.includes(k), k);
  assert.deepEqual(
    pick(r.report.cells, 't2.'),
    t2of2019({ 't2.licensing.change': 10, 't2.other_external_services.change': 151, 't2.penalty.change': 5, 't2.coercion.change': 5 }),
  );
  // Each table 三 row printed six 0s under seven columns: the six applicant figures are 0
  // whichever column is missing; the 总计 column is not read.
  const t3: Record<string, number> = {};
  for (const row of T3_ROWS_2019) for (const c of APPLICANTS) t3[`t3.${row}.${c}`] = 0;
  assert.deepEqual(pick(r.report.cells, 't3.'), t3);
  const t4: Record<string, number> = {};
  for (const g of ['review', 'litigation_direct', 'litigation_after_review'])
    for (const c of ['maintain', 'correct', 'other', 'pending', 'total']) t4[`t4.${g}.${c}`] = 0;
  assert.deepEqual(pick(r.report.cells, 't4.'), t4);
  assert.ok(
    r.problems.some((p) => p.startsWith('标题中没有写年度') && p.includes('2020年1月1日至2020年12月31日')),
    r.problems.join('\n'),
  );
  assert.ok(
    r.problems.some((p) => p.includes('“安砂镇”，可能不是全称')),
    r.problems.join('\n'),
  );
  assert.ok(
    r.problems.some((p) => p.includes('表三有 23 行只有 6 个数字')),
    r.problems.join('\n'),
  );
  assert.match(r.report.sections.problems ?? '', /^\(一\) 工作中存在的主要问题/);
});

test('2016 霞美镇 (legacy, 附表 one cell per line)', async () => {
  const r = await seed('2016-xiamei-fujian-legacy.txt');
  assert.equal(r.report.formatId, 'legacy');
  assert.equal(r.report.year, 2016);
  assert.equal(r.report.unit.name, '霞美镇');
  assert.equal(r.report.letterhead.docNumber, '南霞政〔2016〕202号');
  const zeros = [
    'proactive_gazette',
    'requests_received',
    'requests_in_person',
    'requests_online',
    'requests_letter_fax',
    'replies_total',
    'replies_granted',
    'replies_partial',
    'replies_denied',
    'replies_other',
    'fees_waived_yuan',
    'complaints',
    'review_total',
    'litigation_total',
  ];
  const expected: Record<string, number> = { proactive_total: 53, proactive_total_cumulative: 259, proactive_website: 53, proactive_website_cumulative: 259 };
  for (const k of zeros) {
    expected[k] = 0;
    expected[`${k}_cumulative`] = 0;
  }
  assert.deepEqual(r.report.indicators, expected);
  assert.deepEqual(
    r.report.legacySections?.map((s) => s.heading),
    [
      '一、加强领导，落实责任',
      '二、规范建设，提高质量',
      '三、主动公开政府信息情况',
      '四、依申请公开政府信息办理情况',
      '五、咨询处理情况',
      '六、政府信息公开的收费及减免情况',
      '七、因政府信息公开申请行政复议、诉讼和申诉情况',
      '八、 存在的主要问题和改进措施',
      '九、需要说明的其他事项与附表',
    ],
  );
  assert.equal(r.report.legacySections?.[3].text, '无。');
});

test('2018 山福镇 (legacy, 2014-style 统计表 with pipes, no title)', async () => {
  const r = await seed('2018-shanfu-zhejiang-legacy-stats.txt');
  assert.equal(r.report.formatId, 'legacy');
  assert.equal(r.report.year, 2018);
  assert.equal(r.report.unit.name, '山福镇人民政府');
  const ind = r.report.indicators ?? {};
  assert.deepEqual(
    {
      a: ind.proactive_total,
      b: ind.normative_docs_issued,
      c: ind.proactive_gazette,
      d: ind.proactive_website,
      e: ind.proactive_weibo,
      f: ind.proactive_wechat,
      g: ind.press_conferences,
      h: ind.press_conferences_leaders,
      i: ind.staff_total,
      j: ind.staff_full_time,
      k: ind.staff_part_time,
      l: ind.special_funds_wan,
    },
    { a: 2705, b: 2, c: 0, d: 216, e: 752, f: 1737, g: 2, h: 2, i: 2, j: 0, k: 2, l: 0 },
  );
  for (const k of [
    'requests_received',
    'replies_granted',
    'replies_partial',
    'replies_denied',
    'review_total',
    'review_maintained',
    'review_corrected',
    'review_other',
    'litigation_total',
    'litigation_maintained',
    'litigation_corrected',
    'litigation_other',
    'complaints',
  ]) {
    assert.equal(ind[k], 0, k);
  }
  assert.equal(Object.keys(ind).length, 53); // every line of the 统计表 with a figure
  assert.ok(!r.problems.some((p) => p.includes('不在已知的指标中')), r.problems.join('\n'));
  // 主动公开规范性文件数 is blank in the source: reported, not read as 0.
  assert.equal(ind.proactive_normative_docs, undefined);
  assert.ok(
    r.problems.some((p) => p.includes('没有填数') && p.includes('主动公开规范性文件数')),
    r.problems.join('\n'),
  );
  assert.ok(
    r.problems.some((p) => p.startsWith('标题中没有写年度')),
    r.problems.join('\n'),
  );
  assert.equal(r.report.legacySections?.length, 5);
});

test('2018 小陶镇 (legacy, tab 附表, letterhead, signature and date)', async () => {
  const r = await seed('2018-xiaotao-fujian-legacy.txt');
  assert.equal(r.report.formatId, 'legacy');
  assert.equal(r.report.year, 2018);
  assert.equal(r.report.unit.name, '永安市小陶镇人民政府');
  assert.equal(r.report.unit.address, '永安市小陶镇解放北路1号');
  assert.equal(r.report.unit.postcode, '366025');
  assert.equal(r.report.unit.phone, '3700270');
  assert.equal(r.report.unit.email, 'yaxt000@126.com');
  assert.equal(r.report.signature, '永安市小陶镇人民政府');
  assert.equal(r.report.date, '2019-01-14');
  assert.deepEqual(r.report.letterhead, { enabled: true, issuer: '永安市小陶镇人民政府文件', docNumber: '', printedBy: '', printedDate: '' });
  const expected: Record<string, number> = { proactive_total: 76, proactive_total_cumulative: 437, proactive_website: 76, proactive_website_cumulative: 437 };
  for (const k of [
    'proactive_gazette',
    'requests_received',
    'requests_in_person',
    'requests_online',
    'requests_letter_fax',
    'replies_total',
    'replies_granted',
    'replies_partial',
    'replies_denied',
    'replies_other',
    'complaints',
    'review_total',
    'litigation_total',
  ]) {
    expected[k] = 0;
    expected[`${k}_cumulative`] = 0;
  }
  assert.deepEqual(r.report.indicators, expected);
  assert.deepEqual(r.problems, []);
  assert.equal(r.report.legacySections?.[0].heading, '一、概述');
  assert.ok(!r.report.legacySections?.at(-1)?.text.includes('2019年1月14日'), 'the date line is the date, not section text');
});

test('the web copies come in clean: no ** mark, no hard-wrapped sentence, no leftover finding; each change noted with its line', async () => {
  const { checkReport } = await import('../../shared/check');
  const files = [
    '2016-xiamei-fujian-legacy.txt',
    '2018-shanfu-zhejiang-legacy-stats.txt',
    '2018-xiaotao-fujian-legacy.txt',
    '2019-dashuikeng-ningxia-gov2019.txt',
    '2020-ansha-fujian-gov2019.txt',
  ];
  for (const name of files) {
    const r = await seed(name);
    const leftovers = checkReport(r.report).filter((f) => ['review.markup', 'review.broken_paragraph', 'review.split_sentence'].includes(f.rule));
    assert.deepEqual(
      leftovers.map((f) => f.message),
      [],
      name,
    );
    assert.ok(!JSON.stringify(r.report).includes('**'), name);
  }
  const ansha = await seed('2020-ansha-fujian-gov2019.txt');
  // The page's hard line breaks mid-sentence are joined back, the text otherwise as printed.
  assert.match(ansha.report.sections.overview ?? '', /及时向今日永安网、学习强国、永安要讯等报送有关信息。同时，全面完成/);
  assert.match(ansha.report.sections.overview ?? '', /学习《中华人民共和国政府信息公开条例》，按照转变政府职能/);
  assert.deepEqual(
    ansha.notes.filter((n) => n.kind === 'joined').map((n) => n.line),
    [28, 40, 44, 50],
  );
  const dashuikeng = await seed('2019-dashuikeng-ningxia-gov2019.txt');
  assert.match(dashuikeng.report.sections.problems ?? '', /权威性、完整性和时效性。二是进一步提高/);
  assert.ok(dashuikeng.notes.some((n) => n.kind === 'markup' && n.line === 92));
  // Table 四 printed no figure: its cells are 未读入, each one noted.
  assert.equal(dashuikeng.notes.filter((n) => n.kind === 'unread').length, dashuikeng.report.unreadCells!.length);
});
