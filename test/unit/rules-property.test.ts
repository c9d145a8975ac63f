// Property: a report whose totals are derived (or stated equal to the derived ones) and whose
// 四、结转下年度 follows from the balance never trips an arithmetic rule, in either format; and a
// 四 off by any amount always trips the 勾稽 rule, naming the figure 四 should have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cellKey, deriveTotals, formatModel, getFormat } from '../../shared/formats/index';
import { ReportDocSchema, type ReportDoc } from '../../shared/report';
import { evaluateTableRules } from '../../shared/rules/index';

const ARITHMETIC = new Set(['t3.balance', 'total.stated', 't3.no_requests_zero', 'cell.kind', 'cell.unknown']);

const arbReport = (formatId: 'gov-2021' | 'gov-2019') => {
  const format = getFormat(formatId);
  const model = formatModel(format);
  const applicant = format.t3.columns.filter((c) => !c.derived).map((c) => c.key);
  const outcomes = format.t3.rows.filter((r) => r.outcome).map((r) => r.key);
  const otherInputs = model.inputs.filter((c) => c.table !== 't3');
  const count = fc.nat({ max: 60 });
  const column = fc.record({
    outcomes: fc.array(fc.oneof(fc.constant(0), fc.constant(0), count), { minLength: outcomes.length, maxLength: outcomes.length }),
    carriedForward: count,
    carriedOverShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  return fc
    .record({
      columns: fc.array(column, { minLength: applicant.length, maxLength: applicant.length }),
      others: fc.array(fc.nat({ max: 500 }), { minLength: otherInputs.length, maxLength: otherInputs.length }),
      money: fc.integer({ min: 0, max: 999_9999 }),
      stateTotals: fc.boolean(),
      year: fc.integer({ min: format.years.from, max: format.years.to ?? 2030 }),
    })
    .map(({ columns, others, money, stateTotals, year }) => {
      const cells: Record<string, number> = {};
      otherInputs.forEach((c, i) => {
        // Money cells get up to 4 decimals (万元); 本年增/减 may go negative.
        cells[c.key] = c.kind === 'money' ? money / 10000 : c.kind === 'signed_count' ? others[i] - 250 : others[i];
      });
      // A township has no 规章: keep that row 0 so only arithmetic is under test.
      for (const c of model.inputs) if (c.table === 't2' && c.row === 'regulations') cells[c.key] = 0;
      applicant.forEach((col, i) => {
        const { outcomes: values, carriedForward, carriedOverShare } = columns[i];
        outcomes.forEach((row, j) => (cells[cellKey('t3', row, col)] = values[j]));
        const processed = values.reduce((a, b) => a + b, 0);
        const available = processed + carriedForward;
        const carriedOver = Math.floor(available * carriedOverShare);
        cells[cellKey('t3', 'carried_over', col)] = carriedOver;
        cells[cellKey('t3', 'new_received', col)] = available - carriedOver;
        // 四 set from the balance: 一 + 二 − 三（七）.
        cells[cellKey('t3', 'carried_forward', col)] = cells[cellKey('t3', 'new_received', col)] + carriedOver - processed;
      });
      if (stateTotals) Object.assign(cells, deriveTotals(format, cells));
      return ReportDocSchema.parse({ formatId, year, unit: { name: '测试镇人民政府', kind: 'township' }, cells });
    });
};

function arithmeticFindings(doc: ReportDoc) {
  return evaluateTableRules(doc).filter((f) => ARITHMETIC.has(f.rule));
}

describe('arithmetic rules over generated reports', () => {
  for (const formatId of ['gov-2021', 'gov-2019'] as const) {
    it(`${formatId}: a balanced report with derived totals has no arithmetic finding`, () => {
      fc.assert(
        fc.property(arbReport(formatId), (doc) => {
          assert.deepEqual(arithmeticFindings(doc), []);
        }),
        { numRuns: 300 },
      );
    });

    it(`${formatId}: a 四 off by any amount trips the balance rule, anchored on 四, its --json figure the 四 that balances`, () => {
      const format = getFormat(formatId);
      const applicant = format.t3.columns.filter((c) => !c.derived).map((c) => c.key);
      fc.assert(
        fc.property(arbReport(formatId), fc.nat({ max: applicant.length - 1 }), fc.integer({ min: 1, max: 40 }), (doc, colIndex, delta) => {
          const key = cellKey('t3', 'carried_forward', applicant[colIndex]);
          const right = doc.cells[key];
          const cells = { ...doc.cells, [key]: right + delta };
          // A stated 总计 would now disagree too; drop the stated totals to isolate the balance rule.
          for (const d of formatModel(format).derived) delete cells[d.key];
          const balance = evaluateTableRules({ ...doc, cells }).filter((f) => f.rule === 't3.balance');
          assert.equal(balance.length, 1);
          assert.equal(balance[0].id, `t3.balance:${key}`);
          assert.equal(balance[0].cells.at(-1), key);
          assert.equal(balance[0].expected, right);
          assert.equal(balance[0].actual, right + delta);
        }),
        { numRuns: 200 },
      );
    });
  }
});
