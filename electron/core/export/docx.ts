// The report as a .docx in the official layout (GB/T 9704-2012, spec §5): A4, 版心 156 × 225 mm,
// 22 lines of 28 characters, the tables exactly as the format prints them (from tableGrid), and
// page numbers "— n —" on alternating sides. Opens unchanged in Word, WPS and LibreOffice.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import type { ReportDoc } from '../../../shared/report';
import type { TableGrid } from '../../../shared/formats/grid';
import { reportContent } from '../../../shared/print/content';
import type { ContentBlock } from '../../../shared/print/content';
import {
  CHAR_TWIPS,
  FONT,
  LINE_PITCH_TWIPS,
  PAGE,
  SIZE,
  TEXT_WIDTH_TWIPS,
  mmToTwips,
  issuerSizePt,
} from '../../../shared/print/page-layout';

export interface DocxOptions {
  /** 红头 variant: 发文机关标志 in red and 发文字号 */
  letterhead?: boolean;
  /** the report has unresolved errors: mark the document as 草稿 */
  draft?: boolean;
}

export { ExportRefused } from '../../../shared/print/content';

const RED = 'FF0000';
/** Table text: 5号 fits table 三's ten columns into the 156 mm 版心. */
const TABLE_SIZE = SIZE.wu;
// In twips; a hair tighter than the exact 315.9-twip pitch so rounding never pushes the 28th 字 over.
const BODY_CHAR_SPACING = Math.floor(TEXT_WIDTH_TWIPS / PAGE.charsPerLine - CHAR_TWIPS) - 1;
const TABLE_LINE_TWIPS = Math.round(TABLE_SIZE * 1.3 * 20);

/** All four font slots with the East Asian hint, so quotes and dashes take the Chinese font. */
function fonts(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, font: string, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: fonts(font), size: Math.round(sizePt * 2), sizeComplexScript: Math.round(sizePt * 2), ...extra });
}

/** A 3号 run tightened so 28 字 fill the 156 mm line (std §5.2.3): 16 pt − 0.3 pt per character. */
function textRun(text: string, font: string, extra: Partial<IRunOptions> = {}): TextRun {
  return run(text, font, SIZE.san, { characterSpacing: BODY_CHAR_SPACING, ...extra });
}

const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: { firstLine: 2 * CHAR_TWIPS },
    ...extra,
  });
}

const blankLine = () => new Paragraph({ children: [run('', FONT.body, SIZE.san)], spacing: exactLine });

/** Font and weight of each heading level (std §7.3.3): 黑体, 楷体, 仿宋 bold, 仿宋. */
function headingRun(level: number, text: string): TextRun {
  switch (level) {
    case 1:
      return textRun(text, FONT.heading1);
    case 2:
      return textRun(text, FONT.heading2);
    case 3:
      return textRun(text, FONT.body, { bold: true, boldComplexScript: true });
    default:
      return textRun(text, FONT.body);
  }
}

function letterheadParagraphs(issuer: string, docNumber: string): Paragraph[] {
  const issuerSize = issuerSizePt(issuer);
  return [
    new Paragraph({
      children: [run(issuer, FONT.title, issuerSize, { color: RED })],
      alignment: AlignmentType.CENTER,
      // 发文机关标志 35 mm below the top of the 版心 (std §7.2.2).
      spacing: { before: mmToTwips(35), after: 0, line: Math.round(issuerSize * 1.2 * 20), lineRule: LineRuleType.EXACT },
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      children: [textRun(docNumber, FONT.body)],
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      // The red separator 4 mm under the 发文字号, as wide as the 版心 (std §7.2.4–7.2.5).
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
    blankLine(),
    blankLine(),
  ];
}

function titleParagraph(lines: string[]): Paragraph {
  const children: TextRun[] = [];
  lines.forEach((line, i) => children.push(run(line, FONT.title, SIZE.er, i > 0 ? { break: 1 } : {})));
  return new Paragraph({
    children,
    alignment: AlignmentType.CENTER,
    // A 2号 line needs more than the body pitch; 35 pt keeps multi-line titles airy (practice).
    spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

function columnWidths(grid: TableGrid): number[] {
  const widths = grid.columnWeights.map((w) => Math.floor(w * TEXT_WIDTH_TWIPS));
  // The rounding remainder goes to the widest column so the grid adds up to the 版心 exactly.
  const rest = TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += rest;
  return widths;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function tableFor(grid: TableGrid, values: Record<string, string>): Table {
  const widths = columnWidths(grid);
  // Where each row's cells start: cells merged from above occupy grid columns too.
  const occupied: number[][] = grid.rows.map(() => []);
  const rows = grid.rows.map((gridRow, r) => {
    let col = 0;
    const cells = gridRow.cells.map((cell) => {
      while (occupied[r].includes(col)) col++;
      const span = cell.colSpan;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      if (cell.rowSpan > 1) {
        for (let k = 1; k < cell.rowSpan; k++) for (let c = col; c < col + span; c++) occupied[r + k]?.push(c);
      }
      col += span;
      const isValue = cell.type === 'value';
      const text = isValue ? (values[cell.cell] ?? '0') : cell.text;
      const left = !isValue && cell.role === 'row' && (cell.level ?? 1) > 1;
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        columnSpan: span > 1 ? span : undefined,
        rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
        verticalAlign: VerticalAlignTable.CENTER,
        children: [
          new Paragraph({
            children: [run(text, FONT.table, TABLE_SIZE, { snapToGrid: false })],
            alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
            spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
            indent: { firstLine: 0 },
            // The paragraph mark in table type too, or an empty filler cell is as tall as a 3号 line.
            run: { font: fonts(FONT.table), size: TABLE_SIZE * 2, sizeComplexScript: TABLE_SIZE * 2 },
          }),
        ],
      });
    });
    // Headers and captions stay with the row below; table 二's blocks and the small table 四 stay
    // whole, so no caption is left alone at the foot of a page.
    const next = grid.rows[r + 1];
    const keepNext = !!next && (gridRow.kind !== 'body' || (grid.id !== 't3' && next.kind !== 'caption'));
    return new TableRow({
      children: cells,
      cantSplit: true,
      tableHeader: r < grid.repeatHeaderRows ? true : undefined,
      keepNext: keepNext || undefined,
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

function signatureParagraphs(b: Extract<ContentBlock, { type: 'signature' }>): Paragraph[] {
  // One blank line under the body, then 署名 and 成文日期 right-aligned with their 空字 (std §7.3.5.2).
  return [
    blankLine(),
    new Paragraph({
      children: [textRun(b.signature, FONT.body)],
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(b.signatureRight * CHAR_TWIPS) },
    }),
    new Paragraph({
      children: [textRun(b.date, FONT.body)],
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(b.dateRight * CHAR_TWIPS) },
    }),
  ];
}

function blockToChildren(b: ContentBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'letterhead':
      return letterheadParagraphs(b.issuer, b.docNumber);
    case 'title':
      // One blank line between the title and the text.
      return [titleParagraph(b.lines), blankLine()];
    case 'section':
      return [bodyParagraph([headingRun(1, b.text)], { alignment: AlignmentType.LEFT, keepNext: true })];
    case 'paragraph': {
      const children: TextRun[] = [];
      if (b.heading) children.push(headingRun(b.level, b.heading));
      if (b.text) children.push(textRun(b.text, FONT.body));
      return [bodyParagraph(children)];
    }
    case 'table':
      // A table is followed by an empty line so the next heading does not touch its border.
      return [tableFor(b.grid, b.values), new Paragraph({ children: [run('', FONT.body, SIZE.xiaosi)], spacing: { line: 240, lineRule: LineRuleType.AUTO } })];
    case 'signature':
      return signatureParagraphs(b);
  }
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— n —" in 4号 宋体, 空一字 from the outer edge: odd pages right, even pages left (std §7.5).
  const oneChar = SIZE.si * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fonts(FONT.pageNumber),
            size: SIZE.si * 2,
            sizeComplexScript: SIZE.si * 2,
          }),
        ],
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('草稿　报告尚有未解决的错误，本稿不得用印发布', FONT.heading1, SIZE.xiaosi, { color: RED })],
      }),
    ],
  });
}

/**
 * The font table names each font's GB2312 charset and a font every Windows has: a machine without
 * 仿宋_GB2312 (stock Windows 10/11) then shows 仿宋 rather than falling back to 宋体.
 */
function fontTableXml(): string {
  const fontsUsed: [name: string, alt: string, pitch: 'fixed' | 'variable'][] = [
    [FONT.body, '仿宋', 'fixed'],
    [FONT.heading2, '楷体', 'fixed'],
    [FONT.heading1, 'SimHei', 'fixed'],
    [FONT.title, '华文中宋', 'variable'],
    [FONT.pageNumber, 'SimSun', 'variable'],
  ];
  const entries = [...new Map(fontsUsed.map((f) => [f[0], f])).values()]
    .map(([name, alt, pitch]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="${pitch}"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

export async function buildDocx(doc: ReportDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  const content = reportContent(doc, { letterhead: options.letterhead });
  const children = content.blocks.flatMap(blockToChildren);
  const header = options.draft ? { default: draftHeader(), even: draftHeader() } : undefined;
  const document = new Document({
    title: content.title,
    creator: '年报编制助手',
    description: options.draft ? '草稿' : '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.body), size: SIZE.san * 2, sizeComplexScript: SIZE.san * 2, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm) },
            margin: {
              top: mmToTwips(PAGE.marginTopMm),
              bottom: mmToTwips(PAGE.marginBottomMm),
              left: mmToTwips(PAGE.marginLeftMm),
              right: mmToTwips(PAGE.marginRightMm),
              header: mmToTwips(PAGE.headerMm),
              footer: mmToTwips(PAGE.footerMm),
            },
          },
          // The 22 lines come from exact line spacing, not from a snapping document grid: LibreOffice
          // snaps every paragraph to a grid (a 2号 title line takes two rows, tables stretch) and
          // spreads a character grid to ≈18 字 a line. The pitch is recorded without a grid type.
          grid: { linePitch: LINE_PITCH_TWIPS },
        },
        headers: header,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
