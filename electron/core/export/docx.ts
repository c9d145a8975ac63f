// The report as a .docx in the official layout (GB/T 9704-2012, spec §5): A4, 版心 156 × 225 mm,
// a document grid of 22 lines × 28 characters, the tables exactly as the format prints them (from
// tableGrid), page numbers "— n —" 7 mm under the 版心 on alternating sides, Word heading styles
// with outline levels, and the same bytes for the same report (a fixed zip, timestamps from it).
import { AlignmentType, Document, DocumentGridType, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { stripXmlIllegalDeep } from '../../../shared/xml-chars';
import type { ReportDoc } from '../../../shared/report';
import { reportContent } from '../../../shared/print/content';
import { paginate } from '../../../shared/print/paginate';
import { groupSplitRows } from '../../../shared/print/table-layout';
import type { TableGrid } from '../../../shared/formats/grid';
import { FONT, GRID_BASE_PT, GRID_CHAR_SPACE, LINE_PITCH_TWIPS, PAGE_NUMBER, SIZE } from '../../../shared/print/page-layout';
import { blockToChildren, colophonParagraph } from './docx-blocks';
import type { ReportContent } from '../../../shared/print/content';
import type { PrintedPage } from '../../../shared/print/paginate';
import { finishPackage, fontTableXml } from './docx-package';
import { RED, STYLE, chars, exactLine, fonts, officialPage, runs } from './docx-text';
export { rowsKeptWithNext } from '../../../shared/print/table-layout';
export { columnWidths } from './docx-table';
export { documentTimestamp } from './docx-package';

export interface DocxOptions {
  /** 红头 variant: 发文机关标志 in red and 发文字号 */
  letterhead?: boolean;
  /** the copy that will be sealed: 署名 centred over the date 空4字 from the right (§7.3.5.1) */
  sealed?: boolean;
  /** mark every page 草稿 (unresolved errors…); a report that cannot be final is marked anyway */
  draft?: boolean;
  /** the caller wants the final version: refuse (ExportRefused) rather than mark it 草稿 */
  final?: boolean;
  /** 双面打印: mirror margins, so the 订口 (28 mm) is on the inside of every leaf (even pages: right) */
  duplex?: boolean;
}

export { ExportRefused } from '../../../shared/print/content';
import { ExportRefused } from '../../../shared/print/content';

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— n —" in 4号 宋体, 空一字 from the outer edge: odd pages right, even pages left (std §7.5).
  const oneChar = SIZE.si * 20;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { before: 0, after: 0, line: PAGE_NUMBER.lineTwips, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fonts(FONT.pageNumber),
            size: SIZE.si * 2,
            sizeComplexScript: SIZE.si * 2,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          }),
        ],
      }),
    ],
  });
}

/**
 * Where the page model put the 版记: after the body on its last page, overleaf (a page break), or
 * after a blank page (then in a section of its own, without page numbers).
 */
function colophonPlacement(content: ReportContent, pages: PrintedPage[]): { blankBefore: boolean; children: Paragraph[] } | null {
  const block = content.blocks.find((b) => b.type === 'colophon');
  if (block?.type !== 'colophon') return null;
  const bodyLast = pages.findLastIndex((p) => p.items.some((i) => i.kind !== 'colophon'));
  const breaks = pages.length - 1 - bodyLast;
  const frame = colophonParagraph(block.printedBy, block.date);
  // The frame is anchored where its paragraph falls: an empty paragraph opens the 版记's page.
  if (breaks === 0) return { blankBefore: false, children: [frame] };
  if (breaks === 1) return { blankBefore: false, children: [new Paragraph({ children: [], pageBreakBefore: true, style: STYLE.colophon }), frame] };
  return {
    blankBefore: true,
    children: [new Paragraph({ children: [], style: STYLE.colophon }), new Paragraph({ children: [], pageBreakBefore: true, style: STYLE.colophon }), frame],
  };
}

function draftHeader(reasons: string[]): Header {
  const why = reasons.length > 0 ? '本稿尚未定稿' : '报告尚有未解决的错误';
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.draft,
        alignment: AlignmentType.CENTER,
        children: runs(`草稿　${why}，不得用印发布`, FONT.heading1, SIZE.xiaosi, { color: RED }),
      }),
    ],
  });
}

export async function buildDocx(stored: ReportDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  // Text stored before characters XML cannot hold were stripped at the door: never written into the file.
  const doc = stripXmlIllegalDeep(stored);
  const content = reportContent(doc, { letterhead: options.letterhead, sealed: options.sealed, duplex: options.duplex });
  // No 成文日期, or a 红头 without 发文字号: never the final version (refused when one was asked for).
  if (content.draftReasons.length > 0 && options.final) throw new ExportRefused(content.draftReasons.join('\n'));
  options = { ...options, draft: !!options.draft || content.draftReasons.length > 0 };
  // Where the page model splits a table group across pages (the Word file repeats its label there).
  const splits = new Map<TableGrid, Set<number>>();
  const pages = paginate(content);
  for (const page of pages)
    for (const item of page.items)
      if (item.kind === 'table' && groupSplitRows(item.grid)[item.rows[0]]) splits.set(item.grid, new Set([...(splits.get(item.grid) ?? []), item.rows[0]]));
  const body = content.blocks.filter((b) => b.type !== 'colophon');
  const children = body.flatMap((b, i) => blockToChildren(b, body[i + 1]?.type === 'signature', splits));
  const colophon = colophonPlacement(content, pages);
  const header = options.draft ? { default: draftHeader(content.draftReasons), even: draftHeader(content.draftReasons) } : undefined;
  const unit = doc.unit.name.trim();
  const heading = (id: string, name: string, level: number, font: string, bold = false) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: fonts(font), size: SIZE.san * 2, sizeComplexScript: SIZE.san * 2, bold, boldComplexScript: bold, color: '000000' },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level, spacing: exactLine, indent: { firstLine: chars(2) } },
  });
  const noGrid = (id: string, name: string) => ({ id, name, basedOn: 'Normal', quickFormat: false, paragraph: { indent: { firstLine: 0 } } });
  const document = new Document({
    title: content.title,
    subject: `${doc.year}年政府信息公开工作年度报告`,
    creator: unit || '年报编制助手',
    lastModifiedBy: unit || '年报编制助手',
    keywords: `政府信息公开;年度报告;${doc.year}`,
    description: options.draft ? '草稿' : '',
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.body), size: SIZE.san * 2, sizeComplexScript: SIZE.san * 2, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: fonts(FONT.body), size: GRID_BASE_PT * 2, sizeComplexScript: GRID_BASE_PT * 2 },
          paragraph: { spacing: exactLine },
        },
        heading('Heading1', 'heading 1', 0, FONT.heading1),
        heading('Heading2', 'heading 2', 1, FONT.heading2),
        heading('Heading3', 'heading 3', 2, FONT.body, true),
        heading('Heading4', 'heading 4', 3, FONT.body),
        noGrid(STYLE.title, '报告标题'),
        noGrid(STYLE.table, '表格文字'),
        noGrid(STYLE.gap, '表后空行'),
        noGrid(STYLE.pageNumber, '页码'),
        noGrid(STYLE.draft, '草稿标记'),
        noGrid(STYLE.colophon, '版记'),
      ],
    },
    sections: [
      {
        properties: {
          page: officialPage(PAGE_NUMBER.footerTwips),
          // Word's 页面设置 then shows 每页22行、每行28字: the line pitch is the body's exact spacing
          // and the character pitch 16 pt less a little (GRID_CHAR_SPACE), so 3号 fills 28 cells.
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: GRID_CHAR_SPACE },
        },
        headers: header,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: colophon && colophon.blankBefore === false ? [...children, ...colophon.children] : children,
      },
      // A blank page and the 版记 page after it carry no page number (§7.5): a section of their own.
      ...(colophon?.blankBefore
        ? [
            {
              properties: {
                page: officialPage(PAGE_NUMBER.footerTwips),
                grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: GRID_CHAR_SPACE },
              },
              headers: header,
              footers: { default: new Footer({ children: [] }), even: new Footer({ children: [] }) },
              children: colophon.children,
            },
          ]
        : []),
    ],
  });
  const buffer = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return finishPackage(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), doc, content.title, { mirrorMargins: !!options.duplex });
}
