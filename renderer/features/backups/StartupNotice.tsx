// What the start-up check found (a damaged data file kept aside, a lost -wal, a data file gone or
// emptied while backups hold the reports), shown above every screen until the clerk closes it,
// with the newest backup holding reports restored in one click, and the way to every backup.
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Button, CircularProgress } from '@mui/material';
import { api } from '../../api/client';
import type { ApiOutputs } from '../../../shared/api';
import { chineseDateTime } from '../../labels';
import { BackupsDialog, reloadAfterRestore } from './BackupsDialog';

type Problem = NonNullable<ApiOutputs['appInfo']['startupProblem']>;

const TITLES: Record<Problem['kind'], string> = {
  damaged: '数据文件有问题',
  'wal-missing': '数据文件有问题',
  lost: '没有找到原来的数据',
  checksum: '报告内容与保存时不一致',
  'read-only': '只能查看，不能保存',
};

export function StartupNotice() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    void api.appInfo({}).then((r) => r.ok && setProblem(r.value.startupProblem));
  }, []);
  if (!problem) return null;
  const offer = problem.offer;
  const restoreOffer = async () => {
    if (!offer) return;
    setBusy(true);
    setFailure('');
    const r = await api.restoreBackup({ fileName: offer.fileName });
    if (!r.ok) {
      setBusy(false);
      return setFailure(`恢复没有完成，现在的数据仍在使用：${r.error.message}`);
    }
    await reloadAfterRestore(chineseDateTime(offer.createdAt));
  };
  return (
    <Box sx={{ position: 'sticky', top: 0, zIndex: 1200, p: 1 }}>
      <Alert
        severity={problem.kind === 'read-only' ? 'warning' : 'error'}
        role="alert"
        data-testid="startup-problem"
        data-kind={problem.kind}
        action={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {offer && (
              <Button
                color="inherit"
                size="small"
                variant="contained"
                disabled={busy}
                onClick={() => void restoreOffer()}
                data-testid="startup-restore-offer"
                startIcon={busy ? <CircularProgress size={14} color="inherit" /> : undefined}
              >
                {busy ? '正在恢复……' : `恢复这份备份（${chineseDateTime(offer.createdAt)}，${offer.reports} 份报告）`}
              </Button>
            )}
            {problem.kind !== 'read-only' && (
              <Button color="inherit" size="small" variant="outlined" onClick={() => setRestoring(true)} data-testid="startup-restore">
                从备份恢复
              </Button>
            )}
            <Button color="inherit" size="small" onClick={() => setProblem(null)}>
              知道了
            </Button>
          </Box>
        }
      >
        <AlertTitle>{TITLES[problem.kind]}</AlertTitle>
        {problem.message}
        {offer && <Box sx={{ mt: 0.5 }}>恢复前，程序会先把现在的数据另存为一份备份，恢复错了还可以再换回来。</Box>}
        {failure && (
          <Box sx={{ mt: 0.5, fontWeight: 'bold' }} data-testid="startup-restore-error">
            {failure}
          </Box>
        )}
      </Alert>
      {restoring && <BackupsDialog onClose={() => setRestoring(false)} />}
    </Box>
  );
}
