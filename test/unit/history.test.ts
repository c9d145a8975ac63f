// History: this year against last year figure by figure, and key figures over the years.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReports, KEY_FIGURE_LABELS, keyFiguresOverYears } from '../../shared/history';
import { ReportDocSchema } from '../../shared/report';

const unit = { name: '永安市小陶镇人民政府', kind: 'township' as const };
const r2024 = ReportDocSchema.parse({
  formatId: 'gov-2021',
  year: 2024,
  unit,
  cells: {
    't3.new_received.natural_person': 3,
    't3.new_received.other': 1,
    't3.granted.natural_person': 2,
    't2.normative_documents.in_force': 10,
    't4.review.maintain': 1,
    't4.litigation_after_review.pending': 2,
  },
});
const r2025 = ReportDocSchema.parse({
  formatId: 'gov-2021',
  year: 2025,
  unit,
  cells: { 't3.new_received.natural_person': 5, 't3.carried_over.natural_person': 1, 't3.granted.natural_person': 4, 't2.normative_documents.in_force': 12 },
});
const r2020 = ReportDocSchema.parse({
  formatId: 'gov-2019',
  year: 2020,
  unit,
  cells: { 't3.new_received.total': 7, 't2.normative_documents.total_published': 4 },
});
const r2018 = ReportDocSchema.parse({
  formatId: 'legacy',
  year: 2018,
  unit,
  indicators: { requests_received: 2, replies_granted: 1, review_total: 0, litigation_total: 1 },
});

test('compareReports: each figure with last year and the change, labels from the format model', () => {
  const rows = compareReports(r2025, r2024);
  const row = (k: string) => rows.find((r) => r.key === k)!;
  assert.deepEqual([row('t3.new_received.total').current, row('t3.new_received.total').previous, row('t3.new_received.total').change], [5, 4, 1]);
  assert.equal(row('t3.new_received.total').label, '一、本年新收政府信息公开申请数量 · 总计');
  assert.deepEqual([row('t2.normative_documents.in_force').previous, row('t2.normative_documents.in_force').change], [10, 2]);
  assert.equal(row('t4.review.total').current, undefined, 'no part filled in: no figure');
  assert.equal(row('t4.review.total').previous, 1);
  assert.equal(row('t4.review.total').change, undefined);
});

test('compareReports across formats: a 2019 report has no 2021 table 二 column; stated totals count', () => {
  const rows = compareReports(r2024, r2020);
  assert.equal(rows.find((r) => r.key === 't2.normative_documents.in_force')!.previous, undefined);
  // The 2020 report stated only a total (imported): that stated figure is last year's value.
  assert.equal(rows.find((r) => r.key === 't3.new_received.total')!.previous, 7);
  const legacy = compareReports(r2020, r2018);
  assert.equal(legacy.find((r) => r.key === 't3.new_received.total')!.previous, 2);
});

test('keyFiguresOverYears: oldest first, legacy indicators mapped, litigation = both kinds', () => {
  const years = keyFiguresOverYears([r2025, r2018, r2024, r2020]);
  assert.deepEqual(
    years.map((y) => y.year),
    [2018, 2020, 2024, 2025],
  );
  assert.deepEqual(years[0].figures, { newReceived: 2, granted: 1, review: 0, litigation: 1 });
  assert.deepEqual(years[1].figures, { newReceived: 7 });
  assert.deepEqual(years[2].figures, { newReceived: 4, granted: 2, review: 1, litigation: 2 });
  assert.deepEqual(years[3].figures, { newReceived: 5, carriedOver: 1, granted: 4 });
  assert.deepEqual(KEY_FIGURE_LABELS, { newReceived: '本年新收', carriedOver: '上年结转', granted: '予以公开', review: '行政复议', litigation: '行政诉讼' });
});
