// Issue 20, minors of the API: figures its own rules call impossible are refused with a Chinese
// message and change nothing (negative or fractional counts, 1e308, cells that do not exist,
// derived totals, tens of thousands of keys); a huge request gives a short message, and the
// browser host refuses an edit of more than 4 MB before reading it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import { startHost, tempDir } from '../support';
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

const cellsNow = () => JSON.stringify(store.database.prepare('SELECT * FROM cells ORDER BY 1, 2').all());

before(async () => {
  dir = tempDir('nianbao-bounds-');
  store = await openStore(join(dir.path, 'data'));
  handle = createApi({ store, transport: 'electron', dataDir: join(dir.path, 'data') }).handleApiCall;
  await call('saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
  id = (await call('createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null })).id;
  await call('setCells', { id, cells: { 't3.granted.natural_person': 3, 't2.fees.amount': 0.35 } });
});
after(() => {
  store.close();
  dir.cleanup();
});

test('impossible figures are refused with a Chinese message that names the cell; nothing is stored', async () => {
  const many: Record<string, number> = {};
  // Keys of the right shape (letters only), none of them in the format.
  const letters = (i: number) => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
  for (let i = 0; i < 77_771; i++) many[`t3.x${letters(i)}.natural_person`] = 1;
  const cases: [string, Record<string, number | null>, RegExp][] = [
    ['negative count', { 't3.granted.natural_person': -1 }, /负数/],
    ['fractional count', { 't3.granted.natural_person': 2.5 }, /不是整数/],
    ['1e308', { 't3.granted.natural_person': 1e308 }, /太大/],
    ['negative money', { 't2.fees.amount': -0.5 }, /负数/],
    ['a cell that does not exist', { 't3.granted.robot': 4 }, /t3\.granted\.robot 不在这份报告格式的表格里/],
    ['a derived total', { 't3.granted.total': 9 }, /合计，由程序按各分项自动计算/],
    ['77,771 keys', many, /一次提交了 77771 个单元格/],
  ];
  for (const [what, cells, expected] of cases) {
    const before = cellsNow();
    for (const method of ['setCells', 'saveEdits'] as const) {
      const r = await handle(method, { id, cells });
      assert.equal(r.ok, false, `${method}: ${what} is refused`);
      if (r.ok) continue;
      assert.equal(r.error.code, 'invalid_input');
      assert.match(r.error.message, expected, `${method}: ${what}: ${r.error.message}`);
      assert.ok(r.error.message.length < 1000, `${what}: a short message`);
      assert.equal(cellsNow(), before, `${method}: ${what} changed nothing`);
    }
  }
  // One bad figure among good ones: the batch is refused whole (kept or refused together).
  const r = await handle('saveEdits', {
    id,
    cells: { 't3.granted.natural_person': 5, 't3.partial_grant.natural_person': -2 },
    sections: { overview: '新的文字' },
  });
  assert.equal(r.ok, false);
  assert.equal((await call('getReport', { id })).doc.cells['t3.granted.natural_person'], 3);
  assert.equal((await call('getReport', { id })).doc.sections.overview ?? '', '');
});

test('clearing is always allowed (null), also for a stated total or a stray cell left by an import', async () => {
  store.database.prepare('INSERT OR REPLACE INTO cells (report_id, cell_key, value) VALUES (?, ?, ?)').run(id, 't3.granted.total', 9);
  await call('saveEdits', { id, cells: { 't3.granted.total': null, 't3.granted.robot': null, 't3.granted.natural_person': 4 } });
  const doc = (await call('getReport', { id })).doc;
  assert.equal(doc.cells['t3.granted.total'], undefined);
  assert.equal(doc.cells['t3.granted.natural_person'], 4);
});

test('a 6 MB request of bad input gives a short message', async () => {
  const keys: Record<string, string> = {};
  for (let i = 0; i < 100_000; i++) keys[`unknown_field_with_a_long_name_${i}`] = 'x'.repeat(20);
  const r = await handle('saveEdits', { id, ...keys });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.ok(r.error.message.length < 1000, `message of ${r.error.message.length} characters`);
    assert.match(r.error.message, /不认识的项[\s\S]*等 100000 项/);
    assert.ok((r.error.issues ?? []).length <= 5);
  }
  const cells: Record<string, number> = {};
  for (let i = 0; i < 1500; i++) cells[`BAD KEY ${'z'.repeat(3000)} ${i}`] = 1;
  const r2 = await handle('setCells', { id, cells });
  assert.equal(r2.ok, false);
  if (!r2.ok) assert.ok(r2.error.message.length < 2000, `message of ${r2.error.message.length} characters`);
});

test('the browser host refuses an edit of more than 4 MB before reading it, with a Chinese message; the host keeps answering', async () => {
  const host = await startHost();
  try {
    const headers = { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token };
    const big = await fetch(`${host.origin}/api/saveEdits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 1, sections: { overview: '字'.repeat(2_100_000) } }),
    });
    assert.equal(big.status, 413);
    const body = (await big.json()) as { error: { message: string } };
    assert.match(body.error.message, /太大（超过 4 MB）/);
    assert.ok(body.error.message.length < 200);
    const ok = await fetch(`${host.origin}/api/appInfo`, { method: 'POST', headers, body: '{}' });
    assert.equal(ok.status, 200);
  } finally {
    await host.stop();
  }
});
