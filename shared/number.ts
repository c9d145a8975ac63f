// STUB (replaced by the rules work, issue 3): number entry shared by the UI, import and file loading.
import type { CellKind } from './formats/types';

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

export function parseCellInput(raw: string, kind: CellKind): ParsedNumber {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) return { ok: false, message: `请填写数字（${kind}）` };
  return { ok: true, value: n };
}
