// The unit's details (机关信息): the first-run setup, the unit dialog and the report's 基本信息
// all use these fields and the same validation, so the messages are the same everywhere.
import { Grid, MenuItem, TextField } from '@mui/material';
import { UNIT_KINDS, UNIT_KIND_LABELS, UnitFormSchema } from '../../../shared/report';
import type { Unit } from '../../../shared/report';

export type UnitErrors = Partial<Record<keyof Unit, string>>;

export const emptyUnit = (): Unit => ({ name: '', kind: 'township', supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' });

/** Checks a unit as the clerk typed it with the shared schema; every message says what to write instead. */
export function validateUnit(u: Unit): UnitErrors {
  const r = UnitFormSchema.safeParse(u);
  const e: UnitErrors = {};
  if (r.success) return e;
  for (const issue of r.error.issues) {
    const key = issue.path[0] as keyof Unit | undefined;
    if (key && !e[key]) e[key] = issue.message;
  }
  return e;
}

/** Trims what was typed; an empty 署名 becomes the unit's name (what reports print). */
export function normaliseUnit(u: Unit): Unit {
  const t = (s: string) => s.trim();
  const name = t(u.name);
  return {
    name,
    kind: u.kind,
    supervisor: t(u.supervisor),
    address: t(u.address),
    postcode: t(u.postcode),
    phone: t(u.phone),
    email: t(u.email),
    signature: t(u.signature) || name,
  };
}

export function UnitFields(props: { value: Unit; onChange: (u: Unit) => void; errors: UnitErrors; autoFocus?: boolean; showSignature?: boolean }) {
  const { value: u, onChange, errors } = props;
  const field = (
    key: keyof Unit,
    label: string,
    extra: { helper?: string; placeholder?: string; required?: boolean; xs?: number; autoFocus?: boolean } = {},
  ) => (
    <Grid size={extra.xs ?? 6}>
      <TextField
        fullWidth
        label={label}
        required={extra.required}
        autoFocus={extra.autoFocus}
        value={u[key]}
        placeholder={extra.placeholder}
        error={!!errors[key]}
        helperText={errors[key] ?? extra.helper ?? ' '}
        onChange={(e) => onChange({ ...u, [key]: e.target.value })}
        slotProps={{ htmlInput: { 'data-field': `unit.${key}` } }}
      />
    </Grid>
  );
  return (
    // Room between a helper text and the next row’s label, which floats above its box.
    <Grid container columnSpacing={2} rowSpacing={2}>
      {field('name', '机关名称', {
        required: true,
        xs: 8,
        autoFocus: props.autoFocus,
        placeholder: '例如：永安市小陶镇人民政府',
        helper: '写全称，将用于标题和署名',
      })}
      <Grid size={4}>
        <TextField
          select
          fullWidth
          label="机关类型"
          required
          value={u.kind}
          helperText={errors.kind ?? ' '}
          onChange={(e) => onChange({ ...u, kind: e.target.value as Unit['kind'] })}
          slotProps={{ htmlInput: { 'data-field': 'unit.kind' } }}
        >
          {UNIT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {field('supervisor', '上级主管部门', { placeholder: '例如：永安市人民政府办公室' })}
      {field('address', '地址', { placeholder: '例如：永安市小陶镇小陶街1号' })}
      {field('postcode', '邮政编码', { xs: 3 })}
      {field('phone', '联系电话', { xs: 4, placeholder: '0598-3612345' })}
      {field('email', '电子邮箱', { xs: 5 })}
      {props.showSignature !== false && field('signature', '署名', { xs: 12, helper: '印在报告末尾，一般为机关全称；不填则使用机关名称' })}
    </Grid>
  );
}
