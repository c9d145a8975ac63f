// One application, added or edited by keyboard: Tab moves through the fields in the order a clerk
// reads them off the paper form, Enter saves. Adding keeps the dialog open for the next one with the
// next 登记编号, so a pile of applications is typed in one go; Escape closes.
import { useRef, useState } from 'react';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import { api } from '../../api/client';
import { REQUEST_CHANNELS, type Application } from '../../../shared/register/model';
import { readDate } from '../../../shared/register/recognise-values';
import { choicesFor } from './labels';

type Draft = Record<
  | 'id'
  | 'receivedOn'
  | 'applicant'
  | 'content'
  | 'correctionAskedOn'
  | 'correctionReceivedOn'
  | 'extendedOn'
  | 'consultationFrom'
  | 'consultationTo'
  | 'answeredOn'
  | 'fee'
  | 'notes',
  string
> & { applicantType: string; channel: string; outcome: string; extended: boolean };

function draftOf(a: Application | null, id: string): Draft {
  return {
    id: a?.id ?? id,
    receivedOn: a?.receivedOn ?? '',
    applicant: a?.applicant ?? '',
    applicantType: a?.applicantType ?? 'natural_person',
    channel: a?.channel ?? '网络',
    content: a?.content ?? '',
    correctionAskedOn: a?.correctionAskedOn ?? '',
    correctionReceivedOn: a?.correctionReceivedOn ?? '',
    extended: a?.extended ?? false,
    extendedOn: a?.extendedOn ?? '',
    consultationFrom: a?.consultationFrom ?? '',
    consultationTo: a?.consultationTo ?? '',
    answeredOn: a?.answeredOn ?? '',
    outcome: a?.outcome ?? '',
    fee: a && a.fee ? String(a.fee) : '',
    notes: a?.notes ?? '',
  };
}

const DATE_FIELDS = ['receivedOn', 'correctionAskedOn', 'correctionReceivedOn', 'extendedOn', 'consultationFrom', 'consultationTo', 'answeredOn'] as const;
const DATE_LABELS: Record<(typeof DATE_FIELDS)[number], string> = {
  receivedOn: '收到日期',
  correctionAskedOn: '告知补正日期',
  correctionReceivedOn: '补正收到日期',
  extendedOn: '延期日期',
  consultationFrom: '征求意见开始',
  consultationTo: '征求意见结束',
  answeredOn: '答复日期',
};

/** The draft as an application, or the first thing wrong with it in Chinese. */
function toApplication(d: Draft, year: number): { ok: true; value: Application } | { ok: false; message: string } {
  const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
  for (const f of DATE_FIELDS) {
    const m = readDate(d[f].trim() || null, year);
    if ('error' in m) return { ok: false, message: `${DATE_LABELS[f]}：${m.error}` };
    dates[f] = m.value;
  }
  if (!dates.receivedOn) return { ok: false, message: '请填写收到日期，例如 2025-03-08 或 3月8日' };
  const fee = d.fee.trim() === '' ? 0 : Number(d.fee.normalize('NFKC'));
  if (!Number.isFinite(fee) || fee < 0) return { ok: false, message: '收费金额应为不小于 0 的数字（元）' };
  return {
    ok: true,
    value: {
      id: d.id.trim(),
      receivedOn: dates.receivedOn,
      applicant: d.applicant.trim(),
      applicantType: d.applicantType,
      channel: d.channel as Application['channel'],
      content: d.content.trim(),
      correctionAskedOn: dates.correctionAskedOn ?? '',
      correctionReceivedOn: dates.correctionReceivedOn ?? '',
      extended: d.extended,
      extendedOn: dates.extendedOn ?? '',
      consultationFrom: dates.consultationFrom ?? '',
      consultationTo: dates.consultationTo ?? '',
      answeredOn: dates.answeredOn ?? '',
      outcome: d.outcome,
      fee,
      notes: d.notes.trim(),
    },
  };
}

export function ApplicationDialog(props: {
  year: number;
  editing: Application | null;
  nextId: (justSaved: readonly string[]) => string;
  onSaved: (a: Application, previousId: string | null) => void;
  onClose: () => void;
}) {
  const { types, outcomes } = choicesFor(props.year);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.editing, props.nextId([])));
  const savedIds = useRef<string[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    if (busy) return;
    const app = toApplication(draft, props.year);
    if (!app.ok) return setError(app.message);
    setBusy(true);
    const previousId = props.editing ? props.editing.id : null;
    const r = await api.registerSave({ application: app.value, previousId });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError('');
    props.onSaved(r.value.application, previousId);
    if (props.editing) return props.onClose();
    setSaved(`已保存 ${r.value.application.id}（${r.value.deadline.due ? `答复期限 ${r.value.deadline.due}` : r.value.deadline.label}），可以接着登记下一件。`);
    savedIds.current.push(r.value.application.id);
    setDraft(draftOf(null, props.nextId(savedIds.current)));
    first.current?.focus();
  };

  const text = (key: keyof Draft, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      label={label}
      size="small"
      value={draft[key] as string}
      onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)}
      slotProps={{ htmlInput: { 'data-field': key } }}
      {...extra}
    />
  );
  const select = (key: 'applicantType' | 'channel' | 'outcome', label: string, options: { value: string; label: string }[]) => (
    <TextField
      select
      label={label}
      size="small"
      value={draft[key]}
      onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)}
      slotProps={{ select: { native: true }, htmlInput: { 'data-field': key } }}
      sx={{ minWidth: 160 }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="app-dialog-title">
      <DialogTitle id="app-dialog-title">{props.editing ? `修改申请 ${props.editing.id}` : '登记申请'}</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          // Enter on a list saves too, as in the text fields (the lists change with the arrow keys).
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <DialogContent dividers>
          <Stack spacing={1.5}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {saved && !error && (
              <Alert severity="success" role="status" data-testid="app-saved">
                {saved}
              </Alert>
            )}
            <Stack direction="row" spacing={1.5}>
              {text('receivedOn', '收到日期', { inputRef: first, autoFocus: true, placeholder: '2025-03-08', required: true })}
              {select(
                'applicantType',
                '申请人类型',
                types.map((t) => ({ value: t.key, label: t.label })),
              )}
              {select(
                'channel',
                '申请方式',
                REQUEST_CHANNELS.map((c) => ({ value: c, label: c })),
              )}
              {text('id', '登记编号')}
            </Stack>
            <Stack direction="row" spacing={1.5}>
              {text('applicant', '申请人（可不填）')}
              {text('content', '申请内容', { sx: { flexGrow: 1 } })}
            </Stack>
            <Stack direction="row" spacing={1.5}>
              {text('answeredOn', '答复日期（未答复不填）')}
              {select('outcome', '办理结果', [{ value: '', label: '（尚未答复）' }, ...outcomes.map((o) => ({ value: o.key, label: o.name }))])}
            </Stack>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              {text('correctionAskedOn', '告知补正日期')}
              {text('correctionReceivedOn', '补正收到日期')}
              <FormControlLabel control={<Checkbox checked={draft.extended} onChange={(e) => set({ extended: e.target.checked })} />} label="延期答复" />
              {text('extendedOn', '延期日期')}
            </Stack>
            <Stack direction="row" spacing={1.5}>
              {text('consultationFrom', '征求第三方意见开始')}
              {text('consultationTo', '征求第三方意见结束')}
              {text('fee', '收费（元）')}
              {text('notes', '备注', { sx: { flexGrow: 1 } })}
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Box sx={{ flexGrow: 1, pl: 2, color: 'text.secondary', fontSize: 13 }}>日期可写 2025-03-08、2025年3月8日或 3月8日；按 Enter 保存，Esc 关闭。</Box>
          <Button onClick={props.onClose}>{props.editing ? '取消' : '完成'}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            保存
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
