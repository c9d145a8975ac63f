// Figures far out of line with the county's other units (0 applications everywhere, 300 in one
// township): reported as info, to be checked against the unit's register, never as an error.
import { deriveTotals, formatModel } from '../formats/index';
import { formatCellValue } from '../number';
import type { ReportDoc } from '../report';
import type { CountyFinding } from './types';

/** Fewer units than this and there is no “county norm” to compare with. */
export const OUTLIER_MIN_UNITS = 5;
/** A figure is out of line when it is at least this many times the county's typical value… */
const RATIO = 10;
/** …and at least this large (3 against 0 everywhere else is ordinary). */
const MIN_VALUE = 10;

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/**
 * High outliers per cell, on a log scale with the median and the median absolute deviation, so a
 * county where figures vary a lot (行政许可 decisions 20–400) flags only what is far outside it.
 */
export function findOutliers(units: readonly { entryId: string; doc: ReportDoc }[]): { entryId: string; finding: CountyFinding }[] {
  if (units.length < OUTLIER_MIN_UNITS) return [];
  const formatId = units[0].doc.formatId;
  if (formatId === 'legacy') return [];
  const model = formatModel(formatId);
  const values = units.map((u) => ({ ...u.doc.cells, ...deriveTotals(formatId, u.doc.cells) }));
  const out: { entryId: string; finding: CountyFinding }[] = [];
  for (const cell of model.cells) {
    // Applicant columns are checked through their 总计; a derived row/column repeats its parts otherwise.
    if (cell.table === 't3' && cell.column !== 'total') continue;
    if (cell.kind === 'signed_count') continue;
    const xs = values.map((v) => Math.log1p(Math.max(0, v[cell.key] ?? 0)));
    const sorted = [...xs].sort((a, b) => a - b);
    const m = median(sorted);
    const mad = median(sorted.map((x) => Math.abs(x - m)).sort((a, b) => a - b));
    const limit = Math.max(3 * 1.4826 * mad, Math.log(RATIO));
    xs.forEach((x, i) => {
      const v = values[i][cell.key] ?? 0;
      if (v < MIN_VALUE || x - m <= limit) return;
      const typical = Math.expm1(m);
      const others = values.filter((_, j) => j !== i).map((o) => o[cell.key] ?? 0);
      const max = Math.max(...others);
      const shown = (n: number) => formatCellValue(Math.round(n * 100) / 100, cell.kind) || '0';
      out.push({
        entryId: units[i].entryId,
        finding: {
          rule: 'county.outlier',
          severity: 'info',
          message: `“${cell.label}”填的是 ${shown(v)}${cell.unit}，县内其他 ${others.length} 个单位一般为 ${shown(typical)}${cell.unit}（最多 ${shown(max)}${cell.unit}）。请与本单位的登记台账核对，确认没有多填或把单位（件、万元）弄错。`,
          cells: [cell.key],
          actual: v,
          expected: Math.round(typical * 100) / 100,
          id: `county.outlier:${cell.key}`,
        },
      });
    });
  }
  return out;
}
