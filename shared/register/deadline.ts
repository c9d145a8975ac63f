// Answer deadlines of 《政府信息公开条例》第三十至三十三条, on the official working-day calendar:
// - 第三十三条: answer within 20 working days of receipt (the day of receipt not counted); with the
//   head's consent and the applicant told, at most 20 more (延期); the time taken to consult a third
//   party or another agency is not counted (征求意见);
// - 第三十条: an unclear application is sent back for correction within 7 working days of receipt,
//   and the clock runs from the receipt of the corrected application (补正).
// The calendar (holidays and 调休 workdays) comes from chinese-days for the years it knows; for a
// year it does not know yet (the program is offline) the clerk types that year's 节假日安排, and
// until then only weekends are rest days and the answer says the year was guessed.
import chineseDays from 'chinese-days';
import { z } from 'zod';
import type { Application } from './model';

export const ANSWER_WORKDAYS = 20;
export const EXTENSION_WORKDAYS = 20;
export const CORRECTION_NOTICE_WORKDAYS = 7;
/** The home screen lists open applications due within this many working days. */
export const DUE_SOON_WORKDAYS = 5;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日');

/** A year's 节假日安排 as the clerk types it from the State Council's notice: rest days and 调休 workdays. */
export const HolidayArrangementSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** 放假 days that would otherwise be workdays (weekends inside a holiday may be listed too) */
  holidays: z.array(isoDate).max(60),
  /** 调休上班: weekend days that are workdays */
  workdays: z.array(isoDate).max(20),
});
export type HolidayArrangement = z.infer<typeof HolidayArrangementSchema>;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date: the calendar counts in whole numbers, not Date objects. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function isoOfDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return isoOfDay(dayNumber(iso) + n);
}

function isWeekend(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Where a year's calendar comes from. */
export type CalendarSource = 'library' | 'clerk' | 'weekends-only';

export class WorkCalendar {
  private readonly clerk = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  private readonly sources = new Map<number, CalendarSource>();
  /** day number → workday, filled as days are asked (a register asks about the same few hundred) */
  private readonly days = new Map<number, boolean>();
  /** addWorkdays without a skip, by start day and count: many applications arrive on the same day */
  private readonly sums = new Map<number, { date: string; skipped: number; years: Set<number> }>();

  constructor(arrangements: readonly HolidayArrangement[] = []) {
    for (const a of arrangements) this.clerk.set(a.year, { holidays: new Set(a.holidays), workdays: new Set(a.workdays) });
  }

  /** The clerk's arrangement wins over the library (a correction, or a year the library lacks). */
  source(year: number): CalendarSource {
    let s = this.sources.get(year);
    if (!s) {
      // A year the library knows has official holidays on weekdays; an unknown year has none.
      s = this.clerk.has(year) ? 'clerk' : chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0 ? 'library' : 'weekends-only';
      this.sources.set(year, s);
    }
    return s;
  }

  isWorkday(iso: string): boolean {
    return this.isWorkdayN(dayNumber(iso));
  }

  private isWorkdayN(n: number): boolean {
    let w = this.days.get(n);
    if (w === undefined) {
      const iso = isoOfDay(n);
      const year = Number(iso.slice(0, 4));
      const source = this.source(year);
      if (source === 'library') w = chineseDays.isWorkday(iso);
      else if (source === 'clerk') {
        const c = this.clerk.get(year)!;
        w = c.workdays.has(iso) || (!c.holidays.has(iso) && !isWeekend(iso));
      } else w = !isWeekend(iso);
      this.days.set(n, w);
    }
    return w;
  }

  /**
   * The `n`th working day after `iso` (the day itself not counted), not counting working days in
   * `skip` (day numbers, both ends included: 征求意见).
   */
  addWorkdays(iso: string, n: number, skip: { from: number; to: number } | null = null): { date: string; skipped: number; years: Set<number> } {
    const start = dayNumber(iso);
    const memoKey = start * 128 + n;
    const memo = skip || n >= 128 ? undefined : this.sums.get(memoKey);
    if (memo) return memo;
    const out = this.countWorkdays(start, n, skip);
    if (!skip && n < 128) this.sums.set(memoKey, out);
    return out;
  }

  private countWorkdays(start: number, n: number, skip: { from: number; to: number } | null) {
    let d = start;
    let count = 0;
    let skipped = 0;
    let lastYearDay = -1;
    const years = new Set<number>();
    while (count < n) {
      d++;
      if (!this.isWorkdayN(d)) continue;
      // The year of a counted day, looked up once per year crossed.
      if (d > lastYearDay) {
        const y = Number(isoOfDay(d).slice(0, 4));
        years.add(y);
        lastYearDay = Date.UTC(y, 11, 31) / DAY_MS;
      }
      if (skip && d >= skip.from && d <= skip.to) skipped++;
      else count++;
    }
    return { date: isoOfDay(d), skipped, years };
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workdaysBetween(from: string, to: string): number {
    if (to < from) return -this.workdaysBetween(to, from);
    let n = 0;
    const end = dayNumber(to);
    for (let d = dayNumber(from) + 1; d <= end; d++) if (this.isWorkdayN(d)) n++;
    return n;
  }
}

export type DeadlineState =
  /** answered on or before the due date */
  | 'answered'
  /** answered after the due date: 逾期答复 */
  | 'answered_late'
  /** open, more than DUE_SOON_WORKDAYS working days left */
  | 'open'
  /** open, due within DUE_SOON_WORKDAYS working days */
  | 'due_soon'
  /** open past the due date: 逾期 */
  | 'overdue'
  /** sent back for correction, the corrected application not yet received: the clock has not started */
  | 'awaiting_correction';

export interface Deadline {
  state: DeadlineState;
  /** the day the clock runs from: 收到日期, or the corrected application's receipt */
  clockFrom: string | null;
  /** the last day to answer; null while awaiting correction */
  due: string | null;
  /** 20, or 40 with 延期 */
  workdays: number;
  /** working days of 征求意见 not counted */
  consultationWorkdays: number;
  /** open applications: working days from today to the due date (negative when overdue) */
  workdaysLeft: number | null;
  /** 第三十条: the correction was asked for later than 7 working days after receipt */
  correctionNoticeLate: boolean;
  /** years whose holidays were not known (weekends only counted as rest days) */
  guessedYears: number[];
  /** the state in Chinese, for lists: 已按期答复, 逾期答复, 还剩 3 个工作日, 逾期 2 个工作日 … */
  label: string;
}

export function deadlineOf(app: Application, calendar: WorkCalendar, today: string): Deadline {
  const workdays = ANSWER_WORKDAYS + (app.extended ? EXTENSION_WORKDAYS : 0);
  const correctionNoticeLate = Boolean(app.correctionAskedOn) && app.correctionAskedOn > calendar.addWorkdays(app.receivedOn, CORRECTION_NOTICE_WORKDAYS).date;
  const clockFrom = app.correctionAskedOn ? app.correctionReceivedOn || null : app.receivedOn;
  const base = { workdays, correctionNoticeLate };
  if (!clockFrom) {
    // No corrected application yet: an answer (逾期不补正, 不再处理) closes it without a deadline.
    const state: DeadlineState = app.answeredOn ? 'answered' : 'awaiting_correction';
    return {
      ...base,
      state,
      clockFrom: null,
      due: null,
      consultationWorkdays: 0,
      workdaysLeft: null,
      guessedYears: [],
      label: state === 'answered' ? '已答复' : '等待补正',
    };
  }
  // A consultation still under way (no end date) has stopped the clock from its start up to today.
  const consultation = app.consultationFrom ? { from: dayNumber(app.consultationFrom), to: dayNumber(app.consultationTo || today) } : null;
  const { date: due, skipped, years } = calendar.addWorkdays(clockFrom, workdays, consultation);
  const guessedYears = [...years].filter((y) => calendar.source(y) === 'weekends-only');
  const common = { ...base, clockFrom, due, consultationWorkdays: skipped, guessedYears };
  if (app.answeredOn) {
    const late = app.answeredOn > due;
    return { ...common, state: late ? 'answered_late' : 'answered', workdaysLeft: null, label: late ? '逾期答复' : '已按期答复' };
  }
  const left = calendar.workdaysBetween(today, due);
  if (left < 0) return { ...common, state: 'overdue', workdaysLeft: left, label: `逾期 ${-left} 个工作日` };
  const state: DeadlineState = left <= DUE_SOON_WORKDAYS ? 'due_soon' : 'open';
  return { ...common, state, workdaysLeft: left, label: left === 0 ? '今天到期' : `还剩 ${left} 个工作日` };
}

/** 逾期: answered late, or open past its due date. */
export function isOverdue(d: Deadline): boolean {
  return d.state === 'answered_late' || d.state === 'overdue';
}
