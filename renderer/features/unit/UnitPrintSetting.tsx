// 本单位公文双面打印 (issue 22): the unit's default for the 导出 step's 双面打印 switch.
import { FormControlLabel, FormHelperText, Switch } from '@mui/material';

export function UnitPrintSetting(props: { duplex: boolean; onChange: (duplex: boolean) => void }) {
  return (
    <>
      <FormControlLabel
        sx={{ mt: 1 }}
        control={
          <Switch
            checked={props.duplex}
            onChange={(e) => props.onChange(e.target.checked)}
            slotProps={{ input: { 'aria-label': '本单位公文双面打印' } }}
            data-testid="unit-duplex-switch"
          />
        }
        label="本单位公文双面打印"
      />
      <FormHelperText sx={{ mt: 0, mb: 1 }}>打开后，导出时「双面打印」默认打开：偶数页页边距左右对换，版记印在偶数页。每次导出时仍可改为单面。</FormHelperText>
    </>
  );
}
