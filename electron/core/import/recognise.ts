// From paragraphs and tables to a report: the format (by the format data's markers, spec §2.6),
// the title, year and unit, the six sections by their headings, the three tables by their labels,
// or for a pre-2019 report its headings and 附表 indicators. What is not recognised is reported.
import { FORMATS, formatModel, SECTION_KEYS } from '../../../shared/formats/index';
import { LEGACY_HEADING_MARKERS } from '../../../shared/formats/legacy';
import type { ReportDoc } from '../../../shared/report';
import { defaultTitle, ReportDocSchema } from '../../../shared/report';
import type { Block } from './blocks';
import { legacyLabelCount } from './legacy';
import { labelCore, norm } from './normalize';
import { readLegacy, readSections, readTables } from './recognise-body';
import { chooseFormat, classify, detectFormat, findHeadings, formatProblems, LEVEL1 } from './recognise-format';
import { readClosing, readPreamble, readTitle, readYear } from './recognise-front';

export class NotAReportError extends Error {
  /** true when nothing of a report was found (another document, e.g. a cover note), not a report missing a part */
  constructor(
    message: string,
    readonly otherDocument = false,
  ) {
    super(message);
  }
}

export interface Recognised {
  report: ReportDoc;
  recognised: string[];
  problems: string[];
}

type Para = Extract<Block, { kind: 'para' }>;
type Table = Extract<Block, { kind: 'table' }>;

const blockText = (b: Block) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join('')).join(''));

export function recognise(blocks: Block[]): Recognised {
  const problems: string[] = [];
  const paras = blocks.filter((b): b is Para => b.kind === 'para').map((b) => b.text);
  const tables = blocks.filter((b): b is Table => b.kind === 'table');
  const allText = norm(blocks.map(blockText).join(''));
  if (!allText) throw new NotAReportError('文件里没有文字内容。请确认选择的是年度报告文件；复制网页时请先全选正文再粘贴。');
  const tableText = norm(tables.map(blockText).join(''));

  // Format first (headings are the same in both gov formats; the year decides a tie).
  const detected = detectFormat(tableText, allText);
  const firstLevel1 = paras.findIndex((p) => LEVEL1.test(norm(p)) && labelCore(p).length <= 30);
  const title = readTitle(paras, firstLevel1);
  const year = readYear(paras, title, problems);
  const legacyHeadings = paras.filter((p) => LEVEL1.test(norm(p)) && LEGACY_HEADING_MARKERS.some((m) => labelCore(p).includes(norm(m)))).length;
  const legacyTables = tables.filter((t) => legacyLabelCount(t.rows) >= 3).length;
  const format = chooseFormat(detected, year, legacyHeadings, legacyTables);

  const headingAt = findHeadings(paras, format);
  const classes = format ? tables.map((t) => classify(t.rows, format)) : tables.map((t) => (legacyLabelCount(t.rows) >= 3 ? 'legacy' : undefined));
  if (year === undefined && !format) {
    // Without a year no format is chosen: a report's headings or tables under any format mean the year is what is missing.
    const heading = Object.values(FORMATS)
      .map((f) => [...findHeadings(paras, f).keys()].map((i) => paras[i].trim())[0])
      .find(Boolean);
    const table = Object.values(FORMATS).some((f) => tables.some((t) => classify(t.rows, f)));
    if (heading || table || legacyHeadings > 0) {
      throw new NotAReportError(
        `找到了${heading ? `“${heading}”等` : ''}年度报告的内容，但标题、统计期限和正文中都没有读出报告是哪一年的。请在文字开头加上报告的标题（如“××镇人民政府2024年政府信息公开工作年度报告”），或写明统计期限（如“自2024年1月1日起至2024年12月31日止”），再重新导入。`,
      );
    }
  }
  if (headingAt.size === 0 && legacyHeadings === 0 && !classes.some(Boolean)) {
    throw new NotAReportError(
      '在这个文件里没有找到政府信息公开工作年度报告的内容（标题、六个部分的标题和统计表格都没有找到）。请确认选择的是年度报告文件。',
      true,
    );
  }
  if (year === undefined) {
    throw new NotAReportError('没有从标题或统计期限中读出报告年度。请在文件的标题中写明年度（如“2024年政府信息公开工作年度报告”）后重新导入。');
  }

  const closing = readClosing(blocks, paras, title, problems);
  const firstHeadingIdx = Math.min(...[...headingAt.keys(), firstLevel1 >= 0 ? firstLevel1 : paras.length]);
  const front = readPreamble(paras, title, firstHeadingIdx, closing);
  const common = { year, ...front, title: title.title || defaultTitle(closing.unitName, year), signature: closing.signature, date: closing.date };

  if (!format) {
    const legacy = readLegacy(blocks, closing.tail);
    const report = ReportDocSchema.parse({ ...common, formatId: 'legacy', legacySections: legacy.legacySections, indicators: legacy.indicators });
    return { report, recognised: legacy.recognised, problems: [...problems, ...legacy.problems] };
  }

  problems.push(...formatProblems(detected, format, year));
  const { sections, tableSection } = readSections(blocks, headingAt, format, closing.tail);
  const recognised: string[] = [];
  for (const key of SECTION_KEYS) {
    if ([...headingAt.values()].includes(key)) recognised.push(key);
    else problems.push(`没有找到“${format.sections.find((s) => s.key === key)!.heading}”这一部分的标题`);
  }
  const tablesRead = readTables(tables, classes, tableSection, format);
  recognised.push(...tablesRead.recognised);
  problems.push(...tablesRead.problems);

  // Every figure the tables did not give is 未读入, never a silent 0 (issue 21 item 4).
  const unreadCells = formatModel(format.id)
    .inputs.map((c) => c.key)
    .filter((k) => tablesRead.cells[k] === undefined);
  const report = ReportDocSchema.parse({
    ...common,
    formatId: format.id,
    sections,
    cells: tablesRead.cells,
    ...(unreadCells.length ? { unreadCells } : {}),
  });
  return { report, recognised, problems };
}
