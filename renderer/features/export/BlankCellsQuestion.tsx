// Before a final export (issue 21 item 4): table cells the clerk left blank are printed as 0 in the
// official tables, so they are named and asked about here instead of being printed silently. Cells
// the import could not read (未读入) are not among them: those keep the export a 草稿 until filled.
import { Alert } from '@mui/material';
import { formatModel, isGovFormatId } from '../../../shared/formats/index';
import type { ReportDoc } from '../../../shared/report';

export function BlankCellsQuestion(props: { doc: ReportDoc }) {
  const { doc } = props;
  if (!isGovFormatId(doc.formatId)) return null;
  const unread = new Set(doc.unreadCells ?? []);
  const blank = formatModel(doc.formatId).inputs.filter((c) => doc.cells[c.key] === undefined && !unread.has(c.key));
  if (!blank.length) return null;
  const examples = blank
    .slice(0, 3)
    .map((c) => `“${c.label}”`)
    .join('、');
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="export-blank-cells">
      {blank.length} 格未填（如{examples}
      {blank.length > 3 ? '等' : ''}），导出时按 0 印出。这些事项确实没有发生吗？没有发生的可以照常导出；还要填写的，请回到表格一步填上数字。
    </Alert>
  );
}
