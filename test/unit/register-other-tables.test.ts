// 表二's 行政规范性文件 row from the list of documents and table 四 from the case register: for
// random lists the stock checks across years pass (现行有效 continues from last year), and a case
// pending at a year's end is 尚未审结 that year and counted again the next.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getFormat } from '../../shared/formats/index';
import { ReportDocSchema } from '../../shared/report';
import { evaluateTableRules } from '../../shared/rules/index';
import { CaseSchema, NormativeDocumentSchema, table2FromDocuments, table4FromCases } from '../../shared/register/other-tables';

const format = getFormat('gov-2021');
const day = (offset: number) => new Date(Date.UTC(2022, 0, 1 + offset)).toISOString().slice(0, 10);

describe('表二 from the list of normative documents', () => {
  const arbDocs = fc.array(fc.record({ issued: fc.integer({ min: 0, max: 1460 }), repealAfter: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }) }), {
    maxLength: 40,
  });
  it('现行有效 = 上年现行有效 + 本年制发 − 本年废止, every year, for random lists', () => {
    fc.assert(
      fc.property(arbDocs, fc.integer({ min: 2023, max: 2025 }), (raw, year) => {
        const docs = raw.map((d, i) =>
          NormativeDocumentSchema.parse({
            number: `某政规〔${i}〕1号`,
            title: `文件${i}`,
            issuedOn: day(d.issued),
            repealedOn: d.repealAfter === null ? '' : day(d.issued + d.repealAfter),
          }),
        );
        const now = table2FromDocuments(docs, year, format)!;
        const before = table2FromDocuments(docs, year - 1, format)!;
        const unit = { name: '测试县发展和改革局', kind: 'county_department' as const };
        const doc = ReportDocSchema.parse({ formatId: 'gov-2021', year, unit, cells: now, previousCells: before });
        const stock = evaluateTableRules(doc).filter((f) => f.rule === 't2.in_force_continuity' || f.rule === 't2.repeal_bound');
        assert.deepEqual(stock, []);
      }),
      { numRuns: 200 },
    );
  });

  it('counts a small list by hand; the 2019 format has no such columns', () => {
    const docs = [
      { number: 'A〔2023〕1号', title: '甲', issuedOn: '2023-05-01', repealedOn: '2025-03-01' },
      { number: 'A〔2025〕1号', title: '乙', issuedOn: '2025-02-01', repealedOn: '' },
      { number: 'A〔2025〕2号', title: '丙', issuedOn: '2025-06-01', repealedOn: '2026-01-05' },
      { number: 'A〔2026〕1号', title: '丁', issuedOn: '2026-01-10', repealedOn: '' },
    ].map((d) => NormativeDocumentSchema.parse(d));
    assert.deepEqual(table2FromDocuments(docs, 2025, format), {
      't2.normative_documents.issued': 2,
      't2.normative_documents.repealed': 1,
      't2.normative_documents.in_force': 2,
    });
    assert.equal(table2FromDocuments(docs, 2020, getFormat('gov-2019')), null);
  });
});

describe('table 四 from the case register', () => {
  const cases = [
    { id: '复1', group: 'review', receivedOn: '2024-11-01', result: 'maintain', decidedOn: '2025-01-20' },
    { id: '复2', group: 'review', receivedOn: '2025-03-01', result: 'correct', decidedOn: '2025-05-01' },
    { id: '诉1', group: 'litigation_direct', receivedOn: '2025-09-01', result: 'pending' },
    { id: '诉2', group: 'litigation_after_review', receivedOn: '2025-10-01', result: 'other', decidedOn: '2026-02-01' },
    { id: '复0', group: 'review', receivedOn: '2024-02-01', result: 'maintain', decidedOn: '2024-04-01' },
  ].map((c) => CaseSchema.parse(c));

  it('decided in the year under its result, pending at year end as 尚未审结, carried to the next year', () => {
    const t = table4FromCases(cases, 2025, format);
    assert.equal(t['t4.review.maintain'], 1);
    assert.equal(t['t4.review.correct'], 1);
    assert.equal(t['t4.litigation_direct.pending'], 1);
    assert.equal(t['t4.litigation_after_review.pending'], 1, 'decided in 2026: pending at the end of 2025');
    assert.equal(
      Object.values(t).reduce((a, b) => a + b, 0),
      4,
    );
    const next = table4FromCases(cases, 2026, format);
    assert.equal(next['t4.litigation_after_review.other'], 1);
    assert.equal(next['t4.litigation_direct.pending'], 1);
    assert.equal(table4FromCases(cases, 2024, format)['t4.review.pending'], 1, '复1 pending at the end of 2024');
  });

  it('refuses a decided case without its date, and a pending one with a date', () => {
    assert.throws(() => CaseSchema.parse({ id: 'x', group: 'review', receivedOn: '2025-01-01', result: 'maintain' }), /已审结的案件要填写审结日期/);
    assert.throws(() => CaseSchema.parse({ id: 'x', group: 'review', receivedOn: '2025-01-01', result: 'pending', decidedOn: '2025-02-01' }), /尚未审结的不填/);
  });
});
