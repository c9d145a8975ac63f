// History of a unit's reports: this year against last year figure by figure, and the key figures
// over the years. Pure functions over ReportDoc; totals come from deriveTotals, except where a
// report (an imported one) states a total without any of its parts.
import { deriveTotals, formatModel, FORMATS, isGovFormatId, roundMoney } from './formats/index';
import type { CellKind, FormatId, FormatModel, TableId } from './formats/index';
import { LEGACY_INDICATORS, LEGACY_KEY_FIGURES } from './formats/legacy';
import type { ReportDoc } from './report';

export interface FigureChange {
  /** cell key (gov formats) or indicator key (legacy) */
  key: string;
  /** the cell's accessible label from the format model, e.g. 三、本年度办理结果（一）予以公开 · 总计 */
  label: string;
  table: TableId | 'indicators';
  kind: CellKind;
  unit: string;
  derived: boolean;
  current?: number;
  previous?: number;
  /** current − previous, when both are known */
  change?: number;
}

function hasAnyPart(model: FormatModel, doc: ReportDoc, key: string, depth = 0): boolean {
  const d = model.derived.find((x) => x.key === key);
  if (!d || depth > 3) return doc.cells[key] !== undefined;
  return d.sumOf.some((k) => (model.byKey.get(k)?.derived ? hasAnyPart(model, doc, k, depth + 1) : doc.cells[k] !== undefined));
}

/**
 * A figure of a report: an input as entered, a total as derived from its parts — or, when none
 * of its parts is filled in (an imported report that printed totals only), the stated total.
 */
export function figureOf(doc: ReportDoc, key: string, derived?: Record<string, number>): number | undefined {
  if (!isGovFormatId(doc.formatId)) return legacyFigure(doc, key);
  const model = formatModel(doc.formatId);
  const info = model.byKey.get(key);
  if (!info) return undefined;
  if (!info.derived) return doc.cells[key];
  if (!hasAnyPart(model, doc, key)) return doc.cells[key];
  return (derived ?? deriveTotals(doc.formatId, doc.cells))[key];
}

/** Legacy 附表 indicators that mean the same as a current figure (the 2014 统计表's wording). */
const LEGACY_FOR_CELL: Record<string, string> = {
  't3.new_received.total': LEGACY_KEY_FIGURES.newReceived,
  't3.granted.total': LEGACY_KEY_FIGURES.granted,
  't3.partial_grant.total': 'replies_partial',
  't4.review.total': LEGACY_KEY_FIGURES.review,
};

function legacyFigure(doc: ReportDoc, key: string): number | undefined {
  const ind = LEGACY_FOR_CELL[key] ?? key;
  return doc.indicators?.[ind];
}

const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : roundMoney(a - b));

/**
 * Every table figure of `current` with last year's value and the change. Figures the previous
 * report's format does not have (2019 → 2021 table 二 columns) have no previous value; a legacy
 * previous report contributes the indicators that mean the same figure.
 */
export function compareReports(current: ReportDoc, previous: ReportDoc | null | undefined): FigureChange[] {
  if (!isGovFormatId(current.formatId)) {
    return LEGACY_INDICATORS.filter((i) => current.indicators?.[i.key] !== undefined || previous?.indicators?.[i.key] !== undefined).map((i) => {
      const cur = current.indicators?.[i.key];
      const prev = previous?.indicators?.[i.key];
      return {
        key: i.key,
        label: i.label,
        table: 'indicators' as const,
        kind: i.unit.includes('元') ? 'money' : 'count',
        unit: i.unit,
        derived: false,
        current: cur,
        previous: prev,
        change: diff(cur, prev),
      };
    });
  }
  const model = formatModel(current.formatId);
  const curDerived = deriveTotals(current.formatId, current.cells);
  const prevGov = previous && isGovFormatId(previous.formatId) ? previous : null;
  const prevModel = prevGov ? formatModel(prevGov.formatId as Exclude<FormatId, 'legacy'>) : null;
  const prevDerived = prevGov ? deriveTotals(prevGov.formatId as Exclude<FormatId, 'legacy'>, prevGov.cells) : undefined;
  return model.cells.map((c) => {
    const cur = figureOf(current, c.key, curDerived);
    let prev: number | undefined;
    if (prevGov && prevModel?.byKey.has(c.key)) prev = figureOf(prevGov, c.key, prevDerived);
    else if (previous && previous.formatId === 'legacy' && LEGACY_FOR_CELL[c.key]) prev = legacyFigure(previous, c.key);
    return {
      key: c.key,
      label: c.label,
      table: c.table,
      kind: c.kind,
      unit: c.unit,
      derived: c.derived,
      current: cur,
      previous: prev,
      change: diff(cur, prev),
    };
  });
}

export const KEY_FIGURE_IDS = ['newReceived', 'carriedOver', 'granted', 'review', 'litigation'] as const;
export type KeyFigureId = (typeof KEY_FIGURE_IDS)[number];

const t3Row = (key: string) => FORMATS['gov-2021'].t3.rows.find((r) => r.key === key)!;
const leaf = (path: string[]) => path[path.length - 1].replace(/^[（(][一二三四五六七][)）]|^[一二三四五六七]、/, '');

/** Names of the key figures, taken from the format data. */
export const KEY_FIGURE_LABELS: Record<KeyFigureId, string> = {
  newReceived: t3Row('new_received').short ?? leaf(t3Row('new_received').path),
  carriedOver: t3Row('carried_over').short ?? leaf(t3Row('carried_over').path),
  granted: leaf(t3Row('granted').path),
  review: FORMATS['gov-2021'].t4.groups[0].path[0],
  litigation: FORMATS['gov-2021'].t4.groups[1].path[0],
};

export interface YearFigures {
  year: number;
  formatId: ReportDoc['formatId'];
  figures: Partial<Record<KeyFigureId, number>>;
}

/** The key figures of one report (undefined where the report does not have the figure). */
export function keyFigures(doc: ReportDoc): Partial<Record<KeyFigureId, number>> {
  if (!isGovFormatId(doc.formatId)) {
    const ind = doc.indicators ?? {};
    const out: Partial<Record<KeyFigureId, number>> = {};
    for (const id of ['newReceived', 'granted', 'review', 'litigation'] as const) {
      const v = ind[LEGACY_KEY_FIGURES[id]];
      if (v !== undefined) out[id] = v;
    }
    return out;
  }
  const derived = deriveTotals(doc.formatId, doc.cells);
  const get = (k: string) => figureOf(doc, k, derived);
  const direct = get('t4.litigation_direct.total');
  const afterReview = get('t4.litigation_after_review.total');
  const out: Partial<Record<KeyFigureId, number>> = {
    newReceived: get('t3.new_received.total'),
    carriedOver: get('t3.carried_over.total'),
    granted: get('t3.granted.total'),
    review: get('t4.review.total'),
    litigation: direct === undefined && afterReview === undefined ? undefined : (direct ?? 0) + (afterReview ?? 0),
  };
  for (const k of KEY_FIGURE_IDS) if (out[k] === undefined) delete out[k];
  return out;
}

/** Key figures per year, oldest first; one report per year (the first given wins). */
export function keyFiguresOverYears(reports: ReportDoc[]): YearFigures[] {
  const byYear = new Map<number, ReportDoc>();
  for (const r of reports) if (!byYear.has(r.year)) byYear.set(r.year, r);
  return [...byYear.values()].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, formatId: r.formatId, figures: keyFigures(r) }));
}
