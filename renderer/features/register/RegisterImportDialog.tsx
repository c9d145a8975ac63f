// Importing a clerk's Excel/CSV register: the file is read on the main side, then shown here for
// confirmation — which column was read as what, the values placed by a keyword (to check), the
// rows refused with the reason, the total/signature rows left out. Nothing is saved until 确认导入.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { api, platform } from '../../api/client';
import type { RegisterImportPreview } from '../../../shared/register/api-spec';

const FIELD_NAMES: Record<string, string> = {
  id: '登记编号',
  receivedOn: '收到日期',
  applicant: '申请人',
  applicantType: '申请人类型',
  channel: '申请方式',
  content: '申请内容',
  correctionAskedOn: '告知补正日期',
  correctionReceivedOn: '补正收到日期',
  extended: '延期',
  extendedOn: '延期日期',
  consultationFrom: '征求意见开始',
  consultationTo: '征求意见结束',
  answeredOn: '答复日期',
  outcome: '办理结果',
  fee: '收费',
  notes: '备注',
};

export function RegisterImportDialog(props: { year: number; onClose: () => void; onImported: (message: string) => void }) {
  const [preview, setPreview] = useState<RegisterImportPreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setError('');
    const file = await platform.tryOpenFile([{ name: '台账（Excel、CSV）', extensions: ['xlsx', 'csv'] }]);
    if (!file.ok) return setError(file.error.message);
    if (!file.value) return;
    setBusy(true);
    const r = await api.registerImportPreview({ year: props.year, fileName: file.value.fileName, base64: file.value.base64 });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setPreview(r.value);
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    const r = await api.registerImportCommit({ applications: preview.applications });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    props.onImported(`已导入 ${r.value.added} 件新申请${r.value.updated ? `，更新 ${r.value.updated} 件已登记的申请` : ''}。`);
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>从 Excel 导入申请登记台账（{props.year}年）</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {!preview && (
            <Typography variant="body2">
              选择本单位平时用 Excel/WPS 记的台账（.xlsx 或
              .csv）。程序按表头的写法认出各栏（如“受理日期”“申请人性质”“答复结果”），把申请人类型和办理结果归入表三的行列；
              拿不准的列出来请您核对，归不进的行说明原因、不导入。
            </Typography>
          )}
          {preview && (
            <>
              <Typography variant="body2" data-testid="import-summary">
                工作表“{preview.sheet}”第 {preview.headerRow} 行是表头；可以导入 {preview.applications.length} 件申请
                {preview.existing.length ? `（其中 ${preview.existing.length} 件的登记编号已在台账中，导入会更新它们）` : ''}。
              </Typography>
              <Box>
                <Typography variant="subtitle2">各栏的读法</Typography>
                <Typography variant="body2" color="text.secondary">
                  {preview.columns
                    .filter((c) => c.header)
                    .map((c) => `${c.header} → ${c.field ? FIELD_NAMES[c.field] : '不读入'}`)
                    .join('；')}
                </Typography>
              </Box>
              {preview.unsure.length > 0 && (
                <Alert severity="warning" role="status">
                  <Typography variant="subtitle2">以下 {preview.unsure.length} 处按字面意思归类，请核对（不对的请在导入后修改该申请）：</Typography>
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>行</TableCell>
                        <TableCell>编号</TableCell>
                        <TableCell>栏目</TableCell>
                        <TableCell>原文</TableCell>
                        <TableCell>归入</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {preview.unsure.slice(0, 200).map((u, i) => (
                        <TableRow key={i}>
                          <TableCell>{u.row}</TableCell>
                          <TableCell>{u.id}</TableCell>
                          <TableCell>{FIELD_NAMES[u.field] ?? u.field}</TableCell>
                          <TableCell>{u.text}</TableCell>
                          <TableCell>{u.readAs}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Alert>
              )}
              {preview.refused.length > 0 && (
                <Alert severity="error" role="alert">
                  <Typography variant="subtitle2">
                    以下 {preview.refused.length} 行无法归入表三，不会导入。请在原台账中改正后重新导入，或导入后手工登记：
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {preview.refused.map((r) => (
                      <li key={r.row}>{r.reason}</li>
                    ))}
                  </Box>
                </Alert>
              )}
              {preview.skipped.length > 0 && (
                <Typography variant="body2" color="text.secondary">
                  未作为申请读入：{preview.skipped.map((s) => `第 ${s.row} 行（${s.reason}）`).join('；')}
                </Typography>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button onClick={() => void pick()} disabled={busy}>
          {preview ? '换一个文件' : '选择文件'}
        </Button>
        {preview && (
          <Button variant="contained" onClick={() => void commit()} disabled={busy || preview.applications.length === 0}>
            确认导入 {preview.applications.length} 件
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
