// Real published report openings (test/corpus/real, issue 19 and 21): what the importer and the checker did
// with them when FINDINGS.md was written must not get worse. A page the text importer read is still read, and
// every true mistake of a real report that FINDINGS.md records (class a in classes.json) is still reported by its
// rule, as a warning or an error, on its page. `npm run eval:real -- --diff` shows the whole change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { loadClasses, loadPages, REAL_DIR, runAll, type Snapshot } from '../corpus/real/eval';

const results = await runAll(loadPages());
const snapshot = JSON.parse(readFileSync(join(REAL_DIR, 'findings.snapshot.json'), 'utf8')) as Snapshot;

test('every real page the importer read when the snapshot was taken is still read', () => {
  const readThen = Object.entries(snapshot)
    .filter(([, lines]) => !lines.some((l) => l.startsWith('refused ')))
    .map(([id]) => id);
  assert.ok(readThen.length >= 50, `${readThen.length} pages read in the snapshot`);
  const refusedNow = results.filter((r) => r.refused && readThen.includes(r.page.id)).map((r) => `${r.page.id}: ${r.refused}`);
  assert.deepEqual(refusedNow, []);
});

test('every true mistake FINDINGS.md records on a real page is still reported by its rule', () => {
  const classes = loadClasses();
  const expected = Object.entries(classes).flatMap(([page, lines]) =>
    Object.entries(lines)
      .filter(([, cls]) => cls === 'a')
      .map(([line]) => `${page} ${line.split(' ')[1]}`),
  );
  assert.ok(expected.length >= 10, `${expected.length} true mistakes recorded`);
  const reported = new Set(results.flatMap((r) => r.findings.map((f) => `${r.page.id} ${f.rule}`)));
  assert.deepEqual(
    expected.filter((k) => !reported.has(k)),
    [],
  );
});

test('tables pasted one cell per line or as | rows broken over lines are read: the 规章 and 规范性文件 rows as printed', () => {
  // [规章 ×3, (行政)规范性文件 ×3] as each page's text prints them, in the columns of its format's block (一).
  const printed: Record<string, number[]> = {
    '001': [0, 0, 0, 0, 0, 0], // one cell per line
    '002': [0, 0, 0, 0, 0, 0], // “| ⏎ 规章  | ⏎ 0  |”
    '016': [0, 0, 0, 5, 5, 5], // one cell per line, headers broken (“本年新 ⏎ 制作数量”)
    '017': [0, 0, 0, 0, 0, 0], // “规章 | ⏎ 0 | ⏎ 0 | ⏎ 0 | |” with “|” lines between rows
    '060': [0, 0, 6, 0, 0, 0], // cells between lone pipes
    '068': [0, 0, 0, 0, 0, 0], // “规章 | ⏎ 0 |”
  };
  for (const [id, figures] of Object.entries(printed)) {
    const r = results.find((x) => x.page.id === id)!;
    assert.equal(r.refused, undefined, id);
    assert.deepEqual(r.t2Block1, figures, id);
  }
});
