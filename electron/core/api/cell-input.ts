// Figures the API stores must be ones its own rules could accept: a cell of the report's format
// that the clerk fills in (not a total the program computes), of the right kind (件数: an integer
// not below 0; 金额: not negative, at most four decimals), within a sane size. Clearing (null) is
// always allowed: it is how a stray or stated total is removed. Refused with a Chinese message.
import { formatModel, isGovFormatId } from '../../../shared/formats/index';
import { cellValueProblem } from '../../../shared/number';

/** A report has about 200 cells; a call with thousands is not an edit. */
export const MAX_CELLS_PER_CALL = 2000;
/** How many problems a refusal names before it only counts the rest. */
const NAMED = 5;

/** The refusal's message, or null when every figure can be stored. */
export function cellInputProblem(formatId: string, cells: Record<string, number | null>): string | null {
  const keys = Object.keys(cells);
  if (keys.length > MAX_CELLS_PER_CALL) {
    return `一次提交了 ${keys.length} 个单元格，远多于一份年度报告的表格（约 200 格），没有保存。请刷新页面后重试。`;
  }
  const model = isGovFormatId(formatId) ? formatModel(formatId) : null;
  const problems: string[] = [];
  for (const key of keys) {
    const value = cells[key];
    if (value === null) continue;
    const info = model?.byKey.get(key);
    if (model && !info) problems.push(`单元格 ${key.slice(0, 80)} 不在这份报告格式的表格里`);
    else if (info?.derived) problems.push(`“${info.label}”是合计，由程序按各分项自动计算，不能直接填写`);
    else {
      const problem = cellValueProblem(value, info?.kind ?? 'signed_count', String(value));
      if (problem) problems.push(info ? `“${info.label}”：${problem}` : problem);
    }
  }
  if (!problems.length) return null;
  const more = problems.length > NAMED ? `等 ${problems.length} 处` : '';
  return `这些数字没有保存：${problems.slice(0, NAMED).join('；')}${more}。请改正后再填。`;
}
