// The checker's findings for one section, listed under its editor, each able to select its words.
// A sentence whose warning was marked 已核实 gets a new finding id when it is edited: the mark no
// longer applies, and the clerk is told so here, at the edit, with the reason they had written.
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Paper, Typography } from '@mui/material';
import { canAcknowledge } from '../../../shared/check';
import type { SectionKey } from '../../../shared/formats/index';
import { useTopicDeferred } from './hooks';
import { findingId, type ReportSession } from './session';
import { FindingItem } from './FindingItem';
import { findingStep } from './steps';

type Reopened = { id: string; rule: string; reason: string };

export function SectionFindings(props: { session: ReportSession; section: SectionKey; onSelect: (start: number, end: number) => void }) {
  const { session } = props;
  const version = useTopicDeferred(session, 'findings');
  const list = session.findings.filter((f) => findingStep(f, session.doc) === props.section);
  const acks = session.doc.acknowledgements;
  const active = useRef(new Map<string, Omit<Reopened, 'id'>>());
  const [reopened, setReopened] = useState<Reopened[]>([]);

  useEffect(() => {
    const open = (rule: string) => list.some((f) => f.rule === rule && canAcknowledge(f) && !acks[findingId(f)]);
    const ids = new Set(list.map(findingId));
    const now = new Map<string, Omit<Reopened, 'id'>>();
    for (const f of list) if (canAcknowledge(f) && acks[findingId(f)]) now.set(findingId(f), { rule: f.rule, reason: acks[findingId(f)].reason });
    // A marked finding gone while one of its rule is open again: the edit reopened it.
    const fresh = [...active.current].filter(([id, a]) => !ids.has(id) && open(a.rule)).map(([id, a]) => ({ id, ...a }));
    active.current = now;
    setReopened((before) => {
      const still = before.filter((r) => open(r.rule));
      return fresh.length || still.length !== before.length ? [...still, ...fresh] : before;
    });
  }, [version, acks]);

  if (!list.length) return null;
  return (
    <Box sx={{ mt: 1.5 }} data-findings={props.section}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        本部分检查结果
      </Typography>
      {reopened.map((r) => (
        <Alert key={r.id} severity="warning" sx={{ mb: 1 }} data-testid="ack-reopened" onClose={() => setReopened((x) => x.filter((y) => y.id !== r.id))}>
          已核实的提示因修改而重新打开：改过的句子要重新核对。原来的核实说明是“{r.reason}”；仍然属实的，请在下面重新标记为已核实。
        </Alert>
      ))}
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
