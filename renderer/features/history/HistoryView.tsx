// 历年对比: the unit's reports by year with their format, this year against last year figure by
// figure, and the key figures over the years as a small inline SVG chart (no chart library).
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { api, bytesToBase64, platform } from '../../api/client';
import { compareReports, KEY_FIGURE_IDS, KEY_FIGURE_LABELS, keyFiguresOverYears } from '../../../shared/history';
import type { FigureChange, KeyFigureId, YearFigures } from '../../../shared/history';
import { formatCellValue } from '../../../shared/number';
import type { ReportDoc, ReportSummary } from '../../../shared/report';
import { formatLabel, statusLabel } from '../../labels';

interface Loaded {
  summary: ReportSummary;
  doc: ReportDoc;
}

const TABLE_TITLES: Record<FigureChange['table'], string> = { t2: '表二', t3: '表三', t4: '表四', indicators: '附表指标' };

export function HistoryView(props: { onOpen(reportId: number): void }) {
  const [reports, setReports] = useState<Loaded[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  // A file that could not be saved is told here; the comparison itself stays on screen.
  const [saveFailure, setSaveFailure] = useState('');
  const [currentId, setCurrentId] = useState<number | ''>('');
  const [previousId, setPreviousId] = useState<number | ''>('');
  const [changedOnly, setChangedOnly] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const list = await api.listReports({});
      if (!list.ok) return !cancelled && setError(list.error.message);
      const loaded: Loaded[] = [];
      for (const summary of [...list.value].sort((a, b) => b.year - a.year)) {
        const r = await api.getReport({ id: summary.id });
        if (!r.ok) return !cancelled && setError(r.error.message);
        loaded.push({ summary, doc: r.value.doc });
      }
      if (cancelled) return;
      setReports(loaded);
      if (loaded[0]) {
        setCurrentId(loaded[0].summary.id);
        const prev = loaded.find((x) => x.doc.year === loaded[0].doc.year - 1) ?? loaded[1];
        setPreviousId(prev ? prev.summary.id : '');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const current = reports?.find((r) => r.summary.id === currentId);
  const previous = reports?.find((r) => r.summary.id === previousId);
  const rows = useMemo(() => {
    if (!current) return [];
    return compareReports(current.doc, previous?.doc).filter((r) => r.current !== undefined || r.previous !== undefined);
  }, [current, previous]);
  const shown = changedOnly ? rows.filter((r) => r.change !== 0) : rows;
  const series = useMemo(() => (reports ? keyFiguresOverYears(reports.map((r) => r.doc)) : []), [reports]);

  const exportFile = async (id: number) => {
    setNotice('');
    setSaveFailure('');
    const r = await api.exportReportFile({ id });
    if (!r.ok) return setSaveFailure(`报告文件没有生成：${r.error.message}`);
    const saved = await platform.trySaveFile(
      r.value.fileName,
      bytesToBase64(new TextEncoder().encode(r.value.content)),
      [{ name: '报告文件', extensions: ['json'] }],
      'application/json',
    );
    if (!saved.ok) return setSaveFailure(`报告文件没有保存成功：${saved.error.message}`);
    if (saved.value.saved) setNotice(saved.value.path ? `报告文件已保存到 ${saved.value.path}` : `已下载报告文件 ${r.value.fileName}`);
  };

  if (error)
    return (
      <Alert severity="error" data-testid="history-error">
        {error}
      </Alert>
    );
  if (!reports) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={20} />
        <Typography>正在读取历年报告……</Typography>
      </Stack>
    );
  }
  if (!reports.length) return <Typography data-testid="history-empty">还没有报告。新建或导入往年的报告后，这里会显示历年对比。</Typography>;

  return (
    <Stack spacing={3} data-testid="history-view">
      {notice && (
        <Alert severity="success" onClose={() => setNotice('')}>
          {notice}
        </Alert>
      )}
      {saveFailure && (
        <Alert severity="error" role="alert" onClose={() => setSaveFailure('')} data-testid="history-save-failure">
          {saveFailure}
        </Alert>
      )}
      <Box>
        <Typography variant="h6" component="h3" gutterBottom>
          各年度报告
        </Typography>
        <TableContainer>
          <Table size="small" data-testid="history-reports">
            <TableHead>
              <TableRow>
                <TableCell>年度</TableCell>
                <TableCell>格式</TableCell>
                <TableCell>状态</TableCell>
                <TableCell>标题</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reports.map(({ summary }) => (
                <TableRow key={summary.id} data-report-id={summary.id} data-year={summary.year}>
                  <TableCell>{summary.year}</TableCell>
                  <TableCell>{formatLabel(summary.formatId)}</TableCell>
                  <TableCell>{statusLabel(summary.status)}</TableCell>
                  <TableCell>{summary.title}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => props.onOpen(summary.id)} data-testid={`history-open-${summary.year}`}>
                      打开
                    </Button>
                    <Button
                      size="small"
                      onClick={() => void exportFile(summary.id)}
                      data-testid={`history-export-${summary.year}`}
                      title="把这份报告的全部内容存成一个文件（不是 Word），用于备份或拿到另一台电脑上用“导入报告”读入"
                    >
                      另存报告文件
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>

      <Box>
        <Typography variant="h6" component="h3" gutterBottom>
          主要数字历年变化
        </Typography>
        <KeyFigureChart series={series} hasLegacy={reports.some((r) => r.doc.formatId === 'legacy')} />
      </Box>

      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h3">
            逐项对比
          </Typography>
          <FormControl size="small" sx={{ minWidth: 140 }}>
            <InputLabel id="history-current-label">本年</InputLabel>
            <Select
              labelId="history-current-label"
              label="本年"
              value={currentId}
              onChange={(e) => setCurrentId(e.target.value as number)}
              data-testid="history-current"
            >
              {reports.map((r) => (
                <MenuItem key={r.summary.id} value={r.summary.id}>
                  {r.doc.year} 年
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" sx={{ minWidth: 140 }}>
            <InputLabel id="history-previous-label">对比年度</InputLabel>
            <Select
              labelId="history-previous-label"
              label="对比年度"
              value={previousId}
              onChange={(e) => setPreviousId(e.target.value as number | '')}
              data-testid="history-previous"
            >
              <MenuItem value="">（不对比）</MenuItem>
              {reports
                .filter((r) => r.summary.id !== currentId)
                .map((r) => (
                  <MenuItem key={r.summary.id} value={r.summary.id}>
                    {r.doc.year} 年
                  </MenuItem>
                ))}
            </Select>
          </FormControl>
          <FormControlLabel control={<Switch checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />} label="只看有变化的" />
        </Stack>
        {current && previous && current.doc.formatId !== previous.doc.formatId && (
          <Alert severity="info" sx={{ mb: 1 }}>
            两年的报告格式不同（{formatLabel(previous.doc.formatId)} → {formatLabel(current.doc.formatId)}），只有两种格式都有的项目才能对比。
          </Alert>
        )}
        {shown.length === 0 ? (
          <Typography color="text.secondary">{rows.length ? '两年的数字没有变化。' : '这一年的报告还没有填写表格数字。'}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: 480 }}>
            <Table size="small" stickyHeader data-testid="history-comparison">
              <TableHead>
                <TableRow>
                  <TableCell>表</TableCell>
                  <TableCell>项目</TableCell>
                  <TableCell align="right">{previous ? `${previous.doc.year} 年` : '上年'}</TableCell>
                  <TableCell align="right">{current ? `${current.doc.year} 年` : '本年'}</TableCell>
                  <TableCell align="right">变化</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((r) => (
                  <TableRow key={r.key} data-cell={r.key}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{TABLE_TITLES[r.table]}</TableCell>
                    <TableCell>{r.label}</TableCell>
                    <TableCell align="right">{r.previous === undefined ? '—' : formatCellValue(r.previous, r.kind, { grouping: true })}</TableCell>
                    <TableCell align="right">{r.current === undefined ? '—' : formatCellValue(r.current, r.kind, { grouping: true })}</TableCell>
                    <TableCell align="right" data-change={r.change ?? ''} sx={{ color: r.change ? (r.change > 0 ? 'success.main' : 'error.main') : undefined }}>
                      {r.change === undefined
                        ? '—'
                        : r.change === 0
                          ? '0'
                          : `${r.change > 0 ? '+' : '−'}${formatCellValue(Math.abs(r.change), r.kind, { grouping: true })}`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Box>
    </Stack>
  );
}

const COLORS: Record<KeyFigureId, string> = {
  newReceived: '#1565c0',
  carriedOver: '#6a1b9a',
  granted: '#2e7d32',
  review: '#e65100',
  litigation: '#c62828',
};

/** A line per key figure over the years; a year without the figure leaves a gap in its line. */
function KeyFigureChart(props: { series: YearFigures[]; hasLegacy: boolean }) {
  const { series } = props;
  const width = 640;
  const height = 240;
  const pad = { left: 44, right: 16, top: 16, bottom: 32 };
  const values = series.flatMap((s) => KEY_FIGURE_IDS.map((k) => s.figures[k]).filter((v): v is number => v !== undefined));
  if (!values.length)
    return (
      <Typography color="text.secondary" data-testid="history-chart-empty">
        各年度的报告还没有可对比的数字。
      </Typography>
    );
  const max = Math.max(1, ...values);
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * 4;
  const x = (i: number) => pad.left + (series.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (series.length - 1));
  const y = (v: number) => pad.top + (1 - v / top) * (height - pad.top - pad.bottom);
  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="主要数字历年变化图" data-testid="history-chart" style={{ maxWidth: width }}>
        {[0, 1, 2, 3, 4].map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t * step)} y2={y(t * step)} stroke="#e0e0e0" />
            <text x={pad.left - 6} y={y(t * step) + 4} textAnchor="end" fontSize="11" fill="#616161">
              {t * step}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <text key={s.year} x={x(i)} y={height - 10} textAnchor="middle" fontSize="11" fill="#616161">
            {s.year}
          </text>
        ))}
        {KEY_FIGURE_IDS.map((k) => {
          const segments: string[][] = [[]];
          series.forEach((s, i) => {
            const v = s.figures[k];
            if (v === undefined) segments.push([]);
            else segments[segments.length - 1].push(`${x(i)},${y(v)}`);
          });
          return (
            <g key={k} data-series={k}>
              {segments
                .filter((seg) => seg.length > 1)
                .map((seg, j) => (
                  <polyline key={j} points={seg.join(' ')} fill="none" stroke={COLORS[k]} strokeWidth="2" />
                ))}
              {series.map((s, i) =>
                s.figures[k] === undefined ? null : (
                  <circle key={s.year} cx={x(i)} cy={y(s.figures[k]!)} r="3.5" fill={COLORS[k]} data-year={s.year} data-value={s.figures[k]}>
                    <title>{`${s.year}年 ${KEY_FIGURE_LABELS[k]}：${s.figures[k]} 件`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mt: 0.5 }} aria-hidden>
        {KEY_FIGURE_IDS.map((k) => (
          <Stack key={k} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 3, bgcolor: COLORS[k] }} />
            <Typography variant="caption">{KEY_FIGURE_LABELS[k]}</Typography>
          </Stack>
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        年度没有连线的地方，是那一年的报告没有填写这个数字。
      </Typography>
      {props.hasLegacy && (
        <Typography variant="caption" color="text.secondary">
          2019 年以前的报告按附表中的“受理申请”“同意公开”“行政复议”“行政诉讼”指标显示；行政诉讼为未经复议直接起诉与复议后起诉之和。
        </Typography>
      )}
    </Box>
  );
}
