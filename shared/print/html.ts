// The printed pages as HTML: every A4 sheet drawn with its 版心, its lines exactly as paginate()
// broke them, the tables with the measured column widths, and the page number 7 mm under the
// 版心. The 导出 step shows this as its preview; the desktop window prints it to PDF
// (webContents.printToPDF), the browser prints it from a print view. Pure string building:
// every piece of report text is escaped.
import type { GridCell } from '../formats/grid';
import type { ReportContent } from './content';
import { AUTOSPACE_EM, CSS_FONT, IDEOGRAPH, LINE_PITCH_PT, PAGE, SIZE, TABLE_TEXT, scriptRuns } from './page-layout';
import { issuerSizePt } from './line-breaks';
import { COLOPHON, paginate, TYPE_AREA_PT } from './paginate';
import type { PageItem, PrintedPage, Span } from './paginate';
import { cellChars, cellLines, topAligned } from './table-layout';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const LATIN_FONT = '"Times New Roman", "Liberation Serif", "Tinos", serif';
const CHAR_PT = ((PAGE.textWidthMm / 25.4) * 72) / PAGE.charsPerLine;

/** The style sheet of the printed pages, scoped under .nb-print so the app's own styles are untouched. */
export const PRINT_CSS = `
.nb-print { color: #000; }
.nb-print .nb-page { position: relative; width: ${PAGE.widthMm}mm; height: ${PAGE.heightMm}mm; background: #fff; box-sizing: border-box; overflow: hidden; }
.nb-print .nb-area { position: absolute; left: ${PAGE.marginLeftMm}mm; top: ${PAGE.marginTopMm}mm; width: ${PAGE.textWidthMm}mm; height: ${PAGE.textHeightMm}mm; }
.nb-print .nb-line { height: ${LINE_PITCH_PT}pt; line-height: ${LINE_PITCH_PT}pt; white-space: nowrap; font-family: ${LATIN_FONT.replace('serif', '')}${CSS_FONT.body}; font-size: ${SIZE.san}pt; letter-spacing: -0.3pt; overflow: visible; }
.nb-print .nb-justify { text-align: justify; text-align-last: justify; }
.nb-print .h1 { font-family: ${CSS_FONT.heading1}; }
.nb-print .h2 { font-family: ${CSS_FONT.heading2}; }
.nb-print .h3 { font-weight: 700; }
.nb-print .nb-title { font-family: ${CSS_FONT.title}; font-size: ${SIZE.er}pt; line-height: 35pt; text-align: center; }
.nb-print .nb-issuer { font-family: ${CSS_FONT.title}; color: #f00; text-align: center; }
.nb-print .nb-number { text-align: center; border-bottom: 1.5pt solid #f00; }
.nb-print table { width: 100%; table-layout: fixed; border-collapse: collapse; font-family: ${LATIN_FONT.replace('serif', '')}${CSS_FONT.song}; font-size: ${TABLE_TEXT.fontPt}pt; line-height: ${TABLE_TEXT.linePt}pt; }
.nb-print td { border: 0.5pt solid #000; padding: ${TABLE_TEXT.paddingYPt / 2}pt ${TABLE_TEXT.paddingPt / 2}pt; text-align: center; vertical-align: middle; word-break: break-all; overflow: hidden; }
.nb-print td.nb-left { text-align: left; }
.nb-print .nb-folio { position: absolute; top: ${PAGE.marginTopMm + PAGE.textHeightMm + 7}mm; font-family: ${CSS_FONT.song}; font-size: ${SIZE.si}pt; line-height: ${SIZE.si}pt; white-space: nowrap; }
.nb-print .nb-colophon { position: absolute; left: 0; right: 0; bottom: 0; height: ${COLOPHON.linePt}pt; line-height: ${COLOPHON.linePt}pt; padding: 0 ${COLOPHON.fontPt}pt; border-top: ${COLOPHON.ruleMm}mm solid #000; border-bottom: ${COLOPHON.ruleMm}mm solid #000; display: flex; justify-content: space-between; white-space: nowrap; font-family: ${LATIN_FONT.replace('serif', '')}${CSS_FONT.body}; font-size: ${COLOPHON.fontPt}pt; }
.nb-print .nb-draft { position: absolute; top: 15mm; left: 0; right: 0; text-align: center; color: #d40000; font-family: ${CSS_FONT.heading1}; font-size: ${SIZE.xiaosi}pt; }
`;

/** Page rules for printing: A4, no browser margins, one sheet per page. */
export const PAGE_CSS = `@page { size: A4; margin: 0; } html, body { margin: 0; padding: 0; } .nb-print .nb-page { break-after: page; } .nb-print .nb-page:last-child { break-after: auto; }`;

/**
 * A line's spans, with the space Word and LibreOffice put between Chinese and digits (⅕ em, as
 * printedWidth counts it) drawn explicitly: browsers do not add it.
 */
function lineHtml(spans: Span[]): string {
  const flat = spans.flatMap((s) => scriptRuns(s.text).map((seg) => ({ ...seg, style: s.style })));
  return flat
    .map((seg, i) => {
      let text = escapeHtml(seg.text);
      if (seg.latin) {
        const before = i > 0 && IDEOGRAPH.test([...flat[i - 1].text].pop() ?? '');
        const after = i + 1 < flat.length && IDEOGRAPH.test(flat[i + 1].text[0] ?? '');
        if (before || after)
          text = `<span style="${before ? `margin-left:${AUTOSPACE_EM}em;` : ''}${after ? `margin-right:${AUTOSPACE_EM}em;` : ''}">${text}</span>`;
      }
      return seg.style === 'body' ? text : `<span class="${seg.style}">${text}</span>`;
    })
    .join('');
}

function tableHtml(item: Extract<PageItem, { kind: 'table' }>): string {
  const { grid, values, widthsPt } = item;
  const shown = [...item.header, ...item.rows];
  const shownSet = new Set(shown);
  // Where each grid cell sits (row, first column), to clip merged labels to the rows shown.
  const placed: { r: number; col: number; cell: GridCell }[] = [];
  const occupied: number[][] = grid.rows.map(() => []);
  grid.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (occupied[r].includes(col)) col++;
      placed.push({ r, col, cell });
      for (let k = 1; k < cell.rowSpan; k++) for (let c = col; c < col + cell.colSpan; c++) occupied[r + k]?.push(c);
      col += cell.colSpan;
    }
  });
  const rowsHtml = shown.map((r, i) => {
    void i;
    const cells = placed
      // A merged label that began above this slice is repeated on the slice's first row it covers.
      .filter((p) => p.r === r || (!shownSet.has(p.r) && p.r < r && shown.find((x) => x > p.r && x < p.r + p.cell.rowSpan) === r))
      .sort((a, b) => a.col - b.col)
      .map((p) => {
        const c = p.cell;
        const span = c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '';
        const lastShown = shown.filter((x) => x >= Math.max(p.r, r) && x < p.r + c.rowSpan).length;
        const rows = lastShown > 1 ? ` rowspan="${lastShown}"` : '';
        if (c.type === 'value') return `<td${span} data-preview-cell="${escapeHtml(c.cell)}">${escapeHtml(values[c.cell] ?? '0')}</td>`;
        const left = (c.role === 'row' && (c.level ?? 1) > 1 ? ' class="nb-left"' : '') + (topAligned(c) ? ' style="vertical-align:top"' : '');
        const words = cellLines(c, cellChars(widthsPt.slice(p.col, p.col + c.colSpan), TABLE_TEXT));
        const text = words ? words.map(escapeHtml).join('<br>') : escapeHtml(c.text);
        return `<td${span}${rows}${left}>${text}</td>`;
      })
      .join('');
    return `<tr style="height:${item.rowHeightsPt[i].toFixed(2)}pt">${cells}</tr>`;
  });
  const cols = widthsPt.map((w) => `<col style="width:${w.toFixed(2)}pt">`).join('');
  return `<table data-testid="preview-table-${grid.id}"><colgroup>${cols}</colgroup><tbody>${rowsHtml.join('')}</tbody></table>`;
}

function itemHtml(item: PageItem): string {
  switch (item.kind) {
    case 'letterhead': {
      const size = issuerSizePt(item.issuer);
      return `<div style="height:${item.heightPt.toFixed(2)}pt"><div style="height:35mm"></div><div class="nb-issuer" style="font-size:${size}pt;line-height:${(size * 1.2).toFixed(1)}pt">${escapeHtml(item.issuer)}</div><div style="height:${2 * LINE_PITCH_PT}pt"></div><div class="nb-line nb-number">${escapeHtml(item.docNumber) || '&nbsp;'}</div></div>`;
    }
    case 'title':
      return `<div class="nb-title" data-testid="preview-title">${item.lines.map((l) => `<span style="display:block">${escapeHtml(l)}</span>`).join('')}</div>`;
    case 'blank':
      return `<div style="height:${item.heightPt.toFixed(2)}pt"></div>`;
    case 'line': {
      const justify = item.align === 'justify' && !item.last ? ' nb-justify' : '';
      const pad =
        item.align === 'right'
          ? `text-align:right;padding-right:${(item.rightChars * CHAR_PT).toFixed(2)}pt`
          : `padding-left:${(item.indentChars * CHAR_PT).toFixed(2)}pt`;
      return `<div class="nb-line${justify}" style="${pad}">${lineHtml(item.spans)}</div>`;
    }
    case 'table':
      return tableHtml(item);
    case 'colophon':
      return `<div class="nb-colophon" data-testid="preview-colophon"><span>${lineHtml([{ text: item.printedBy, style: 'body' }])}</span><span>${lineHtml([{ text: item.date, style: 'body' }])}</span></div>`;
  }
}

/** The pages as HTML (inside a .nb-print element), page numbers and an optional 草稿 mark. */
export function pagesHtml(pages: PrintedPage[], options: PrintOptions = {}): string {
  const sheets = pages.map((p) => {
    const odd = p.number % 2 === 1;
    // 双面打印 mirrors the margins: an even page has its 订口 on the right, its 版心 2 mm further right.
    const left = !odd && options.duplex ? PAGE.marginRightMm : PAGE.marginLeftMm;
    const area = left === PAGE.marginLeftMm ? '' : ` style="left:${left}mm"`;
    const folio = !p.folio
      ? ''
      : `<div class="nb-folio" style="${odd ? `right:${PAGE.marginRightMm}mm;padding-right:${SIZE.si}pt` : `left:${left}mm;padding-left:${SIZE.si}pt`}">— ${p.number} —</div>`;
    const draft = options.draft ? '<div class="nb-draft">草稿　本稿不得用印发布</div>' : '';
    return `<section class="nb-page" data-page="${p.number}">${draft}<div class="nb-area"${area}>${p.items.map(itemHtml).join('')}</div>${folio}</section>`;
  });
  return `<div class="nb-print">${sheets.join('')}</div>`;
}

export interface PrintOptions {
  /** mark every page 草稿 */
  draft?: boolean;
  /** 双面打印: mirror margins (even pages with the 订口 on the right) */
  duplex?: boolean;
}

/** A whole HTML document of the printed report, for printToPDF or a print view. */
export function printDocumentHtml(content: ReportContent, options: PrintOptions = {}): string {
  const pages = paginate(content);
  const printOptions = { ...options, duplex: options.duplex ?? content.duplex };
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title><style>${PRINT_CSS}${PAGE_CSS}</style></head><body>${pagesHtml(pages, printOptions)}</body></html>`;
}

export { paginate, TYPE_AREA_PT };
