// The print layout rules shared by the Word writer and the preview: title lines, heading levels,
// 署名/日期 placement, printed cell values, the preamble.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AUTOSPACE_EM,
  TABLE_TEXT,
  TEXT_WIDTH_TWIPS,
  headingLevel,
  normaliseNumbering,
  printedWidth,
  scriptRuns,
  splitHeading,
} from '../../shared/print/page-layout';
import { signatureIndents, signatureLayout, titleLines, titleWords } from '../../shared/print/line-breaks';
import { widthInChars } from '../../shared/print/page-layout';
import { draftReasons, narrativeParagraphs, printedValue, preambleParagraphs, reportContent } from '../../shared/print/content';
import { cellChars, cellLines, headerLines, labelLines, printColumnWidthsPt, tableHeight } from '../../shared/print/table-layout';
import { columnWidths } from '../../electron/core/export/docx';
import { tableGrid } from '../../shared/formats/grid';
import { getFormat } from '../../shared/formats/index';
import { fullReport } from '../fixtures/full-report';

test('title: a long title breaks after the unit name, short ones stay on one line', () => {
  assert.deepEqual(titleLines('永安市小陶镇人民政府2025年政府信息公开工作年度报告'), ['永安市小陶镇人民政府', '2025年政府信息公开工作年度报告']);
  assert.deepEqual(titleLines('小陶镇2025年政府信息公开工作年度报告'), ['小陶镇2025年政府信息公开工作年度报告']);
});

test('title: very long names break between words, every line fits, the shape is balanced', () => {
  for (const title of [
    '内蒙古自治区兴安盟科尔沁右翼前旗乌兰毛都苏木人民政府2025年政府信息公开工作年度报告',
    '厦门市思明区鹭江街道办事处2025年政府信息公开工作年度报告',
    '新疆维吾尔自治区伊犁哈萨克自治州霍城县清水河镇人民政府2024年政府信息公开工作年度报告',
  ]) {
    const lines = titleLines(title);
    assert.equal(lines.join(''), title);
    assert.ok(
      lines.every((l) => widthInChars(l) <= 20),
      `${title}: ${lines.join(' / ')}`,
    );
    // Words kept whole: no word of the title is cut by a line break.
    let pos = 0;
    const breaks = new Set(lines.slice(0, -1).map((l) => (pos += l.length)));
    let at = 0;
    for (const w of titleWords(title)) {
      for (let k = 1; k < w.length; k++) assert.ok(!breaks.has(at + k), `${title}: 「${w}」 cut`);
      at += w.length;
    }
    assert.ok(lines.length <= 3);
    // Trapezoid (short over long) or diamond (grows, then shrinks at the end), never an hourglass.
    const w = lines.map(widthInChars);
    const peak = w.indexOf(Math.max(...w));
    assert.ok(
      w.slice(0, peak + 1).every((x, i) => i === 0 || x >= w[i - 1]),
      `${title}: ${w.join('/')}`,
    );
    assert.ok(peak >= w.length - 2, `${title}: ${w.join('/')}`);
  }
  assert.deepEqual(titleLines('新疆维吾尔自治区伊犁哈萨克自治州霍城县清水河镇人民政府2024年政府信息公开工作年度报告'), [
    '新疆维吾尔自治区',
    '伊犁哈萨克自治州霍城县清水河镇人民政府',
    '2024年政府信息公开工作年度报告',
  ]);
});

test('title: the organ name is never split; a two-line title breaks between the unit and the report name', () => {
  const tail = '2025年政府信息公开工作年度报告';
  for (const unit of ['永安市小陶镇人民政府', '福建省三明市永安市龙凤镇人民政府', '三明市永安市龙凤镇人民政府党政综合办公室', '永安市城关街道办事处'])
    assert.deepEqual(titleLines(unit + tail), [unit, tail]);
  for (const unit of ['福建省三明市永安市龙凤镇人民政府党政综合服务中心', '新疆维吾尔自治区伊犁哈萨克自治州霍城县清水河镇人民政府']) {
    const lines = titleLines(unit + tail);
    assert.equal(lines.at(-1), tail);
    assert.equal(lines.join(''), unit + tail);
    for (const l of lines) assert.ok(!/^(人民政府|办事处|委员会)/.test(l) && widthInChars(l) <= 20, `「${l}」`);
  }
});

test('headings are recognised by their numbering', () => {
  assert.equal(headingLevel('一、总体情况'), 1);
  assert.equal(headingLevel('（二）依申请公开'), 2);
  assert.equal(headingLevel('(三)政府信息管理'), 2);
  assert.equal(headingLevel('1.严格发布审查。'), 3);
  assert.equal(headingLevel('2、动态更新目录'), 3);
  assert.equal(headingLevel('（1）工作考核。'), 4);
  assert.equal(headingLevel('1.5亿元资金已公开'), 0);
  assert.equal(headingLevel('2025年，小陶镇坚持'), 0);
  assert.deepEqual(splitHeading('（一）主动公开。全年公开486条。'), { heading: '（一）主动公开。', rest: '全年公开486条。' });
  assert.deepEqual(splitHeading('（三）政府信息管理。'), { heading: '（三）政府信息管理。', rest: '' });
});

test('narrative: one paragraph per line, blank lines dropped, a pasted section heading not repeated', () => {
  const blocks = narrativeParagraphs('一、总体情况\n\n  （一）主动公开。正文\n正文第二段\n', '一、总体情况');
  assert.deepEqual(
    blocks.map((b) => (b.type === 'paragraph' ? [b.level, b.heading, b.text] : b.type)),
    [
      [2, '（一）主动公开。', '正文'],
      [0, '', '正文第二段'],
    ],
  );
});

const near = (a: number, b: number, msg: string) => assert.ok(Math.abs(a - b) < 1e-9, `${msg}: ${a} vs ${b}`);

test('署名 and date (GB/T 9704 §7.3.5.2): 署名 空2字, date 2字 further right; a longer date takes the 空2字', () => {
  const a = signatureLayout('永安市小陶镇人民政府', '2026年1月8日');
  assert.equal(a.blankLines, 1);
  near(a.signature.left, 28 - 2 - a.signature.width, '署名 空2字');
  near(a.date.left, a.signature.left + 2, 'date 2 字 right of the 署名');
  // 署名 3 字, a date wider than it: the date 空2字, the 署名 starts 2 字 left of the date.
  const b = signatureLayout('小陶镇', '2026年12月18日');
  near(b.date.left + b.date.width, 26, 'date 空2字');
  near(b.signature.left, b.date.left - 2, '署名 2 字 left of the date');
  // The old right-indent form agrees.
  const r = signatureIndents('永安市小陶镇人民政府', '2026年1月8日');
  near(r.signatureRight, 2, 'signatureRight');
});

test('署名 and date with a seal (§7.3.5.1): date 空4字, 署名 centred over it, room for the seal', () => {
  const l = signatureLayout('永安市小陶镇人民政府', '2026年1月8日', true);
  assert.equal(l.sealed, true);
  assert.ok(l.blankLines >= 2);
  near(l.date.left + l.date.width, 24, 'date 空4字');
  near(l.signature.left + l.signature.width / 2, l.date.left + l.date.width / 2, '署名 centred over the date');
});

test('a sealed 署名 longer than its date keeps 空2字 and the date moves under it; one too long for a line breaks between words', () => {
  for (const name of ['福建省三明市永安市龙凤镇人民政府', '福建省三明市永安市龙凤镇人民政府党政综合服务中心']) {
    const l = signatureLayout(name, '2026年1月20日', true);
    assert.deepEqual(l.signatureAbove, []);
    assert.equal(l.signature.text, name);
    near(l.signature.left + l.signature.width, 26, '署名 空2字');
    near(l.date.left + l.date.width / 2, l.signature.left + l.signature.width / 2, 'date centred under the 署名');
    assert.equal(l.date.right, null);
  }
  const two = signatureLayout('福建省三明市永安市龙凤镇人民政府、福建省三明市永安市小陶镇人民政府', '2026年1月20日', true);
  assert.deepEqual(
    [...two.signatureAbove, two.signature].map((x) => x.text),
    ['福建省三明市永安市龙凤镇人民政府、', '福建省三明市永安市小陶镇人民政府'],
  );
  for (const x of [...two.signatureAbove, two.signature]) assert.ok(x.left >= 0 && x.left + x.width <= 26 + 1e-9);
});

test('real widths: digits are half a 字 (Times New Roman), with the Chinese–digit spacing counted', () => {
  const cjk = printedWidth('年');
  const digit = printedWidth('1');
  assert.ok(cjk > 0.98 && cjk < 1.0, `CJK ${cjk}`);
  assert.ok(digit > 0.45 && digit < 0.5, `digit ${digit}`);
  // 2026年1月8日: six digits, three characters, five changes between them.
  near(printedWidth('2026年1月8日'), 6 * digit + 3 * cjk + (5 * (AUTOSPACE_EM * 16 * 20)) / (TEXT_WIDTH_TWIPS / 28), 'date width');
});

test('「1、」 is written 「1.」; a heading phrase is bold only up to its first 。 or ： within one line', () => {
  assert.equal(normaliseNumbering('1、严格发布审查。'), '1.严格发布审查。');
  assert.equal(normaliseNumbering('１．严格发布审查。'), '1.严格发布审查。');
  assert.equal(normaliseNumbering('2025年全年'), '2025年全年');
  assert.deepEqual(splitHeading('1.严格发布审查。落实制度。'), { heading: '1.严格发布审查。', rest: '落实制度。' });
  assert.deepEqual(splitHeading('1.工作措施：一是……'), { heading: '1.工作措施：', rest: '一是……' });
  // A lead-in longer than the first line is a sentence: only its number takes the heading type.
  const long = '1.全年共受理政府信息公开申请五十二件其中自然人申请三十八件法人或者其他组织申请十四件。';
  assert.deepEqual(splitHeading(long), { heading: '1.', rest: long.slice(2) });
  const blocks = narrativeParagraphs('（三）政府信息管理。\n1、严格发布审查。落实“先审查、后公开”。', '二、');
  assert.deepEqual(
    blocks.map((b) => (b.type === 'paragraph' ? [b.level, b.heading, b.text] : b.type)),
    [
      [2, '（三）政府信息管理。', ''],
      [3, '1.严格发布审查。', '落实“先审查、后公开”。'],
    ],
  );
});

test('Latin stretches (numbers, e-mail, web addresses) are split from Chinese for their language tag', () => {
  assert.deepEqual(scriptRuns('电子邮箱：xtzdzb@163.com）。电话：0598-3781234'), [
    { text: '电子邮箱：', latin: false },
    { text: 'xtzdzb@163.com', latin: true },
    { text: '）。电话：', latin: false },
    { text: '0598-3781234', latin: true },
  ]);
});

test('table 三: header words never cut, and the chosen widths make the table shorter than the format proportions', () => {
  assert.deepEqual(headerLines('商业企业', 3), ['商业', '企业']);
  assert.deepEqual(headerLines('社会公益组织', 4.5), ['社会公益', '组织']);
  assert.deepEqual(headerLines('（三）不予公开', 3), ['（三）', '不予', '公开']);
  assert.equal(headerLines('自然人', 2.5), null);
  for (const id of ['gov-2021', 'gov-2019'] as const) {
    const grid = tableGrid(getFormat(id), 't3');
    const total = TEXT_WIDTH_TWIPS / 20;
    const { widths, heightPt } = printColumnWidthsPt(grid, total, TABLE_TEXT);
    near(
      widths.reduce((x, y) => x + y, 0),
      total,
      `${id} widths add up`,
    );
    // Every header label fits its column at word boundaries.
    let col = 0;
    const occupied: number[][] = grid.rows.map(() => []);
    grid.rows.forEach((row, r) => {
      col = 0;
      for (const c of row.cells) {
        while (occupied[r].includes(col)) col++;
        if (c.type === 'label' && c.role === 'header')
          assert.ok(headerLines(c.text, cellChars(widths.slice(col, col + c.colSpan), TABLE_TEXT)), `${id}: 「${c.text}」 does not fit`);
        for (let k = 1; k < c.rowSpan; k++) for (let x = col; x < col + c.colSpan; x++) occupied[r + k].push(x);
        col += c.colSpan;
      }
    });
    // No taller than the obvious alternative that also keeps the headers whole: value columns 4¼
    // 字 wide (商业企业 on one line), the label columns sharing the rest as the format weighs them.
    const valueW = 4.25 * TABLE_TEXT.fontPt + TABLE_TEXT.paddingPt;
    const labelWeights = grid.columnWeights.slice(0, 3);
    const labelRest = total - 7 * valueW;
    const alt = [...labelWeights.map((w) => (w / labelWeights.reduce((x, y) => x + y, 0)) * labelRest), ...Array(7).fill(valueW)];
    const altHeight = tableHeight(grid, alt, TABLE_TEXT);
    assert.ok(Number.isFinite(altHeight));
    assert.ok(heightPt < altHeight, `${id}: ${heightPt} pt vs ${altHeight} pt`);
  }
});

test('table labels break between words, never inside one, with no lone last word', () => {
  // The item column of table 三 holds 8 字 and a bit.
  assert.deepEqual(labelLines('2.其他法律行政法规禁止公开', 8.2), ['2.其他法律行政', '法规禁止公开']);
  assert.deepEqual(labelLines('7.属于行政执法案卷', 8.2), ['7.属于行政', '执法案卷']);
  assert.deepEqual(labelLines('3.危及“三安全一稳定”', 8.2), ['3.危及', '“三安全一稳定”']);
  assert.deepEqual(labelLines('一、本年新收政府信息公开申请数量', 14.3), ['一、本年新收政府', '信息公开申请数量']);
  assert.deepEqual(labelLines('（三）不予公开', 3), ['（三）', '不予', '公开']);
  // A word wider than the column is cut into column-wide pieces.
  assert.deepEqual(labelLines('三、本年度办理结果', 2), ['三、', '本年', '度', '办理', '结果']);
});

test('table column widths are whole twips adding up to the 版心, and every label plan holds on them', () => {
  for (const f of ['gov-2021', 'gov-2019'] as const)
    for (const id of ['t2', 't3', 't4'] as const) {
      const grid = tableGrid(getFormat(f), id);
      const twips = columnWidths(grid);
      assert.equal(
        twips.reduce((a, b) => a + b, 0),
        TEXT_WIDTH_TWIPS,
      );
      assert.ok(twips.every(Number.isInteger));
      // The preview plans on these very widths (pt = twips / 20): no label is replanned after rounding.
      assert.deepEqual(
        printColumnWidthsPt(grid, TEXT_WIDTH_TWIPS / 20, TABLE_TEXT).widths.map((w) => Math.round(w * 20)),
        twips,
      );
      const occupied: number[][] = grid.rows.map(() => []);
      grid.rows.forEach((row, r) => {
        let col = 0;
        for (const c of row.cells) {
          while (occupied[r].includes(col)) col++;
          if (c.type === 'label' && c.text) {
            const chars = cellChars(
              twips.slice(col, col + c.colSpan).map((w) => w / 20),
              TABLE_TEXT,
            );
            const lines = cellLines(c, chars);
            assert.ok(lines, `${f} ${id}: 「${c.text}」 has no plan on ${chars.toFixed(2)} 字`);
            for (const l of lines) assert.ok(widthInChars(l) <= chars + 1e-9, `${f} ${id}: 「${l}」 wider than ${chars.toFixed(2)} 字`);
            assert.equal(lines.join(''), c.text);
          }
          for (let k = 1; k < c.rowSpan; k++) for (let x = col; x < col + c.colSpan; x++) occupied[r + k].push(x);
          col += c.colSpan;
        }
      });
    }
});

test('not final without a 成文日期, nor a 红头 without its 发文字号', () => {
  assert.deepEqual(draftReasons(fullReport()), []);
  assert.deepEqual(draftReasons(fullReport(), { letterhead: true }), []);
  assert.match(draftReasons(fullReport({ date: '' })).join(''), /成文日期/);
  const noNumber = fullReport();
  assert.match(draftReasons({ ...noNumber, letterhead: { ...noNumber.letterhead, docNumber: '' } }, { letterhead: true }).join(''), /发文字号/);
  assert.deepEqual(draftReasons({ ...noNumber, letterhead: { ...noNumber.letterhead, docNumber: '' } }), []);
});

test('printed values: empty as 0, counts whole, money with its decimals', () => {
  assert.equal(printedValue(undefined, 'count'), '0');
  assert.equal(printedValue(12, 'count'), '12');
  assert.equal(printedValue(0.35, 'money'), '0.35');
  assert.equal(printedValue(1.1 + 2.2, 'money'), '3.3');
  assert.equal(printedValue(-8, 'signed_count'), '-8');
});

test('preamble: basis with the format citation, period, where published, contact', () => {
  const doc = fullReport();
  const [basis, rest] = preambleParagraphs(doc, getFormat('gov-2021'));
  assert.match(basis, /《中华人民共和国政府信息公开条例》/);
  assert.match(basis, /国办公开办函〔2021〕30号/);
  assert.match(basis, /总体情况、主动公开政府信息情况.*其他需要报告的事项六部分/);
  assert.match(rest, /2025年1月1日至2025年12月31日/);
  assert.match(rest, /366011.*0598-3781234.*xtzdzb@163\.com/);
  const none = preambleParagraphs({ ...doc, preamble: { basis: false, period: false, contact: false, publishedAt: '' } }, getFormat('gov-2021'));
  assert.deepEqual(none, []);
  const old = preambleParagraphs({ ...doc, formatId: 'gov-2019', year: 2020, period: '2020年全年' }, getFormat('gov-2019'));
  assert.match(old[0], /国办公开办函〔2019〕60号/);
  assert.match(old[1], /统计期限为2020年全年/);
});

test('content: custom title, undated report leaves the date to be written by hand, legacy refused', () => {
  const c = reportContent(fullReport({ title: '小陶镇2025年政府信息公开工作年度报告', date: '' }));
  assert.deepEqual(c.blocks[0], { type: 'title', lines: ['小陶镇2025年政府信息公开工作年度报告'] });
  const sig = c.blocks.at(-1)!;
  assert.equal(sig.type, 'signature');
  if (sig.type === 'signature') assert.equal(sig.layout.date.text, '2026年　　月　　日');
  assert.match(c.draftReasons.join(''), /成文日期/);
  assert.throws(() => reportContent(fullReport({ formatId: 'legacy', year: 2016 })), /历史报告/);
});
