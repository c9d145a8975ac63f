// Always visible: whether every change is stored. A failure turns the indicator red and opens a
// banner with the whole message until a retry succeeds; nothing is hidden or dropped.
import { Alert, Box, Button, Typography } from '@mui/material';
import { clockTime } from '../../labels';
import { currentHostProblem, isDesktop } from '../../api/client';
import { useTopic } from './hooks';
import type { ReportSession } from './session';

export function SaveIndicator({ session }: { session: ReportSession }) {
  useTopic(session, 'save');
  const s = session.save;
  if (s.status === 'error')
    return (
      <Box
        data-save-state="error"
        sx={{ bgcolor: '#fdecea', color: '#8a1c1c', px: 1.5, py: 0.25, borderRadius: 1, fontWeight: 600, fontSize: 14, whiteSpace: 'nowrap' }}
      >
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

/** Says exactly what to do: the reason the edits are not stored yet, and what brings them home. */
export function saveFailureAdvice(session: ReportSession): string {
  const s = session.save;
  const n = countEdits(session);
  const waiting = `${n} 处修改还没有保存，暂存在本页${isDesktop ? '' : '和本浏览器中'}`;
  const problem = isDesktop ? null : currentHostProblem();
  if (problem === 'unreachable')
    return `程序服务已停止（运行“年报编制助手”的窗口可能被关掉了）。${waiting}。请重新启动“年报编制助手”，本页会自动重新连接并保存这些修改；在此之前请不要关闭本页。`;
  if (problem === 'impostor')
    return `原来的端口上回应的程序无法证明它就是“年报编制助手”（可能是其他程序占用了这个端口，或程序换了口令），本页没有向它发送任何内容。${waiting}。请重新启动“年报编制助手”，本页会自动重新连接并保存这些修改；如果程序换了端口或口令，请用它显示的完整网址重新打开本页，重新打开这份报告时这些修改会自动保存。`;
  if (problem === 'unauthorized')
    return `本页的访问口令已失效（程序换了口令）。${waiting}。请用程序启动时显示的完整网址重新打开本页，重新打开这份报告时这些修改会自动保存。`;
  return `${waiting}：${s.message}${s.retryIn > 0 ? `（${s.retryIn} 秒后自动重试）` : '（正在重试…）'}。保存成功前请不要关闭本页。`;
}

function countEdits(session: ReportSession): number {
  const u = session.queue.unsaved();
  return Object.keys(u.cells).length + Object.keys(u.sections).length + Object.keys(u.meta).length;
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
        <Button color="inherit" size="small" variant="outlined" sx={{ whiteSpace: 'nowrap' }} onClick={() => session.retryNow()}>
          立即重试
        </Button>
      }
    >
      {saveFailureAdvice(session)}
    </Alert>
  );
}
