import { tableGrid } from '../shared/formats/grid';
import { getFormat } from '../shared/formats/index';
import { printColumnWidthsPt, tableHeight } from '../shared/print/table-layout';
for (const f of ['gov-2021', 'gov-2019'] as const) {
  const g = tableGrid(getFormat(f), 't3');
  const m = { fontPt: 10.5, paddingPt: 5.7, linePt: 13.65, paddingYPt: 2.8 };
  const total = 8845 / 20;
  const prop = g.columnWeights.map((w) => w * total);
  const r = printColumnWidthsPt(g, total, m);
  console.log(f, 'proportional', tableHeight(g, prop, m).toFixed(1), 'best', r.heightPt.toFixed(1), r.widths.map((w) => w.toFixed(1)).join(' '));
}
import { headerBreaks, headerLines } from '../shared/print/table-layout';
for (const t of ['商业企业', '社会公益组织', '（三）不予公开', '三、本年度办理结果', '自然人', '（四）无法提供']) console.log(t, headerBreaks(t), headerLines(t, 3), headerLines(t, 2));
