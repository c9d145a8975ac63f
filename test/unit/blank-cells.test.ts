// Blank table cells (issue 21 item 4): the input cells with no figure, apart from the cells the
// import could not read (未读入), grouped by table and row with the official labels for the
// question before a final export, and named (the first five) for the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatModel, getFormat } from '../../shared/formats/index';
import { blankCellNames, blankCells, blankRows } from '../../shared/print/blank-cells';
import { fullReport } from '../fixtures/full-report';

test('blank cells are the empty input cells, in print order, without totals or cells not read', () => {
  const doc = fullReport();
  const inputs = formatModel('gov-2021').inputs;
  const blank = blankCells(doc);
  assert.deepEqual(
    blank.map((c) => c.key),
    inputs.filter((c) => doc.cells[c.key] === undefined).map((c) => c.key),
  );
  assert.ok(blank.length > 0 && blank.every((c) => !c.derived));
  // A 0 is a figure; a cell not read is 未读入, not blank.
  const [first, second] = blank;
  const marked = { ...doc, cells: { ...doc.cells, [first.key]: 0 }, unreadCells: [second.key] };
  assert.deepEqual(
    blankCells(marked).map((c) => c.key),
    blank.slice(2).map((c) => c.key),
  );
  // Every cell filled, or a report without the official tables: nothing blank.
  assert.deepEqual(blankCells({ ...doc, cells: Object.fromEntries(inputs.map((c) => [c.key, 0])) }), []);
  assert.deepEqual(blankCells({ ...doc, formatId: 'legacy' }), []);
});

test('grouped by table and row with the official row and column labels', () => {
  const format = getFormat('gov-2021');
  const t3 = format.t3;
  const row = t3.rows.find((r) => r.key === 'granted')!;
  const doc = fullReport();
  const cells: Record<string, number> = Object.fromEntries(formatModel('gov-2021').inputs.map((c) => [c.key, 1]));
  delete cells['t3.granted.natural_person'];
  delete cells['t3.granted.other'];
  delete cells['t4.review.maintain'];
  const blank = blankCells({ ...doc, cells });
  const rows = blankRows(blank);
  assert.equal(rows.length, 2);
  assert.deepEqual(
    [rows[0].tableName, rows[0].row, rows[0].columns],
    ['表三', row.path.join(''), ['natural_person', 'other'].map((k) => t3.columns.find((c) => c.key === k)!.label)],
  );
  const group = format.t4.groups.find((g) => g.key === 'review')!;
  assert.deepEqual(
    [rows[1].tableName, rows[1].row, rows[1].columns],
    ['表四', group.path.join(''), [format.t4.columns.find((c) => c.key === 'maintain')!.label]],
  );
  assert.equal(blankCellNames(blank, 2), `表三“${row.path.join('')} · ${rows[0].columns[0]}”、表三“${row.path.join('')} · ${rows[0].columns[1]}”`);
});
