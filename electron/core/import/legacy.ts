// Pre-2019 附表/统计表 (spec §3.3): indicators by their published wordings, this year's figure and,
// where printed, the 历年累计 column.
import { cumulativeKey, LEGACY_INDICATORS, LEGACY_TABLE_HEADERS } from '../../../shared/formats/legacy';
import type { LegacyIndicator } from '../../../shared/formats/legacy';
import { parseCellInput } from '../../../shared/number';
import type { Row } from './blocks';
import { isValueLike, labelCore, norm } from './normalize';

const aliasIndex = LEGACY_INDICATORS.flatMap((ind) => ind.aliases.map((a) => ({ core: labelCore(a), ind })));

export function matchIndicators(label: string): LegacyIndicator[] {
  const core = labelCore(label);
  if (!core) return [];
  return aliasIndex.filter((a) => a.core === core).map((a) => a.ind);
}

/** How many cells of a table are legacy indicator labels: tells a 附表 from other tables. */
export function legacyLabelCount(rows: Row[]): number {
  let n = 0;
  for (const r of rows) for (const c of r.cells) if (matchIndicators(c.text).length) n++;
  return n;
}

export interface LegacyReadResult {
  indicators: Record<string, number>;
  problems: string[];
}

export function readLegacyTable(rows: Row[]): LegacyReadResult {
  const indicators: Record<string, number> = {};
  const problems: string[] = [];
  const empties: string[] = [];
  const unknown: string[] = [];
  let labelCol = 0;
  let unitCol = -1;
  let yearCol = -1;
  let cumulativeCol = -1;
  let top: string | undefined;

  const has = (words: string[], t: string) => words.some((w) => norm(t).includes(norm(w)));
  for (const row of rows) {
    const cells = row.cells.map((c) => c.text);
    const headerAt = cells.findIndex((t) => has(LEGACY_TABLE_HEADERS.indicator, t) && !matchIndicators(t).length);
    if (headerAt >= 0 && cells.some((t) => has(LEGACY_TABLE_HEADERS.unit, t) || has(LEGACY_TABLE_HEADERS.cumulative, t))) {
      labelCol = headerAt;
      unitCol = cells.findIndex((t, i) => i !== headerAt && has(LEGACY_TABLE_HEADERS.unit, t));
      cumulativeCol = cells.findIndex((t, i) => i !== headerAt && has(LEGACY_TABLE_HEADERS.cumulative, t));
      yearCol = cells.findIndex((t, i) => i !== headerAt && i !== unitCol && i !== cumulativeCol && norm(t) !== '');
      continue;
    }
    // Without a header: label, then (unit), then figures.
    const label = cells[labelCol] ?? '';
    if (norm(label) === '') continue;
    const candidates = matchIndicators(label);
    if (!candidates.length) {
      const figures = cells.filter((t, i) => i !== labelCol && i !== unitCol && norm(t) !== '' && isValueLike(t) && !/^[-—]+$/.test(norm(t)));
      if (figures.length) unknown.push(`“${norm(label)}”`);
      continue;
    }
    const ind = candidates.length === 1 ? candidates[0] : (candidates.find((c) => c.under === top) ?? candidates.find((c) => !c.under));
    if (!ind) {
      problems.push(`附表中的“${norm(label)}”属于哪一项（行政复议还是行政诉讼）无法确定，未读入`);
      continue;
    }
    if (!ind.under) top = ind.key;
    const kind = ind.unit === '万元' || ind.unit === '元' ? 'money' : 'count';
    const yc =
      yearCol >= 0
        ? yearCol
        : cells.findIndex(
            (t, i) =>
              i > labelCol && i !== unitCol && isValueLike(t) && norm(t) !== '' && !['条', '件', '个', '人', '次', '篇', '元', '万元'].includes(norm(t)),
          );
    const raw = yc >= 0 ? (cells[yc] ?? '') : '';
    if (norm(raw) === '') empties.push(ind.label);
    else {
      const p = parseCellInput(raw, kind);
      if (p.ok) indicators[ind.key] = p.value;
      else problems.push(`附表“${ind.label}”的数字无法识别，未读入：${p.message}`);
    }
    if (cumulativeCol >= 0 && norm(cells[cumulativeCol] ?? '') !== '') {
      const p = parseCellInput(cells[cumulativeCol], kind);
      if (p.ok) indicators[cumulativeKey(ind.key)] = p.value;
      else problems.push(`附表“${ind.label}”的历年累计数无法识别，未读入：${p.message}`);
    }
  }
  if (empties.length) problems.push(`附表中以下指标没有填数，未读入：${empties.join('、')}`);
  if (unknown.length) problems.push(`附表中以下指标不在已知的指标中，未读入：${unknown.join('、')}`);
  return { indicators, problems };
}
