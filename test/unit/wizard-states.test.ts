// The wizard's logic without a browser: step states (each meaning one thing), the balance error
// as an equation, the new-report default year, the Chinese date field, and year mentions that
// name an earlier report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDoc } from '../../shared/report';
import { parseReportFile } from '../../shared/report-file';
import { deriveNextYearReport, findYearMentions } from '../../shared/carry-over';
import { checkReport } from '../../shared/check';
import { formatModel } from '../../shared/formats/index';
import { stepStatuses, wizardSteps, isPremature } from '../../renderer/features/wizard/steps';
import { presentFinding } from '../../renderer/features/wizard/finding-text';
import { partsToIso } from '../../renderer/features/wizard/date-logic';
import { defaultNewYear } from '../../renderer/features/reports/new-year';
import { repoRoot } from '../support';

const model = formatModel('gov-2021');
const steps = wizardSteps(model);
const cleanFile = parseReportFile(readFileSync(join(repoRoot, 'test/fixtures/reports/2025-clean.nianbao.json'), 'utf8'));
assert.ok(cleanFile.ok, 'the clean fixture reads as a report file');
const clean: ReportDoc = cleanFile.doc;
const states = (doc: ReportDoc, reviewed = false) => stepStatuses(steps, checkReport(doc), doc, model, reviewed);

test('a new next-year report opens without an error; 审核 is 未审核 until opened', () => {
  const next = deriveNextYearReport(clean, 2026, 'gov-2021');
  assert.ok(next.cells['t3.carried_over.natural_person'] !== undefined, 'the fixture carries an application over');
  const st = stepStatuses(steps, checkReport(next, clean), next, model);
  assert.deepEqual(
    Object.values(st).filter((s) => s.state === 'error'),
    [],
  );
  assert.equal(st.requests.state, 'todo');
  assert.equal(st.requests.caption, '还没有填写');
  assert.equal(st.review.state, 'todo');
  assert.equal(st.review.caption, '未审核');
  assert.equal(st.overview.state, 'incomplete');
  assert.equal(st.overview.caption, '沿用上年，待改写');
  // The balance finding is there (the table is not filled in), but it is not an error yet.
  assert.ok(checkReport(next, clean).some((f) => f.rule === 't3.balance' && isPremature(f, next)));
});

test('已完成 only when a step is complete: a table with blank cells is not', () => {
  const partial = { ...clean, cells: { ...clean.cells } };
  delete partial.cells['t3.granted.other'];
  const st = states(partial, true);
  assert.equal(st.requests.state, 'incomplete');
  assert.equal(st.requests.caption, '还有 1 格未填');
  const full = states(clean, true);
  assert.notEqual(full.requests.state, 'incomplete');
  assert.equal(full.review.state === 'todo', false);
  // An error beats everything: the caption counts it.
  const broken = { ...clean, cells: { ...clean.cells, 't3.new_received.natural_person': (clean.cells['t3.new_received.natural_person'] ?? 0) + 1 } };
  const b = states(broken, true);
  assert.equal(b.requests.state, 'error');
  assert.equal(b.requests.caption, '1 处错误');
  assert.equal(b.review.state, 'error');
  for (const s of Object.values(b)) if (s.state === 'done') assert.equal(s.caption, '已完成');
});

test('the balance error reads as its equation and the difference, naming no figure to change', () => {
  const doc = { ...clean, cells: { ...clean.cells, 't3.carried_forward.natural_person': (clean.cells['t3.carried_forward.natural_person'] ?? 0) + 1 } };
  const f = checkReport(doc).find((x) => x.rule === 't3.balance');
  assert.ok(f);
  const shown = presentFinding(f);
  assert.match(shown.message, /^“自然人”一列不平衡：本年新收 \d+ \+ 上年结转 \d+ = \d+ 件，办理结果 \d+ \+ 结转下年度 \d+ = \d+ 件，差 1 件。/);
  assert.doesNotMatch(shown.message, /应为/);
  assert.equal(shown.expected, undefined);
  assert.equal(shown.target, 't3.new_received.natural_person');
  // Other findings read as the rules wrote them.
  const other = { rule: 'x', severity: 'warning' as const, message: 'm', cells: ['t3.granted.other'], expected: 3 };
  assert.deepEqual(presentFinding(other), { message: 'm', expected: 3, actual: undefined, target: 't3.granted.other' });
  // No figure for the 0-without-applications warning either: the likely fix is a missing 本年新收.
  const zero = { rule: 't3.no_requests_zero', severity: 'warning' as const, message: 'm', cells: ['t3.granted.other'], expected: 0, actual: 2 };
  assert.equal(presentFinding(zero).expected, undefined);
});

test('新建年度报告 offers the year after the newest report, never one that exists', () => {
  assert.equal(defaultNewYear([], 2026), 2025);
  assert.equal(defaultNewYear([{ year: 2024 }], 2026), 2025);
  assert.equal(defaultNewYear([{ year: 2025 }, { year: 2024 }], 2026), 2026);
  assert.equal(defaultNewYear([{ year: 2026 }], 2026), 2025);
  assert.equal(defaultNewYear([{ year: 2026 }, { year: 2025 }], 2026), 2024);
  for (const reports of [[{ year: 2025 }], [{ year: 2020 }, { year: 2025 }], [{ year: 2026 }, { year: 2025 }]]) {
    assert.ok(!reports.some((r) => r.year === defaultNewYear(reports, 2026)));
  }
});

test('成文日期 as 年/月/日: complete, empty, half-filled and impossible dates', () => {
  assert.deepEqual(partsToIso({ y: '2026', m: '1', d: '5' }), { ok: true, value: '2026-01-05' });
  assert.deepEqual(partsToIso({ y: '', m: '', d: '' }), { ok: true, value: '' });
  assert.match((partsToIso({ y: '2026', m: '1', d: '' }) as { message: string }).message, /年、月、日都填上/);
  assert.match((partsToIso({ y: '2026', m: '2', d: '30' }) as { message: string }).message, /2026年2月只有28天/);
  assert.match((partsToIso({ y: '2028', m: '2', d: '30' }) as { message: string }).message, /只有29天/);
  assert.match((partsToIso({ y: '2026', m: '13', d: '1' }) as { message: string }).message, /1 到 12/);
  assert.match((partsToIso({ y: '26', m: '1', d: '1' }) as { message: string }).message, /4位/);
});

test('a mention of an earlier report (上年度报告提出的问题) is not stale text', () => {
  const text = '2024年度报告提出的信息更新不及时问题已整改。2024年政府信息公开工作年度报告中提出的问题已落实。2023年，我镇新收申请3件。';
  assert.deepEqual(
    findYearMentions(text, 2025).map((m) => m.year),
    [2023],
  );
});
