// `nianbao export FILE -o OUT.docx` run as a real process: exit codes 0 written / 1 refused / 2 usage,
// Chinese messages, and a .docx that unzips into the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { serializeReportFile } from '../../shared/report-file';
import { fullReport } from '../fixtures/full-report';
import { nianbaoCommand } from '../support/cli';
import { blankCellNames, blankCells } from '../../shared/print/blank-cells';

const root = process.cwd();

function nianbao(...args: string[]) {
  const r = spawnSync(nianbaoCommand[0], [...nianbaoCommand.slice(1), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let good = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-export-'));
  good = join(dir, '2025.nianbao.json');
  writeFileSync(good, serializeReportFile(fullReport()));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const docText = (path: string, part = 'word/document.xml') => strFromU8(unzipSync(readFileSync(path))[part]);

test('a good report file is written as a .docx (exit 0)', () => {
  const out = join(dir, '年报.docx');
  const r = nianbao('export', good, '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /已导出/);
  const xml = docText(out);
  assert.match(xml, /永安市小陶镇人民政府/);
  assert.match(xml, /三、收到和处理政府信息公开申请情况/);
  assert.equal((xml.match(/<w:tbl>/g) ?? []).length, 3);
  // No temporary file is left beside the output.
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
  // A clean report is not a draft.
  const zip = unzipSync(readFileSync(out));
  for (const name of Object.keys(zip).filter((n) => n.startsWith('word/header'))) assert.doesNotMatch(strFromU8(zip[name]), /草稿/);
});

test('--letterhead adds the 发文机关标志 and 发文字号 from the file', () => {
  const out = join(dir, 'red.docx');
  const r = nianbao('export', good, '-o', out, '--letterhead');
  assert.equal(r.code, 0, r.stderr);
  // Text as Word shows it: digits sit in their own (en-US) runs.
  const text = [...docText(out).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  assert.match(text, /永安市小陶镇人民政府文件/);
  assert.match(text, /小政〔2026〕1号/);
});

test('a report with errors is written but marked 草稿, and the errors are named', () => {
  const doc = fullReport();
  const bad = join(dir, 'unbalanced.nianbao.json');
  writeFileSync(bad, serializeReportFile({ ...doc, cells: { ...doc.cells, 't3.carried_forward.natural_person': 9 } }));
  const out = join(dir, 'draft.docx');
  const r = nianbao('export', bad, '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /草稿/);
  const zip = unzipSync(readFileSync(out));
  const headers = Object.keys(zip).filter((n) => n.startsWith('word/header'));
  assert.ok(headers.length > 0 && headers.every((n) => strFromU8(zip[n]).includes('草稿')));
});

test('broken JSON is refused with a Chinese message (exit 1) and nothing is written', () => {
  const broken = join(dir, 'broken.nianbao.json');
  writeFileSync(broken, '{"schema": "nianbao.report/1", "formatId": "gov-2021", ');
  const out = join(dir, 'broken.docx');
  const r = nianbao('export', broken, '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /[\u4e00-\u9fff]/);
  assert.match(r.stderr, /无法导出/);
  assert.equal(existsSync(out), false);
});

test('a missing file and a history-only (legacy) report are refused (exit 1)', () => {
  const missing = nianbao('export', join(dir, 'nope.nianbao.json'), '-o', join(dir, 'nope.docx'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /文件不存在/);
  const legacy = join(dir, 'legacy.nianbao.json');
  writeFileSync(legacy, serializeReportFile(fullReport({ formatId: 'legacy', year: 2016, cells: {} })));
  const r = nianbao('export', legacy, '-o', join(dir, 'legacy.docx'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /历史报告/);
  assert.equal(existsSync(join(dir, 'legacy.docx')), false);
});

test('usage errors exit 2: no -o, no file, not .docx', () => {
  const noOut = nianbao('export', good);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /-o/);
  assert.match(noOut.stderr, /用法/);
  assert.equal(nianbao('export', '-o', join(dir, 'x.docx')).code, 2);
  assert.equal(nianbao('export', good, '-o', join(dir, 'x.pdf')).code, 2);
});

test('no 成文日期: refused (exit 1, nothing written, a Chinese reason) unless --draft, which writes a 草稿', () => {
  const undated = join(dir, 'undated.nianbao.json');
  writeFileSync(undated, serializeReportFile(fullReport({ date: '' })));
  const out = join(dir, 'undated.docx');
  const r = nianbao('export', undated, '-o', out);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /成文日期/);
  assert.match(r.stderr, /--draft/);
  assert.equal(existsSync(out), false);
  const d = nianbao('export', undated, '-o', out, '--draft');
  assert.equal(d.code, 0, d.stderr);
  assert.match(d.stdout, /草稿/);
  const zip = unzipSync(readFileSync(out));
  const headers = Object.keys(zip).filter((n) => n.startsWith('word/header'));
  assert.ok(headers.length > 0 && headers.every((n) => strFromU8(zip[n]).includes('草稿')));
});

test('a 红头 without 发文字号: refused (exit 1) unless --draft; without --letterhead it exports', () => {
  const doc = fullReport();
  const noNumber = join(dir, 'no-number.nianbao.json');
  writeFileSync(noNumber, serializeReportFile({ ...doc, letterhead: { ...doc.letterhead, docNumber: '' } }));
  const r = nianbao('export', noNumber, '-o', join(dir, 'no-number.docx'), '--letterhead');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /发文字号/);
  assert.equal(existsSync(join(dir, 'no-number.docx')), false);
  assert.equal(nianbao('export', noNumber, '-o', join(dir, 'no-number.docx'), '--letterhead', '--draft').code, 0);
  assert.equal(nianbao('export', noNumber, '-o', join(dir, 'plain.docx')).code, 0);
});

test('--sealed writes the sealed layout; two exports of one report have the same SHA-256', () => {
  const a = join(dir, 'sealed-a.docx');
  const b = join(dir, 'sealed-b.docx');
  assert.equal(nianbao('export', good, '-o', a, '--sealed').code, 0);
  assert.equal(nianbao('export', good, '-o', b, '--sealed').code, 0);
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  assert.equal(sha(a), sha(b));
  assert.notEqual(sha(a), sha(join(dir, '年报.docx')));
  assert.match(docText(a), /<w:jc w:val="right"\/>/);
});

test('usage errors in Chinese (exit 2): unknown option, a value on a flag, help exits 0', () => {
  const unknown = nianbao('export', good, '-o', join(dir, 'x.docx'), '--colour');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /不认识的选项：--colour/);
  const twoFiles = nianbao('export', good, good, '-o', join(dir, 'x.docx'));
  assert.equal(twoFiles.code, 2);
  assert.match(twoFiles.stderr, /一次只能导出一个报告文件/);
  const valued = nianbao('export', good, '-o', join(dir, 'x.docx'), '--draft=yes');
  assert.equal(valued.code, 2);
  assert.match(valued.stderr, /[\u4e00-\u9fff]/);
  const help = nianbao('export', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--sealed/);
  assert.match(help.stdout, /--draft/);
});

test('blank cells in a final export: written (exit 0), named on stderr (the first five) unless --blank-as-zero', () => {
  const blank = blankCells(fullReport());
  assert.ok(blank.length > 5, 'the fixture leaves cells blank');
  const out = join(dir, 'blank.docx');
  const r = nianbao('export', good, '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(out));
  const note = new RegExp(`${blank.length} 格未填，已按 0 印出：${blankCellNames(blank, 5).replace(/[()（）.*+?[\]]/g, '\\$&')}（前 5 个）`);
  assert.match(r.stderr, note);
  assert.doesNotMatch(r.stderr, new RegExp(blank[5].label.replace(/[()（）.*+?[\]]/g, '\\$&')), 'only the first five are named');
  // Confirmed in advance: the same file, silently.
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  const quiet = nianbao('export', good, '-o', join(dir, 'blank-quiet.docx'), '--blank-as-zero');
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /格未填/);
  assert.equal(sha(join(dir, 'blank-quiet.docx')), sha(out));
  // Every cell filled: nothing to say.
  const full = fullReport();
  for (const c of blank) full.cells[c.key] = 0;
  const fullFile = join(dir, 'full.nianbao.json');
  writeFileSync(fullFile, serializeReportFile(full));
  const filled = nianbao('export', fullFile, '-o', join(dir, 'full.docx'));
  assert.equal(filled.code, 0, filled.stderr);
  assert.doesNotMatch(filled.stderr, /格未填/);
});

test('--letterhead prints the 版记 when the file has a 印发机关; --duplex mirrors the margins and puts it on an even page', () => {
  const doc = fullReport();
  const withIssuer = join(dir, 'colophon.nianbao.json');
  writeFileSync(withIssuer, serializeReportFile({ ...doc, letterhead: { ...doc.letterhead, printedBy: '永安市小陶镇党政办公室', printedDate: '2026-01-20' } }));
  const text = (path: string) => [...docText(path).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const out = join(dir, 'colophon.docx');
  const r = nianbao('export', withIssuer, '-o', out, '--letterhead');
  assert.equal(r.code, 0, r.stderr);
  assert.match(text(out), /永安市小陶镇党政办公室2026年1月20日印发$/);
  assert.match(docText(out), /<w:framePr [^>]*w:yAlign="bottom"/);
  assert.doesNotMatch(docText(out, 'word/settings.xml'), /mirrorMargins/);
  // Without --letterhead, or without a 印发机关: no 版记.
  const plain = join(dir, 'colophon-plain.docx');
  assert.equal(nianbao('export', withIssuer, '-o', plain).code, 0);
  assert.doesNotMatch(text(plain), /印发/);
  const none = join(dir, 'no-colophon.docx');
  assert.equal(nianbao('export', good, '-o', none, '--letterhead').code, 0);
  assert.doesNotMatch(text(none), /印发/);
  // Printed on both sides: mirrored margins, the 版记 still printed (its page: export-colophon.test.ts).
  const both = join(dir, 'colophon-duplex.docx');
  assert.equal(nianbao('export', withIssuer, '-o', both, '--letterhead', '--duplex').code, 0);
  assert.match(docText(both, 'word/settings.xml'), /<w:mirrorMargins\/>/);
  assert.match(text(both), /日印发$/);
  assert.match(nianbao('export', '--help').stdout, /--duplex/);
});
