// The application register through the real API over a real SQLite file: applications saved as
// typed and kept across a restart, refusals in Chinese with nothing stored, table 三 counted into
// the report (summary kept, marked computed), a hand figure that disagrees and a “均在法定期限内答复”
// with an overdue application both warned, open applications carried into the next year, and the
// home screen's due list on the API's clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import { checkReport } from '../../shared/check';
import type { StoredReport } from '../../shared/report';
import type { RegisterEntry, RegisterListing } from '../../shared/register/api-spec';
import { tempDir } from '../support';

const at = (iso: string) => new Date(`${iso}T10:00:00`).getTime();

async function call<T>(handle: ApiHandler, method: string, input: unknown): Promise<T> {
  const r = await handle(method, input);
  assert.ok(r.ok, `${method}: ${r.ok ? '' : r.error.message}`);
  return r.value as T;
}

const apps = [
  { id: '2024-07', receivedOn: '2024-12-24', applicantType: 'natural_person', channel: '网络', answeredOn: '2025-01-14', outcome: 'granted' },
  {
    id: '2025-01',
    receivedOn: '2025-03-03',
    applicant: '张某某',
    applicantType: 'natural_person',
    channel: '当面',
    answeredOn: '2025-03-20',
    outcome: 'granted',
  },
  // answered on 1 April, due 31 March: 逾期答复
  { id: '2025-02', receivedOn: '2025-03-03', applicantType: 'commercial_enterprise', channel: '信函', answeredOn: '2025-04-01', outcome: 'partial_grant' },
  { id: '2025-03', receivedOn: '2025-06-10', applicantType: 'natural_person', channel: '网络', answeredOn: '2025-06-30', outcome: 'unable_not_held' },
  { id: '2025-04', receivedOn: '2025-12-26', applicantType: 'legal_service_org', channel: '网络' },
];

async function setUp(clock: { now: number }) {
  const dir = tempDir('register-api');
  let store: Store = await openStore(dir.path, { backupAtOpen: false });
  const open = () => createApi({ store, transport: 'host', dataDir: dir.path, now: () => clock.now }).handleApiCall;
  let handle = open();
  await call(handle, 'saveUnit', { name: '台账测试镇人民政府', kind: 'township' });
  const report = await call<StoredReport>(handle, 'createReport', { year: 2025, formatId: 'gov-2021' });
  const reopen = async () => {
    store.close();
    store = await openStore(dir.path, { backupAtOpen: false });
    handle = open();
  };
  return { dir, report, handle: () => handle, store: () => store, reopen };
}

test('the register through the API: saved, counted into table 三, warned when a hand figure or the text disagrees', async () => {
  const clock = { now: at('2026-01-06') };
  const t = await setUp(clock);
  try {
    for (const a of apps) await call(t.handle(), 'registerSave', { application: a, previousId: null });

    // Refusals: a taken 登记编号, an outcome the table does not have, an answer without an outcome.
    const before = t.store().register.listApplications(t.store().getUnit()!.id);
    const taken = await t.handle()('registerSave', { application: apps[0], previousId: null });
    assert.ok(!taken.ok && taken.error.code === 'conflict' && /登记编号“2024-07”已经有一件申请/.test(taken.error.message));
    const badOutcome = await t.handle()('registerSave', { application: { ...apps[1], id: 'X', outcome: 'denied_because' }, previousId: null });
    assert.ok(!badOutcome.ok && /办理结果“denied_because”不是/.test(badOutcome.error.message));
    const noOutcome = await t.handle()('registerSave', { application: { ...apps[1], id: 'Y', outcome: '' }, previousId: null });
    assert.ok(!noOutcome.ok && /同时填写答复日期和办理结果/.test(noOutcome.error.message));
    assert.deepEqual(t.store().register.listApplications(t.store().getUnit()!.id), before, 'nothing stored on refusal');

    // Kept across a restart, exactly as typed.
    await t.reopen();
    const list = await call<RegisterListing>(t.handle(), 'registerList', { year: 2025 });
    assert.deepEqual(
      list.entries.map((e) => e.application.id),
      ['2024-07', '2025-01', '2025-02', '2025-03', '2025-04'],
    );
    assert.equal(list.entries[1]!.application.applicant, '张某某');
    const late = list.entries.find((e) => e.application.id === '2025-02')!;
    assert.equal(late.deadline.due, '2025-03-31');
    assert.equal(late.deadline.state, 'answered_late');
    assert.deepEqual(late.cells, { intake: 't3.new_received.commercial_enterprise', result: 't3.partial_grant.commercial_enterprise' });
    assert.deepEqual(list.entries[0]!.cells, { intake: 't3.carried_over.natural_person', result: 't3.granted.natural_person' });
    assert.equal(list.entries[4]!.cells!.result, 't3.carried_forward.legal_service_org');

    // Counted into the report: cells and summary, no names unless asked.
    const applied = await call<StoredReport>(t.handle(), 'registerApply', { reportId: t.report.id });
    const c = applied.doc.cells;
    assert.equal(c['t3.new_received.natural_person'], 2);
    assert.equal(c['t3.carried_over.natural_person'], 1);
    assert.equal(c['t3.granted.natural_person'], 2);
    assert.equal(c['t3.carried_forward.legal_service_org'], 1);
    assert.equal(c['t3.denied_state_secret.research_institution'], 0, 'every input cell of table 三 is filled');
    assert.deepEqual(applied.doc.register!.sources['t3.granted.natural_person'], ['2024-07', '2025-01']);
    assert.deepEqual(applied.doc.register!.overdue, ['2025-02']);
    assert.equal(applied.doc.register!.counted, 5);
    assert.equal(applied.doc.register!.applicants, undefined);
    assert.equal(JSON.stringify(applied.doc).includes('张某某'), false);
    await t.reopen();
    const stored = await call<StoredReport>(t.handle(), 'getReport', { id: t.report.id });
    assert.deepEqual(stored.doc.register, applied.doc.register, 'the summary is kept in the store');
    assert.deepEqual(
      checkReport(stored.doc).filter((f) => f.rule.startsWith('register.') || f.rule.startsWith('t3.')),
      [],
    );

    // A hand figure over a computed cell: a warning naming the applications behind it.
    await call(t.handle(), 'setCells', { id: t.report.id, cells: { 't3.granted.natural_person': 3 } });
    const typed = await call<StoredReport>(t.handle(), 'getReport', { id: t.report.id });
    const disagree = checkReport(typed.doc).filter((f) => f.rule === 'register.t3_disagrees');
    assert.equal(disagree.length, 1);
    assert.equal(disagree[0]!.severity, 'warning');
    assert.deepEqual(disagree[0]!.cells, ['t3.granted.natural_person']);
    assert.match(disagree[0]!.message, /填写为 3 件，与申请登记台账不一致：台账中计入这一格的是 2 件（2024-07、2025-01）/);

    // “均在法定期限内答复” while 2025-02 was answered late.
    await call(t.handle(), 'setSection', { id: t.report.id, key: 'overview', text: '本年度收到的政府信息公开申请均在法定期限内答复。' });
    const claimed = await call<StoredReport>(t.handle(), 'getReport', { id: t.report.id });
    const denied = checkReport(claimed.doc).filter((f) => f.rule === 'register.overdue_denied');
    assert.equal(denied.length, 1);
    assert.match(denied[0]!.message, /1 件逾期答复（2025-02）/);
    assert.equal(denied[0]!.location!.quote, '均在法定期限内答复');

    // With names, when the clerk opts in.
    const named = await call<StoredReport>(t.handle(), 'registerApply', { reportId: t.report.id, includeNames: true });
    assert.deepEqual(named.doc.register!.applicants, { '2025-01': '张某某' });
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});

test('open applications carry into next year with their data, and count there when answered', async () => {
  const clock = { now: at('2026-01-06') };
  const t = await setUp(clock);
  try {
    for (const a of apps) await call(t.handle(), 'registerSave', { application: a, previousId: null });
    const r2025 = await call<StoredReport>(t.handle(), 'registerApply', { reportId: t.report.id });
    const next = await call<StoredReport>(t.handle(), 'createReport', { year: 2026, formatId: 'gov-2021', basedOnId: t.report.id });
    const list2026 = await call<RegisterListing>(t.handle(), 'registerList', { year: 2026 });
    assert.deepEqual(
      list2026.entries.map((e) => e.application.id),
      ['2025-04'],
    );
    // Answered in January 2026: counts in 2026's table, the edit keeping the entry's other data.
    const open = list2026.entries[0]!.application;
    await call(t.handle(), 'registerSave', { application: { ...open, answeredOn: '2026-01-20', outcome: 'other_overdue_correction' }, previousId: open.id });
    const r2026 = await call<StoredReport>(t.handle(), 'registerApply', { reportId: next.id });
    assert.equal(r2026.doc.cells['t3.carried_over.legal_service_org'], r2025.doc.cells['t3.carried_forward.legal_service_org']);
    assert.equal(r2026.doc.cells['t3.other_overdue_correction.legal_service_org'], 1);
    assert.deepEqual(
      checkReport(r2026.doc, r2025.doc).filter((f) => f.rule.startsWith('t3.')),
      [],
    );
    // 2025's table is unchanged by the later answer.
    const again = await call<{ cells: Record<string, number> }>(t.handle(), 'registerTable3', { reportId: t.report.id });
    assert.equal(again.cells['t3.carried_forward.legal_service_org'], 1);
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});

test('the home screen’s list: due within 5 working days and overdue, on the API’s clock and the clerk’s 节假日安排', async () => {
  const clock = { now: at('2027-02-22') };
  const t = await setUp(clock);
  try {
    const open = (id: string, receivedOn: string) => ({ id, receivedOn, applicantType: 'natural_person' });
    await call(t.handle(), 'registerSave', { application: open('A', '2027-01-29'), previousId: null });
    await call(t.handle(), 'registerSave', { application: open('B', '2027-01-04'), previousId: null });
    await call(t.handle(), 'registerSave', { application: open('C', '2027-02-19'), previousId: null });
    const due = async () => (await call<{ entries: RegisterEntry[] }>(t.handle(), 'registerDue', {})).entries;
    // 2027 unknown to the calendar: weekends only. A is due 26 Feb (4 working days left), B overdue.
    let list = await due();
    assert.deepEqual(
      list.map((e) => [e.application.id, e.deadline.state, e.deadline.due]),
      [
        ['B', 'overdue', '2027-02-01'],
        ['A', 'due_soon', '2027-02-26'],
      ],
    );
    assert.deepEqual(list[1]!.deadline.guessedYears, [2027]);
    const bad = await t.handle()('registerSaveHolidays', { arrangement: { year: 2027, holidays: ['2026-02-08'], workdays: [] } });
    assert.ok(!bad.ok && /不在 2027 年/.test(bad.error.message));
    await call(t.handle(), 'registerSaveHolidays', {
      arrangement: { year: 2027, holidays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], workdays: ['2027-02-20'] },
    });
    list = await due();
    assert.deepEqual(
      list.map((e) => [e.application.id, e.deadline.due]),
      [['B', '2027-02-01']],
      'with the holiday A is due 5 March (more than 5 working days away)',
    );
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});

test('the register exported as .xlsx reads back through the import preview, and the commit saves it whole', async () => {
  const clock = { now: at('2026-01-06') };
  const t = await setUp(clock);
  try {
    for (const a of apps) await call(t.handle(), 'registerSave', { application: a, previousId: null });
    const x = await call<{ fileName: string; base64: string }>(t.handle(), 'registerExportXlsx', { year: 2025 });
    assert.equal(x.fileName, '台账测试镇人民政府2025年政府信息公开申请登记台账.xlsx');
    const preview = await call<{ applications: { id: string }[]; unsure: unknown[]; refused: unknown[]; skipped: { reason: string }[]; existing: string[] }>(
      t.handle(),
      'registerImportPreview',
      { year: 2025, fileName: x.fileName, base64: x.base64 },
    );
    assert.deepEqual(preview.refused, []);
    assert.deepEqual(preview.unsure, [], 'the exported wording is the official one');
    assert.equal(preview.skipped.length, 1, 'the 合计 line');
    const listed = await call<RegisterListing>(t.handle(), 'registerList', { year: 2025 });
    assert.deepEqual(
      preview.applications,
      listed.entries.map((e) => e.application),
    );
    assert.deepEqual(preview.existing, ['2024-07', '2025-01', '2025-02', '2025-03', '2025-04']);

    // Into another unit's store: saved whole.
    const other = await setUp(clock);
    try {
      const r = await call<{ added: number; updated: number }>(other.handle(), 'registerImportCommit', { applications: preview.applications });
      assert.deepEqual(r, { added: 5, updated: 0 });
      const again = await call<RegisterListing>(other.handle(), 'registerList', { year: 2025 });
      assert.equal(again.entries.length, 5);
      const bad = await other.handle()('registerImportCommit', { applications: [{ ...preview.applications[0], id: 'N1', applicantType: 'alien' }] });
      assert.ok(!bad.ok && /N1：申请人类型“alien”/.test(bad.error.message));
    } finally {
      other.store().close();
      other.dir.cleanup();
    }
    const notSheet = await t.handle()('registerImportPreview', { year: 2025, fileName: 'a.xlsx', base64: Buffer.from('hello').toString('base64') });
    assert.ok(!notSheet.ok && /不是 Excel/.test(notSheet.error.message));
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});

test('表二 from the list of documents and table 四 from the cases, marked in the report and on the county desk', async () => {
  const clock = { now: at('2026-01-06') };
  const t = await setUp(clock);
  try {
    const documents = [
      { number: '台政规〔2024〕1号', title: '某某管理办法', issuedOn: '2024-04-01', repealedOn: '2025-06-30' },
      { number: '台政规〔2025〕1号', title: '某某实施细则', issuedOn: '2025-03-01' },
    ];
    await call(t.handle(), 'registerSaveDocuments', { documents });
    const dup = await t.handle()('registerSaveDocuments', { documents: [documents[0], documents[0]] });
    assert.ok(!dup.ok && /文号“台政规〔2024〕1号”重复/.test(dup.error.message));
    await call(t.handle(), 'registerSaveCases', {
      cases: [
        { id: '复〔2025〕1号', group: 'review', receivedOn: '2025-04-01', result: 'maintain', decidedOn: '2025-06-01' },
        { id: '诉〔2025〕3号', group: 'litigation_direct', receivedOn: '2025-11-01', result: 'pending' },
      ],
    });
    await t.reopen();
    const lists = await call<{ documents: unknown[]; cases: unknown[] }>(t.handle(), 'registerLists', {});
    assert.equal(lists.documents.length, 2);
    assert.equal(lists.cases.length, 2);

    const r = await call<StoredReport>(t.handle(), 'registerApplyTables', { reportId: t.report.id, tables: ['t2', 't4'] });
    assert.equal(r.doc.cells['t2.normative_documents.issued'], 1);
    assert.equal(r.doc.cells['t2.normative_documents.repealed'], 1);
    assert.equal(r.doc.cells['t2.normative_documents.in_force'], 1);
    assert.equal(r.doc.cells['t4.review.maintain'], 1);
    assert.equal(r.doc.cells['t4.litigation_direct.pending'], 1);
    assert.deepEqual(r.doc.register!.tables, ['t2', 't4']);
    for (const a of apps) await call(t.handle(), 'registerSave', { application: a, previousId: null });
    const all = await call<StoredReport>(t.handle(), 'registerApply', { reportId: t.report.id });
    assert.deepEqual(all.doc.register!.tables, ['t2', 't3', 't4']);

    // The county desk says which tables came from a register.
    const { analyseCounty } = await import('../../shared/county/index');
    const { registerSourceText } = await import('../../shared/register/schema');
    const review = analyseCounty([{ id: 'e1', fileName: 'a.nianbao.json', source: 'nianbao-file', doc: all.doc, problems: [] }] as never);
    assert.deepEqual(review.rows[0]!.fromRegister, ['t2', 't3', 't4']);
    assert.equal(registerSourceText(review.rows[0]!.fromRegister), '表二、表三、表四由台账计算');
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});

test('a restored backup brings back the register as it was (nothing kept from before the restore)', async () => {
  const clock = { now: at('2026-01-06') };
  const t = await setUp(clock);
  try {
    for (const a of apps) await call(t.handle(), 'registerSave', { application: a, previousId: null });
    await call(t.handle(), 'registerList', { year: 2025 });
    const backup = await call<{ fileName: string }>(t.handle(), 'backupNow', {});
    await call(t.handle(), 'registerDelete', { id: '2025-03' });
    assert.equal((await call<RegisterListing>(t.handle(), 'registerList', { year: 2025 })).entries.length, 4);
    await call(t.handle(), 'restoreBackup', { fileName: backup.fileName });
    const after = await call<RegisterListing>(t.handle(), 'registerList', { year: 2025 });
    assert.deepEqual(
      after.entries.map((e) => e.application.id),
      ['2024-07', '2025-01', '2025-02', '2025-03', '2025-04'],
    );
  } finally {
    t.store().close();
    t.dir.cleanup();
  }
});
