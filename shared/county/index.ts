// The county's review of a batch of reports: each report checked on its own (shared/check, with
// last year's file of the same unit when the batch has it), the units compared with each other
// (copied paragraphs, outlying figures) and the tables summed per format.
import { checkReport, countFindings, isAcknowledged } from '../check';
import { FORMATS, formatForYear, isGovFormatId } from '../formats/index';
import type { ReportDoc } from '../report';
import { rulesFor } from '../rules/index';
import { differences, groupDuplicates } from './duplicates';
import { copyFinding, findCopiedParagraphs, type CopyPair } from './copies';
import { unitKey, unitNamePattern } from './names';
import { findOutliers } from './outliers';
import { countySum } from './sums';
import type { CountyDuplicate, CountyEntry, CountyFinding, CountyReview, CountySum, CountyUnitRow, ContinuityStatus } from './types';

export type * from './types';
export { unitCore, unitNameVariants } from './names';
export { COPY_THRESHOLD, COPY_MIN_CHARS } from './copies';
export { cellLabel, cutQuote, sectionLabel, TABLE_NAMES } from './labels';

/** The year most of the batch reports on (the latest one on a tie). */
function countyYear(docs: readonly ReportDoc[]): number | null {
  const counts = new Map<number, number>();
  for (const d of docs) counts.set(d.year, (counts.get(d.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** Rule ids that compare 上年结转 with last year's 结转下年度, read from the rule catalogue. */
function carryOverRules(formatId: string): Set<string> {
  return new Set(
    rulesFor(formatId)
      .filter((r) => r.type === 't3_carry_over')
      .map((r) => r.id),
  );
}

export interface CountyOptions {
  /** for a unit sent more than once: the files the county chose to count (others: the report file, else the first) */
  keep?: readonly string[];
}

export function analyseCounty(entries: readonly CountyEntry[], options: CountyOptions = {}): CountyReview {
  const all = entries.filter((e): e is CountyEntry & { doc: ReportDoc } => !!e.doc);
  // One unit-year is counted once: the other files of a unit sent twice are shown, never summed or compared.
  const groups = groupDuplicates(all, options.keep);
  const duplicateOf = new Map<string, string>();
  for (const g of groups) for (const e of g.entries) if (e !== g.kept) duplicateOf.set(e.id, g.kept.id);
  const readable = all.filter((e) => !duplicateOf.has(e.id));
  const year = countyYear(readable.map((e) => e.doc));
  const byUnitYear = new Map<string, CountyEntry & { doc: ReportDoc }>();
  for (const e of readable) byUnitYear.set(`${unitKey(e.doc.unit.name)}\u0000${e.doc.year}`, e);

  const rows: CountyUnitRow[] = all.map((e) => {
    const prev = byUnitYear.get(`${unitKey(e.doc.unit.name)}\u0000${e.doc.year - 1}`);
    const findings: CountyFinding[] = checkReport(e.doc, prev?.doc);
    let continuity: ContinuityStatus = 'none';
    if (prev) {
      const rules = carryOverRules(e.doc.formatId);
      continuity = findings.some((f) => rules.has(f.rule)) ? 'mismatch' : 'ok';
    }
    const kept = duplicateOf.get(e.id);
    return {
      entryId: e.id,
      fileName: e.fileName,
      source: e.source,
      unitName: e.doc.unit.name,
      formatId: e.doc.formatId,
      year: e.doc.year,
      date: e.doc.date,
      role: kept ? 'duplicate' : e.doc.year === year ? 'current' : year !== null && e.doc.year === year - 1 ? 'previous' : 'other',
      ...(kept ? { duplicateOf: kept } : {}),
      continuity,
      fromRegister: e.doc.register?.tables ?? [],
      ...(prev ? { previousEntryId: prev.id } : {}),
      errors: 0,
      warnings: 0,
      info: 0,
      acknowledged: 0,
      findings,
      problems: e.problems,
    };
  });
  const rowById = new Map(rows.map((r) => [r.entryId, r]));
  const entryById = new Map(all.map((e) => [e.id, e]));
  const current = readable.filter((e) => e.doc.year === year);
  const comparisons: CountyReview['comparisons'] = [];
  const add = (entryId: string, f: CountyFinding, listed = true) => {
    const row = rowById.get(entryId)!;
    row.findings.push(f);
    if (listed) comparisons.push({ ...f, entryId, unitName: row.unitName });
  };

  const names = unitNamePattern(readable.map((e) => e.doc.unit.name));
  const copyUnits = current.map((e) => ({ entryId: e.id, unitName: e.doc.unit.name, fileName: e.fileName, doc: e.doc }));
  // Each paragraph found in other units' reports is one finding for its unit; a paragraph passed
  // round several townships is listed once in the county's findings (under its first unit).
  const sharing = new Map<string, { own: CopyPair['a']; others: Parameters<typeof copyFinding>[1] }>();
  const order = new Map(current.map((e, i) => [e.id, i]));
  const note = (own: CopyPair['a'], other: CopyPair['b'], similarity: number) => {
    const key = `${own.entryId}\u0000${own.section}\u0000${own.start}`;
    let g = sharing.get(key);
    if (!g) sharing.set(key, (g = { own, others: [] }));
    const e = entryById.get(other.entryId)!;
    g.others.push({ side: other, unitName: e.doc.unit.name, fileName: e.fileName, similarity });
  };
  for (const pair of findCopiedParagraphs(copyUnits, names)) {
    note(pair.a, pair.b, pair.similarity);
    note(pair.b, pair.a, pair.similarity);
  }
  for (const { own, others } of sharing.values()) {
    const first = others.every((o) => order.get(o.side.entryId)! > order.get(own.entryId)!);
    add(own.entryId, copyFinding(own, others), first);
  }

  const sums: CountySum[] = [];
  for (const formatId of ['gov-2021', 'gov-2019'] as const) {
    const units = current.filter((e) => e.doc.formatId === formatId);
    if (units.length === 0) continue;
    for (const o of findOutliers(units.map((e) => ({ entryId: e.id, doc: e.doc })))) add(o.entryId, o.finding);
    sums.push(
      countySum(
        formatId,
        year!,
        units.map((e) => {
          const prevId = rowById.get(e.id)!.previousEntryId;
          return { entryId: e.id, doc: e.doc, previous: prevId ? entryById.get(prevId)!.doc : undefined };
        }),
      ),
    );
  }

  // A rule the county's sum breaks is broken by some unit first: name them.
  for (const s of sums) {
    for (const rule of new Set(s.findings.map((f) => f.rule))) {
      const entryIds = s.entryIds.filter((id) => rowById.get(id)!.findings.some((f) => f.rule === rule));
      if (entryIds.length) s.causes.push({ rule, entryIds });
    }
  }

  // The clerk's 已核实 travels in the report file: shown with its reason, counted apart.
  for (const r of rows) {
    const doc = entryById.get(r.entryId)!.doc;
    for (const f of r.findings) if (isAcknowledged(doc, f)) f.acknowledged = { ...doc.acknowledgements[f.id!] };
    const c = countFindings(doc, r.findings);
    r.errors = c.errors;
    r.warnings = c.warnings;
    r.info = c.info;
    r.acknowledged = c.acknowledged;
  }

  const duplicates: CountyDuplicate[] = groups.map((g) => ({
    unitName: g.kept.doc.unit.name,
    year: g.kept.doc.year,
    entryIds: g.entries.map((e) => e.id),
    fileNames: g.entries.map((e) => e.fileName),
    kept: g.kept.id,
    differences: differences(g.entries.map((e) => e.doc)),
  }));
  // The files of a unit sent twice come first, the kept one leading its group.
  const first = duplicates.flatMap((d) => [d.kept, ...d.entryIds.filter((id) => id !== d.kept)]);
  const firstSet = new Set(first);
  const ordered = [...first.map((id) => rowById.get(id)!), ...rows.filter((r) => !firstSet.has(r.entryId))];

  return {
    year,
    rows: ordered,
    duplicates,
    unreadable: entries
      .filter((e) => !e.doc)
      .map((e) => ({ entryId: e.id, fileName: e.fileName, error: e.error ?? '无法读取。', ...(e.notAReport ? { notAReport: true } : {}) })),
    comparisons,
    sums: sums.sort((a, b) => b.entryIds.length - a.entryIds.length),
    sumNote: sumNote(year, current, sums),
  };
}

function sumNote(year: number | null, current: readonly (CountyEntry & { doc: ReportDoc })[], sums: CountySum[]): string {
  if (year === null) return '没有可以汇总的报告。';
  const official = formatForYear(year);
  const main = sums.find((s) => s.formatId === official.id);
  const parts: string[] = [];
  parts.push(
    main
      ? `${year}年度应使用${official.citation}格式：按此格式填报的 ${main.entryIds.length} 个单位逐格相加，即为全县汇总数（合计、总计由相加后的数字重新计算，不采用各单位自填的合计）。`
      : `${year}年度应使用${official.citation}格式，但这批文件中没有按此格式填报的报告。`,
  );
  for (const s of sums) {
    if (s.formatId === official.id) continue;
    parts.push(
      `另有 ${s.entryIds.length} 个单位使用${FORMATS[s.formatId].citation}格式，两种格式的表格行列不同，不能逐格相加：这些单位单独汇总、单独列出，不计入全县汇总数，请通知其按现行格式重新填报。`,
    );
  }
  const legacy = current.filter((e) => !isGovFormatId(e.doc.formatId)).length;
  if (legacy) parts.push(`${legacy} 份报告没有统一格式的统计表（2019年以前的格式），不参加汇总。`);
  return parts.join('');
}
