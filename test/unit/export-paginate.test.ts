// The printed pages behind the 导出 step's preview and the PDF: lines of at most 28 字, at most 22
// lines a page, headings never last on a page, the 署名 and date with body text, merged labels of
// table 三 never cut, Latin stretches never broken, and every piece of report text escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportContent } from '../../shared/print/content';
import { breakLines, paginate, TYPE_AREA_PT } from '../../shared/print/paginate';
import type { PrintedPage } from '../../shared/print/paginate';
import { pagesHtml, printDocumentHtml } from '../../shared/print/html';
import { topAligned } from '../../shared/print/table-layout';
import { LINE_PITCH_PT, printedWidth } from '../../shared/print/page-layout';
import { fullReport } from '../fixtures/full-report';

const lineText = (l: { spans: { text: string }[] }) => l.spans.map((s) => s.text).join('');

function variants() {
  const long = fullReport();
  // A long part 五 forces body-only pages and breaks inside paragraphs.
  long.sections.problems = Array.from(
    { length: 12 },
    (_, i) => `（${i + 1}）第${i + 1}项问题。${'本镇在政务公开工作中还存在薄弱环节，需要持续改进和加强，'.repeat(3)}联系邮箱xtzdzb@163.com。`,
  ).join('\n');
  return [
    ['plain', reportContent(fullReport())],
    ['letterhead', reportContent(fullReport(), { letterhead: true })],
    ['sealed', reportContent(fullReport(), { sealed: true })],
    ['gov-2019', reportContent(fullReport({ formatId: 'gov-2019', year: 2020, date: '2021-01-20' }))],
    ['long', reportContent(long)],
  ] as const;
}

for (const [name, content] of variants()) {
  test(`${name}: pages fit the 版心, lines fit 28 字, headings are never last, 署名 with the body`, () => {
    const pages: PrintedPage[] = paginate(content);
    assert.ok(pages.length >= 4);
    for (const p of pages) {
      const height = p.items.reduce((a, i) => a + i.heightPt, 0);
      assert.ok(height <= TYPE_AREA_PT + 0.5 || p.items.length === 1, `page ${p.number}: ${height} pt`);
      const lines = p.items.filter((i) => i.kind === 'line');
      assert.ok(lines.length <= 22, `page ${p.number}: ${lines.length} lines`);
      // A closing mark that may not start a line is squeezed onto the end of the one before.
      for (const l of lines)
        assert.ok(
          printedWidth(lineText(l).replace(/[，。、：；）”]+$/, '')) + l.indentChars + l.rightChars <= 28 + 1e-6,
          `page ${p.number}: 「${lineText(l)}」 is too long`,
        );
      const last = p.items[p.items.length - 1];
      if (p.number < pages.length && last.kind === 'line') {
        const isHeading = last.spans.every((s) => s.style !== 'body') && last.last;
        assert.ok(!isHeading, `page ${p.number} ends with the heading 「${lineText(last)}」`);
      }
    }
    const lastPage = pages[pages.length - 1];
    const texts = lastPage.items.filter((i) => i.kind === 'line').map(lineText);
    const sig = content.blocks.find((b) => b.type === 'signature')!;
    assert.ok(sig.type === 'signature');
    const at = texts.indexOf(sig.layout.signature.text);
    assert.ok(at > 0, 'the 署名 stands alone on the last page');
    assert.equal(texts[at + 1], sig.layout.date.text);
    // Table 三: each page's slice holds whole merged groups.
    for (const p of pages) {
      for (const t of p.items) {
        if (t.kind !== 'table' || t.grid.id !== 't3' || t.rows.length === t.grid.rows.length) continue;
        const shown = new Set(t.rows);
        t.grid.rows.forEach((row, r) => {
          for (const c of row.cells)
            if (c.type === 'label' && c.rowSpan > 1 && !topAligned(c) && shown.has(r))
              for (let k = r; k < r + c.rowSpan; k++) assert.ok(shown.has(k), `「${c.text}」 cut on page ${p.number}`);
        });
      }
    }
  });
}

test('a long report: full body pages hold 22 lines; a page opening inside a table repeats its header', () => {
  const [, content] = variants()[4];
  const pages = paginate(content);
  const bodyOnly = pages.filter((p) => p.number < pages.length && p.items.every((i) => i.kind === 'line'));
  assert.ok(bodyOnly.length >= 1, 'no page of body text only');
  assert.ok(
    bodyOnly.some((p) => p.items.length === 22),
    'no page holds 22 lines',
  );
  for (const p of bodyOnly) {
    const lines = p.items.length;
    // Fewer only when what follows had to move on together: a heading with its first two lines,
    // or a paragraph's first two lines (orphan control).
    const next = pages[p.number].items[0];
    assert.ok(lines === 22 || (lines >= 19 && next.kind === 'line' && next.indentChars > 0), `page ${p.number}: ${lines} lines`);
    assert.ok(Math.abs(lines * LINE_PITCH_PT - p.items.reduce((a, i) => a + i.heightPt, 0)) < 0.01);
  }
  for (const p of pages) {
    const t = p.items[0];
    if (t.kind === 'table' && t.rows[0] >= t.grid.repeatHeaderRows && t.grid.repeatHeaderRows > 0)
      assert.equal(t.header.length, t.grid.repeatHeaderRows, `page ${p.number}: header not repeated`);
  }
});

test('line breaking: Latin stretches stay whole, closing marks never start a line', () => {
  const lines = breakLines([{ text: '如对本报告有疑问，请与永安市小陶镇人民政府联系（电子邮箱：xtzdzb@163.com；电话：0598-3781234）。', style: 'body' }]);
  const texts = lines.map((l) => l.map((s) => s.text).join(''));
  assert.ok(texts.some((t) => t.includes('xtzdzb@163.com')));
  assert.ok(texts.some((t) => t.includes('0598-3781234')));
  for (const t of texts.slice(1)) assert.doesNotMatch(t, /^[，。、：；）]/);
  assert.equal(texts.join(''), '如对本报告有疑问，请与永安市小陶镇人民政府联系（电子邮箱：xtzdzb@163.com；电话：0598-3781234）。');
});

test('print HTML escapes the report text and draws a page number on every sheet', () => {
  const doc = fullReport();
  doc.sections.overview = '<script>alert(1)</script>“引号”&<b>粗</b>';
  const content = reportContent(doc);
  const html = printDocumentHtml(content);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<b>粗/);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /@page \{ size: A4; margin: 0; \}/);
  const pages = paginate(content);
  const fragment = pagesHtml(pages, { draft: true });
  assert.equal((fragment.match(/class="nb-page"/g) ?? []).length, pages.length);
  for (const p of pages) assert.ok(fragment.includes(`— ${p.number} —`));
  assert.equal((fragment.match(/草稿/g) ?? []).length, pages.length);
});
