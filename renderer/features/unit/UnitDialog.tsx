// 机关信息 from the report list: the unit's details for reports created from now on.
import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { api } from '../../api/client';
import type { Unit } from '../../../shared/report';
import { UnitFields, normaliseUnit, validateUnit, type UnitErrors } from './UnitFields';
import { UnitPrintSetting } from './UnitPrintSetting';

export function UnitDialog(props: { unit: Unit & { id: number }; onClose: () => void; onSaved: (u: Unit & { id: number }) => void }) {
  const [unit, setUnit] = useState<Unit>(props.unit);
  const [errors, setErrors] = useState<UnitErrors>({});
  const [failure, setFailure] = useState('');
  const [duplex, setDuplex] = useState(false);
  useEffect(() => {
    void api.getUnitSettings({}).then((r) => r.ok && setDuplex(r.value.duplex));
  }, []);
  const save = async () => {
    const e = validateUnit(unit);
    setErrors(e);
    if (Object.keys(e).length) return setFailure('请先改正标红的项目。');
    const r = await api.saveUnit(normaliseUnit(unit));
    if (!r.ok) return setFailure(r.error.message);
    const s = await api.saveUnitSettings({ duplex });
    if (!s.ok) return setFailure(`机关信息已保存，但“本单位公文双面打印”没有保存：${s.error.message}`);
    props.onSaved(r.value);
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>机关信息</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>修改后用于今后新建的报告；已有报告的机关信息请在该报告的“基本信息”中修改。</DialogContentText>
        <UnitFields value={unit} onChange={setUnit} errors={errors} />
        <UnitPrintSetting duplex={duplex} onChange={setDuplex} />
        {failure && (
          <Alert severity="error" role="alert">
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button variant="contained" onClick={() => void save()}>
          保存
        </Button>
      </DialogActions>
    </Dialog>
  );
}
