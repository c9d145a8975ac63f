// The examples of issue 19 part B's rules, gathered for the test that runs them all.
import { WRONG_BODY_EXAMPLES } from './body-kind';
import { TERM_TYPO_EXAMPLES } from './lexicon';
import { MEASURES_EXAMPLES } from './measures';
import type { RuleExamples } from './rule-examples';
import { PARTS_COUNT_EXAMPLES, SELF_DESCRIPTION_EXAMPLES } from './self-description';
import { CARRY_YEAR_EXAMPLES, PERIOD_EXAMPLES, STALE_YEAR_EXAMPLES } from './stale-years';

export const PART_B_EXAMPLES: readonly RuleExamples[] = [
  TERM_TYPO_EXAMPLES,
  SELF_DESCRIPTION_EXAMPLES,
  PARTS_COUNT_EXAMPLES,
  WRONG_BODY_EXAMPLES,
  STALE_YEAR_EXAMPLES,
  CARRY_YEAR_EXAMPLES,
  PERIOD_EXAMPLES,
  MEASURES_EXAMPLES,
];
