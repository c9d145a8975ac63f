// Before a final export (issue 21 item 4): table cells the clerk left blank are printed as 0 in the
// official tables, so they are never printed silently. The step names them beside the export
// buttons, and a final export (Word or PDF) first asks 「N 格未填，按 0 印出？」 with the cells by
// table and row: 「按 0 印出」 goes on (the count is recorded with the export), 「回去填写」 opens the
// table step on the first blank cell. Cells the import could not read (未读入) are not asked about
// here: those keep the export a 草稿 until filled, and a 草稿 is not asked.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import type { CellInfo } from '../../../shared/formats/index';
import type { ReportDoc } from '../../../shared/report';
import { blankCellNames, blankCells, blankRows } from '../../../shared/print/blank-cells';

/** Rows listed in the question; the rest are counted. */
const ROWS_SHOWN = 20;

/** The note beside the export buttons. */
export function BlankCellsNote(props: { cells: CellInfo[] }) {
  const { cells } = props;
  if (!cells.length) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="export-blank-cells">
      {cells.length} 格未填（如{blankCellNames(cells, 3)}
      {cells.length > 3 ? '等' : ''}），正式文件会把它们印成 0。导出时会先请你确认：这些事项确实没有发生的，可以按 0 印出；还要填写的，请回到表格填上数字。
    </Alert>
  );
}

function BlankCellsDialog(props: { open: boolean; cells: CellInfo[]; onZero: () => void; onFill: () => void; onClose: () => void }) {
  const { cells } = props;
  const rows = blankRows(cells);
  return (
    <Dialog open={props.open} onClose={props.onClose} aria-labelledby="blank-cells-title" aria-describedby="blank-cells-text" data-testid="blank-cells-dialog">
      <DialogTitle id="blank-cells-title">{cells.length} 格未填，按 0 印出？</DialogTitle>
      {/* A long list scrolls: reachable by the keyboard (Tab, then the arrow keys). */}
      <DialogContent tabIndex={0} role="region" aria-label="未填的格子">
        <DialogContentText id="blank-cells-text" sx={{ mb: 1 }}>
          下面的格子没有填写数字。正式文件的统计表会把它们印成 0：这些事项确实没有发生的，请点「按 0 印出」；还要填写的，请点「回去填写」。
        </DialogContentText>
        <Box component="ul" sx={{ pl: 3, my: 0 }} data-testid="blank-cells-list">
          {rows.slice(0, ROWS_SHOWN).map((r) => (
            <li key={`${r.table}.${r.cells[0].row}`} data-blank-row={`${r.table}.${r.cells[0].row}`}>
              <Typography variant="body2">
                {r.tableName}“{r.row}”：{r.columns.join('、')}
              </Typography>
            </li>
          ))}
        </Box>
        {rows.length > ROWS_SHOWN && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            ……另有 {rows.length - ROWS_SHOWN} 行有未填的格子，见各表。
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onFill} data-testid="blank-cells-fill">
          回去填写
        </Button>
        <Button variant="contained" onClick={props.onZero} data-testid="blank-cells-zero">
          按 0 印出
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The question before a final export. `ask(proceed)` runs `proceed` at once when no cell is blank
 * (with undefined), else after 「按 0 印出」 with the number of cells confirmed; 「回去填写」 calls
 * `onFill` with the first blank cell. `dialog` is to be rendered by the step.
 */
export function useBlankCellsQuestion(doc: ReportDoc, onFill: (cell: CellInfo) => void) {
  const blank = useMemo(() => blankCells(doc), [doc]);
  const [pending, setPending] = useState<((blankAsZero: number | undefined) => void) | null>(null);
  const ask = (proceed: (blankAsZero: number | undefined) => void) => {
    if (!blank.length) proceed(undefined);
    else setPending(() => proceed);
  };
  const dialog = (
    <BlankCellsDialog
      open={pending !== null}
      cells={blank}
      onZero={() => {
        const proceed = pending;
        setPending(null);
        proceed?.(blank.length);
      }}
      onFill={() => {
        setPending(null);
        if (blank.length) onFill(blank[0]);
      }}
      onClose={() => setPending(null)}
    />
  );
  return { blank, ask, dialog };
}
