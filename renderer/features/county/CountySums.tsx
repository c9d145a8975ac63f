// 县级审查's 全县汇总 tab: the county's summed tables per format, with the findings on the sums and their sources.
import { Alert, Box, Stack, Typography } from '@mui/material';
import type { CountyReview } from '../../../shared/county/types';
import { FORMATS, formatModel } from '../../../shared/formats/index';
import { formatCellValue } from '../../../shared/number';
import { SEVERITY_LABEL, formatLabel } from '../../labels';
import { ReadOnlyTable } from './CountyReport';

export function Sums(props: { review: CountyReview }) {
  const { review } = props;
  return (
    <Stack spacing={2} data-testid="county-sums">
      <Alert severity="info" data-testid="county-sum-note">
        {review.sumNote}
      </Alert>
      {review.sums.map((s) => {
        const values: Record<string, string> = {};
        const format = FORMATS[s.formatId];
        const byKey = formatModel(s.formatId).byKey;
        for (const [k, v] of Object.entries(s.cells)) values[k] = formatCellValue(v, byKey.get(k)?.kind ?? 'count') || '0';
        const marks = new Map(s.findings.flatMap((f) => f.cells.map((c) => [c, f.severity] as const)));
        return (
          <Box key={s.formatId} data-testid={`county-sum-${s.formatId}`}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {formatLabel(s.formatId)}：{s.entryIds.length} 个单位
            </Typography>
            {s.findings.map((f, i) => {
              const cause = s.causes.find((c) => c.rule === f.rule);
              return (
                <Alert key={i} severity={f.severity} sx={{ my: 0.5, py: 0 }} data-finding={f.rule}>
                  {SEVERITY_LABEL[f.severity]}：{f.message}
                  {cause && (
                    <Box data-testid="county-sum-cause">
                      出自：{cause.entryIds.map((id) => review.rows.find((r) => r.entryId === id)?.unitName ?? id).join('、')}的报告。
                    </Box>
                  )}
                </Alert>
              );
            })}
            {(['t2', 't3', 't4'] as const).map((id) => (
              <Box key={id} sx={{ mt: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
                  {format[id].title}
                </Typography>
                <ReadOnlyTable formatId={s.formatId} id={id} values={values} marks={marks} testId={`county-sum-${s.formatId}-${id}`} />
              </Box>
            ))}
          </Box>
        );
      })}
    </Stack>
  );
}
