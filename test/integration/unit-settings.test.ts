// 本单位公文双面打印 (issue 22 item 8) against a real SQLite file: the setting is kept with the unit
// across restarts and unit edits, a data file from before it reads as off, and the API refuses it
// in Chinese (changing nothing) while there is no unit or when the value is not true/false.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../electron/core/api/index';
import { MIGRATIONS, openStore } from '../../electron/core/store/index';
import type { Unit } from '../../shared/report';
import { tempDir } from '../support';

const unit: Unit = { name: '永安市小陶镇人民政府', kind: 'township', supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };

test('the unit keeps 本单位公文双面打印 across restarts and edits of its details', async () => {
  const dir = tempDir('unit-settings');
  try {
    let store = await openStore(dir.path);
    assert.deepEqual(store.getUnitSettings(), { duplex: false }, 'no unit yet: off');
    assert.equal(store.saveUnitSettings({ duplex: true }), null, 'nothing to keep it with before the unit exists');
    store.saveUnit(unit);
    assert.deepEqual(store.getUnitSettings(), { duplex: false }, 'a new unit prints on one side');
    assert.deepEqual(store.saveUnitSettings({ duplex: true }), { duplex: true });
    store.close();

    store = await openStore(dir.path);
    assert.deepEqual(store.getUnitSettings(), { duplex: true }, 'kept in the file');
    // Editing the unit's details (机关信息) leaves the setting alone.
    store.saveUnit({ ...unit, phone: '0598-3612345' });
    assert.deepEqual(store.getUnitSettings(), { duplex: true });
    store.saveUnitSettings({ duplex: false });
    store.close();
    store = await openStore(dir.path);
    assert.deepEqual(store.getUnitSettings(), { duplex: false });
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('a data file from before the setting is migrated: its unit prints on one side until changed', async () => {
  const dir = tempDir('unit-settings-migrate');
  try {
    const at = MIGRATIONS.findIndex((m) => m.up.toString().includes('print_duplex'));
    assert.ok(at > 0, 'the migration that adds the setting');
    let store = await openStore(dir.path, { migrations: MIGRATIONS.slice(0, at) });
    store.saveUnit(unit);
    store.close();
    store = await openStore(dir.path);
    assert.deepEqual(store.getUnitSettings(), { duplex: false });
    assert.deepEqual(store.saveUnitSettings({ duplex: true }), { duplex: true });
    assert.equal(store.getUnit()?.name, unit.name, 'the unit itself is untouched');
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('API: getUnitSettings / saveUnitSettings; refused in Chinese without a unit or with a wrong value, nothing changed', async () => {
  const dir = tempDir('unit-settings-api');
  const store = await openStore(dir.path);
  try {
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
    assert.deepEqual(await handleApiCall('getUnitSettings', {}), { ok: true, value: { duplex: false } });
    const early = await handleApiCall('saveUnitSettings', { duplex: true });
    assert.ok(
      !early.ok && early.error.code === 'not_found' && /请先在“机关信息”中填写机关名称和类型，再设置“本单位公文双面打印”/.test(early.error.message),
      JSON.stringify(early),
    );
    await handleApiCall('saveUnit', unit);
    for (const bad of [{ duplex: 'yes' }, {}, { duplex: true, extra: 1 }]) {
      const r = await handleApiCall('saveUnitSettings', bad);
      assert.ok(!r.ok && r.error.code === 'invalid_input' && /[\u4e00-\u9fff]/.test(r.error.message), JSON.stringify(r));
    }
    assert.deepEqual(await handleApiCall('getUnitSettings', {}), { ok: true, value: { duplex: false } });
    assert.deepEqual(await handleApiCall('saveUnitSettings', { duplex: true }), { ok: true, value: { duplex: true } });
    assert.deepEqual(await handleApiCall('getUnitSettings', {}), { ok: true, value: { duplex: true } });
  } finally {
    store.close();
    dir.cleanup();
  }
});
