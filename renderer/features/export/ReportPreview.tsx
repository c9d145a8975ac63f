// The report as it will print, page by page: the same pages (paginate) and the same HTML the PDF
// is printed from, so the page breaks on screen are the page breaks on paper — headings kept with
// their text, the 署名 and date with the body, table 三's merged labels whole, headers repeated.
import { memo, useMemo } from 'react';
import { Box } from '@mui/material';
import type { ReportDoc } from '../../../shared/report';
import { reportContent } from '../../../shared/print/content';
import { PRINT_CSS, pagesHtml } from '../../../shared/print/html';
import { paginate } from '../../../shared/print/paginate';

export const ReportPreview = memo(function ReportPreview({
  doc,
  letterhead,
  sealed = false,
  duplex = false,
  draft = false,
}: {
  doc: ReportDoc;
  letterhead: boolean;
  sealed?: boolean;
  duplex?: boolean;
  draft?: boolean;
}) {
  const { html, pages } = useMemo(() => {
    const printed = paginate(reportContent(doc, { letterhead, sealed, duplex }));
    // Every piece of report text is escaped by pagesHtml.
    return { html: pagesHtml(printed, { draft, duplex }), pages: printed.length };
  }, [doc, letterhead, sealed, duplex, draft]);
  return (
    <Box sx={{ bgcolor: 'grey.200', p: 3, overflow: 'auto', borderRadius: 1 }} role="region" aria-label={`打印预览，共 ${pages} 页`}>
      <style>{PRINT_CSS}</style>
      <Box
        data-testid="export-preview"
        data-pages={pages}
        sx={{ '& .nb-page': { mx: 'auto', mb: 3, boxShadow: 3 }, '& .nb-page:last-child': { mb: 0 } }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Box>
  );
});
