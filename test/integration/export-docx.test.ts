// The Word export read back: the .docx unzipped and its XML checked against the layout values of
// GB/T 9704 (spec §5) and against the format's table grid; then rendered by LibreOffice to PDF
// and its text and page numbers checked. PNGs of the pages go to test-artifacts/export/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { ExportRefused, buildDocx, rowsKeptWithNext } from '../../electron/core/export/docx';
import { printedCells } from '../../shared/print/content';
import { TEXT_WIDTH_TWIPS, isAddress, printedWidth } from '../../shared/print/page-layout';
import { getFormat } from '../../shared/formats/index';
import { tableGrid } from '../../shared/formats/grid';
import type { TableGrid } from '../../shared/formats/grid';
import { fullReport } from '../fixtures/full-report';

// ---- a small XML reader (enough for WordprocessingML: elements, attributes, text) ----
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el: El = { name: m[2], attrs, children: [], text: '' };
    top.children.push(el);
    if (!m[4]) stack.push(el);
  }
  return root;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function all(el: El, name: string, out: El[] = []): El[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}
const first = (el: El, name: string): El | undefined => all(el, name)[0];
const kids = (el: El, name: string) => el.children.filter((c) => c.name === name);
const textOf = (el: El): string =>
  all(el, 'w:t')
    .map((t) => t.text)
    .join('');

// ---- the document under test ----
const MM = 1440 / 25.4;
const doc = fullReport();
const format = getFormat(doc.formatId);
const values = printedCells(format, doc.cells);

async function unpack(options: Parameters<typeof buildDocx>[1] = {}) {
  const bytes = await buildDocx(doc, options);
  const files = unzipSync(bytes);
  const xml = (name: string) => {
    const f = files[name];
    assert.ok(f, `${name} missing from the .docx`);
    return parseXml(strFromU8(f));
  };
  return { bytes, files, xml };
}

function paragraphByText(body: El, startsWith: string): El {
  const p = all(body, 'w:p').find((x) => textOf(x).startsWith(startsWith));
  assert.ok(p, `no paragraph starting with ${startsWith}`);
  return p;
}

function runFont(r: El): { name: string; size: number; bold: boolean; color?: string } {
  const rPr = first(r, 'w:rPr');
  assert.ok(rPr, 'run without properties');
  const f = first(rPr, 'w:rFonts');
  assert.ok(f, 'run without w:rFonts');
  const slots = ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'].map((k) => f.attrs[k]);
  const lang = first(rPr, 'w:lang')?.attrs;
  const text = textOf(r);
  if (/^[\x21-\x7e\u00a0-\u024f ]+$/.test(text) && !/^— .* —$/.test(text) && !first(r, 'w:fldChar')) {
    // Latin text and digits: tagged en-US (a web or e-mail address zh-CN, so LibreOffice breaks it
    // at a line's end as Word does), set in Times New Roman, the Chinese font in its East Asian slot.
    const western = isAddress(text) ? 'zh-CN' : 'en-US';
    assert.deepEqual(lang, { 'w:val': western, 'w:eastAsia': 'zh-CN' }, `「${text}」 not tagged ${western}`);
    assert.deepEqual([slots[0], slots[1], slots[3]], ['Times New Roman', 'Times New Roman', 'Times New Roman'], `「${text}」: ${JSON.stringify(f.attrs)}`);
  } else if (text) {
    // East Asian text: zh-CN, the same font in all four slots, with the East Asian hint.
    assert.equal(lang?.['w:eastAsia'], 'zh-CN', `「${text}」 not tagged zh-CN`);
    assert.ok(
      slots.every((s) => s && s === slots[0]),
      `font slots differ: ${JSON.stringify(f.attrs)}`,
    );
    assert.equal(f.attrs['w:hint'], 'eastAsia');
  }
  const sz = first(rPr, 'w:sz');
  const b = first(rPr, 'w:b');
  return { name: slots[2]!, size: Number(sz?.attrs['w:val']) / 2, bold: !!b && b.attrs['w:val'] !== 'false', color: first(rPr, 'w:color')?.attrs['w:val'] };
}

/** A paragraph's text in stretches of one style (runs split by script merged back). */
function styledText(p: El): { text: string; name: string; size: number; bold: boolean; color?: string }[] {
  const out: { text: string; name: string; size: number; bold: boolean; color?: string }[] = [];
  for (const r of runsOf(p)) {
    const f = runFont(r);
    const last = out[out.length - 1];
    if (last && last.name === f.name && last.bold === f.bold && last.size === f.size && !first(r, 'w:br')) last.text += textOf(r);
    else out.push({ text: textOf(r), ...f });
  }
  return out;
}

function runsOf(p: El) {
  return kids(p, 'w:r').filter((r) => first(r, 'w:t'));
}

test('page: A4, margins 37/35/28/26 mm, exact line pitch giving 22 lines, odd/even footers', async () => {
  const { xml } = await unpack();
  const body = xml('word/document.xml');
  const sect = first(body, 'w:sectPr')!;
  const pgSz = first(sect, 'w:pgSz')!;
  assert.ok(Math.abs(Number(pgSz.attrs['w:w']) - 210 * MM) <= 1);
  assert.ok(Math.abs(Number(pgSz.attrs['w:h']) - 297 * MM) <= 1);
  const m = first(sect, 'w:pgMar')!.attrs;
  for (const [k, mm] of [
    ['w:top', 37],
    ['w:bottom', 35],
    ['w:left', 28],
    ['w:right', 26],
  ] as const) {
    assert.ok(Math.abs(Number(m[k]) - mm * MM) <= 1, `${k} = ${m[k]} twips, want ${mm} mm`);
  }
  // Body paragraphs: exact spacing; 22 lines fill the 225 mm 版心 without overflowing it.
  const p = paragraphByText(body, '2025年，小陶镇坚持');
  const spacing = first(p, 'w:spacing')!.attrs;
  assert.equal(spacing['w:lineRule'], 'exact');
  const line = Number(spacing['w:line']);
  const textHeight = Number(pgSz.attrs['w:h']) - Number(m['w:top']) - Number(m['w:bottom']);
  assert.ok(line * 22 <= textHeight && line * 23 > textHeight, `line pitch ${line} twips does not give 22 lines`);
  // Odd/even footers with the page number.
  const settings = xml('word/settings.xml');
  assert.ok(first(settings, 'w:evenAndOddHeaders'), 'settings lack evenAndOddHeaders');
  const refs = kids(sect, 'w:footerReference');
  assert.deepEqual(refs.map((r) => r.attrs['w:type']).sort(), ['default', 'even']);
});

test('page numbers: "— n —" in 4号 宋体, PAGE field, odd right and even left 空一字', async () => {
  const { xml } = await unpack();
  const rels = xml('word/_rels/document.xml.rels');
  const sect = first(xml('word/document.xml'), 'w:sectPr')!;
  for (const ref of kids(sect, 'w:footerReference')) {
    const target = kids(rels, 'Relationships')[0].children.find((r) => r.attrs.Id === ref.attrs['r:id'])!.attrs.Target;
    const footer = xml(`word/${target}`);
    const instr = all(footer, 'w:instrText').map((i) => i.text.trim());
    assert.ok(instr.includes('PAGE'), 'footer without a PAGE field');
    assert.ok(all(footer, 'w:fldChar').length >= 2);
    const p = all(footer, 'w:p')[0];
    assert.match(textOf(p), /^— .* —$/);
    for (const r of runsOf(p)) {
      const f = runFont(r);
      assert.equal(f.name, '宋体');
      assert.equal(f.size, 14);
    }
    const jc = first(p, 'w:jc')!.attrs['w:val'];
    const ind = first(p, 'w:ind')!.attrs;
    if (ref.attrs['w:type'] === 'default') {
      assert.equal(jc, 'right');
      assert.equal(ind['w:right'], '280');
    } else {
      assert.equal(jc, 'left');
      assert.equal(ind['w:left'], '280');
    }
  }
});

test('fonts: title 2号 小标宋, body 3号 仿宋 indented 2字, headings by level, every run with four font slots', async () => {
  const { xml } = await unpack();
  const body = xml('word/document.xml');
  const paragraphs = kids(first(body, 'w:body')!, 'w:p');
  // Title first, centred, broken after the unit name.
  const title = paragraphs[0];
  assert.equal(first(title, 'w:jc')!.attrs['w:val'], 'center');
  const titleLines = styledText(title);
  assert.deepEqual(
    titleLines.map((l) => l.text),
    ['永安市小陶镇人民政府', '2025年政府信息公开工作年度报告'],
  );
  assert.ok(first(runsOf(title)[1], 'w:br'), 'second title line not on its own line');
  for (const l of titleLines) assert.deepEqual({ ...l, text: '' }, { text: '', name: '方正小标宋简体', size: 22, bold: false, color: undefined });

  const bodyPara = paragraphByText(body, '本报告根据《中华人民共和国政府信息公开条例》');
  assert.match(textOf(bodyPara), /国办公开办函〔2021〕30号/);
  // 2 字 on the 28-字 line: two cells of the 156 mm ÷ 28 grid.
  assert.equal(first(bodyPara, 'w:ind')!.attrs['w:firstLine'], String(Math.round((2 * TEXT_WIDTH_TWIPS) / 28)));
  assert.equal(runFont(runsOf(bodyPara)[0]).name, '仿宋_GB2312');
  assert.equal(runFont(runsOf(bodyPara)[0]).size, 16);
  assert.match(textOf(paragraphByText(body, '本报告中所列数据')), /统计期限为2025年1月1日至2025年12月31日.*0598-3781234/);

  const h1 = styledText(paragraphByText(body, '一、总体情况'));
  assert.equal(h1[0].name, '黑体');
  const h2 = styledText(paragraphByText(body, '（一）主动公开。'));
  assert.equal(h2[0].text, '（一）主动公开。');
  assert.equal(h2[0].name, '楷体_GB2312');
  assert.equal(h2[1].name, '仿宋_GB2312');
  // 「1.」 items: bold up to the first 。 only, the rest of the paragraph regular.
  const h3 = styledText(paragraphByText(body, '1.严格发布审查。'));
  assert.deepEqual(h3[0], { text: '1.严格发布审查。', name: '仿宋_GB2312', size: 16, bold: true, color: undefined });
  assert.ok(h3.slice(1).every((x) => !x.bold));
  const h4 = styledText(paragraphByText(body, '（1）工作考核。'));
  assert.deepEqual({ ...h4[0], text: '' }, { text: '', name: '仿宋_GB2312', size: 16, bold: false, color: undefined });

  // Section headings in the format's order, exactly as the format writes them.
  const texts = paragraphs.map(textOf);
  let at = -1;
  for (const s of format.sections) {
    const i = texts.indexOf(s.heading);
    assert.ok(i > at, `heading ${s.heading} missing or out of order`);
    at = i;
  }
  // Every run of the document, tables included.
  for (const r of all(body, 'w:r').filter((x) => first(x, 'w:t'))) runFont(r);
  // The default style is 仿宋 3号 as well (text typed later in Word gets it).
  const styles = xml('word/styles.xml');
  const defaults = first(first(styles, 'w:docDefaults')!, 'w:rPrDefault')!;
  assert.equal(first(defaults, 'w:rFonts')!.attrs['w:eastAsia'], '仿宋_GB2312');
  assert.equal(first(defaults, 'w:sz')!.attrs['w:val'], '32');
  // The font table gives each Chinese font its GB2312 charset and a stand-in every Windows has.
  const fontTable = all(xml('word/fontTable.xml'), 'w:font');
  const fangsong = fontTable.find((f) => f.attrs['w:name'] === '仿宋_GB2312');
  assert.ok(fangsong, 'fontTable lacks 仿宋_GB2312');
  assert.equal(first(fangsong, 'w:altName')!.attrs['w:val'], '仿宋');
  assert.equal(first(fangsong, 'w:charset')!.attrs['w:val'], '86');
  for (const name of ['楷体_GB2312', '黑体', '方正小标宋简体', '宋体'])
    assert.ok(
      fontTable.some((f) => f.attrs['w:name'] === name),
      `fontTable lacks ${name}`,
    );
  // Each 公文 font read back with the Windows font Word and WPS map it to, its PANOSE class and GB2312.
  const mapped: Record<string, string> = { 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '华文中宋', 黑体: 'SimHei', 宋体: 'SimSun' };
  for (const [name, alt] of Object.entries(mapped)) {
    const f = fontTable.find((x) => x.attrs['w:name'] === name)!;
    assert.equal(first(f, 'w:altName')?.attrs['w:val'], alt, `${name} → ${alt}`);
    assert.match(first(f, 'w:panose1')?.attrs['w:val'] ?? '', /^[0-9A-F]{20}$/, `${name}: no panose`);
    assert.equal(first(f, 'w:charset')?.attrs['w:val'], '86', `${name}: charset`);
  }
  // Every font a run names is in the table.
  const named = new Set(
    all(xml('word/document.xml'), 'w:rFonts').flatMap((r) =>
      Object.entries(r.attrs)
        .filter(([k]) => k !== 'w:hint')
        .map(([, v]) => v),
    ),
  );
  for (const n of named)
    assert.ok(
      fontTable.some((f) => f.attrs['w:name'] === n),
      `the font table lacks ${n}`,
    );
});

test('署名 and 成文日期 without a seal: blank line, 署名 空2字, date 2字 right of the 署名', async () => {
  const { xml } = await unpack();
  const paragraphs = kids(first(xml('word/document.xml'), 'w:body')!, 'w:p');
  const texts = paragraphs.map(textOf);
  const i = texts.lastIndexOf('永安市小陶镇人民政府');
  assert.ok(i > 0);
  assert.equal(texts[i - 1], '', 'no blank line above the 署名');
  assert.equal(texts[i + 1], '2026年1月8日');
  const sig = paragraphs[i];
  const date = paragraphs[i + 1];
  // Placed from the left on the 28-字 grid: the 署名 (10 字) ends 空2字 from the right, the date
  // starts 2 字 right of the 署名's first character.
  const cell = TEXT_WIDTH_TWIPS / 28;
  const left = (p: El) => Number(first(p, 'w:ind')!.attrs['w:left']);
  assert.equal(first(sig, 'w:jc')!.attrs['w:val'], 'left');
  const sigWidth = printedWidth('永安市小陶镇人民政府');
  assert.ok(Math.abs(left(sig) - (28 - 2 - sigWidth) * cell) <= 1, `署名 at ${left(sig)}`);
  assert.ok(Math.abs(left(date) - left(sig) - 2 * cell) <= 1, `date at ${left(date)}`);
  // Kept with the body above: the blank line and the 署名 keep with the next paragraph, and so
  // does the body's last paragraph.
  assert.ok(
    first(paragraphs[i - 1], 'w:keepNext') && first(sig, 'w:keepNext') && first(paragraphs[i - 2], 'w:keepNext'),
    '署名 and date not kept with the body',
  );
});

/** The docx rows of a table, each as its cells (continuation cells of vertical merges marked). */
function tableRows(tbl: El) {
  return kids(tbl, 'w:tr').map((tr) => ({
    tr,
    cells: kids(tr, 'w:tc').map((tc) => {
      const tcPr = first(tc, 'w:tcPr')!;
      const vMerge = first(tcPr, 'w:vMerge');
      return {
        text: textOf(tc),
        span: Number(first(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1),
        vMerge: vMerge ? (vMerge.attrs['w:val'] ?? 'continue') : null,
        width: first(tcPr, 'w:tcW')!.attrs,
      };
    }),
  }));
}

function checkTable(tbl: El, grid: TableGrid, textWidth: number) {
  const tblPr = first(tbl, 'w:tblPr')!;
  assert.deepEqual(first(tblPr, 'w:tblW')!.attrs, { 'w:type': 'dxa', 'w:w': String(textWidth) });
  assert.equal(first(tblPr, 'w:tblLayout')!.attrs['w:type'], 'fixed');
  const cols = kids(first(tbl, 'w:tblGrid')!, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
  assert.equal(cols.length, grid.columns);
  assert.equal(
    cols.reduce((a, b) => a + b, 0),
    textWidth,
  );
  const rows = tableRows(tbl);
  assert.equal(rows.length, grid.rows.length, `${grid.id}: row count`);
  const covered: number[][] = grid.rows.map(() => []);
  rows.forEach(({ tr, cells }, r) => {
    const trPr = first(tr, 'w:trPr');
    assert.ok(trPr && first(trPr, 'w:cantSplit'), `${grid.id} row ${r} may split across pages`);
    assert.equal(!!first(trPr, 'w:tblHeader'), r < grid.repeatHeaderRows, `${grid.id} row ${r}: tblHeader`);
    // Captions and headers are kept with the row below (no caption alone at the foot of a page).
    if (grid.rows[r].kind !== 'body' && r < grid.rows.length - 1)
      assert.ok(first(kids(tr, 'w:tc')[0], 'w:keepNext'), `${grid.id} row ${r}: not kept with next`);
    // Every cell's width is in dxa and equals the grid columns it spans.
    let col = 0;
    for (const c of cells) {
      assert.equal(c.width['w:type'], 'dxa');
      assert.equal(
        Number(c.width['w:w']),
        cols.slice(col, col + c.span).reduce((a, b) => a + b, 0),
        `${grid.id} row ${r} col ${col}: width`,
      );
      if (c.vMerge === 'continue') assert.ok(covered[r].includes(col), `${grid.id} row ${r} col ${col}: stray vMerge continue`);
      col += c.span;
    }
    assert.equal(col, grid.columns, `${grid.id} row ${r}: spans do not add up to the grid`);
    const own = cells.filter((c) => c.vMerge !== 'continue');
    const expected = grid.rows[r].cells;
    assert.equal(own.length, expected.length, `${grid.id} row ${r}: cell count`);
    // Cells in order: labels exactly the format's, values as printed, spans as the grid says.
    let gcol = 0;
    own.forEach((c, k) => {
      while (covered[r].includes(gcol)) gcol++;
      const g = expected[k];
      assert.equal(c.span, g.colSpan, `${grid.id} row ${r} cell ${k}: gridSpan`);
      assert.equal(c.vMerge === 'restart', g.rowSpan > 1, `${grid.id} row ${r} cell ${k}: vMerge restart`);
      if (g.type === 'label') assert.equal(c.text, g.text, `${grid.id} row ${r} cell ${k}: label`);
      else assert.equal(c.text, values[g.cell], `${grid.id} ${g.cell}`);
      for (let d = 1; d < g.rowSpan; d++) for (let x = gcol; x < gcol + g.colSpan; x++) covered[r + d].push(x);
      gcol += g.colSpan;
    });
  });
}

test('tables 二, 三, 四: labels, merges, widths in dxa, fixed layout, repeated headers, rows kept whole', async () => {
  const { xml } = await unpack();
  const body = xml('word/document.xml');
  const textWidth =
    Number(first(body, 'w:pgSz')!.attrs['w:w']) - Number(first(body, 'w:pgMar')!.attrs['w:left']) - Number(first(body, 'w:pgMar')!.attrs['w:right']);
  assert.ok(Math.abs(textWidth - 156 * MM) <= 2);
  const tables = kids(first(body, 'w:body')!, 'w:tbl');
  assert.equal(tables.length, 3);
  const ids = ['t2', 't3', 't4'] as const;
  tables.forEach((tbl, i) => checkTable(tbl, tableGrid(format, ids[i]), textWidth));
  // Each table sits in its section: after its heading, before the next one.
  const bodyEls = first(body, 'w:body')!.children;
  const pos = (pred: (e: El) => boolean) => bodyEls.findIndex(pred);
  format.sections.forEach((s, k) => {
    if (!s.table) return;
    const h = pos((e) => e.name === 'w:p' && textOf(e) === s.heading);
    assert.ok(first(bodyEls[h], 'w:keepNext'), `${s.heading} not kept with its table`);
    const next = pos((e) => e.name === 'w:p' && textOf(e) === format.sections[k + 1].heading);
    const t = bodyEls.indexOf(tables[ids.indexOf(s.table)]);
    assert.ok(h < t && t < next, `table ${s.table} not inside ${s.heading}`);
  });
  // Derived cells computed, empty inputs printed as 0, money with its decimals.
  assert.equal(values['t3.new_received.total'], '52');
  assert.equal(values['t3.total_processed.total'], '54');
  assert.equal(values['t3.total_processed.natural_person'], '40');
  assert.equal(values['t4.review.total'], '3');
  assert.equal(values['t3.carried_over.research_institution'], '0');
  assert.equal(values['t2.fees.amount'], '3.72');
  // Table type fits table 三 into the 版心: 5号 or smaller.
  for (const r of all(tables[1], 'w:r').filter((x) => first(x, 'w:t'))) assert.ok(runFont(r).size <= 10.5);
});

test('draft: every page carries a visible 草稿 header; the final version does not', async () => {
  const draft = await unpack({ draft: true });
  const headers = Object.keys(draft.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  assert.ok(headers.length >= 2, 'draft needs odd and even headers');
  for (const h of headers) assert.match(textOf(draft.xml(h)), /草稿/);
  const sect = first(draft.xml('word/document.xml'), 'w:sectPr')!;
  assert.deepEqual(
    kids(sect, 'w:headerReference')
      .map((r) => r.attrs['w:type'])
      .sort(),
    ['default', 'even'],
  );
  const final = await unpack();
  const finalHeaders = Object.keys(final.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  for (const h of finalHeaders) assert.doesNotMatch(textOf(final.xml(h)), /草稿/);
  assert.doesNotMatch(strFromU8(final.files['word/document.xml']), /草稿/);
});

test('红头: 发文机关标志 in red centred, 发文字号 below, red separator, then the title', async () => {
  const { xml } = await unpack({ letterhead: true });
  const paragraphs = kids(first(xml('word/document.xml'), 'w:body')!, 'w:p');
  const issuer = paragraphs[0];
  assert.equal(textOf(issuer), '永安市小陶镇人民政府文件');
  assert.equal(first(issuer, 'w:jc')!.attrs['w:val'], 'center');
  assert.equal(runFont(runsOf(issuer)[0]).color, 'FF0000');
  const numberIdx = paragraphs.findIndex((p) => textOf(p) === '小政〔2026〕1号');
  assert.ok(numberIdx > 0);
  const border = first(first(paragraphs[numberIdx], 'w:pBdr')!, 'w:bottom')!;
  assert.equal(border.attrs['w:color'], 'FF0000');
  const titleIdx = paragraphs.findIndex((p) => textOf(p).startsWith('永安市小陶镇人民政府2025年'));
  assert.ok(titleIdx > numberIdx, 'title must come below the 版头');
});

test('legacy (pre-2019) reports are refused with a Chinese message', async () => {
  await assert.rejects(buildDocx({ ...doc, formatId: 'legacy' }), /历史报告.*不能导出|没有官方格式/);
});

test('a 2019-format report exports with its own tables and citation', async () => {
  const old = fullReport({ formatId: 'gov-2019', year: 2020, cells: { 't2.procurement.amount': 12.5, 't3.other.natural_person': 2 } });
  const bytes = await buildDocx(old);
  const documentXml = parseXml(strFromU8(unzipSync(bytes)['word/document.xml']));
  const text = all(documentXml, 'w:p').map(textOf).join('\n');
  assert.match(text, /国办公开办函〔2019〕60号/);
  const tables = all(documentXml, 'w:tbl').filter((t) => !all(t, 'w:tbl').length);
  const f2019 = getFormat('gov-2019');
  const vals2019 = printedCells(f2019, old.cells);
  assert.equal(vals2019['t2.procurement.amount'], '12.5');
  tables.forEach((tbl, i) => {
    const grid = tableGrid(f2019, (['t2', 't3', 't4'] as const)[i]);
    const labels = grid.rows.flatMap((r) => r.cells.flatMap((c) => (c.type === 'label' && c.text ? [c.text] : [])));
    const found = all(tbl, 'w:tc').map(textOf);
    for (const l of labels) assert.ok(found.includes(l), `2019 ${grid.id}: ${l}`);
  });
});

// ---- LibreOffice: the file as a person would see it ----
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const haveSoffice = soffice.status === 0;

/** A label whose merged cell straddles a page break is printed in two pieces, in order. */
function appearsInOrder(text: string, label: string, allowSplit: boolean): boolean {
  if (text.includes(label)) return true;
  if (!allowSplit) return false;
  for (let k = 1; k < label.length; k++) {
    const p = text.indexOf(label.slice(0, k));
    if (p >= 0 && text.indexOf(label.slice(k), p + k) > p) return true;
  }
  return false;
}

test('LibreOffice renders it: plausible page count, every label and figure, page numbers odd right / even left', async (t) => {
  if (!haveSoffice) {
    t.skip('LibreOffice (soffice) 未安装：跳过渲染检查。安装 libreoffice-writer-nogui 与 poppler-utils 后重跑。');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    const { bytes } = await unpack();
    const docxPath = join(dir, 'report.docx');
    writeFileSync(docxPath, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const pdf = join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 4 && pages <= 8, `page count ${pages} is not plausible for a full report`);

    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    const flat = raw.replace(/\s+/g, '');
    for (const id of ['t2', 't3', 't4'] as const) {
      const grid = tableGrid(format, id);
      for (const row of grid.rows) {
        for (const c of row.cells) {
          if (c.type === 'label' && c.text) assert.ok(appearsInOrder(flat, c.text.replace(/\s+/g, ''), c.rowSpan > 1), `PDF lacks ${id} label ${c.text}`);
        }
        // A body row's figures come out together, left to right.
        const figures = row.cells.flatMap((c) => (c.type === 'value' ? [values[c.cell]] : []));
        if (row.kind === 'body' && figures.some((f) => f !== '0')) {
          const pattern = new RegExp(figures.map((f) => f.replace('.', '\\.')).join('\\s+'));
          assert.match(raw, pattern, `PDF lacks the figures of a ${id} row: ${figures.join(' ')}`);
        }
      }
    }
    for (const s of format.sections) assert.ok(flat.includes(s.heading), `PDF lacks ${s.heading}`);
    assert.ok(flat.includes('2026年1月8日'));

    // Page numbers: every page "— n —"; odd pages right of centre, even pages left.
    for (let n = 1; n <= pages; n++) {
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      const width = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
      const num = [...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>(\d+)<\/word>/g)].filter((m) => m[2] === String(n)).pop();
      assert.ok(num, `page ${n} has no page number`);
      const x = Number(num[1]);
      if (n % 2 === 1) assert.ok(x > width * 0.75, `odd page ${n}: number at x=${x}, want right`);
      else assert.ok(x < width * 0.25, `even page ${n}: number at x=${x}, want left`);
    }

    // Keep the pages as pictures for people to look at.
    const out = join(process.cwd(), 'test-artifacts', 'export');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'page')]);
    copyFileSync(docxPath, join(out, 'report.docx'));
    copyFileSync(pdf, join(out, 'report.pdf'));
    assert.equal(readdirSync(out).filter((f) => f.endsWith('.png')).length, pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});

// ---- issue 11: what a county needs to accept the file unchanged ----

test('the same report gives the same bytes; a change of one character gives other bytes', async () => {
  const sha = async (d: typeof doc, o: Parameters<typeof buildDocx>[1] = {}) =>
    createHash('sha256')
      .update(await buildDocx(d, o))
      .digest('hex');
  const a = await sha(doc);
  await new Promise((r) => setTimeout(r, 1100)); // a second later: no clock in the file
  assert.equal(await sha(doc), a);
  assert.equal(await sha(structuredClone(doc)), a);
  assert.notEqual(await sha({ ...doc, sections: { ...doc.sections, overview: doc.sections.overview + '。' } }), a);
  assert.notEqual(await sha(doc, { letterhead: true }), a);
  // Timestamps inside come from the report (its 成文日期), not from the clock.
  const files = unzipSync(await buildDocx(doc));
  const core = strFromU8(files['docProps/core.xml']);
  assert.match(core, /<dcterms:created[^>]*>2026-01-08T00:00:00Z<\/dcterms:created>/);
  assert.match(core, /<dcterms:modified[^>]*>2026-01-08T00:00:00Z<\/dcterms:modified>/);
});

test('document properties: title, unit, no 「Un-named」', async () => {
  const { files } = await unpack();
  const core = strFromU8(files['docProps/core.xml']);
  assert.match(core, /<dc:title>永安市小陶镇人民政府2025年政府信息公开工作年度报告<\/dc:title>/);
  assert.match(core, /<dc:creator>永安市小陶镇人民政府<\/dc:creator>/);
  assert.match(core, /<cp:lastModifiedBy>永安市小陶镇人民政府<\/cp:lastModifiedBy>/);
  assert.doesNotMatch(core, /Un-named/);
  assert.match(strFromU8(files['docProps/app.xml']), /<Company>永安市小陶镇人民政府<\/Company>/);
});

test('Word heading styles with outline levels: the navigation pane shows the six parts', async () => {
  const { xml } = await unpack();
  const styles = all(xml('word/styles.xml'), 'w:style');
  for (const [id, level] of [
    ['Heading1', '0'],
    ['Heading2', '1'],
    ['Heading3', '2'],
    ['Heading4', '3'],
  ] as const) {
    const st = styles.find((x) => x.attrs['w:styleId'] === id);
    assert.ok(st, `style ${id} missing`);
    assert.equal(first(st, 'w:outlineLvl')?.attrs['w:val'], level, `${id} outline level`);
    assert.ok(first(st, 'w:keepNext'), `${id} not kept with next`);
  }
  const body = first(xml('word/document.xml'), 'w:body')!;
  const h1 = kids(body, 'w:p')
    .filter((p) => first(p, 'w:pStyle')?.attrs['w:val'] === 'Heading1')
    .map(textOf);
  assert.deepEqual(
    h1,
    format.sections.map((s) => s.heading),
  );
  // A heading standing alone (「（三）政府信息管理。」) is a heading kept with its text.
  const standalone = paragraphByText(body, '（三）政府信息管理。');
  assert.equal(first(standalone, 'w:pStyle')?.attrs['w:val'], 'Heading2');
  assert.ok(first(standalone, 'w:keepNext'));
});

test("document grid: 每页22行、每行28字 in Word's 页面设置", async () => {
  const { xml } = await unpack();
  const body = xml('word/document.xml');
  const grid = first(first(body, 'w:sectPr')!, 'w:docGrid')!.attrs;
  assert.equal(grid['w:type'], 'linesAndChars');
  const m = first(body, 'w:pgMar')!.attrs;
  const pg = first(body, 'w:pgSz')!.attrs;
  const height = Number(pg['w:h']) - Number(m['w:top']) - Number(m['w:bottom']);
  const width = Number(pg['w:w']) - Number(m['w:left']) - Number(m['w:right']);
  assert.equal(Math.floor(height / Number(grid['w:linePitch'])), 22);
  // Word's character pitch: the Normal style's East Asian size plus charSpace/4096 pt.
  const normal = all(xml('word/styles.xml'), 'w:style').find((x) => x.attrs['w:styleId'] === 'Normal')!;
  const sizePt = Number(first(normal, 'w:sz')!.attrs['w:val']) / 2;
  const pitchPt = sizePt + Number(grid['w:charSpace']) / 4096;
  assert.equal(Math.floor(width / 20 / pitchPt), 28);
});

test('page number 7 mm under the 版心: the footer line is placed from the bottom edge', async () => {
  const { xml } = await unpack();
  const m = first(xml('word/document.xml'), 'w:pgMar')!.attrs;
  const footerLine = 14 * 20;
  const topOfNumberMm = (Number(m['w:bottom']) - Number(m['w:footer']) - footerLine) / MM;
  assert.ok(Math.abs(topOfNumberMm - 7) < 0.1, `${topOfNumberMm.toFixed(2)} mm`);
});

test('no 成文日期, or a 红头 without 发文字号: refused as a final version, otherwise always marked 草稿', async () => {
  await assert.rejects(buildDocx({ ...doc, date: '' }, { final: true }), (err: Error) => err instanceof ExportRefused && /成文日期/.test(err.message));
  const noNumber = { ...doc, letterhead: { ...doc.letterhead, docNumber: '' } };
  await assert.rejects(buildDocx(noNumber, { letterhead: true, final: true }), /发文字号/);
  // Without the 红头 the missing number does not matter.
  const plain = unzipSync(await buildDocx(noNumber, { final: true }));
  assert.ok(
    Object.keys(plain)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .every((h) => !/草稿/.test(strFromU8(plain[h]))),
  );
  // Not asked to be final: written, but every page says 草稿, the same as with draft: true.
  const marked = await buildDocx({ ...doc, date: '' });
  assert.deepEqual(marked, await buildDocx({ ...doc, date: '' }, { draft: true }));
  const draft = unzipSync(marked);
  const headers = Object.keys(draft).filter((n) => /^word\/header\d*\.xml$/.test(n));
  assert.ok(headers.length >= 2 && headers.every((h) => /草稿/.test(textOf(parseXml(strFromU8(draft[h]))))));
  assert.match(
    all(parseXml(strFromU8(draft['word/document.xml'])), 'w:p')
      .map(textOf)
      .join('\n'),
    /2026年　　月　　日/,
  );
});

test('table 三: the rows of a merged label are kept together, so no page break cuts the label', async () => {
  const { xml } = await unpack();
  const tbl = kids(first(xml('word/document.xml'), 'w:body')!, 'w:tbl')[1];
  const grid = tableGrid(format, 't3');
  const keep = rowsKeptWithNext(grid);
  const rows = kids(tbl, 'w:tr');
  rows.forEach((tr, r) => {
    const kept = kids(tr, 'w:tc').every((tc) => all(tc, 'w:p').every((p) => !!first(p, 'w:keepNext')));
    assert.equal(kept, keep[r], `row ${r}`);
  });
  // 「（三）不予公开」 spans its eight items: the first seven keep with the next row.
  const start = grid.rows.findIndex((row) => row.cells.some((c) => c.type === 'label' && c.text === '（三）不予公开'));
  for (let r = start; r < start + 7; r++) assert.ok(keep[r], `row ${r} of （三） not kept with the next`);
  // Header words are printed in whole-word lines (商业/企业), never as the line happens to fill.
  const header = all(tbl, 'w:tc').find((tc) => textOf(tc) === '商业企业' || textOf(tc).replace(/\s/g, '') === '商业企业');
  assert.ok(header, 'no 商业企业 header');
  const pieces: string[] = [''];
  for (const r of all(header, 'w:r')) {
    if (first(r, 'w:br')) pieces.push('');
    pieces[pieces.length - 1] += textOf(r);
  }
  assert.ok(pieces.join('|') === '商业企业' || pieces.join('|') === '商业|企业', pieces.join('|'));
});

test('sealed layout (§7.3.5.1): date right-aligned 空4字, 署名 centred above, two blank lines for the seal', async () => {
  const { xml } = await unpack({ sealed: true });
  const paragraphs = kids(first(xml('word/document.xml'), 'w:body')!, 'w:p');
  const texts = paragraphs.map(textOf);
  const i = texts.lastIndexOf('永安市小陶镇人民政府');
  assert.deepEqual(texts.slice(i - 2, i), ['', '']);
  const date = paragraphs[i + 1];
  assert.equal(first(date, 'w:jc')!.attrs['w:val'], 'right');
  assert.equal(Number(first(date, 'w:ind')!.attrs['w:right']), Math.round((4 * TEXT_WIDTH_TWIPS) / 28));
});

test('a long unit name: the title paragraph breaks (w:br) between the unit and the report name, never inside the organ', async () => {
  const unit = '福建省三明市永安市龙凤镇人民政府党政综合服务中心';
  const long = fullReport({ title: '', unit: { ...doc.unit, name: unit } });
  const body = first(parseXml(strFromU8(unzipSync(await buildDocx(long))['word/document.xml'])), 'w:body')!;
  const title = kids(body, 'w:p')[0];
  // The title's lines as Word sets them: text between explicit breaks.
  const lines: string[] = [''];
  for (const r of kids(title, 'w:r')) {
    if (first(r, 'w:br')) lines.push('');
    lines[lines.length - 1] += textOf(r);
  }
  assert.equal(lines.join(''), `${unit}2025年政府信息公开工作年度报告`);
  assert.equal(lines.at(-1), '2025年政府信息公开工作年度报告');
  for (const l of lines) assert.doesNotMatch(l, /^人民政府/, `「${l}」 starts inside the organ name`);
  assert.deepEqual(lines, ['福建省三明市永安市', '龙凤镇人民政府党政综合服务中心', '2025年政府信息公开工作年度报告']);
});

test('双面打印: mirror margins in the settings only when asked, the page and margins unchanged', async () => {
  const plain = await unpack();
  assert.equal(all(plain.xml('word/settings.xml'), 'w:mirrorMargins').length, 0);
  const duplex = await unpack({ duplex: true });
  const settings = duplex.xml('word/settings.xml');
  assert.equal(all(settings, 'w:mirrorMargins').length, 1);
  // CT_Settings order: mirrorMargins before defaultTabStop and evenAndOddHeaders.
  const names = first(settings, 'w:settings')?.children.map((c) => c.name) ?? settings.children[0].children.map((c) => c.name);
  assert.ok(names.indexOf('w:mirrorMargins') < names.indexOf('w:defaultTabStop'));
  assert.deepEqual(first(duplex.xml('word/document.xml'), 'w:pgMar')!.attrs, first(plain.xml('word/document.xml'), 'w:pgMar')!.attrs);
});
