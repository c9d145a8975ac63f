// 导出记录 against a real SQLite file: each export says what it was (Word or PDF, 红头, 用印版式, 草稿),
// and an export made before the report changed is marked stale (已过期) — the PDF printed from the
// page is recorded like the Word file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import { tempDir } from '../support';
import { fullReport } from '../fixtures/full-report';
import { SECTION_KEYS } from '../../shared/formats/types';
import { blankCells } from '../../shared/print/blank-cells';

test('exports record their variant and turn 已过期 when the report changes after them', async () => {
  const dir = tempDir('export-records');
  const store = await openStore(dir.path);
  try {
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
    const call = async <M extends ApiMethod>(m: M, input: ApiInput<M>) => {
      const r = (await handleApiCall(m, input)) as ApiResult<ApiOutputs[M]>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    await call('saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const report = await call('createReport', { year: 2025, formatId: 'gov-2021' });
    await call('updateReport', {
      id: report.id,
      patch: { date: '2026-01-15', letterhead: { enabled: true, issuer: '小陶镇人民政府文件', docNumber: '小政〔2026〕1号' } },
    });

    const word = await call('exportDocx', { id: report.id, letterhead: true, sealed: true });
    let list = await call('listExports', { id: report.id });
    assert.equal(list.length, 1);
    assert.deepEqual([list[0].kind, list[0].letterhead, list[0].sealed, list[0].stale], ['docx', true, true, false]);

    // Only the 已核实 marks or a re-save of the same text: the file still matches.
    await call('setSection', { id: report.id, key: 'overview', text: '' });
    assert.equal((await call('listExports', { id: report.id }))[0].stale, false);

    // The text changes after the export: that file no longer matches the report.
    await call('setSection', { id: report.id, key: 'overview', text: '本年度，我镇认真贯彻落实条例。' });
    list = await call('listExports', { id: report.id });
    assert.equal(list.find((r) => r.id === word.exportId)!.stale, true);

    // A PDF printed from the page: recorded, a 草稿 like the Word file would be (errors remain), no checksum.
    const pdf = await call('recordPdfExport', { id: report.id, letterhead: false, sealed: false });
    assert.equal(pdf.draft, true);
    assert.match(pdf.fileName, /（草稿）\.pdf$/);
    list = await call('listExports', { id: report.id });
    const row = list.find((r) => r.id === pdf.exportId)!;
    assert.deepEqual([row.kind, row.letterhead, row.sealed, row.draft, row.stale, row.sha256], ['pdf', false, false, true, false, '']);
  } finally {
    store.close();
    dir.cleanup();
  }
});

test('a final export with blank cells records how many the clerk confirmed as 0; another count is refused', async () => {
  const dir = tempDir('export-records-blank');
  let store = await openStore(dir.path);
  try {
    let { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
    const raw = <M extends ApiMethod>(m: M, input: ApiInput<M>) => handleApiCall(m, input) as Promise<ApiResult<ApiOutputs[M]>>;
    const call = async <M extends ApiMethod>(m: M, input: ApiInput<M>) => {
      const r = await raw(m, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const doc = fullReport();
    await call('saveUnit', doc.unit);
    const { id } = await call('createReport', { year: 2025, formatId: 'gov-2021' });
    await call('setCells', { id, cells: doc.cells });
    for (const key of SECTION_KEYS) await call('setSection', { id, key, text: doc.sections[key] ?? '' });
    await call('updateReport', { id, patch: { date: doc.date, signature: doc.signature, preamble: doc.preamble } });
    const blank = blankCells(doc).length;
    assert.ok(blank > 0, 'the fixture has blank cells');

    // Confirmed for another count (the tables changed after the question): refused, nothing recorded.
    const stale = await raw('exportDocx', { id, blankAsZero: blank + 1 });
    assert.equal(stale.ok, false);
    assert.equal(!stale.ok && stale.error.code, 'conflict');
    assert.match(!stale.ok ? stale.error.message : '', new RegExp(`现在有 ${blank} 格未填`));
    assert.equal((await call('listExports', { id })).length, 0);

    const word = await call('exportDocx', { id, blankAsZero: blank });
    assert.equal(word.draft, false);
    const pdf = await call('recordPdfExport', { id, blankAsZero: blank });
    // Not asked (a caller other than the 导出 step): nothing claimed.
    const unasked = await call('exportDocx', { id });

    // The record survives a restart of the program (the column is in the database file).
    store.close();
    store = await openStore(dir.path);
    ({ handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path }));
    const byId = new Map((await call('listExports', { id })).map((r) => [r.id, r.blankAsZero]));
    assert.equal(byId.get(word.exportId), blank);
    assert.equal(byId.get(pdf.exportId), blank);
    assert.equal(byId.get(unasked.exportId), null);

    // A 草稿 is not asked: no count is recorded even when one is sent.
    await call('updateReport', { id, patch: { date: '' } });
    const draft = await call('exportDocx', { id, blankAsZero: 3 });
    assert.equal(draft.draft, true);
    assert.equal((await call('listExports', { id })).find((r) => r.id === draft.exportId)!.blankAsZero, null);

    // Every cell filled: nothing to confirm.
    await call('updateReport', { id, patch: { date: doc.date } });
    await call('setCells', { id, cells: Object.fromEntries(blankCells(doc).map((c) => [c.key, 0])) });
    const full = await call('exportDocx', { id, blankAsZero: 0 });
    assert.equal((await call('listExports', { id })).find((r) => r.id === full.exportId)!.blankAsZero, null);
  } finally {
    store.close();
    dir.cleanup();
  }
});
