// 审读 flags what an import can leave in any report (issue 21 items 4 and 6): cells not read (an
// error that keeps the export a draft), converter markup, a paragraph stopped mid-word, a sentence
// split across paragraphs. Wrong and right examples for each, and the real web copies in the seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport, hasBlockingFindings } from '../../shared/check';
import { draftReasons } from '../../shared/print/content';
import type { ReportDoc } from '../../shared/report';
import { reviewDocument } from '../../shared/review/index';
import { cleanReport, cleanWith } from '../fixtures/review-clean';
import { seedAsPublished } from '../fixtures/review-seeds';

const withOverview = (text: string): ReportDoc => cleanWith((d) => (d.sections.overview = `${d.sections.overview}\n${text}`));
const ruleOn = (rule: string, doc: ReportDoc) => reviewDocument(doc).filter((f) => f.rule === rule);

function flags(rule: string, texts: string[]) {
  for (const t of texts) {
    const f = ruleOn(rule, withOverview(t));
    assert.ok(f.length >= 1, `should flag (${rule}): ${t}`);
    assert.equal(f[0]!.location?.section, 'overview');
    assert.ok(f[0]!.id?.startsWith(`${rule}:overview:`));
    assert.match(f[0]!.message, /请/);
  }
}
function passes(rule: string, texts: string[]) {
  for (const t of texts) assert.deepEqual(ruleOn(rule, withOverview(t)), [], `should not flag (${rule}): ${t}`);
}

test('the clean report has none of these findings', () => {
  for (const rule of ['review.unread_cells', 'review.markup', 'review.broken_paragraph', 'review.split_sentence'])
    assert.deepEqual(ruleOn(rule, cleanReport()), [], rule);
});

test('markup: ** bold marks, tags, entities and # headings are flagged; ordinary symbols are not', () => {
  flags('review.markup', [
    '**二是**加强队伍建设。',
    '全年共公开信息12条。<br>同时加强审核。',
    '公开信息12条，&nbsp;均已按时公开。',
    '## 二、主动公开政府信息情况\n全年公开12条。',
    '全年公开信息12条&#160;。',
  ]);
  passes('review.markup', ['全年公开信息12条（其中*号标注的为重点领域）。', '收费金额为0万元，比上年减少3%。', '#1号楼西侧设查阅点。']);
});

test('a paragraph that stops mid-word (the next begins with 》，。 or it is the last) is flagged', () => {
  flags('review.broken_paragraph', [
    '认真学习《中华人民共和国政府信息公开条\n》，按照要求开展工作。',
    '下一步，我镇将继续加强政府信息公开的时效性和针对性，进一步提高公开的质量和',
  ]);
  passes('review.broken_paragraph', ['（七）其他需要报告的事项\n本年度无其他需要报告的事项。', '本年度共收到申请5件。\n全部按时答复。']);
});

test('a sentence split across two paragraphs is flagged; headings and list items are not', () => {
  flags('review.split_sentence', ['及时向今日永安网、学习强国等报送有\n关信息。同时全面完成报送工作。', '进一步提高政府信息公开的权威性、完整性和\n时效性。']);
  passes('review.split_sentence', [
    '（一）主动公开政府信息情况\n本年度共主动公开信息12条。',
    '主要做法如下：\n1. 加强审核。\n2. 及时公开。',
    '全年公开信息12条。\n同时加强审核。',
    '（地址：微山县两城镇人民政府驻地府前路1号，电话：0537-8451001）\n2019年是新修订的条例施行的第一年。',
  ]);
  assert.equal(
    ruleOn('review.split_sentence', withOverview('进一步提高政府信息公开的权威性、完整性和\n时效性。'))[0]!.severity,
    'info',
    'no reading is certain: 提示',
  );
});

test('the web copies in the seeds: the hard wraps and ** marks the issue names are flagged', () => {
  const dashuikeng = reviewDocument(seedAsPublished('dashuikeng2019'));
  assert.ok(dashuikeng.some((f) => f.rule === 'review.markup' && f.location?.quote === '**二是**'));
  assert.ok(dashuikeng.some((f) => f.rule === 'review.split_sentence' && f.location?.quote.endsWith('完整性和时')));
  const ansha = reviewDocument(seedAsPublished('ansha2020'));
  assert.ok(ansha.some((f) => f.rule === 'review.split_sentence' && f.location?.quote.endsWith('政府信息公开条')));
});

test('cells not read are an error until filled, and keep a final export a draft; a 0 the source printed is not one', () => {
  const doc = cleanWith((d) => {
    delete d.cells['t3.granted.natural_person'];
    delete d.cells['t4.review.maintain'];
    // A cell marked but filled since (here t3.new_received.natural_person) is not unread any more.
    d.unreadCells = ['t3.granted.natural_person', 't4.review.maintain', 't3.new_received.natural_person'];
  });
  const found = ruleOn('review.unread_cells', doc);
  assert.deepEqual(
    found.map((f) => [f.id, f.severity, f.cells]),
    [
      ['review.unread_cells:t3', 'error', ['t3.granted.natural_person']],
      ['review.unread_cells:t4', 'error', ['t4.review.maintain']],
    ],
  );
  assert.match(found[0]!.message, /未读入.*不能当作 0 印出/);
  assert.ok(hasBlockingFindings(checkReport(doc)));
  assert.ok(draftReasons(doc).some((r) => r.includes('2 格导入时未读入')));
  // Filled in (even with 0): settled.
  const filled = { ...doc, cells: { ...doc.cells, 't3.granted.natural_person': 0, 't4.review.maintain': 0 } };
  assert.deepEqual(ruleOn('review.unread_cells', filled), []);
  assert.deepEqual(draftReasons(filled), draftReasons(cleanReport()));
});
