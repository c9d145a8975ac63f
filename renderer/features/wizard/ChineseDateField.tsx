// A date as Chinese documents write it: 年 月 日, three small number boxes. The browser's own date
// picker shows mm/dd/yyyy in some browsers and cannot be left half-filled without turning red.
// The value is ISO (YYYY-MM-DD) or '' (not filled in); a half-typed date stays in the boxes only.
import { useEffect, useRef, useState } from 'react';
import { Box, FormHelperText, InputAdornment, TextField, Typography } from '@mui/material';

import { partsToIso, toParts, type Parts } from './date-logic';

export function ChineseDateField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  helperText: string;
  warning?: string;
  dataField: string;
}) {
  const [parts, setParts] = useState<Parts>(() => toParts(props.value));
  const [touched, setTouched] = useState(false);
  const month = useRef<HTMLInputElement>(null);
  const day = useRef<HTMLInputElement>(null);
  const group = useRef<HTMLDivElement>(null);

  // A value set from elsewhere (another tab, a replayed edit) replaces what the boxes show.
  useEffect(() => {
    const current = partsToIso(parts);
    if (!current.ok || current.value !== props.value) {
      if (current.ok || props.value) setParts(toParts(props.value));
    }
  }, [props.value]);

  const parsed = partsToIso(parts);
  const problem = !parsed.ok && touched ? parsed.message : '';

  const change = (key: keyof Parts, raw: string) => {
    const digits = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
    const next = { ...parts, [key]: digits.slice(0, key === 'y' ? 4 : 2) };
    setParts(next);
    const r = partsToIso(next);
    if (r.ok && r.value !== props.value) props.onChange(r.value);
    return next;
  };

  // Typing on: a digit typed into a full box (a 4-digit year, a month that cannot take another digit)
  // goes on into the next box. Focus never moves by itself, so a clerk who also presses Tab lands
  // where Tab goes and loses nothing.
  const full = (key: keyof Parts, v: Parts) => (key === 'y' ? v.y.length === 4 : key === 'm' ? v.m.length === 2 || Number(v.m) > 1 : false);
  const typeOn = (key: keyof Parts, e: React.KeyboardEvent<HTMLInputElement>) => {
    const digit = /^[0-9０-９]$/.test(e.key) ? e.key : '';
    const input = e.currentTarget;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (!digit || !atEnd || !full(key, parts) || e.ctrlKey || e.metaKey || e.altKey) return;
    const nextKey = key === 'y' ? 'm' : 'd';
    e.preventDefault();
    (nextKey === 'm' ? month : day).current?.focus();
    change(nextKey, digit);
  };

  const box = (key: keyof Parts, unit: string, width: number, ref?: React.Ref<HTMLInputElement>) => (
    <TextField
      size="small"
      value={parts[key]}
      error={!!problem}
      inputRef={ref}
      onChange={(e) => change(key, e.target.value)}
      sx={{ width }}
      slotProps={{
        htmlInput: {
          inputMode: 'numeric',
          'aria-label': `${props.label}·${unit}`,
          'data-field': `${props.dataField}.${key === 'y' ? 'year' : key === 'm' ? 'month' : 'day'}`,
          maxLength: key === 'y' ? 4 : 2,
          onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => typeOn(key, e),
        },
        input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
      }}
    />
  );

  return (
    <Box
      ref={group}
      role="group"
      aria-label={props.label}
      data-field={props.dataField}
      data-value={props.value}
      onBlur={(e) => {
        // Only when the whole field is left: moving from 年 to 月 is not leaving it.
        if (!group.current?.contains(e.relatedTarget as Node | null)) setTouched(true);
      }}
    >
      <Typography variant="caption" color={problem ? 'error' : 'text.secondary'} component="div" sx={{ mb: 0.5 }}>
        {props.label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        {box('y', '年', 104)}
        {box('m', '月', 76, month)}
        {box('d', '日', 76, day)}
      </Box>
      <FormHelperText error={!!problem} sx={{ color: !problem && props.warning ? '#9a5b00' : undefined }} data-date-helper>
        {problem || props.warning || props.helperText}
      </FormHelperText>
    </Box>
  );
}
