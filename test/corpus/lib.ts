// The measuring instrument (issue 19 §1): the clean corpus, the planted mistakes, and what the
// checker finds in each. `npm run eval` (eval.ts) prints it; test/unit/corpus.test.ts holds it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport } from '../../shared/check';
import { parseReportFile } from '../../shared/report-file';
import type { Finding, ReportDoc } from '../../shared/report';
import { cleanReport, cleanSubdistrictReport } from '../fixtures/review-clean';
import { ownStreetReport, ownTownshipReport } from '../fixtures/review-clean-own';

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
const FIXTURE_REPORTS = join(CORPUS_DIR, '..', 'fixtures', 'reports');

/** The classes of mistakes (issue 19 §4 and the existing checks) and the rules that name each. */
export const CLASS_RULES: Record<string, readonly string[]> = {
  typo: ['review.typo', 'review.wording'],
  text_table: ['review.narrative_figure', 'review.none_claimed', 'review.all_done', 'review.requests_no_count', 'review.money_unit'],
  sum: ['review.sum_parts'],
  self_description: ['review.self_description', 'review.parts_count', 'review.legacy_heading'],
  no_measures: ['review.problems'],
  wrong_body: ['review.wrong_body', 'review.unit_name', 'review.wrong_level', 'review.signature'],
  stale_year: ['review.stale_year', 'review.period', 'review.carry_year', 'review.title', 'review.citation', 'review.outdated_citation'],
  t2_plausibility: [
    't2.published_le_made',
    't2.decisions_without_items',
    't2.in_force_continuity',
    't2.repeal_bound',
    't2.township_regulations',
    't2.township_normative',
    't2.fee_unit',
    'cell.kind',
    'review.fee',
    't2.plausibility',
    't2.procurement_amount',
    't2.items_continuity',
  ],
  date: ['review.date_in_year', 'review.date_deadline', 'review.bad_date', 'review.period_span', 'review.date_padding', 'review.period'],
};
export const CLASSES = Object.keys(CLASS_RULES);

export interface CleanReport {
  /** file name or fixture name */
  name: string;
  doc: ReportDoc;
}

/** The clean corpus: every test/corpus/clean report and the project's own clean fixtures. */
export function loadClean(dir = join(CORPUS_DIR, 'clean')): CleanReport[] {
  const out: CleanReport[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.nianbao.json')) : [];
  for (const f of files.sort()) {
    const parsed = parseReportFile(readFileSync(join(dir, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f}: ${parsed.message}`);
    out.push({ name: f, doc: parsed.doc });
  }
  const fixture = parseReportFile(readFileSync(join(FIXTURE_REPORTS, '2025-clean.nianbao.json'), 'utf8'));
  if (!fixture.ok) throw new Error('fixtures/reports/2025-clean.nianbao.json is not a report');
  out.push({ name: 'fixture:2025-clean', doc: fixture.doc });
  out.push({ name: 'fixture:review-clean', doc: cleanReport() });
  out.push({ name: 'fixture:review-clean-subdistrict', doc: cleanSubdistrictReport() });
  out.push({ name: 'fixture:review-clean-own-township', doc: ownTownshipReport() });
  out.push({ name: 'fixture:review-clean-own-street', doc: ownStreetReport() });
  return out;
}

/** A planted mistake as generated.json keeps it: the clean report and the concrete change. */
export interface Planted {
  id: string;
  class: string;
  /** the phrasings.json entry it comes from */
  entry: string;
  base: string;
  /** the rules one of which must name it (from CLASS_RULES) */
  expect: readonly string[];
  edits: Edit[];
}

/** A text edit removes `remove` at offset `at` and puts `insert` there; a cells edit sets cells. */
export type Edit =
  | { field: 'section'; section: string; at: number; remove: string; insert: string }
  | { field: 'title' | 'period' | 'signature' | 'date' | 'publishedAt'; at: number; remove: string; insert: string }
  | { field: 'cells'; cells: Record<string, number | null> };

/** The smallest edit that turns `before` into `after`. */
export function diffEdit(before: string, after: string): { at: number; remove: string; insert: string } {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  let j = 0;
  while (j < before.length - i && j < after.length - i && before[before.length - 1 - j] === after[after.length - 1 - j]) j++;
  return { at: i, remove: before.slice(i, before.length - j), insert: after.slice(i, after.length - j) };
}

/** The clean report with a planted mistake's edits applied; throws when the base has changed. */
export function applyEdits(base: ReportDoc, edits: readonly Edit[]): ReportDoc {
  const doc = structuredClone(base);
  for (const e of edits) {
    if (e.field === 'cells') {
      for (const [k, v] of Object.entries(e.cells)) {
        if (v === null) delete doc.cells[k];
        else doc.cells[k] = v;
      }
      continue;
    }
    const now = e.field === 'section' ? (doc.sections[e.section as keyof ReportDoc['sections']] ?? '') : fieldText(doc, e.field);
    if (now.slice(e.at, e.at + e.remove.length) !== e.remove)
      throw new Error(`the clean report changed under a planted mistake (${e.field}${e.field === 'section' ? ' ' + e.section : ''})`);
    const after = now.slice(0, e.at) + e.insert + now.slice(e.at + e.remove.length);
    if (e.field === 'section') doc.sections[e.section as keyof ReportDoc['sections']] = after;
    else setFieldText(doc, e.field, after);
  }
  return doc;
}

export function fieldText(doc: ReportDoc, field: 'title' | 'period' | 'signature' | 'date' | 'publishedAt'): string {
  if (field === 'publishedAt') return doc.preamble.publishedAt;
  return doc[field];
}

function setFieldText(doc: ReportDoc, field: 'title' | 'period' | 'signature' | 'date' | 'publishedAt', value: string): void {
  if (field === 'publishedAt') doc.preamble.publishedAt = value;
  else doc[field] = value;
}

export function loadPlanted(file = join(CORPUS_DIR, 'mistakes', 'generated.json')): Planted[] {
  if (!existsSync(file)) return [];
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { mistakes: Planted[] };
  return raw.mistakes;
}

/** A finding as the instrument shows it: rule, severity, message and the words it points at. */
export interface Shown {
  id: string;
  rule: string;
  severity: Finding['severity'];
  message: string;
  where: string;
}

function shown(doc: ReportDoc, f: Finding): Shown {
  const loc = f.location;
  let where = '';
  if (loc && loc.end > loc.start) {
    const text = sourceText(doc, loc.section);
    where = sentenceAround(text, loc.start, loc.end) || loc.quote;
  }
  return { id: f.id ?? `${f.rule}:${f.cells.join(',')}`, rule: f.rule, severity: f.severity, message: f.message, where };
}

function sourceText(doc: ReportDoc, section: string): string {
  if (section === 'title') return doc.title;
  if (section === 'period') return doc.period;
  if (section === 'preamble') return doc.preamble.publishedAt;
  if (section === 'signature') return doc.signature || doc.unit.signature;
  return doc.sections[section as keyof ReportDoc['sections']] ?? '';
}

/** The sentence around [start, end) of a text (for printing a finding or a miss). */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !'。！？\n'.includes(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !'。！？\n'.includes(text[e]!)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}

export interface CleanResult {
  name: string;
  /** warnings and errors: each one is a false alarm */
  alarms: Shown[];
  info: Shown[];
}

export interface MistakeResult {
  planted: Planted;
  /** warnings/errors of the class's rules the clean original did not have */
  caught: Shown[];
  /** 提示 of the class's rules the clean original did not have (when nothing stronger caught it) */
  infoOnly: Shown[];
  /** the changed words, for printing a miss */
  sentence: string;
}

export interface EvalResult {
  clean: CleanResult[];
  mistakes: MistakeResult[];
  /** per class: planted, caught (warning/error), caught by 提示 only */
  classes: Record<string, { planted: number; caught: number; infoOnly: number }>;
}

export function runEval(clean: readonly CleanReport[], planted: readonly Planted[]): EvalResult {
  const byName = new Map(clean.map((c) => [c.name, c]));
  const baseFindings = new Map<string, Shown[]>();
  const cleanResults: CleanResult[] = [];
  for (const c of clean) {
    const all = checkReport(c.doc).map((f) => shown(c.doc, f));
    baseFindings.set(c.name, all);
    cleanResults.push({ name: c.name, alarms: all.filter((f) => f.severity !== 'info'), info: all.filter((f) => f.severity === 'info') });
  }
  const classes: EvalResult['classes'] = {};
  for (const k of CLASSES) classes[k] = { planted: 0, caught: 0, infoOnly: 0 };
  const mistakes: MistakeResult[] = [];
  for (const p of planted) {
    const base = byName.get(p.base);
    if (!base) continue;
    const doc = applyEdits(base.doc, p.edits);
    const before = new Set(baseFindings.get(p.base)!.map((f) => `${f.severity}|${f.id}`));
    const rules = new Set(CLASS_RULES[p.class] ?? p.expect);
    const found = checkReport(doc)
      .map((f) => shown(doc, f))
      .filter((f) => rules.has(f.rule) && !before.has(`${f.severity}|${f.id}`));
    const caught = found.filter((f) => f.severity !== 'info');
    const infoOnly = caught.length ? [] : found;
    const cls = (classes[p.class] ??= { planted: 0, caught: 0, infoOnly: 0 });
    cls.planted++;
    if (caught.length) cls.caught++;
    else if (infoOnly.length) cls.infoOnly++;
    mistakes.push({ planted: p, caught, infoOnly, sentence: changedWords(p, doc) });
  }
  return { clean: cleanResults, mistakes, classes };
}

/** The sentence a planted mistake changed (or the cells it set), read in the changed report. */
export function changedWords(p: Planted, doc: ReportDoc): string {
  const out: string[] = [];
  for (const e of p.edits) {
    if (e.field === 'cells') {
      out.push(
        `表格 ${Object.entries(e.cells)
          .map(([k, v]) => `${k}=${v ?? '空'}`)
          .join('，')}`,
      );
      continue;
    }
    const text = e.field === 'section' ? (doc.sections[e.section as keyof ReportDoc['sections']] ?? '') : fieldText(doc, e.field);
    out.push(`${e.field === 'section' ? e.section : e.field}：${sentenceAround(text, e.at, e.at + e.insert.length)}`);
  }
  return out.join(' / ');
}
