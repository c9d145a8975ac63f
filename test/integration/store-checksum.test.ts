// Silent corruption, on a real SQLite file: a flipped bit inside a report's stored text passes
// SQLite's integrity check and reads as other text. Each report's content carries a checksum
// checked at start: the change is reported with the backup holding the last good copy, which
// restores it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, DB_FILE_NAME, MIGRATIONS } from '../../electron/core/store/index';
import { ReportDocSchema } from '../../shared/report';
import { tempDir } from '../support';

const unit = { name: '校验测试镇人民政府', kind: 'township' as const, supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };
const text = '本年度主动公开政府信息86条，其中规范性文件3件。';

/** Flips one bit of the first place `needle` is stored in the file (the text itself, not a page header). */
function flipIn(path: string, needle: string): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(Buffer.from(needle));
  assert.ok(at > 0, `${needle} is stored in the file`);
  bytes[at] ^= 0x01; // '8' (0x38) reads as '9' (0x39)
  writeFileSync(path, bytes);
}

test('a flipped bit in a report’s stored text passes integrity_check, but the start finds it and names the backup with the last good copy', async () => {
  const dir = tempDir('store-checksum');
  try {
    let store = await openStore(dir.path);
    const r = store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit, sections: { overview: text } }));
    store.setCells(r.id, { 't3.granted.natural_person': 4 });
    store.close();
    store = await openStore(dir.path); // the automatic backup holds the good copy
    const good = store.listBackups()[0];
    assert.equal(store.startupProblem, null, 'an untouched file is quiet');
    store.close();

    const path = join(dir.path, DB_FILE_NAME);
    flipIn(path, '86条');
    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok', 'SQLite’s own check sees nothing');
    check.close();

    store = await openStore(dir.path);
    try {
      assert.equal(store.requireReport(r.id).doc.sections.overview, text.replace('86', '96'), 'the text reads differently');
      const p = store.startupProblem;
      assert.equal(p?.kind, 'checksum');
      assert.match(p.message, /2025年度报告的内容与上次保存时记下的校验值不一致/);
      assert.match(p.message, /最后一份完好的副本在 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 的备份中/);
      assert.equal(p.offer?.fileName, good.fileName);
      await store.restoreBackup(good.fileName);
      assert.equal(store.requireReport(r.id).doc.sections.overview, text);
    } finally {
      store.close();
    }
    store = await openStore(dir.path);
    assert.equal(store.startupProblem, null, 'restored: nothing to report');
    // An edit seals the report again: later starts are quiet.
    store.setSection(r.id, 'overview', `${text}（改过）`);
    store.close();
    store = await openStore(dir.path);
    assert.equal(store.startupProblem, null);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('the checksum migration seals the reports already stored, as they are', async () => {
  const dir = tempDir('store-checksum-migrate');
  try {
    let store = await openStore(dir.path, { migrations: MIGRATIONS.slice(0, 2), backupAtOpen: false });
    store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2024, unit, sections: { overview: text } }));
    store.close();
    store = await openStore(dir.path, { backupAtOpen: false });
    assert.equal(store.startupProblem, null);
    assert.equal(store.database.prepare(`SELECT count(*) FROM reports WHERE content_sha IS NULL`).pluck().get(), 0);
    store.close();
    flipIn(join(dir.path, DB_FILE_NAME), '86条');
    store = await openStore(dir.path, { backupAtOpen: false });
    assert.equal(store.startupProblem?.kind, 'checksum');
    assert.match(store.startupProblem.message, /2024年度报告没有找到完好的备份/);
    store.close();
  } finally {
    dir.cleanup();
  }
});
