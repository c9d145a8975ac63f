// A table of the report drawn from the format's printed layout (tableGrid): the official headers
// and merged row labels, one <input> per value cell. Spreadsheet habits: Enter/arrows move, Tab
// follows rows, a pasted block from Excel/WPS fills from the focused cell.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { styled } from '@mui/material/styles';
import type { GridCell } from '../../../shared/formats/grid';
import type { CellKind, FormatModel, TableId } from '../../../shared/formats/index';
import { cachedGrid, displayValue, navRows, parseTyped, planPaste, type NavCell, type PasteReport } from './grid-logic';
import { useCell } from './hooks';
import { SEVERITY_LABEL } from '../../labels';
import type { ReportSession } from './session';

const Frame = styled('div')(({ theme }) => ({
  // Separate borders (each cell draws its right and bottom edge): with collapsed borders Chromium
  // paints the body's borders and text over a sticky head.
  '& table': {
    borderCollapse: 'separate',
    borderSpacing: 0,
    borderTop: '1px solid #8f9aa7',
    borderLeft: '1px solid #8f9aa7',
    tableLayout: 'fixed',
    width: '100%',
    background: '#fff',
    fontSize: 13,
  },
  '& th, & td': { borderRight: '1px solid #8f9aa7', borderBottom: '1px solid #8f9aa7', padding: 0 },
  '& th': { fontWeight: 400, padding: '4px 6px', background: '#f4f6f9', lineHeight: 1.35 },
  '& th.h': { textAlign: 'center', fontWeight: 600 },
  '& th.cap': { textAlign: 'left', fontWeight: 600, background: '#e9edf3' },
  '& th.note': { fontSize: 12, color: '#333', textAlign: 'center' },
  '& th.r': { textAlign: 'left' },
  '& th.r1': { textAlign: 'center' },
  '& th.blank': { background: '#fafafa' },
  // Table 三's column headers stay on screen below the focus bar while the lower rows scroll by.
  '& thead.sticky': { position: 'sticky', top: 'var(--focus-bar-h, 54px)', zIndex: 2 },
  // Stuck, the head draws the table's top edge itself (the table's own border has scrolled away).
  '& thead.sticky tr:first-of-type th': { boxShadow: '0 -1px 0 #8f9aa7' },
  // Only the cell showing its error bubble is positioned: a positioned cell is a paint layer of its
  // own, and two hundred of them made every keystroke's frame walk two hundred layers.
  '& td': { height: 30, background: '#fff' },
  '& td.bub': { position: 'relative' },
  '& td.dc': { background: '#e6e9ee' },
  '& input.c': {
    display: 'block',
    width: '100%',
    height: 30,
    border: 0,
    margin: 0,
    padding: '0 8px',
    textAlign: 'right',
    font: 'inherit',
    fontSize: 14,
    fontVariantNumeric: 'tabular-nums',
    background: 'transparent',
    outline: 'none',
    color: '#111',
    // A figure changing inside one input must not re-lay out the whole table on every keystroke.
    contain: 'strict',
  },
  '& input.c.d': { color: '#30363d', fontWeight: 600, cursor: 'default' },
  '& td:focus-within': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2, background: '#eef4fc' },
  '& td.dc:focus-within': { background: '#dde5f0' },
  // Findings outline the whole cell (a tall row included): red for errors, orange for warnings.
  '& td.error': { boxShadow: 'inset 0 0 0 2px #d32f2f', background: '#fff1f1' },
  '& td.warning': { boxShadow: 'inset 0 0 0 2px #ed8b00', background: '#fff8ec' },
  '& td.rej': { boxShadow: 'inset 0 0 0 2px #d32f2f', backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 6px, rgba(211,47,47,.09) 6px 8px)' },
  '& .bubble': {
    position: 'absolute',
    top: '100%',
    right: -1,
    zIndex: 3,
    background: '#c62828',
    color: '#fff',
    fontSize: 12,
    lineHeight: 1.4,
    padding: '4px 8px',
    borderRadius: 3,
    width: 'max-content',
    maxWidth: 320,
    boxShadow: '0 2px 6px rgba(0,0,0,.25)',
    pointerEvents: 'none',
  },
}));

const ValueCell = memo(function ValueCell(props: { session: ReportSession; cell: string; kind: CellKind; derived: boolean; label: string; colSpan: number }) {
  const { session, cell, kind } = props;
  const snap = useCell(session, cell);
  const [editing, setEditing] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // A jump (定位, 去改正) to this cell: taken once the cell is on screen.
  useEffect(() => {
    const el = input.current;
    if (!snap.focusRequest || !el) return;
    session.takeFocusRequest({ cell });
    el.scrollIntoView({ block: 'center' });
    el.focus();
  }, [snap.focusRequest]);
  const atFocus = useRef<number | undefined>(undefined);
  // A click selects the whole figure (typing replaces it, as in a spreadsheet): the mouseup that
  // follows the focus would otherwise drop the selection.
  const justFocused = useRef(false);

  // A value changed from elsewhere (a paste, Escape) while this cell is being edited.
  useEffect(() => {
    if (editing === null || props.derived) return;
    const p = parseTyped(editing, kind);
    if (!p.ok || (p.value ?? undefined) !== snap.value) {
      if (p.ok) setEditing(displayValue(snap.value));
    }
  }, [snap.value]);

  const bubble = !!snap.rejected && editing !== null && !props.derived;
  const cls = [snap.rejected ? 'rej' : '', snap.severity === 'error' ? 'error' : snap.severity === 'warning' ? 'warning' : '', bubble ? 'bub' : '']
    .join(' ')
    .trim();
  const tip = [
    props.label,
    ...snap.findings.map((f) => `${SEVERITY_LABEL[f.severity]}：${f.message}`),
    snap.rejected ? `未接受“${snap.rejected.raw}”：${snap.rejected.message}` : '',
  ]
    .filter(Boolean)
    .join('\n');

  if (props.derived)
    return (
      <td className={`dc ${cls}`.trim()} colSpan={props.colSpan > 1 ? props.colSpan : undefined} title={tip}>
        <input
          ref={input}
          className="c d"
          data-cell={cell}
          aria-label={props.label}
          aria-readonly="true"
          readOnly
          tabIndex={-1}
          value={displayValue(snap.value ?? 0)}
          onFocus={() => session.setFocusedCell(cell)}
        />
      </td>
    );
  // A cell the import could not read (issue 21): shown as needing a figure, never as a blank 0.
  const unread = snap.value === undefined && snap.findings.some((f) => f.rule === 'review.unread_cells');
  return (
    <td className={cls || undefined} colSpan={props.colSpan > 1 ? props.colSpan : undefined} title={tip}>
      <input
        ref={input}
        className="c"
        data-cell={cell}
        data-unread={unread ? 'yes' : undefined}
        placeholder={unread ? '未读入' : undefined}
        aria-label={props.label}
        aria-invalid={snap.rejected || snap.severity === 'error' ? true : undefined}
        inputMode={kind === 'money' ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={editing ?? displayValue(snap.value)}
        onFocus={(e) => {
          atFocus.current = snap.value;
          setEditing(displayValue(snap.value));
          session.setFocusedCell(cell);
          e.currentTarget.select();
          justFocused.current = true;
        }}
        onMouseUp={(e) => {
          if (justFocused.current) {
            e.preventDefault();
            e.currentTarget.select();
          }
          justFocused.current = false;
        }}
        onBlur={() => {
          if (editing !== null) {
            const p = parseTyped(editing, kind);
            if (!p.ok && p.partial) session.rejectCell(cell, editing, p.message);
          }
          setEditing(null);
        }}
        onChange={(e) => {
          const raw = e.target.value;
          setEditing(raw);
          const p = parseTyped(raw, kind);
          if (p.ok) session.setCells({ [cell]: p.value });
          else {
            // While the entry is refused the cell keeps the value it had before this edit.
            session.setCells({ [cell]: atFocus.current ?? null });
            if (!p.partial) session.rejectCell(cell, raw, p.message);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            session.setCells({ [cell]: atFocus.current ?? null });
            session.clearRejected(cell);
            setEditing(displayValue(atFocus.current));
          }
        }}
      />
      {bubble && snap.rejected && (
        <Bubble cell={cell}>
          {snap.rejected.message}
          {snap.value !== undefined ? `（保留原值 ${snap.value}）` : '（未填写）'}
        </Bubble>
      )}
    </td>
  );
});

/**
 * The refused-entry bubble under its cell, right-aligned with it; when that would put its start
 * outside the scrolling page (under the step list), it opens to the right instead.
 */
function Bubble(props: { cell: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const page = el?.closest('#wizard-main') ?? document.documentElement;
    if (!el) return;
    const left = page.getBoundingClientRect().left;
    if (el.getBoundingClientRect().left < left + 4) {
      el.style.right = 'auto';
      el.style.left = '-1px';
    }
  });
  return (
    <div ref={ref} className="bubble" role="alert" data-cell-error={props.cell}>
      {props.children}
    </div>
  );
}

function LabelCell({ c }: { c: Extract<GridCell, { type: 'label' }> }) {
  const cls =
    c.role === 'header'
      ? 'h'
      : c.role === 'caption'
        ? 'cap'
        : c.role === 'note'
          ? 'note'
          : c.role === 'blank'
            ? 'blank'
            : c.level === 1 && c.rowSpan > 1
              ? 'r1'
              : 'r';
  return (
    <th
      className={cls}
      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
      scope={c.role === 'header' ? 'col' : c.role === 'row' ? 'row' : undefined}
    >
      {c.text}
    </th>
  );
}

export const TableGrid = memo(function TableGrid(props: {
  session: ReportSession;
  model: FormatModel;
  table: TableId;
  caption: string;
  onPaste: (r: PasteReport) => void;
}) {
  const { session, model } = props;
  const grid = cachedGrid(model.format, props.table);
  const frame = useRef<HTMLDivElement>(null);
  const nav = useRef<NavCell[][]>(null as unknown as NavCell[][]);
  if (!nav.current) nav.current = navRows(grid);

  const locate = useCallback((key: string) => {
    const rows = nav.current;
    for (let r = 0; r < rows.length; r++) {
      const c = rows[r].findIndex((x) => x.key === key);
      if (c >= 0) return { r, c, cell: rows[r][c] };
    }
    return null;
  }, []);

  const focusKey = (key: string) => {
    const el = frame.current?.querySelector<HTMLInputElement>(`[data-cell="${key}"]`);
    el?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLInputElement;
    const key = target.dataset?.cell;
    if (!key || e.altKey || e.ctrlKey || e.metaKey) return;
    const pos = locate(key);
    if (!pos) return;
    const rows = nav.current;
    // Read-only totals are passed over: the keys go from one blank to the next, like Tab.
    const vertical = (dir: 1 | -1) => {
      for (let r = pos.r + dir; r >= 0 && r < rows.length; r += dir) {
        const inputs = rows[r].filter((x) => !x.derived);
        const hit =
          inputs.find((x) => x.col <= pos.cell.col && pos.cell.col < x.col + x.span) ?? inputs.find((x) => x.col >= pos.cell.col) ?? inputs[inputs.length - 1];
        if (hit) return hit.key;
      }
      return null;
    };
    const across = (dir: 1 | -1) => {
      for (let c = pos.c + dir; c >= 0 && c < rows[pos.r].length; c += dir) if (!rows[pos.r][c].derived) return rows[pos.r][c].key;
      return null;
    };
    let next: string | null;
    // Left/right leave the cell when its figure is selected or the caret is at that edge; a
    // read-only total has nothing to edit, so they always move.
    const all = target.readOnly || (target.selectionStart === 0 && target.selectionEnd === target.value.length);
    if (e.key === 'Enter') next = vertical(e.shiftKey ? -1 : 1);
    else if (e.key === 'ArrowDown') next = vertical(1);
    else if (e.key === 'ArrowUp') next = vertical(-1);
    else if (e.key === 'ArrowLeft' && (all || target.selectionStart === 0)) next = across(-1);
    else if (e.key === 'ArrowRight' && (all || target.selectionEnd === target.value.length)) next = across(1);
    else return;
    e.preventDefault();
    if (next) focusKey(next);
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLInputElement;
    const key = target.dataset?.cell;
    const text = e.clipboardData.getData('text/plain');
    if (!key || !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return; // one value: the input takes it as typed
    e.preventDefault();
    props.onPaste(pasteBlock(session, model, nav.current, key, text));
  };

  // The header rows leading the table (table 三, 四) form its sticky head; table 二 repeats headers per block.
  const lead = grid.rows.findIndex((r) => r.kind !== 'header');
  const head = lead > 0 ? grid.rows.slice(0, lead) : [];
  const body = grid.rows.slice(head.length);
  const renderRow = (row: (typeof grid.rows)[number], i: number) => (
    <tr key={i} className={row.kind}>
      {row.cells.map((c, j) =>
        c.type === 'label' ? (
          <LabelCell key={j} c={c} />
        ) : (
          <ValueCell
            key={c.cell}
            session={session}
            cell={c.cell}
            kind={c.kind}
            derived={c.derived}
            colSpan={c.colSpan}
            label={model.byKey.get(c.cell)?.label ?? c.cell}
          />
        ),
      )}
    </tr>
  );

  return (
    <Frame ref={frame} onKeyDown={onKeyDown} onPaste={onPaste} data-table={props.table}>
      <table aria-label={props.caption}>
        <colgroup>
          {grid.columnWeights.map((w, i) => (
            <col key={i} style={{ width: `${(w * 100).toFixed(3)}%` }} />
          ))}
        </colgroup>
        {head.length > 0 && <thead className="sticky">{head.map(renderRow)}</thead>}
        <tbody>{body.map((row, i) => renderRow(row, i + head.length))}</tbody>
      </table>
    </Frame>
  );
});

/** Applies a planned paste: inputs stored at once, stated totals compared with the computed ones. */
function pasteBlock(session: ReportSession, model: FormatModel, rows: NavCell[][], startKey: string, text: string): PasteReport {
  const labelOf = (k: string) => model.byKey.get(k)?.label ?? k;
  const plan = planPaste(rows, startKey, text, labelOf);
  // Counted before storing: a figure placed is a number pasted into a cell; an empty field over a
  // filled cell clears it; an empty field over a blank cell does nothing and is not counted.
  const entries = Object.entries(plan.values);
  const filled = entries.filter(([, v]) => v !== null).length;
  const cleared = entries.filter(([k, v]) => v === null && session.doc.cells[k] !== undefined).length;
  session.setCells(plan.values);
  const problems = [...plan.problems];
  for (const t of plan.statedTotals) {
    const computed = session.derived[t.key] ?? 0;
    if (computed !== t.value)
      problems.push({ cell: t.key, text: `${labelOf(t.key)}：粘贴的合计 ${t.raw} 与按各项算出的 ${computed} 不一致；合计由程序计算，请核对各项数字。` });
  }
  return { filled, cleared, problems };
}
