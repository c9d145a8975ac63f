// Wrong and right examples kept as data next to each rule of issue 19 part B (LanguageTool's
// discipline): test/unit/review-examples-b.test.ts puts each into a clean report and checks that
// every wrong example produces the rule's finding and no right example does.
import type { SectionKey } from '../formats/types';
import type { RuleId } from '../rules/registry';

export interface RuleExample {
  /** the words, appended to the section (default 一、总体情况) of a clean 2025 township report */
  text?: string;
  section?: SectionKey;
  /** the words replace the section's text instead of following it */
  replace?: boolean;
  /** a 街道 report instead of a 镇 report */
  unit?: 'township' | 'subdistrict';
  /** a report in the 2019 format (a clean 2020 report) */
  formatId?: 'gov-2019';
  /** table cells set after the words */
  cells?: Readonly<Record<string, number>>;
  /** where a right example's words were published (test/corpus/sources/*-paragraphs.json) */
  source?: string;
}

export interface RuleExamples {
  rule: RuleId;
  wrong: readonly (string | RuleExample)[];
  right: readonly (string | RuleExample)[];
}

/** Part A's examples (rule-examples-a.ts, rule-examples-figures.ts) may expect a 提示. */
export interface RuleExampleA extends RuleExample {
  /** the finding a wrong example gives is a 提示 (info) to check, not a warning */
  info?: true;
}

export interface RuleExamplesA extends RuleExamples {
  wrong: readonly (string | RuleExampleA)[];
  right: readonly (string | RuleExampleA)[];
}
