// Every registered rule has wrong and right examples (rule-examples-a, -b, -c or -d), and each of parts
// C and D's wrong examples produces its rule's finding in an otherwise clean report while no right example
// does (LanguageTool's discipline). County rules run over a batch: the example's report and the others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../shared/check';
import { analyseCounty } from '../../shared/county/index';
import type { Finding, ReportDoc } from '../../shared/report';
import { ReportDocSchema } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { PART_A_EXAMPLES } from '../../shared/review/rule-examples-a';
import { PART_B_EXAMPLES } from '../../shared/review/rule-examples-b';
import { PART_C_EXAMPLES, type RuleExampleC } from '../../shared/review/rule-examples-c';
import { PART_D_EXAMPLES } from '../../shared/review/rule-examples-d';
import { RULE_REGISTRY, severityOf, type RuleId } from '../../shared/rules/registry';
import { cleanReport, cleanSubdistrictReport } from '../fixtures/review-clean';

function clean2020(): ReportDoc {
  const parsed = parseReportFile(readFileSync(new URL('../fixtures/reports/2020-ansha.nianbao.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixtures/reports/2020-ansha.nianbao.json is not a report');
  return parsed.doc;
}

function docFor(example: string | RuleExampleC): ReportDoc {
  const e: RuleExampleC = typeof example === 'string' ? { text: example } : example;
  let doc = e.formatId === 'gov-2019' ? clean2020() : e.unit === 'subdistrict' ? cleanSubdistrictReport() : cleanReport();
  const section = e.section ?? 'overview';
  if (e.text !== undefined) doc.sections[section] = e.replace ? e.text : `${doc.sections[section] ?? ''}\n${e.text}`;
  if (e.swap) {
    const text = doc.sections[section] ?? '';
    assert.ok(text.includes(e.swap[0]), `the words to swap are in ${section}: ${e.swap[0]}`);
    doc.sections[section] = text.replace(e.swap[0], e.swap[1]);
  }
  if (e.set) doc = ReportDocSchema.parse({ ...doc, ...structuredClone(e.set) });
  for (const k of e.unset ?? []) delete doc.cells[k];
  for (const [k, v] of Object.entries(e.cells ?? {})) doc.cells[k] = v;
  return doc;
}

function previousFor(doc: ReportDoc, p: NonNullable<RuleExampleC['previous']>): ReportDoc {
  const prev = structuredClone(doc);
  prev.year = p.year ?? doc.year - 1;
  if (p.unitName) prev.unit = { ...prev.unit, name: p.unitName };
  Object.assign(prev.sections, p.sections ?? {});
  return prev;
}

/** The rule's findings for one example: on its own (with last year's report), or as the first of a county batch. */
function findingsOf(rule: RuleId, example: string | RuleExampleC): Finding[] {
  const e: RuleExampleC = typeof example === 'string' ? { text: example } : example;
  const doc = docFor(e);
  if (e.others) {
    const docs = [doc, ...e.others.map(docFor)];
    const review = analyseCounty(docs.map((d, i) => ({ id: `e${i + 1}`, fileName: `${i + 1}.nianbao.json`, source: 'nianbao-file', doc: d, problems: [] })));
    return review.rows.find((r) => r.entryId === 'e1')!.findings.filter((f) => f.rule === rule);
  }
  return checkReport(doc, e.previous ? previousFor(doc, e.previous) : undefined).filter((f) => f.rule === rule);
}

const show = (e: string | RuleExampleC) => (typeof e === 'string' ? e : JSON.stringify(e).slice(0, 300));

test('every registered rule has wrong and right examples', () => {
  const withExamples = new Set<string>([...PART_A_EXAMPLES, ...PART_B_EXAMPLES, ...PART_C_EXAMPLES, ...PART_D_EXAMPLES].map((x) => x.rule));
  assert.deepEqual(
    Object.keys(RULE_REGISTRY).filter((id) => !withExamples.has(id)),
    [],
  );
});

for (const examples of [...PART_C_EXAMPLES, ...PART_D_EXAMPLES]) {
  test(`${examples.rule}: each wrong example is flagged, no right example is`, () => {
    assert.ok(examples.wrong.length >= 1 && examples.right.length >= 1);
    for (const e of examples.wrong) {
      const f = findingsOf(examples.rule, e);
      assert.ok(f.length >= 1, `should flag: ${show(e)}`);
      const info = typeof e !== 'string' && Boolean(e.info);
      assert.equal(f[0]!.severity === 'info', info, `${info ? 'a 提示' : 'a warning or an error'}: ${show(e)}`);
      // A rule lowered to 提示 for an unsure reading says so.
      if (info && severityOf(examples.rule) !== 'info') assert.match(f[0]!.message, /请核对/, show(e));
    }
    for (const e of examples.right) {
      assert.deepEqual(
        findingsOf(examples.rule, e).map((x) => x.message),
        [],
        `should not flag: ${show(e)}`,
      );
    }
  });
}
