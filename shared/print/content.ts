// What the printed report says, in order, independent of how it is drawn: the Word writer and
// the preview walk the same list of blocks. Labels come from the format data (shared/formats).
// Pure TypeScript: no Node, no DOM, no docx.
import { deriveTotals, getFormat, isGovFormatId } from '../formats/index';
import type { CellKind, ReportFormat, TableId } from '../formats/index';
import { formatCellValue } from '../number';
import { tableGrid } from '../formats/grid';
import type { TableGrid } from '../formats/grid';
import { chineseDate, defaultPeriod, defaultTitle, unreadCellKeys } from '../report';
import type { ReportDoc } from '../report';
import { headingLevel, normaliseNumbering, splitHeading } from './page-layout';
import { signatureLayout, titleLines } from './line-breaks';
import type { HeadingLevel } from './page-layout';
import type { SignatureLayout } from './line-breaks';

export type ContentBlock =
  | { type: 'letterhead'; issuer: string; docNumber: string }
  | { type: 'title'; lines: string[] }
  /** a section heading from the format (一、总体情况 …) */
  | { type: 'section'; text: string }
  /** a narrative paragraph; `heading` is the part printed in the heading style of `level` */
  | { type: 'paragraph'; level: HeadingLevel; heading: string; text: string }
  | { type: 'table'; id: TableId; grid: TableGrid; values: Record<string, string> }
  /** 署名 and 成文日期, placed per GB/T 9704 §7.3.5 (positions in 字 from the left of the 版心) */
  | { type: 'signature'; layout: SignatureLayout }
  /** 版记 (§7.4): 印发机关 and 印发日期 between two rules at the foot of the last page */
  | { type: 'colophon'; printedBy: string; date: string };

export interface ContentOptions {
  /** 红头 variant: 发文机关标志 and 发文字号 */
  letterhead?: boolean;
  /** the copy that will be sealed: 署名 centred over the date, 空4字 (§7.3.5.1) */
  sealed?: boolean;
  /** 双面打印: mirrored margins, and the 版记 on an even page (the back of the last leaf) */
  duplex?: boolean;
}

export interface ReportContent {
  format: ReportFormat;
  title: string;
  blocks: ContentBlock[];
  /** why this cannot be the final, sealed version (Chinese); empty when it can */
  draftReasons: string[];
  /** 双面打印: the page model puts the 版记 on an even page */
  duplex: boolean;
}

/** Thrown for reports that cannot be printed in an official layout. */
export class ExportRefused extends Error {}

/** Printed form of a cell: as the clerk sees it on screen (formatCellValue), an empty cell as 0. */
export function printedValue(value: number | undefined, kind: CellKind): string {
  return formatCellValue(value, kind) || '0';
}

/** Every printed cell of the three tables: inputs as entered, totals derived (never typed). */
export function printedCells(format: ReportFormat, cells: Readonly<Record<string, number | undefined>>): Record<string, string> {
  const derived = deriveTotals(format, cells);
  const out: Record<string, string> = {};
  for (const id of ['t2', 't3', 't4'] as const) {
    for (const row of tableGrid(format, id).rows) {
      for (const c of row.cells) {
        if (c.type === 'value') out[c.cell] = printedValue(c.derived ? derived[c.cell] : cells[c.cell], c.kind);
      }
    }
  }
  return out;
}

/** The optional preamble (spec §1.3): basis, the six parts, statistics period, where published, contact. */
export function preambleParagraphs(doc: ReportDoc, format: ReportFormat): string[] {
  const p = doc.preamble;
  const out: string[] = [];
  const parts = format.sections.map((s) => s.heading.replace(/^[一二三四五六七八九十]+、/, '')).join('、');
  if (p.basis) {
    out.push(
      `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《${format.name}》（${format.citation}）要求编制，` +
        `全文包括${parts}${numberWord(format.sections.length)}部分。`,
    );
  }
  const second: string[] = [];
  if (p.period) second.push(`本报告中所列数据的统计期限为${doc.period.trim() || defaultPeriod(doc.year)}。`);
  if (p.publishedAt.trim()) second.push(`本报告电子版可在${p.publishedAt.trim().replace(/[。.]$/, '')}查阅或下载。`);
  if (p.contact) {
    const u = doc.unit;
    const items = [
      u.address.trim() && `地址：${u.address.trim()}`,
      u.postcode.trim() && `邮编：${u.postcode.trim()}`,
      u.phone.trim() && `电话：${u.phone.trim()}`,
      u.email.trim() && `电子邮箱：${u.email.trim()}`,
    ].filter(Boolean);
    if (items.length) second.push(`如对本报告有疑问，请与${u.name}联系（${items.join('；')}）。`);
  }
  if (second.length) out.push(second.join(''));
  return out;
}

function numberWord(n: number): string {
  return ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? String(n);
}

/** Narrative text as paragraphs: one per non-empty line, headings recognised by their numbering. */
export function narrativeParagraphs(text: string, sectionHeading: string): ContentBlock[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // A clerk who pasted the section heading into the text should not see it printed twice.
  if (lines[0] && lines[0].replace(/\s/g, '') === sectionHeading) lines.shift();
  return lines.map((raw) => {
    const line = normaliseNumbering(raw);
    const level = headingLevel(line);
    if (level === 0) return { type: 'paragraph', level, heading: '', text: line };
    const { heading, rest } = splitHeading(line);
    return { type: 'paragraph', level, heading, text: rest };
  });
}

/**
 * What keeps a report from being the final version on paper, whatever the checks say: a final
 * export needs its 成文日期, and a 红头 needs its 发文字号 (GB/T 9704 §7.2.4, §7.3.5).
 */
export function draftReasons(doc: ReportDoc, options: ContentOptions = {}): string[] {
  const out: string[] = [];
  if (doc.date && !chineseDate(doc.date))
    out.push(`成文日期“${doc.date}”不是真实的日期（没有这个月或这一天）。请在「基本信息」一步重新选择成文日期后再导出；只想先打印核对的，可以导出草稿。`);
  else if (!chineseDate(doc.date))
    out.push('还没有填成文日期：正式文件的落款必须有成文日期。请在「基本信息」一步选择成文日期后再导出；只想先打印核对的，可以导出草稿。');
  const unread = unreadCellKeys(doc).length;
  if (unread > 0)
    out.push(
      `表格中有 ${unread} 格导入时未读入（原文的数字没有读出来），不能当作 0 印出。请在「表格」各步对照原报告填上这些数字（没有发生的填 0）；只想先打印核对的，可以导出草稿。`,
    );
  if (options.letterhead && !doc.letterhead.docNumber.trim())
    out.push('加红头需要发文字号（如“小政〔2026〕1号”）。请在「基本信息」一步填写发文字号，或不加红头导出；只想先打印核对的，可以导出草稿。');
  const printed = options.letterhead ? printedDateProblem(doc) : '';
  if (printed) out.push(`${printed}；只想先打印核对的，可以导出草稿。`);
  return out;
}

/** What is wrong with the 版记's 印发日期 (not a real date, or before the 成文日期), or ''. */
export function printedDateProblem(doc: ReportDoc): string {
  const printed = doc.letterhead.printedDate;
  if (!doc.letterhead.printedBy.trim() || !printed) return '';
  if (!chineseDate(printed)) return `版记的印发日期“${printed}”不是真实的日期。请在导出步骤的红头选项中重新选择印发日期（留空则用成文日期）`;
  if (chineseDate(doc.date) && printed < doc.date)
    return `版记的印发日期（${chineseDate(printed)}）早于成文日期（${chineseDate(doc.date)}）：文件成文后才能印发。请在导出步骤的红头选项中改正印发日期（留空则用成文日期）`;
  return '';
}

export function reportContent(doc: ReportDoc, options: ContentOptions = {}): ReportContent {
  if (!isGovFormatId(doc.formatId)) {
    throw new ExportRefused('这是2019年以前的历史报告，只作历史记录保存，没有官方格式可以导出 Word 文件。请新建本年度报告后再导出。');
  }
  const format = getFormat(doc.formatId);
  const title = doc.title.trim() || defaultTitle(doc.unit.name, doc.year);
  const blocks: ContentBlock[] = [];
  if (options.letterhead) {
    blocks.push({ type: 'letterhead', issuer: doc.letterhead.issuer.trim() || doc.unit.name, docNumber: doc.letterhead.docNumber.trim() });
  }
  blocks.push({ type: 'title', lines: titleLines(title) });
  for (const text of preambleParagraphs(doc, format)) blocks.push({ type: 'paragraph', level: 0, heading: '', text });
  const values = printedCells(format, doc.cells);
  for (const section of format.sections) {
    blocks.push({ type: 'section', text: section.heading });
    blocks.push(...narrativeParagraphs(doc.sections[section.key] ?? '', section.heading));
    if (section.table) blocks.push({ type: 'table', id: section.table, grid: tableGrid(format, section.table), values });
  }
  const signature = doc.signature.trim() || doc.unit.signature.trim() || doc.unit.name;
  // No date yet (only ever in a 草稿): leave room to write it by hand rather than print a wrong one.
  const date = chineseDate(doc.date) || `${doc.year + 1}年　　月　　日`;
  blocks.push({ type: 'signature', layout: signatureLayout(signature, date, !!options.sealed) });
  const printedBy = doc.letterhead.printedBy.trim();
  if (options.letterhead && printedBy) {
    // 印发日期: set on its own, or the 成文日期; a 草稿 without either leaves it to write by hand.
    const printed = chineseDate(doc.letterhead.printedDate) || chineseDate(doc.date) || `${doc.year + 1}年　　月　　日`;
    blocks.push({ type: 'colophon', printedBy, date: `${printed}印发` });
  }
  return { format, title, blocks, draftReasons: draftReasons(doc, options), duplex: !!options.duplex };
}
