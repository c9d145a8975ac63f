// Every table rule, each with a report that trips it and one that does not. The base report is the
// clean 2025 township fixture; each case changes only what the rule is about.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { canAcknowledge, checkReport, countFindings, findingSection, groupFindingsBySection, isAcknowledged } from '../../shared/check';
import type { Finding, ReportDoc } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { evaluateTableRules, RULE_CATALOGUES, rulesFor } from '../../shared/rules/index';

function fixture(name: string): ReportDoc {
  const r = parseReportFile(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.doc;
}

const CLEAN = fixture('2025-clean.nianbao.json');

function withCells(doc: ReportDoc, change: Record<string, number | undefined>, extra: Partial<ReportDoc> = {}): ReportDoc {
  const cells = { ...doc.cells };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete cells[k];
    else cells[k] = v;
  }
  return { ...structuredClone(doc), ...extra, cells };
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** A 2024 report of the same unit that the clean 2025 report follows from. */
function previousOfClean(change: Record<string, number> = {}): ReportDoc {
  return withCells(CLEAN, { 't3.carried_forward.natural_person': 1, 't2.normative_documents.in_force': 8, ...change }, { year: 2024 });
}

const tested = new Set<string>();
function rule(id: string, fn: () => void) {
  tested.add(id);
  it(id, fn);
}

describe('the clean fixture', () => {
  it('has no table findings, alone and with its previous year', () => {
    // The fixture's township reports 2 行政规范性文件 issued and says so in its text: nothing to confirm.
    const ids = (fs: Finding[]) => fs.map((f) => f.id);
    assert.deepEqual(ids(evaluateTableRules(CLEAN)), []);
    assert.deepEqual(ids(evaluateTableRules(CLEAN, previousOfClean())), []);
  });
});

describe('table rules: a failing and a passing case for each', () => {
  rule('cell.kind', () => {
    for (const [key, v, pattern] of [
      ['t3.granted.natural_person', -1, /负数/],
      ['t3.granted.natural_person', 1.5, /不是整数/],
      ['t4.review.maintain', Number.NaN, /不是有效的数字/],
    ] as const) {
      const fs = only(evaluateTableRules(withCells(CLEAN, { [key]: v })), 'cell.kind');
      assert.equal(fs.length, 1, `${key}=${v}`);
      assert.equal(fs[0].severity, 'error');
      assert.deepEqual(fs[0].cells, [key]);
      assert.match(fs[0].message, pattern);
      assert.equal(fs[0].id, `cell.kind:${key}`);
    }
    // 本年增/减 may be negative in the 2019 format; 0.1234 万元 is fine.
    const ansha = fixture('2020-ansha.nianbao.json');
    assert.deepEqual(only(evaluateTableRules(withCells(ansha, { 't2.licensing.change': -8 })), 'cell.kind'), []);
    assert.deepEqual(only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': 0.1234 })), 'cell.kind'), []);
    // More than 4 decimals is W19, a warning of its own, not cell.kind.
    assert.deepEqual(only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': 0.12345 })), 'cell.kind'), []);
    // A negative amount still is.
    assert.equal(only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': -0.5 })), 'cell.kind').length, 1);
  });

  rule('cell.money_decimals', () => {
    const fs = only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': 0.12345 })), 'cell.money_decimals');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.deepEqual(fs[0].cells, ['t2.fees.amount']);
    assert.match(fs[0].message, /小数超过4位/);
    assert.equal(fs[0].expected, 0.1235);
    for (const ok of [0.1234, 0.35, 2, 0])
      assert.deepEqual(only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': ok })), 'cell.money_decimals'), [], String(ok));
    // The 2019 采购总金额 (money in 元) too.
    const ansha = withCells(fixture('2020-ansha.nianbao.json'), { 't2.procurement.amount': 8040.123456 });
    assert.equal(only(evaluateTableRules(ansha), 'cell.money_decimals').length, 1);
  });

  rule('tables.empty', () => {
    const empty = { ...structuredClone(CLEAN), cells: {} };
    const fs = only(evaluateTableRules(empty), 'tables.empty');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /三张统计表都没有填写/);
    // One filled cell anywhere, even a 0, and the tables are not empty (blanks are cells.unfilled).
    assert.deepEqual(only(evaluateTableRules({ ...structuredClone(CLEAN), cells: { 't4.review.maintain': 0 } }), 'tables.empty'), []);
    assert.deepEqual(only(evaluateTableRules(CLEAN), 'tables.empty'), []);
    const ansha = fixture('2020-ansha.nianbao.json');
    assert.equal(only(evaluateTableRules({ ...ansha, cells: {} }), 'tables.empty').length, 1);
  });

  rule('t2.township_normative', () => {
    // The clean fixture states “制发行政规范性文件2件” in its text; without that sentence the table's 2 is questioned.
    const unstated = withCells(CLEAN, {}, { sections: { ...CLEAN.sections, overview: CLEAN.sections.overview!.replace('制发行政规范性文件2件、', '') } });
    assert.notEqual(unstated.sections.overview, CLEAN.sections.overview);
    const fs = only(evaluateTableRules(unstated), 't2.township_normative');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'info');
    assert.deepEqual(fs[0].cells, ['t2.normative_documents.issued']);
    assert.match(fs[0].message, /请核对.*没有制发行政规范性文件的权限/);
    assert.deepEqual(only(evaluateTableRules(CLEAN), 't2.township_normative'), []);
    // A text that states another figure does not vouch for the table's.
    assert.equal(only(evaluateTableRules(withCells(CLEAN, { 't2.normative_documents.issued': 3 })), 't2.township_normative').length, 1);
    assert.deepEqual(only(evaluateTableRules(withCells(unstated, { 't2.normative_documents.issued': 0 })), 't2.township_normative'), []);
    const street = withCells(unstated, {}, { unit: { ...CLEAN.unit, kind: 'subdistrict' } });
    assert.equal(only(evaluateTableRules(street), 't2.township_normative').length, 1);
    const department = withCells(unstated, {}, { unit: { ...CLEAN.unit, kind: 'county_department' } });
    assert.deepEqual(only(evaluateTableRules(department), 't2.township_normative'), []);
    // 2019 format: the 规范性文件 row's 本年新制作数量.
    const ansha = fixture('2020-ansha.nianbao.json');
    assert.equal(
      only(evaluateTableRules(withCells(ansha, { 't2.normative_documents.new_made': 3, 't2.normative_documents.new_published': 3 })), 't2.township_normative')
        .length,
      1,
    );
    assert.deepEqual(
      only(evaluateTableRules(withCells(ansha, { 't2.normative_documents.new_made': 0, 't2.normative_documents.new_published': 0 })), 't2.township_normative'),
      [],
    );
  });

  rule('t2.published_le_made', () => {
    const ansha = fixture('2020-ansha.nianbao.json');
    const more = only(
      evaluateTableRules(
        withCells(ansha, { 't2.normative_documents.new_made': 2, 't2.normative_documents.new_published': 3, 't2.normative_documents.total_published': 10 }),
      ),
      't2.published_le_made',
    );
    assert.equal(more.length, 1);
    assert.equal(more[0].severity, 'warning');
    assert.match(more[0].message, /本年新公开 3 件，比本年新制作的 2 件还多/);
    const fewer = only(
      evaluateTableRules(
        withCells(ansha, { 't2.normative_documents.new_made': 3, 't2.normative_documents.new_published': 3, 't2.normative_documents.total_published': 1 }),
      ),
      't2.published_le_made',
    );
    assert.equal(fewer.length, 1);
    assert.match(fewer[0].message, /对外公开总数量 1 件，少于本年新公开的 3 件/);
    assert.deepEqual(
      only(
        evaluateTableRules(
          withCells(ansha, { 't2.normative_documents.new_made': 3, 't2.normative_documents.new_published': 2, 't2.normative_documents.total_published': 15 }),
        ),
        't2.published_le_made',
      ),
      [],
    );
    assert.deepEqual(only(evaluateTableRules(ansha), 't2.published_le_made'), []);
  });

  rule('t2.decisions_without_items', () => {
    const ansha = fixture('2020-ansha.nianbao.json');
    const none = only(
      evaluateTableRules(withCells(ansha, { 't2.penalty.prev_year_items': 0, 't2.penalty.change': 0, 't2.penalty.decisions': 4 })),
      't2.decisions_without_items',
    );
    assert.equal(none.length, 1);
    assert.equal(none[0].severity, 'warning');
    assert.match(none[0].message, /处理决定 4 件/);
    const removed = only(
      evaluateTableRules(withCells(ansha, { 't2.licensing.prev_year_items': 8, 't2.licensing.change': -8, 't2.licensing.decisions': 2 })),
      't2.decisions_without_items',
    );
    assert.equal(removed.length, 1);
    assert.deepEqual(
      only(
        evaluateTableRules(withCells(ansha, { 't2.penalty.prev_year_items': 3, 't2.penalty.change': -1, 't2.penalty.decisions': 4 })),
        't2.decisions_without_items',
      ),
      [],
    );
    assert.deepEqual(only(evaluateTableRules(ansha), 't2.decisions_without_items'), []);
  });

  // Issue 19 part B: 表二 plausibility in both formats.
  rule('t2.plausibility', () => {
    const issued = only(
      evaluateTableRules(withCells(CLEAN, { 't2.normative_documents.issued': 3, 't2.normative_documents.repealed': 0, 't2.normative_documents.in_force': 1 })),
      't2.plausibility',
    );
    assert.equal(issued.length, 1);
    assert.equal(issued[0].severity, 'warning');
    assert.match(issued[0].message, /本年制发件数 3，多于现行有效件数 1 与本年废止件数 0 之和 1/);
    assert.deepEqual(
      only(
        evaluateTableRules(
          withCells(CLEAN, { 't2.normative_documents.issued': 3, 't2.normative_documents.repealed': 1, 't2.normative_documents.in_force': 2 }),
        ),
        't2.plausibility',
      ),
      [],
    );
    const ansha = fixture('2020-ansha.nianbao.json');
    const negative = only(evaluateTableRules(withCells(ansha, { 't2.fees.prev_year_items': 1, 't2.fees.change': -4 })), 't2.plausibility');
    assert.equal(negative.length, 1);
    assert.match(negative[0].message, /本年只剩 -3 项/);
    assert.deepEqual(only(evaluateTableRules(withCells(ansha, { 't2.fees.prev_year_items': 4, 't2.fees.change': -4 })), 't2.plausibility'), []);
    assert.deepEqual(only(evaluateTableRules(ansha), 't2.plausibility'), []);
  });

  rule('t2.procurement_amount', () => {
    const ansha = fixture('2020-ansha.nianbao.json');
    const fs = only(evaluateTableRules(withCells(ansha, { 't2.procurement.items': 0, 't2.procurement.amount': 80000 })), 't2.procurement_amount');
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /采购项目数量为 0，却填了采购总金额 80,000/);
    assert.deepEqual(only(evaluateTableRules(withCells(ansha, { 't2.procurement.items': 1, 't2.procurement.amount': 80000 })), 't2.procurement_amount'), []);
    assert.deepEqual(only(evaluateTableRules(ansha), 't2.procurement_amount'), []);
  });

  rule('t2.items_continuity', () => {
    const ansha = fixture('2020-ansha.nianbao.json');
    const last = withCells(ansha, { 't2.licensing.prev_year_items': 10, 't2.licensing.change': 2 }, { year: 2019 });
    const licensing = (fs: Finding[]) => only(fs, 't2.items_continuity').filter((f) => f.cells[0] === 't2.licensing.prev_year_items');
    const fs = licensing(evaluateTableRules(withCells(ansha, { 't2.licensing.prev_year_items': 9 }), last));
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /上一年年底应有 12 项/);
    assert.deepEqual(licensing(evaluateTableRules(withCells(ansha, { 't2.licensing.prev_year_items': 12 }), last)), []);
    assert.deepEqual(only(evaluateTableRules(ansha), 't2.items_continuity'), []);
  });

  rule('cell.unknown', () => {
    // 政府集中采购 was dropped in 2021: a 2019 cell in a 2021 report is lost on export.
    const fs = only(evaluateTableRules(withCells(CLEAN, { 't2.procurement.items': 2 })), 'cell.unknown');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(fs[0].cells, ['t2.procurement.items']);
    assert.match(fs[0].message, /国办公开办函〔2021〕30号/);
    const ansha = fixture('2020-ansha.nianbao.json');
    assert.ok(ansha.cells['t2.procurement.items'] !== undefined);
    assert.deepEqual(only(evaluateTableRules(ansha), 'cell.unknown'), []);
  });

  rule('total.stated', () => {
    // A stated 总计 row, column and table-四 total that differ from the sums of their parts.
    const doc = withCells(CLEAN, { 't3.new_received.total': 5, 't3.total_processed.natural_person': 2, 't4.review.total': 0 });
    const fs = only(evaluateTableRules(doc), 'total.stated');
    assert.deepEqual(
      fs.map((f) => [f.cells[0], f.expected, f.actual]),
      [
        ['t3.new_received.total', 4, 5],
        ['t3.total_processed.natural_person', 3, 2],
        ['t4.review.total', 1, 0],
      ],
    );
    assert.ok(fs.every((f) => f.severity === 'error'));
    assert.match(fs[0].message, /填的是 5，各分项相加是 4/);
    // Stated totals that agree are fine (the seeds print every total).
    const agreeing = withCells(CLEAN, {
      't3.new_received.total': 4,
      't3.total_processed.natural_person': 3,
      't3.total_processed.total': 4,
      't4.review.total': 1,
    });
    assert.deepEqual(only(evaluateTableRules(agreeing), 'total.stated'), []);
  });

  rule('t3.balance', () => {
    const broken = fixture('2025-broken-balance.nianbao.json');
    const fs = only(evaluateTableRules(broken), 't3.balance');
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.severity, 'error');
    assert.equal(f.id, 't3.balance:t3.carried_forward.natural_person');
    // Every cell that could be wrong, 本年新收 first (定位 goes there), 结转下年度 last.
    assert.deepEqual(f.cells, [
      't3.new_received.natural_person',
      't3.carried_over.natural_person',
      't3.total_processed.natural_person',
      't3.carried_forward.natural_person',
    ]);
    // For --json: the 结转下年度 that would balance; the message shows the equation, not that figure.
    assert.equal(f.expected, 1);
    assert.equal(f.actual, 0);
    assert.equal(
      f.message,
      '“自然人”一列不平衡：本年新收 3 + 上年结转 1 = 4 件，办理结果 3 + 结转下年度 0 = 3 件，差 1 件。收到的比办理和结转的多 1 件：请对照申请登记台账核对标出的格子——是否有申请的办理结果漏填，本年新收或上年结转是否多计。结转下年度只填年底仍在办理的申请，台账上有几件就填几件，不要为了凑平而改它。',
    );
    assert.doesNotMatch(f.message, /应为/);
    // Outcomes exceeding what was received: the fix is in the outcomes, not a negative 四.
    const over = only(evaluateTableRules(withCells(CLEAN, { 't3.granted.commercial_enterprise': 3 })), 't3.balance');
    assert.equal(over.length, 1);
    assert.equal(over[0].cells[0], 't3.new_received.commercial_enterprise');
    assert.equal(over[0].id, 't3.balance:t3.carried_forward.commercial_enterprise');
    assert.match(over[0].message, /办理结果 3 \+ 结转下年度 0 = 3 件，差 2 件。办理和结转的比收到的多 2 件：.*同一申请是否计入了两种办理结果/);
    // No 结转 could balance it: the figure for --json is the 办理结果 that would.
    assert.deepEqual([over[0].expected, over[0].actual], [1, 3]);
    assert.deepEqual(only(evaluateTableRules(CLEAN), 't3.balance'), []);
  });

  rule('t3.no_requests_zero', () => {
    const doc = withCells(CLEAN, { 't3.granted.research_institution': 1, 't3.carried_forward.research_institution': 0 });
    const fs = only(evaluateTableRules(doc), 't3.no_requests_zero');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.deepEqual(fs[0].cells, ['t3.granted.research_institution']);
    assert.match(fs[0].message, /科研机构/);
    // A column with requests may have outcomes; a column of zeros passes.
    assert.deepEqual(only(evaluateTableRules(CLEAN), 't3.no_requests_zero'), []);
  });

  rule('t3.carry_over', () => {
    const prev = previousOfClean({ 't3.carried_forward.natural_person': 2 });
    const fs = only(evaluateTableRules(CLEAN, prev), 't3.carry_over');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.deepEqual(fs[0].cells, ['t3.carried_over.natural_person']);
    assert.equal(fs[0].expected, 2);
    assert.equal(fs[0].actual, 1);
    assert.match(fs[0].message, /请改为 2/);
    // The baseline kept in the report itself serves when no previous report is given.
    const kept = { ...structuredClone(CLEAN), previousCells: { 't3.carried_forward.natural_person': 2 } };
    assert.equal(only(evaluateTableRules(kept), 't3.carry_over').length, 1);
    // This year's 二 left blank while last year carried 1 forward.
    const blank = only(evaluateTableRules(withCells(CLEAN, { 't3.carried_over.natural_person': undefined }), previousOfClean()), 't3.carry_over');
    assert.equal(blank.length, 1);
    assert.match(blank[0].message, /上年结转还没有填写/);
    assert.deepEqual(only(evaluateTableRules(CLEAN, previousOfClean()), 't3.carry_over'), []);
    assert.deepEqual(only(evaluateTableRules(CLEAN), 't3.carry_over'), []);
  });

  rule('t2.in_force_continuity', () => {
    const fs = only(evaluateTableRules(CLEAN, previousOfClean({ 't2.normative_documents.in_force': 12 })), 't2.in_force_continuity');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].expected, 13);
    assert.equal(fs[0].actual, 9);
    assert.match(fs[0].message, /上年现行有效件数 12 \+ 本年制发件数 2 − 本年废止件数 1 应为 13/);
    assert.deepEqual(only(evaluateTableRules(CLEAN, previousOfClean()), 't2.in_force_continuity'), []);
    // A 2020 report (2019 format) has no 现行有效件数: nothing to compare.
    const fromOldFormat = fixture('2020-ansha.nianbao.json');
    assert.deepEqual(only(evaluateTableRules(CLEAN, fromOldFormat), 't2.in_force_continuity'), []);
  });

  rule('t2.repeal_bound', () => {
    const doc = withCells(CLEAN, { 't2.normative_documents.repealed': 5, 't2.normative_documents.in_force': 0 });
    const fs = only(evaluateTableRules(doc, previousOfClean({ 't2.normative_documents.in_force': 2 })), 't2.repeal_bound');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].expected, 4);
    assert.equal(fs[0].actual, 5);
    assert.deepEqual(only(evaluateTableRules(CLEAN, previousOfClean()), 't2.repeal_bound'), []);
  });

  rule('t2.township_regulations', () => {
    const doc = withCells(CLEAN, { 't2.regulations.in_force': 6 });
    const fs = only(evaluateTableRules(doc), 't2.township_regulations');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(fs[0].cells, ['t2.regulations.in_force']);
    assert.match(fs[0].message, /没有规章制定权.*行政规范性文件/);
    // Same for a 街道; a county department may report 规章 (no finding).
    const street = { ...doc, unit: { ...doc.unit, kind: 'subdistrict' as const } };
    assert.equal(only(evaluateTableRules(street), 't2.township_regulations').length, 1);
    const department = { ...doc, unit: { ...doc.unit, kind: 'county_department' as const } };
    assert.deepEqual(only(evaluateTableRules(department), 't2.township_regulations'), []);
    // The 2019 format's 规章 row too (its second row is 规范性文件).
    const ansha = withCells(fixture('2020-ansha.nianbao.json'), { 't2.regulations.new_made': 1 });
    const old = only(evaluateTableRules(ansha), 't2.township_regulations');
    assert.equal(old.length, 1);
    assert.match(old[0].message, /“规范性文件”一行/);
  });

  rule('t2.fee_unit', () => {
    const doc = withCells(CLEAN, { 't2.fees.amount': 3500 });
    const fs = only(evaluateTableRules(doc), 't2.fee_unit');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].expected, 0.35);
    assert.match(fs[0].message, /应填 0\.35/);
    assert.deepEqual(only(evaluateTableRules(withCells(CLEAN, { 't2.fees.amount': 12.5 })), 't2.fee_unit'), []);
    const department = { ...doc, unit: { ...doc.unit, kind: 'county_department' as const } };
    assert.deepEqual(only(evaluateTableRules(department), 't2.fee_unit'), []);
  });

  rule('cells.unfilled', () => {
    const doc = withCells(CLEAN, { 't2.coercion.decisions': undefined, 't2.fees.amount': undefined, 't3.granted.other': undefined });
    const fs = only(evaluateTableRules(doc), 'cells.unfilled');
    assert.equal(fs.length, 2, 'one finding per table with blanks');
    assert.ok(fs.every((f) => f.severity === 'info'));
    assert.deepEqual(fs[0].cells, ['t2.coercion.decisions', 't2.fees.amount']);
    assert.equal(fs[0].id, 'cells.unfilled:t2');
    assert.match(fs[0].message, /有 2 个格子还没有填写/);
    assert.deepEqual(fs[1].cells, ['t3.granted.other']);
    const empty = { ...structuredClone(CLEAN), cells: {} };
    const all = only(evaluateTableRules(empty), 'cells.unfilled');
    assert.deepEqual(
      all.map((f) => f.id),
      ['cells.unfilled:t2', 'cells.unfilled:t3', 'cells.unfilled:t4'],
    );
    assert.match(all[2].message, /全部格子都还没有填写/);
    assert.deepEqual(only(evaluateTableRules(CLEAN), 'cells.unfilled'), []);
  });

  rule('previous.identity', () => {
    const wrongYear = only(evaluateTableRules(CLEAN, { ...previousOfClean(), year: 2023 }), 'previous.identity');
    assert.equal(wrongYear.length, 1);
    assert.equal(wrongYear[0].severity, 'info');
    assert.match(wrongYear[0].message, /2023 年度的，不是 2024 年度/);
    const otherUnit = only(evaluateTableRules(CLEAN, { ...previousOfClean(), unit: { ...CLEAN.unit, name: '永安市安砂镇人民政府' } }), 'previous.identity');
    assert.equal(otherUnit.length, 1);
    assert.deepEqual(only(evaluateTableRules(CLEAN, previousOfClean()), 'previous.identity'), []);
  });

  it('covers every rule of both catalogues', () => {
    const ids = new Set([...RULE_CATALOGUES['gov-2021'], ...RULE_CATALOGUES['gov-2019']].map((r) => r.id));
    assert.deepEqual([...ids].sort(), [...tested].sort());
  });
});

describe('rules as data', () => {
  it('every rule id is unique within its catalogue and every finding carries an id', () => {
    for (const rules of Object.values(RULE_CATALOGUES)) assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    const fs = evaluateTableRules(withCells(CLEAN, { 't3.granted.natural_person': 9, 't2.regulations.issued': 1 }));
    assert.ok(fs.length >= 2);
    for (const f of fs) assert.ok(f.id?.startsWith(`${f.rule}:`));
  });

  it('pre-2019 reports have no national table rules', () => {
    assert.deepEqual(rulesFor('legacy'), []);
    assert.deepEqual(evaluateTableRules({ ...CLEAN, formatId: 'legacy', cells: {} }), []);
  });

  it('the 2019 seeds transcribed from published reports have no errors', () => {
    for (const name of ['2019-dashuikeng.nianbao.json', '2020-ansha.nianbao.json']) {
      const errors = evaluateTableRules(fixture(name)).filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [], name);
    }
  });
});

describe('checkReport and the 审核 helpers', () => {
  it('includes the table findings', () => {
    const broken = fixture('2025-broken-balance.nianbao.json');
    assert.ok(checkReport(broken).some((f) => f.rule === 't3.balance'));
  });

  it('groups findings by the section of their cells', () => {
    const doc = withCells(CLEAN, { 't2.regulations.issued': 1, 't2.regulations.in_force': 1, 't3.carried_forward.natural_person': 0, 't4.review.total': 5 });
    const findings = evaluateTableRules(doc, { ...previousOfClean(), year: 2020 });
    const groups = groupFindingsBySection(doc, findings);
    assert.deepEqual(Object.keys(groups).sort(), ['general', 'other_matters', 'overview', 'problems', 'proactive', 'requests', 'review_litigation'].sort());
    assert.deepEqual(
      groups.proactive.map((f) => f.rule),
      ['t2.township_regulations'],
    );
    assert.deepEqual(
      groups.requests.map((f) => f.rule),
      ['t3.balance'],
    );
    assert.deepEqual(
      groups.review_litigation.map((f) => f.rule),
      ['total.stated'],
    );
    assert.deepEqual(
      groups.general.map((f) => f.rule),
      ['previous.identity'],
    );
    const located: Finding = { rule: 'x', severity: 'warning', message: '', cells: [], location: { section: 'problems', start: 0, end: 1, quote: '一' } };
    assert.equal(findingSection(doc, located), 'problems');
    assert.equal(findingSection(doc, { ...located, location: undefined, cells: ['t4.nope.x'] }), 'review_litigation');
  });

  it('lets warnings and info be acknowledged, never errors', () => {
    const prev = previousOfClean({ 't3.carried_forward.natural_person': 2 });
    const doc = withCells(CLEAN, { 't2.regulations.issued': 1, 't2.regulations.in_force': 1 });
    const findings = evaluateTableRules(doc, prev);
    const warning = findings.find((f) => f.rule === 't3.carry_over') as Finding;
    const error = findings.find((f) => f.rule === 't2.township_regulations') as Finding;
    const acked: ReportDoc = {
      ...doc,
      acknowledgements: {
        [warning.id as string]: { reason: '上年报告结转数填错，已核实', at: '2026-01-10' },
        [error.id as string]: { reason: '试图忽略错误', at: '2026-01-10' },
      },
    };
    assert.equal(canAcknowledge(warning), true);
    assert.equal(canAcknowledge(error), false);
    assert.equal(isAcknowledged(acked, warning), true);
    assert.equal(isAcknowledged(acked, error), false);
    assert.equal(isAcknowledged(doc, warning), false);
    // The acknowledged warning no longer counts; the error still does.
    assert.deepEqual(countFindings(acked, findings), { errors: 1, warnings: 0, info: 0, acknowledged: 1 });
    assert.deepEqual(countFindings(doc, findings), { errors: 1, warnings: 1, info: 0, acknowledged: 0 });
    // The acknowledgement id is stable: re-evaluating gives the same id.
    assert.equal(evaluateTableRules(doc, prev).find((f) => f.rule === 't3.carry_over')?.id, warning.id);
  });
});
