import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellValueProblem, decimalPlaces, formatCellValue, parseCellInput } from '../../shared/number';

function value(raw: string, kind: Parameters<typeof parseCellInput>[1]) {
  const r = parseCellInput(raw, kind);
  assert.ok(r.ok, `expected ‘${raw}’ to be accepted as ${kind}, got: ${r.ok ? '' : r.message}`);
  return r.value;
}

function rejected(raw: string, kind: Parameters<typeof parseCellInput>[1]) {
  const r = parseCellInput(raw, kind);
  assert.ok(!r.ok, `expected ‘${raw}’ to be rejected as ${kind}, got ${r.ok ? r.value : ''}`);
  return r;
}

describe('parseCellInput: what a clerk may type', () => {
  it('reads plain, full-width and spaced figures', () => {
    assert.equal(value('3', 'count'), 3);
    assert.equal(value('０', 'count'), 0);
    assert.equal(value('１２', 'count'), 12);
    assert.equal(value(' 7 ', 'count'), 7);
    assert.equal(value('1 234', 'count'), 1234);
    assert.equal(value('\u3000５\u3000', 'count'), 5);
    assert.equal(value('007', 'count'), 7);
  });

  it('reads thousands separators, ASCII and full-width, only where they group three digits', () => {
    assert.equal(value('1,234', 'count'), 1234);
    assert.equal(value('12，345', 'count'), 12345);
    assert.equal(value('1,234,567', 'count'), 1234567);
    assert.equal(value('1,234.5', 'money'), 1234.5);
    const r = rejected('1,2', 'money');
    assert.match(r.message, /逗号位置不对/);
    rejected('12,34', 'count');
  });

  it('accepts a trailing unit of the cell’s own kind', () => {
    assert.equal(value('3件', 'count'), 3);
    assert.equal(value('3 条', 'count'), 3);
    assert.equal(value('4个', 'count'), 4);
    assert.equal(value('5项', 'signed_count'), 5);
    assert.equal(value('0.35万元', 'money'), 0.35);
    assert.equal(value('０．３５ 万元', 'money'), 0.35);
  });

  it('rejects the wrong unit with a message saying which unit the cell wants', () => {
    const yuan = rejected('3500元', 'money');
    assert.match(yuan.message, /万元/);
    assert.match(yuan.message, /0\.35/);
    const moneyInCount = rejected('3万元', 'count');
    assert.match(moneyInCount.message, /件数/);
  });

  it('rejects what is not a number, never turning it into 0', () => {
    const r = rejected('3a', 'count');
    assert.equal(r.message, '‘3a’不是数字，请填写不小于0的整数');
    for (const bad of ['abc', '无', '--3', '3-', '1.2.3', '一', 'NaN', 'Infinity', '0x10', '1e3', '3/4']) {
      const x = rejected(bad, 'count');
      assert.ok(!('value' in x));
    }
  });

  it('marks a blank entry as empty, not as 0', () => {
    for (const blank of ['', '   ', '\u3000']) {
      const r = rejected(blank, 'count');
      assert.equal(r.empty, true);
      assert.match(r.message, /填 0/);
    }
  });

  it('count: a whole number not below 0', () => {
    assert.match(rejected('-2', 'count').message, /负数.*不小于0的整数/);
    assert.match(rejected('－２', 'count').message, /负数/);
    assert.match(rejected('2.5', 'count').message, /不是整数/);
    assert.equal(value('+4', 'count'), 4);
    assert.equal(value('3.0', 'count'), 3);
  });

  it('signed_count: a whole number that may be negative (2019’s 本年增/减)', () => {
    assert.equal(value('-8', 'signed_count'), -8);
    assert.equal(value('−8', 'signed_count'), -8);
    assert.equal(value('－８项', 'signed_count'), -8);
    assert.equal(value('151', 'signed_count'), 151);
    assert.match(rejected('1.5', 'signed_count').message, /不是整数.*负数/);
  });

  it('money: a decimal not below 0 with at most 4 places', () => {
    assert.equal(value('0.0035', 'money'), 0.0035);
    assert.equal(value('12.5', 'money'), 12.5);
    assert.equal(value('.5', 'money'), 0.5);
    assert.match(rejected('0.00351', 'money').message, /小数超过4位/);
    assert.match(rejected('-0.1', 'money').message, /负数/);
  });

  it('never returns -0', () => {
    assert.ok(Object.is(value('-0', 'signed_count'), 0));
  });
});

describe('cellValueProblem: values already held as numbers', () => {
  it('accepts fitting values and names the problem otherwise', () => {
    assert.equal(cellValueProblem(0, 'count'), null);
    assert.equal(cellValueProblem(-3, 'signed_count'), null);
    assert.equal(cellValueProblem(0.1234, 'money'), null);
    assert.match(cellValueProblem(-1, 'count') ?? '', /负数/);
    assert.match(cellValueProblem(1.5, 'count') ?? '', /不是整数/);
    assert.match(cellValueProblem(0.12345, 'money') ?? '', /小数超过4位/);
    assert.match(cellValueProblem(Number.NaN, 'count') ?? '', /不是有效的数字/);
    assert.match(cellValueProblem(Number.POSITIVE_INFINITY, 'money') ?? '', /不是有效的数字/);
  });

  it('counts decimal places, exponent notation included', () => {
    assert.equal(decimalPlaces(3), 0);
    assert.equal(decimalPlaces(0.35), 2);
    assert.equal(decimalPlaces(1e-7), 7);
    assert.equal(decimalPlaces(1.5e-5), 6);
  });
});

describe('formatCellValue: numbers written back for the clerk', () => {
  it('writes blanks as empty, integers plain and money without trailing zeros', () => {
    assert.equal(formatCellValue(undefined, 'count'), '');
    assert.equal(formatCellValue(0, 'count'), '0');
    assert.equal(formatCellValue(1234, 'count'), '1234');
    assert.equal(formatCellValue(1234, 'count', { grouping: true }), '1,234');
    assert.equal(formatCellValue(0.35, 'money'), '0.35');
    assert.equal(formatCellValue(0.1 + 0.2, 'money'), '0.3');
    assert.equal(formatCellValue(12345.5, 'money', { grouping: true }), '12,345.5');
    assert.equal(formatCellValue(-8, 'signed_count'), '-8');
  });

  it('round-trips through parseCellInput', () => {
    for (const [v, kind] of [
      [0, 'count'],
      [987654, 'count'],
      [-12, 'signed_count'],
      [0.0001, 'money'],
      [1234.5678, 'money'],
    ] as const) {
      assert.equal(value(formatCellValue(v, kind), kind), v);
      assert.equal(value(formatCellValue(v, kind, { grouping: true }), kind), v);
    }
  });
});
