// Issue 19 part B: every wrong example kept next to a rule produces that rule's finding in an
// otherwise clean report, and no right example does (LanguageTool's discipline).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../shared/check';
import type { ReportDoc } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import type { RuleExample, RuleExamples } from '../../shared/review/rule-examples';
import { PART_B_EXAMPLES } from '../../shared/review/rule-examples-b';
import { cleanReport, cleanSubdistrictReport } from '../fixtures/review-clean';

function clean2020(): ReportDoc {
  const parsed = parseReportFile(readFileSync(new URL('../fixtures/reports/2020-ansha.nianbao.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixtures/reports/2020-ansha.nianbao.json is not a report');
  return parsed.doc;
}

function docFor(example: string | RuleExample): ReportDoc {
  const e: RuleExample = typeof example === 'string' ? { text: example } : example;
  const doc = e.formatId === 'gov-2019' ? clean2020() : e.unit === 'subdistrict' ? cleanSubdistrictReport() : cleanReport();
  const section = e.section ?? 'overview';
  if (e.text !== undefined) doc.sections[section] = e.replace ? e.text : `${doc.sections[section] ?? ''}\n${e.text}`;
  for (const [k, v] of Object.entries(e.cells ?? {})) doc.cells[k] = v;
  return doc;
}

const show = (e: string | RuleExample) => (typeof e === 'string' ? e : JSON.stringify(e));

test('the clean bases have no warning or error of part B’s rules', () => {
  const rules = new Set<string>(PART_B_EXAMPLES.map((x) => x.rule));
  for (const doc of [cleanReport(), cleanSubdistrictReport(), clean2020()]) {
    assert.deepEqual(
      checkReport(doc).filter((f) => rules.has(f.rule) && f.severity !== 'info'),
      [],
    );
  }
});

for (const examples of PART_B_EXAMPLES as readonly RuleExamples[]) {
  test(`${examples.rule}: each wrong example is flagged, no right example is`, () => {
    assert.ok(examples.wrong.length >= 2 && examples.right.length >= 2);
    for (const e of examples.wrong) {
      const f = checkReport(docFor(e)).filter((x) => x.rule === examples.rule);
      assert.ok(f.length >= 1, `should flag: ${show(e)}`);
      assert.notEqual(f[0]!.severity, 'info', `a warning: ${show(e)}`);
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
