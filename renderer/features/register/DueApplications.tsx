// The home screen's reminder: open applications due within 5 working days, and overdue ones, from
// the register of every year. Nothing is shown when none is due.
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { api } from '../../api/client';
import type { RegisterEntry } from '../../../shared/register/api-spec';

export function DueApplications(props: { onOpenRegister: (year: number) => void }) {
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  useEffect(() => {
    let live = true;
    void api.registerDue({}).then((r) => {
      if (live && r.ok) setEntries(r.value.entries);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!entries.length) return null;
  const overdue = entries.filter((e) => e.deadline.state === 'overdue').length;
  const year = Number(entries[0]!.application.receivedOn.slice(0, 4));
  return (
    <Alert
      severity={overdue ? 'error' : 'warning'}
      sx={{ mb: 2 }}
      data-testid="due-applications"
      action={
        <Button color="inherit" size="small" onClick={() => props.onOpenRegister(year)}>
          打开台账
        </Button>
      }
    >
      <AlertTitle>
        {overdue ? `有 ${overdue} 件申请已超过答复期限` : ''}
        {overdue && entries.length > overdue ? '，' : ''}
        {entries.length > overdue ? `${entries.length - overdue} 件申请 5 个工作日内到期` : ''}
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {entries.slice(0, 8).map((e) => (
          <li key={e.application.id} data-due-id={e.application.id}>
            {e.application.id}（{e.application.receivedOn} 收到{e.application.content ? `，${e.application.content}` : ''}）：答复期限 {e.deadline.due}，
            {e.deadline.label}
          </li>
        ))}
        {entries.length > 8 && <li>……另有 {entries.length - 8} 件，请打开台账查看</li>}
      </Box>
    </Alert>
  );
}
