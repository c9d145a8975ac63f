// The mistakes generator (issue 19 §1): plants every entry of test/corpus/mistakes/phrasings.json
// into several suitable clean reports (chosen by a seeded shuffle, so the output is the same on
// every run) and writes test/corpus/mistakes/generated.json: each planted mistake with its class,
// the rules expected to name it, and the concrete edits (eval re-applies them to the clean report).
//
//   node --import tsx test/corpus/tools/make-mistakes.ts [--phrasings FILE] [--clean DIR] [--out FILE] [--per N] [--seed S]
//
// An entry: { id, class, op, …, applies? } with op
//   replace (find, with [, section]) · append (section, text) · prepend (section, text) ·
//   replace_section (section, text) · set_cells (cells: { key: number | "{v:KEY+1}" })
// and placeholders {year} {year-1} {year-2} {year+1} {unit} {short} {self} {other} {v:KEY} {v:KEY+N}
// {v:KEY-N} (KEY: any cell, derived totals included, and t3.denied.total, t3.unable.total,
// t3.not_processed.total, t3.other.total). applies: { formatId, kind, requires: ["KEY>N", "KEY=N"] }.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveTotals, isGovFormatId } from '../../../shared/formats/index';
import type { ReportDoc } from '../../../shared/report';
import { ownNames } from '../../../shared/review/identity';
import { CLASS_RULES, CORPUS_DIR, diffEdit, fieldText, loadClean, type CleanReport, type Edit, type Planted } from '../lib';

export interface PhrasingEntry {
  id: string;
  class: string;
  op: string | { type?: string; op?: string; [k: string]: unknown };
  find?: string;
  with?: string;
  section?: string;
  text?: string;
  cells?: Record<string, number | string>;
  applies?: { formatId?: string | string[]; kind?: string | string[]; requires?: string[] };
  [k: string]: unknown;
}

const SECTION_NAMES: Record<string, string> = {
  一: 'overview',
  总体情况: 'overview',
  二: 'proactive',
  主动公开政府信息情况: 'proactive',
  三: 'requests',
  收到和处理政府信息公开申请情况: 'requests',
  四: 'review_litigation',
  政府信息公开行政复议行政诉讼情况: 'review_litigation',
  五: 'problems',
  存在的主要问题及改进情况: 'problems',
  六: 'other_matters',
  其他需要报告的事项: 'other_matters',
};
const FIELDS = ['title', 'period', 'signature', 'date', 'publishedAt'] as const;
type Field = (typeof FIELDS)[number];
/** Where a replace without a section looks, in this order. */
const SEARCH_ORDER = ['overview', 'requests', 'proactive', 'review_litigation', 'problems', 'other_matters', ...FIELDS];

function sectionKey(name: string): string {
  const n = name.replace(/[、，,\s（）()]/g, '');
  return SECTION_NAMES[n] ?? n;
}

/** Every figure a placeholder may name: the cells, the derived totals, and the group sums of table 三. */
export function cellValues(doc: ReportDoc): Record<string, number> {
  const values: Record<string, number> = { ...doc.cells };
  if (isGovFormatId(doc.formatId)) Object.assign(values, deriveTotals(doc.formatId, doc.cells));
  for (const group of ['denied', 'unable', 'not_processed', 'other']) {
    let sum = 0;
    for (const [k, v] of Object.entries(values)) {
      const m = /^t3\.([a-z_]+)\.total$/.exec(k);
      if (m && m[1]!.startsWith(`${group}_`)) sum += v;
    }
    values[`t3.${group}.total`] = sum;
  }
  return values;
}

const OTHER_UNITS: Record<string, string[]> = {
  township: ['龙泉镇', '青山乡', '白沙镇'],
  subdistrict: ['新华街道', '西湖街道', '东关街道'],
};

/** A figure as a clerk writes it: money rounded to 4 places (0.35+2 → 2.35). */
function figure(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Whether a placeholder's cell is filled in: an input cell itself, a total or group sum any cell of its table. */
function filled(doc: ReportDoc, key: string): boolean {
  if (key in doc.cells) return true;
  if (!/\.(total|decisions)$/.test(key) && !/^t3\.(denied|unable|not_processed|other)\.total$/.test(key)) return false;
  const table = key.slice(0, 3);
  return Object.keys(doc.cells).some((k) => k.startsWith(table));
}

/** The cells a text's placeholders read that the report has not filled in. */
export function unfilledKeys(doc: ReportDoc, text: string): string[] {
  return [...text.matchAll(/\{v:([a-z0-9_.]+?)([+-]\d+(?:\.\d+)?)?\}/g)].map((m) => m[1]!).filter((k) => !filled(doc, k) || !(k in cellValues(doc)));
}

/** The words a placeholder stands for in one clean report. */
export function placeholders(doc: ReportDoc): (text: string) => string {
  const values = cellValues(doc);
  const core = ownNames(doc.unit.name).core;
  const self = doc.unit.kind === 'subdistrict' ? '我街道' : core.endsWith('乡') ? '我乡' : doc.unit.kind === 'township' ? '我镇' : '本机关';
  const others = OTHER_UNITS[doc.unit.kind === 'subdistrict' ? 'subdistrict' : 'township']!;
  const other = others.find((o) => o !== core && !doc.unit.name.includes(o))!;
  return (text) =>
    text.replace(/\{(year(?:[+-]\d+)?|unit|short|self|other|v:([a-z0-9_.]+?)([+-]\d+(?:\.\d+)?)?)\}/g, (_, name: string, key?: string, delta?: string) => {
      if (key) return figure((values[key] ?? 0) + Number(delta ?? 0));
      if (name.startsWith('year')) return String(doc.year + Number(name.slice(4) || 0));
      if (name === 'unit') return doc.unit.name;
      if (name === 'short') return core || doc.unit.name;
      if (name === 'self') return self;
      return other;
    });
}

function oneOf(want: string | string[] | undefined, have: string): boolean {
  if (want === undefined) return true;
  return (Array.isArray(want) ? want : [want]).includes(have);
}

/** Whether an entry's `applies` lets it into a report. */
export function applies(entry: PhrasingEntry, doc: ReportDoc): boolean {
  const a = entry.applies;
  if (!a) return true;
  if (!oneOf(a.formatId, doc.formatId) || !oneOf(a.kind, doc.unit.kind)) return false;
  const values = cellValues(doc);
  for (const r of a.requires ?? []) {
    const m = /^\s*([a-z0-9_.]+)\s*(>=|<=|!=|>|<|=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(r);
    if (!m) throw new Error(`${entry.id}: requires “${r}” is not KEY>N / KEY=N`);
    const v = values[m[1]!] ?? 0;
    const n = Number(m[3]);
    const ok = { '>=': v >= n, '<=': v <= n, '!=': v !== n, '>': v > n, '<': v < n, '=': v === n }[m[2]!];
    if (!ok) return false;
  }
  return true;
}

function opOf(entry: PhrasingEntry): { op: string; args: PhrasingEntry } {
  if (typeof entry.op === 'string') return { op: entry.op, args: entry };
  const { type, op, ...rest } = entry.op;
  return { op: String(type ?? op), args: { ...entry, ...rest } as PhrasingEntry };
}

function textOf(doc: ReportDoc, where: string): string {
  return (FIELDS as readonly string[]).includes(where) ? fieldText(doc, where as Field) : (doc.sections[where as keyof ReportDoc['sections']] ?? '');
}

function edit(where: string, before: string, after: string): Edit {
  const d = diffEdit(before, after);
  return (FIELDS as readonly string[]).includes(where) ? { field: where as Field, ...d } : { field: 'section', section: where, ...d };
}

/** The entry planted in one report, or null when it does not fit there. */
export function plant(entry: PhrasingEntry, doc: ReportDoc): Edit[] | null {
  if (!applies(entry, doc)) return null;
  const fill = placeholders(doc);
  const { op, args } = opOf(entry);
  // A placeholder on a cell the report has not filled in: the entry does not fit this report.
  const raw = [args.find, args.with, args.text, ...Object.values(args.cells ?? {})].filter((x) => x !== undefined).join(' ');
  if (unfilledKeys(doc, String(raw)).length) return null;
  if (op === 'set_cells') {
    const cells: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(args.cells ?? {})) {
      const n = typeof v === 'number' ? v : Number(fill(String(v)));
      if (!Number.isFinite(n)) return null;
      cells[k] = n;
    }
    const changed = Object.entries(cells).some(([k, v]) => doc.cells[k] !== v);
    if (!changed) return null;
    // Totals the report states among its cells follow the inputs, as the program derives them.
    if (isGovFormatId(doc.formatId)) {
      const derived = deriveTotals(doc.formatId, { ...doc.cells, ...cells } as Record<string, number>);
      for (const [k, v] of Object.entries(derived)) if (k in doc.cells && !(k in cells) && doc.cells[k] !== v) cells[k] = v;
    }
    return [{ field: 'cells', cells }];
  }
  if (op === 'replace') {
    const find = fill(String(args.find ?? ''));
    const to = fill(String(args.with ?? ''));
    if (!find) return null;
    const order = args.section ? [sectionKey(args.section)] : SEARCH_ORDER;
    for (const where of order) {
      const before = textOf(doc, where);
      const at = before.indexOf(find);
      if (at < 0) continue;
      const after = before.slice(0, at) + to + before.slice(at + find.length);
      return after === before ? null : [edit(where, before, after)];
    }
    return null;
  }
  const where = sectionKey(String(args.section ?? ''));
  const text = fill(String(args.text ?? ''));
  const before = textOf(doc, where);
  let after: string;
  if (op === 'append') after = before ? `${before.replace(/\n+$/, '')}\n${text}` : text;
  else if (op === 'prepend') after = before ? `${text}\n${before}` : text;
  else if (op === 'replace_section') after = text;
  else throw new Error(`${entry.id}: unknown op “${op}”`);
  if ((FIELDS as readonly string[]).includes(where) && op !== 'replace_section') return null;
  if (!(FIELDS as readonly string[]).includes(where) && !/^[a-z_]+$/.test(where)) throw new Error(`${entry.id}: unknown section “${args.section}”`);
  return after === before ? null : [edit(where, before, after)];
}

/** A small seeded generator (mulberry32) and a string hash to seed it per entry. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Every entry planted in up to `per` suitable reports. */
export function makeMistakes(
  entries: readonly PhrasingEntry[],
  clean: readonly CleanReport[],
  per = 3,
  seed = 'nianbao-19',
): { mistakes: Planted[]; unplanted: string[] } {
  const mistakes: Planted[] = [];
  const unplanted: string[] = [];
  for (const entry of entries) {
    if (!CLASS_RULES[entry.class]) throw new Error(`${entry.id}: unknown class “${entry.class}”`);
    const order = [...clean];
    const random = rng(hash(`${seed}|${entry.id}`));
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let n = 0;
    for (const c of order) {
      if (n >= per) break;
      const edits = plant(entry, c.doc);
      if (!edits) continue;
      mistakes.push({ id: `${entry.id}@${c.name}`, class: entry.class, entry: entry.id, base: c.name, expect: CLASS_RULES[entry.class]!, edits });
      n++;
    }
    if (n === 0) unplanted.push(entry.id);
  }
  return { mistakes, unplanted };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  const phrasingsFile = opt('--phrasings', join(CORPUS_DIR, 'mistakes', 'phrasings.json'));
  const out = opt('--out', join(CORPUS_DIR, 'mistakes', 'generated.json'));
  const clean = loadClean(opt('--clean', join(CORPUS_DIR, 'clean')));
  const raw = JSON.parse(readFileSync(phrasingsFile, 'utf8')) as PhrasingEntry[] | { entries: PhrasingEntry[] };
  const entries = Array.isArray(raw) ? raw : raw.entries;
  const { mistakes, unplanted } = makeMistakes(entries, clean, Number(opt('--per', '3')), opt('--seed', 'nianbao-19'));
  writeFileSync(out, `${JSON.stringify({ phrasings: entries.length, reports: clean.length, mistakes }, null, 1)}\n`);
  const byClass: Record<string, number> = {};
  for (const m of mistakes) byClass[m.class] = (byClass[m.class] ?? 0) + 1;
  console.log(`${mistakes.length} planted mistakes from ${entries.length} phrasings in ${clean.length} clean reports → ${out}`);
  for (const [k, v] of Object.entries(byClass)) console.log(`  ${k}: ${v}`);
  if (unplanted.length) console.log(`not planted anywhere (no suitable report): ${unplanted.join(', ')}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) main();
