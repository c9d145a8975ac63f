// 县级审查: units that sent more than one report for the same year, shown before everything else.
// Both files are named, what differs between them is listed cell by cell, and the reviewer chooses
// which one is counted (the others are shown, never summed or compared).
import { Alert, AlertTitle, Box, FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import type { CountyReview } from '../../../shared/county/types';

export function Duplicates(props: { review: CountyReview; busy: boolean; onKeep(entryId: string): void }) {
  const { duplicates } = props.review;
  if (duplicates.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 1.5 }} data-testid="county-duplicates">
      {duplicates.map((d) => (
        <Alert key={d.entryIds.join(' ')} severity="warning" data-testid="county-duplicate" data-unit={d.unitName} data-kept={d.kept}>
          <AlertTitle sx={{ mb: 0.5 }}>
            {d.unitName} {d.year} 年度报送了 {d.entryIds.length} 份报告：只计一份，请选择计入哪一份
          </AlertTitle>
          <RadioGroup
            value={d.kept}
            onChange={(_, v) => props.onKeep(v)}
            aria-label={`${d.unitName}${d.year}年度计入哪一份报告`}
            name={`keep-${d.entryIds.join('-')}`}
          >
            {d.entryIds.map((id, i) => (
              <FormControlLabel
                key={id}
                value={id}
                disabled={props.busy}
                control={<Radio size="small" />}
                label={
                  <Typography variant="body2">
                    “{d.fileNames[i]}”{id === d.kept ? '（计入汇总）' : '（不计入）'}
                  </Typography>
                }
              />
            ))}
          </RadioGroup>
          {d.differences.length === 0 ? (
            <Typography variant="body2">两份内容相同（数字、文字、成文日期一致）。</Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="county-differences">
              {d.differences.map((x) => (
                <Typography component="li" variant="body2" key={`${x.kind}:${x.key}`} data-key={x.key}>
                  {x.label}：{x.values.map((v, i) => `“${d.fileNames[i]}”为 ${v}`).join('，')}
                </Typography>
              ))}
            </Box>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
