// 县级审查: the county 政务公开办's desk. Open a folder (or files) of the townships' reports; each
// is read and checked on the main side and kept in memory there, never in the clerk's reports.
// One row per file; the cross-unit comparisons; the county's sums; the workbook and opinions.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  Tab,
  Tabs,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { api, platform } from '../../api/client';
import type { CountyReview } from '../../../shared/county/types';
import type { ReportDoc } from '../../../shared/report';
import { CountyReport } from './CountyReport';
import { Comparisons } from './CountyComparisons';
import { Sums } from './CountySums';
import { Duplicates } from './CountyDuplicates';
import { UnitsTable } from './CountyUnitsTable';
import { displayName, uploadChunks } from './files';
import { COUNTY_FILE_EXTENSIONS, COUNTY_FILE_KINDS, isCountyFileName } from '../../../shared/county/files';

type Loaded = { review: CountyReview; docs: Record<string, ReportDoc> };

export default function CountyView(props: { onClose(): void }) {
  const [batchId, setBatchId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [tab, setTab] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [issuer, setIssuer] = useState(() => localStorage.getItem('nianbao.county.issuer') ?? '');
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  // Folder picking is not a standard attribute in React's types; set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);
  useEffect(() => localStorage.setItem('nianbao.county.issuer', issuer), [issuer]);

  const add = async (picked: FileList | null, fresh: boolean) => {
    const all = Array.from(picked ?? []);
    // Browsers list a folder in no particular order: read the files by name, as a file manager shows them.
    const files = all.filter((f) => isCountyFileName(displayName(f))).sort((a, b) => displayName(a).localeCompare(displayName(b), 'zh-CN'));
    if (all.length > 0 && files.length === 0)
      return setError('选中的文件里没有年度报告（*.nianbao.json、*.docx 或网页复制的 *.txt）。请选择装有各单位报告的文件夹。');
    if (files.length === 0) return;
    setError('');
    setNotice(all.length > files.length ? `已跳过 ${all.length - files.length} 个不是报告的文件。能读取的有：${COUNTY_FILE_KINDS}。` : '');
    let id = fresh ? null : batchId;
    if (fresh && batchId) void api.countyClose({ batchId });
    let done = 0;
    try {
      for await (const chunk of uploadChunks(files)) {
        setBusy(`正在读取报告（${done}/${files.length}）……`);
        const r = await api.countyAddFiles({ batchId: id, files: chunk });
        if (!r.ok) return setError(r.error.message);
        id = r.value.batchId;
        done += chunk.length;
      }
      setBatchId(id);
      setBusy('正在校验、比对、汇总……');
      const rv = await api.countyReview({ batchId: id! });
      if (!rv.ok) return setError(rv.error.message);
      setLoaded(rv.value);
    } catch (err) {
      setError(`读取文件时出错：${err instanceof Error ? err.message : String(err)}。请重新选择文件夹。`);
    } finally {
      setBusy('');
    }
  };

  const download = async (kind: 'workbook' | 'opinion', entryId?: string) => {
    if (!batchId) return;
    setError('');
    const r = kind === 'workbook' ? await api.countyWorkbook({ batchId }) : await api.countyOpinion({ batchId, entryId: entryId!, issuer });
    if (!r.ok) return setError(r.error.message);
    const xlsx = kind === 'workbook';
    const saved = await platform.saveFile(
      r.value.fileName,
      r.value.base64,
      [xlsx ? { name: 'Excel 工作簿', extensions: ['xlsx'] } : { name: 'Word 文档', extensions: ['docx'] }],
      xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    if (saved.saved) setNotice(`已保存“${r.value.fileName}”${saved.path ? `到 ${saved.path}` : ''}。`);
  };

  const keep = async (entryId: string) => {
    if (!batchId || !loaded) return;
    setBusy('正在按所选文件重新汇总……');
    try {
      const r = await api.countyKeep({ batchId, entryId });
      if (!r.ok) return setError(r.error.message);
      setLoaded({ ...loaded, review: r.value.review });
    } finally {
      setBusy('');
    }
  };

  const review = loaded?.review;
  const current = review?.rows.filter((r) => r.role === 'current') ?? [];
  // Files that are another document (a cover note) are listed apart from files that failed.
  const others = review?.unreadable.filter((u) => u.notAReport).length ?? 0;
  const failed = (review?.unreadable.length ?? 0) - others;
  const openRow = review?.rows.find((r) => r.entryId === open);

  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }} data-testid="county-view">
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 1.5 }}>
          <Button color="inherit" onClick={props.onClose}>
            ← 返回
          </Button>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            县级审查
          </Typography>
          <TextField
            size="small"
            placeholder="审查意见署名，如 清溪县人民政府办公室"
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 60, 'aria-label': '审查意见署名' } }}
            sx={{ width: 290, bgcolor: 'rgba(255,255,255,.95)', borderRadius: 1, '& input': { py: 0.6 } }}
          />
        </Toolbar>
      </AppBar>
      <Box sx={{ px: 3, pt: 2, flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Stack direction="row" spacing={1.5} sx={{ mb: 1.5, alignItems: 'center' }}>
          <Button variant="contained" onClick={() => folderInput.current?.click()} disabled={!!busy}>
            打开文件夹
          </Button>
          <Button variant="outlined" onClick={() => filesInput.current?.click()} disabled={!!busy}>
            {batchId ? '添加文件' : '选择文件'}
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          {review && (
            <Typography variant="body2" data-testid="county-summary">
              {review.year} 年度 {current.length} 份报告，{current.filter((r) => r.errors > 0).length} 份有错误
              {review.duplicates.length > 0 && `，${review.duplicates.length} 个单位重复报送（每个只计一份）`}
              {failed > 0 && `，${failed} 个文件无法读取`}
              {others > 0 && `，${others} 个文件不是年度报告（未计入）`}
            </Typography>
          )}
          <Button variant="contained" color="success" onClick={() => void download('workbook')} disabled={!review || !!busy} data-testid="county-workbook">
            导出汇总表（Excel）
          </Button>
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            data-testid="county-folder-input"
            onChange={(e) => {
              void add(e.target.files, true);
              e.target.value = '';
            }}
          />
          <input
            ref={filesInput}
            type="file"
            multiple
            hidden
            accept={COUNTY_FILE_EXTENSIONS.join(',')}
            data-testid="county-files-input"
            onChange={(e) => {
              void add(e.target.files, !batchId);
              e.target.value = '';
            }}
          />
        </Stack>
        {busy && (
          <Alert severity="info" icon={<CircularProgress size={18} />} sx={{ mb: 1 }} role="status">
            {busy}
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 1 }} onClose={() => setError('')}>
            {error}
          </Alert>
        )}
        {notice && (
          <Alert severity="success" sx={{ mb: 1 }} onClose={() => setNotice('')}>
            {notice}
          </Alert>
        )}
        {!review && !busy && (
          <Alert severity="info" sx={{ maxWidth: 860 }}>
            把各乡镇、街道报来的年度报告放在一个文件夹里（报告文件 .nianbao.json、Word 文档 .docx、从网站复制保存的 .txt 均可，
            可同时放入上一年度的报告以核对结转），点“打开文件夹”。程序逐份校验，比对各单位之间雷同的段落和异常数字，汇总全县数字， 可导出 Excel
            汇总表和给每个单位的《审查意见》。这些报告只在本次查看时读入，不会存入或改动本机的报告。
          </Alert>
        )}
        {review && (
          <>
            <Tabs
              value={tab}
              onChange={(_, v: number) => setTab(v)}
              sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40, '& .MuiTab-root': { minHeight: 40 } }}
            >
              <Tab label={`各单位（${review.rows.length + review.unreadable.length}）`} data-testid="county-tab-units" />
              <Tab label={`雷同与异常（${review.comparisons.length}）`} data-testid="county-tab-comparisons" />
              <Tab label="全县汇总" data-testid="county-tab-sums" />
            </Tabs>
            <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', py: 1.5 }} tabIndex={0} role="region" aria-label={['各单位', '雷同与异常', '全县汇总'][tab]}>
              {tab === 0 && (
                <>
                  <Duplicates review={review} busy={!!busy} onKeep={(id) => void keep(id)} />
                  <UnitsTable review={review} onOpen={setOpen} onOpinion={(id) => void download('opinion', id)} />
                </>
              )}
              {tab === 1 && <Comparisons review={review} onOpen={setOpen} />}
              {tab === 2 && <Sums review={review} />}
            </Box>
          </>
        )}
      </Box>
      <Dialog open={!!openRow} onClose={() => setOpen(null)} maxWidth={false} fullWidth slotProps={{ paper: { sx: { height: '92vh', maxWidth: 1320 } } }}>
        {openRow && loaded && (
          <>
            <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 1 }}>
              <Box sx={{ flexGrow: 1 }}>
                {openRow.unitName} {openRow.year} 年度报告
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                  {openRow.fileName}
                </Typography>
              </Box>
              <Button size="small" variant="outlined" onClick={() => void download('opinion', openRow.entryId)}>
                导出审查意见（Word）
              </Button>
              <IconButton aria-label="关闭" onClick={() => setOpen(null)}>
                ×
              </IconButton>
            </DialogTitle>
            <DialogContent dividers sx={{ minHeight: 0 }}>
              <CountyReport row={openRow} doc={loaded.docs[openRow.entryId]} />
            </DialogContent>
          </>
        )}
      </Dialog>
    </Box>
  );
}
