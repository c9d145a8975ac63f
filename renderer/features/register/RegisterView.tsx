// 申请登记台账: a year's applications (those received in the year and those carried into it), each
// with its answer deadline; add and edit by keyboard (Alt+N adds, Enter on a row edits), delete,
// import a clerk's Excel register, export the register as .xlsx.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { api, platform } from '../../api/client';
import type { RegisterListing } from '../../../shared/register/api-spec';
import type { Application } from '../../../shared/register/model';
import { ApplicationDialog } from './ApplicationDialog';
import { HolidaysDialog } from './HolidaysDialog';
import { ListsDialog } from './ListsDialog';
import { RegisterImportDialog } from './RegisterImportDialog';
import { choicesFor } from './labels';
import { VirtualRows } from './VirtualRows';

const LIST_HEIGHT = 540;

export default function RegisterView(props: { year: number; onYear: (year: number) => void; onClose: () => void }) {
  const { year } = props;
  const [listing, setListing] = useState<RegisterListing | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [selected, setSelected] = useState(0);
  const [dialog, setDialog] = useState<{ editing: Application | null } | null>(null);
  const [deleting, setDeleting] = useState<Application | null>(null);
  const [importing, setImporting] = useState(false);
  const [holidays, setHolidays] = useState<number | null>(null);
  const [listsOpen, setListsOpen] = useState(false);
  const choices = useMemo(() => choicesFor(year), [year]);

  const load = useCallback(async () => {
    const r = await api.registerList({ year });
    if (!r.ok) return setError(r.error.message);
    setError('');
    setListing(r.value);
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N') && !dialog) {
        e.preventDefault();
        setDialog({ editing: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);

  const entries = listing?.entries ?? [];
  /** The next free 登记编号 of the year, counting those just saved (the list may not have caught up). */
  const nextId = (justSaved: readonly string[] = []) => {
    let max = 0;
    for (const id of [...entries.map((e) => e.application.id), ...justSaved]) {
      const m = new RegExp(`^${year}-(\\d+)$`).exec(id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `${year}-${String(max + 1).padStart(3, '0')}`;
  };

  const exportXlsx = async () => {
    const r = await api.registerExportXlsx({ year });
    if (!r.ok) return setError(r.error.message);
    const saved = await platform.trySaveFile(r.value.fileName, r.value.base64, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    if (!saved.ok) return setError(saved.error.message);
    if (saved.value.saved) setNotice(`台账已导出为 ${r.value.fileName}。`);
  };

  const overdue = entries.filter((e) => e.deadline.state === 'overdue' || e.deadline.state === 'answered_late').length;
  const open = entries.filter((e) => !e.application.answeredOn).length;

  return (
    <Box sx={{ minHeight: '100vh' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Button color="inherit" onClick={props.onClose}>
            ← 返回报告列表
          </Button>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            政府信息公开申请登记台账
          </Typography>
        </Toolbar>
      </AppBar>
      <Box sx={{ maxWidth: 1200, mx: 'auto', p: 3 }}>
        <Stack direction="row" spacing={1.5} sx={{ mb: 2, alignItems: 'center' }}>
          <TextField
            label="年度"
            size="small"
            type="number"
            value={year}
            onChange={(e) => {
              const y = Number(e.target.value);
              if (Number.isInteger(y) && y >= 2008 && y <= 2100) props.onYear(y);
            }}
            sx={{ width: 110 }}
          />
          <Typography variant="body2" sx={{ flexGrow: 1 }} data-testid="register-counts">
            {listing ? `共 ${entries.length} 件（含上年结转），办理中 ${open} 件${overdue ? `，逾期 ${overdue} 件` : ''}` : '正在载入…'}
          </Typography>
          <Button variant="outlined" onClick={() => setListsOpen(true)}>
            文件清单和案件
          </Button>
          <Button variant="outlined" onClick={() => setHolidays(listing?.guessedYears[0] ?? year)}>
            节假日安排
          </Button>
          <Button variant="outlined" onClick={() => setImporting(true)}>
            从 Excel 导入
          </Button>
          <Button variant="outlined" onClick={() => void exportXlsx()} disabled={!entries.length}>
            导出 Excel
          </Button>
          <Button variant="contained" onClick={() => setDialog({ editing: null })}>
            登记申请（Alt+N）
          </Button>
        </Stack>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} action={<Button onClick={() => void load()}>重试</Button>}>
            {error}
          </Alert>
        )}
        {notice && (
          <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice('')}>
            {notice}
          </Alert>
        )}
        {listing && listing.guessedYears.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            程序还不知道 {listing.guessedYears.join('、')}{' '}
            年的法定节假日安排，这些年份的答复期限暂只扣除周末。国务院办公厅公布放假安排后，请在“节假日安排”中补充。
          </Alert>
        )}
        <VirtualRows
          entries={entries}
          height={LIST_HEIGHT}
          typeLabel={choices.typeLabel}
          outcomeLabel={choices.outcomeLabel}
          selected={Math.min(selected, Math.max(0, entries.length - 1))}
          onSelect={setSelected}
          onOpen={(i) => setDialog({ editing: entries[i]!.application })}
          onDelete={(i) => setDeleting(entries[i]!.application)}
        />
      </Box>
      {dialog && (
        <ApplicationDialog
          year={year}
          editing={dialog.editing}
          nextId={nextId}
          // The list is refreshed from the store, so it shows what was saved (and its deadline).
          onSaved={() => void load()}
          onClose={() => {
            setDialog(null);
            void load();
          }}
        />
      )}
      {holidays !== null && listing && (
        <HolidaysDialog
          year={holidays}
          arrangements={listing.arrangements}
          onClose={() => setHolidays(null)}
          onSaved={() => {
            setHolidays(null);
            setNotice(`${holidays}年节假日安排已保存，答复期限已按它重新计算。`);
            void load();
          }}
        />
      )}
      {listsOpen && <ListsDialog year={year} onClose={() => setListsOpen(false)} />}
      {importing && (
        <RegisterImportDialog
          year={year}
          onClose={() => setImporting(false)}
          onImported={(message) => {
            setImporting(false);
            setNotice(message);
            void load();
          }}
        />
      )}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)}>
        <DialogTitle>删除申请 {deleting?.id}？</DialogTitle>
        <DialogContent>
          <DialogContentText>删除后，这件申请不再计入表三。已按台账计算的报告，请在表三中重新计算。</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)} autoFocus>
            取消
          </Button>
          <Button
            color="error"
            onClick={async () => {
              const r = await api.registerDelete({ id: deleting!.id });
              setDeleting(null);
              if (!r.ok) return setError(r.error.message);
              void load();
            }}
          >
            删除
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
