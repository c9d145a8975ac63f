// How a finding reads in the wizard. Most read as the rule wrote them. The 勾稽 balance of table
// 三 reads as its equation and the difference: the rule's “结转下年度应为 N” invited clerks to
// overwrite a real pending application (结转下年度 is the one figure that is usually right), so
// the page names no single figure to change and points at every cell that could be wrong.
import type { FormatModel } from '../../../shared/formats/index';
import type { Finding, ReportDoc } from '../../../shared/report';

export interface PresentedFinding {
  message: string;
  /** the figure that fixes it, where one figure does */
  expected?: number | string;
  actual?: number | string;
  /** the cell 定位 puts the caret on */
  target?: string;
}

const fmt = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/** The balance of one column of table 三, from the figures as they stand in the page. */
export function balanceEquation(model: FormatModel, doc: ReportDoc, derived: Record<string, number>, column: string) {
  const t3 = model.format.t3;
  const row = (key: string) => t3.rows.find((r) => r.key === key);
  const short = (key: string) => {
    const r = row(key);
    return r ? (r.short ?? r.path[r.path.length - 1]) : key;
  };
  const val = (key: string) => (model.byKey.get(key)?.derived ? derived[key] : doc.cells[key]) ?? 0;
  const col = t3.columns.find((c) => c.key === column);
  const k = (r: string) => `t3.${r}.${column}`;
  const a = val(k('new_received'));
  const b = val(k('carried_over'));
  const c = val(k('total_processed'));
  const d = val(k('carried_forward'));
  return {
    column: col?.label ?? column,
    unit: col?.unit ?? '件',
    names: { nr: short('new_received'), co: short('carried_over'), tp: short('total_processed'), cf: short('carried_forward') },
    a,
    b,
    c,
    d,
    cells: { nr: k('new_received'), co: k('carried_over'), tp: k('total_processed'), cf: k('carried_forward') },
  };
}

export function presentFinding(f: Finding, model: FormatModel | null, doc: ReportDoc, derived: Record<string, number>): PresentedFinding {
  if (f.rule !== 't3.balance' || !model) return { message: f.message, expected: f.expected, actual: f.actual, target: f.cells[0] };
  const column = f.cells.map((k) => /^t3\.[a-z_]+\.([a-z_]+)$/.exec(k)?.[1]).find(Boolean);
  if (!column) return { message: f.message, target: f.cells[0] };
  const e = balanceEquation(model, doc, derived, column);
  const left = e.a + e.b;
  const right = e.c + e.d;
  const diff = Math.abs(left - right);
  const head = `“${e.column}”一列不平衡：${e.names.nr} ${fmt(e.a)} + ${e.names.co} ${fmt(e.b)} = ${fmt(left)} ${e.unit}，${e.names.tp} ${fmt(e.c)} + ${e.names.cf} ${fmt(e.d)} = ${fmt(right)} ${e.unit}，差 ${fmt(diff)} ${e.unit}。`;
  const advice =
    left > right
      ? `收到的比办理和结转的多 ${fmt(diff)} ${e.unit}：请对照申请登记台账核对标出的格子——是否有申请的办理结果漏填，${e.names.nr}或${e.names.co}是否多计。`
      : `办理和结转的比收到的多 ${fmt(diff)} ${e.unit}：请对照申请登记台账核对标出的格子——${e.names.nr}或${e.names.co}是否漏计，同一申请是否计入了两种办理结果。`;
  // 结转下年度 counts applications still open at year end: change it only if the ledger says so.
  const keep = `${e.names.cf}只填年底仍在办理的申请，台账上有几件就填几件，不要为了凑平而改它。`;
  return { message: head + advice + keep, target: e.cells.nr };
}
