// Steps 二, 三, 四: the section's guidance, the official table, the cell in focus explained, and
// every finding of the table with the figure that fixes it.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert, AlertTitle, Box, Button, Paper, Typography } from '@mui/material';
import { styled } from '@mui/material/styles';
import type { FormatModel, SectionKey, TableId } from '../../../shared/formats/index';
import { useCell, useTopic, useTopicDeferred } from './hooks';
import type { ReportSession } from './session';
import { TableGrid } from './TableGrid';
import type { PasteReport } from './grid-logic';
import { FindingItem } from './FindingItem';
import { findingStep, isPremature } from './steps';
import { Guidance } from './Guidance';
import { presentFinding } from './finding-text';
import type { JumpTarget } from './types';
import { ListTablePanel, RegisterPanel } from '../register/RegisterPanel';

export function TableStep(props: { session: ReportSession; model: FormatModel; section: SectionKey; onJump: (t: JumpTarget) => void }) {
  const { session, model } = props;
  const [paste, setPaste] = useState<PasteReport | null>(null);
  const def = model.format.sections.find((s) => s.key === props.section);
  const table = def?.table;
  if (!def || !table) return null;
  const tableDef = model.format[table];

  return (
    <Box>
      <Typography variant="h5" component="h2">
        {def.heading}
      </Typography>
      <Box sx={{ my: 1.5 }}>
        <Guidance items={def.guidance} dense />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        直接输入数字，按 Enter 或方向键换格，Tab 沿行前进；可从 Excel/WPS 表格复制一块数字，点中起始格后按 Ctrl+V 粘贴。没有发生的事项填 0（留空的格子导出时印作
        0）；填完实际数字后，可点表格下方的按钮把其余空格一次填 0。灰色格为程序自动合计，不能输入。
      </Typography>
      {paste && (
        <Alert
          severity={paste.problems.length ? 'warning' : 'success'}
          onClose={() => setPaste(null)}
          sx={{ mb: 1 }}
          role={paste.problems.length ? 'alert' : 'status'}
          data-paste-report
        >
          <AlertTitle data-paste-count={paste.filled}>{pasteSummary(paste)}</AlertTitle>
          {paste.problems.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {paste.problems.map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      {table === 't3' ? <RegisterPanel session={session} /> : <ListTablePanel session={session} table={table} />}
      <FocusBar session={session} model={model} table={table} />
      <TableGrid session={session} model={model} table={table} caption={`${def.heading}：${tableDef.title}`} onPaste={setPaste} />
      <FillZeros session={session} model={model} table={table} />
      <RejectedList session={session} model={model} table={table} onJump={(cell) => props.onJump({ step: props.section, cell })} />
      <TableFindings session={session} section={props.section} onJump={props.onJump} />
    </Box>
  );
}

/** How a paste went: the figures really placed, the cells it cleared, what was left out. */
export function pasteSummary(p: PasteReport): string {
  const placed = p.filled ? `已填入 ${p.filled} 个数字` : '没有填入数字';
  const cleared = p.cleared ? `，清空 ${p.cleared} 格（粘贴内容在那里是空的）` : '';
  return `${placed}${cleared}${p.problems.length ? `，${p.problems.length} 处未采用：` : '。'}`;
}

/** What the cell in focus is, what it sums, and what is wrong with it. Sticky above the table. */
function FocusBar({ session, model, table }: { session: ReportSession; model: FormatModel; table: TableId }) {
  useTopic(session, 'focus');
  const key = session.focusedCell?.startsWith(`${table}.`) ? session.focusedCell : null;
  const bar = useRef<HTMLDivElement>(null);
  // The table's sticky header sits right under this bar, whose height follows its messages.
  useLayoutEffect(() => {
    const el = bar.current;
    const holder = el?.parentElement;
    if (!el || !holder) return;
    const measure = () => holder.style.setProperty('--focus-bar-h', `${el.offsetHeight}px`);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <Paper
      ref={bar}
      variant="outlined"
      sx={{ position: 'sticky', top: 0, zIndex: 4, px: 1.5, py: 0.75, mb: 1, minHeight: 46, bgcolor: '#fbfcfe' }}
      data-focus-bar
    >
      {key ? (
        <FocusDetails session={session} model={model} cell={key} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          点中一个格子，这里显示它的名称和检查结果。
        </Typography>
      )}
    </Paper>
  );
}

// The bar's lines are plain elements under one static class: the part that changes with every key
// (blank or filled, a refused entry) re-renders without styling work, and its fixed-height line
// keeps the table below from being laid out again.
const Details = styled('div')(({ theme }) => ({
  fontSize: 14,
  lineHeight: 1.43,
  '& .head': { display: 'flex', alignItems: 'center', columnGap: 8 },
  '& .label': { fontWeight: 600, flex: '0 1 auto', minWidth: 0 },
  '& .kind, & .state': { fontSize: 12, color: theme.palette.text.secondary },
  '& .kind': { flex: 'none' },
  // Sized by the row, not by its text: a change here lays out nothing around it.
  '& .state': {
    flex: '1 1 0',
    minWidth: '6em',
    height: 18,
    lineHeight: '18px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    contain: 'strict',
  },
  '& .error': { color: theme.palette.error.main },
  '& .warning': { color: '#9a5b00' },
  '& .info': { color: theme.palette.text.secondary },
}));

function FocusDetails({ session, model, cell }: { session: ReportSession; model: FormatModel; cell: string }) {
  useTopicDeferred(session, 'findings');
  const findings = session.findingsAt(cell).filter((f) => !isPremature(f, session.doc));
  const info = model.byKey.get(cell);
  const sum = model.derived.find((d) => d.key === cell);
  if (!info) return null;
  return (
    <Details>
      <div className="head">
        <span className="label">{info.label}</span>
        <span className="kind">
          {info.derived
            ? `自动合计${sum ? `（${sum.sumOf.length} 项之和）` : ''}`
            : info.kind === 'money'
              ? `单位：${info.unit}，可有小数（最多4位）`
              : info.kind === 'signed_count'
                ? `单位：${info.unit}，填整数，减少的写负数（如 -3）`
                : `单位：${info.unit}，填整数`}
        </span>
        <CellState session={session} model={model} cell={cell} />
      </div>
      <Rejected session={session} cell={cell} />
      {findings.map((f, i) => {
        const shown = presentFinding(f);
        return (
          <div key={i} className={f.severity}>
            {shown.message}
            {shown.expected !== undefined ? `（应为 ${shown.expected}）` : ''}
          </div>
        );
      })}
    </Details>
  );
}

/** The focused cell as typed: blank or not, and where 上年结转 comes from. Re-rendered per key. */
function CellState({ session, model, cell }: { session: ReportSession; model: FormatModel; cell: string }) {
  const snap = useCell(session, cell);
  // 上年结转 comes from last year's 结转下年度: say where the figure came from.
  const carried = /^t3\.carried_over\.(.+)$/.exec(cell);
  const previous = session.previous;
  const lastYear = carried && previous ? previous.cells[`t3.carried_forward.${carried[1]}`] : undefined;
  const carriedForwardLabel = model.format.t3.rows.find((r) => r.key === 'carried_forward')?.path.join('') ?? '';
  const state = [
    !snap.derived && snap.value === undefined ? '还没有填写（没有发生的请填 0）' : '',
    lastYear !== undefined && previous ? `${previous.year}年报告的“${carriedForwardLabel}”为 ${lastYear}，应与此相同` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className="state" title={state}>
      {state && `· ${state}`}
    </span>
  );
}

function Rejected({ session, cell }: { session: ReportSession; cell: string }) {
  const { rejected } = useCell(session, cell);
  if (!rejected) return null;
  return (
    <div className="error">
      “{rejected.raw}”未被接受：{rejected.message}
    </div>
  );
}

/**
 * Official tables have no blank cells: after typing what happened, the rest are 0 in one click.
 * The button stays in place once the table is full (saying so): Tab from the last blank lands on
 * it, and it must not vanish under the focus.
 */
function FillZeros({ session, model, table }: { session: ReportSession; model: FormatModel; table: TableId }) {
  useTopicDeferred(session, 'findings');
  useTopic(session, 'cells');
  // A refused entry stays for the clerk to correct; it is not silently replaced by 0.
  const blanks = () =>
    model.inputs.filter((c) => c.table === table && session.doc.cells[c.key] === undefined && !session.cellSnapshot(c.key).rejected).map((c) => c.key);
  const empty = blanks();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 1 }} data-fill-zeros={table} data-blanks={empty.length}>
      {/* The blanks are counted again on click: the figure typed last is stored when its cell loses focus. */}
      <Button
        size="small"
        variant="outlined"
        aria-disabled={empty.length === 0 ? true : undefined}
        onClick={() => {
          const now = blanks();
          if (now.length) session.setCells(Object.fromEntries(now.map((k) => [k, 0])));
        }}
      >
        {empty.length ? `其余 ${empty.length} 个空格填 0` : '本表没有空格了'}
      </Button>
      <Typography variant="body2" color="text.secondary">
        {empty.length ? '本表实际发生的数字都填好后再点；已填的数字不会改动。' : '每一格都已填写。'}
      </Typography>
    </Box>
  );
}

function RejectedList(props: { session: ReportSession; model: FormatModel; table: TableId; onJump: (cell: string) => void }) {
  useTopicDeferred(props.session, 'findings');
  const list = props.session.rejectedCells().filter((r) => r.key.startsWith(`${props.table}.`));
  if (!list.length) return null;
  return (
    <Alert severity="error" sx={{ mt: 1.5 }} data-rejected-list>
      <AlertTitle>以下输入未被接受，格子里保留的是原来的数字：</AlertTitle>
      {list.map((r) => (
        <Box key={r.key} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <span>
            {props.model.byKey.get(r.key)?.label ?? r.key}：“{r.raw}”——{r.message}
          </span>
          <Button size="small" onClick={() => props.onJump(r.key)}>
            去改正
          </Button>
          <Button size="small" color="inherit" onClick={() => props.session.clearRejected(r.key)}>
            忽略
          </Button>
        </Box>
      ))}
    </Alert>
  );
}

function TableFindings(props: { session: ReportSession; section: SectionKey; onJump: (t: JumpTarget) => void }) {
  const { session } = props;
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  const all = useMemo(() => session.findings.filter((f) => findingStep(f, session.doc) === props.section), [session.findings, props.section, session.doc]);
  // A column with only 上年结转 filled is not started: its balance is not an error yet.
  const findings = all.filter((f) => !isPremature(f, session.doc));
  const notStarted = all.length - findings.length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  // One message about 上年结转: brought in from last year's report and matching it, or not matching (the finding says which).
  const carryMismatch = all.some((f) => f.rule === 't3.carry_over');
  const carriedOk = !!session.previous && !carryMismatch;
  return (
    <Box sx={{ mt: 2 }} data-findings={props.section}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        本表检查结果
      </Typography>
      {notStarted > 0 && (
        <Alert severity="info" variant="outlined" sx={{ mb: 1 }} data-not-started data-carried={carriedOk ? 'ok' : carryMismatch ? 'mismatch' : 'none'}>
          {carriedOk ? '上年结转已从上年度报告带入；' : ''}
          {notStarted} 列还没有填写本年的数字，填好后这里显示勾稽关系的检查结果。
          {carryMismatch ? '上年结转与上年度报告不一致的，见下面的提示。' : ''}
        </Alert>
      )}
      {findings.length === 0 ? (
        notStarted ? null : (
          <Alert severity="success" variant="outlined">
            本表没有发现问题。
          </Alert>
        )
      ) : (
        <Paper variant="outlined">
          {errors > 0 && (
            <Typography variant="body2" sx={{ px: 1.5, pt: 1, color: 'error.main', fontWeight: 600 }}>
              有 {errors} 处错误需要改正后才能正式导出。
            </Typography>
          )}
          {findings.map((f, i) => {
            // 定位 goes to the finding's first cell (the balance: 本年新收).
            const target = presentFinding(f).target;
            return (
              <FindingItem
                key={`${f.rule}-${i}`}
                session={session}
                finding={f}
                onLocate={target ? () => props.onJump({ step: props.section, cell: target }) : undefined}
              />
            );
          })}
        </Paper>
      )}
    </Box>
  );
}
