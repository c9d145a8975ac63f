// Shares of one whole listed in a sentence (占10%、占60%…), read beside the totals of sums.ts.
import type { Mark, SourceFacts } from './facts';
import { allMatches, quote } from './text';

/** A share of a whole: 占10%, 占比36.5%. */
const SHARE = /占(?:比|全部|总数|总量|全年)?[的]?\s*([0-9]+(?:\.([0-9]+))?)\s*[%％]/g;

/**
 * The shares of one whole listed in a sentence (政府文件17条，占10%；工作动态102条，占60%；其他61条，占36%):
 * over 100% is always wrong; short of it only when the list ends with 其他/其余 (it names everything).
 * Each share may be rounded, so the sum is allowed half a unit of its last place per share.
 */
export function shareMarks(facts: SourceFacts): Mark[] {
  const out: Mark[] = [];
  if (!facts.text.includes('%') && !facts.text.includes('％')) return out;
  for (const s of facts.sentences) {
    const shares = allMatches(SHARE, s.text);
    if (shares.length < 2) continue;
    // Shares of different wholes (增长10%, 占上年的…) are not one list: only 占 shares, one figure each.
    // Two lists of shares in one sentence (自然人占75%、法人占25%；予以公开占50%……): a run reaching 100% closes one.
    let sum = 0;
    let slack = 0;
    for (const m of shares) {
      if (sum > 0 && Math.abs(sum - 100) <= slack) {
        sum = 0;
        slack = 0;
      }
      sum += Number(m[1]);
      slack += 0.5 * 10 ** -(m[2]?.length ?? 0);
    }
    const complete = /(其他|其它|其余)[^，,；;。]{0,8}[0-9０-９]/.test(s.text);
    const over = sum > 100 + slack;
    const under = complete && sum < 100 - slack;
    if (!over && !under) continue;
    const first = shares[0]!;
    const last = shares[shares.length - 1]!;
    const listed = shares.map((m) => `${m[1]}%`).join('、');
    out.push({
      message: `「${quote(s.text.trim(), 90)}」列出的占比${listed}加起来是${round(sum)}%，${over ? '超过了100%' : '不到100%，而列出的已包括“其他”'}。请核对各项数字和占比。`,
      start: s.start + first.index,
      end: s.start + last.index + last[0].length,
      context: s.text,
    });
  }
  return out;
}

/** A figure rounded to four places (sums of decimals). */
export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
