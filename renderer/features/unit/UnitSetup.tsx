// First run: the clerk describes their 机关 once; every new report starts from these details.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Unit } from '../../../shared/report';
import { UnitFields, emptyUnit, normaliseUnit, validateUnit, type UnitErrors } from './UnitFields';
import { UnitPrintSetting } from './UnitPrintSetting';
import { BackupsDialog } from '../backups/BackupsDialog';

export function UnitSetup(props: { onSaved: (u: Unit & { id: number }) => void }) {
  const [unit, setUnit] = useState<Unit>(emptyUnit);
  const [errors, setErrors] = useState<UnitErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [duplex, setDuplex] = useState(false);
  // No unit but backups in the data folder: the data was lost or reset, and can be restored.
  const [backups, setBackups] = useState(0);
  const [restoring, setRestoring] = useState(false);
  useEffect(() => {
    void api.listBackups({}).then((r) => r.ok && setBackups(r.value.length));
  }, []);

  const save = async () => {
    const e = validateUnit(unit);
    setErrors(e);
    if (Object.keys(e).length) return setFailure('请先改正标红的项目。');
    setBusy(true);
    const r = await api.saveUnit(normaliseUnit(unit));
    const s = r.ok && duplex ? await api.saveUnitSettings({ duplex }) : null;
    setBusy(false);
    if (!r.ok) return setFailure(r.error.message);
    if (s && !s.ok) return setFailure(`机关信息已保存，但“本单位公文双面打印”没有保存：${s.error.message}。可在报告列表的「机关信息」中再设置。`);
    props.onSaved(r.value);
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper
        variant="outlined"
        sx={{ p: 4, width: 760, maxWidth: '100%' }}
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Typography variant="h5" gutterBottom>
          欢迎使用年报编制助手
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          第一次使用，请先填写本机关的信息。这些信息会用于报告标题、署名和联系方式，以后可以随时修改。
        </Typography>
        {backups > 0 && (
          <Alert
            severity="info"
            sx={{ mb: 2 }}
            data-testid="setup-backups"
            action={
              <Button color="inherit" size="small" onClick={() => setRestoring(true)}>
                查看备份
              </Button>
            }
          >
            数据文件夹里有 {backups} 份以前的备份。如果以前用过本程序而数据不见了，可以先从备份恢复，不必重新填写。
          </Alert>
        )}
        <UnitFields value={unit} onChange={setUnit} errors={errors} autoFocus />
        <UnitPrintSetting duplex={duplex} onChange={setDuplex} />
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }} role="alert">
            {failure}
          </Alert>
        )}
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            保存并开始
          </Button>
        </Box>
      </Paper>
      {restoring && <BackupsDialog onClose={() => setRestoring(false)} />}
    </Box>
  );
}
