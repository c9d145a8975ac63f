// The wizard's 导出 step: the report as it will print, the 红头 choice, the export itself (with a
// confirmation naming the errors when the file can only be a 草稿), and the list of every export
// with its SHA-256, so the clerk can tell later which file was the one sealed.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import type { ExportRecord } from '../../../shared/api';
import type { Finding, ReportDoc } from '../../../shared/report';
import { api, platform } from '../../api/client';
import { formatTime } from '../../labels';
import { ReportPreview } from './ReportPreview';
import { draftReasons, reportContent } from '../../../shared/print/content';
import { BlankCellsQuestion } from './BlankCellsQuestion';
import { printDocumentHtml } from '../../../shared/print/html';
import { defaultTitle } from '../../../shared/report';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCX_FILTERS = [{ name: 'Word 文档', extensions: ['docx'] }];

type Notice = { severity: 'success' | 'info' | 'error' | 'warning'; text: string } | null;

function ShaCell({ sha }: { sha: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (no permission): select the text so Ctrl+C works instead.
      window.prompt('复制下面的 SHA-256 校验值：', sha);
    }
  };
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

function ExportHistory({ records, loading, error }: { records: ExportRecord[]; loading: boolean; error: string }) {
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
              <TableRow key={r.id} data-testid="export-history-row" data-draft={r.draft ? 'true' : 'false'}>
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
                  <ShaCell sha={r.sha256} />
                </TableCell>
                <TableCell>{r.draft ? <Chip size="small" color="warning" label="草稿" /> : <Chip size="small" color="success" label="正式" />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

export function ExportStep(props: { reportId: number; doc: ReportDoc; findings: Finding[]; final?: boolean }) {
  const { reportId, doc, findings } = props;
  const [letterhead, setLetterhead] = useState(doc.letterhead.enabled);
  const [sealed, setSealed] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [records, setRecords] = useState<ExportRecord[]>([]);
  const [historyLoading, setHistoryLoading] = useState(true);
  const [historyError, setHistoryError] = useState('');

  const errors = findings.filter((f) => f.severity === 'error');
  const legacy = doc.formatId === 'legacy';
  // No 成文日期, or a 红头 without 发文字号: whatever the checks say, only a 草稿 can be exported.
  const notFinal = legacy ? [] : draftReasons(doc, { letterhead });
  const willBeDraft = errors.length > 0 || notFinal.length > 0;

  const loadHistory = useCallback(async () => {
    setHistoryLoading(true);
    const r = await api.listExports({ id: reportId });
    setHistoryLoading(false);
    if (r.ok) {
      setRecords([...r.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
      setHistoryError('');
    } else setHistoryError(`导出记录读取失败：${r.error.message}`);
  }, [reportId]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const runExport = async () => {
    setConfirmOpen(false);
    setBusy(true);
    setNotice(null);
    try {
      const made = await api.exportDocx({ id: reportId, letterhead, sealed });
      if (!made.ok) {
        setNotice({ severity: 'error', text: made.error.message });
        return;
      }
      const { exportId, fileName, base64, draft } = made.value;
      let saved: Awaited<ReturnType<typeof platform.saveFile>>;
      try {
        saved = await platform.saveFile(fileName, base64, DOCX_FILTERS, DOCX_MIME);
      } catch (err) {
        setNotice({
          severity: 'error',
          text: `文件没有保存成功：${err instanceof Error ? err.message : String(err)}。请换一个文件夹，或关闭正在打开这个文件的 Word/WPS 后重试。`,
        });
        return;
      }
      if (!saved.saved) {
        setNotice({ severity: 'info', text: '已取消保存，没有写出文件。需要时再点「导出 Word 文件」。' });
        await loadHistory();
        return;
      }
      const confirmed = await api.confirmExport({ exportId, savedPath: saved.path });
      if (!confirmed.ok) setNotice({ severity: 'warning', text: `文件已保存，但导出记录没有更新：${confirmed.error.message}` });
      else
        setNotice({
          severity: draft ? 'warning' : 'success',
          text: `${draft ? '已导出草稿' : '已导出'}：${saved.path || fileName}${saved.path ? '' : '（已交给浏览器下载）'}。${draft ? '改正错误后请重新导出正式版本再用印。' : props.final ? '' : '报告定稿后，可在「基本信息」把“报告状态”改为“定稿”。'}`,
        });
      await loadHistory();
    } finally {
      setBusy(false);
    }
  };

  const onExportClick = () => {
    if (willBeDraft) setConfirmOpen(true);
    else void runExport();
  };

  const exportPdf = async () => {
    setPdfBusy(true);
    setNotice(null);
    try {
      const content = reportContent(doc, { letterhead, sealed });
      const title = doc.title.trim() || defaultTitle(doc.unit.name, doc.year);
      const fileName = `${title.replace(/[\\/:*?"<>|]/g, '')}${willBeDraft ? '（草稿）' : ''}.pdf`;
      const r = await platform.printPdf(fileName, printDocumentHtml(content, { draft: willBeDraft }));
      if ('printView' in r)
        setNotice({ severity: 'info', text: '已打开打印页面：在打印对话框的“目标打印机”中选择“另存为 PDF”即可保存。分页与下面的预览相同。' });
      else if (r.saved)
        setNotice({ severity: willBeDraft ? 'warning' : 'success', text: `已导出 PDF：${r.path}${willBeDraft ? '（草稿，不能用印发布）' : ''}` });
      else setNotice({ severity: 'info', text: '已取消保存，没有写出 PDF 文件。' });
    } catch (err) {
      setNotice({ severity: 'error', text: `PDF 没有导出：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setPdfBusy(false);
    }
  };

  const missingLetterhead = letterhead && (!doc.letterhead.issuer.trim() || !doc.letterhead.docNumber.trim());

  return (
    <Stack spacing={3} data-testid="export-step">
      <Box>
        <Typography variant="h5" component="h2" gutterBottom>
          导出 Word 文件
        </Typography>
        <Typography variant="body2" color="text.secondary">
          下面是报告逐页的打印样式（A4，GB/T 9704 版式：仿宋三号正文，每页 22 行、每行 28 字），分页与导出的 PDF 相同。
        </Typography>
      </Box>

      {legacy ? (
        <Alert severity="info">这是2019年以前的历史报告，只作历史记录保存，没有官方格式可以导出 Word 文件。请新建本年度报告后再导出。</Alert>
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
              <FormControlLabel
                control={
                  <Switch
                    checked={letterhead}
                    onChange={(e) => setLetterhead(e.target.checked)}
                    slotProps={{ input: { 'aria-label': '加红头' } }}
                    data-testid="letterhead-switch"
                  />
                }
                label="加红头（以文件形式印发时使用）"
              />
              <FormControlLabel
                control={
                  <Switch
                    checked={sealed}
                    onChange={(e) => setSealed(e.target.checked)}
                    slotProps={{ input: { 'aria-label': '用印版式' } }}
                    data-testid="sealed-switch"
                  />
                }
                label="用印版式（留出盖章位置）"
              />
              <Box sx={{ flexGrow: 1 }} />
              <Button
                variant="contained"
                size="large"
                sx={{ textTransform: 'none' }}
                onClick={onExportClick}
                disabled={busy}
                data-testid="export-button"
                startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
              >
                导出 Word 文件
              </Button>
              <Button
                variant="outlined"
                size="large"
                sx={{ textTransform: 'none' }}
                onClick={() => void exportPdf()}
                disabled={pdfBusy}
                data-testid="export-pdf-button"
                startIcon={pdfBusy ? <CircularProgress size={18} color="inherit" /> : undefined}
              >
                导出 PDF
              </Button>
            </Stack>
            {missingLetterhead && !doc.letterhead.issuer.trim() && doc.letterhead.docNumber.trim() && (
              <Alert severity="info" sx={{ mt: 2 }}>
                红头的发文机关标志没有填写，暂用机关名称。需要“××人民政府文件”字样的，请在「基本信息」一步填写。
              </Alert>
            )}
            {notFinal.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }} data-testid="export-not-final">
                现在只能导出草稿（每页标「草稿」，不能用印发布）：
                <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
                  {notFinal.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </Box>
                {!doc.date && <>草稿的落款印作“{doc.year + 1}年　　月　　日”。</>}
              </Alert>
            )}
            <BlankCellsQuestion doc={doc} />
            {errors.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                报告还有 {errors.length} 处错误，现在导出的文件会标为「草稿」，不能用印发布。
              </Alert>
            )}
            {notice && (
              <Alert severity={notice.severity} sx={{ mt: 2 }} data-testid="export-message" role="status">
                {notice.text}
              </Alert>
            )}
          </Paper>

          <ExportHistory records={records} loading={historyLoading} error={historyError} />
          <ReportPreview doc={doc} letterhead={letterhead} sealed={sealed} draft={willBeDraft} />
        </>
      )}
      {legacy && <ExportHistory records={records} loading={historyLoading} error={historyError} />}

      <Dialog open={confirmOpen} onClose={() => setConfirmOpen(false)} aria-labelledby="export-confirm-title" data-testid="export-confirm-dialog">
        <DialogTitle id="export-confirm-title">{errors.length > 0 ? '报告还有错误，确定导出草稿吗？' : '还不是正式文件，确定导出草稿吗？'}</DialogTitle>
        <DialogContent>
          {notFinal.length > 0 && (
            <Box component="ul" sx={{ pl: 3, mt: 0, mb: 1 }} data-testid="export-confirm-not-final">
              {notFinal.map((m) => (
                <li key={m}>
                  <Typography variant="body2">{m}</Typography>
                </li>
              ))}
            </Box>
          )}
          {errors.length > 0 && <DialogContentText sx={{ mb: 1 }}>下面 {errors.length} 处错误还没有改正：</DialogContentText>}
          <Box component="ul" sx={{ pl: 3, my: 0 }}>
            {errors.slice(0, 8).map((f, i) => (
              <li key={f.id ?? `${f.rule}-${i}`}>
                <Typography variant="body2">{f.message}</Typography>
              </li>
            ))}
          </Box>
          {errors.length > 8 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              ……另有 {errors.length - 8} 处，见「审核」一步。
            </Typography>
          )}
          <DialogContentText sx={{ mt: 2 }}>导出的文件名会带「草稿」，每页页眉标有「草稿」，不能作为用印发布的正式版本。改正后请重新导出。</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmOpen(false)}>先去改正</Button>
          <Button variant="contained" color="warning" onClick={() => void runExport()} data-testid="export-confirm">
            导出草稿
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
