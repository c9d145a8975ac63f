// The planted-mistakes table (test/corpus/mistakes/phrasings.json) stays well formed: the shipped file passes the
// checker, and the checker rejects the faults it exists to catch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkPhrasings, CLASSES, MINIMUM, PHRASINGS_FILE } from '../corpus/tools/check-phrasings';

const table = (): Record<string, unknown>[] => JSON.parse(readFileSync(PHRASINGS_FILE, 'utf8'));
const find = (rows: Record<string, unknown>[], cls: string, op?: string) => rows.find((e) => e.class === cls && (op === undefined || e.op === op))!;

describe('planted-mistakes phrasings', () => {
  it('the shipped table passes, with every class at its minimum', () => {
    const rows = table();
    assert.deepEqual(checkPhrasings(rows), []);
    for (const cls of CLASSES) assert.ok(rows.filter((e) => e.class === cls).length >= MINIMUM[cls], cls);
  });

  it('rejects a duplicate id', () => {
    const rows = table();
    rows[1]!.id = rows[0]!.id;
    assert.ok(checkPhrasings(rows).some((p) => p.includes('id 重复')));
  });

  it('rejects a text-table figure that could equal the table (no offset)', () => {
    const rows = table();
    const e = find(rows, 'text_table', 'append');
    e.text = '本年度新收政府信息公开申请{v:t3.new_received.total}件。';
    assert.ok(checkPhrasings(rows).some((p) => p.includes('没有非零偏移')));
  });

  it('rejects unknown cells, bad placeholders and non-input cells in set_cells', () => {
    const rows = table();
    find(rows, 'sum').text = '全年公开信息{v:t3.no_such_row.total+1}条{yaer}。';
    find(rows, 't2_plausibility').cells = { 't3.total_processed.total': '1' };
    const problems = checkPhrasings(rows);
    assert.ok(problems.some((p) => p.includes('t3.no_such_row.total')));
    assert.ok(problems.some((p) => p.includes('{yaer}')));
    assert.ok(problems.some((p) => p.includes('不是') && p.includes('输入单元格')));
  });

  it('rejects a typo that is not one character away from its term', () => {
    const rows = table();
    const e = find(rows, 'typo', 'replace');
    e.with = e.typo = '依申情公幵';
    e.find = e.term = '依申请公开';
    assert.ok(checkPhrasings(rows).some((p) => p.includes('恰好相差一个字')));
  });
});
