// The wizard's spreadsheet and text logic, on the real format data: where arrow keys and a pasted
// block go, what a typed figure becomes, headings and problem/measure pairs in the narrative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatModel } from '../../shared/formats/index';
import { cachedGrid, navRows, parseTyped, planPaste } from '../../renderer/features/wizard/grid-logic';
import { countChars, feeStatement, outlineOf, problemPairs } from '../../renderer/features/wizard/text-logic';

const m2021 = formatModel('gov-2021');
const label = (k: string) => m2021.byKey.get(k)!.label;

test('table 三 in reading order: 25 rows of 7 value cells, totals marked derived, every cell once', () => {
  const rows = navRows(cachedGrid(m2021.format, 't3'));
  assert.equal(rows.length, m2021.format.t3.rows.length);
  assert.equal(rows.length, 25);
  for (const row of rows) {
    assert.equal(row.length, 7);
    // Same grid column for the same applicant type on every row, whatever labels are merged above.
    assert.deepEqual(
      row.map((c) => c.col),
      rows[0].map((c) => c.col),
    );
    assert.equal(row[6].derived, true);
  }
  const totalRow = rows[m2021.format.t3.rows.findIndex((r) => r.key === 'total_processed')];
  assert.ok(totalRow.every((c) => c.derived));
  const keys = rows.flat().map((c) => c.key);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(new Set(keys), new Set(m2021.cells.filter((c) => c.table === 't3').map((c) => c.key)));
});

test('a 25×6 block pasted at 本年新收 · 自然人 fills every input, keeps totals aside, lists refusals', () => {
  const rows = navRows(cachedGrid(m2021.format, 't3'));
  const lines = m2021.format.t3.rows.map((r, i) => [0, 1, 2, 3, 4, 5].map((j) => (r.key === 'granted' && j === 2 ? '1.5' : String(i + j))).join('\t'));
  const plan = planPaste(rows, 't3.new_received.natural_person', lines.join('\r\n') + '\r\n', label);
  // 24 input rows × 6 columns, less the refused 1.5 (a decimal in a count).
  assert.equal(Object.keys(plan.values).length, 24 * 6 - 1);
  assert.equal(plan.values['t3.carried_forward.other'], 24 + 5);
  assert.equal(plan.values['t3.granted.research_institution'], undefined);
  assert.equal(plan.statedTotals.length, 6);
  assert.ok(plan.statedTotals.every((t) => t.key.startsWith('t3.total_processed.')));
  assert.equal(plan.problems.length, 1);
  assert.match(plan.problems[0].text, /^三、本年度办理结果（一）予以公开 · 科研机构：“1\.5”未填入——/);
  assert.equal(plan.problems[0].cell, 't3.granted.research_institution');
});

test('a pasted block starting lower down: lines past the table and empty fields', () => {
  const rows = navRows(cachedGrid(m2021.format, 't3'));
  const plan = planPaste(rows, 't3.carried_forward.other', '4\t9\n7', label);
  assert.deepEqual(plan.values, { 't3.carried_forward.other': 4 });
  // 9 lands on the derived 总计 column; the second line is past the last row.
  assert.deepEqual(plan.statedTotals, [{ key: 't3.carried_forward.total', value: 9, raw: '9' }]);
  assert.equal(plan.problems.length, 1);
  assert.match(plan.problems[0].text, /第2行第1列的“7”在表格中没有对应的格子/);
  const cleared = planPaste(rows, 't3.granted.natural_person', '\t3', label);
  assert.deepEqual(cleared.values, { 't3.granted.natural_person': null, 't3.granted.commercial_enterprise': 3 });
});

test('table 二 keeps merged single-column blocks aligned for arrow keys and paste', () => {
  const rows = navRows(cachedGrid(m2021.format, 't2'));
  const licensing = rows.find((r) => r[0].key === 't2.licensing.decisions')!;
  assert.equal(licensing.length, 1);
  assert.equal(licensing[0].span, 3);
  assert.equal(licensing[0].col, rows[0][0].col);
  const plan = planPaste(rows, 't2.normative_documents.issued', '2\t1\t15\n12\t5', label);
  assert.deepEqual(plan.values, {
    't2.normative_documents.issued': 2,
    't2.normative_documents.repealed': 1,
    't2.normative_documents.in_force': 15,
    't2.licensing.decisions': 12,
  });
  assert.equal(plan.problems.length, 1);
});

test('typed figures: empty is "not filled in", refusals carry a Chinese message, a lone minus waits', () => {
  assert.deepEqual(parseTyped('', 'count'), { ok: true, value: null });
  assert.deepEqual(parseTyped(' 12 ', 'count'), { ok: true, value: 12 });
  assert.deepEqual(parseTyped('0.35', 'money'), { ok: true, value: 0.35 });
  assert.deepEqual(parseTyped('-3', 'signed_count'), { ok: true, value: -3 });
  for (const [raw, kind] of [
    ['abc', 'count'],
    ['-2', 'count'],
    ['1.5', 'count'],
  ] as const) {
    const r = parseTyped(raw, kind);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, /[\u4e00-\u9fff]/);
      assert.equal(r.partial, undefined);
    }
  }
  const minus = parseTyped('-', 'signed_count');
  assert.equal(minus.ok, false);
  assert.equal(!minus.ok && minus.partial, true);
  assert.equal(parseTyped('-', 'count').ok, false);
});

test('outline: headings by their numbering, with their positions; figures are not headings', () => {
  const text = '一、总体情况\n（一）主动公开\n全年公开信息120条。\n1.政策解读。共解读5篇\n（1）图解\n1.5万元用于平台建设。';
  const o = outlineOf(text);
  assert.deepEqual(
    o.map((x) => [x.level, x.text]),
    [
      [1, '一、总体情况'],
      [2, '（一）主动公开'],
      [3, '1.政策解读'],
      [4, '（1）图解'],
    ],
  );
  assert.equal(text.slice(o[1].start, o[1].end), '（一）主动公开');
  assert.deepEqual(countChars('一二 三\n\n四'), { chars: 4, paragraphs: 2 });
});

test('problems paired with measures; the fee statement as reports word it', () => {
  assert.deepEqual(problemPairs('1.问题：栏目更新慢\n改进措施：专人负责。'), { count: 1, missing: [] });
  assert.deepEqual(problemPairs('1.问题：栏目更新慢\n改进措施：\n2.问题：\n其他'), {
    count: 2,
    missing: ['第1个问题的改进措施还没有写', '第2个问题还没有写内容', '第2个问题下一段应是它的“改进措施：”'],
  });
  assert.equal(feeStatement(null), '本年度未收取信息处理费。');
  assert.equal(feeStatement({ amountYuan: 50, requests: 2 }), '本年度共收取信息处理费50元，涉及2件申请。');
});
