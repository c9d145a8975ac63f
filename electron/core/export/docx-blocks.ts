// The report's content blocks as .docx paragraphs and tables: letterhead, title, headings, body, tables, signature.
import {
  AlignmentType,
  BorderStyle,
  FrameAnchorType,
  FrameWrap,
  HeadingLevel,
  HorizontalPositionAlign,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import type { ContentBlock } from '../../../shared/print/content';
import type { TableGrid } from '../../../shared/formats/grid';
import { FONT, SIZE, TEXT_WIDTH_TWIPS, mmToTwips, scriptRuns } from '../../../shared/print/page-layout';
import { COLOPHON } from '../../../shared/print/paginate';
import { issuerSizePt } from '../../../shared/print/line-breaks';
import type { SignatureLayout } from '../../../shared/print/line-breaks';
import { tableFor } from './docx-table';
import { RED, STYLE, blankLine, bodyParagraph, chars, exactLine, latinWrap, runs } from './docx-text';

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
      // The red separator 4 mm under the 发文字号's characters, as wide as the 版心 (std §7.2.4–7.2.5):
      // the exact line leaves about 1.6 mm under the glyphs, so the border sits 7 pt below the line.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 7 } },
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
    ...[...layout.signatureAbove, layout.signature].map((part) => line(part.text, part.left, true)),
    // With a seal the date's right end is what §7.3.5.1 fixes (空4字): aligned there exactly.
    line(layout.date.text, layout.date.left, false, layout.date.right ?? undefined),
  ];
}

/**
 * The 版记 (GB/T 9704 §7.4): one line of 4号仿宋, 印发机关 空一字 from the left and 印发日期 空一字
 * from the right, between two rules as wide as the 版心 (0.35 mm). It is a frame aligned to the
 * bottom of the 版心, so its last rule lies on the 版心's lower edge wherever the body ends.
 */
export function colophonParagraph(printedBy: string, date: string): Paragraph {
  const oneChar = COLOPHON.fontPt * 20;
  const rule = { style: BorderStyle.SINGLE, size: COLOPHON.ruleEighths, color: '000000', space: 0 };
  return new Paragraph({
    children: [
      ...runs(printedBy, FONT.body, COLOPHON.fontPt),
      new TextRun({ children: [new Tab()], size: COLOPHON.fontPt * 2 }),
      ...runs(date, FONT.body, COLOPHON.fontPt),
    ],
    style: STYLE.colophon,
    alignment: AlignmentType.LEFT,
    indent: { left: oneChar, right: oneChar, firstLine: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS - oneChar }],
    spacing: { line: Math.round(COLOPHON.linePt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    border: { top: rule, bottom: rule },
    frame: {
      type: 'alignment',
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: TEXT_WIDTH_TWIPS,
      wrap: FrameWrap.NOT_BESIDE,
    },
  });
}

export function blockToChildren(
  b: ContentBlock,
  nextIsSignature: boolean,
  tableSplits: ReadonlyMap<TableGrid, ReadonlySet<number>> = new Map(),
): (Paragraph | Table)[] {
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
          ...latinWrap(b.heading + b.text),
        }),
      ];
    }
    case 'table':
      // A table is followed by a small gap so the next heading does not touch its border.
      return [
        tableFor(b.grid, b.values, tableSplits.get(b.grid)),
        new Paragraph({
          children: [],
          style: STYLE.gap,
          keepNext: nextIsSignature || undefined,
          spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        }),
      ];
    case 'signature':
      return signatureParagraphs(b.layout);
    case 'colophon':
      return [colophonParagraph(b.printedBy, b.date)];
  }
}
