// 汇总: the county's sums of every table cell across its units, one sum per format. The inputs
// are added up and the totals derived from those sums (a unit's stated total is its own finding),
// then the sums go through the same table rules as any report.
import { deriveTotals, formatModel, roundMoney } from '../formats/index';
import { ReportDocSchema, type ReportDoc } from '../report';
import { evaluateTableRules } from '../rules/index';
import type { CountySum } from './types';

/** Sums of the input cells of reports in one format; a cell no unit filled in stays unfilled. */
export function sumInputs(formatId: 'gov-2021' | 'gov-2019', docs: readonly ReportDoc[]): Record<string, number> {
  const model = formatModel(formatId);
  const out: Record<string, number> = {};
  for (const c of model.inputs) {
    let any = false;
    let sum = 0;
    for (const d of docs) {
      const v = d.cells[c.key];
      if (v === undefined) continue;
      any = true;
      sum += v;
    }
    if (any) out[c.key] = c.kind === 'money' ? roundMoney(sum) : sum;
  }
  return out;
}

/** The sums as a report of the county, so the table rules read them like any other report. */
export function sumReport(formatId: 'gov-2021' | 'gov-2019', year: number, cells: Record<string, number>): ReportDoc {
  return ReportDocSchema.parse({ formatId, year, unit: { name: '全县汇总', kind: 'other' }, cells });
}

/**
 * The county's sum for one format. Last year's sum (of the same units' files for the year before)
 * is used for the cross-year rules only when every unit summed has its last-year file in the batch.
 */
export function countySum(
  formatId: 'gov-2021' | 'gov-2019',
  year: number,
  units: readonly { entryId: string; doc: ReportDoc; previous?: ReportDoc }[],
): CountySum {
  const inputs = sumInputs(
    formatId,
    units.map((u) => u.doc),
  );
  const cells = { ...inputs, ...deriveTotals(formatId, inputs) };
  const previousDocs = units.map((u) => u.previous).filter((p): p is ReportDoc => !!p && p.formatId === formatId);
  const withPrevious = units.length > 0 && previousDocs.length === units.length;
  const previous = withPrevious ? sumReport(formatId, year - 1, sumInputs(formatId, previousDocs)) : null;
  const findings = evaluateTableRules(sumReport(formatId, year, inputs), previous);
  return { formatId, entryIds: units.map((u) => u.entryId), cells, findings, withPrevious, causes: [] };
}
