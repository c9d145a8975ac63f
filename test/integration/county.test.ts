// The county's desk on real files: `nianbao county` run as a process over a folder of generated
// township reports (report files and Word documents), the workbook read back with exceljs, the
// opinions read back from the .docx; and the API's county batch leaving the clerk's data alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { createApi } from '../../electron/core/api/index';
import { buildDocx } from '../../electron/core/export/docx';
import { checkReport } from '../../shared/check';
import { openStore } from '../../electron/core/store/index';
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import { mmToTwips, PAGE } from '../../shared/print/page-layout';
import { serializeReportFile } from '../../shared/report-file';
import { generateCountyBatch, SCENARIO, townName, unitName } from '../fixtures/county/generate';
import { writeCountyFolder } from '../fixtures/county/write';
import { repoRoot, tempDir } from '../support/temp';
import { SEVERITY_WORDS } from '../../shared/severity';
import { formatModel } from '../../shared/formats/index';
import { nianbaoCommand } from '../support/cli';
import { mht } from '../support/web-forms';

// The bundled command when the build is current (it proves exceljs bundles), else from source.
const command = nianbaoCommand;
const county = (...args: string[]) => spawnSync(command[0], [...command.slice(1), 'county', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });

const FORMS = join(repoRoot, 'test/fixtures/forms');

const docxText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']);
const plain = (xml: string) => xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');

describe('nianbao county', () => {
  const dir = tempDir('county-cli');
  const folder = join(dir.path, '各乡镇报告');
  const out = join(dir.path, '全县汇总.xlsx');
  const opinions = join(dir.path, '审查意见');
  let run: ReturnType<typeof county>;
  before(async () => {
    (await import('node:fs')).mkdirSync(folder);
    await writeCountyFolder(folder);
    // A cover note sent with the reports (a real Word 97 file): read, listed as 不是年度报告, not counted.
    writeFileSync(join(folder, '说明.doc'), readFileSync(join(FORMS, 'cover-note.doc')));
    writeFileSync(join(folder, '说明.xls'), 'not a kind the desk reads'); // skipped
    run = county(folder, '-o', out, '--opinions', opinions, '--issuer', '清溪县人民政府办公室');
  });
  after(() => dir.cleanup());

  it('exits 1 when a report has errors and prints one line per file', () => {
    assert.equal(run.status, 1, run.stderr + run.stdout);
    assert.match(run.stdout, /✗ 12-黄土镇-2025\.nianbao\.json：清溪县黄土镇人民政府 2025年/);
    assert.match(run.stdout, /08-东城街道-2025\.docx/);
    assert.match(run.stdout, /04-龙泉镇-2025\.nianbao\.json.*结转：与上年结转不一致/);
    assert.match(run.stdout, /已写出汇总表/);
    assert.match(run.stdout, /- 说明\.doc：不是年度报告，未计入。/);
    assert.doesNotMatch(run.stdout, /说明\.xls/);
  });

  it('writes a workbook with the summary, the findings with both quotes and the summed tables', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['概况', '问题清单', '已核实', '汇总（2021格式）', '汇总（2019格式）', '汇总明细'],
    );
    const summary = wb.getWorksheet('概况')!;
    const rows: Record<string, unknown>[] = [];
    summary.eachRow(
      (r, n) =>
        n > 1 &&
        rows.push({
          unit: r.getCell(2).value,
          file: r.getCell(3).value,
          year: r.getCell(5).value,
          errors: r.getCell(7).value,
          continuity: r.getCell(11).value,
          date: r.getCell(12).value,
        }),
    );
    const yellow = rows.find((r) => r.unit === unitName(SCENARIO.unbalanced))!;
    assert.ok(Number(yellow.errors) >= 1);
    assert.equal(rows.find((r) => r.file === '03-石门镇-2025.nianbao.json')!.continuity, '衔接一致');
    assert.equal(rows.filter((r) => r.year === 2025).length, 20);

    const findings: { unit: string; rule: string; quote: string; otherUnit: string; otherQuote: string }[] = [];
    wb.getWorksheet('问题清单')!.eachRow(
      (r, n) =>
        n > 1 &&
        findings.push({
          unit: String(r.getCell(1).value),
          rule: String(r.getCell(10).value),
          quote: String(r.getCell(7).value ?? ''),
          otherUnit: String(r.getCell(8).value ?? ''),
          otherQuote: String(r.getCell(9).value ?? ''),
        }),
    );
    const copy = findings.find((f) => f.rule === 'county.copied_text' && f.unit === unitName(SCENARIO.copiedFrom))!;
    assert.ok(copy, 'the copied paragraph is listed');
    assert.equal(copy.otherUnit, unitName(SCENARIO.copiedTo));
    assert.match(copy.quote, new RegExp(`^${townName(SCENARIO.copiedFrom)}坚持把依申请公开`));
    assert.match(copy.otherQuote, new RegExp(`^${townName(SCENARIO.copiedTo)}坚持把依申请公开`));
    assert.ok(findings.some((f) => f.rule === 'county.outlier' && f.unit === unitName(SCENARIO.outlier)));
    assert.ok(
      findings.some((f) => f.rule === 't3.balance' && f.unit.startsWith('全县汇总')),
      'the county sum is checked by the same rules',
    );

    // The summed values, by key, against the generated reports.
    const generated = generateCountyBatch().filter((g) => g.doc.year === 2025 && g.doc.formatId === 'gov-2021');
    const expectNew = generated.reduce(
      (n, g) => n + (g.doc.cells['t3.new_received.natural_person'] ?? 0) + (g.doc.cells['t3.new_received.commercial_enterprise'] ?? 0),
      0,
    );
    const byKey = new Map<string, number>();
    wb.getWorksheet('汇总明细')!.eachRow(
      (r, n) => n > 1 && String(r.getCell(1).value).includes('2021') && byKey.set(String(r.getCell(2).value), Number(r.getCell(4).value)),
    );
    assert.equal(byKey.get('t3.new_received.total'), expectNew);
    assert.equal(
      byKey.get('t2.licensing.decisions'),
      generated.reduce((n, g) => n + g.doc.cells['t2.licensing.decisions'], 0),
    );

    // The laid-out table: the official label in the row, the sum in the 总计 column.
    const sheet = wb.getWorksheet('汇总（2021格式）')!;
    let found = false;
    sheet.eachRow((r) => {
      const labels = (r.values as unknown[]).filter((v) => typeof v === 'string') as string[];
      if (labels.includes('一、本年新收政府信息公开申请数量')) {
        const nums = (r.values as unknown[]).filter((v) => typeof v === 'number') as number[];
        assert.equal(nums[nums.length - 1], expectNew);
        found = true;
      }
    });
    assert.ok(found, 'table 三 is laid out with its official row labels');
    assert.ok(sheet.model.merges.length > 5, 'spans of the printed layout are merged cells');
  });

  it('writes one opinion per unit in the official layout, findings quoted', () => {
    const files = readdirSync(opinions);
    assert.equal(files.length, 20);
    const copied = docxText(readFileSync(join(opinions, `${unitName(SCENARIO.copiedTo)}2025年度报告审查意见.docx`)));
    const text = plain(copied);
    assert.match(text, /关于清溪县柳溪镇人民政府2025年政府信息公开工作年度报告的审查意见/);
    assert.match(text, /清溪县柳溪镇人民政府：/);
    assert.match(text, /清溪县白沙镇人民政府报告原文：“白沙镇坚持把依申请公开/);
    assert.match(text, /清溪县人民政府办公室/);
    assert.match(copied, new RegExp(`<w:pgSz w:w="${mmToTwips(PAGE.widthMm)}" w:h="${mmToTwips(PAGE.heightMm)}"`));
    assert.match(copied, new RegExp(`w:top="${mmToTwips(PAGE.marginTopMm)}"`));
    assert.match(copied, /方正小标宋简体/);
    const unbalanced = plain(docxText(readFileSync(join(opinions, `${unitName(SCENARIO.unbalanced)}2025年度报告审查意见.docx`))));
    assert.match(unbalanced, /一、必须改正的错误/);
    assert.match(unbalanced, /不平衡：本年新收 \d+ \+ 上年结转 \d+ = \d+ 件，办理结果 \d+ \+ 结转下年度 \d+ = \d+ 件，差 2 件/);
    // The township is not told a 结转下年度 figure to write in: the equation is the finding.
    assert.doesNotMatch(unbalanced, /应为/);
    // A letter has no marked cells: the cells are named by their official labels.
    assert.doesNotMatch(unbalanced, /标出的格子/);
    assert.match(unbalanced, /核对下列格子[\s\S]*涉及的格子：表三“一、本年新收政府信息公开申请数量 · [^”]+”/);
    // An outlier names the county's usual figure as a reference, never as the figure to write in.
    const outlier = plain(docxText(readFileSync(join(opinions, `${unitName(SCENARIO.outlier)}2025年度报告审查意见.docx`))));
    assert.match(outlier, /县内其他 \d+ 个单位一般为/);
    assert.doesNotMatch(outlier, /应为/);
  });

  it('renders in LibreOffice as an A4 opinion: title, addressee, both quotes, signature', (t) => {
    if (spawnSync('soffice', ['--version']).status !== 0) {
      t.skip('LibreOffice (soffice) 未安装：跳过渲染检查。安装 libreoffice-writer-nogui 与 poppler-utils 后重跑。');
      return;
    }
    const work = tempDir('county-render');
    const profile = tempDir('county-lo');
    try {
      const name = `${unitName(SCENARIO.copiedTo)}2025年度报告审查意见.docx`;
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${profile.path}`, '--headless', '--convert-to', 'pdf', '--outdir', work.path, join(opinions, name)],
        { timeout: 120_000 },
      );
      assert.equal(r.status, 0, String(r.stderr));
      const pdf = join(work.path, name.replace(/\.docx$/, '.pdf'));
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const flat = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      assert.ok(flat.startsWith(`关于${unitName(SCENARIO.copiedTo)}2025年政府信息公开工作年度报告的审查意见`), flat.slice(0, 80));
      assert.ok(flat.includes(`${unitName(SCENARIO.copiedTo)}：你单位报送的`));
      assert.ok(flat.includes(`${unitName(SCENARIO.copiedFrom)}报告原文：“${townName(SCENARIO.copiedFrom)}坚持把依申请公开`));
      assert.ok(flat.includes('清溪县人民政府办公室'));
      assert.match(flat, /—1—/, 'page numbers');
    } finally {
      work.cleanup();
      profile.cleanup();
    }
  });

  it('reads every form the import reads: PDF, .doc, .wps, web pages, .mht; cells not read are errors; a cover note is 不是年度报告', async () => {
    const forms = tempDir('county-forms');
    try {
      const form = (name: string) => readFileSync(join(FORMS, name));
      const renamed = (name: string, town: string) => form(name).toString('utf8').replaceAll('小陶', town);
      // Table 四 left out of the page: its figures are not read (未读入), never taken for 0.
      const cut = renamed('2025-clean.html', '大田');
      const withoutT4 = cut.slice(0, cut.lastIndexOf('<table')) + cut.slice(cut.indexOf('</table>', cut.lastIndexOf('<table')) + '</table>'.length);
      writeFileSync(join(forms.path, '小陶镇.pdf'), form('2025-clean.pdf'));
      writeFileSync(join(forms.path, '石门镇.html'), renamed('2025-broken-balance.html', '石门'));
      writeFileSync(join(forms.path, '大田镇.mht'), mht(withoutT4));
      writeFileSync(join(forms.path, '安砂镇2020.wps'), form('2020-ansha.doc'));
      writeFileSync(join(forms.path, '大水坑镇2019.doc'), form('2019-dashuikeng.doc'));
      writeFileSync(join(forms.path, '说明.doc'), form('cover-note.doc'));
      const out = join(forms.path, '汇总.xlsx');
      const r = county(forms.path, '-o', out);
      // Errors in two units' reports, and the cover note is not a failure: 1, not 2.
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /✓ 小陶镇\.pdf：永安市小陶镇人民政府 2025年，/);
      assert.match(r.stdout, /✗ 石门镇\.html：永安市石门镇人民政府 2025年，/);
      assert.match(r.stdout, /✗ 大田镇\.mht：永安市大田镇人民政府 2025年，/);
      assert.match(r.stdout, /安砂镇2020\.wps：永安市安砂镇人民政府 2020年（其他年度，不参加汇总）/);
      assert.match(r.stdout, /大水坑镇2019\.doc：大水坑镇人民政府 2019年/);
      assert.match(r.stdout, /- 说明\.doc：不是年度报告，未计入。.*没有找到政府信息公开工作年度报告的内容/);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const summary: string[][] = [];
      wb.getWorksheet('概况')!.eachRow((row) => summary.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      assert.ok(summary.some((row) => row[1] === '（不是年度报告）' && row[2] === '说明.doc'));
      assert.ok(summary.some((row) => row.some((c) => /无法读取 0 个文件；1 个文件不是年度报告，未计入/.test(c))));
      const findings: string[][] = [];
      wb.getWorksheet('问题清单')!.eachRow((row) => findings.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      const unread = findings.find((f) => f[0] === '永安市大田镇人民政府' && f[9] === 'review.unread_cells')!;
      assert.ok(unread, 'the cells not read are a finding of the unit');
      assert.equal(unread[2], SEVERITY_WORDS.error);
      const t4Inputs = formatModel('gov-2021').inputs.filter((c) => c.table === 't4').length;
      assert.match(unread[4], new RegExp(`表四（行政复议、行政诉讼）有 ${t4Inputs} 格导入时未读入`));
      assert.ok(findings.some((f) => f[0] === '永安市石门镇人民政府' && f[9] === 't3.balance'));
      const note = findings.find((f) => f[1] === '说明.doc')!;
      assert.deepEqual([note[2], note[9]], [SEVERITY_WORDS.info, 'county.not_a_report']);

      // A file that fails (a PDF cut short) is a failure: exit 2, named with the reason.
      writeFileSync(join(forms.path, '坏.pdf'), form('2025-clean.pdf').subarray(0, 3000));
      const broken = county(forms.path, '-o', out);
      assert.equal(broken.status, 2, broken.stdout + broken.stderr);
      assert.match(broken.stdout, /✗ 坏\.pdf：无法读取。.+/);
    } finally {
      forms.cleanup();
    }
  });

  it('exits 0 for a folder without errors, 2 for bad usage or an unreadable file', () => {
    const clean = tempDir('county-clean');
    try {
      const docs = generateCountyBatch().filter((g, i) => i < 6 && !([SCENARIO.unbalanced, SCENARIO.format2019] as number[]).includes(i));
      for (const g of docs) writeFileSync(join(clean.path, `${g.fileName}.nianbao.json`), serializeReportFile(g.doc));
      const ok = county(clean.path, '-o', join(clean.path, 'out.xlsx'));
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      assert.equal(county(clean.path).status, 2, 'no -o');
      assert.equal(county(clean.path, '-o', 'x.csv').status, 2);
      const bad = county(clean.path, '-o', join(clean.path, 'out.xlsx'), '--bogus');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--bogus/);
      assert.equal(county(join(clean.path, 'nowhere'), '-o', join(clean.path, 'o.xlsx')).status, 2);
      writeFileSync(join(clean.path, '坏文件.nianbao.json'), '{ "schema": "nianbao.report/1", ');
      const broken = county(clean.path, '-o', join(clean.path, 'out2.xlsx'));
      assert.equal(broken.status, 2);
      assert.match(broken.stdout, /坏文件\.nianbao\.json：无法读取/);
      assert.ok(existsSync(join(clean.path, 'out2.xlsx')), 'the readable reports are still summed');
    } finally {
      clean.cleanup();
    }
  });
});

describe('the county batch through the API', () => {
  it('reads, reviews and exports without touching the clerk’s reports', async () => {
    const dir = tempDir('county-api');
    const store = await openStore(dir.path);
    try {
      const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
      const call = async <M extends ApiMethod>(m: M, input: ApiInput<M>) => {
        const r = (await handleApiCall(m, input)) as ApiResult<ApiOutputs[M]>;
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const dump = () =>
        JSON.stringify(['units', 'reports', 'section_texts', 'cells', 'exports'].map((t) => store.database.prepare(`SELECT * FROM ${t}`).all()));
      const before = dump();
      const files = generateCountyBatch()
        .slice(0, 8)
        .map((g) => ({ fileName: `${g.fileName}.nianbao.json`, base64: Buffer.from(serializeReportFile(g.doc)).toString('base64') }));
      const first = await call('countyAddFiles', { batchId: null, files: files.slice(0, 5) });
      // Web text copied from a county site is read like any other report.
      const web = {
        fileName: '安砂镇2020年报（网页）.txt',
        base64: readFileSync(join(repoRoot, 'test/fixtures/seeds/2020-ansha-fujian-gov2019.txt')).toString('base64'),
      };
      const second = await call('countyAddFiles', {
        batchId: first.batchId,
        files: [...files.slice(5), web, { fileName: 'x.txt', base64: Buffer.from('随便写的一句话').toString('base64') }],
      });
      assert.equal(second.count, 10);
      const { review, docs } = await call('countyReview', { batchId: first.batchId });
      assert.equal(review.rows.length, 9);
      const webRow = review.rows.find((r) => r.fileName === web.fileName)!;
      assert.equal(webRow.source, 'text');
      assert.equal(webRow.year, 2020);
      assert.equal(webRow.role, 'other', 'a year other than the batch’s is not summed with it');
      assert.equal(review.unreadable.length, 1);
      assert.match(review.unreadable[0].error, /x\.txt/);
      assert.equal(Object.keys(docs).length, 9);
      const wb = await call('countyWorkbook', { batchId: first.batchId });
      assert.match(wb.fileName, /\.xlsx$/);
      const op = await call('countyOpinion', { batchId: first.batchId, entryId: review.rows[0].entryId, issuer: '' });
      assert.match(plain(docxText(Buffer.from(op.base64, 'base64'))), /审查意见/);
      assert.equal(dump(), before, 'the clerk’s tables are unchanged');
      // The same unit again: listed, not counted; the county may count the other file instead.
      const again = await call('countyAddFiles', { batchId: first.batchId, files: [{ ...files[0], fileName: '重发.nianbao.json' }] });
      assert.equal(again.count, 11);
      const twice = (await call('countyReview', { batchId: first.batchId })).review;
      assert.equal(twice.duplicates.length, 1);
      assert.equal(twice.rows[0].fileName, files[0].fileName, 'the unit sent twice leads the table');
      assert.equal(twice.rows[1].role, 'duplicate');
      assert.deepEqual(twice.sums, review.sums, 'summed once');
      const refused = await handleApiCall('countyOpinion', { batchId: first.batchId, entryId: twice.rows[1].entryId, issuer: '' });
      assert.equal(refused.ok, false);
      const chosen = await call('countyKeep', { batchId: first.batchId, entryId: twice.rows[1].entryId });
      assert.equal(chosen.review.duplicates[0].kept, twice.rows[1].entryId);
      assert.equal(chosen.review.rows.find((r) => r.fileName === files[0].fileName)!.role, 'duplicate');
      await call('countyClose', { batchId: first.batchId });
      const gone = await handleApiCall('countyReview', { batchId: first.batchId });
      assert.equal(gone.ok, false);
      const bad = await handleApiCall('countyAddFiles', { batchId: null, files: [], extra: 1 });
      assert.equal(bad.ok, false, 'strict schemas refuse unknown fields');
    } finally {
      store.close();
      dir.cleanup();
    }
  });
});

describe('nianbao county: a unit sent twice, the clerk’s 已核实, opinions under their own names', () => {
  const dir = tempDir('county-twice');
  const folder = join(dir.path, '报告');
  const out = join(dir.path, '汇总.xlsx');
  const opinions = join(dir.path, '审查意见');
  const generated = generateCountyBatch().filter((g, i) => i < 6 && g.doc.year === 2025 && i !== SCENARIO.unbalanced);
  const twice = generated[SCENARIO.copiedFrom];
  const other = generated[3];
  let acked: { id: string; reason: string };
  let run: ReturnType<typeof county>;
  before(async () => {
    (await import('node:fs')).mkdirSync(folder);
    // The first unit's clerk marked one warning 已核实 in the app: it travels in the report file.
    const warning = checkReport(other.doc).find((f) => f.severity === 'warning' && f.id)!;
    acked = { id: warning.id!, reason: '经核对申请台账，数字无误' };
    const docs = generated.map((g) =>
      g === other ? { ...g, doc: { ...g.doc, acknowledgements: { [acked.id]: { reason: acked.reason, at: '2026-01-10T08:00:00Z' } } } } : g,
    );
    await writeCountyFolder(folder, docs);
    // The same township again, as a Word document with 行政许可 changed: counted once, the report file kept.
    const changed = { ...twice.doc, cells: { ...twice.doc.cells, 't2.licensing.decisions': twice.doc.cells['t2.licensing.decisions'] + 156 } };
    writeFileSync(join(folder, '白沙镇年报（重发）.docx'), await buildDocx(changed));
    // Two units whose names make the same file name once made safe: two opinions, two files.
    for (const name of ['清溪县红星/新村镇人民政府', '清溪县红星_新村镇人民政府'])
      writeFileSync(join(folder, `${name.replace('/', '')}.nianbao.json`), serializeReportFile({ ...other.doc, unit: { ...other.doc.unit, name } }));
    run = county(folder, '-o', out, '--opinions', opinions);
  });
  after(() => dir.cleanup());

  it('prints the unit sent twice first, both files named and the cell that differs', () => {
    const lines = run.stdout.split('\n');
    assert.match(
      lines[0],
      new RegExp(
        `重复报送：${unitName(SCENARIO.copiedFrom)} 2025年有 2 份报告：${twice.fileName}\\.nianbao\\.json（计入）、白沙镇年报（重发）\\.docx（不计入）`,
      ),
    );
    assert.match(run.stdout, /不同：表二“行政许可 · [^”]+”：/);
    assert.match(run.stdout, /白沙镇年报（重发）\.docx：.*重复报送，未计入/);
  });

  it('writes one opinion per counted report, each under its own name, and says how many were written', () => {
    const files = readdirSync(opinions);
    const counted = generated.length + 2;
    assert.equal(files.length, counted);
    assert.match(run.stdout, new RegExp(`已写出 ${counted} 份审查意见`));
    assert.ok(files.includes('清溪县红星_新村镇人民政府2025年度报告审查意见（2）.docx'), files.join(' '));
  });

  it('lists the duplicate first in the workbook, findings by title and label, 已核实 apart with the reason', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.equal(wb.worksheets[0].name, '重复报送');
    const dup = wb.getWorksheet('重复报送')!;
    assert.equal(dup.getRow(2).getCell(3).value, `${twice.fileName}.nianbao.json`);
    assert.equal(dup.getRow(2).getCell(4).value, '计入汇总');
    assert.equal(dup.getRow(3).getCell(3).value, '白沙镇年报（重发）.docx');
    assert.match(String(dup.getRow(2).getCell(5).value), /表二“行政许可/);
    // Summed once: the county's 行政许可 is the sum over the counted files.
    const byKey = new Map<string, number>();
    wb.getWorksheet('汇总明细')!.eachRow((r, n) => n > 1 && byKey.set(String(r.getCell(2).value), Number(r.getCell(4).value)));
    const expected = generated.reduce((n, g) => n + g.doc.cells['t2.licensing.decisions'], 0) + 2 * other.doc.cells['t2.licensing.decisions'];
    assert.equal(byKey.get('t2.licensing.decisions'), expected);

    const list = wb.getWorksheet('问题清单')!;
    const header = (list.getRow(1).values as unknown[]).filter(Boolean);
    assert.deepEqual(header.slice(2, 6), ['严重程度', '问题', '说明', '涉及的格子']);
    assert.equal(header[header.length - 1], '规则编号', 'ids in the last column only');
    const titles: string[] = [];
    const cells: string[] = [];
    list.eachRow((r, n) => {
      if (n === 1) return;
      titles.push(String(r.getCell(4).value));
      cells.push(String(r.getCell(6).value ?? ''));
      assert.notEqual(r.getCell(1).value, undefined);
    });
    assert.ok(titles.length > 0);
    for (const t of titles) assert.doesNotMatch(t, /^[a-z0-9_.]+$/, `an internal id as the title: ${t}`);
    for (const c of cells.filter(Boolean)) assert.doesNotMatch(c, /t[234]\.[a-z_]+\.[a-z_]+/, `a cell key instead of its label: ${c}`);
    const openIds: string[] = [];
    list.eachRow((r, n) => n > 1 && r.getCell(1).value === other.doc.unit.name && openIds.push(String(r.getCell(5).value)));
    const ackSheet = wb.getWorksheet('已核实')!;
    assert.equal(ackSheet.rowCount, 2, 'the one acknowledged finding');
    assert.equal(ackSheet.getRow(2).getCell(1).value, other.doc.unit.name);
    assert.equal(ackSheet.getRow(2).getCell(7).value, `已核实，理由：${acked.reason}`);
    assert.ok(!openIds.includes(String(ackSheet.getRow(2).getCell(5).value)), 'not also listed as open');

    const summary = wb.getWorksheet('概况')!;
    const head = (summary.getRow(1).values as unknown[]).filter(Boolean);
    const col = (name: string) => head.indexOf(name) + 1;
    summary.eachRow((r, n) => {
      if (n > 1 && r.getCell(3).value === `${other.fileName}.nianbao.json`) assert.equal(r.getCell(col('已核实')).value, 1);
    });
  });

  it('the opinion counts what it lists, and lists the 已核实 apart with the reason', () => {
    const text = plain(docxText(readFileSync(join(opinions, `${other.doc.unit.name}2025年度报告审查意见.docx`))));
    const m = /发现必须改正的错误(\d+)处、需要核实的问题(\d+)处、供参考的提示(\d+)处；另有你单位已核实并写明理由的(\d+)处/.exec(text);
    assert.ok(m, text.slice(0, 400));
    const part = (heading: string) => {
      const start = text.indexOf(heading);
      if (start < 0) return 0;
      const rest = text.slice(start + heading.length);
      const end = rest.search(/\n[一二三四]、/);
      return (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => /^\d+\. /.test(l)).length;
    };
    assert.equal(part('必须改正的错误\n'), Number(m[1]));
    assert.equal(part('需要核实或修改的问题\n'), Number(m[2]));
    assert.equal(part('供参考的提示\n'), Number(m[3]));
    assert.equal(part('你单位已核实的问题\n'), Number(m[4]));
    assert.equal(Number(m[4]), 1);
    assert.match(text, new RegExp(`已核实，理由：${acked.reason}`));
    const kept = plain(docxText(readFileSync(join(opinions, `${unitName(SCENARIO.copiedFrom)}2025年度报告审查意见.docx`))));
    assert.match(kept, /你单位还报送了“白沙镇年报（重发）\.docx”/);
  });
});
