// 审核: every finding of the whole report, grouped by the part of the report it is fixed in.
// Clicking one opens that step with the caret on the cell or the words.
import { useEffect } from 'react';
import { Alert, Box, Chip, Paper, Typography } from '@mui/material';
import { countFindings, groupFindingsBySection, type FindingGroupKey } from '../../../shared/check';
import type { Finding } from '../../../shared/report';
import { useTopic, useTopicDeferred } from './hooks';
import type { ReportSession } from './session';
import { FindingItem } from './FindingItem';
import { presentFinding } from './finding-text';
import { SEVERITY_LABEL } from '../../labels';
import type { JumpTarget } from './types';

export function ReviewStep(props: { session: ReportSession; onJump: (t: JumpTarget) => void }) {
  const { session } = props;
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  // The step list says 未审核 until the clerk has looked at this page once.
  useEffect(() => session.markReviewed(), [session]);
  const doc = session.doc;
  const groups = groupFindingsBySection(doc, session.findings);
  const counts = countFindings(doc, session.findings);
  const heading = (k: FindingGroupKey) => (k === 'general' ? '基本信息与全文' : (session.model?.format.sections.find((s) => s.key === k)?.heading ?? k));

  const target = (f: Finding): JumpTarget => {
    if (f.location) return { step: f.location.section, section: { key: f.location.section, start: f.location.start, end: f.location.end } };
    const group = (Object.keys(groups) as FindingGroupKey[]).find((k) => groups[k].includes(f)) ?? 'general';
    // 定位 goes to the finding's first cell (the balance: 本年新收).
    const cell = presentFinding(f).target;
    return { step: group === 'general' ? 'basic' : group, cell };
  };

  return (
    <Box>
      <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
        审核
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mb: 2, alignItems: 'center' }} data-review-counts>
        <Chip color={counts.errors ? 'error' : 'default'} label={`${SEVERITY_LABEL.error} ${counts.errors}`} />
        <Chip color={counts.warnings ? 'warning' : 'default'} label={`${SEVERITY_LABEL.warning} ${counts.warnings}`} />
        <Chip label={`${SEVERITY_LABEL.info} ${counts.info}`} variant="outlined" />
        <Chip label={`已核实 ${counts.acknowledged}`} variant="outlined" />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {SEVERITY_LABEL.error}必须改正；{SEVERITY_LABEL.warning}和{SEVERITY_LABEL.info}请逐条核对，确认无误的可以标记“已核实”并写明理由。
        </Typography>
      </Box>
      {session.findings.length === 0 && (
        <Alert severity="success" sx={{ mb: 2 }}>
          没有发现问题，可以导出。
        </Alert>
      )}
      {(Object.keys(groups) as FindingGroupKey[])
        .filter((k) => groups[k].length)
        .map((k) => (
          <Box key={k} sx={{ mb: 2 }} data-review-group={k}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
              {heading(k)}
              <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                {groups[k].length} 条
              </Typography>
            </Typography>
            <Paper variant="outlined">
              {groups[k].map((f, i) => {
                const t = target(f);
                return (
                  <FindingItem
                    key={`${f.rule}-${i}`}
                    session={session}
                    finding={f}
                    onLocate={t.cell || t.section || t.step !== 'review' ? () => props.onJump(t) : undefined}
                    locateLabel="去修改"
                  />
                );
              })}
            </Paper>
          </Box>
        ))}
    </Box>
  );
}
