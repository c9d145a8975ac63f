// The wizard's 导出 step: the report as it will print, the 红头 choice, the export itself (with a
// confirmation naming the errors when the file can only be a 草稿), and the list of every export
// with its SHA-256, so the clerk can tell later which file was the one sealed.
import { useCallback, useEffect, useRef, useState } from 'react';
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
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import type { ExportRecord } from '../../../shared/api';
import type { Finding, ReportDoc } from '../../../shared/report';
import { api, platform } from '../../api/client';
import { ExportHistory } from './ExportHistory';
import { ReportPreview } from './ReportPreview';
import { FontCheck } from './FontCheck';
import { LetterheadOptions, type LetterheadPatch } from './LetterheadOptions';
import { draftReasons, printedDateProblem, reportContent } from '../../../shared/print/content';
import { BlankCellsNote, useBlankCellsQuestion } from './BlankCellsQuestion';
import { printDocumentHtml } from '../../../shared/print/html';
import { chineseDate } from '../../../shared/report';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCX_FILTERS = [{ name: 'Word 文档', extensions: ['docx'] }];

type Notice = { severity: 'success' | 'info' | 'error' | 'warning'; text: string } | null;

/** What 先去改正 goes to: the 成文日期, the 发文字号, or the errors (审核). */
export type DraftFix = 'date' | 'docNumber' | 'errors';

export function ExportStep(props: {
  reportId: number;
  doc: ReportDoc;
  findings: Finding[];
  final?: boolean;
  onFix?: (what: DraftFix) => void;
  /** 回去填写: the table step (`step`) with the blank cell `cell` focused */
  onFillCell?: (cell: string, step: string) => void;
  /** the 版记 fields of the 红头 options, saved with the report */
  onLetterhead?: (patch: LetterheadPatch) => void;
  /** sends pending edits (the 版记 typed here) before the exporter reads the stored report */
  flush?: () => Promise<unknown>;
}) {
  const { reportId, doc, findings } = props;
  const [letterhead, setLetterhead] = useState(doc.letterhead.enabled);
  const [sealed, setSealed] = useState(false);
  /** 双面打印: mirrored margins, so the 订口 of even pages is on the right (issue 22); starts from the unit's setting */
  const [duplex, setDuplex] = useState(false);
  const duplexTouched = useRef(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  /** which export the 草稿 confirmation is for */
  const [confirmKind, setConfirmKind] = useState<'docx' | 'pdf'>('docx');
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
  // A final export with blank table cells asks first (按 0 印出 or 回去填写); a 草稿 is not asked.
  const blanks = useBlankCellsQuestion(doc, (cell) => props.onFillCell?.(cell.key, cell.section));
  const firstFix: DraftFix = !legacy && !chineseDate(doc.date) ? 'date' : !legacy && letterhead && !doc.letterhead.docNumber.trim() ? 'docNumber' : 'errors';

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

  // 本单位公文双面打印 (机关信息) turns the switch on; the clerk may still change it for this export.
  useEffect(() => {
    let live = true;
    void api.getUnitSettings({}).then((r) => live && r.ok && !duplexTouched.current && setDuplex(r.value.duplex));
    return () => void (live = false);
  }, []);

  /** What the notice adds after a final export with blank cells confirmed as 0. */
  const zeroNote = (n: number | undefined) => (n ? `${n} 格未填，已按 0 印出（已记入导出记录）。` : '');

  const runExport = async (blankAsZero?: number) => {
    setConfirmOpen(false);
    setBusy(true);
    setNotice(null);
    try {
      await props.flush?.();
      const made = await api.exportDocx({ id: reportId, letterhead, sealed, duplex, blankAsZero });
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
          text: `${draft ? '已导出草稿' : '已导出'}：${saved.path || fileName}${saved.path ? '' : '（已交给浏览器下载）'}。${zeroNote(blankAsZero)}${draft ? '改正错误后请重新导出正式版本再用印。' : props.final ? '' : '报告定稿后，可在「基本信息」把“报告状态”改为“定稿”。'}`,
        });
      await loadHistory();
    } finally {
      setBusy(false);
    }
  };

  const onExportClick = () => {
    setConfirmKind('docx');
    if (willBeDraft) setConfirmOpen(true);
    else blanks.ask((n) => void runExport(n));
  };

  const onPdfClick = () => {
    setConfirmKind('pdf');
    if (willBeDraft) setConfirmOpen(true);
    else blanks.ask((n) => void exportPdf(n));
  };

  // A PDF is an export like the Word file: a 草稿 is confirmed first, and every one is recorded.
  const exportPdf = async (blankAsZero?: number) => {
    setConfirmOpen(false);
    setPdfBusy(true);
    setNotice(null);
    try {
      await props.flush?.();
      const recorded = await api.recordPdfExport({ id: reportId, letterhead, sealed, blankAsZero });
      if (!recorded.ok) {
        setNotice({ severity: 'error', text: recorded.error.message });
        return;
      }
      const { exportId, fileName, draft } = recorded.value;
      const content = reportContent(doc, { letterhead, sealed, duplex });
      const r = await platform.printPdf(fileName, printDocumentHtml(content, { draft, duplex }));
      if ('printView' in r)
        setNotice({
          severity: draft ? 'warning' : 'info',
          text: `已打开打印页面：在打印对话框的“目标打印机”中选择“另存为 PDF”即可保存，已记入导出记录。分页与下面的预览相同。${zeroNote(blankAsZero)}${draft ? '这是草稿，不能用印发布。' : ''}`,
        });
      else if (r.saved) {
        await api.confirmExport({ exportId, savedPath: r.path });
        setNotice({ severity: draft ? 'warning' : 'success', text: `已导出 PDF：${r.path}${draft ? '（草稿，不能用印发布）' : ''}。${zeroNote(blankAsZero)}` });
      } else setNotice({ severity: 'info', text: '已取消保存，没有写出 PDF 文件。' });
      await loadHistory();
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
              <FormControlLabel
                control={
                  <Switch
                    checked={duplex}
                    onChange={(e) => {
                      duplexTouched.current = true;
                      setDuplex(e.target.checked);
                    }}
                    slotProps={{ input: { 'aria-label': '双面打印' } }}
                    data-testid="duplex-switch"
                  />
                }
                label="双面打印（偶数页页边距左右对换）"
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
                onClick={onPdfClick}
                disabled={pdfBusy}
                data-testid="export-pdf-button"
                startIcon={pdfBusy ? <CircularProgress size={18} color="inherit" /> : undefined}
              >
                导出 PDF
              </Button>
            </Stack>
            {letterhead && props.onLetterhead && <LetterheadOptions doc={doc} duplex={duplex} onChange={props.onLetterhead} />}
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
            {!willBeDraft && <BlankCellsNote cells={blanks.blank} />}
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

          <FontCheck />
          <ExportHistory records={records} loading={historyLoading} error={historyError} />
          <ReportPreview doc={doc} letterhead={letterhead} sealed={sealed} duplex={duplex} draft={willBeDraft} />
        </>
      )}
      {legacy && <ExportHistory records={records} loading={historyLoading} error={historyError} />}

      {blanks.dialog}
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
          <Button
            onClick={() => {
              setConfirmOpen(false);
              // The 版记's 印发日期 is corrected here, in the 红头 options.
              if (firstFix === 'errors' && letterhead && printedDateProblem(doc))
                document.querySelector<HTMLInputElement>('[data-field="letterhead.printedDate.year"]')?.focus();
              else props.onFix?.(firstFix);
            }}
          >
            先去改正
          </Button>
          <Button variant="contained" color="warning" onClick={() => void (confirmKind === 'pdf' ? exportPdf() : runExport())} data-testid="export-confirm">
            {confirmKind === 'pdf' ? '导出草稿 PDF' : '导出草稿'}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
