// 审读, 内容雷同 (spec §6.2 W25): a part still (nearly) the same as last year's report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, ReportDoc } from '../../shared/report';
import { reviewDocument, textSimilarity } from '../../shared/review/index';
import { SIMILARITY_THRESHOLD } from '../../shared/review/phrases';
import { CLEAN_OVERVIEW, CLEAN_PROBLEMS, cleanReport, cleanWith } from '../fixtures/review-clean';

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** Last year's report of the same town, written independently (different wording and figures). */
function lastYear(): ReportDoc {
  return cleanWith((d) => {
    d.year = 2024;
    d.title = '永安市小陶镇人民政府2024年政府信息公开工作年度报告';
    d.date = '2025-01-20';
    d.sections.overview = [
      '2024年，小陶镇认真落实上级政务公开工作部署，推进决策、执行、管理、服务、结果公开。',
      '（一）主动公开。全年在门户网站公开信息163条，重点公开脱贫攻坚成果巩固、耕地保护等信息。',
      '（二）依申请公开。全年收到申请2件，均按期答复。',
      '（三）政府信息管理。落实保密审查制度，更新公开指南。',
      '（四）政府信息公开平台建设。开通“小陶视界”公众号专栏。',
      '（五）监督保障。政务公开纳入年度考核；开展社会评议1次；未发生责任追究情况。',
    ].join('\n');
    d.sections.other_matters = '本年度未收取信息处理费。\n本年度公开人大代表建议办理结果6件，政协提案办理结果2件。';
    d.sections.problems = '一是村级公开栏更新不及时，35个村中有12个全年只更新2次。二是将于2025年3月底前建立村级公开事项清单，每季度抽查一次。';
  });
}

test('textSimilarity: the same words score 1 even with new figures; a rewrite scores low', () => {
  assert.equal(textSimilarity(CLEAN_OVERVIEW, CLEAN_OVERVIEW), 1);
  assert.equal(textSimilarity(CLEAN_OVERVIEW, CLEAN_OVERVIEW.replace(/2025/g, '2024').replace('186条', '163条')), 1);
  assert.ok(textSimilarity(CLEAN_OVERVIEW, lastYear().sections.overview!) < 0.5);
  assert.equal(textSimilarity('', CLEAN_OVERVIEW), 0);
});

test('W25 a part copied from last year’s report, figures and years changed or not, is a warning', () => {
  const prev = lastYear();
  prev.sections.overview = CLEAN_OVERVIEW.replace(/2025年/g, '2024年').replace('186条', '163条');
  const f = only(reviewDocument(cleanReport(), prev), 'review.same_as_last_year');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.equal(f[0]!.location?.section, 'overview');
  assert.match(f[0]!.message, /与2024年度报告的同一部分几乎相同/);
  prev.sections.problems = CLEAN_PROBLEMS;
  const g = only(reviewDocument(cleanReport(), prev), 'review.same_as_last_year');
  assert.deepEqual(
    g.map((x) => x.location?.section),
    ['overview', 'problems'],
  );
  assert.match(g[1]!.message, /完全相同/);
});

test('W25 a rewritten report, or a short part that is the same every year (the fee sentence), is not 雷同', () => {
  assert.deepEqual(reviewDocument(cleanReport(), lastYear()), []);
  const shortSame = cleanWith((d) => (d.sections.other_matters = '本年度未收取信息处理费。无其他需要报告的事项。'));
  const prevShort = lastYear();
  prevShort.sections.other_matters = shortSame.sections.other_matters;
  assert.deepEqual(only(reviewDocument(shortSame, prevShort), 'review.same_as_last_year'), []);
});

test('W25 a part still marked as copied from last year (沿用上年) is a warning even without last year’s report', () => {
  const f = only(reviewDocument(cleanWith((d) => (d.copiedSections = ['problems']))), 'review.same_as_last_year');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location?.section, 'problems');
  assert.match(f[0]!.message, /沿用/);
  assert.ok(SIMILARITY_THRESHOLD >= 0.9);
});
