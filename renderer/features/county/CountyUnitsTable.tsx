// 县级审查's 各单位 tab: one row per report file with its counts, key problems, carry-over and actions.
import { Button, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { CountyReview, CountyUnitRow } from '../../../shared/county/types';
import { FORMATS, formatForYear } from '../../../shared/formats/index';
import { ACKNOWLEDGED_WORD } from '../../../shared/severity';
import { SEVERITY_LABEL } from '../../labels';
import { registerSourceText } from '../../../shared/register/schema';

const CONTINUITY: Record<CountyUnitRow['continuity'], { label: string; color: 'success' | 'error' | 'default' }> = {
  ok: { label: '衔接一致', color: 'success' },
  mismatch: { label: '与上年不一致', color: 'error' },
  none: { label: '无上年报告', color: 'default' },
};

const ROLE_NOTE: Record<Exclude<CountyUnitRow['role'], 'current'>, string> = {
  previous: '（上年报告）',
  other: '（其他年度）',
  duplicate: '（重复报送，未计入）',
};

const SOURCE_LABEL: Record<NonNullable<CountyUnitRow['source']>, string> = {
  'nianbao-file': '报告文件',
  docx: 'Word',
  doc: 'Word 97/WPS',
  pdf: 'PDF',
  html: '网页',
  text: '网页文字',
};

/** The few findings a county reviewer looks for first, as short tags in the row. */
const KEY_RULES: [string, string, 'error' | 'warning' | 'info'][] = [
  ['t3.balance', '勾稽不平衡', 'error'],
  ['review.outdated_format', '旧格式', 'error'],
  ['t3.carry_over', '结转不符', 'warning'],
  ['county.copied_text', '文字雷同', 'warning'],
  ['county.outlier', '数字异常', 'info'],
];

function keyFlags(r: CountyUnitRow): { label: string; color: 'error' | 'warning' | 'info' }[] {
  const rules = new Set(r.findings.filter((f) => !f.acknowledged).map((f) => f.rule));
  const out = KEY_RULES.filter(([rule]) => rules.has(rule)).map(([, label, color]) => ({ label, color }));
  const otherErrors = r.findings.filter((f) => f.severity === 'error' && !KEY_RULES.some(([rule]) => rule === f.rule)).length;
  if (otherErrors) out.push({ label: `其他错误 ${otherErrors}`, color: 'error' });
  return out;
}

export function UnitsTable(props: { review: CountyReview; onOpen(id: string): void; onOpinion(id: string): void }) {
  const { review } = props;
  const cell = { py: 0.5, px: 1 };
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="各单位报告" data-testid="county-units">
        <TableHead>
          <TableRow sx={{ '& th': { fontWeight: 600, bgcolor: 'grey.100', whiteSpace: 'nowrap', ...cell } }}>
            <TableCell>单位</TableCell>
            <TableCell>文件</TableCell>
            <TableCell>格式</TableCell>
            <TableCell align="center">年度</TableCell>
            <TableCell align="center">{SEVERITY_LABEL.error}</TableCell>
            <TableCell align="center">{SEVERITY_LABEL.warning}</TableCell>
            <TableCell align="center">{SEVERITY_LABEL.info}</TableCell>
            <TableCell align="center">{ACKNOWLEDGED_WORD}</TableCell>
            <TableCell>主要问题</TableCell>
            <TableCell>结转衔接</TableCell>
            <TableCell>成文日期</TableCell>
            <TableCell align="right">操作</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {review.rows.map((r) => (
            <TableRow
              key={r.entryId}
              hover
              data-testid="county-row"
              data-entry={r.entryId}
              data-unit={r.unitName}
              data-year={r.year}
              data-format={r.formatId}
              data-errors={r.errors}
              data-role={r.role}
              data-acknowledged={r.acknowledged}
              data-continuity={r.continuity}
              data-flags={[...new Set(r.findings.filter((f) => f.rule.startsWith('county.') || f.severity === 'error').map((f) => f.rule))].join(' ')}
              sx={{ cursor: 'pointer', '& td': cell, bgcolor: r.role === 'duplicate' ? '#fff8e1' : r.role === 'current' ? undefined : '#f5f6f8' }}
              onDoubleClick={() => props.onOpen(r.entryId)}
            >
              <TableCell sx={{ fontWeight: 600 }}>
                {r.unitName}
                {r.role !== 'current' && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {ROLE_NOTE[r.role]}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ maxWidth: 190, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.fileName}>
                {r.source && r.source !== 'nianbao-file' && (
                  <Chip size="small" label={SOURCE_LABEL[r.source]} variant="outlined" sx={{ mr: 0.5, height: 18 }} />
                )}
                {r.fileName}
              </TableCell>
              <TableCell data-col="format">
                <Typography variant="body2" color={r.formatId === formatForYear(r.year).id ? 'text.primary' : 'error'}>
                  {r.formatId === 'legacy' ? '旧格式' : FORMATS[r.formatId].citation}
                </Typography>
              </TableCell>
              <TableCell align="center" data-col="year">
                {r.year}
              </TableCell>
              <TableCell align="center" data-col="errors" sx={{ color: r.errors ? 'error.main' : undefined, fontWeight: r.errors ? 700 : 400 }}>
                {r.errors}
              </TableCell>
              <TableCell align="center" data-col="warnings" sx={{ color: r.warnings ? 'warning.dark' : undefined }}>
                {r.warnings}
              </TableCell>
              <TableCell align="center" data-col="info">
                {r.info}
              </TableCell>
              <TableCell align="center" data-col="acknowledged" title={r.acknowledged ? '报送单位已核实并写明理由的问题，点“查看”看理由' : undefined}>
                {r.acknowledged}
              </TableCell>
              <TableCell data-col="flags">
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  {keyFlags(r).map((k) => (
                    <Chip key={k.label} size="small" label={k.label} color={k.color} variant="outlined" sx={{ height: 20 }} />
                  ))}
                </Stack>
              </TableCell>
              <TableCell data-col="continuity">
                <Chip
                  size="small"
                  label={CONTINUITY[r.continuity].label}
                  color={CONTINUITY[r.continuity].color}
                  variant={r.continuity === 'none' ? 'outlined' : 'filled'}
                />
                {r.fromRegister.length > 0 && (
                  <Chip
                    size="small"
                    color="info"
                    variant="outlined"
                    sx={{ ml: 0.5 }}
                    data-from-register={r.fromRegister.join(',')}
                    label={registerSourceText(r.fromRegister)}
                  />
                )}
              </TableCell>
              <TableCell data-col="date">{r.date || '—'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" variant="contained" onClick={() => props.onOpen(r.entryId)} aria-label={`查看${r.unitName}${r.year}年报告`}>
                  查看
                </Button>
                {r.role === 'current' && (
                  <Button size="small" sx={{ ml: 0.5 }} onClick={() => props.onOpinion(r.entryId)} aria-label={`导出${r.unitName}审查意见`}>
                    审查意见
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
          {review.unreadable.map((u) => (
            <TableRow key={u.entryId} data-testid={u.notAReport ? 'county-not-a-report' : 'county-unreadable'} sx={{ '& td': cell }}>
              <TableCell sx={{ color: u.notAReport ? 'text.secondary' : 'error.main' }}>{u.notAReport ? '不是年度报告' : '无法读取'}</TableCell>
              <TableCell>{u.fileName}</TableCell>
              <TableCell colSpan={10} sx={{ color: u.notAReport ? 'text.secondary' : 'error.main' }}>
                {u.error}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
