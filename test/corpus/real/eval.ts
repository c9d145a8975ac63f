// `npm run eval:real`: real published report openings (test/corpus/real/pages/NNN.txt, found with their
// addresses) through the path a clerk uses — the text importer (readReportSource, as pasted text) —
// then the checker (checkReport). Prints per page what the import read and every warning and error,
// with the words it points at; a finding that only says a part is missing on a page cut before
// 六、其他需要报告的事项 is counted apart (the stored opening stops there, the report does not).
//
//   npm run eval:real [-- --diff] [-- --update] [-- --brief] [-- --only NNN]
//   --diff    compare this run's findings with test/corpus/real/findings.snapshot.json and print what changed
//   --update  rewrite the snapshot with this run's findings
//   --brief   only the per-page line and the totals
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReportSource } from '../../../electron/core/import/index';
import { checkReport } from '../../../shared/check';
import { cellKey, FORMATS, isGovFormatId } from '../../../shared/formats/index';
import type { ImportNote } from '../../../shared/api';
import type { Finding, ReportDoc } from '../../../shared/report';
import { sentenceAround } from '../lib';

export const REAL_DIR = dirname(fileURLToPath(import.meta.url));
const PAGES = join(REAL_DIR, 'pages');
const SNAPSHOT = join(REAL_DIR, 'findings.snapshot.json');
/** FINDINGS.md's classes by finding (the snapshot's line): a true mistake, b false alarm, c import defect, d the cut. */
const CLASSES = join(REAL_DIR, 'classes.json');

export type Classes = Record<string, Record<string, string>>;

export function loadClasses(file = CLASSES): Classes {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Classes) : {};
}

/** A stored page: its header (# 来源 / # 标题) and the text as stored, which is what is pasted. */
export interface Page {
  id: string;
  source: string;
  title: string;
  text: string;
}

export function loadPages(dir = PAGES): Page[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      const lines = raw.split('\n');
      let i = 0;
      const head: Record<string, string> = {};
      while (i < lines.length && lines[i]!.startsWith('# ')) {
        const m = /^# (来源|标题)：(.*)$/.exec(lines[i]!);
        if (m) head[m[1]!] = m[2]!;
        i++;
      }
      return { id: f.replace(/\.txt$/, ''), source: head['来源'] ?? '', title: head['标题'] ?? '', text: lines.slice(i).join('\n') };
    });
}

/** The opening stops before 六、其他需要报告的事项 (the stored excerpt is cut, not the report). */
export function isCut(text: string): boolean {
  return !/六\s*[、.．，,]\s*其他需要报告的事项/.test(text);
}

/** Rules that only say a part, a table or its figures are not there: on a cut page these are expected. */
const MISSING_RULES = new Set(['review.section_empty', 'tables.empty', 'review.unread_cells']);

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * A finding that the cut itself explains: a part, a table or figures missing, 考核/评议/追究 not written
 * when 五 was never reached, or the words it points at are the cut-off last lines of the stored text.
 */
export function isCutFinding(page: Page, doc: ReportDoc, f: Finding, where: string): boolean {
  if (!isCut(page.text)) return false;
  if (MISSING_RULES.has(f.rule)) return true;
  if (f.rule === 'review.accountability' && !doc.sections.problems?.trim()) return true;
  const tail = squeeze(page.text).slice(-60);
  const end = squeeze(where).slice(-12);
  return end.length > 0 && tail.endsWith(end);
}

export interface Shown {
  rule: string;
  severity: Finding['severity'];
  message: string;
  where: string;
  /** on a cut page, a finding that only says something is missing */
  cut: boolean;
}

export interface PageResult {
  page: Page;
  /** the importer's refusal (a clear Chinese message), when it refused */
  refused?: string;
  cut: boolean;
  formatId?: string;
  year?: number;
  title?: string;
  sections: string[];
  tables: string[];
  cellsRead: number;
  /** table 二's block (一) as read, row by row (规章, then 行政规范性文件), undefined where not read */
  t2Block1?: (number | undefined)[];
  unread: number;
  problems: string[];
  notes: ImportNote[];
  findings: Shown[];
}

function where(doc: ReportDoc, f: Finding): string {
  const loc = f.location;
  if (!loc || loc.end <= loc.start) return '';
  const text =
    loc.section === 'title'
      ? doc.title
      : loc.section === 'period'
        ? doc.period
        : loc.section === 'signature'
          ? doc.signature
          : (doc.sections[loc.section as keyof ReportDoc['sections']] ?? '');
  return sentenceAround(text, loc.start, loc.end) || loc.quote;
}

export async function runPage(page: Page): Promise<PageResult> {
  const cut = isCut(page.text);
  const base = { page, cut, sections: [], tables: [], cellsRead: 0, unread: 0, problems: [], notes: [], findings: [] };
  let read;
  try {
    read = await readReportSource(`${page.id}.txt`, new TextEncoder().encode(page.text));
  } catch (err) {
    return { ...base, refused: (err as Error).message };
  }
  const doc = read.report;
  const findings = checkReport(doc)
    .filter((f) => f.severity !== 'info')
    .map((f) => {
      const w = where(doc, f);
      return { rule: f.rule, severity: f.severity, message: f.message, where: w, cut: isCutFinding(page, doc, f, w) };
    });
  const block1 = isGovFormatId(doc.formatId) ? FORMATS[doc.formatId].t2.blocks[0] : undefined;
  return {
    page,
    cut,
    formatId: doc.formatId,
    year: doc.year,
    title: doc.title,
    sections: Object.entries(doc.sections)
      .filter(([, v]) => v && v.trim())
      .map(([k]) => k),
    tables: read.recognised.filter((r) => /^t[234]/.test(r) || r.startsWith('table')),
    cellsRead: Object.keys(doc.cells).length,
    t2Block1: block1?.rows.flatMap((row) => block1.columns.map((c) => doc.cells[cellKey('t2', row.key, c.key)])),
    unread: doc.unreadCells?.length ?? 0,
    problems: read.problems,
    notes: read.notes.filter((n) => n.kind !== 'unread'),
    findings,
  };
}

export type Snapshot = Record<string, string[]>;

/** A finding as the snapshot and classes.json name it. */
export const lineOf = (f: Shown) => `${f.severity} ${f.rule} ${f.where.slice(0, 60) || f.message.slice(0, 40)}`;

/** The class FINDINGS.md gives a finding; a finding the cut explains is d unless classed by hand; '?' = not yet read. */
export function classOf(classes: Classes, page: string, f: Shown): string {
  return classes[page]?.[lineOf(f)] ?? (f.cut ? 'd' : '?');
}

/** What the snapshot keeps of a page: the refusal, or each warning/error as `severity rule words`. */
export function snapshotOf(results: readonly PageResult[]): Snapshot {
  const out: Snapshot = {};
  for (const r of results) {
    out[r.page.id] = r.refused ? [`refused ${r.refused.slice(0, 60)}`] : r.findings.map(lineOf).sort();
  }
  return out;
}

export function diffSnapshots(before: Snapshot, now: Snapshot): string[] {
  const out: string[] = [];
  for (const k of [...new Set([...Object.keys(before), ...Object.keys(now)])].sort()) {
    const a = new Set(before[k] ?? []);
    const b = new Set(now[k] ?? []);
    const gone = [...a].filter((x) => !b.has(x));
    const added = [...b].filter((x) => !a.has(x));
    if (!gone.length && !added.length) continue;
    out.push(`页面 ${k}`);
    for (const x of gone) out.push(`  - ${x}`);
    for (const x of added) out.push(`  + ${x}`);
  }
  return out;
}

export async function runAll(pages = loadPages()): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for (const p of pages) out.push(await runPage(p));
  return out;
}

const CLASS_NAMES: Record<string, string> = {
  a: '原报告的错误',
  'a?': '像是原报告的错误（不能确定）',
  b: '误报',
  c: '导入缺陷',
  d: '截断或存档缺表所致',
  '?': '未分类（请读后写入 FINDINGS.md 和 classes.json）',
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const brief = args.includes('--brief');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const results = await runAll(loadPages().filter((p) => !only || p.id === only));
  const classes = loadClasses();
  const byRule = new Map<string, Record<string, number>>();
  const byClass: Record<string, number> = {};
  let refused = 0;
  for (const r of results) {
    const head = `== ${r.page.id}${r.cut ? '（截断）' : ''} ${r.page.source}`;
    if (r.refused) {
      refused++;
      console.log(`${head}\n  导入拒绝：${r.refused}`);
      continue;
    }
    console.log(
      `${head}\n  导入：${r.formatId} ${r.year}年「${r.title}」 部分 ${r.sections.length}（${r.sections.join(' ')}） 表格 ${r.tables.join(' ') || '无'} 读入 ${r.cellsRead} 格 未读入 ${r.unread} 格；警告/错误 ${r.findings.length}（截断所致 ${r.findings.filter((f) => f.cut).length}）`,
    );
    for (const f of r.findings) {
      const cls = classOf(classes, r.page.id, f);
      byClass[cls] = (byClass[cls] ?? 0) + 1;
      const c = byRule.get(f.rule) ?? {};
      c[cls] = (c[cls] ?? 0) + 1;
      byRule.set(f.rule, c);
    }
    if (brief) continue;
    for (const p of r.problems) console.log(`  问题：${p}`);
    for (const n of r.notes) console.log(`  导入说明：${n.line ? `第${n.line}行 ` : ''}${n.text.slice(0, 120)}`);
    for (const f of r.findings) {
      console.log(`  (${classOf(classes, r.page.id, f)}) [${f.severity}]${f.cut ? '[截断]' : ''} ${f.rule} ${f.message.slice(0, 200)}`);
      if (f.where) console.log(`      原文：${f.where.slice(0, 200)}`);
    }
  }
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  console.log(`\n== 合计：页面 ${results.length}，导入 ${results.length - refused}，拒绝 ${refused}，截断页面 ${results.filter((r) => r.cut).length}`);
  const imported = results.filter((r) => !r.refused);
  const withTable = (t: string) => imported.filter((r) => r.tables.includes(t)).length;
  console.log(
    `表格：读入表二的页面 ${withTable('t2')}，表三 ${withTable('t3')}，表四 ${withTable('t4')}；读入 ${imported.reduce((n, r) => n + r.cellsRead, 0)} 格，未读入 ${imported.reduce((n, r) => n + r.unread, 0)} 格`,
  );
  console.log(`警告/错误 ${total}`);
  for (const [cls, name] of Object.entries(CLASS_NAMES)) if (byClass[cls]) console.log(`  (${cls}) ${name}：${byClass[cls]}`);
  console.log('按规则：');
  for (const [rule, c] of [...byRule].sort((a, b) => countOf(b[1]) - countOf(a[1]))) {
    console.log(
      `  ${rule.padEnd(30)}${Object.entries(c)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  }

  const now = snapshotOf(results);
  if (args.includes('--diff')) {
    if (!existsSync(SNAPSHOT)) console.log('\n（还没有快照：先运行 npm run eval:real -- --update）');
    else {
      const changes = diffSnapshots(JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot, now);
      console.log(`\n== 与快照相比的变化：${changes.length ? '' : '没有'}`);
      for (const line of changes) console.log(line);
    }
  }
  if (args.includes('--update') && !only) {
    writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 1)}\n`);
    console.log(`\n快照已更新：${SNAPSHOT}`);
  }
}

const countOf = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
