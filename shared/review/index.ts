// 审读: the reviewer's checks on the whole document (issue 7; spec §6.2). Each check reads the
// report's texts and, where it compares, the tables; findings quote the words and say what to write.
import type { Finding, ReportDoc } from '../report';
import { RULE_REGISTRY, type RuleId } from '../rules/registry';
import { checkCitations, checkStructure, checkTemplate } from './citations';
import { checkAccountability, checkComparison, checkFee, checkOverview, checkProblems } from './content';
import { checkFigures, checkMoney, checkRequestsCount } from './figures';
import { checkDate, checkTitle, checkUnitNames, checkYears } from './identity';
import { checkSimilarity } from './similarity';
import { checkSums } from './sums';
import { checkOutcomeClaims } from './outcome-claims';
import { checkDates } from './dates';
import { checkWrongLevel } from './bodies';
import { checkBodyKind } from './body-kind';
import { checkTermTypos } from './lexicon';
import { checkSelfDescription } from './self-description';
import { checkStaleYears } from './stale-years';
import { checkContacts, checkOutline, checkPartsCount, checkRepeatedParagraphs, checkWording } from './wording';
import { allSources, sectionSources } from './text';
import { checkLeftovers, checkUnreadCells } from './leftovers';

export { textSimilarity } from './similarity';

/** The review's rules: the `review.*` entries of the one registry (shared/rules/registry.ts). */
export const REVIEW_RULES = Object.fromEntries(Object.entries(RULE_REGISTRY).filter(([id]) => id.startsWith('review.'))) as {
  [K in Extract<RuleId, `review.${string}`>]: (typeof RULE_REGISTRY)[K];
};

export type ReviewRule = keyof typeof REVIEW_RULES;

export function reviewDocument(doc: ReportDoc, previous?: ReportDoc | null): Finding[] {
  const sources = allSources(doc);
  const sections = sectionSources(doc);
  const findings = [
    ...checkTitle(doc),
    ...checkYears(doc, sources),
    ...checkStaleYears(doc, sources),
    ...checkUnitNames(doc, sources),
    ...checkWrongLevel(doc, sources),
    ...checkBodyKind(doc, sources),
    ...checkDate(doc, sources),
    ...checkTemplate(doc, sections),
    ...checkCitations(doc, sources),
    ...checkStructure(doc, sections),
    ...checkAccountability(doc, sections),
    ...checkOverview(doc, sections),
    ...checkFee(doc, sections),
    ...checkProblems(doc, sections),
    ...checkFigures(doc, sections),
    ...checkOutcomeClaims(doc, sections),
    ...checkSums(sources),
    ...checkMoney(doc, sections),
    ...checkRequestsCount(doc, sections),
    ...checkDates(doc, sources),
    ...checkOutline(sections),
    ...checkPartsCount(doc, sources),
    ...checkSelfDescription(doc, sources),
    ...checkWording(sources),
    ...checkTermTypos(sources),
    ...checkRepeatedParagraphs(sections),
    ...checkContacts(doc, sources),
    ...checkSimilarity(doc, previous),
    ...checkComparison(doc, sections),
    ...checkUnreadCells(doc),
    ...checkLeftovers(sections),
  ];
  return uniqueIds(findings);
}

/** The same words flagged twice in one place (a repeated sentence) get #2, #3 … in document order. */
function uniqueIds(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!f.id) return f;
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    return n === 1 ? f : { ...f, id: `${f.id}#${n}` };
  });
}
