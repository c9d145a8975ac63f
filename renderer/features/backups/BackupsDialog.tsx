// 数据备份: where the data lives, the automatic backups, and restoring one of them. Restoring
// replaces every report and the unit, so it asks first and says a copy of today's data is kept.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { api, bytesToBase64, platform } from '../../api/client';
import type { BackupInfo } from '../../../shared/api';
import { chineseDateTime } from '../../labels';

/** Set just before the page reloads after a restore, so the list can say what happened. */
import { RESTORED_KEY } from './restored-key';
export { RESTORED_KEY };

export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const KIND_LABELS: Record<BackupInfo['kind'], string> = {
  auto: '自动备份（启动时和编辑中每小时）',
  manual: '手动备份',
  'pre-change': '删除或替换报告前自动保存',
  'pre-migration': '程序升级前自动保存',
  'pre-restore': '恢复前自动保存',
};

export function backupKind(kind: BackupInfo['kind']): string {
  return KIND_LABELS[kind];
}

export function BackupsDialog(props: { onClose: () => void }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [dataDir, setDataDir] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restoreError, setRestoreError] = useState('');
  const [backingUp, setBackingUp] = useState(false);
  const [madeNow, setMadeNow] = useState('');
  const [diagnosticsSaved, setDiagnosticsSaved] = useState('');

  const load = useCallback(async () => {
    setError('');
    const [list, info] = await Promise.all([api.listBackups({}), api.appInfo({})]);
    if (info.ok) setDataDir(info.value.dataDir);
    if (!list.ok) return setError(list.error.message);
    setBackups(list.value);
  }, []);
  useEffect(() => void load(), [load]);

  const backupNow = async () => {
    setBackingUp(true);
    setError('');
    const r = await api.backupNow({});
    setBackingUp(false);
    if (!r.ok) return setError(`没有备份成功：${r.error.message}`);
    // The list first, then the notice: when 已备份 shows, the new backup is in the list.
    await load();
    setMadeNow(r.value.fileName);
  };

  // For the county's IT person: the log, versions and a database check, never report text.
  const exportDiagnostics = async () => {
    setError('');
    const r = await api.exportDiagnostics({});
    if (!r.ok) return setError(`没有导出诊断信息：${r.error.message}`);
    const saved = await platform.saveFile(
      r.value.fileName,
      bytesToBase64(new TextEncoder().encode(r.value.content)),
      [{ name: '文本文件', extensions: ['txt'] }],
      'text/plain',
    );
    if (saved.saved)
      setDiagnosticsSaved(saved.path ? `诊断信息已保存到 ${saved.path}，可以发给县里的技术人员。` : `已下载 ${r.value.fileName}，可以发给县里的技术人员。`);
  };

  return (
    <>
      <Dialog open onClose={props.onClose} maxWidth="md" fullWidth data-testid="backups-dialog">
        <DialogTitle>数据备份</DialogTitle>
        <DialogContent dividers>
          <DialogContentText sx={{ mb: 1 }}>所有报告和机关信息都保存在本机的数据文件夹中：</DialogContentText>
          <Box
            component="code"
            data-testid="backups-data-dir"
            sx={{ display: 'block', p: 1, mb: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontSize: 13, wordBreak: 'break-all' }}
          >
            {dataDir || '（正在读取……）'}
          </Box>
          <DialogContentText sx={{ mb: 2 }}>
            程序每次启动时、编辑中每隔一小时、删除或替换报告之前，都会自动把数据备份到其中的 backups 文件夹（每类保留最近 10 份）；
            也可以随时点“立即备份”。如果误删了报告或改错了内容，可以从下面选一个当时的备份恢复。 换电脑或重装系统前，请把整个数据文件夹复制保存。
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }} action={<Button onClick={() => void load()}>重试</Button>}>
              {error}
            </Alert>
          )}
          {restoreError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setRestoreError('')} data-testid="restore-error">
              恢复没有完成，现在的数据仍在使用：{restoreError}
            </Alert>
          )}
          {diagnosticsSaved && (
            <Alert severity="success" sx={{ mb: 2 }} onClose={() => setDiagnosticsSaved('')} data-testid="diagnostics-saved">
              {diagnosticsSaved}
            </Alert>
          )}
          {!backups && !error && <CircularProgress size={24} aria-label="正在读取备份" />}
          {backups && backups.length === 0 && (
            <Typography color="text.secondary" data-testid="backups-empty">
              还没有备份。程序下次启动时会自动备份一次（第一次使用时还没有可备份的数据）。
            </Typography>
          )}
          {backups && backups.length > 0 && (
            <TableContainer sx={{ maxHeight: 340 }}>
              <Table size="small" stickyHeader aria-label="备份列表">
                <TableHead>
                  <TableRow>
                    <TableCell>备份时间</TableCell>
                    <TableCell>来源</TableCell>
                    <TableCell align="right">大小</TableCell>
                    <TableCell align="right">操作</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {backups.map((b) => (
                    <TableRow key={b.fileName} data-testid="backup-row" data-backup={b.fileName} hover>
                      <TableCell>{chineseDateTime(b.createdAt)}</TableCell>
                      <TableCell>{backupKind(b.kind)}</TableCell>
                      <TableCell align="right">{backupSize(b.bytes)}</TableCell>
                      <TableCell align="right">
                        <Button size="small" variant="outlined" onClick={() => setConfirming(b)}>
                          恢复到这一份
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </DialogContent>
        <DialogActions>
          {madeNow && (
            <Typography color="success.main" sx={{ mr: 'auto', ml: 1 }} data-testid="backup-made">
              已备份：{chineseDateTime(backups?.find((b) => b.fileName === madeNow)?.createdAt ?? new Date().toISOString())}
            </Typography>
          )}
          <Button onClick={() => void exportDiagnostics()} data-testid="export-diagnostics">
            导出诊断信息
          </Button>
          <Button onClick={() => void backupNow()} disabled={backingUp} data-testid="backup-now">
            {backingUp ? '正在备份……' : '立即备份'}
          </Button>
          <Button onClick={props.onClose}>关闭</Button>
        </DialogActions>
      </Dialog>
      {confirming && (
        <RestoreConfirm
          backup={confirming}
          onClose={() => setConfirming(null)}
          onFailed={(message) => {
            // The list may be out of date (a backup removed by rotation): show what is there now.
            setConfirming(null);
            setRestoreError(message);
            void load();
          }}
        />
      )}
    </>
  );
}

/** After a restore: the page reloads on the report list, which says which backup came back. */
export async function reloadAfterRestore(when: string): Promise<void> {
  // The restored data's "last place" may name a report of that time: start from the list instead.
  await api.setUiState({ reportId: null, step: null });
  sessionStorage.setItem(RESTORED_KEY, when);
  window.location.hash = '#/';
  window.location.reload();
}

function RestoreConfirm(props: { backup: BackupInfo; onClose: () => void; onFailed: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const when = chineseDateTime(props.backup.createdAt);
  const restore = async () => {
    setBusy(true);
    const r = await api.restoreBackup({ fileName: props.backup.fileName });
    if (!r.ok) return props.onFailed(r.error.message);
    await reloadAfterRestore(when);
  };
  return (
    <Dialog open onClose={busy ? undefined : props.onClose} maxWidth="sm" fullWidth data-testid="restore-confirm">
      <DialogTitle>恢复到 {when} 的备份？</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          <Box component="ul" sx={{ m: 0, pl: 2.5, '& li': { mb: 1 } }}>
            <li>现在的全部数据（所有年度报告、机关信息、导出记录）将被换成这份备份当时的内容，之后所做的修改都不会保留。</li>
            <li>替换之前，程序会先把现在的数据另存为一份备份（来源为“恢复前自动保存”）。如果恢复错了，可以在这里再恢复回来。</li>
            <li>恢复完成后页面会重新载入，回到报告列表。</li>
          </Box>
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={busy} autoFocus>
          取消
        </Button>
        <Button
          variant="contained"
          color="warning"
          onClick={() => void restore()}
          disabled={busy}
          data-testid="restore-confirm-button"
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {busy ? '正在恢复……' : '先备份现在的数据，再恢复'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
