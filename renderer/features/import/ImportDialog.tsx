// 导入报告: a report file (*.nianbao.json), a Word document made elsewhere, or text copied from a
// web page. What was read is previewed before anything is saved; an existing report of the same
// year is replaced only after the clerk says so.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { api, bytesToBase64, platform } from '../../api/client';
import type { ImportPreview } from '../../../shared/api';
import { FORMATS, isGovFormatId, SECTION_HEADINGS, SECTION_KEYS } from '../../../shared/formats/index';
import { ImportNotes } from './ImportNotes';
import { COUNTY_FILE_EXTENSIONS } from '../../../shared/county/files';
import { formatLabel, SEVERITY_LABEL, statusLabel } from '../../labels';

const FILE_FILTERS = [
  // The kinds the import reads, listed once for the import and the county's desk (.json covers .nianbao.json).
  { name: '年度报告（Word、WPS、PDF、网页、文本、报告文件）', extensions: COUNTY_FILE_EXTENSIONS.filter((e) => e !== '.nianbao.json').map((e) => e.slice(1)) },
];

const TABLE_NAMES: Record<'t2' | 't3' | 't4', string> = {
  t2: `表二 ${FORMATS['gov-2021'].t2.title}`,
  t3: `表三 ${FORMATS['gov-2021'].t3.title}`,
  t4: `表四 ${FORMATS['gov-2021'].t4.title}`,
};

const SOURCE_LABELS: Record<ImportPreview['source'], string> = {
  'nianbao-file': '报告文件（*.nianbao.json）',
  docx: 'Word 文档（.docx）',
  doc: '旧版 Word 或 WPS 文档（.doc、.wps）',
  pdf: 'PDF 文件',
  html: '保存的网页（.html、.mht）',
  text: '复制的文字',
};

/** The name without the usual 人民政府/办事处 ending, to tell a short form of one's own name from another unit's. */
function nameCore(name: string): string {
  return name.replace(/\s/g, '').replace(/(人民政府|街道办事处|办事处|政府)$/, '');
}

/** True when the report names a different 机关 (not just a shorter form of this one's name). */
export function isOtherUnit(reportUnit: string, ownUnit: string): boolean {
  const a = nameCore(reportUnit);
  const b = nameCore(ownUnit);
  if (!a || !b) return false;
  return !a.includes(b) && !b.includes(a);
}

export function ImportDialog(props: { open: boolean; onClose(): void; onImported(reportId: number): void; unitName?: string }) {
  const [tab, setTab] = useState<'file' | 'paste'>('file');
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);

  const reset = () => {
    setPreview(null);
    setError('');
    setReplaceConfirmed(false);
    setFileName('');
  };
  const close = () => {
    if (busy) return;
    reset();
    setPasted('');
    props.onClose();
  };

  const read = async (name: string, base64: string) => {
    setBusy(true);
    setError('');
    setPreview(null);
    setReplaceConfirmed(false);
    setFileName(name);
    try {
      const r = await api.importPreview({ fileName: name, base64 });
      if (!r.ok) setError(r.error.message);
      else setPreview(r.value);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async () => {
    setError('');
    const file = await platform.tryOpenFile(FILE_FILTERS);
    if (!file.ok) return setError(file.error.message);
    if (file.value) await read(file.value.fileName, file.value.base64);
  };

  const readPasted = async () => {
    if (!pasted.trim()) return setError('请先把报告的文字粘贴到框里（在网页上全选正文，复制后粘贴）。');
    await read('粘贴的文字.txt', bytesToBase64(new TextEncoder().encode(pasted)));
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError('');
    try {
      const r = await api.importCommit({ report: preview.report, replace: preview.existing !== null && replaceConfirmed });
      if (!r.ok) return setError(r.error.message);
      reset();
      setPasted('');
      props.onImported(r.value.id);
    } finally {
      setBusy(false);
    }
  };

  const canCommit = !!preview && !busy && (preview.existing === null || replaceConfirmed);

  return (
    <Dialog open={props.open} onClose={close} maxWidth="md" fullWidth data-testid="import-dialog">
      <DialogTitle>导入报告</DialogTitle>
      <DialogContent dividers>
        {!preview && (
          <>
            <Tabs value={tab} onChange={(_, v: 'file' | 'paste') => setTab(v)} sx={{ mb: 2 }}>
              <Tab value="file" label="选择文件" data-testid="import-tab-file" />
              <Tab value="paste" label="粘贴网页文字" data-testid="import-tab-paste" />
            </Tabs>
            {tab === 'file' ? (
              <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
                <Typography variant="body2" color="text.secondary">
                  可以导入：本程序导出的报告文件（*.nianbao.json），Word 或 WPS 保存的年度报告（.docx、.doc、.wps），门户网站上的 PDF
                  附件（.pdf），保存的网页（.html、.mht），从网页复制保存的文字（.txt）。
                </Typography>
                <Button variant="contained" onClick={chooseFile} disabled={busy} data-testid="import-choose-file">
                  选择文件…
                </Button>
              </Stack>
            ) : (
              <Stack spacing={1.5}>
                <Typography variant="body2" color="text.secondary">
                  在县政府网站上打开往年的年度报告，全选正文（含表格）复制，粘贴到下面。
                </Typography>
                <TextField
                  multiline
                  minRows={10}
                  maxRows={18}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  placeholder="在这里粘贴报告全文"
                  slotProps={{ htmlInput: { 'data-testid': 'import-paste', 'aria-label': '粘贴的报告文字' } }}
                />
                <Box>
                  <Button variant="contained" onClick={readPasted} disabled={busy} data-testid="import-read-paste">
                    读取粘贴的文字
                  </Button>
                </Box>
              </Stack>
            )}
          </>
        )}
        {busy && (
          <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
            <CircularProgress size={20} />
            <Typography variant="body2">正在读取{fileName ? `“${fileName}”` : ''}……</Typography>
          </Stack>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">
            {error}
          </Alert>
        )}
        {preview && (
          <PreviewPanel
            preview={preview}
            fileName={fileName}
            unitName={props.unitName}
            replaceConfirmed={replaceConfirmed}
            onReplaceConfirmed={setReplaceConfirmed}
          />
        )}
      </DialogContent>
      <DialogActions>
        {preview && (
          <Button onClick={reset} disabled={busy} data-testid="import-back">
            换一个文件
          </Button>
        )}
        <Button onClick={close} disabled={busy} data-testid="import-cancel">
          取消
        </Button>
        {preview && (
          <Button variant="contained" onClick={commit} disabled={!canCommit} data-testid="import-commit">
            {preview.existing ? `替换 ${preview.report.year} 年的报告` : `保存为 ${preview.report.year} 年的报告`}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function PreviewPanel(props: { preview: ImportPreview; fileName: string; unitName?: string; replaceConfirmed: boolean; onReplaceConfirmed(v: boolean): void }) {
  const { report, recognised, problems, findings, existing, source } = props.preview;
  const gov = isGovFormatId(report.formatId);
  const seen = new Set(recognised);
  // Figures first (stated totals that differ from the derived ones); text review comes later.
  const order = { error: 0, warning: 1, info: 2 } as const;
  const figureFindings = findings.filter((f) => f.cells.length > 0).sort((a, b) => order[a.severity] - order[b.severity]);
  const textFindings = findings.length - figureFindings.length;
  return (
    <Stack spacing={2} data-testid="import-preview">
      <Alert severity={problems.length ? 'warning' : 'success'}>
        {problems.length
          ? `已读取“${props.fileName}”，有 ${problems.length} 处没有完全读入，请看下面的说明，保存后在程序中补齐。`
          : `已完整读取“${props.fileName}”。请核对后保存。`}
      </Alert>
      {existing && (
        <Alert severity="warning" data-testid="import-existing">
          <Typography variant="body2" gutterBottom>
            {existing.year} 年已经有一份报告：“{existing.title || `${existing.year}年报告`}”（{statusLabel(existing.status)}，{formatLabel(existing.formatId)}
            ）。导入会用读取的内容替换这一年的报告，请确认后再保存。
          </Typography>
          <FormControlLabel
            control={
              <Checkbox checked={props.replaceConfirmed} onChange={(e) => props.onReplaceConfirmed(e.target.checked)} data-testid="import-confirm-replace" />
            }
            label={`我确认用导入的内容替换 ${existing.year} 年的报告`}
          />
        </Alert>
      )}
      {props.unitName && isOtherUnit(report.unit.name, props.unitName) && (
        <Alert severity="warning" data-testid="import-other-unit">
          这份报告的机关是“{report.unit.name}”，与本机关“{props.unitName}
          ”不同。保存后它会列入本机关的报告，参与历年对比和上年结转的核对。如果是别的单位的报告，请点“取消”；如果只是机关名称写法不同，可以保存后在“基本信息”中改正。
        </Alert>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Typography component="dt" color="text.secondary">
          来源
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {SOURCE_LABELS[source]}
        </Typography>
        <Typography component="dt" color="text.secondary">
          年度
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="import-year">
          {report.year} 年
        </Typography>
        <Typography component="dt" color="text.secondary">
          机关
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="import-unit">
          {report.unit.name}
        </Typography>
        <Typography component="dt" color="text.secondary">
          格式
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="import-format">
          {formatLabel(report.formatId)}
        </Typography>
        <Typography component="dt" color="text.secondary">
          标题
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {report.title}
        </Typography>
      </Box>

      <Box data-testid="import-recognised">
        <Typography variant="subtitle2" gutterBottom>
          识别到的内容
        </Typography>
        {source === 'nianbao-file' ? (
          <Typography variant="body2">报告文件包含完整的报告内容。</Typography>
        ) : gov ? (
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {SECTION_KEYS.map((k) => (
              <Chip
                key={k}
                size="small"
                color={seen.has(k) ? 'success' : 'default'}
                variant={seen.has(k) ? 'filled' : 'outlined'}
                label={`${seen.has(k) ? '✓' : '✗'} ${SECTION_HEADINGS[k]}`}
                data-recognised={seen.has(k) ? 'yes' : 'no'}
                data-part={k}
              />
            ))}
            {(['t2', 't3', 't4'] as const).map((t) => (
              <Chip
                key={t}
                size="small"
                color={seen.has(t) ? 'success' : 'default'}
                variant={seen.has(t) ? 'filled' : 'outlined'}
                label={`${seen.has(t) ? '✓' : '✗'} ${TABLE_NAMES[t]}`}
                data-recognised={seen.has(t) ? 'yes' : 'no'}
                data-part={t}
              />
            ))}
          </Stack>
        ) : (
          <Typography variant="body2">
            2019 年以前的报告：读到 {report.legacySections?.length ?? 0} 个部分的标题和正文，附表（统计表）中{' '}
            {Object.keys(report.indicators ?? {}).filter((k) => !k.endsWith('_cumulative')).length} 项指标。这类报告只用于历年对比。
          </Typography>
        )}
      </Box>

      {figureFindings.length > 0 && (
        <Box data-testid="import-findings">
          <Typography variant="subtitle2" gutterBottom>
            数字核对（原文中的总计与各项之和不一致、勾稽关系不平等，保存后可在“审核”中逐条处理）
          </Typography>
          <List dense disablePadding>
            {figureFindings.map((f, i) => (
              <ListItem key={`${f.rule}-${i}`} disableGutters data-rule={f.rule} data-severity={f.severity}>
                <ListItemText primary={`${SEVERITY_LABEL[f.severity]}：${f.message}`} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {textFindings > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="import-text-findings">
          另有 {textFindings} 条关于标题和文字的审核提示，保存后在“审核”中查看。
        </Typography>
      )}

      <ImportNotes notes={props.preview.notes ?? []} />
      {problems.length > 0 && (
        <Box data-testid="import-problems">
          <Typography variant="subtitle2" gutterBottom>
            请对照原文核对（以下内容没有完全读入，或是程序按原文推断的）
          </Typography>
          <List dense disablePadding>
            {problems.map((p, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={p} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}
