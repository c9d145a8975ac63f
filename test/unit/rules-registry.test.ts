// One registry for every rule id and its severity (issue 14): the table rules and the document review
// both read it, and every finding carries its rule's registered severity.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../shared/check';
import type { Finding, ReportDoc } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { REVIEW_RULES } from '../../shared/review/index';
import { RULE_CATALOGUES } from '../../shared/rules/index';
import { RULE_REGISTRY, severityAllowed, severityOf } from '../../shared/rules/registry';
import { cleanReport, cleanSubdistrictReport, cleanWith } from '../fixtures/review-clean';
import { ownStreetReport, ownTownshipReport } from '../fixtures/review-clean-own';
import { SEEDS, seedAsPublished, seedCopiedInto2025 } from '../fixtures/review-seeds';

const registry = RULE_REGISTRY as Record<string, { severity: string; alsoAs?: readonly string[] }>;

test('the table catalogues take id, severity and title from the registry', () => {
  for (const rules of Object.values(RULE_CATALOGUES)) {
    for (const r of rules) {
      assert.ok(registry[r.id], `${r.id} is registered`);
      assert.equal(r.severity, registry[r.id]!.severity, r.id);
    }
  }
});

test('the review’s rule list is the review part of the registry', () => {
  const reviewIds = Object.keys(RULE_REGISTRY).filter((id) => id.startsWith('review.'));
  assert.deepEqual(Object.keys(REVIEW_RULES).sort(), reviewIds.sort());
});

test('every finding of many reports carries a registered rule id and its registered severity', () => {
  const fixtures = new URL('../fixtures/reports/', import.meta.url);
  const docs: ReportDoc[] = [cleanReport(), cleanSubdistrictReport(), ownTownshipReport(), ownStreetReport()];
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.nianbao.json'))) {
    const r = parseReportFile(readFileSync(new URL(name, fixtures), 'utf8'));
    if (r.ok) docs.push(r.doc);
  }
  for (const name of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) docs.push(seedAsPublished(name), seedCopiedInto2025(name));
  // A report with many mistakes at once, so that many rules fire.
  docs.push(
    cleanWith((d) => {
      d.title = '永安市小陶镇人民政府2024年政务信息公开工作报告';
      d.cells['t2.fees.amount'] = 0.123456;
      d.cells['t2.regulations.issued'] = 1;
      d.cells['t3.carried_forward.natural_person'] = 3;
      d.date = '2025-12-01';
      d.sections.overview = `${d.sections.overview}\n全市共收到申请5件，其中自然人3件、法人3件。于2025年2月30日召开会议。结转2025年办理的申请1件。工作工作。收到的申请均已办结。联系电话：0598-37002。`;
    }),
    { ...cleanReport(), cells: {} },
  );
  const seen = new Set<string>();
  let count = 0;
  for (const doc of docs) {
    for (const f of checkReport(doc) as Finding[]) {
      count++;
      seen.add(f.rule);
      assert.ok(registry[f.rule], `rule ${f.rule} is registered`);
      assert.ok(severityAllowed(f.rule, f.severity), `${f.rule} as ${f.severity}`);
      if (!registry[f.rule]!.alsoAs) assert.equal(f.severity, severityOf(f.rule as keyof typeof RULE_REGISTRY), f.rule);
    }
  }
  assert.ok(count > 100 && seen.size > 25, `${count} findings of ${seen.size} rules`);
});

test('the clean reports written for the facts-layer checks (a 乡 and a 街道) raise no error and no warning', () => {
  for (const doc of [ownTownshipReport(), ownStreetReport()]) {
    const noisy = checkReport(doc).filter((f) => f.severity !== 'info');
    assert.deepEqual(noisy, [], doc.unit.name);
  }
  // …and the checks do read them: one figure changed is caught.
  const changed = ownTownshipReport();
  changed.sections.overview = changed.sections.overview!.replace('予以公开3件', '予以公开4件');
  assert.ok(checkReport(changed).some((f) => f.rule === 'review.narrative_figure'));
  const street = ownStreetReport();
  street.sections.overview = street.sections.overview!.replace('2024年1月1日起至2024年12月31日止', '2024年1月1日起至2024年11月31日止');
  assert.ok(checkReport(street).some((f) => f.rule === 'review.bad_date'));
});
