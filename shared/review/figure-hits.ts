// Reads the figures a text states (number, rule, sentence) with the figure rules that apply to a format and year.
import { formatModel } from '../formats/index';
import { FIGURES, NEEDS, type FigureRule, type GovFormatId } from './figure-rules';
import { NUMBER_SOURCE, allMatches, parseNumber, sentenceAt } from './text';

const ALL_KEYWORDS =
  /(收到|新收|受理|结转|予以公开|部分公开|不予公开|无法提供|不掌握|不予处理|其[他它]处理|撤回|行政复议|行政诉讼|规范性文件|行政许可|行政处罚|行政强制)/;
/** Objects that are not the table's: applications for a licence, trainings, items of information. */
const OTHER_OBJECTS = /(后|以内|期限|时限|咨询|信息|建议|提案|投诉|来电|来访|培训|学习|讲座|宣传|人次)/;
/** Words that make a figure last year's or a change, not this year's count. */
export const NOT_THIS_YEAR = /(上一?年(?!度?结转)|去年|同比|较|比|增加|减少|增长|下降|多了|少了|历年|累计)/;

/**
 * Each rule's patterns, built once: the number after the keyword, the number before the object, and
 * (numberFirst) the number opening its clause before the keyword: 「3件不予公开」. The groups are
 * always (words)(gap)(number)(unit) so that the hits are read alike; `first` marks the third form.
 */
interface Form {
  re: RegExp;
  first: boolean;
}
const FORMS = new Map<FigureRule, Form[]>(
  FIGURES.map((rule) => {
    // Not a duration: 「收到申请后5个工作日内」.
    const forms: Form[] = [
      { re: new RegExp(`(${rule.after})([^。；！？\\n]{0,14}?)(${NUMBER_SOURCE})\\s*(${rule.units})(?!工作日|小时|天|日内|以内|内)`, 'g'), first: false },
    ];
    if (rule.before)
      forms.push({ re: new RegExp(`(${rule.before.verb})((?:了|共|共计)?)(${NUMBER_SOURCE})\\s*(${rule.units})${rule.before.object}`, 'g'), first: false });
    if (rule.numberFirst)
      forms.push({ re: new RegExp(`()()(${NUMBER_SOURCE})\\s*(${rule.units})([^。；！？\\n，,；;、：:0-9０-９]{0,20}?)(?:${rule.after})`, 'g'), first: true });
    return [rule, forms];
  }),
);
/** A gap between the keyword and its number never crosses a clause (issue 19 §2). */
const CLAUSE_IN_GAP = /[，,；;]/;
/** What may open a clause before a number that comes first: 「其中3件」「尚有2件」「另有1件」. */
const FIRST_OPENER = /^[\s\u3000]*(?:其中|另有|尚有|还有|另|有|共有|共|以及|及|和|此外|剩余|余下|剩下的?)?[\s\u3000]*$/;
const CLAUSE_MARK = /[，,；;：:、。！？\n（）()]/;
const SAME_FOR_BOTH = /(均为?|都是?|各)\s*$/;
const PERCENT = /[%％]/;

/** “2024年” (the year before the report's), built once per year. */
const yearBeforeCache = new Map<number, RegExp>();
function yearBefore(year: number): RegExp {
  let re = yearBeforeCache.get(year);
  if (!re) yearBeforeCache.set(year, (re = new RegExp(`${year - 1}\\s*年`)));
  return re;
}

interface ApplicableRule {
  rule: FigureRule;
  cells: string[];
  /** t2, t3 or t4: the rule is skipped while that table is empty */
  table: string;
  forms: Form[];
  needs: readonly string[];
}

const rulesByFormat = new Map<GovFormatId, ApplicableRule[]>();
/** The rules a format has cells for, with those cells: worked out once per format. */
function rulesFor(formatId: GovFormatId): ApplicableRule[] {
  let rules = rulesByFormat.get(formatId);
  if (rules) return rules;
  const model = formatModel(formatId);
  rules = [];
  for (const rule of FIGURES) {
    if (rule.years && formatId !== rule.years) continue;
    const cells = rule.cells(formatId);
    if (!cells.every((c) => model.byKey.has(c))) continue;
    // A rule without a word list is always scanned.
    rules.push({ rule, cells, table: cells[0]!.slice(0, 2), forms: FORMS.get(rule)!, needs: NEEDS[rule.id] ?? [''] });
  }
  rulesByFormat.set(formatId, rules);
  return rules;
}

/** A figure stated in a text, as the figure rules read it (text, format and year only: kept with the facts). */
export interface FigureHit {
  rule: ApplicableRule;
  start: number;
  end: number;
  stated: number;
  sentence: string;
  /** the clause the figure stands in (between clause marks), for the sub-rows it names */
  clause: string;
}

/** The clause around [start, end): from the clause mark before it to the one after it. */
function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !CLAUSE_MARK.test(text.charAt(s - 1))) s--;
  let e = end;
  while (e < text.length && !CLAUSE_MARK.test(text.charAt(e))) e++;
  return text.slice(s, e);
}

export function figureHits(text: string, formatId: GovFormatId, year: number): FigureHit[] {
  const out: FigureHit[] = [];
  const lastYear = yearBefore(year);
  const seen = new Set<string>();
  for (const applicable of rulesFor(formatId)) {
    const { rule, cells, forms, needs } = applicable;
    if (!needs.some((w) => text.includes(w))) continue;
    for (const { re, first } of forms) {
      for (const m of allMatches(re, text)) {
        const gap = first ? m[5]! : m[2]!;
        const sentence = sentenceAt(text, m.index);
        if (rule.sentenceMust && !rule.sentenceMust.test(sentence.text)) continue;
        const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf('；', m.index), sentence.start - 1) + 1;
        const prefix = text.slice(clauseStart, m.index);
        if (NOT_THIS_YEAR.test(prefix + gap) || lastYear.test(prefix)) continue;
        if (first) {
          // The number opens its clause (「其中3件不予公开」), else it is counted by the words before it.
          const opening = text.slice(lastClauseMark(text, m.index), m.index);
          if (!FIRST_OPENER.test(opening)) continue;
          // 「5件因本机关不掌握相关政府信息而无法提供」: a sub-row's words may stand between; another outcome's may not.
          if (otherKeyword(gap, rule)) continue;
        } else {
          if (CLAUSE_IN_GAP.test(gap)) continue;
          // Another figure's keyword between ours and the number: the number is theirs,
          // unless the sentence says both are the same (“行政复议、行政诉讼均为0件”).
          if (ALL_KEYWORDS.test(gap) && !SAME_FOR_BOTH.test(gap)) continue;
          if (gap.includes('、') && !SAME_FOR_BOTH.test(gap)) continue;
        }
        // 「行政许可申请12件」「行政复议培训1次」「行政处罚信息5条」 count something else.
        if (OTHER_OBJECTS.test(gap) || (cells[0]!.startsWith('t2.') && gap.includes('申请'))) continue;
        if (PERCENT.test(text.charAt(first ? m.index + m[3]!.length + m[4]!.length : m.index + m[0].length))) continue;
        const stated = parseNumber(m[3]!);
        if (stated === null) continue;
        const key = `${rule.id}:${m.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const end = m.index + m[0].length;
        out.push({ rule: applicable, start: m.index, end, stated, sentence: sentence.text, clause: clauseAround(text, m.index, end) });
      }
    }
  }
  return out;
}

function lastClauseMark(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !CLAUSE_MARK.test(text.charAt(i - 1))) i--;
  return i;
}

/** Whether words between a number and its keyword name another figure (not one of this rule's sub-rows). */
function otherKeyword(gap: string, rule: FigureRule): boolean {
  const m = ALL_KEYWORDS.exec(gap);
  if (!m) return false;
  return !(rule.parts ?? []).some((p) => p.words.test(m[0]));
}
