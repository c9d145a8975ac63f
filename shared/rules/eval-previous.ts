// Evaluator that checks last year's report given for the cross-year checks is the same unit's, one year earlier.
import { finding, type Evaluator } from './context';

export const previousIdentity: Evaluator<'previous_identity'> = (rule, ctx, out) => {
  const prev = ctx.previous;
  if (!prev) return;
  if (prev.year !== ctx.doc.year - 1) {
    out.push(
      finding(
        rule,
        `用来做跨年度核对的上年报告是 ${prev.year} 年度的，不是 ${ctx.doc.year - 1} 年度的；跨年度核对（上年结转、现行有效件数）可能不准确，请换成 ${ctx.doc.year - 1} 年度的报告。`,
        [],
        {
          expected: ctx.doc.year - 1,
          actual: prev.year,
        },
        'year',
      ),
    );
  }
  if (prev.unit.name.trim() !== ctx.doc.unit.name.trim()) {
    out.push(
      finding(
        rule,
        `用来做跨年度核对的上年报告是“${prev.unit.name}”的，本报告是“${ctx.doc.unit.name}”的；如果单位改过名称可以忽略，否则请换成本单位的上年报告。`,
        [],
        {
          expected: ctx.doc.unit.name,
          actual: prev.unit.name,
        },
        'unit',
      ),
    );
  }
};
