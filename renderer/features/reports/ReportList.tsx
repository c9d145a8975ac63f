// The first screen after setup: the unit, its reports by year, and the ways to start one
// (new, based on last year, imported) or to compare years.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Toolbar,
  Typography,
  Chip,
  Stack,
} from '@mui/material';
import { api } from '../../api/client';
import { formatForYear } from '../../../shared/formats/index';
import type { ReportSummary, Unit } from '../../../shared/report';
import type { ApiResult } from '../../../shared/api';
import { UNIT_KIND_LABELS } from '../../../shared/unit-kinds';
import { RESTORED_KEY } from '../backups/restored-key';
import { DueApplications } from '../register/DueApplications';

// The dialogs are loaded when first opened (and fetched in idle time after the list is shown):
// the first screen waits for none of them.
const loadUnitDialog = () => import('../unit/UnitDialog');
const loadImportDialog = () => import('../import/ImportDialog');
const loadHistoryView = () => import('../history/HistoryView');
const loadBackupsDialog = () => import('../backups/BackupsDialog');
const UnitDialog = lazy(() => loadUnitDialog().then((m) => ({ default: m.UnitDialog })));
const ImportDialog = lazy(() => loadImportDialog().then((m) => ({ default: m.ImportDialog })));
const HistoryView = lazy(() => loadHistoryView().then((m) => ({ default: m.HistoryView })));
const BackupsDialog = lazy(() => loadBackupsDialog().then((m) => ({ default: m.BackupsDialog })));
import { formatLabel, formatTime, statusLabel } from '../../labels';
import { defaultNewYear } from './new-year';

export function ReportList(props: {
  unit: Unit & { id: number };
  preloaded?: Promise<ApiResult<ReportSummary[]>> | null;
  onUnitSaved: (u: Unit & { id: number }) => void;
  onOpen: (id: number, step?: string) => void;
}) {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);
  const [importing, setImporting] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [editingUnit, setEditingUnit] = useState(false);
  const [backingUp, setBackingUp] = useState(false);
  // Set by the backup dialog just before it reloads the page after a restore.
  const [restored, setRestored] = useState(() => sessionStorage.getItem(RESTORED_KEY) ?? '');
  useEffect(() => sessionStorage.removeItem(RESTORED_KEY), []);

  // The list asked for while the page was starting is used once; every refresh asks again.
  const [preloaded] = useState(() => ({ promise: props.preloaded ?? null }));
  const refresh = useCallback(async () => {
    const pending = preloaded.promise;
    preloaded.promise = null;
    const r = await (pending ?? api.listReports({}));
    if (!r.ok) return setError(r.error.message);
    setError('');
    setReports([...r.value].sort((a, b) => b.year - a.year));
  }, []);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    const prefetch = () => void Promise.all([loadUnitDialog(), loadImportDialog(), loadHistoryView(), loadBackupsDialog()]).catch(() => undefined);
    const id = typeof requestIdleCallback === 'function' ? requestIdleCallback(prefetch, { timeout: 2000 }) : setTimeout(prefetch, 500);
    return () => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id as number) : clearTimeout(id as ReturnType<typeof setTimeout>));
  }, []);

  return (
    <Box sx={{ minHeight: '100vh' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            年报编制助手
          </Typography>
          <Typography variant="body2" data-testid="unit-name">
            {props.unit.name}
          </Typography>
          <Chip size="small" label={UNIT_KIND_LABELS[props.unit.kind]} sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,.6)' }} variant="outlined" />
          <Button color="inherit" onClick={() => setEditingUnit(true)}>
            机关信息
          </Button>
          <Button color="inherit" onClick={() => setBackingUp(true)}>
            数据备份
          </Button>
          <Button
            color="inherit"
            onClick={() => {
              window.location.hash = '#/register';
            }}
          >
            申请登记台账
          </Button>
          <Button
            color="inherit"
            onClick={() => {
              window.location.hash = '#/county';
            }}
          >
            县级审查
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ maxWidth: 1100, mx: 'auto', p: 3 }}>
        <Stack direction="row" spacing={1.5} sx={{ mb: 2, alignItems: 'center' }}>
          <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
            政府信息公开工作年度报告
          </Typography>
          <Button variant="outlined" onClick={() => setComparing(true)} disabled={!reports?.length}>
            历年对比
          </Button>
          <Button variant="outlined" onClick={() => setImporting(true)}>
            导入报告
          </Button>
          <Button variant="contained" onClick={() => setCreating(true)}>
            新建年度报告
          </Button>
        </Stack>
        <DueApplications
          onOpenRegister={(year) => {
            window.location.hash = `#/register/${year}`;
          }}
        />
        {restored && (
          <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setRestored('')} data-testid="restored-notice">
            已恢复到 {restored} 的备份。恢复前的数据已另存为一份备份，如需找回，可在“数据备份”中再恢复。
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} action={<Button onClick={() => void refresh()}>重试</Button>}>
            {error}
          </Alert>
        )}
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label="年度报告列表">
            <TableHead>
              <TableRow sx={{ '& th': { fontWeight: 600, bgcolor: 'grey.100' } }}>
                <TableCell width={110}>年度</TableCell>
                <TableCell>标题 / 格式</TableCell>
                <TableCell width={90}>状态</TableCell>
                <TableCell width={170}>最后修改</TableCell>
                <TableCell width={180} align="right">
                  操作
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reports?.map((r) => (
                <TableRow key={r.id} hover data-report-year={r.year} sx={{ cursor: 'pointer' }} onDoubleClick={() => props.onOpen(r.id)}>
                  <TableCell sx={{ fontWeight: 600, fontSize: 16 }}>{r.year} 年</TableCell>
                  <TableCell>
                    <Typography variant="body2">{r.title || '（未命名）'}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {formatLabel(r.formatId)}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={statusLabel(r.status)}
                      color={r.status === 'final' ? 'success' : 'default'}
                      variant={r.status === 'final' ? 'filled' : 'outlined'}
                    />
                  </TableCell>
                  <TableCell>{formatTime(r.updatedAt)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" variant="contained" onClick={() => props.onOpen(r.id)} aria-label={`打开${r.year}年报告`}>
                      打开
                    </Button>
                    <Button size="small" color="error" onClick={() => setDeleting(r)} sx={{ ml: 1 }} aria-label={`删除${r.year}年报告`}>
                      删除
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
              {reports && reports.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
                    还没有报告。点“新建年度报告”开始编写，或点“导入报告”读入以前在 Word/WPS 里写好的报告。
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>

      {creating && reports && <NewReportDialog reports={reports} onClose={() => setCreating(false)} onCreated={(id) => props.onOpen(id, 'basic')} />}
      {deleting && (
        <DeleteDialog
          report={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            void refresh();
          }}
        />
      )}
      <Suspense fallback={null}>
        {editingUnit && (
          <UnitDialog
            unit={props.unit}
            onClose={() => setEditingUnit(false)}
            onSaved={(u) => {
              setEditingUnit(false);
              props.onUnitSaved(u);
            }}
          />
        )}
        {backingUp && <BackupsDialog onClose={() => setBackingUp(false)} />}
        {importing && (
          <ImportDialog
            unitName={props.unit.name}
            open={importing}
            onClose={() => {
              setImporting(false);
              void refresh();
            }}
            onImported={(id) => {
              setImporting(false);
              props.onOpen(id, 'basic');
            }}
          />
        )}
      </Suspense>
      <Dialog open={comparing} onClose={() => setComparing(false)} maxWidth="lg" fullWidth>
        <DialogTitle>历年对比</DialogTitle>
        <DialogContent dividers>
          <Suspense fallback={null}>
            {comparing && (
              <HistoryView
                onOpen={(id) => {
                  setComparing(false);
                  props.onOpen(id);
                }}
              />
            )}
          </Suspense>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setComparing(false)}>关闭</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

function NewReportDialog(props: { reports: ReportSummary[]; onClose: () => void; onCreated: (id: number) => void }) {
  const [yearText, setYearText] = useState(() => String(defaultNewYear(props.reports)));
  const year = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : NaN;
  const previous = props.reports.find((r) => r.year === year - 1) ?? null;
  const [basedOn, setBasedOn] = useState(true);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  let problem = '';
  if (!Number.isFinite(year)) problem = '请填写4位数字的年度，例如 ' + (new Date().getFullYear() - 1);
  else if (year < 2019) problem = '2019年以前的报告没有全国统一格式，不能新建；可以用“导入报告”把以前的报告保存进来。';
  else if (year > new Date().getFullYear()) problem = `${year}年还没有到，不能编写该年度的报告。`;
  else if (props.reports.some((r) => r.year === year)) problem = `已有${year}年的报告，请在列表中直接打开它。`;
  const format = Number.isFinite(year) ? formatForYear(year) : null;

  const create = async () => {
    if (problem || !format) return;
    setBusy(true);
    const r = await api.createReport({ year, formatId: format.id, basedOnId: previous && basedOn ? previous.id : null });
    setBusy(false);
    if (!r.ok) return setFailure(r.error.message);
    props.onCreated(r.value.id);
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <DialogTitle>新建年度报告</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            label="报告年度"
            value={yearText}
            onChange={(e) => {
              setYearText(e.target.value);
              setFailure('');
            }}
            error={!!problem && yearText !== ''}
            helperText={problem || '报告的是哪一年的工作，一般为上一年'}
            sx={{ mt: 1, width: 260 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-field': 'new.year' } }}
          />
          {format && !problem && (
            <DialogContentText sx={{ mt: 1 }}>
              使用格式：{format.name}（{format.citation}）
            </DialogContentText>
          )}
          {previous && !problem && (
            <FormControlLabel
              sx={{ mt: 1, display: 'flex' }}
              control={<Checkbox checked={basedOn} onChange={(e) => setBasedOn(e.target.checked)} />}
              label={`以 ${previous.year} 年报告为基础（沿用机关信息和文字，表格重新填写，上年结转等数字自动带入）`}
            />
          )}
          {failure && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="submit" variant="contained" disabled={!!problem || busy}>
            创建
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function DeleteDialog(props: { report: ReportSummary; onClose: () => void; onDeleted: () => void }) {
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const del = async () => {
    setBusy(true);
    const r = await api.deleteReport({ id: props.report.id });
    setBusy(false);
    if (!r.ok) return setFailure(r.error.message);
    props.onDeleted();
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="xs" fullWidth>
      <DialogTitle>删除{props.report.year}年报告？</DialogTitle>
      <DialogContent>
        <DialogContentText>
          将删除“{props.report.title || `${props.report.year}年报告`}
          ”的全部文字和表格数据。删除前程序会自动备份一次：如删错了，可在“数据备份”中恢复标为“删除或替换报告前自动保存”的那一份（恢复的是删除这一刻的全部报告，之后的修改不在其中）。
        </DialogContentText>
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} autoFocus>
          取消
        </Button>
        <Button color="error" variant="contained" onClick={() => void del()} disabled={busy}>
          删除{props.report.year}年报告
        </Button>
      </DialogActions>
    </Dialog>
  );
}
