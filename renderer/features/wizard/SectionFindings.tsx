// The checker's findings for one section, listed under its editor, each able to select its words.
import { Box, Paper, Typography } from '@mui/material';
import type { SectionKey } from '../../../shared/formats/index';
import { useTopicDeferred } from './hooks';
import type { ReportSession } from './session';
import { FindingItem } from './FindingItem';
import { findingStep } from './steps';

export function SectionFindings(props: { session: ReportSession; section: SectionKey; onSelect: (start: number, end: number) => void }) {
  const { session } = props;
  useTopicDeferred(session, 'findings');
  const list = session.findings.filter((f) => findingStep(f, session.doc) === props.section);
  if (!list.length) return null;
  return (
    <Box sx={{ mt: 1.5 }} data-findings={props.section}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        本部分检查结果
      </Typography>
      <Paper variant="outlined">
        {list.map((f, i) => (
          <FindingItem
            key={`${f.rule}-${i}`}
            session={session}
            finding={f}
            onLocate={f.location ? () => props.onSelect(f.location!.start, f.location!.end) : undefined}
          />
        ))}
      </Paper>
    </Box>
  );
}
