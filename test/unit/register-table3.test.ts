// Table 三 counted from the register: for random registers (fast-check) the computed table passes
// every table rule of the format, last year's table included, and a year's open applications are
// exactly the next year's 上年结转; plus a small register counted by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cellKey, getFormat } from '../../shared/formats/index';
import { ReportDocSchema } from '../../shared/report';
import { evaluateTableRules } from '../../shared/rules/index';
import { applicantTypes, ApplicationSchema, outcomeRows, parseApplication, type Application } from '../../shared/register/model';
import { computeTable3, openAtYearEnd, placeInYear } from '../../shared/register/table3';

function arbRegister(formatId: 'gov-2021' | 'gov-2019') {
  const format = getFormat(formatId);
  const types = applicantTypes(format).map((t) => t.key);
  const outcomes = outcomeRows(format).map((r) => r.key);
  const day = fc.integer({ min: 0, max: 4 * 365 }); // 2023-01-01 … 2026-12-31
  const app = fc.record({
    received: day,
    answerAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    type: fc.constantFrom(...types),
    outcome: fc.constantFrom(...outcomes),
  });
  return fc.array(app, { maxLength: 80 }).map((rows) =>
    rows.map((r, i): Application => {
      const received = isoDay(r.received);
      const answered = r.answerAfter === null ? '' : isoDay(r.received + r.answerAfter);
      return ApplicationSchema.parse({
        id: `A${i + 1}`,
        receivedOn: received,
        applicantType: r.type,
        answeredOn: answered,
        outcome: answered ? r.outcome : '',
      });
    }),
  );
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10);
}

function reportFor(formatId: 'gov-2021' | 'gov-2019', year: number, cells: Record<string, number>) {
  return ReportDocSchema.parse({ formatId, year, unit: { name: '测试镇人民政府', kind: 'township' }, cells });
}

describe('table 三 from random registers', () => {
  for (const formatId of ['gov-2021', 'gov-2019'] as const) {
    const format = getFormat(formatId);
    it(`${formatId}: the computed table passes every table-三 rule, against last year's computed table too`, () => {
      fc.assert(
        fc.property(arbRegister(formatId), fc.integer({ min: 2024, max: 2026 }), (register, year) => {
          const now = computeTable3(register, year, format);
          const before = computeTable3(register, year - 1, format);
          assert.deepEqual(now.unplaced, []);
          const findings = evaluateTableRules(reportFor(formatId, year, now.cells), reportFor(formatId, year - 1, before.cells));
          const t3 = findings.filter((f) => f.rule.startsWith('t3.') || f.cells.some((c) => c.startsWith('t3.')));
          assert.deepEqual(t3, []);
        }),
        { numRuns: 200 },
      );
    });

    it(`${formatId}: a year's open applications are exactly next year's 上年结转, cell by cell`, () => {
      fc.assert(
        fc.property(arbRegister(formatId), fc.integer({ min: 2023, max: 2025 }), (register, year) => {
          const open = openAtYearEnd(register, year);
          const next = computeTable3(register, year + 1, format);
          const carried = applicantTypes(format).flatMap((t) => next.sources[cellKey('t3', 'carried_over', t.key)]!);
          assert.deepEqual([...carried].sort(), open.map((a) => a.id).sort());
          const thisYear = computeTable3(register, year, format);
          for (const t of applicantTypes(format)) {
            assert.deepEqual(next.sources[cellKey('t3', 'carried_over', t.key)], thisYear.sources[cellKey('t3', 'carried_forward', t.key)]);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('table 三 from a small register', () => {
  const format = getFormat('gov-2021');
  const apps = [
    { id: '2024-09', receivedOn: '2024-12-20', applicantType: 'natural_person', answeredOn: '2025-01-10', outcome: 'granted' },
    { id: '2024-10', receivedOn: '2024-12-28', applicantType: 'legal_service_org' },
    { id: '2024-01', receivedOn: '2024-03-01', applicantType: 'natural_person', answeredOn: '2024-03-20', outcome: 'granted' },
    { id: '2025-01', receivedOn: '2025-02-03', applicantType: 'natural_person', answeredOn: '2025-02-20', outcome: 'unable_not_held' },
    { id: '2025-02', receivedOn: '2025-05-06', applicantType: 'commercial_enterprise', answeredOn: '2025-05-30', outcome: 'partial_grant' },
    { id: '2025-03', receivedOn: '2025-12-22', applicantType: 'natural_person' },
    { id: '2025-04', receivedOn: '2025-12-29', applicantType: 'natural_person', answeredOn: '2026-01-21', outcome: 'other_overdue_correction' },
  ].map((a) => ApplicationSchema.parse(a));

  it('counts each application once on intake and once on result, and names it in both cells', () => {
    const t = computeTable3(apps, 2025, format);
    const c = (row: string, col: string) => t.cells[cellKey('t3', row, col)];
    assert.equal(c('new_received', 'natural_person'), 3);
    assert.equal(c('carried_over', 'natural_person'), 1);
    assert.equal(c('carried_over', 'legal_service_org'), 1);
    assert.equal(c('granted', 'natural_person'), 1);
    assert.equal(c('unable_not_held', 'natural_person'), 1);
    assert.equal(c('carried_forward', 'natural_person'), 2);
    assert.equal(c('carried_forward', 'legal_service_org'), 1);
    assert.equal(c('partial_grant', 'commercial_enterprise'), 1);
    assert.equal(t.counted, 6);
    assert.deepEqual(t.sources[cellKey('t3', 'carried_forward', 'natural_person')], ['2025-03', '2025-04']);
    assert.deepEqual(t.sources[cellKey('t3', 'granted', 'natural_person')], ['2024-09']);
    // Every input cell of table 三 is there (zeros included), and nothing else.
    assert.equal(Object.keys(t.cells).length, format.t3.rows.filter((r) => !r.derived).length * applicantTypes(format).length);
  });

  it('a 2019-format table refuses an outcome row the 2019 format does not have, in the year it is answered, with the reason', () => {
    assert.deepEqual(computeTable3(apps, 2025, getFormat('gov-2019')).unplaced, []);
    const t = computeTable3(apps, 2026, getFormat('gov-2019'));
    assert.deepEqual(
      t.unplaced.map((u) => u.id),
      ['2025-04'],
    );
    assert.match(t.unplaced[0]!.reason, /办理结果“other_overdue_correction”不是国办公开办函〔2019〕60号表三中的一行/);
  });

  it('an application answered before the year or received after it is not in the year', () => {
    assert.equal(placeInYear(apps[2]!, 2025), null);
    assert.equal(placeInYear(apps[6]!, 2024), null);
  });

  it('refuses an entry answered without an outcome, or answered before it arrived', () => {
    const r1 = parseApplication({ id: 'x', receivedOn: '2025-01-05', applicantType: 'natural_person', answeredOn: '2025-01-09' });
    assert.equal(r1.ok, false);
    assert.match((r1 as { message: string }).message, /同时填写答复日期和办理结果/);
    const r2 = parseApplication({ id: 'x', receivedOn: '2025-01-05', applicantType: 'natural_person', answeredOn: '2025-01-01', outcome: 'granted' });
    assert.match((r2 as { message: string }).message, /答复日期早于收到日期/);
    const r3 = parseApplication({ id: 'x', receivedOn: '2025-01-05', applicantType: '个体户' });
    assert.match((r3 as { message: string }).message, /申请人类型“个体户”/);
  });
});
