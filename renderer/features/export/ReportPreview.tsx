// The report as it will print: the same blocks the Word writer walks (reportContent), drawn on an
// A4-wide sheet with the GB/T 9704 margins, type sizes, indents, table spans and signature places.
// Page breaks are Word's business; the sheet runs on.
import { memo } from 'react';
import { Box } from '@mui/material';
import type { ReportDoc } from '../../../shared/report';
import type { TableGrid } from '../../../shared/formats/grid';
import { reportContent } from '../../../shared/print/content';
import type { ContentBlock } from '../../../shared/print/content';
import { CSS_FONT, LINE_PITCH_PT, PAGE, SIZE, issuerSizePt } from '../../../shared/print/page-layout';

const mm = (n: number) => `${n}mm`;
const pt = (n: number) => `${n}pt`;
/** The Word file's 28 字 a line: 3号 tightened by 0.3 pt. */
const BODY_TRACKING = '-0.3pt';

const body = {
  fontFamily: CSS_FONT.body,
  fontSize: pt(SIZE.san),
  lineHeight: pt(LINE_PITCH_PT),
  letterSpacing: BODY_TRACKING,
  textIndent: '2em',
  textAlign: 'justify' as const,
  // Word breaks Latin runs (web addresses, e-mail) anywhere in Chinese text; so does the preview.
  wordBreak: 'break-all' as const,
  margin: 0,
};

function headingStyle(level: number) {
  switch (level) {
    case 1:
      return { fontFamily: CSS_FONT.heading1 };
    case 2:
      return { fontFamily: CSS_FONT.heading2 };
    case 3:
      return { fontFamily: CSS_FONT.body, fontWeight: 700 };
    default:
      return { fontFamily: CSS_FONT.body };
  }
}

function PreviewTable({ grid, values }: { grid: TableGrid; values: Record<string, string> }) {
  const weights = grid.columnWeights;
  return (
    <Box
      component="table"
      data-testid={`preview-table-${grid.id}`}
      sx={{
        width: '100%',
        tableLayout: 'fixed',
        borderCollapse: 'collapse',
        fontFamily: CSS_FONT.song,
        fontSize: pt(SIZE.wu),
        lineHeight: 1.3,
        '& td': { border: '0.5pt solid #000', padding: '0.5pt 1mm', textAlign: 'center', verticalAlign: 'middle', wordBreak: 'break-all' },
        '& td.row-label': { textAlign: 'left' },
      }}
    >
      <colgroup>
        {weights.map((w, i) => (
          <col key={i} style={{ width: `${(w * 100).toFixed(3)}%` }} />
        ))}
      </colgroup>
      <tbody>
        {grid.rows.map((row, r) => (
          <tr key={r}>
            {row.cells.map((c, k) =>
              c.type === 'value' ? (
                <td key={k} colSpan={c.colSpan} data-preview-cell={c.cell}>
                  {values[c.cell] ?? '0'}
                </td>
              ) : (
                <td key={k} colSpan={c.colSpan} rowSpan={c.rowSpan} className={c.role === 'row' && (c.level ?? 1) > 1 ? 'row-label' : undefined}>
                  {c.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

function Block({ b }: { b: ContentBlock }) {
  switch (b.type) {
    case 'letterhead':
      return (
        <Box sx={{ textAlign: 'center', mt: mm(35) }}>
          <Box sx={{ fontFamily: CSS_FONT.title, color: '#f00', fontSize: pt(issuerSizePt(b.issuer)), lineHeight: 1.2 }}>
            {b.issuer}
          </Box>
          <Box sx={{ ...body, textIndent: 0, textAlign: 'center', mt: pt(LINE_PITCH_PT * 2), pb: '4mm', borderBottom: '1.5pt solid #f00' }}>{b.docNumber || '\u00a0'}</Box>
          <Box sx={{ height: pt(LINE_PITCH_PT * 2) }} />
        </Box>
      );
    case 'title':
      return (
        <Box component="h1" data-testid="preview-title" sx={{ fontFamily: CSS_FONT.title, fontWeight: 400, fontSize: pt(SIZE.er), lineHeight: '35pt', textAlign: 'center', m: 0, mb: pt(LINE_PITCH_PT) }}>
          {b.lines.map((l, i) => (
            <Box component="span" key={i} sx={{ display: 'block' }}>
              {l}
            </Box>
          ))}
        </Box>
      );
    case 'section':
      return (
        <Box component="h2" sx={{ ...body, ...headingStyle(1), fontWeight: 400, textAlign: 'left' }}>
          {b.text}
        </Box>
      );
    case 'paragraph':
      return (
        <Box component="p" sx={body}>
          {b.heading && (
            <Box component="span" sx={headingStyle(b.level)}>
              {b.heading}
            </Box>
          )}
          {b.text}
        </Box>
      );
    case 'table':
      return (
        <Box sx={{ mb: pt(LINE_PITCH_PT / 2) }}>
          <PreviewTable grid={b.grid} values={b.values} />
        </Box>
      );
    case 'signature':
      return (
        <Box data-testid="preview-signature" sx={{ mt: pt(LINE_PITCH_PT) }}>
          <Box sx={{ ...body, textIndent: 0, textAlign: 'left', pl: `${b.layout.signature.left}em` }}>{b.layout.signature.text}</Box>
          <Box sx={{ ...body, textIndent: 0, textAlign: 'left', pl: `${b.layout.date.left}em` }}>{b.layout.date.text}</Box>
        </Box>
      );
  }
}

export const ReportPreview = memo(function ReportPreview({ doc, letterhead }: { doc: ReportDoc; letterhead: boolean }) {
  const { blocks } = reportContent(doc, { letterhead });
  return (
    <Box sx={{ bgcolor: 'grey.200', p: 3, overflow: 'auto', borderRadius: 1 }}>
      <Box
        data-testid="export-preview"
        sx={{
          width: mm(PAGE.widthMm),
          minHeight: mm(PAGE.heightMm),
          mx: 'auto',
          bgcolor: '#fff',
          color: '#000',
          boxShadow: 3,
          boxSizing: 'border-box',
          pt: mm(PAGE.marginTopMm),
          pb: mm(PAGE.marginBottomMm),
          pl: mm(PAGE.marginLeftMm),
          pr: mm(PAGE.marginRightMm),
        }}
      >
        {blocks.map((b, i) => (
          <Block key={i} b={b} />
        ))}
      </Box>
    </Box>
  );
});
