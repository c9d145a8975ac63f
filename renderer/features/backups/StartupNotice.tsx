// What the start-up check found (a damaged data file kept aside, or a lost -wal), shown above
// every screen until the clerk closes it, with the way to a restore.
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { api } from '../../api/client';
import { BackupsDialog } from './BackupsDialog';

export function StartupNotice() {
  const [message, setMessage] = useState('');
  const [restoring, setRestoring] = useState(false);
  useEffect(() => {
    void api.appInfo({}).then((r) => r.ok && r.value.startupProblem && setMessage(r.value.startupProblem.message));
  }, []);
  if (!message) return null;
  return (
    <Box sx={{ position: 'sticky', top: 0, zIndex: 1200, p: 1 }}>
      <Alert
        severity="error"
        role="alert"
        data-testid="startup-problem"
        action={
          <Box sx={{ display: 'flex', gap: 1, whiteSpace: 'nowrap' }}>
            <Button color="inherit" size="small" variant="outlined" onClick={() => setRestoring(true)} data-testid="startup-restore">
              从备份恢复
            </Button>
            <Button color="inherit" size="small" onClick={() => setMessage('')}>
              知道了
            </Button>
          </Box>
        }
      >
        <AlertTitle>数据文件有问题</AlertTitle>
        {message}
      </Alert>
      {restoring && <BackupsDialog onClose={() => setRestoring(false)} />}
    </Box>
  );
}
