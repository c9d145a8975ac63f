// The report as a .docx in the official layout (GB/T 9704-2012, spec §5): A4, 版心 156 × 225 mm,
// a document grid of 22 lines × 28 characters, the tables exactly as the format prints them (from
// tableGrid), page numbers "— n —" 7 mm under the 版心 on alternating sides, Word heading styles
// with outline levels, and the same bytes for the same report (a fixed zip, timestamps from it).
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeadingLevel,
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
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportDoc } from '../../../shared/report';
import type { GridCell, TableGrid } from '../../../shared/formats/grid';
import { reportContent } from '../../../shared/print/content';
import type { ContentBlock } from '../../../shared/print/content';
import {
  BODY_TRACKING_TWIPS,
  CHAR_PITCH_TWIPS,
  FONT,
  GRID_BASE_PT,
  GRID_CHAR_SPACE,
  LINE_PITCH_TWIPS,
  PAGE,
  PAGE_NUMBER,
  SIZE,
  TABLE_TEXT,
  TEXT_WIDTH_TWIPS,
  mmToTwips,
  issuerSizePt,
  scriptRuns,
} from '../../../shared/print/page-layout';
import { breaksAtWords, cellChars, headerLines, printColumnWidthsPt, rowsKeptWithNext, topAligned } from '../../../shared/print/table-layout';
export { rowsKeptWithNext } from '../../../shared/print/table-layout';
import type { SignatureLayout } from '../../../shared/print/page-layout';

export interface DocxOptions {
  /** 红头 variant: 发文机关标志 in red and 发文字号 */
  letterhead?: boolean;
  /** the copy that will be sealed: 署名 centred over the date 空4字 from the right (§7.3.5.1) */
  sealed?: boolean;
  /** mark every page 草稿 (unresolved errors…); a report that cannot be final is marked anyway */
  draft?: boolean;
  /** the caller wants the final version: refuse (ExportRefused) rather than mark it 草稿 */
  final?: boolean;
}

export { ExportRefused } from '../../../shared/print/content';
import { ExportRefused } from '../../../shared/print/content';

const RED = 'FF0000';

// Style ids. Heading1–4 are Word's built-in ids, so the navigation pane and a table of contents
// find them; the others switch the document grid off where a line is not body text.
const STYLE = {
  title: 'ReportTitle',
  table: 'TableText',
  gap: 'TableGap',
  pageNumber: 'PageNumberText',
  draft: 'DraftMark',
} as const;
const NO_GRID_STYLES = Object.values(STYLE);

/**
 * All four font slots. East Asian runs name the Chinese font everywhere and carry the hint, so
 * quotes and dashes take it; Latin runs set digits and letters in Times New Roman (practice).
 */
function fonts(name: string, latin = false) {
  return latin
    ? { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: name, cs: FONT.latin }
    : { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const };
}

/**
 * Text as runs, each stretch in its own language: Latin letters and digits en-US (so Word and
 * LibreOffice keep a number, an e-mail or a web address whole), East Asian text zh-CN.
 */
function runs(text: string, font: string, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  return scriptRuns(text).map(
    (seg) =>
      new TextRun({
        text: seg.text,
        font: fonts(font, seg.latin),
        size: Math.round(sizePt * 2),
        sizeComplexScript: Math.round(sizePt * 2),
        language: seg.latin ? { value: 'en-US', eastAsia: 'zh-CN' } : { value: 'zh-CN', eastAsia: 'zh-CN' },
        characterSpacing: sizePt === SIZE.san ? BODY_CHAR_SPACING : undefined,
        ...extra,
      }),
  );
}

const BODY_CHAR_SPACING = BODY_TRACKING_TWIPS;

const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** n 字 on the body grid, in twips. */
const chars = (n: number) => Math.round(n * CHAR_PITCH_TWIPS);

function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: { firstLine: chars(2) },
    widowControl: true,
    ...extra,
  });
}

const blankLine = (extra: Partial<IParagraphOptions> = {}) => new Paragraph({ children: [], spacing: exactLine, ...extra });

/** Font and weight of each heading level (std §7.3.3): 黑体, 楷体, 仿宋 bold, 仿宋. */
function headingRuns(level: number, text: string): TextRun[] {
  switch (level) {
    case 1:
      return runs(text, FONT.heading1, SIZE.san);
    case 2:
      return runs(text, FONT.heading2, SIZE.san);
    case 3:
      return runs(text, FONT.body, SIZE.san, { bold: true, boldComplexScript: true });
    default:
      return runs(text, FONT.body, SIZE.san);
  }
}

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function letterheadParagraphs(issuer: string, docNumber: string): Paragraph[] {
  const issuerSize = issuerSizePt(issuer);
  return [
    new Paragraph({
      children: runs(issuer, FONT.title, issuerSize, { color: RED }),
      style: STYLE.title,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // 发文机关标志 35 mm below the top of the 版心 (std §7.2.2).
      spacing: { before: mmToTwips(35), after: 0, line: Math.round(issuerSize * 1.2 * 20), lineRule: LineRuleType.EXACT },
    }),
    blankLine({ keepNext: true }),
    blankLine({ keepNext: true }),
    new Paragraph({
      children: runs(docNumber, FONT.body, SIZE.san),
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      keepNext: true,
      // The red separator 4 mm under the 发文字号, as wide as the 版心 (std §7.2.4–7.2.5).
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
    blankLine({ keepNext: true }),
    blankLine({ keepNext: true }),
  ];
}

function titleParagraph(lines: string[]): Paragraph {
  const children: TextRun[] = [];
  lines.forEach((line, i) => {
    scriptRuns(line).forEach((seg, k) => children.push(...runs(seg.text, FONT.title, SIZE.er, i > 0 && k === 0 ? { break: 1 } : {})));
  });
  return new Paragraph({
    children,
    style: STYLE.title,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // A 2号 line needs more than the body pitch; 35 pt keeps multi-line titles airy (practice).
    spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

/** Column widths in twips adding up to the 版心 exactly: table 三 measured, the others by weight. */
export function columnWidths(grid: TableGrid): number[] {
  const { widths: pts } = printColumnWidthsPt(grid, TEXT_WIDTH_TWIPS / 20, TABLE_TEXT);
  const widths = pts.map((w) => Math.floor(w * 20));
  // The rounding remainder goes to the widest column so the grid adds up to the 版心 exactly.
  const rest = TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += rest;
  return widths;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_MARGIN_X = Math.round((TABLE_TEXT.paddingPt / 2) * 20);
const CELL_MARGIN_Y = Math.round((TABLE_TEXT.paddingYPt / 2) * 20);

function tableParagraph(text: string | string[], align: (typeof AlignmentType)[keyof typeof AlignmentType], keepNext: boolean): Paragraph {
  const lines = typeof text === 'string' ? [text] : text;
  return new Paragraph({
    // Header lines are broken where the words allow (商业/企业), never where the line fills up.
    children: lines.flatMap((line, i) =>
      scriptRuns(line).flatMap((seg, k) => runs(seg.text, FONT.table, TABLE_TEXT.fontPt, i > 0 && k === 0 ? { break: 1 } : {})),
    ),
    style: STYLE.table,
    alignment: align,
    keepNext: keepNext || undefined,
    spacing: { line: Math.round(TABLE_TEXT.linePt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0 },
  });
}

function tableFor(grid: TableGrid, values: Record<string, string>): Table {
  const widths = columnWidths(grid);
  const keep = rowsKeptWithNext(grid);
  // Cells merged from above, by row: the grid column where they sit and how many columns they span.
  const continued = new Map<number, { col: number; span: number }[]>();
  const rows = grid.rows.map((gridRow, r) => {
    const placed: { col: number; cell: GridCell | null; span: number }[] = [];
    const fromAbove = continued.get(r) ?? [];
    let col = 0;
    const takeAbove = () => {
      let hit = fromAbove.find((c) => c.col === col);
      while (hit) {
        placed.push({ col, cell: null, span: hit.span });
        col += hit.span;
        hit = fromAbove.find((c) => c.col === col);
      }
    };
    for (const cell of gridRow.cells) {
      takeAbove();
      placed.push({ col, cell, span: cell.colSpan });
      if (cell.rowSpan > 1) {
        for (let k = 1; k < cell.rowSpan; k++) continued.set(r + k, [...(continued.get(r + k) ?? []), { col, span: cell.colSpan }]);
      }
      col += cell.colSpan;
    }
    takeAbove();
    const cells = placed.map(({ col: at, cell, span }) => {
      const width = widths.slice(at, at + span).reduce((a, b) => a + b, 0);
      const common = { width: { size: width, type: WidthType.DXA }, columnSpan: span > 1 ? span : undefined, verticalAlign: VerticalAlignTable.CENTER };
      if (!cell) {
        // The continuation of a merged label: an empty paragraph in table type, or the empty
        // cell would be as tall as a 3号 line.
        return new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [tableParagraph('', AlignmentType.CENTER, keep[r])] });
      }
      const isValue = cell.type === 'value';
      const left = !isValue && cell.role === 'row' && (cell.level ?? 1) > 1;
      let text: string | string[] = isValue ? (values[cell.cell] ?? '0') : cell.text;
      if (cell.type === 'label' && breaksAtWords(cell) && cell.text)
        text =
          headerLines(
            cell.text,
            cellChars(
              widths.slice(at, at + span).map((w) => w / 20),
              TABLE_TEXT,
            ),
          ) ?? cell.text;
      return new TableCell({
        ...common,
        verticalAlign: topAligned(cell) ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
        verticalMerge: cell.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
        children: [tableParagraph(text, left ? AlignmentType.LEFT : AlignmentType.CENTER, keep[r])],
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      tableHeader: r < grid.repeatHeaderRows ? true : undefined,
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN_X, right: CELL_MARGIN_X, top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

function signatureParagraphs(layout: SignatureLayout): Paragraph[] {
  // Kept together and with the body's last paragraph: 署名 and date never stand alone on a page.
  // Placed by left indents on the character grid, so the date starts where §7.3.5 says whatever its
  // digits measure.
  const line = (text: string, left: number, keepNext: boolean, right?: number) =>
    new Paragraph({
      children: runs(text, FONT.body, SIZE.san),
      alignment: right === undefined ? AlignmentType.LEFT : AlignmentType.RIGHT,
      spacing: exactLine,
      indent: right === undefined ? { left: chars(left), firstLine: 0 } : { right: chars(right), firstLine: 0 },
      keepNext: keepNext || undefined,
      keepLines: true,
    });
  return [
    ...Array.from({ length: layout.blankLines }, () => blankLine({ keepNext: true })),
    line(layout.signature.text, layout.signature.left, true),
    // With a seal the date's right end is what §7.3.5.1 fixes (空4字): aligned there exactly.
    line(layout.date.text, layout.date.left, false, layout.sealed ? 4 : undefined),
  ];
}

function blockToChildren(b: ContentBlock, nextIsSignature: boolean): (Paragraph | Table)[] {
  switch (b.type) {
    case 'letterhead':
      return letterheadParagraphs(b.issuer, b.docNumber);
    case 'title':
      // One blank line between the title and the text.
      return [titleParagraph(b.lines), blankLine({ keepNext: true })];
    case 'section':
      return [bodyParagraph(headingRuns(1, b.text), { heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT, keepNext: true })];
    case 'paragraph': {
      const children: TextRun[] = [];
      if (b.heading) children.push(...headingRuns(b.level, b.heading));
      if (b.text) children.push(...runs(b.text, FONT.body, SIZE.san));
      // A heading standing alone is a heading (outline level, kept with what follows); a heading
      // that runs into its text is a body paragraph that starts in the heading's type.
      const standalone = b.level > 0 && !b.text;
      return [
        bodyParagraph(children, {
          heading: standalone ? HEADING[b.level - 1] : undefined,
          keepNext: standalone || nextIsSignature || undefined,
        }),
      ];
    }
    case 'table':
      // A table is followed by a small gap so the next heading does not touch its border.
      return [
        tableFor(b.grid, b.values),
        new Paragraph({
          children: [],
          style: STYLE.gap,
          keepNext: nextIsSignature || undefined,
          spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        }),
      ];
    case 'signature':
      return signatureParagraphs(b.layout);
  }
}

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
    .map(
      ([name, alt, pitch]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="${pitch}"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The moment the file says it was made: the report's 成文日期, or 1 January after its year. */
export function documentTimestamp(doc: ReportDoc): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(doc.date ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Date.UTC(doc.year + 1, 0, 1));
}

/**
 * The package made reproducible: core.xml's timestamps from the report, app.xml naming the unit,
 * the grid switched off in the non-body styles, and the zip written in a fixed order with a fixed
 * date, so the same report gives the same bytes and the SHA-256 in the history means "same content".
 */
function finishPackage(bytes: Uint8Array, doc: ReportDoc, title: string): Uint8Array {
  const files = unzipSync(bytes);
  const when = documentTimestamp(doc);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const unit = xmlEscape(doc.unit.name.trim() || title);
  const core = strFromU8(files['docProps/core.xml'])
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${iso}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${iso}</dcterms:modified>`);
  files['docProps/core.xml'] = strToU8(core);
  files['docProps/app.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>年报编制助手</Application><Company>${unit}</Company><DocSecurity>0</DocSecurity></Properties>`,
  );
  // docx cannot say "do not snap to the grid" on a style: add it to the title, table and footer styles.
  let styles = strFromU8(files['word/styles.xml']);
  for (const id of NO_GRID_STYLES) {
    styles = styles.replace(new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?<w:pPr>)`), `$1<w:snapToGrid w:val="0"/>`);
  }
  // …and widow/orphan control on Normal, which every body paragraph inherits.
  styles = styles.replace(/(<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<w:pPr>)/, '$1<w:widowControl/><w:snapToGrid w:val="0"/>');
  files['word/styles.xml'] = strToU8(styles);
  const order = (n: string) => (n === '[Content_Types].xml' ? '0' : n === '_rels/.rels' ? '1' : `2${n}`);
  const names = Object.keys(files).sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  const mtime = new Date(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), 0, 0, 0);
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n], { level: 6 }]])), { mtime });
}

export async function buildDocx(doc: ReportDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  const content = reportContent(doc, { letterhead: options.letterhead, sealed: options.sealed });
  // No 成文日期, or a 红头 without 发文字号: never the final version (refused when one was asked for).
  if (content.draftReasons.length > 0 && options.final) throw new ExportRefused(content.draftReasons.join('\n'));
  options = { ...options, draft: !!options.draft || content.draftReasons.length > 0 };
  const children = content.blocks.flatMap((b, i) => blockToChildren(b, content.blocks[i + 1]?.type === 'signature'));
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
      ],
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
              footer: PAGE_NUMBER.footerTwips,
            },
          },
          // Word's 页面设置 then shows 每页22行、每行28字: the line pitch is the body's exact spacing
          // and the character pitch 16 pt less a little (GRID_CHAR_SPACE), so 3号 fills 28 cells.
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: GRID_CHAR_SPACE },
        },
        headers: header,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return finishPackage(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), doc, content.title);
}
