// Issue 20, item 5: 成文日期. Only real calendar dates are stored (the API refuses others in
// Chinese); a real date far from the report year is kept with a warning that names it; export and
// the command line never crash on any stored value; an impossible date in a report file is refused
// at export with the field named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import { checkReport } from '../../shared/check';
import { serializeReportFile } from '../../shared/report-file';
import { reportContent } from '../../shared/print/content';
import { printDocumentHtml } from '../../shared/print/html';
import { fullReport } from '../fixtures/full-report';
import { nianbaoCommand } from '../support/cli';
import { tempDir } from '../support';
import type { TempDir } from '../support';

let dir: TempDir;
let store: Store;
let handle: ApiHandler;
let id = 0;

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const r = (await handle(method, input)) as ApiResult<ApiOutputs[M]>;
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value;
}

/** A part's text without its tags (runs split a date into 2206 / 年 / 1 / 月…). */
const plain = (part: Uint8Array) => strFromU8(part).replace(/<[^>]+>/g, '');

function nianbao(...args: string[]) {
  const r = spawnSync(nianbaoCommand[0], [...nianbaoCommand.slice(1), ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout + r.stderr };
}

before(async () => {
  dir = tempDir('nianbao-dates-');
  store = await openStore(join(dir.path, 'data'));
  handle = createApi({ store, transport: 'electron', dataDir: join(dir.path, 'data') }).handleApiCall;
  await call('saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
  id = (await call('createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null })).id;
});
after(() => {
  store.close();
  dir.cleanup();
});

test('impossible dates are refused at the API with a Chinese message naming the field; nothing is stored', async () => {
  await call('updateReport', { id, patch: { date: '2026-01-15' } });
  for (const date of ['2025-13-45', '2025-02-29', '2026-04-31', '0999-01-01', '2026-00-10']) {
    for (const [method, input] of [
      ['updateReport', { id, patch: { date } }],
      ['saveEdits', { id, meta: { date } }],
    ] as const) {
      const r = await handle(method, input);
      assert.equal(r.ok, false, `${method} ${date}`);
      if (!r.ok) assert.match(r.error.message, /不是真实的日期/, `${method} ${date}: ${r.error.message}`);
    }
  }
  assert.equal((await call('getReport', { id })).doc.date, '2026-01-15');
  await call('updateReport', { id, patch: { date: '2028-02-29' } });
  assert.equal((await call('getReport', { id })).doc.date, '2028-02-29', 'a leap day is a real date');
});

test('a real date far from the report year is stored with a warning that names it; export works for any of them', async () => {
  for (const [date, printed] of [
    ['2206-01-01', '2206年1月1日'],
    ['1026-03-05', '1026年3月5日'],
    ['2099-12-31', '2099年12月31日'],
    ['1979-06-01', '1979年6月1日'],
  ] as const) {
    await call('updateReport', { id, patch: { date } });
    const findings = checkReport((await call('getReport', { id })).doc);
    const far = findings.filter((f) => f.rule === 'review.date_far');
    assert.equal(far.length, 1, `${date}: ${JSON.stringify(findings.map((f) => f.rule))}`);
    assert.equal(far[0].severity, 'warning');
    assert.ok(far[0].message.includes(printed), far[0].message);
    const out = await call('exportDocx', { id, letterhead: false, sealed: false });
    const parts = unzipSync(Buffer.from(out.base64, 'base64'));
    assert.ok(plain(parts['word/document.xml']).includes(printed), `${printed} printed`);
    assert.ok(strFromU8(parts['docProps/core.xml']).includes(`${date}T00:00:00Z`), `${date} in core.xml`);
    const printedPages = printDocumentHtml(reportContent((await call('getReport', { id })).doc)).replace(/<[^>]+>/g, '');
    assert.ok(printedPages.includes(printed), `${printed} on the print pages (PDF)`);
  }
  // Near the report year: no such warning.
  await call('updateReport', { id, patch: { date: '2026-01-15' } });
  assert.deepEqual(
    checkReport((await call('getReport', { id })).doc).filter((f) => f.rule === 'review.date_far'),
    [],
  );
});

test('an impossible date already in the database (an older version stored it) never crashes export: a 草稿 that names it', async () => {
  store.database.prepare('UPDATE reports SET date = ? WHERE id = ?').run('2025-13-45', id);
  const findings = checkReport((await call('getReport', { id })).doc);
  assert.ok(findings.some((f) => f.rule === 'review.bad_date' && f.message.includes('2025-13-45')));
  const out = await call('exportDocx', { id, letterhead: false, sealed: false });
  assert.equal(out.draft, true);
  assert.ok(out.draftReasons.some((r) => r.includes('成文日期“2025-13-45”不是真实的日期')));
  assert.ok(!plain(unzipSync(Buffer.from(out.base64, 'base64'))['word/document.xml']).includes('13月45日'));
  // The PDF (the print pages the page turns into a PDF) is made from the same content: no crash, no impossible date printed.
  const html = printDocumentHtml(reportContent((await call('getReport', { id })).doc), { draft: true }).replace(/<[^>]+>/g, '');
  assert.ok(html.includes('2026年') && !html.includes('13月45日'));
  store.database.prepare('UPDATE reports SET date = ? WHERE id = ?').run('2026-01-15', id);
});

test('the command line: a far date is validated and exported; an impossible date in a report file is refused naming 成文日期', () => {
  const far = join(dir.path, 'far.nianbao.json');
  writeFileSync(far, serializeReportFile(fullReport({ date: '2206-01-01' })));
  const v = nianbao('validate', far);
  assert.notEqual(v.code, null);
  assert.match(v.out, /2206年1月1日/);
  assert.doesNotMatch(v.out, /not in range|Error:|\n\s+at /);
  const docx = join(dir.path, 'far.docx');
  const e = nianbao('export', far, '-o', docx);
  assert.equal(e.code, 0, e.out);
  assert.ok(plain(unzipSync(readFileSync(docx))['word/document.xml']).includes('2206年1月1日'));

  const bad = join(dir.path, 'bad.nianbao.json');
  writeFileSync(bad, serializeReportFile(fullReport()).replace(/"date": ?"[^"]*"/, '"date": "2025-13-45"'));
  assert.match(readFileSync(bad, 'utf8'), /2025-13-45/);
  for (const args of [
    ['export', bad, '-o', join(dir.path, 'bad.docx')],
    ['validate', bad],
  ]) {
    const r = nianbao(...args);
    assert.ok(r.code === 1 || r.code === 2, `${args[0]} refuses (exit ${r.code}): ${r.out}`);
    assert.match(r.out, /成文日期[\s\S]*不是真实的日期/, r.out);
    assert.doesNotMatch(r.out, /\n\s+at |Error:/);
  }
});
