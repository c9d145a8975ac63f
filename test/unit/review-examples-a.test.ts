// Issue 19 part A: every wrong example kept next to a rule (shared/review/rule-examples-a.ts)
// produces that rule's finding in an otherwise clean report, and no right example does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../shared/check';
import type { ReportDoc } from '../../shared/report';
import { PART_A_EXAMPLES, type RuleExampleA } from '../../shared/review/rule-examples-a';
import { cleanReport, cleanSubdistrictReport } from '../fixtures/review-clean';

function docFor(example: string | RuleExampleA): ReportDoc {
  const e: RuleExampleA = typeof example === 'string' ? { text: example } : example;
  const doc = e.unit === 'subdistrict' ? cleanSubdistrictReport() : cleanReport();
  const section = e.section ?? 'overview';
  if (e.text !== undefined) doc.sections[section] = e.replace ? e.text : `${doc.sections[section] ?? ''}\n${e.text}`;
  for (const [k, v] of Object.entries(e.cells ?? {})) doc.cells[k] = v;
  return doc;
}

const show = (e: string | RuleExampleA) => (typeof e === 'string' ? e : JSON.stringify(e));

test('the clean bases have none of part A’s findings', () => {
  const rules = new Set<string>(PART_A_EXAMPLES.map((x) => x.rule));
  for (const doc of [cleanReport(), cleanSubdistrictReport()]) {
    assert.deepEqual(
      checkReport(doc).filter((f) => rules.has(f.rule)),
      [],
    );
  }
});

for (const examples of PART_A_EXAMPLES) {
  test(`${examples.rule}: each wrong example is flagged, no right example is`, () => {
    assert.ok(examples.wrong.length >= 1 && examples.right.length >= 1);
    for (const e of examples.wrong) {
      const f = checkReport(docFor(e)).filter((x) => x.rule === examples.rule);
      assert.ok(f.length >= 1, `should flag: ${show(e)}`);
      const info = typeof e !== 'string' && e.info;
      assert.equal(f[0]!.severity === 'info', Boolean(info), `${info ? 'a 提示' : 'a warning or an error'}: ${show(e)}`);
      if (info) assert.match(f[0]!.message, /请核对/, show(e));
    }
    for (const e of examples.right) {
      const f = checkReport(docFor(e)).filter((x) => x.rule === examples.rule);
      assert.deepEqual(
        f.map((x) => x.message),
        [],
        `should not flag: ${show(e)}`,
      );
    }
  });
}
