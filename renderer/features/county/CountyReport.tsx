// One unit's report as the county reads it: the findings beside the text, the quoted words
// highlighted where they stand, and the table cells the findings name outlined. The tables are
// drawn from the same printed layout as the wizard and the export (tableGrid via cachedGrid).
import { Fragment, useMemo, useState } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { styled } from '@mui/material/styles';
import type { CountyFinding, CountyUnitRow } from '../../../shared/county/types';
import { getFormat, isGovFormatId } from '../../../shared/formats/index';
import type { TableId } from '../../../shared/formats/index';
import { printedCells } from '../../../shared/print/content';
import type { ReportDoc } from '../../../shared/report';
import { cachedGrid } from '../wizard/grid-logic';
import { SEVERITY_LABEL, formatLabel } from '../../labels';
import { ACKNOWLEDGED_WORD, acknowledgedText } from '../../../shared/severity';

const SEVERITY_RANK: Record<CountyFinding['severity'], number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_COLOR = { error: 'error', warning: 'warning', info: 'info' } as const;

export const GridFrame = styled('div')({
  '& table': { borderCollapse: 'collapse', tableLayout: 'fixed', width: '100%', background: '#fff', fontSize: 12 },
  '& td': { border: '1px solid #8f9aa7', padding: '3px 5px', textAlign: 'center', lineHeight: 1.3 },
  '& td.lab': { background: '#f4f6f9' },
  '& td.row': { textAlign: 'left' },
  '& td.val': { fontVariantNumeric: 'tabular-nums' },
  '& td.error': { boxShadow: 'inset 0 0 0 2px #d32f2f', background: '#fff1f1' },
  '& td.warning': { boxShadow: 'inset 0 0 0 2px #ed8b00', background: '#fff8ec' },
  '& td.info': { boxShadow: 'inset 0 0 0 2px #0288d1', background: '#eef7fd' },
});

/** A table of the format with its printed values; cells named by findings carry the worst severity. */
export function ReadOnlyTable(props: {
  formatId: 'gov-2021' | 'gov-2019';
  id: TableId;
  values: Record<string, string>;
  marks?: Map<string, CountyFinding['severity']>;
  testId?: string;
}) {
  const grid = cachedGrid(getFormat(props.formatId), props.id);
  return (
    <GridFrame>
      <table data-testid={props.testId}>
        <colgroup>
          {grid.columnWeights.map((w, i) => (
            <col key={i} style={{ width: `${(w * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r}>
              {row.cells.map((c, k) =>
                c.type === 'value' ? (
                  <td
                    key={k}
                    colSpan={c.colSpan}
                    className={`val ${props.marks?.get(c.cell) ?? ''}`.trim()}
                    data-cell={c.cell}
                    data-severity={props.marks?.get(c.cell)}
                  >
                    {props.values[c.cell] ?? ''}
                  </td>
                ) : (
                  <td key={k} colSpan={c.colSpan} rowSpan={c.rowSpan} className={c.role === 'row' && (c.level ?? 1) > 1 ? 'lab row' : 'lab'}>
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </GridFrame>
  );
}

interface Range {
  start: number;
  end: number;
  severity: CountyFinding['severity'];
  rule: string;
  index: number;
}

/** A paragraph with the quoted ranges marked; overlapping ranges take the first (worst) finding. */
function MarkedText(props: { text: string; offset: number; ranges: Range[]; active: number | null }) {
  const { text, offset } = props;
  const parts: React.ReactNode[] = [];
  let pos = 0;
  const inside = props.ranges.filter((r) => r.end > offset && r.start < offset + text.length).sort((a, b) => a.start - b.start);
  for (const r of inside) {
    const s = Math.max(r.start - offset, pos);
    const e = Math.min(r.end - offset, text.length);
    if (e <= s) continue;
    if (s > pos) parts.push(text.slice(pos, s));
    parts.push(
      <Box
        component="mark"
        key={`${r.index}-${s}`}
        data-finding={r.rule}
        data-severity={r.severity}
        id={`county-mark-${r.index}`}
        sx={{
          bgcolor: r.severity === 'error' ? '#ffd6d6' : r.severity === 'warning' ? '#ffe9b8' : '#d7ecfb',
          outline: props.active === r.index ? '2px solid #1565c0' : 'none',
          borderRadius: '2px',
        }}
      >
        {text.slice(s, e)}
      </Box>,
    );
    pos = e;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

function sectionsOf(doc: ReportDoc): { key: string; heading: string; text: string; table?: TableId }[] {
  if (isGovFormatId(doc.formatId))
    return getFormat(doc.formatId).sections.map((s) => ({ key: s.key, heading: s.heading, text: doc.sections[s.key] ?? '', table: s.table }));
  return (doc.legacySections ?? []).map((s, i) => ({ key: `legacy.${i}`, heading: s.heading, text: s.text }));
}

/** One finding in the list: its severity (or 已核实 with the clerk's reason), the words, the other unit's quote. */
function FindingRow(props: { f: CountyFinding; index: number; active: boolean; onLocate(index: number, f: CountyFinding): void }) {
  const { f, index } = props;
  return (
    <Box
      data-finding={f.rule}
      data-severity={f.severity}
      data-acknowledged={f.acknowledged ? 'true' : undefined}
      onClick={() => props.onLocate(index, f)}
      sx={{
        display: 'flex',
        gap: 1,
        py: 0.75,
        px: 1,
        borderBottom: 1,
        borderColor: 'divider',
        cursor: 'pointer',
        bgcolor: props.active ? 'action.selected' : undefined,
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      <Chip
        size="small"
        label={f.acknowledged ? ACKNOWLEDGED_WORD : SEVERITY_LABEL[f.severity]}
        color={f.acknowledged ? 'default' : SEVERITY_COLOR[f.severity]}
        sx={{ minWidth: 48 }}
      />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
          {f.message}
        </Typography>
        {f.acknowledged && (
          <Typography variant="body2" sx={{ color: 'success.dark', mt: 0.25 }} data-testid="county-ack-reason">
            {acknowledgedText(f.acknowledged.reason)}
          </Typography>
        )}
        {f.other && (
          <Typography variant="caption" color="text.secondary" component="div" data-testid="county-other-quote">
            {f.other.unitName}（{f.other.fileName}）原文：“{f.other.quote}”
          </Typography>
        )}
      </Box>
    </Box>
  );
}

export function CountyReport(props: { row: CountyUnitRow; doc: ReportDoc }) {
  const { row, doc } = props;
  const [active, setActive] = useState<number | null>(null);
  const findings = useMemo(
    () => row.findings.map((f, index) => ({ f, index })).sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity]),
    [row],
  );
  const open = findings.filter(({ f }) => !f.acknowledged);
  const acknowledged = findings.filter(({ f }) => f.acknowledged);
  const ranges = useMemo(() => {
    const out = new Map<string, Range[]>();
    for (const { f, index } of findings) {
      if (!f.location || f.location.end <= f.location.start) continue;
      const list = out.get(f.location.section) ?? [];
      list.push({ start: f.location.start, end: f.location.end, severity: f.severity, rule: f.rule, index });
      out.set(f.location.section, list);
    }
    return out;
  }, [findings]);
  const marks = useMemo(() => {
    const m = new Map<string, CountyFinding['severity']>();
    for (const { f } of findings) for (const c of f.cells) if (!m.has(c)) m.set(c, f.severity);
    return m;
  }, [findings]);
  const values = useMemo(() => (isGovFormatId(doc.formatId) ? printedCells(getFormat(doc.formatId), doc.cells) : {}), [doc]);

  const locate = (index: number, f: CountyFinding) => {
    setActive(index);
    const target = f.location
      ? document.getElementById(`county-mark-${index}`)
      : f.cells[0]
        ? document.querySelector(`[data-testid="county-report-text"] [data-cell="${f.cells[0]}"]`)
        : null;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(300px, 38%) 1fr', gap: 2, height: '100%', minHeight: 0 }}
      data-testid="county-report"
      data-entry={row.entryId}
    >
      <Box sx={{ overflow: 'auto', pr: 1 }} data-testid="county-report-findings" tabIndex={0} role="region" aria-label="检查结果">
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {formatLabel(row.formatId)} · {row.year} 年 · {SEVERITY_LABEL.error} {row.errors} · {SEVERITY_LABEL.warning} {row.warnings} · {SEVERITY_LABEL.info}{' '}
          {row.info} · {ACKNOWLEDGED_WORD} {row.acknowledged}
        </Typography>
        {findings.length === 0 && <Typography color="text.secondary">没有发现问题。</Typography>}
        {open.map(({ f, index }) => (
          <FindingRow key={index} f={f} index={index} active={active === index} onLocate={locate} />
        ))}
        {acknowledged.length > 0 && (
          <Box data-testid="county-acknowledged" sx={{ mt: 1.5 }}>
            <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
              报送单位{ACKNOWLEDGED_WORD}的问题（{acknowledged.length}）：不计入上面的问题，请看理由是否成立
            </Typography>
            {acknowledged.map(({ f, index }) => (
              <FindingRow key={index} f={f} index={index} active={active === index} onLocate={locate} />
            ))}
          </Box>
        )}
        {row.problems.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2">读取时未能识别的内容</Typography>
            {row.problems.map((p, i) => (
              <Typography key={i} variant="body2" color="text.secondary">
                {p}
              </Typography>
            ))}
          </Box>
        )}
      </Box>
      <Box
        sx={{ overflow: 'auto', bgcolor: 'grey.100', p: 2, borderRadius: 1 }}
        data-testid="county-report-text"
        tabIndex={0}
        role="region"
        aria-label="报告原文"
      >
        <Box sx={{ bgcolor: '#fff', p: 3, maxWidth: 860, mx: 'auto', boxShadow: 1, fontSize: 15, lineHeight: 1.9 }}>
          <Typography variant="h6" component="h3" sx={{ textAlign: 'center', mb: 2 }}>
            {doc.title ? (
              <MarkedText text={doc.title} offset={0} ranges={ranges.get('title') ?? []} active={active} />
            ) : (
              `${doc.unit.name}${doc.year}年政府信息公开工作年度报告`
            )}
          </Typography>
          {sectionsOf(doc).map((s) => {
            let offset = 0;
            const table = s.table;
            return (
              <Box key={s.key} component="section" data-section={s.key} sx={{ mb: 2 }}>
                <Typography component="h4" sx={{ fontWeight: 700, mb: 0.5 }}>
                  {s.heading}
                </Typography>
                {s.text.split('\n').map((line, i) => {
                  const start = offset;
                  offset += line.length + 1;
                  if (!line.trim()) return <Fragment key={i} />;
                  return (
                    <Box component="p" key={i} sx={{ m: 0, textIndent: '2em' }}>
                      <MarkedText text={line} offset={start} ranges={ranges.get(s.key) ?? []} active={active} />
                    </Box>
                  );
                })}
                {table && (
                  <Box sx={{ mt: 1 }}>
                    <ReadOnlyTable
                      formatId={doc.formatId as 'gov-2021' | 'gov-2019'}
                      id={table}
                      values={values}
                      marks={marks}
                      testId={`county-table-${table}`}
                    />
                  </Box>
                )}
              </Box>
            );
          })}
          <Stack sx={{ alignItems: 'flex-end', mt: 2 }}>
            <Typography>{doc.signature || doc.unit.name}</Typography>
            <Typography data-testid="county-report-date">{doc.date || '（未写成文日期）'}</Typography>
          </Stack>
        </Box>
      </Box>
    </Box>
  );
}
