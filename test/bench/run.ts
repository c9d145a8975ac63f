// `npm run bench`: prints figures (what was measured, median and p95); asserts nothing. The fault and
// abuse soak (minutes long) is its own command: `npm run soak` (test/bench/soak.ts).
import { benchRules } from './rules';
import { benchExport } from './export';
import { benchTyping } from './typing';
import { benchCounty } from './county';
import { benchFirstScreen } from './first-screen';
import { benchRegister, benchRegisterScroll } from './register';
import { benchImport } from './import';

const benches: [string, () => Promise<string[]>][] = [
  ['规则校验 (rules: checkReport over a full report)', benchRules],
  ['Word 导出 (export: buildDocx of a full report)', benchExport],
  ['导入上年报告 (import: PDF, .doc, web page beside the .docx of the same report)', benchImport],
  ['县级审查 (county: 200 reports read, checked, compared and summed; workbook)', benchCounty],
  ['首屏与表三可用时间 (host start → first screen usable / → table 三 usable, headless Chromium)', benchFirstScreen],
  ['表三输入延迟 (typing into table 三 → 总计 painted, headless Chromium via the browser host)', benchTyping],
  ['申请登记台账 (5,000 applications: table 三 recounted after an edit)', benchRegister],
  ['台账滚动 (the register view scrolled through 5,000 rows, headless Chromium)', benchRegisterScroll],
];

for (const [name, run] of benches) {
  console.log(`\n## ${name}`);
  try {
    for (const line of await run()) console.log(line);
  } catch (err) {
    console.log(`  未能测量：${err instanceof Error ? err.message : String(err)}`);
  }
}
