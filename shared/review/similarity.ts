// 内容雷同 (spec §6.2 W25): a section still (nearly) the same as last year's, by the character
// n-gram similarity of shared/carry-over.ts (Chinese has no spaces to split words on).
import { similarity } from '../carry-over';
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { SIMILARITY_MIN_CHARS, SIMILARITY_THRESHOLD } from './phrases';
import { factsOf, memo } from './facts';
import { sectionFinding } from './text';

/** Figures and years masked: a copy with only the numbers changed is still a copy. */
function masked(text: string): string {
  return text.replace(DIGITS, '0');
}

const NOT_WORDING_CHAR = /[\s\p{P}\p{S}]/u;
const DIGITS = /[0-9０-９]+/g;

/** Whether the text has at least `min` characters besides spaces and punctuation (counted as UTF-16 units); stops once it has. */
function hasWording(text: string, min: number): boolean {
  if (text.length < min) return false;
  let n = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    // CJK ideographs (nearly all of a report) are wording; only other characters need the pattern.
    if (!(c >= 0x4e00 && c <= 0x9fff) && NOT_WORDING_CHAR.test(ch)) continue;
    n += ch.length;
    if (n >= min) return true;
  }
  return false;
}

/** Similarity of two section texts, 0 … 1 (helper E's character 3-gram Dice, figures masked). */
export function textSimilarity(a: string, b: string): number {
  return similarity(masked(a), masked(b));
}

export function checkSimilarity(doc: ReportDoc, previous: ReportDoc | null | undefined): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const out: Finding[] = [];
  const format = getFormat(doc.formatId);
  for (const def of format.sections) {
    const text = doc.sections[def.key] ?? '';
    if (!text) continue;
    // Both kept with the text's facts: the 审核 step re-runs this on mostly unchanged texts.
    const facts = factsOf(text);
    if (!memo(facts, 'has-wording', () => hasWording(text, SIMILARITY_MIN_CHARS))) continue;
    const prevText = previous?.sections[def.key];
    const sim = prevText ? memo(facts, `similar-to:${prevText}`, () => textSimilarity(text, prevText)) : 0;
    if (sim >= SIMILARITY_THRESHOLD) {
      out.push(
        sectionFinding(
          'review.same_as_last_year',
          `「${def.heading}」与${previous!.year}年度报告的同一部分${text.trim() === prevText!.trim() ? '完全相同' : `几乎相同（相似度${Math.floor(sim * 100)}%）`}。年度报告内容雷同、照搬上年会被通报（格式要求“不得内容雷同”）。请按${doc.year}年的实际工作改写，写明本年新的做法和数字。`,
          def.key,
        ),
      );
    } else if (!prevText && doc.copiedSections.includes(def.key)) {
      out.push(
        sectionFinding(
          'review.same_as_last_year',
          `「${def.heading}」是从上一年度报告沿用过来的，还没有修改。照搬上年内容会被认定为内容雷同，请按${doc.year}年的实际工作改写。`,
          def.key,
        ),
      );
    }
  }
  return out;
}
