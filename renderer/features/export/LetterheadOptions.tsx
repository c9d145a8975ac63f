// The 导出 step's 红头 options: the 版记 (GB/T 9704 §7.4) — 印发机关 and 印发日期 printed between two
// rules at the foot of the last page. Kept in the report (letterhead.printedBy / printedDate), so
// next year's report starts with the same 印发机关; an empty 印发机关 means no 版记.
import { Box, Grid, TextField, Typography } from '@mui/material';
import { chineseDate, type ReportDoc } from '../../../shared/report';
import { printedDateProblem } from '../../../shared/print/content';
import { ChineseDateField } from '../wizard/ChineseDateField';

export type LetterheadPatch = Partial<Pick<ReportDoc['letterhead'], 'printedBy' | 'printedDate'>>;

export function LetterheadOptions(props: { doc: ReportDoc; duplex: boolean; onChange: (patch: LetterheadPatch) => void }) {
  const { doc, duplex } = props;
  const { printedBy, printedDate } = doc.letterhead;
  const date = chineseDate(printedDate) || chineseDate(doc.date);
  const problem = printedDateProblem(doc);
  return (
    <Box sx={{ mt: 2 }} data-testid="colophon-options">
      <Typography variant="subtitle2" component="h3">
        版记（可选）
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        填写印发机关后，红头文件末页下端印版记：“印发机关　　印发日期印发”，上下各一条与版心等宽的分隔线。
        {duplex ? '双面打印时版记印在偶数页（正文结束在奇数页时另起一页）。' : ''}不需要版记的，印发机关留空。
      </Typography>
      <Grid container columnSpacing={2} rowSpacing={1}>
        <Grid size={{ xs: 12, sm: 7 }}>
          <TextField
            label="印发机关"
            fullWidth
            value={printedBy}
            placeholder="例如：某某镇党政办公室"
            helperText={printedBy.trim() ? `版记：${printedBy.trim()}　${date ? `${date}印发` : '（印发日期待填）'}` : '留空则不印版记；填写后明年的报告沿用'}
            onChange={(e) => props.onChange({ printedBy: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 60, 'data-field': 'letterhead.printedBy', 'aria-label': '印发机关' } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 5 }}>
          <ChineseDateField
            label="印发日期（可不填）"
            dataField="letterhead.printedDate"
            value={printedDate}
            onChange={(iso) => props.onChange({ printedDate: iso as '' })}
            warning={problem ? `${problem.split('。')[0]}。` : undefined}
            helperText={printedDate ? '印在版记右端' : `不填则用成文日期${chineseDate(doc.date) ? `（${chineseDate(doc.date)}）` : ''}`}
          />
        </Grid>
      </Grid>
    </Box>
  );
}
