// 节假日安排 for a year the calendar does not know yet (the program is offline): the clerk copies
// the days from the State Council's notice — the 放假 days and the 调休上班 days — and the answer
// deadlines are reckoned on them from then on.
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { api } from '../../api/client';
import type { HolidayArrangement } from '../../../shared/register/deadline';
import { readDate } from '../../../shared/register/recognise-values';

/** Dates typed one per line or separated by 、，, — each as 2027-02-05, 2027年2月5日 or 2月5日. */
function readDates(text: string, year: number): { ok: true; dates: string[] } | { ok: false; message: string } {
  const dates: string[] = [];
  for (const part of text.split(/[\n,，、;；\s]+/).filter(Boolean)) {
    const m = readDate(part, year);
    if ('error' in m) return { ok: false, message: `“${part}”：${m.error}` };
    if (m.value) dates.push(m.value);
  }
  return { ok: true, dates: [...new Set(dates)].sort() };
}

export function HolidaysDialog(props: { year: number; arrangements: HolidayArrangement[]; onClose: () => void; onSaved: () => void }) {
  const existing = props.arrangements.find((a) => a.year === props.year);
  const [holidays, setHolidays] = useState(existing?.holidays.join('\n') ?? '');
  const [workdays, setWorkdays] = useState(existing?.workdays.join('\n') ?? '');
  const [error, setError] = useState('');

  const save = async () => {
    const h = readDates(holidays, props.year);
    if (!h.ok) return setError(`放假日期 ${h.message}`);
    const w = readDates(workdays, props.year);
    if (!w.ok) return setError(`调休上班日期 ${w.message}`);
    const r = await api.registerSaveHolidays({ arrangement: { year: props.year, holidays: h.dates, workdays: w.dates } });
    if (!r.ok) return setError(r.error.message);
    props.onSaved();
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.year}年节假日安排</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <DialogContentText>
            程序内置了国务院办公厅已公布年份的放假和调休安排。新的一年公布后，请按通知填写：放假的日子（含工作日）和调休上班的周末，每行一个或用顿号隔开，可写“2月5日”。清空两栏并保存即取消。
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <TextField label="放假日期" multiline minRows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
          <TextField label="调休上班日期" multiline minRows={2} value={workdays} onChange={(e) => setWorkdays(e.target.value)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button variant="contained" onClick={() => void save()}>
          保存
        </Button>
      </DialogActions>
    </Dialog>
  );
}
