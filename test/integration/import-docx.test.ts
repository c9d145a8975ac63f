// .docx files made by LibreOffice (not by our exporter) from differently styled documents import
// correctly; our own export imports back to identical cells; broken or unrelated files get a
// clear Chinese ImportError. Needs `soffice`; skipped where it is missing.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import { buildDocx } from '../../electron/core/export/docx';
import { ImportError, readReportSource } from '../../electron/core/import/index';
import { deriveTotals, formatModel, getFormat } from '../../shared/formats/index';
import { tableGrid } from '../../shared/formats/grid';
import type { ReportFormat } from '../../shared/formats/index';
import { ReportDocSchema } from '../../shared/report';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'nianbao-import-docx-'));
const profile = `file://${join(work, `lo-${process.pid}`)}`;
after(() => rmSync(work, { recursive: true, force: true }));

/** Converts an HTML document to .docx with LibreOffice Writer (its own profile, headless). */
function htmlToDocx(name: string, html: string): Uint8Array {
  const src = join(work, `${name}.html`);
  writeFileSync(src, html);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, src],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(work, `${name}.docx`));
}

/** Figures for every input cell: varied, so a column or row mix-up shows. */
function sampleCells(format: ReportFormat): Record<string, number> {
  const cells: Record<string, number> = {};
  formatModel(format).inputs.forEach((c, i) => {
    cells[c.key] = c.kind === 'money' ? 0.35 : c.kind === 'signed_count' ? -2 : (i * 7 + 3) % 5;
  });
  return cells;
}

const half = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
/** A label broken over two lines in the middle, as narrow columns print it. */
const broken = (s: string) => (s.length < 4 ? s : `${s.slice(0, Math.ceil(s.length / 2))}<br>${s.slice(Math.ceil(s.length / 2))}`);
const spaced = (s: string) => s.split('').join(' ');

const NARRATIVE = {
  overview: ['（一）主动公开', '本年度主动公开政府信息 120 条。', '（二）依申请公开', '本年度收到申请 5 件。'],
  problems: ['一是公开栏更新不及时。', '二是将每月检查一次。'],
  other_matters: ['本年度未收取信息处理费。'],
};

function headingsAndText(format: ReportFormat, style: 'plain' | 'spaced', tables: Record<string, string>): string {
  return format.sections
    .map((s) => {
      const heading = style === 'plain' ? s.heading : s.heading.replace('、', ' 、 ');
      const paras = (NARRATIVE as Record<string, string[]>)[s.key] ?? [];
      return `<p><b>${heading}</b></p>${paras.map((p) => `<p>${p}</p>`).join('')}${tables[s.key] ?? ''}`;
    })
    .join('\n');
}

/** Style A: the official layout (merged cells as printed), labels broken over lines, wrong 总计 in one cell. */
function styleA(format: ReportFormat, cells: Record<string, number>, stated: Record<string, number>): string {
  const table = (id: 't2' | 't3' | 't4') => {
    const grid = tableGrid(format, id);
    const rows = grid.rows
      .map((r) => {
        const tds = r.cells
          .map((c) => {
            const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
            if (c.type === 'label') return `<td${span}>${c.role === 'row' || c.role === 'header' ? broken(c.text) : c.text}</td>`;
            const v = c.derived ? stated[c.cell] : cells[c.cell];
            return `<td${span}>${v ?? ''}</td>`;
          })
          .join('');
        return `<tr>${tds}</tr>`;
      })
      .join('\n');
    return `<table border="1" cellspacing="0">${rows}</table>`;
  };
  return `<html><head><meta charset="utf-8"></head><body>
<p align="center"><b>测试县青山镇人民政府<br>${format.id === 'gov-2021' ? 2024 : 2020}年政府信息公开工作年度报告</b></p>
<p>本报告根据《中华人民共和国政府信息公开条例》编制。统计期限自${format.id === 'gov-2021' ? 2024 : 2020}年1月1日至${format.id === 'gov-2021' ? 2024 : 2020}年12月31日。联系电话：0598-1234567，地址：测试县青山镇人民路1号。</p>
${headingsAndText(format, 'plain', { proactive: table('t2'), requests: table('t3'), review_litigation: table('t4') })}
<p>测试县青山镇人民政府</p><p>2025年1月8日</p>
</body></html>`;
}

/**
 * Style B (as a WPS user might lay it out): table 二 as four tables, table 三 with two label
 * columns and no outer 三、 group, split over two tables with the header repeated, half-width
 * brackets, spaced-out labels, full-width digits and units in cells; table 四 with a label column.
 */
function styleB(format: ReportFormat, cells: Record<string, number>): string {
  const fw = (n: number | undefined) => (n === undefined ? '' : String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
  const t2 = format.t2.blocks
    .map((b) => {
      const width = format.t2.valueColumns;
      const single = b.columns.length === 1;
      const head = `<tr><td>${b.firstHeader}</td>${b.columns.map((c) => `<td${single ? ` colspan="${width}"` : ''}>${spaced(half(c.label))}</td>`).join('')}</tr>`;
      const body = b.rows
        .map(
          (r) =>
            `<tr><td>${spaced(r.label)}</td>${b.columns.map((c) => `<td${single ? ` colspan="${width}"` : ''}>${fw(cells[`t2.${r.key}.${c.key}`])}${c.kind === 'money' ? '' : '件'}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<p>${half(b.caption)}</p><table border="1">${head}${body}</table>`;
    })
    .join('\n');
  const cols = format.t3.columns;
  const header = `<tr><td colspan="2" rowspan="2">${half(format.t3.balanceNote)}</td><td rowspan="2">${cols[0].label}</td><td colspan="5">${cols[1].group}</td><td rowspan="2">${cols[6].label}</td></tr><tr>${cols
    .slice(1, 6)
    .map((c) => `<td>${broken(c.label)}</td>`)
    .join('')}</tr>`;
  const rows = format.t3.rows.map((r, i) => {
    const vals = cols.map((c) => `<td>${r.derived || c.derived ? '' : `${cells[`t3.${r.key}.${c.key}`]}`}</td>`).join('');
    const leaf = half(r.path[r.path.length - 1]);
    if (r.path.length < 3) return `<tr><td colspan="2">${spaced(leaf)}</td>${vals}</tr>`;
    const group = r.path[1];
    const first = format.t3.rows.findIndex((x) => x.path[1] === group);
    const span = format.t3.rows.filter((x) => x.path[1] === group).length;
    return `<tr>${first === i ? `<td rowspan="${span}">${broken(half(group))}</td>` : ''}<td>${broken(leaf)}</td>${vals}</tr>`;
  });
  // Split after the （三） block so that no rowspan crosses the break.
  const cut = format.t3.rows.findIndex((r) => r.key === 'unable_not_held');
  const t3 = `<table border="1">${header}${rows.slice(0, cut).join('')}</table><p></p><table border="1">${header}${rows.slice(cut).join('')}</table>`;
  const t4cols = format.t4.columns;
  const t4 = `<table border="1"><tr><td rowspan="3">类别</td><td colspan="5">${format.t4.groups[0].path[0]}</td><td colspan="10">${format.t4.groups[1].path[0]}</td></tr>
<tr>${t4cols.map((c) => `<td rowspan="2">${broken(c.label)}</td>`).join('')}<td colspan="5">${format.t4.groups[1].path[1]}</td><td colspan="5">${format.t4.groups[2].path[1]}</td></tr>
<tr>${[...t4cols, ...t4cols].map((c) => `<td>${spaced(c.label)}</td>`).join('')}</tr>
<tr><td>件数</td>${format.t4.groups.flatMap((g) => t4cols.map((c) => `<td>${c.derived ? '' : fw(cells[`t4.${g.key}.${c.key}`])}</td>`)).join('')}</tr></table>`;
  return `<html><head><meta charset="utf-8"></head><body>
<p>测试县白水乡人民政府${format.id === 'gov-2021' ? 2023 : 2019}年政府信息公开工作年度报告</p>
${headingsAndText(format, 'spaced', { proactive: t2, requests: t3, review_litigation: t4 })}
</body></html>`;
}

const pickInputs = (format: ReportFormat, cells: Record<string, number>) =>
  Object.fromEntries(
    formatModel(format)
      .inputs.filter((c) => c.key in cells)
      .map((c) => [c.key, cells[c.key]]),
  );

for (const id of ['gov-2021', 'gov-2019'] as const) {
  test(`${id}: official layout made by LibreOffice, labels broken over lines, stated totals kept`, { skip: !hasSoffice && 'soffice 未安装' }, async () => {
    const format = getFormat(id);
    const cells = sampleCells(format);
    const stated = deriveTotals(format, cells);
    stated['t3.granted.total'] += 1; // a wrong stated total must be kept as stated
    const bytes = htmlToDocx(`a-${id}`, styleA(format, cells, stated));
    const r = await readReportSource(`a-${id}.docx`, bytes);
    assert.equal(r.source, 'docx');
    assert.equal(r.report.formatId, id);
    assert.equal(r.report.year, id === 'gov-2021' ? 2024 : 2020);
    assert.equal(r.report.unit.name, '测试县青山镇人民政府');
    assert.equal(r.report.unit.phone, '0598-1234567');
    assert.equal(r.report.date, '2025-01-08');
    assert.equal(r.report.signature, '测试县青山镇人民政府');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      [...r.recognised].sort(),
      ['other_matters', 'overview', 'problems', 'proactive', 'requests', 'review_litigation', 't2', 't3', 't4'].sort(),
    );
    assert.deepEqual(pickInputs(format, r.report.cells), cells);
    for (const [k, v] of Object.entries(stated)) assert.equal(r.report.cells[k], v, k);
    assert.equal(r.report.sections.overview, NARRATIVE.overview.join('\n'));
    assert.equal(r.report.sections.other_matters, NARRATIVE.other_matters.join('\n'));
  });

  test(
    `${id}: WPS-like layout (split tables, two label columns, half-width, spaced labels, full-width digits)`,
    { skip: !hasSoffice && 'soffice 未安装' },
    async () => {
      const format = getFormat(id);
      const cells = sampleCells(format);
      const bytes = htmlToDocx(`b-${id}`, styleB(format, cells));
      const r = await readReportSource(`b-${id}.docx`, bytes);
      assert.equal(r.report.formatId, id);
      assert.equal(r.report.year, id === 'gov-2021' ? 2023 : 2019);
      assert.equal(r.report.unit.name, '测试县白水乡人民政府');
      assert.deepEqual(r.problems, []);
      assert.deepEqual(pickInputs(format, r.report.cells), cells);
      // Totals were left blank in this document: none is invented.
      assert.deepEqual(
        Object.keys(r.report.cells).filter((k) => formatModel(format).byKey.get(k)?.derived),
        [],
      );
      assert.equal(r.report.sections.problems, NARRATIVE.problems.join('\n'));
    },
  );
}

test('our own export imports back to identical cells and texts', async () => {
  for (const id of ['gov-2021', 'gov-2019'] as const) {
    const format = getFormat(id);
    const cells = sampleCells(format);
    const doc = ReportDocSchema.parse({
      formatId: id,
      year: id === 'gov-2021' ? 2025 : 2020,
      unit: { name: '永安市小陶镇人民政府', kind: 'township' },
      sections: Object.fromEntries(Object.entries(NARRATIVE).map(([k, v]) => [k, v.join('\n')])),
      cells,
      signature: '永安市小陶镇人民政府',
      date: '2026-01-10',
    });
    const r = await readReportSource('export.docx', await buildDocx(doc));
    assert.deepEqual(r.problems, [], id);
    assert.equal(r.report.formatId, id);
    assert.equal(r.report.year, doc.year);
    assert.deepEqual(pickInputs(format, r.report.cells), cells, id);
    // The export prints the derived totals; they come back as stated values equal to the derived ones.
    const derived = deriveTotals(format, cells);
    for (const [k, v] of Object.entries(r.report.cells)) if (!(k in cells)) assert.equal(v, derived[k], k);
    assert.deepEqual(r.report.sections, doc.sections, id);
    assert.equal(r.report.date, doc.date);
  }
});

test('a corrupt zip, an unrelated .docx and empty text get a clear Chinese ImportError', async () => {
  const docx = await buildDocx(ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit: { name: '永安市小陶镇人民政府', kind: 'township' } }));
  const corrupt = docx.slice(0, Math.floor(docx.length / 2));
  await assert.rejects(
    readReportSource('坏文件.docx', corrupt),
    (e: unknown) => e instanceof ImportError && /已损坏或不完整/.test(e.message) && e.message.includes('坏文件.docx'),
  );
  const notWord = zipSync({ 'hello.txt': strToU8('hi') });
  await assert.rejects(readReportSource('a.docx', notWord), (e: unknown) => e instanceof ImportError && /不是 \.docx 文档/.test(e.message));
  const unrelatedXml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议通知</w:t></w:r></w:p><w:p><w:r><w:t>请各村于周五前报送材料。</w:t></w:r></w:p></w:body></w:document>`;
  const unrelated = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(unrelatedXml) });
  await assert.rejects(
    readReportSource('通知.docx', unrelated),
    (e: unknown) => e instanceof ImportError && /没有找到政府信息公开工作年度报告的内容/.test(e.message),
  );
  await assert.rejects(
    readReportSource('粘贴的文字.txt', new TextEncoder().encode('  \n\n ')),
    (e: unknown) => e instanceof ImportError && /没有文字/.test(e.message),
  );
  await assert.rejects(readReportSource('空.txt', new Uint8Array()), (e: unknown) => e instanceof ImportError && /空文件/.test(e.message));
  await assert.rejects(
    readReportSource('旧.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    (e: unknown) => e instanceof ImportError && /另存为 \.docx/.test(e.message),
  );
  await assert.rejects(
    readReportSource('坏.nianbao.json', new TextEncoder().encode('{"schema": "nianbao.report/1", "year": ')),
    (e: unknown) => e instanceof ImportError,
  );
});

test('Word-style XML: split runs, content controls, automatic heading numbers, tracked changes, vMerge', async () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const run = (t: string) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const para = (...runs: string[]) =>
    `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.join('<w:proofErr w:type="spellStart"/>')}<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/></w:p>`;
  // Headings numbered by Word's list numbering: the text has no 一、.
  const heading = (t: string) => `<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>${run(t)}</w:p>`;
  const tc = (text: string, extra = '') => `<w:tc><w:tcPr>${extra}</w:tcPr>${para(run(text))}</w:tc>`;
  const cont = `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`;
  const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  // 行政复议 · 结果维持 was 9, changed with tracked changes to 2.
  const tracked = `<w:tc><w:tcPr/><w:p><w:del w:id="1" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>2</w:t></w:r></w:ins></w:p></w:tc>`;
  const t4 = `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol/>'.repeat(15)}</w:tblGrid>
<w:tr>${tc('行政复议', '<w:gridSpan w:val="5"/>')}${tc('行政诉讼', '<w:gridSpan w:val="10"/>')}</w:tr>
<w:tr>${labels.map((l) => tc(l, '<w:vMerge w:val="restart"/>')).join('')}${tc('未经复议直接起诉', '<w:gridSpan w:val="5"/>')}${tc('复议后起诉', '<w:gridSpan w:val="5"/>')}</w:tr>
<w:tr>${labels.map(() => cont).join('')}${[...labels, ...labels].map((l) => tc(l)).join('')}</w:tr>
<w:tr>${tracked}${['0', '1', '0', '3', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1'].map((v) => tc(v)).join('')}</w:tr></w:tbl>`;
  const body = [
    `<w:sdt><w:sdtPr/><w:sdtContent>${para(run('测试县'), run('红石镇人民政府'), run('2024'), run('年政府信息公开工作年度报告'))}</w:sdtContent></w:sdt>`,
    heading('总体情况'),
    para(run('本年度'), `<w:hyperlink r:id="rId9">${run('主动公开')}</w:hyperlink>`, run('信息 50 条。')),
    heading('主动公开政府信息情况'),
    heading('收到和处理政府信息公开申请情况'),
    heading('政府信息公开行政复议、行政诉讼情况'),
    t4,
    heading('存在的主要问题及改进情况'),
    para(run('一是……')),
    heading('其他需要报告的事项'),
    para(run('本年度未收取信息处理费。')),
  ].join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
  const r = await readReportSource('word.docx', bytes);
  assert.equal(r.report.formatId, 'gov-2021');
  assert.equal(r.report.year, 2024);
  assert.equal(r.report.unit.name, '测试县红石镇人民政府');
  for (const k of ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters', 't4']) assert.ok(r.recognised.includes(k), k);
  assert.equal(r.report.sections.overview, '本年度主动公开信息 50 条。');
  const t4cells = Object.fromEntries(Object.entries(r.report.cells).filter(([k]) => k.startsWith('t4.')));
  assert.deepEqual(t4cells, {
    't4.review.maintain': 2,
    't4.review.correct': 0,
    't4.review.other': 1,
    't4.review.pending': 0,
    't4.review.total': 3,
    't4.litigation_direct.maintain': 0,
    't4.litigation_direct.correct': 0,
    't4.litigation_direct.other': 0,
    't4.litigation_direct.pending': 0,
    't4.litigation_direct.total': 0,
    't4.litigation_after_review.maintain': 1,
    't4.litigation_after_review.correct': 0,
    't4.litigation_after_review.other': 0,
    't4.litigation_after_review.pending': 0,
    't4.litigation_after_review.total': 1,
  });
  assert.ok(
    r.problems.some((p) => p.startsWith('没有找到表二')),
    r.problems.join('\n'),
  );
  assert.ok(
    r.problems.some((p) => p.startsWith('没有找到表三')),
    r.problems.join('\n'),
  );
});
