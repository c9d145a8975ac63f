// 导出记录: every export with its time, file, SHA-256, what it was (草稿 or 正式; Word or PDF, 红头,
// 用印版式) and whether the report changed after it (已过期), so the clerk can tell later which
// file was the one sealed.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { ExportRecord } from '../../../shared/api';
import { formatTime } from '../../labels';

function ShaCell({ sha }: { sha: string }) {
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState(false);
  const copy = async () => {
    try {
      // The desktop window copies through Electron's clipboard (the page's own is denied there).
      if (window.nianbao) await window.nianbao.copyText(sha);
      else await navigator.clipboard.writeText(sha);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused: show the whole value selected, so Ctrl+C copies it.
      setManual(true);
    }
  };
  if (manual) {
    return (
      <TextField
        size="small"
        value={sha}
        autoFocus
        onFocus={(e) => e.target.select()}
        onBlur={() => setManual(false)}
        helperText="已选中，请按 Ctrl+C 复制"
        slotProps={{ htmlInput: { readOnly: true, 'aria-label': 'SHA-256 校验值', style: { fontFamily: 'monospace', fontSize: 12 } } }}
        sx={{ minWidth: 320 }}
      />
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Tooltip title={sha}>
        <Box component="code" data-sha={sha} sx={{ fontFamily: 'monospace', fontSize: 13 }}>
          {sha.slice(0, 12)}…
        </Box>
      </Tooltip>
      <Button size="small" onClick={() => void copy()} aria-label={`复制完整的 SHA-256 校验值 ${sha}`}>
        {copied ? '已复制' : '复制'}
      </Button>
    </Stack>
  );
}

/** Word or PDF, 红头 or plain, 用印版式: what the file looks like. */
function variantLabel(r: ExportRecord): string {
  return [r.kind === 'pdf' ? 'PDF' : 'Word', r.letterhead ? '红头' : '不加红头', r.sealed ? '用印版式' : ''].filter(Boolean).join(' · ');
}

export function ExportHistory({ records, loading, error }: { records: ExportRecord[]; loading: boolean; error: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="export-history">
      <Typography variant="h6" component="h3" gutterBottom>
        导出记录
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        每次导出都记下时间、文件名和校验值（文件的“指纹”，内容改动一个字就会不同）。用印、归档或发布前，如需确认手上的文件是哪一次导出的，可请技术人员核对校验值。
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {loading && <CircularProgress size={20} aria-label="正在读取导出记录" />}
      {!loading && !error && records.length === 0 && (
        <Typography variant="body2" data-testid="export-history-empty">
          还没有导出过。
        </Typography>
      )}
      {records.length > 0 && (
        <Table size="small" aria-label="导出记录">
          <TableHead>
            <TableRow>
              <TableCell>导出时间</TableCell>
              <TableCell>文件名</TableCell>
              <TableCell>校验值（SHA-256）</TableCell>
              <TableCell>版本</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id} data-testid="export-history-row" data-draft={r.draft ? 'true' : 'false'} data-stale={r.stale ? 'true' : 'false'}>
                <TableCell>{formatTime(r.createdAt)}</TableCell>
                <TableCell>
                  <Box>{r.fileName}</Box>
                  {r.savedPath && (
                    <Typography variant="caption" color="text.secondary">
                      保存在 {r.savedPath}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {r.sha256 ? (
                    <ShaCell sha={r.sha256} />
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      —（由打印对话框保存，没有校验值）
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    {r.draft ? <Chip size="small" color="warning" label="草稿" /> : <Chip size="small" color="success" label="正式" />}
                    <Chip size="small" variant="outlined" label={variantLabel(r)} data-testid="export-variant" />
                    {r.blankAsZero ? (
                      <Tooltip title="导出前确认过：这些没有填写的格子在文件里印成了 0。">
                        <Chip size="small" variant="outlined" label={`${r.blankAsZero} 格未填按 0 印出`} data-testid="export-blank-as-zero" />
                      </Tooltip>
                    ) : null}
                    {r.stale && (
                      <Tooltip title="导出以后报告又修改过：这个文件与现在的报告不一致。需要用印、发布的，请重新导出。">
                        <Chip size="small" color="error" variant="outlined" label="已过期" data-testid="export-stale" />
                      </Tooltip>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
