// 县级审查's 雷同与异常 tab: copied paragraphs side by side and numbers far from the county's level.
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { CountyReview } from '../../../shared/county/types';

export function Comparisons(props: { review: CountyReview; onOpen(id: string): void }) {
  const list = props.review.comparisons;
  if (list.length === 0) return <Typography color="text.secondary">各单位之间没有发现雷同的段落，也没有明显偏离全县水平的数字。</Typography>;
  return (
    <Stack spacing={1} data-testid="county-comparisons">
      {list.map((c, i) => (
        <Box
          key={i}
          data-finding={c.rule}
          data-entry={c.entryId}
          data-other={c.other?.entryId}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.25 }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Chip size="small" label={c.rule === 'county.copied_text' ? '文字雷同' : '数字异常'} color={c.severity === 'warning' ? 'warning' : 'info'} />
            <Typography variant="subtitle2">
              {c.unitName}
              {c.other ? ` ↔ ${c.other.unitName}` : ''}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <Button size="small" onClick={() => props.onOpen(c.entryId)}>
              查看报告
            </Button>
          </Stack>
          {c.other ? (
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
              <Quote who={c.unitName} text={c.location?.quote ?? ''} />
              <Quote who={c.other.unitName} text={c.other.quote} />
            </Box>
          ) : (
            <Typography variant="body2">{c.message}</Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}

function Quote(props: { who: string; text: string }) {
  return (
    <Box sx={{ bgcolor: '#fff8ec', borderLeft: '3px solid #ed8b00', px: 1.25, py: 0.75 }} data-testid="county-quote">
      <Typography variant="caption" color="text.secondary">
        {props.who}
      </Typography>
      <Typography variant="body2">“{props.text}”</Typography>
    </Box>
  );
}
