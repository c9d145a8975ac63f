// The Chinese date field's logic: 年/月/日 boxes to an ISO date and back, with what is wrong in words.

export type Parts = { y: string; m: string; d: string };

export const toParts = (iso: string): Parts => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: m[1], m: String(Number(m[2])), d: String(Number(m[3])) } : { y: '', m: '', d: '' };
};

/** The ISO date the parts name, '' for all empty, or what is wrong with them. */
export function partsToIso(p: Parts): { ok: true; value: string } | { ok: false; message: string } {
  const y = p.y.trim();
  const m = p.m.trim();
  const d = p.d.trim();
  if (!y && !m && !d) return { ok: true, value: '' };
  if (!y || !m || !d) return { ok: false, message: '请把年、月、日都填上（不填日期请全部清空）' };
  if (!/^[1-9]\d{3}$/.test(y)) return { ok: false, message: '年份写4位数字，例如 2026' };
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12) return { ok: false, message: '月份应为 1 到 12' };
  const last = new Date(Number(y), Number(m), 0).getDate();
  if (!/^\d{1,2}$/.test(d) || Number(d) < 1 || Number(d) > last) return { ok: false, message: `${y}年${Number(m)}月只有${last}天，日应为 1 到 ${last}` };
  return { ok: true, value: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}
