// One finding as the clerk sees it: how serious, what is wrong with which figures, the figure that
// fixes it, a way to jump there, and (for warnings) a way to mark it as checked with a reason.
import { useState } from 'react';
import { Alert, Box, Button, Chip, TextField, Typography } from '@mui/material';
import type { Finding } from '../../../shared/report';
import { canAcknowledge } from '../../../shared/check';
import { findingId, type ReportSession } from './session';
import { presentFinding } from './finding-text';
import { SEVERITY_LABEL } from '../../labels';

const SEVERITY_COLOR: Record<Finding['severity'], 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info' };

function figure(v: number | string | undefined): string {
  return typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) : String(v ?? '');
}

export function FindingItem(props: { session: ReportSession; finding: Finding; onLocate?: () => void; locateLabel?: string }) {
  const { session, finding: f } = props;
  const ack = canAcknowledge(f) ? session.doc.acknowledgements[findingId(f)] : undefined;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState('');
  const shown = presentFinding(f);

  const submit = async (r: string | null) => {
    if (r !== null && !r.trim()) return setFailure('请写明核实的情况，例如“经核对台账，本年确无收到申请”。');
    const problem = await session.acknowledge(f, r === null ? null : r.trim());
    if (problem) return setFailure(problem);
    setFailure('');
    setAsking(false);
    setReason('');
  };

  return (
    <Box
      data-finding={f.rule}
      data-severity={f.severity}
      sx={{
        display: 'flex',
        gap: 1.5,
        alignItems: 'flex-start',
        py: 1,
        px: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
        opacity: ack ? 0.7 : 1,
        '&:last-child': { borderBottom: 0 },
      }}
    >
      <Chip
        size="small"
        label={ack ? '已核实' : SEVERITY_LABEL[f.severity]}
        color={ack ? 'default' : SEVERITY_COLOR[f.severity]}
        variant={ack ? 'outlined' : 'filled'}
        sx={{ mt: 0.25, minWidth: 52 }}
      />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
          {shown.message}
        </Typography>
        {shown.expected !== undefined && (
          <Typography
            variant="body2"
            sx={{ color: f.severity === 'error' ? 'error.dark' : 'text.secondary', fontWeight: 600 }}
            data-expected={String(shown.expected)}
          >
            应为 {figure(shown.expected)}
            {shown.actual !== undefined && <span style={{ fontWeight: 400 }}>（现为 {figure(shown.actual)}）</span>}
          </Typography>
        )}
        {f.location?.quote && (
          <Typography variant="caption" color="text.secondary">
            原文：“{f.location.quote}”
          </Typography>
        )}
        {ack && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            核实说明：{ack.reason}
          </Typography>
        )}
        {asking && (
          <Box
            sx={{ display: 'flex', gap: 1, mt: 1 }}
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit(reason);
            }}
          >
            <TextField
              autoFocus
              size="small"
              fullWidth
              label="核实说明"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="例如：经核对登记台账，数字无误"
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            <Button type="submit" variant="contained" size="small">
              确定
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              取消
            </Button>
          </Box>
        )}
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 1, py: 0 }}>
            {failure}
          </Alert>
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 0.5, flexShrink: 0 }}>
        {props.onLocate && (
          <Button size="small" variant="outlined" onClick={props.onLocate}>
            {props.locateLabel ?? '定位'}
          </Button>
        )}
        {canAcknowledge(f) &&
          !asking &&
          (ack ? (
            <Button size="small" onClick={() => void submit(null)}>
              撤销核实
            </Button>
          ) : (
            <Button size="small" onClick={() => setAsking(true)}>
              已核实
            </Button>
          ))}
      </Box>
    </Box>
  );
}
