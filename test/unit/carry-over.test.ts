// A report created from last year's: which cells and marks it carries, and the text helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveNextYearReport, findYearMentions, similarity } from '../../shared/carry-over';
import { ReportDocSchema } from '../../shared/report';
import type { ReportDoc } from '../../shared/report';

const APPLICANTS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'];

function lastYear(formatId: 'gov-2021' | 'gov-2019', year: number): ReportDoc {
  const cells: Record<string, number> = {};
  APPLICANTS.forEach((c, i) => {
    cells[`t3.carried_forward.${c}`] = i + 1; // 1..6, distinct per column
    cells[`t3.carried_over.${c}`] = 9;
    cells[`t3.new_received.${c}`] = 20 + i;
  });
  cells['t3.carried_forward.total'] = 21;
  if (formatId === 'gov-2021') {
    cells['t2.normative_documents.in_force'] = 12;
    cells['t2.regulations.in_force'] = 0;
    cells['t2.normative_documents.issued'] = 3;
    cells['t2.fees.amount'] = 0.35;
  } else {
    cells['t2.normative_documents.total_published'] = 12;
  }
  return ReportDocSchema.parse({
    formatId,
    year,
    unit: { name: '永安市小陶镇人民政府', kind: 'township', phone: '0598-3700270', address: '永安市小陶镇解放北路1号' },
    title: `永安市小陶镇人民政府${year}年政府信息公开工作年度报告（修订）`,
    period: `${year}年1月1日至${year}年12月31日`,
    preamble: { basis: true, period: false, contact: true, publishedAt: '永安市人民政府门户网站' },
    sections: { overview: `${year}年，我镇……`, proactive: '该部分以表格形式报告。', problems: '一是……', other_matters: '' },
    cells,
    signature: '永安市小陶镇人民政府',
    date: `${year + 1}-01-14`,
    letterhead: {
      enabled: true,
      issuer: '永安市小陶镇人民政府文件',
      docNumber: `小政〔${year + 1}〕1号`,
      printedBy: '永安市小陶镇党政办公室',
      printedDate: `${year + 1}-01-20`,
    },
    copiedSections: [],
    acknowledgements: { 'w.similarity.overview': { reason: '已核实', at: '2025-01-01' } },
  });
}

test('2025 from 2024: carry-over cells, baseline, copied texts, fresh title/period/date', () => {
  const prev = lastYear('gov-2021', 2024);
  const next = deriveNextYearReport(prev, 2025, 'gov-2021');
  assert.equal(ReportDocSchema.safeParse(next).success, true);
  assert.equal(next.year, 2025);
  assert.equal(next.formatId, 'gov-2021');
  // 二、上年结转 = last year's 四、结转下年度继续办理, column by column; nothing else.
  assert.deepEqual(next.cells, {
    't3.carried_over.natural_person': 1,
    't3.carried_over.commercial_enterprise': 2,
    't3.carried_over.research_institution': 3,
    't3.carried_over.social_welfare_org': 4,
    't3.carried_over.legal_service_org': 5,
    't3.carried_over.other': 6,
  });
  assert.deepEqual(next.previousCells, {
    't3.carried_forward.natural_person': 1,
    't3.carried_forward.commercial_enterprise': 2,
    't3.carried_forward.research_institution': 3,
    't3.carried_forward.social_welfare_org': 4,
    't3.carried_forward.legal_service_org': 5,
    't3.carried_forward.other': 6,
    't2.regulations.in_force': 0,
    't2.normative_documents.in_force': 12,
  });
  assert.deepEqual(next.unit, prev.unit);
  assert.deepEqual(next.preamble, prev.preamble);
  assert.equal(next.signature, '永安市小陶镇人民政府');
  // The 印发机关 of the 版记 carries over with the rest of the 红头; its 印发日期, like the 发文字号, does not.
  assert.deepEqual(next.letterhead, { enabled: true, issuer: '永安市小陶镇人民政府文件', docNumber: '', printedBy: '永安市小陶镇党政办公室', printedDate: '' });
  assert.equal(next.title, '永安市小陶镇人民政府2025年政府信息公开工作年度报告');
  assert.equal(next.period, '');
  assert.equal(next.date, '');
  // Non-empty narrative texts are copied and marked 沿用上年; the empty one is not.
  assert.deepEqual(next.sections, { overview: '2024年，我镇……', proactive: '该部分以表格形式报告。', problems: '一是……' });
  assert.deepEqual(next.copiedSections, ['overview', 'proactive', 'problems']);
  assert.deepEqual(next.acknowledgements, {});
  // The previous report is untouched.
  assert.equal(prev.cells['t3.carried_over.natural_person'], 9);
});

test('2021 from a gov-2019 report: 结转 carried, no 现行有效件数 baseline (the column did not exist)', () => {
  const next = deriveNextYearReport(lastYear('gov-2019', 2020), 2021, 'gov-2021');
  assert.equal(next.cells['t3.carried_over.other'], 6);
  assert.equal(Object.keys(next.previousCells ?? {}).filter((k) => k.startsWith('t2.')).length, 0);
  assert.equal(next.previousCells?.['t3.carried_forward.legal_service_org'], 5);
});

test('a column not filled in last year is not invented', () => {
  const prev = lastYear('gov-2021', 2024);
  delete prev.cells['t3.carried_forward.research_institution'];
  const next = deriveNextYearReport(prev, 2025, 'gov-2021');
  assert.equal('t3.carried_over.research_institution' in next.cells, false);
  assert.equal(next.cells['t3.carried_over.natural_person'], 1);
});

test('a legacy report gives the unit and nothing to carry', () => {
  const prev = ReportDocSchema.parse({
    formatId: 'legacy',
    year: 2018,
    unit: { name: '永安市小陶镇人民政府', kind: 'township' },
    indicators: { requests_received: 3 },
    legacySections: [{ heading: '一、概述', text: '…' }],
  });
  const next = deriveNextYearReport(prev, 2019, 'gov-2019');
  assert.deepEqual(next.cells, {});
  assert.equal(next.previousCells, undefined);
  assert.equal(next.indicators, undefined);
  assert.equal(next.legacySections, undefined);
  assert.equal(next.unit.name, '永安市小陶镇人民政府');
});

test('findYearMentions: stale years in copied text, not the report year, next year or citations', () => {
  const text = '2024年，我镇……比2023 年增长。依据闽政办〔2018〕25号。2025年计划……2026年将继续。';
  const found = findYearMentions(text, 2025);
  assert.deepEqual(
    found.map((m) => [m.year, text.slice(m.start, m.end)]),
    [
      [2024, '2024年'],
      [2023, '2023 年'],
    ],
  );
  assert.deepEqual(findYearMentions('本年度无。', 2025), []);
});

test('similarity: identical 1, unrelated near 0, a light edit stays high, empty is 0', () => {
  const a = '本年度我镇主动公开政府信息120条，其中政策文件15条，政策解读8篇，回应社会关切3次。';
  assert.equal(similarity(a, a), 1);
  assert.equal(similarity(a, `  ${a.replace(/，/g, ',')}  `), 1, 'punctuation and spaces do not count');
  const edited = a.replace('120', '135').replace('15', '18');
  assert.ok(similarity(a, edited) > 0.7, String(similarity(a, edited)));
  const other = '存在的主要问题：一是公开栏更新不及时；二是信息员业务能力有待提升。改进措施：每月检查。';
  assert.ok(similarity(a, other) < 0.2, String(similarity(a, other)));
  assert.equal(similarity('', a), 0);
  assert.equal(similarity('', ''), 0);
  assert.equal(similarity(a, other), similarity(other, a));
});
