// The 版记 in the content and the page model (issue 22 item 6): printed only in the 红头 version with
// a 印发机关, its date the 印发日期 or else the 成文日期; a 印发日期 before the 成文日期 keeps the file a
// 草稿; on the last page when it fits, and printed on both sides always on an even page, a blank page
// before it where needed and those two pages unnumbered. The rendered side: export-colophon (integration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftReasons, reportContent } from '../../shared/print/content';
import { COLOPHON, paginate, TYPE_AREA_PT } from '../../shared/print/paginate';
import { ReportDocSchema, type ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';

function report(extraLines: number, letterhead: Partial<ReportDoc['letterhead']> = {}, date = '2026-01-08'): ReportDoc {
  const base = fullReport();
  const more = Array.from({ length: extraLines }, (_, i) => `\n本年度还办理了其他事项第${i + 1}项。`).join('');
  return ReportDocSchema.parse({
    ...base,
    date,
    sections: { ...base.sections, other_matters: `${base.sections.other_matters ?? ''}${more}` },
    letterhead: {
      enabled: true,
      issuer: '永安市小陶镇人民政府文件',
      docNumber: '小政〔2026〕1号',
      printedBy: '永安市小陶镇党政办公室',
      printedDate: '',
      ...letterhead,
    },
  });
}

const colophonOf = (doc: ReportDoc, letterhead = true) => reportContent(doc, { letterhead }).blocks.find((b) => b.type === 'colophon');

test('the 版记 block: only with 红头 and a 印发机关; the 印发日期, else the 成文日期, else blanks to write by hand', () => {
  assert.deepEqual(colophonOf(report(0)), { type: 'colophon', printedBy: '永安市小陶镇党政办公室', date: '2026年1月8日印发' });
  assert.deepEqual(colophonOf(report(0, { printedDate: '2026-01-20' })), { type: 'colophon', printedBy: '永安市小陶镇党政办公室', date: '2026年1月20日印发' });
  assert.equal(colophonOf(report(0, { printedBy: '  ' })), undefined);
  assert.equal(colophonOf(report(0), false), undefined);
  assert.deepEqual(colophonOf(report(0, {}, '')), { type: 'colophon', printedBy: '永安市小陶镇党政办公室', date: '2026年　　月　　日印发' });
});

test('a 印发日期 before the 成文日期 keeps the export a 草稿, saying which dates and where to fix it', () => {
  const early = draftReasons(report(0, { printedDate: '2026-01-07' }), { letterhead: true });
  assert.equal(early.length, 1);
  assert.match(early[0], /印发日期（2026年1月7日）早于成文日期（2026年1月8日）/);
  assert.match(early[0], /红头选项/);
  assert.deepEqual(draftReasons(report(0, { printedDate: '2026-01-08' }), { letterhead: true }), []);
  assert.deepEqual(draftReasons(report(0, { printedDate: '2026-01-07' }), { letterhead: false }), [], 'no 红头, no 版记');
  assert.deepEqual(draftReasons(report(0, { printedDate: '2026-01-07', printedBy: '' }), { letterhead: true }), [], 'no 印发机关, no 版记');
});

test('the page model: on the last page when it fits, else a page of its own; printed on both sides always on an even page', () => {
  const seen = new Set<string>();
  for (let n = 0; n < 40; n++) {
    const doc = report(n);
    const body = paginate(reportContent(doc, { letterhead: true, duplex: false })).length;
    const plain = paginate(reportContent({ ...doc, letterhead: { ...doc.letterhead, printedBy: '' } }, { letterhead: true }));
    const bodyUsed = plain[plain.length - 1].items.reduce((a, i) => a + i.heightPt, 0);
    const room = bodyUsed + COLOPHON.heightPt <= TYPE_AREA_PT;
    for (const duplex of [false, true]) {
      const pages = paginate(reportContent(doc, { letterhead: true, duplex }));
      const last = pages[pages.length - 1];
      // The 版记 is the last item of the last page, nowhere else, and its page does not overflow.
      assert.equal(pages.flatMap((p) => p.items).filter((i) => i.kind === 'colophon').length, 1);
      assert.equal(last.items[last.items.length - 1].kind, 'colophon');
      assert.ok(last.items.reduce((a, i) => a + i.heightPt, 0) <= TYPE_AREA_PT + 1e-6);
      let expected = room ? plain.length : plain.length + 1;
      if (duplex && expected % 2 === 1) expected++;
      assert.equal(pages.length, expected, `${n} lines, ${duplex ? 'duplex' : 'simplex'}: ${pages.length} pages (body ${plain.length}, room ${room})`);
      // Blank page before the 版记 (only when printed on both sides): it and the 版记 page carry no number.
      const blank = expected - plain.length === 2;
      pages.forEach((p, i) => assert.equal(p.folio, !(blank && i >= plain.length), `${n} lines, page ${i + 1}`));
      if (blank) assert.deepEqual(pages[plain.length].items, []);
      seen.add(`${duplex}:${expected - plain.length}:${plain.length % 2}`);
    }
    assert.ok(body >= plain.length);
  }
  // Every placement occurred: same page, overleaf (one side, or both after an odd page), blank page first.
  for (const k of ['false:0:0', 'false:0:1', 'false:1:0', 'true:0:0', 'true:1:1', 'true:2:0']) assert.ok(seen.has(k), `placement ${k} never occurred`);
});
