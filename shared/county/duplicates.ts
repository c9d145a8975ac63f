// A unit sent twice (the same report as .json and as .docx, or an old and a new version): one
// unit-year is counted once. The files are grouped, one is kept (the county's choice, else the
// report file, which holds the exact figures), and what differs between them is named cell by cell.
import { formatModel, isGovFormatId } from '../formats/index';
import { defaultTitle, type ReportDoc } from '../report';
import { formatCellValue } from '../number';
import { cellLabel, cutQuote, sectionLabel } from './labels';
import { unitKey } from './names';
import type { CountyDifference, CountyEntry } from './types';

type Readable = CountyEntry & { doc: ReportDoc };

const SOURCE_RANK: Record<string, number> = { 'nianbao-file': 0, docx: 1, text: 2 };

export interface DuplicateGroup {
  entries: Readable[];
  kept: Readable;
}

/** Groups the readable files by unit and year; `keep` names files the county chose to count. */
export function groupDuplicates(readable: readonly Readable[], keep: readonly string[] = []): DuplicateGroup[] {
  const groups = new Map<string, Readable[]>();
  for (const e of readable) {
    const k = `${unitKey(e.doc.unit.name)}\u0000${e.doc.year}`;
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  const chosen = new Set(keep);
  const out: DuplicateGroup[] = [];
  for (const entries of groups.values()) {
    if (entries.length < 2) continue;
    const kept =
      entries.find((e) => chosen.has(e.id)) ?? [...entries].sort((a, b) => (SOURCE_RANK[a.source ?? ''] ?? 3) - (SOURCE_RANK[b.source ?? ''] ?? 3))[0];
    out.push({ entries, kept });
  }
  return out;
}

const NO_SPACE = /\s+/g;

/** From the first character where two texts part, a short quote of each (spaces ignored). */
function partingQuotes(texts: string[]): string[] {
  const flat = texts.map((t) => t.replace(NO_SPACE, ''));
  let i = 0;
  while (flat.every((t) => i < t.length && t[i] === flat[0][i])) i++;
  const from = Math.max(0, i - 6);
  return flat.map((t) => (t.length === 0 ? '（空）' : `${from > 0 ? '……' : ''}${cutQuote(t.slice(from), 24)}`));
}

/** What differs between files of the same unit and year: fields, table cells (by official label) and texts. */
export function differences(docs: readonly ReportDoc[]): CountyDifference[] {
  const out: CountyDifference[] = [];
  const field = (key: string, label: string, read: (d: ReportDoc) => string) => {
    const values = docs.map(read);
    if (values.some((v) => v !== values[0])) out.push({ kind: 'field', key, label, values });
  };
  field('unit', '单位名称', (d) => d.unit.name);
  field('formatId', '格式', (d) => d.formatId);
  field('title', '标题', (d) => (d.title.trim() || defaultTitle(d.unit.name, d.year)).replace(NO_SPACE, ''));
  field('date', '成文日期', (d) => d.date || '未写');
  const formatId = docs[0].formatId;
  if (isGovFormatId(formatId) && docs.every((d) => d.formatId === formatId)) {
    for (const c of formatModel(formatId).inputs) {
      const raw = docs.map((d) => d.cells[c.key]);
      // An unfilled cell prints as 0: only a different figure is a difference.
      if (raw.every((v) => (v ?? 0) === (raw[0] ?? 0))) continue;
      out.push({
        kind: 'cell',
        key: c.key,
        label: cellLabel(formatId, c.key),
        values: raw.map((v) => (v === undefined ? '未填' : formatCellValue(v, c.kind) || '0')),
      });
    }
  }
  const sectionKeys = new Set(docs.flatMap((d) => Object.keys(d.sections)));
  for (const key of sectionKeys) {
    const texts = docs.map((d) => d.sections[key as keyof ReportDoc['sections']] ?? '');
    const flat = texts.map((t) => t.replace(NO_SPACE, ''));
    if (flat.every((t) => t === flat[0])) continue;
    out.push({ kind: 'section', key, label: sectionLabel(formatId, key), values: partingQuotes(texts) });
  }
  return out;
}
