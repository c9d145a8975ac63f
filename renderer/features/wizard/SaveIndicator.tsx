// Always visible: whether every change is stored. A failure turns the indicator red and opens a
// banner with the whole message until a retry succeeds; nothing is hidden or dropped.
import { Alert, Box, Button, Typography } from '@mui/material';
import { clockTime } from '../../labels';
import { useTopic } from './hooks';
import type { ReportSession } from './session';

export function SaveIndicator({ session }: { session: ReportSession }) {
  useTopic(session, 'save');
  const s = session.save;
  if (s.status === 'error')
    return (
      <Box data-save-state="error" sx={{ bgcolor: '#fdecea', color: '#8a1c1c', px: 1.5, py: 0.25, borderRadius: 1, fontWeight: 600, fontSize: 14, whiteSpace: 'nowrap' }}>
        保存失败 · {s.retryIn > 0 ? `${s.retryIn} 秒后重试` : '正在重试'}
      </Box>
    );
  const text = s.status === 'saved' ? (s.savedAt ? `已保存 ${clockTime(s.savedAt)}` : '已保存') : '保存中…';
  return (
    <Typography variant="body2" data-save-state={s.status} aria-live="polite" sx={{ color: 'inherit', opacity: 0.9, minWidth: 120, textAlign: 'right' }}>
      {text}
    </Typography>
  );
}

export function SaveBanner({ session }: { session: ReportSession }) {
  useTopic(session, 'save');
  const s = session.save;
  if (s.status !== 'error') return null;
  return (
    <Alert
      severity="error"
      role="alert"
      variant="filled"
      square
      data-save-error
      action={
        <Button color="inherit" size="small" variant="outlined" onClick={() => session.retryNow()}>
          立即重试
        </Button>
      }
    >
      最近的修改还没有保存：{s.message}
      {s.retryIn > 0 ? `（${s.retryIn} 秒后自动重试；没保存的修改保留在本页，保存成功前请不要关闭或刷新本页）` : '（正在重试…）'}
    </Alert>
  );
}
