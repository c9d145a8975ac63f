// Table 三 and the register, on the 三 step: whether the table was counted from the register or
// typed by hand, the button that counts it, and for the cell in focus “由台账计算（N 件）” with the
// applications behind it (clicking a cell lists them). A figure typed over a counted cell is
// warned by the rules (register.t3_disagrees), naming the same applications.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { RegisterEntry } from '../../../shared/register/api-spec';
import { computedCellNote } from '../../../shared/register/table3';
import type { ReportSession } from '../wizard/session';
import { useTopic } from '../wizard/hooks';
import { choicesFor } from './labels';

export function RegisterPanel(props: { session: ReportSession }) {
  const { session } = props;
  useTopic(session, 'focus');
  useTopic(session, 'doc');
  const doc = session.doc;
  // Counted from the applications only when table 三 is among the register's tables (t2/t4 may be alone).
  const summary = doc.register?.tables.includes('t3') ? doc.register : undefined;
  const [entries, setEntries] = useState<Map<string, RegisterEntry> | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [withNames, setWithNames] = useState(Boolean(summary?.applicants));
  const choices = choicesFor(doc.formatId === 'legacy' ? 'gov-2021' : doc.formatId);

  useEffect(() => {
    if (!summary) return;
    let live = true;
    void api.registerList({ year: doc.year }).then((r) => {
      if (live && r.ok) setEntries(new Map(r.value.entries.map((e) => [e.application.id, e])));
    });
    return () => {
      live = false;
    };
  }, [summary, doc.year]);

  const count = async () => {
    setBusy(true);
    setError('');
    // What is typed goes to the store first: the count then replaces table 三 as one change.
    await session.flush();
    const r = await api.registerApply({ reportId: session.id, includeNames: withNames });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    // The page reopens the report as stored, cells and summary together.
    window.location.reload();
  };

  const focused = session.focusedCell?.startsWith('t3.') ? session.focusedCell : null;
  const ids = focused && summary ? (summary.sources[focused] ?? []) : [];
  const computed = focused && summary && session.model?.byKey.get(focused) && !session.model.byKey.get(focused)!.derived;
  const typed = focused ? doc.cells[focused] : undefined;

  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5 }} data-testid="register-panel" data-register-source={summary ? 'register' : 'hand'}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flexGrow: 1 }}>
          {summary
            ? `表三由申请登记台账计算（计入 ${summary.counted} 件${summary.overdue.length ? `，其中逾期答复 ${summary.overdue.length} 件` : ''}）。点表中的格子，可查看计入该格的申请。`
            : '表三为手工填写。已在“申请登记台账”中登记申请的，可由台账计算表三：每一格都能查到计入的申请，勾稽关系自然平衡。'}
        </Typography>
        <FormControlLabel
          control={<Checkbox size="small" checked={withNames} onChange={(e) => setWithNames(e.target.checked)} />}
          label="报告文件中保留申请人姓名"
          title="默认不保留：报告文件只带登记编号和件数，不含个人姓名"
        />
        <Button variant={summary ? 'outlined' : 'contained'} size="small" disabled={busy || doc.formatId === 'legacy'} onClick={() => void count()}>
          {summary ? '重新从台账计算' : '从申请登记台账计算表三'}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {computed && (
        <Box sx={{ mt: 1 }} data-testid="cell-applications" data-cell-sources={focused}>
          <Typography variant="subtitle2">
            {session.model!.byKey.get(focused)!.label}：{computedCellNote(ids.length)}
            {typed !== undefined && typed !== ids.length ? `；现填 ${typed}，与台账不一致` : ''}
          </Typography>
          {ids.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 180, overflowY: 'auto', fontSize: 14 }}>
              {ids.map((id) => {
                const e = entries?.get(id);
                const a = e?.application;
                return (
                  <li key={id} data-source-id={id}>
                    {id}
                    {a
                      ? `：${a.receivedOn} 收到，${choices.typeLabel(a.applicantType)}${a.content ? `，${a.content}` : ''}${a.answeredOn ? `；${a.answeredOn} 答复，${choices.outcomeLabel(a.outcome)}` : '；办理中'}（${e!.deadline.label}）`
                      : ''}
                  </li>
                );
              })}
            </Box>
          )}
        </Box>
      )}
    </Paper>
  );
}

/** 表二 (规范性文件清单) and 表四 (案件登记): the table counted from its list, or typed by hand. */
export function ListTablePanel(props: { session: ReportSession; table: 't2' | 't4' }) {
  const { session, table } = props;
  useTopic(session, 'doc');
  const doc = session.doc;
  const counted = doc.register?.tables.includes(table) ?? false;
  const [error, setError] = useState('');
  const source = table === 't2' ? '规范性文件清单' : '复议、诉讼案件登记';
  const count = async () => {
    setError('');
    await session.flush();
    const r = await api.registerApplyTables({ reportId: session.id, tables: [table] });
    if (!r.ok) return setError(r.error.message);
    window.location.reload();
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5 }} data-testid={`list-panel-${table}`} data-register-source={counted ? 'register' : 'hand'}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flexGrow: 1 }}>
          {counted
            ? `${table === 't2' ? '“行政规范性文件”一行' : '本表'}由${source}计算。清单有变动时请重新计算。`
            : `本表为手工填写。在“申请登记台账 → 文件清单和案件”中登记后，可由${source}计算${table === 't2' ? '“行政规范性文件”一行' : ''}。`}
        </Typography>
        <Button size="small" variant="outlined" disabled={doc.formatId === 'legacy'} onClick={() => void count()}>
          {counted ? '重新计算' : `从${source}计算`}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Paper>
  );
}
