// The two short lists that fill 表二's 行政规范性文件 row and table 四: the unit's normative documents
// (文号, 名称, 制发日期, 废止日期) and its 行政复议/行政诉讼 cases. Each is edited as rows and saved whole.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { api } from '../../api/client';
import { readDate } from '../../../shared/register/recognise-values';

type Row = Record<string, string>;
interface Column {
  key: string;
  label: string;
  date?: boolean;
  options?: { value: string; label: string }[];
  width?: number;
}

const DOCUMENT_COLUMNS: Column[] = [
  { key: 'number', label: '文号', width: 170 },
  { key: 'title', label: '文件名称', width: 260 },
  { key: 'issuedOn', label: '制发日期', date: true, width: 130 },
  { key: 'repealedOn', label: '废止日期（现行有效不填）', date: true, width: 170 },
];

const CASE_COLUMNS: Column[] = [
  { key: 'id', label: '案号或编号', width: 150 },
  {
    key: 'group',
    label: '类别',
    width: 170,
    options: [
      { value: 'review', label: '行政复议' },
      { value: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
      { value: 'litigation_after_review', label: '行政诉讼（复议后起诉）' },
    ],
  },
  { key: 'receivedOn', label: '收到日期', date: true, width: 130 },
  {
    key: 'result',
    label: '结果',
    width: 120,
    options: [
      { value: 'pending', label: '尚未审结' },
      { value: 'maintain', label: '结果维持' },
      { value: 'correct', label: '结果纠正' },
      { value: 'other', label: '其他结果' },
    ],
  },
  { key: 'decidedOn', label: '审结日期', date: true, width: 130 },
];

function emptyRow(cols: Column[]): Row {
  return Object.fromEntries(cols.map((c) => [c.key, c.options?.[0]?.value ?? '']));
}

/** Rows as the API takes them: dates read as typed; a row left empty is dropped. */
function toItems(rows: Row[], cols: Column[], year: number): { ok: true; items: Row[] } | { ok: false; message: string } {
  const items: Row[] = [];
  for (const [i, row] of rows.entries()) {
    if (cols.every((c) => c.options || !row[c.key]?.trim())) continue;
    const item: Row = {};
    for (const c of cols) {
      const v = (row[c.key] ?? '').trim();
      if (c.date) {
        const m = readDate(v || null, year);
        if ('error' in m) return { ok: false, message: `第 ${i + 1} 行 ${c.label}：${m.error}` };
        item[c.key] = m.value;
      } else item[c.key] = v;
    }
    items.push(item);
  }
  return { ok: true, items };
}

function RowsEditor(props: { cols: Column[]; rows: Row[]; onChange: (rows: Row[]) => void; name: string }) {
  const set = (i: number, key: string, value: string) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <Stack spacing={1}>
      {props.rows.map((row, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-list-row={i}>
          {props.cols.map((c) => (
            <TextField
              key={c.key}
              label={c.label}
              size="small"
              value={row[c.key] ?? ''}
              onChange={(e) => set(i, c.key, e.target.value)}
              select={Boolean(c.options)}
              slotProps={c.options ? { select: { native: true } } : undefined}
              sx={{ width: c.width }}
            >
              {c.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </TextField>
          ))}
          <IconButton aria-label={`删除第 ${i + 1} 行`} onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}>
            ×
          </IconButton>
        </Stack>
      ))}
      <Box>
        <Button onClick={() => props.onChange([...props.rows, emptyRow(props.cols)])}>增加一{props.name}</Button>
      </Box>
    </Stack>
  );
}

export function ListsDialog(props: { year: number; onClose: () => void }) {
  const [tab, setTab] = useState(0);
  const [documents, setDocuments] = useState<Row[] | null>(null);
  const [cases, setCases] = useState<Row[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void api.registerLists({}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setDocuments(r.value.documents.map((d) => ({ ...d })));
      setCases(r.value.cases.map((c) => ({ ...c })));
    });
  }, []);

  const save = async () => {
    setError('');
    const cols = tab === 0 ? DOCUMENT_COLUMNS : CASE_COLUMNS;
    const read = toItems((tab === 0 ? documents : cases) ?? [], cols, props.year);
    if (!read.ok) return setError(read.message);
    const r =
      tab === 0
        ? await api.registerSaveDocuments({ documents: read.items as never })
        : await api.registerSaveCases({ cases: read.items.map((c) => (c.result === 'pending' ? { ...c, decidedOn: '' } : c)) as never });
    if (!r.ok) return setError(r.error.message);
    setNotice(`已保存 ${read.items.length} ${tab === 0 ? '件文件' : '件案件'}。在报告的表二、表四中可按清单计算。`);
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth>
      <DialogTitle>规范性文件清单和复议、诉讼案件</DialogTitle>
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} sx={{ px: 2 }}>
        <Tab label="行政规范性文件（表二）" />
        <Tab label="行政复议、行政诉讼（表四）" />
      </Tabs>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <Typography variant="body2" color="text.secondary">
            {tab === 0
              ? '逐件登记本单位制发的行政规范性文件，历年累积：本年制发、本年废止和现行有效件数按日期计算，现行有效自动承接上年。'
              : '逐件登记因政府信息公开被申请复议、提起诉讼的案件；尚未审结的案件结转下一年，审结后按结果计入审结那一年。'}
          </Typography>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {notice && !error && (
            <Alert severity="success" role="status">
              {notice}
            </Alert>
          )}
          {tab === 0 && documents && <RowsEditor cols={DOCUMENT_COLUMNS} rows={documents} onChange={setDocuments} name="件文件" />}
          {tab === 1 && cases && <RowsEditor cols={CASE_COLUMNS} rows={cases} onChange={setCases} name="件案件" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>关闭</Button>
        <Button variant="contained" onClick={() => void save()}>
          保存{tab === 0 ? '文件清单' : '案件登记'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
