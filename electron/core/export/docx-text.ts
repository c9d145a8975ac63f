// Runs and paragraphs for the .docx: the style ids, fonts by script, the exact body line and 字 on the grid.
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import { BODY_TRACKING_TWIPS, CHAR_PITCH_TWIPS, FONT, LINE_PITCH_TWIPS, PAGE, SIZE, isAddress, mmToTwips, scriptRuns } from '../../../shared/print/page-layout';

export const RED = 'FF0000';

// Style ids. Heading1–4 are Word's built-in ids, so the navigation pane and a table of contents
// find them; the others switch the document grid off where a line is not body text.
export const STYLE = {
  title: 'ReportTitle',
  table: 'TableText',
  gap: 'TableGap',
  pageNumber: 'PageNumberText',
  draft: 'DraftMark',
  colophon: 'Colophon',
} as const;
export const NO_GRID_STYLES = Object.values(STYLE);

/**
 * All four font slots. East Asian runs name the Chinese font everywhere and carry the hint, so
 * quotes and dashes take it; Latin runs set digits and letters in Times New Roman (practice).
 */
export function fonts(name: string, latin = false) {
  return latin
    ? { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: name, cs: FONT.latin }
    : { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const };
}

/**
 * Text as runs, each stretch in its own language: Latin letters and digits en-US (so Word and
 * LibreOffice keep a number whole), East Asian text zh-CN. A web or e-mail address is tagged zh-CN
 * too: LibreOffice then breaks it where the line ends, as Word does in a paragraph with
 * w:wordWrap off (latinWrap), instead of moving it whole and letter-spacing the line before it.
 */
export function runs(text: string, font: string, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  return scriptRuns(text).map(
    (seg) =>
      new TextRun({
        text: seg.text,
        font: fonts(font, seg.latin),
        size: Math.round(sizePt * 2),
        sizeComplexScript: Math.round(sizePt * 2),
        language: seg.latin && !isAddress(seg.text) ? { value: 'en-US', eastAsia: 'zh-CN' } : { value: 'zh-CN', eastAsia: 'zh-CN' },
        characterSpacing: sizePt === SIZE.san ? BODY_CHAR_SPACING : undefined,
        ...extra,
      }),
  );
}

const BODY_CHAR_SPACING = BODY_TRACKING_TWIPS;

export const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** n 字 on the body grid, in twips. */
export const chars = (n: number) => Math.round(n * CHAR_PITCH_TWIPS);

export function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: { firstLine: chars(2) },
    widowControl: true,
    ...extra,
  });
}

/**
 * 允许西文在单词中间换行 (w:wordWrap off) for a paragraph holding a web or e-mail address, so Word
 * breaks the address at the line's end. Only there: in such a paragraph Word may also break a
 * number that meets a line's end, which elsewhere stays whole.
 */
export function latinWrap(text: string): Partial<IParagraphOptions> {
  return scriptRuns(text).some((seg) => seg.latin && isAddress(seg.text)) ? { wordWrap: true } : {};
}

export const blankLine = (extra: Partial<IParagraphOptions> = {}) => new Paragraph({ children: [], spacing: exactLine, ...extra });

/** A4 with the GB/T 9704 margins, for the report and for every other document in the official layout. */
export function officialPage(footerTwips: number) {
  return {
    size: { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm) },
    margin: {
      top: mmToTwips(PAGE.marginTopMm),
      bottom: mmToTwips(PAGE.marginBottomMm),
      left: mmToTwips(PAGE.marginLeftMm),
      right: mmToTwips(PAGE.marginRightMm),
      header: mmToTwips(PAGE.headerMm),
      footer: footerTwips,
    },
  };
}
