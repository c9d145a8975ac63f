// The print layout rules shared by the Word writer and the preview: title lines, heading levels,
// 署名/日期 placement, printed cell values, the preamble.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headingLevel, signatureIndents, splitHeading, titleLines, titleWords, widthInChars } from '../../shared/print/page-layout';
import { narrativeParagraphs, printedValue, preambleParagraphs, reportContent } from '../../shared/print/content';
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
    assert.ok(lines.every((l) => widthInChars(l) <= 20), `${title}: ${lines.join(' / ')}`);
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
    assert.ok(w.slice(0, peak + 1).every((x, i) => i === 0 || x >= w[i - 1]), `${title}: ${w.join('/')}`);
    assert.ok(peak >= w.length - 2, `${title}: ${w.join('/')}`);
  }
  assert.deepEqual(titleLines('新疆维吾尔自治区伊犁哈萨克自治州霍城县清水河镇人民政府2024年政府信息公开工作年度报告'), [
    '新疆维吾尔自治区',
    '伊犁哈萨克自治州霍城县清水河镇人民政府',
    '2024年政府信息公开工作年度报告',
  ]);
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

test('署名 and date (GB/T 9704 §7.3.5.2): 署名 空2字, date 2字 further right; a longer date takes the 空2字', () => {
  assert.deepEqual(signatureIndents('永安市小陶镇人民政府', '2026年1月8日'), { signatureRight: 2, dateRight: 4 });
  // 署名 3 字, date 7 字: date 空2字, the 署名 starts 2 字 left of the date.
  assert.deepEqual(signatureIndents('小陶镇', '2026年12月18日'), { signatureRight: 8, dateRight: 2 });
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
  if (sig.type === 'signature') assert.equal(sig.date, '2026年　　月　　日');
  assert.throws(() => reportContent(fullReport({ formatId: 'legacy', year: 2016 })), /历史报告/);
});
