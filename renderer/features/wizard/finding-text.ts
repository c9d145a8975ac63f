// How a finding reads in the wizard: as the rule wrote it, with the figure that fixes it (“应为 N”)
// and the cell 定位 goes to. A rule whose expected figure is not the fix (the table 三 balance:
// its “结转下年度应为 N” invited clerks to overwrite a real pending application) shows no figure;
// it names every cell that could be wrong and 定位 goes to the first (本年新收).
import { expectedIsAFix } from '../../../shared/rules/registry';
import type { Finding } from '../../../shared/report';

export interface PresentedFinding {
  message: string;
  /** the figure that fixes it, where one figure does */
  expected?: number | string;
  actual?: number | string;
  /** the cell 定位 puts the caret on */
  target?: string;
}

export function presentFinding(f: Finding): PresentedFinding {
  if (!expectedIsAFix(f.rule)) return { message: f.message, target: f.cells[0] };
  return { message: f.message, expected: f.expected, actual: f.actual, target: f.cells[0] };
}
