// `nianbao register`: registers written the ways clerks keep them — a titled workbook with merged
// two-row headers, Excel dates and text dates, 全角 digits, a 合计 row and a 填表人 line; a GBK CSV
// with other header words; serial-number dates without a 登记编号 column — read into table 三,
// with unsure mappings listed, unplaceable rows refused (exit 1), and --into writing a report file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseReportFile, serializeReportFile } from '../../shared/report-file';
import { ReportDocSchema } from '../../shared/report';
import { checkReport } from '../../shared/check';
import { repoRoot as ROOT, tempDir } from '../support';

function run(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/core/cli/main.ts'), 'register', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A township's workbook: title, merged group headings over 补正 and 征求意见, totals and a signature. */
async function titledWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025年台账');
  ws.addRow(['某某镇2025年政府信息公开申请登记台账']);
  ws.mergeCells('A1:L1');
  ws.addRow(['序号', '收到日期', '申请人', '申请人性质', '申请方式', '申请内容', '补正', '', '征求第三方意见', '', '答复日期', '办理结果']);
  ws.addRow(['', '', '', '', '', '', '告知日期', '收到日期', '开始日期', '回复日期', '', '']);
  for (const c of ['A', 'B', 'C', 'D', 'E', 'F', 'K', 'L']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('G2:H2');
  ws.mergeCells('I2:J2');
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  ws.addRow(['1', d('2025-01-06'), '王某', '个人', '当面', '低保名单', null, null, null, null, d('2025-01-20'), '予以公开']);
  ws.addRow([
    '2',
    '2025年3月3日',
    '某某建材有限公司',
    '企业',
    '信函',
    '征地补偿方案',
    '2025年3月5日',
    '2025年3月17日',
    null,
    null,
    '2025年4月10日',
    '同意公开',
  ]);
  ws.addRow(['3', '２０２５年６月１０日', '李某', '自然人', '网上申请', '拆迁协议', null, null, '2025-06-12', '2025-06-20', '２０２５年７月１日', '部分公开']);
  ws.addRow(['4', d('2025-12-29'), '某律师事务所', '律师事务所', '网络', '执法文书', null, null, null, null, null, null]);
  ws.addRow(['合计', '4件', null, null, null, null, null, null, null, null, null, null]);
  ws.addRow(['填表人：张三', null, null, null, null, null, null, null, null, null, '审核人：李四', null]);
  await wb.xlsx.writeFile(path);
}

/** Serial-number dates (cells not formatted as dates), other header words, no 登记编号 column. */
async function serialWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['收到时间', '申请人类别', '处理结果', '办结时间', '收费（元）']);
  ws.addRow([45660, '公民', '本机关不掌握相关政府信息', 45680, '０']); // 2025-01-03 → 2025-01-23
  ws.addRow([45700, '科研机构', '4.无正当理由大量反复申请', 45720, '']); // 2025-02-12 → 2025-03-04
  ws.addRow(['合计', null, null, null, 0]);
  await wb.xlsx.writeFile(path);
}

function gbkCsv(path: string, rows: string[][]): void {
  const text = rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n');
  // GBK as Excel on a Chinese Windows saves CSV: encoded by iconv in LibreOffice-free Node via a decoder table round trip.
  const bytes: number[] = [];
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  writeFileSync(path, new Uint8Array(bytes));
}

test('a titled workbook with merged two-row headers, Excel and text dates, 全角 digits, a 合计 row and a signature line', async () => {
  const dir = tempDir('cli-register');
  try {
    const file = join(dir.path, '台账.xlsx');
    await titledWorkbook(file);
    const r = run(file, '--year', '2025', '--json');
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual(
      out.applications.map((a: { id: string }) => a.id),
      ['1', '2', '3', '4'],
    );
    const [a1, a2, a3, a4] = out.applications;
    assert.equal(a1.receivedOn, '2025-01-06');
    assert.equal(a2.receivedOn, '2025-03-03');
    assert.equal(a2.correctionAskedOn, '2025-03-05');
    assert.equal(a2.correctionReceivedOn, '2025-03-17');
    assert.equal(a3.receivedOn, '2025-06-10');
    assert.equal(a3.consultationFrom, '2025-06-12');
    assert.equal(a3.consultationTo, '2025-06-20');
    assert.equal(a3.answeredOn, '2025-07-01');
    assert.equal(a2.applicantType, 'commercial_enterprise');
    assert.equal(a4.applicantType, 'legal_service_org');
    // 补正 restarts the clock at 17 March: due 15 April, answered 10 April in time.
    assert.equal(a2.due, '2025-04-15');
    assert.equal(a2.overdue, false);
    assert.deepEqual(a4.cells, { intake: 't3.new_received.legal_service_org', result: 't3.carried_forward.legal_service_org' });
    assert.equal(out.table['t3.granted.natural_person'], 1);
    assert.equal(out.table['t3.granted.commercial_enterprise'], 1);
    assert.equal(out.table['t3.partial_grant.natural_person'], 1);
    assert.equal(out.table['t3.new_received.natural_person'], 2);
    assert.deepEqual(
      out.skipped.map((s: { row: number }) => s.row),
      [8, 9],
    );
    assert.match(out.skipped[0].reason, /合计行/);
    // Keyword mappings listed for confirmation; the official wording is not.
    const unsure = out.unsure.map((u: { id: string; text: string; readAs: string }) => `${u.id}:${u.text}→${u.readAs}`);
    assert.ok(unsure.includes('1:个人→自然人'), unsure.join(' '));
    assert.ok(unsure.includes('2:同意公开→（一）予以公开'), unsure.join(' '));
    assert.ok(unsure.includes('3:网上申请→网络'), unsure.join(' '));
    assert.ok(!unsure.some((u: string) => u.startsWith('3:自然人')), 'the official type is sure');

    const text = run(file, '--year', '2025');
    assert.equal(text.code, 0);
    assert.match(text.out, /读入 4 件申请，2025 年的表三计入 4 件/);
    assert.match(text.err, /“同意公开” → （一）予以公开/);
  } finally {
    dir.cleanup();
  }
});

test('serial-number dates, other header words and no 登记编号: read, ids given by year and order', async () => {
  const dir = tempDir('cli-register');
  try {
    const file = join(dir.path, 'register.xlsx');
    await serialWorkbook(file);
    const r = run(file, '--year', '2025', '--json');
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual(
      out.applications.map((a: { id: string; receivedOn: string; answeredOn: string; outcome: string }) => [a.id, a.receivedOn, a.answeredOn, a.outcome]),
      [
        ['2025-001', '2025-01-03', '2025-01-23', 'unable_not_held'],
        ['2025-002', '2025-02-12', '2025-03-04', 'not_processed_massive'],
      ],
    );
    assert.equal(out.table['t3.not_processed_massive.research_institution'], 1);
    assert.equal(out.skipped.length, 1);
  } finally {
    dir.cleanup();
  }
});

test('a GBK CSV: rows it cannot place are refused with the reason (exit 1) and --into writes nothing', async () => {
  const dir = tempDir('cli-register');
  try {
    const file = join(dir.path, '台账.csv');
    gbkCsv(file, [
      ['登记编号', '受理日期', '申请人类型', '答复结果', '答复日期'],
      ['A1', '2025/3/3', '自然人', '予以公开', '2025/3/20'],
      ['A2', '2025.6.1', '个体户', '予以公开', '2025.6.9'],
      ['A3', '2025-07-01', '自然人', '不予公开', '2025-07-10'],
      ['A4', '2025-02-30', '自然人', '', ''],
      ['A5', '2025-08-01', '自然人', '予以公开', ''],
    ]);
    const report = join(dir.path, 'r.nianbao.json');
    writeFileSync(report, serializeReportFile(ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit: { name: '某某镇人民政府', kind: 'township' } })));
    const out = join(dir.path, 'out.nianbao.json');
    const r = run(file, '--year', '2025', '--into', report, '-o', out);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /第 3 行（A2）：申请人类型：申请人类型“个体户”对应不到表三的六类申请人/);
    assert.match(r.err, /第 4 行（A3）：办理结果：办理结果“不予公开”：“不予公开”有八种情形，请写明是哪一种/);
    assert.match(r.err, /第 5 行（A4）：收到日期：“2025-02-30”不是存在的日期/);
    assert.match(r.err, /第 6 行（A5）：已答复的申请要同时填写答复日期和办理结果/);
    assert.match(r.err, /报告文件没有写入/);
    assert.throws(() => readFileSync(out), /ENOENT/);
  } finally {
    dir.cleanup();
  }
});

test('--into writes table 三 and the register summary into a report file that checks clean', async () => {
  const dir = tempDir('cli-register');
  try {
    const file = join(dir.path, '台账.xlsx');
    await titledWorkbook(file);
    const report = join(dir.path, 'r.nianbao.json');
    writeFileSync(report, serializeReportFile(ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit: { name: '某某镇人民政府', kind: 'township' } })));
    const out = join(dir.path, 'out.nianbao.json');
    const r = run(file, '--year', '2025', '--into', report, '-o', out);
    assert.equal(r.code, 0, r.err);
    const parsed = parseReportFile(readFileSync(out, 'utf8'));
    assert.ok(parsed.ok);
    assert.equal(parsed.doc.cells['t3.carried_forward.legal_service_org'], 1);
    assert.equal(parsed.doc.cells['t3.denied_state_secret.other'], 0);
    assert.deepEqual(parsed.doc.register!.sources['t3.new_received.natural_person'], ['1', '3']);
    assert.equal(parsed.doc.register!.applicants, undefined);
    assert.equal(readFileSync(out, 'utf8').includes('王某'), false, 'no names in the file');
    assert.deepEqual(
      checkReport(parsed.doc).filter((f) => f.rule.startsWith('t3.') || f.rule.startsWith('register.')),
      [],
    );
    const wrongYear = run(file, '--year', '2024', '--into', report, '-o', out);
    assert.equal(wrongYear.code, 2);
    assert.match(wrongYear.err, /与 --year 2024（gov-2021）不一致/);
  } finally {
    dir.cleanup();
  }
});
