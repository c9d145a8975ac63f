// Table 三 counted from the register: every input cell (本年新收, 上年结转, each outcome row,
// 结转下年度) per applicant type, with the applications behind each cell. Balanced by construction:
// an application in the year's table is either new or carried over, and either answered in the
// year (one outcome row) or open at year end (结转下年度).
import { cellKey, formatModel } from '../formats/index';
import type { ReportFormat } from '../formats/types';
import { applicantTypes, outcomeRows, placementProblem, yearOf, type Application } from './model';

export interface Table3FromRegister {
  /** every input cell of table 三, 0 included */
  cells: Record<string, number>;
  /** the ids of the applications each cell counts (a cell of 0 has an empty list) */
  sources: Record<string, string[]>;
  /** applications of the year that fit no cell of the format, with the reason */
  unplaced: { id: string; reason: string }[];
  /** how many applications the year's table counts */
  counted: number;
}

/** Where an application stands in a year's table, or null when the year's table does not count it. */
export interface Placement {
  /** 本年新收 or 上年结转 */
  intake: 'new_received' | 'carried_over';
  /** the outcome row answered in the year, or 结转下年度 */
  result: string;
}

/**
 * The row keys of the format's balance rows. The format data names them only through `short` and
 * the `outcome`/`derived` flags; the keys here are the ones shared/formats gives every gov format.
 */
const NEW = 'new_received';
const CARRIED_OVER = 'carried_over';
const CARRIED_FORWARD = 'carried_forward';

export function placeInYear(app: Application, year: number): Placement | null {
  const received = yearOf(app.receivedOn);
  if (received > year) return null;
  const answered = app.answeredOn ? yearOf(app.answeredOn) : null;
  if (answered !== null && answered < year) return null;
  return {
    intake: received === year ? NEW : CARRIED_OVER,
    // Answered in a later year (or not yet): open at this year's end.
    result: answered === year ? app.outcome : CARRIED_FORWARD,
  };
}

/** The applications open at the end of `year` (next year's 上年结转), in register order. */
export function openAtYearEnd(applications: readonly Application[], year: number): Application[] {
  return applications.filter((a) => placeInYear(a, year)?.result === CARRIED_FORWARD);
}

export function computeTable3(applications: readonly Application[], year: number, format: ReportFormat): Table3FromRegister {
  const model = formatModel(format);
  const cells: Record<string, number> = {};
  const sources: Record<string, string[]> = {};
  for (const info of model.inputs) {
    if (info.table !== 't3') continue;
    cells[info.key] = 0;
    sources[info.key] = [];
  }
  // Row → applicant type → cell key, built once per count (5,000 applications: no string building each).
  const keys = new Map<string, Map<string, string>>();
  for (const row of [NEW, CARRIED_OVER, CARRIED_FORWARD, ...outcomeRows(format).map((r) => r.key)]) {
    keys.set(row, new Map(applicantTypes(format).map((t) => [t.key, cellKey('t3', row, t.key)])));
  }
  const unplaced: Table3FromRegister['unplaced'] = [];
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let counted = 0;
  for (const app of applications) {
    // placeInYear, on the ISO strings directly.
    if (app.receivedOn > last || (app.answeredOn && app.answeredOn < first)) continue;
    const intake = app.receivedOn >= first ? NEW : CARRIED_OVER;
    const result = app.answeredOn && app.answeredOn <= last ? app.outcome : CARRIED_FORWARD;
    const intakeKey = keys.get(intake)!.get(app.applicantType);
    const resultKey = keys.get(result)?.get(app.applicantType);
    if (!intakeKey || !resultKey) {
      unplaced.push({ id: app.id, reason: placementProblem(app, format) ?? '无法计入表三' });
      continue;
    }
    counted++;
    cells[intakeKey]!++;
    sources[intakeKey]!.push(app.id);
    cells[resultKey]!++;
    sources[resultKey]!.push(app.id);
  }
  return { cells, sources, unplaced, counted };
}

/** 由台账计算（N 件）: how a computed cell says where its figure comes from. */
export function computedCellNote(count: number): string {
  return `由台账计算（${count} 件）`;
}

/** The input cells of table 三 a report with a register takes from it. */
export function registerCellKeys(formatId: string): string[] {
  return formatModel(formatId === 'gov-2019' ? 'gov-2019' : 'gov-2021')
    .inputs.filter((c) => c.table === 't3')
    .map((c) => c.key);
}
