// The register's rows, virtualised: only the rows in view (and a few either side) are in the page,
// absolutely placed in a box as tall as all of them, so 5,000 applications scroll like 50. The
// list is one tab stop; the arrow keys, Page Up/Down, Home and End move the selection, Enter opens
// the selected application, Delete offers to delete it.
import { useEffect, useRef, useState } from 'react';
import { Box, Chip } from '@mui/material';
import type { RegisterEntry } from '../../../shared/register/api-spec';
import { STATE_COLOR } from './labels';

export const ROW_HEIGHT = 36;
const OVERSCAN = 6;
const COLUMNS = '110px 100px 90px 70px minmax(120px, 1fr) 100px minmax(160px, 1.4fr) 150px';

export function VirtualRows(props: {
  entries: RegisterEntry[];
  height: number;
  typeLabel: (k: string) => string;
  outcomeLabel: (k: string) => string;
  selected: number;
  onSelect: (i: number) => void;
  onOpen: (i: number) => void;
  onDelete: (i: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const n = props.entries.length;
  const visible = Math.ceil(props.height / ROW_HEIGHT);
  const from = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const to = Math.min(n, Math.floor(top / ROW_HEIGHT) + visible + OVERSCAN);

  // Keep the selected row in view.
  useEffect(() => {
    const el = box.current;
    if (!el || props.selected < 0) return;
    const y = props.selected * ROW_HEIGHT;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT > el.scrollTop + props.height) el.scrollTop = y + ROW_HEIGHT - props.height;
  }, [props.selected, props.height]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const move = (i: number) => {
      e.preventDefault();
      if (n) props.onSelect(Math.max(0, Math.min(n - 1, i)));
    };
    const s = props.selected;
    if (e.key === 'ArrowDown') move(s + 1);
    else if (e.key === 'ArrowUp') move(s - 1);
    else if (e.key === 'PageDown') move(s + visible);
    else if (e.key === 'PageUp') move(s - visible);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === 'Enter' && s >= 0 && s < n) {
      e.preventDefault();
      props.onOpen(s);
    } else if (e.key === 'Delete' && s >= 0 && s < n) {
      e.preventDefault();
      props.onDelete(s);
    }
  };

  const rows = [];
  for (let i = from; i < to; i++) {
    const { application: a, deadline: d } = props.entries[i]!;
    rows.push(
      <Box
        key={a.id}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === props.selected}
        data-app-id={a.id}
        onClick={() => props.onSelect(i)}
        onDoubleClick={() => props.onOpen(i)}
        sx={{
          position: 'absolute',
          top: i * ROW_HEIGHT,
          left: 0,
          right: 0,
          height: ROW_HEIGHT,
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          alignItems: 'center',
          px: 1,
          gap: 1,
          fontSize: 14,
          borderBottom: '1px solid',
          borderColor: 'divider',
          bgcolor: i === props.selected ? 'action.selected' : undefined,
          cursor: 'default',
          '& > div': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        }}
      >
        <div role="cell">{a.id}</div>
        <div role="cell">{a.receivedOn}</div>
        <div role="cell">{props.typeLabel(a.applicantType)}</div>
        <div role="cell">{a.channel}</div>
        <div role="cell" title={a.content}>
          {a.content}
        </div>
        <div role="cell">{a.answeredOn}</div>
        <div role="cell" title={props.outcomeLabel(a.outcome)}>
          {a.outcome ? props.outcomeLabel(a.outcome) : '（办理中）'}
        </div>
        <div role="cell" data-deadline-state={d.state} title={d.due ? `答复期限 ${d.due}` : ''}>
          <Chip size="small" variant="outlined" color={STATE_COLOR[d.state] ?? 'default'} label={d.label} />
        </div>
      </Box>,
    );
  }

  return (
    <Box role="table" aria-label="申请登记台账" aria-rowcount={n + 1} sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
      <Box
        role="row"
        aria-rowindex={1}
        sx={{ display: 'grid', gridTemplateColumns: COLUMNS, px: 1, gap: 1, py: 0.75, fontWeight: 600, fontSize: 14, bgcolor: 'grey.100', pr: 3 }}
      >
        {['登记编号', '收到日期', '申请人类型', '方式', '申请内容', '答复日期', '办理结果', '答复期限'].map((h) => (
          <div key={h} role="columnheader">
            {h}
          </div>
        ))}
      </Box>
      <Box
        ref={box}
        tabIndex={0}
        data-testid="register-rows"
        aria-label="申请列表：上下方向键选择，Enter 修改，Delete 删除"
        onKeyDown={onKeyDown}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        sx={{ height: props.height, overflowY: 'auto', position: 'relative', outline: 'none', '&:focus-visible': { boxShadow: 'inset 0 0 0 2px #1565c0' } }}
      >
        <Box role="rowgroup" sx={{ height: n * ROW_HEIGHT, position: 'relative' }}>
          {rows}
        </Box>
        {n === 0 && (
          <Box sx={{ p: 4, textAlign: 'center', color: 'text.secondary', position: 'absolute', inset: 0 }}>
            这一年还没有登记申请。按“登记申请”（Alt+N）开始。
          </Box>
        )}
      </Box>
    </Box>
  );
}
