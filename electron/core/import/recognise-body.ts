// The body of an imported report: narrative under each heading, the three tables, or a pre-2019 report's parts and indicators.
import type { ReportFormat, SectionKey } from '../../../shared/formats/index';
import type { Block, Row } from './blocks';
import { legacyLabelCount, readLegacyTable } from './legacy';
import { labelCore, norm } from './normalize';
import { LEVEL1 } from './recognise-format';
import type { TableClass } from './recognise-format';
import { readTable2, readTable3, readTable4 } from './tables';

type Table = Extract<Block, { kind: 'table' }>;

/** The paragraphs under each heading, and which part each table stands in. */
export function readSections(blocks: Block[], headingAt: Map<number, SectionKey>, format: ReportFormat, tail: Set<number>) {
  const sections: Partial<Record<SectionKey, string>> = {};
  let current: SectionKey | undefined;
  let paraIndex = -1;
  const tableSection: (SectionKey | undefined)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      tableSection.push(current);
      continue;
    }
    paraIndex++;
    const key = headingAt.get(paraIndex);
    if (key) {
      current = key;
      continue;
    }
    if (!current || tail.has(paraIndex)) continue;
    // A table caption that a web copy left outside its table is not narrative.
    if (format.t2.blocks.some((blk) => norm(blk.caption) === norm(b.text))) continue;
    sections[current] = sections[current] ? `${sections[current]}\n${b.text}` : b.text;
  }
  return { sections, tableSection };
}

/** The three tables: pieces of one table (broken across pages) joined, each read by its labels. */
export function readTables(tables: Table[], classes: TableClass[], tableSection: (SectionKey | undefined)[], format: ReportFormat) {
  const cells: Record<string, number> = {};
  const recognised: string[] = [];
  const problems: string[] = [];
  const groups: { cls: Exclude<TableClass, undefined>; rows: Row[]; positional: boolean; blanksDropped?: boolean }[] = [];
  tables.forEach((t, i) => {
    const cls =
      classes[i] ??
      (tableSection[i] === 'proactive' ? 't2' : tableSection[i] === 'requests' ? 't3' : tableSection[i] === 'review_litigation' ? 't4' : undefined);
    if (!cls) {
      const text = t.rows
        .map((r) => r.cells.map((c) => c.text).join(' '))
        .join(' ')
        .trim();
      if (text) problems.push(`有一个表格无法识别是哪一张表，未读入：“${text.slice(0, 40)}${text.length > 40 ? '……' : ''}”`);
      return;
    }
    const prev = groups[groups.length - 1];
    if (prev && prev.cls === cls && i > 0 && classes[i - 1] === cls) {
      prev.rows.push(...t.rows);
      if (t.blanksDropped) prev.blanksDropped = true;
    } else groups.push({ cls, rows: [...t.rows], positional: t.positional, blanksDropped: t.blanksDropped });
  });
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.cls === 'legacy') {
      problems.push('文件中有 2019 年以前格式的附表（统计表），按新格式读取时未读入');
      continue;
    }
    if (seen.has(g.cls)) {
      problems.push(`表${g.cls === 't2' ? '二' : g.cls === 't3' ? '三' : '四'}出现了不止一次，只读入了第一张`);
      continue;
    }
    seen.add(g.cls);
    const r =
      g.cls === 't2'
        ? readTable2(format, g.rows, g.blanksDropped)
        : g.cls === 't3'
          ? readTable3(format, g.rows, g.positional, g.blanksDropped)
          : readTable4(format, g.rows, g.positional);
    Object.assign(cells, r.cells);
    problems.push(...r.problems);
    if (r.read > 0) recognised.push(g.cls);
  }
  for (const [id, name] of [
    ['t2', '表二（主动公开政府信息情况）'],
    ['t3', '表三（收到和处理政府信息公开申请情况）'],
    ['t4', '表四（政府信息公开行政复议、行政诉讼情况）'],
  ] as const) {
    if (!seen.has(id)) problems.push(`没有找到${name}`);
  }
  return { cells, recognised, problems };
}

interface LegacyRead {
  recognised: string[];
  problems: string[];
  legacySections: { heading: string; text: string }[];
  indicators: Record<string, number>;
}

export function readLegacy(blocks: Block[], tail: Set<number>): LegacyRead {
  const legacySections: { heading: string; text: string }[] = [];
  const indicators: Record<string, number> = {};
  const problems: string[] = [];
  const recognised: string[] = [];
  let paraIndex = -1;
  let current: { heading: string; text: string } | undefined;
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (legacyLabelCount(b.rows) >= 3) {
        const r = readLegacyTable(b.rows);
        for (const [k, v] of Object.entries(r.indicators)) if (!(k in indicators)) indicators[k] = v;
        problems.push(...r.problems);
      }
      continue;
    }
    paraIndex++;
    if (tail.has(paraIndex)) continue;
    const n = norm(b.text);
    if (LEVEL1.test(n) && labelCore(b.text).length <= 30 && !/[。;；]$/.test(n)) {
      current = { heading: b.text.trim(), text: '' };
      legacySections.push(current);
      continue;
    }
    if (current) current.text = current.text ? `${current.text}\n${b.text}` : b.text;
  }
  if (legacySections.length) recognised.push('legacy_sections');
  if (Object.keys(indicators).length) recognised.push('indicators');
  else problems.push('没有找到附表（统计表）中的指标数字');
  return { recognised, problems, legacySections, indicators };
}
