// 审读, text against tables (spec §6.2 W17, W27): figures in the narrative agree with the tables;
// “no applications” agrees with table 三; a total and its listed parts add up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../shared/report';
import { reviewDocument } from '../../shared/review/index';
import { cleanReplacing, cleanReport, cleanWith } from '../fixtures/review-clean';

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const APPLICATIONS = '全年共新收政府信息公开申请4件，其中自然人3件、商业企业1件，无上年结转申请。';
const OUTCOMES = '已全部在法定期限内答复，其中予以公开3件，因本机关不掌握相关政府信息告知申请人1件，没有结转下年度继续办理的申请。';
const LICENSING = '本年度共作出行政许可决定12件、行政处罚决定5件，均按规定在门户网站公示。';

function figure(section: 'overview' | 'other_matters', from: string, to: string): Finding[] {
  return only(reviewDocument(cleanReplacing(section, from, to)), 'review.narrative_figure');
}

test('W27 figures that disagree with the tables are flagged with the cells, the stated and the table value', () => {
  const cases: [string, string, string, string[], number, number][] = [
    [APPLICATIONS, '全年新收政府信息公开申请5件，无上年结转申请。', '新收政府信息公开申请5件', ['t3.new_received.total'], 4, 5],
    [APPLICATIONS, '全年共收到5件政府信息公开申请，无上年结转申请。', '收到5件政府信息公开申请', ['t3.new_received.total'], 4, 5],
    [APPLICATIONS, '全年收到政府信息公开申请十二件。', '收到政府信息公开申请十二件', ['t3.new_received.total'], 4, 12],
    [APPLICATIONS, '全年新收政府信息公开申请4件，上年结转申请1件。', '上年结转申请1件', ['t3.carried_over.total'], 0, 1],
    [OUTCOMES, '已全部在法定期限内答复，其中予以公开两件，告知申请人1件。', '予以公开两件', ['t3.granted.total'], 3, 2],
    [OUTCOMES, '已答复3件申请，结转下年度继续办理1件。', '结转下年度继续办理1件', ['t3.carried_forward.total'], 0, 1],
    [LICENSING, '本年度共作出行政许可决定13件、行政处罚决定5件。', '行政许可决定13件', ['t2.licensing.decisions'], 12, 13],
    [LICENSING, '本年度共作出行政许可决定12件、行政处罚决定6件。', '行政处罚决定6件', ['t2.penalty.decisions'], 5, 6],
    [LICENSING, '本年度制发行政规范性文件2件。', '制发行政规范性文件2件', ['t2.normative_documents.issued'], 0, 2],
    [LICENSING, '现行有效行政规范性文件3件。', '现行有效行政规范性文件3件', ['t2.normative_documents.in_force'], 0, 3],
    [LICENSING, '本年度被申请行政复议1件，维持原行政行为。', '行政复议1件', ['t4.review.total'], 0, 1],
    [LICENSING, '本年度被提起行政诉讼2件。', '行政诉讼2件', ['t4.litigation_direct.total', 't4.litigation_after_review.total'], 0, 2],
  ];
  for (const [from, to, quote, cells, expected, actual] of cases) {
    const f = figure('overview', from, to);
    assert.equal(f.length, 1, to);
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(f[0]!.location?.quote.replace(/^全年共?/, ''), quote, to);
    assert.deepEqual(f[0]!.cells, cells, to);
    assert.equal(f[0]!.expected, expected, to);
    assert.equal(f[0]!.actual, actual, to);
    assert.match(f[0]!.message, new RegExp(`是${actual}件，而表格中.*是${expected}件`));
  }
});

test('W27 figures that agree, last year’s figures and changes are not flagged', () => {
  const ok: [string, string][] = [
    [APPLICATIONS, '全年收到政府信息公开申请四件，上年结转0件。'],
    [APPLICATIONS, '全年共收到4件政府信息公开申请，较上年增加2件。'],
    [APPLICATIONS, '全年共新收政府信息公开申请4件，上年收到申请2件。'],
    [OUTCOMES, '其中予以公开3件、部分公开0件，结转下年度继续办理0件。'],
    [LICENSING, '本年度被申请行政复议、提起行政诉讼均为0件。'],
    [LICENSING, '本年度共作出行政许可决定十二件、行政处罚决定五件。'],
    [LICENSING, '本年度未制发行政规范性文件，现行有效行政规范性文件0件。'],
    // Counts of something else next to the same words.
    [LICENSING, '便民服务中心全年受理行政许可申请15件，作出行政许可决定12件。'],
    [LICENSING, '组织干部参加行政复议业务培训1次。'],
    [LICENSING, '公开行政处罚信息5条，收到人大代表建议8件。'],
    [OUTCOMES, '其中予以公开3件，结转下年度继续办理的申请0件。'],
  ];
  for (const [from, to] of ok) assert.deepEqual(figure('overview', from, to), [], to);
  const issued = cleanWith((d) => {
    d.cells['t2.normative_documents.issued'] = 2;
    d.cells['t2.normative_documents.in_force'] = 2;
    d.sections.overview = d.sections.overview!.replace('本年度未制发行政规范性文件。', '本年度制发行政规范性文件2件，现行有效2件。');
  });
  assert.deepEqual(reviewDocument(issued), []);
});

test('W27 figures are not compared with tables that are not filled in yet', () => {
  const draft = cleanWith((d) => (d.cells = {}));
  assert.deepEqual(only(reviewDocument(draft), 'review.narrative_figure'), []);
});

test('W27 “no applications” while table 三 has some is flagged, and the reverse', () => {
  // 大水坑镇 2019: 「全年未收到主动申请信息公开的案件」; 安砂镇 2020: 「未受理依申请公开信息申请」
  for (const claim of ['全年未收到主动申请信息公开的案件。', '2025年度我镇未受理依申请公开信息申请。', '本年度没有收到政府信息公开申请。']) {
    const f = only(reviewDocument(cleanReplacing('overview', APPLICATIONS, claim)), 'review.none_claimed');
    assert.equal(f.length, 1, claim);
    assert.equal(f[0]!.severity, 'warning');
    assert.deepEqual(f[0]!.cells, ['t3.new_received.total']);
    assert.match(f[0]!.message, /表格中填了4件/);
  }
  for (const fine of ['本年度未发生因政府信息公开申请引发的行政复议和行政诉讼。', '全年共新收政府信息公开申请10件。']) {
    const doc = cleanWith((d) => {
      d.cells['t3.new_received.natural_person'] = 9;
      d.sections.other_matters = `${d.sections.other_matters}\n${fine}`;
      d.sections.overview = d.sections.overview!.replace(APPLICATIONS, '');
    });
    assert.deepEqual(only(reviewDocument(doc), 'review.none_claimed'), [], fine);
  }
  const zero = cleanWith((d) => {
    for (const k of Object.keys(d.cells)) if (k.startsWith('t3.')) d.cells[k] = 0;
    d.sections.overview = d.sections.overview!.replace(APPLICATIONS, '本年度未收到政府信息公开申请。').replace(OUTCOMES, '');
  });
  assert.deepEqual(only(reviewDocument(zero), 'review.none_claimed'), []);
  // The reverse: the text counts applications, the table has none.
  const reverse = cleanWith((d) => {
    for (const k of Object.keys(d.cells)) if (k.startsWith('t3.')) d.cells[k] = 0;
  });
  const r = only(reviewDocument(reverse), 'review.narrative_figure');
  assert.ok(r.some((f) => f.cells[0] === 't3.new_received.total' && f.actual === 4 && f.expected === 0));
  const review = only(
    reviewDocument(
      cleanWith((d) => {
        d.cells['t4.review.maintain'] = 1;
        d.sections.other_matters = `${d.sections.other_matters}\n本年度未发生因政府信息公开引起的行政复议。`;
      }),
    ),
    'review.none_claimed',
  );
  assert.equal(review.length, 1);
  assert.deepEqual(review[0]!.cells, ['t4.review.total']);
});

test('W27 a total whose listed parts do not add up is flagged', () => {
  const over = only(
    reviewDocument(cleanReplacing('overview', APPLICATIONS, '全年共新收政府信息公开申请4件，其中自然人3件、商业企业2件。')),
    'review.sum_parts',
  );
  assert.equal(over.length, 1);
  assert.equal(over[0]!.severity, 'warning');
  assert.match(over[0]!.message, /总数是4件.*加起来是5件/);
  // Applicant types name every part: short of the total is an error too.
  const short = only(
    reviewDocument(cleanReplacing('overview', APPLICATIONS, '全年共新收政府信息公开申请4件，其中自然人2件、商业企业1件。')),
    'review.sum_parts',
  );
  assert.equal(short.length, 1);
  // 安砂镇 2020, with one figure changed: 44 → 45
  const ansha = '2025年度我镇共制作信息54条，其中主动公开信息数45条，占比81.48%；依申请公开信息数5条，占比9.26%；不予公开信息数5条，占比9.26%。';
  const a = only(reviewDocument(cleanReplacing('overview', '发布政策解读9篇，', `${ansha}发布政策解读9篇，`)), 'review.sum_parts');
  assert.equal(a.length, 1);
  assert.match(a[0]!.message, /加起来是55条/);
  // As published (44) it adds up; a partial list (“其中民生信息64条”) is not a partition.
  assert.deepEqual(reviewDocument(cleanReplacing('overview', '发布政策解读9篇，', `${ansha.replace('45条', '44条')}发布政策解读9篇，`)), []);
  assert.deepEqual(only(reviewDocument(cleanReport()), 'review.sum_parts'), []);
  const then = only(
    reviewDocument(cleanReplacing('overview', APPLICATIONS, '全年共新收政府信息公开申请4件，其中自然人3件、商业企业1件，办结4件。')),
    'review.sum_parts',
  );
  assert.deepEqual(then, []);
});
