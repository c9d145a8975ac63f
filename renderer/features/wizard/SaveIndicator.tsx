// Always visible: whether every change is stored. A failure stays on screen (red, with the
// message) until a retry succeeds.
import { Box, Button, Tooltip, Typography } from '@mui/material';
import { clockTime } from '../../labels';
import { useTopic } from './hooks';
import type { ReportSession } from './session';

export function SaveIndicator({ session }: { session: ReportSession }) {
  useTopic(session, 'save');
  const s = session.save;
  if (s.status === 'error')
    return (
      <Box role="alert" data-save-state="error" sx={{ display: 'flex', alignItems: 'center', gap: 1, bgcolor: '#fdecea', color: '#8a1c1c', px: 1.5, py: 0.5, borderRadius: 1, maxWidth: 520 }}>
        <Tooltip title={s.message}>
          <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
            保存失败：{s.message}
          </Typography>
        </Tooltip>
        <Typography variant="caption" noWrap>
          {s.retryIn > 0 ? `${s.retryIn} 秒后自动重试` : '正在重试'}
        </Typography>
        <Button size="small" color="inherit" variant="outlined" onClick={() => session.retryNow()}>
          重试
        </Button>
      </Box>
    );
  const text = s.status === 'saved' ? (s.savedAt ? `已保存 ${clockTime(s.savedAt)}` : '已保存') : '保存中…';
  return (
    <Typography variant="body2" data-save-state={s.status} aria-live="polite" sx={{ color: 'inherit', opacity: 0.9, minWidth: 120, textAlign: 'right' }}>
      {text}
    </Typography>
  );
}
