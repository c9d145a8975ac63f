// 县级审查: the county 政务公开办's desk. Open a folder (or files) of the townships' reports; each
// is read and checked on the main side and kept in memory there, never in the clerk's reports.
// One row per file; the cross-unit comparisons; the county's sums; the workbook and opinions.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { api, platform } from '../../api/client';
import type { CountyReview, CountyUnitRow } from '../../../shared/county/types';
import { FORMATS, formatForYear, formatModel } from '../../../shared/formats/index';
import { formatCellValue } from '../../../shared/number';
import type { ReportDoc } from '../../../shared/report';
import { SEVERITY_LABEL, formatLabel } from '../../labels';
import { CountyReport, ReadOnlyTable } from './CountyReport';
import { displayName, isCountyFile, uploadChunks } from './files';

const CONTINUITY: Record<CountyUnitRow['continuity'], { label: string; color: 'success' | 'error' | 'default' }> = {
  ok: { label: '衔接一致', color: 'success' },
  mismatch: { label: '与上年不一致', color: 'error' },
  none: { label: '无上年报告', color: 'default' },
};

const SOURCE_LABEL: Record<string, string> = { 'nianbao-file': '报告文件', docx: 'Word', text: '网页文字' };

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
    const files = all.filter((f) => isCountyFile(displayName(f))).sort((a, b) => displayName(a).localeCompare(displayName(b), 'zh-CN'));
    if (all.length > 0 && files.length === 0)
      return setError('选中的文件里没有年度报告（*.nianbao.json、*.docx 或网页复制的 *.txt）。请选择装有各单位报告的文件夹。');
    if (files.length === 0) return;
    setError('');
    setNotice(all.length > files.length ? `已跳过 ${all.length - files.length} 个不是报告的文件（只读取 .nianbao.json、.docx、.txt）。` : '');
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

  const review = loaded?.review;
  const current = review?.rows.filter((r) => r.role === 'current') ?? [];
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
              {review.unreadable.length > 0 && `，${review.unreadable.length} 个文件无法读取`}
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
            accept=".json,.docx,.txt"
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
            <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', py: 1.5 }}>
              {tab === 0 && <UnitsTable review={review} onOpen={setOpen} onOpinion={(id) => void download('opinion', id)} />}
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

/** The few findings a county reviewer looks for first, as short tags in the row. */
const KEY_RULES: [string, string, 'error' | 'warning' | 'info'][] = [
  ['t3.balance', '勾稽不平衡', 'error'],
  ['review.outdated_format', '旧格式', 'error'],
  ['t3.carry_over', '结转不符', 'warning'],
  ['county.copied_text', '文字雷同', 'warning'],
  ['county.duplicate_unit', '重复报送', 'warning'],
  ['county.outlier', '数字异常', 'info'],
];

function keyFlags(r: CountyUnitRow): { label: string; color: 'error' | 'warning' | 'info' }[] {
  const rules = new Set(r.findings.map((f) => f.rule));
  const out = KEY_RULES.filter(([rule]) => rules.has(rule)).map(([, label, color]) => ({ label, color }));
  const otherErrors = r.findings.filter((f) => f.severity === 'error' && !KEY_RULES.some(([rule]) => rule === f.rule)).length;
  if (otherErrors) out.push({ label: `其他错误 ${otherErrors}`, color: 'error' });
  return out;
}

function UnitsTable(props: { review: CountyReview; onOpen(id: string): void; onOpinion(id: string): void }) {
  const { review } = props;
  const cell = { py: 0.5, px: 1 };
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="各单位报告" data-testid="county-units">
        <TableHead>
          <TableRow sx={{ '& th': { fontWeight: 600, bgcolor: 'grey.100', ...cell } }}>
            <TableCell>单位</TableCell>
            <TableCell>文件</TableCell>
            <TableCell>格式</TableCell>
            <TableCell align="center">年度</TableCell>
            <TableCell align="center">错误</TableCell>
            <TableCell align="center">警告</TableCell>
            <TableCell align="center">提示</TableCell>
            <TableCell>主要问题</TableCell>
            <TableCell>结转衔接</TableCell>
            <TableCell>成文日期</TableCell>
            <TableCell align="right">操作</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {review.rows.map((r) => (
            <TableRow
              key={r.entryId}
              hover
              data-testid="county-row"
              data-entry={r.entryId}
              data-unit={r.unitName}
              data-year={r.year}
              data-format={r.formatId}
              data-errors={r.errors}
              data-continuity={r.continuity}
              data-flags={[...new Set(r.findings.filter((f) => f.rule.startsWith('county.') || f.severity === 'error').map((f) => f.rule))].join(' ')}
              sx={{ cursor: 'pointer', '& td': cell, opacity: r.role === 'current' ? 1 : 0.75 }}
              onDoubleClick={() => props.onOpen(r.entryId)}
            >
              <TableCell sx={{ fontWeight: 600 }}>
                {r.unitName}
                {r.role !== 'current' && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {r.role === 'previous' ? '（上年报告）' : '（其他年度）'}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ maxWidth: 190, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.fileName}>
                {r.source && r.source !== 'nianbao-file' && (
                  <Chip size="small" label={SOURCE_LABEL[r.source]} variant="outlined" sx={{ mr: 0.5, height: 18 }} />
                )}
                {r.fileName}
              </TableCell>
              <TableCell data-col="format">
                <Typography variant="body2" color={r.formatId === formatForYear(r.year).id ? 'text.primary' : 'error'}>
                  {r.formatId === 'legacy' ? '旧格式' : FORMATS[r.formatId].citation}
                </Typography>
              </TableCell>
              <TableCell align="center" data-col="year">
                {r.year}
              </TableCell>
              <TableCell align="center" data-col="errors" sx={{ color: r.errors ? 'error.main' : undefined, fontWeight: r.errors ? 700 : 400 }}>
                {r.errors}
              </TableCell>
              <TableCell align="center" data-col="warnings" sx={{ color: r.warnings ? 'warning.dark' : undefined }}>
                {r.warnings}
              </TableCell>
              <TableCell align="center" data-col="info">
                {r.info}
              </TableCell>
              <TableCell data-col="flags">
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  {keyFlags(r).map((k) => (
                    <Chip key={k.label} size="small" label={k.label} color={k.color} variant="outlined" sx={{ height: 20 }} />
                  ))}
                </Stack>
              </TableCell>
              <TableCell data-col="continuity">
                <Chip
                  size="small"
                  label={CONTINUITY[r.continuity].label}
                  color={CONTINUITY[r.continuity].color}
                  variant={r.continuity === 'none' ? 'outlined' : 'filled'}
                />
              </TableCell>
              <TableCell data-col="date">{r.date || '—'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" variant="contained" onClick={() => props.onOpen(r.entryId)} aria-label={`查看${r.unitName}${r.year}年报告`}>
                  查看
                </Button>
                {r.role === 'current' && (
                  <Button size="small" sx={{ ml: 0.5 }} onClick={() => props.onOpinion(r.entryId)} aria-label={`导出${r.unitName}审查意见`}>
                    审查意见
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
          {review.unreadable.map((u) => (
            <TableRow key={u.entryId} data-testid="county-unreadable" sx={{ '& td': cell }}>
              <TableCell sx={{ color: 'error.main' }}>无法读取</TableCell>
              <TableCell>{u.fileName}</TableCell>
              <TableCell colSpan={9} sx={{ color: 'error.main' }}>
                {u.error}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function Comparisons(props: { review: CountyReview; onOpen(id: string): void }) {
  const list = props.review.comparisons;
  if (list.length === 0) return <Typography color="text.secondary">各单位之间没有发现雷同的段落，也没有明显偏离全县水平的数字。</Typography>;
  return (
    <Stack spacing={1} data-testid="county-comparisons">
      {list.map((c, i) => (
        <Box
          key={i}
          data-finding={c.rule}
          data-entry={c.entryId}
          data-other={c.other?.entryId}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.25 }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Chip size="small" label={c.rule === 'county.copied_text' ? '文字雷同' : '数字异常'} color={c.severity === 'warning' ? 'warning' : 'info'} />
            <Typography variant="subtitle2">
              {c.unitName}
              {c.other ? ` ↔ ${c.other.unitName}` : ''}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <Button size="small" onClick={() => props.onOpen(c.entryId)}>
              查看报告
            </Button>
          </Stack>
          {c.other ? (
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
              <Quote who={c.unitName} text={c.location?.quote ?? ''} />
              <Quote who={c.other.unitName} text={c.other.quote} />
            </Box>
          ) : (
            <Typography variant="body2">{c.message}</Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}

function Quote(props: { who: string; text: string }) {
  return (
    <Box sx={{ bgcolor: '#fff8ec', borderLeft: '3px solid #ed8b00', px: 1.25, py: 0.75 }} data-testid="county-quote">
      <Typography variant="caption" color="text.secondary">
        {props.who}
      </Typography>
      <Typography variant="body2">“{props.text}”</Typography>
    </Box>
  );
}

function Sums(props: { review: CountyReview }) {
  const { review } = props;
  return (
    <Stack spacing={2} data-testid="county-sums">
      <Alert severity="info" data-testid="county-sum-note">
        {review.sumNote}
      </Alert>
      {review.sums.map((s) => {
        const values: Record<string, string> = {};
        const format = FORMATS[s.formatId];
        const byKey = formatModel(s.formatId).byKey;
        for (const [k, v] of Object.entries(s.cells)) values[k] = formatCellValue(v, byKey.get(k)?.kind ?? 'count') || '0';
        const marks = new Map(s.findings.flatMap((f) => f.cells.map((c) => [c, f.severity] as const)));
        return (
          <Box key={s.formatId} data-testid={`county-sum-${s.formatId}`}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {formatLabel(s.formatId)}：{s.entryIds.length} 个单位
            </Typography>
            {s.findings.map((f, i) => {
              const cause = s.causes.find((c) => c.rule === f.rule);
              return (
                <Alert key={i} severity={f.severity} sx={{ my: 0.5, py: 0 }} data-finding={f.rule}>
                  {SEVERITY_LABEL[f.severity]}：{f.message}
                  {cause && (
                    <Box data-testid="county-sum-cause">
                      出自：{cause.entryIds.map((id) => review.rows.find((r) => r.entryId === id)?.unitName ?? id).join('、')}的报告。
                    </Box>
                  )}
                </Alert>
              );
            })}
            {(['t2', 't3', 't4'] as const).map((id) => (
              <Box key={id} sx={{ mt: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
                  {format[id].title}
                </Typography>
                <ReadOnlyTable formatId={s.formatId} id={id} values={values} marks={marks} testId={`county-sum-${s.formatId}-${id}`} />
              </Box>
            ))}
          </Box>
        );
      })}
    </Stack>
  );
}
