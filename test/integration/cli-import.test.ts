// `nianbao import IN -o OUT.nianbao.json` as a clerk or the county runs it: exit 0 when a usable
// file was written (notes on stderr), 1 when nothing usable was written, 2 usage (issue 21 item 5);
// problems on stderr, and an existing OUT never replaced by a failed run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseReportFile } from '../../shared/report-file';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function nianbao(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/core/cli/main.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a fully read report: exit 0, a valid report file', () => {
  const out = join(dir, 'xiaotao.nianbao.json');
  const r = nianbao('import', join(SEEDS, '2018-xiaotao-fujian-legacy.txt'), '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /永安市小陶镇人民政府 2018 年/);
  const parsed = parseReportFile(readFileSync(out, 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  assert.equal(parsed.doc.formatId, 'legacy');
  assert.equal(parsed.doc.indicators?.proactive_total, 76);
});

test('a partly read report: exit 0, the file written with its cells 未读入, what was not read and what was changed on stderr', () => {
  const out = join(dir, 'dashuikeng.nianbao.json');
  const r = nianbao('import', join(SEEDS, '2019-dashuikeng-ningxia-gov2019.txt'), '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /表四只有表头/);
  assert.match(r.stderr, /表三有 20 行没有填数字/);
  assert.match(r.stderr, /第 92 行：去掉了加粗标记 \*\*/);
  assert.match(r.stderr, /第 90 行：这一行没有句末标点，与下一行接成一段：“…、权威性、完整性和时”与“效性。/);
  assert.match(r.stderr, /表格中有 \d+ 格未读入/);
  const parsed = parseReportFile(readFileSync(out, 'utf8'));
  assert.ok(parsed.ok);
  assert.equal(parsed.doc.cells['t2.licensing.decisions'], 0);
  // Table 四 printed no figure: every one of its cells is 未读入, none is a 0.
  const t4 = Object.keys(parsed.doc.cells).filter((k) => k.startsWith('t4.'));
  assert.deepEqual(t4, []);
  assert.ok(parsed.doc.unreadCells!.filter((k) => k.startsWith('t4.')).length === 12);
  assert.ok(!parsed.doc.unreadCells!.includes('t2.licensing.decisions'));
});

test('unreadable input: exit 1; bad usage: exit 2; an existing OUT left untouched, no temp files left', () => {
  const out = join(dir, 'keep.nianbao.json');
  writeFileSync(out, 'ORIGINAL');
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = nianbao('import', empty, '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /空文件/);
  assert.equal(readFileSync(out, 'utf8'), 'ORIGINAL');

  const notReport = join(dir, 'notice.txt');
  writeFileSync(notReport, '关于召开村务会议的通知\n请各村于周五前报送材料。\n');
  const r2 = nianbao('import', notReport, '-o', out);
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /没有找到政府信息公开工作年度报告的内容/);
  assert.equal(readFileSync(out, 'utf8'), 'ORIGINAL');

  assert.equal(nianbao('import', join(dir, 'missing.docx'), '-o', out).code, 1);
  assert.equal(nianbao('import', '/dev/zero', '-o', out).code, 1);
  assert.equal(nianbao('import', empty).code, 2);
  assert.match(nianbao('import').stderr, /用法/);
  assert.equal(nianbao('import', empty, '-o').code, 2);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
});

test('an existing OUT is replaced only by a complete new file', () => {
  const out = join(dir, 'replace.nianbao.json');
  writeFileSync(out, 'OLD');
  const r = nianbao('import', join(SEEDS, '2020-ansha-fujian-gov2019.txt'), '-o', out);
  assert.equal(r.code, 0, r.stderr);
  const parsed = parseReportFile(readFileSync(out, 'utf8'));
  assert.ok(parsed.ok);
  assert.equal(parsed.doc.year, 2020);
  assert.equal(parsed.doc.cells['t2.other_external_services.change'], 151);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
});
