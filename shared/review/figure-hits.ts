// Reads the figures a text states (number, rule, sentence) with the figure rules that apply to a format and year.
import { formatModel } from '../formats/index';
import { FIGURES, NEEDS, type FigureRule, type GovFormatId } from './figure-rules';
import { factsOf } from './facts';
import { NUMBER_SOURCE, allMatches, parseNumber, sentenceAt } from './text';

const ALL_KEYWORDS =
  /(收到|新收|受理|办结|结转|予以公开|部分公开|不予公开|无法提供|不掌握|不予处理|其[他它]处理|撤回|行政复议|行政诉讼|规范性文件|行政许可|行政处罚|行政强制)/;
/** Objects that are not the table's: applications for a licence, trainings, items of information. */
const OTHER_OBJECTS = /(后|以内|期限|时限|咨询|信息|建议|提案|投诉|来电|来访|培训|学习|讲座|宣传|人次)/;
const OTHER_OBJECTS_FIRST = /(咨询|建议|提案|投诉|来电|来访|培训|学习|讲座|宣传|人次)/;
/** Words that make a figure last year's or a change, not this year's count. */
export const NOT_THIS_YEAR = /(上一?年(?!度?结转)|去年|同比|较|比|增加|减少|增长|下降|多了|少了|历年|累计)/;

/**
 * Each rule's patterns, built once. The groups are always (words)(gap)(number)(unit)(gap after):
 * - after: the number after the keyword (「予以公开3件」);
 * - before: the number between a verb and its object (「收到3件申请」);
 * - first: the number opening its clause before the keyword (「3件不予公开」「尚有2件转入下年度办理」);
 * - afterSpill: the keyword ends one clause, the next one gives the number and nothing else of note
 *   (「因没有现成信息需要另行制作，告知申请人1件」);
 * - firstSpill: the number's clause, then the keyword opening the next (「1件申请因需延期答复，顺延至下一年度办理」).
 */
type FormKind = 'after' | 'before' | 'first' | 'afterSpill' | 'firstSpill';
interface Form {
  re: RegExp;
  kind: FormKind;
}
const NO_CLAUSE_END = '[^。；！？\\n，,；;：:0-9０-９]';
/** All a clause may say before a number that belongs to the keyword of the clause before: 「……另行制作，告知申请人1件」. */
const SPILL_LEAD = '[ \\u3000]*(?:均|共|共计|合计|计|为|有|涉及|告知申请人|答复申请人|告知|答复|予以答复)?[ \\u3000]*';
const FORMS = new Map<FigureRule, Form[]>(
  FIGURES.map((rule) => {
    // Not a duration: 「收到申请后5个工作日内」.
    const notDuration = '(?!工作日|小时|天|日内|以内|内)';
    const forms: Form[] = [
      { re: new RegExp(`(${rule.after})([^。；！？\\n]{0,14}?)(${NUMBER_SOURCE})\\s*(${rule.units})${notDuration}()`, 'g'), kind: 'after' },
      {
        re: new RegExp(
          `(${rule.after})(${NO_CLAUSE_END}{0,14}?[，,]${SPILL_LEAD})(${NUMBER_SOURCE})\\s*(${rule.units})${notDuration}(${NO_CLAUSE_END}{0,16})`,
          'g',
        ),
        kind: 'afterSpill',
      },
    ];
    if (rule.before)
      forms.push({
        re: new RegExp(`(${rule.before.verb})((?:了|共|共计|的)?)(${NUMBER_SOURCE})\\s*(${rule.units})${rule.before.object}()`, 'g'),
        kind: 'before',
      });
    if (rule.numberFirst) {
      forms.push({
        re: new RegExp(`()()(${NUMBER_SOURCE})\\s*(${rule.units})(${NO_CLAUSE_END.replace(']', '、]')}{0,20}?)(?:${rule.after})`, 'y'),
        kind: 'first',
      });
      forms.push({
        re: new RegExp(`()()(${NUMBER_SOURCE})\\s*(${rule.units})(${NO_CLAUSE_END}{0,16}?[，,][^。；！？\\n，,；;0-9０-９]{0,4}?)(?:${rule.after})`, 'y'),
        kind: 'firstSpill',
      });
    }
    return [rule, forms];
  }),
);
/** A gap between the keyword and its number never crosses a clause (issue 19 §2). */
const CLAUSE_IN_GAP = /[，,；;]/;
/** What may open a clause before a number that comes first: 「其中3件」「尚有2件」「另有1件」. */
const FIRST_OPENER = /^[\s\u3000]*(?:其中|另有|尚有|还有|另|有|共有|共|以及|及|和|此外|剩余|余下|剩下的?)?[\s\u3000]*$/;
const CLAUSE_MARK = /[，,；;：:、。！？\n（）()]/;
const APPLICANTS = /自然人|法人|企业|组织|机构|单位/;
const COUNT_IN_GAP = /(?:[0-9０-９]|[零〇一二两三四五六七八九十百千]+)\s*(?:件|宗|份|起|个|条|项|次)/;
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
  // A reason in brackets right after (不予公开1件（涉及国家秘密）) names the sub-row; a breakdown
  // with figures (（其中过程性信息1件）) may name only some of them, so it is left out.
  const reason = /^[（(]([^（()）\d０-９]{1,30})[）)]/.exec(text.slice(e));
  if (reason && !/[一二两三四五六七八九十]+[ \u3000]*[件宗份]/.test(reason[1]!)) e += reason[0].length;
  return text.slice(s, e);
}

/** `aboutRequests`: the text is part 三, about applications throughout (no sentence need say 申请). */
export function figureHits(text: string, formatId: GovFormatId, year: number, aboutRequests = false): FigureHit[] {
  const out: FigureHit[] = [];
  const lastYear = yearBefore(year);
  const seen = new Set<string>();
  for (const applicable of rulesFor(formatId)) {
    const { rule, cells, forms, needs } = applicable;
    if (!needs.some((w) => text.includes(w))) continue;
    for (const { re, kind } of forms) {
      const first = kind === 'first' || kind === 'firstSpill';
      for (const m of first ? numberFirstMatches(re, text, needs) : allMatches(re, text)) {
        const gap = first ? m[5]! : m[2]!;
        const sentence = sentenceAt(text, m.index);
        // The sentence, or for an outcome its paragraph up to it (「全年新收申请6件……。全年办结6件，其中……」), is about applications.
        const about = rule.paragraphMust ? text.slice(text.lastIndexOf('\n', sentence.start - 1) + 1, sentence.end) : sentence.text;
        if (rule.sentenceMust && !aboutRequests && !rule.sentenceMust.test(about)) continue;
        const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf('；', m.index), sentence.start - 1) + 1;
        const prefix = text.slice(clauseStart, m.index);
        if (rule.notAbout && rule.notAbout.test(prefix + m[1]! + gap)) continue;
        if (rule.ledBy || rule.notLedBy) {
          // An applicant's figure follows its name at once (自然人3件, 自然人提出1件), never after a colon (均为自然人申请：1件予以公开).
          if (!/^[\s\u3000]*(?:共|共计|为|有)?[\s\u3000]*$/.test(gap)) continue;
          const led = text.slice(sentence.start, m.index);
          if ((rule.ledBy && !rule.ledBy.test(led)) || (rule.notLedBy && rule.notLedBy.test(led))) continue;
        }
        if (NOT_THIS_YEAR.test(prefix + gap) || lastYear.test(prefix)) continue;
        if (first) {
          // The number opens its clause (「其中3件不予公开」), or a qualifier ending in 的 does
          // (「对不符合条例规定的1件申请作不予处理」); else it is counted by the words before it.
          const opening = text.slice(lastClauseMark(text, m.index), m.index);
          // 「自然人申请的3件均予以公开」 is a part of the outcome, not its figure.
          if (!FIRST_OPENER.test(opening) && !(/的[\s\u3000]*$/.test(opening) && !ALL_KEYWORDS.test(opening) && !APPLICANTS.test(opening))) continue;
          // 「5件因本机关不掌握相关政府信息而无法提供」: a sub-row's words may stand between; another outcome's may not.
          if (otherKeyword(gap, rule)) continue;
          // 「其中1件申请人为商业企业，决定予以公开」: the applicant's share of the outcome, not its figure.
          if (!rule.ledBy && APPLICANTS.test(gap)) continue;
        } else {
          if (kind !== 'afterSpill' && CLAUSE_IN_GAP.test(gap)) continue;
          // Another figure's keyword between ours and the number: the number is theirs,
          // unless the sentence says both are the same (“行政复议、行政诉讼均为0件”).
          if (ALL_KEYWORDS.test(gap) && !SAME_FOR_BOTH.test(gap)) continue;
          if (gap.includes('、') && !SAME_FOR_BOTH.test(gap) && !rule.listGap) continue;
          // Labels first, figures after (予以公开和无法提供分别为3件、1件): the first figure is not this label's.
          if (gap.includes('分别')) continue;
          // The number's clause goes on to another figure's keyword: 「予以公开，1件属于过程性信息不予公开」.
          if (kind === 'afterSpill' && (ALL_KEYWORDS.test(m[5]!) || /中[，,]/.test(gap))) continue;
        }
        // Another count between the keyword and the number (予以公开两件，告知申请人1件): the number is not the keyword's.
        if (COUNT_IN_GAP.test(gap)) continue;
        // 「行政许可申请12件」「行政复议培训1次」「行政处罚信息5条」 count something else.
        const objects = gap.replace(/(政府)?信息公开/g, '');
        // After a number that comes first, 期限/以内 are the application's circumstances (因在法定答复期限内), not a duration.
        if ((first ? OTHER_OBJECTS_FIRST : OTHER_OBJECTS).test(objects) || (cells[0]!.startsWith('t2.') && gap.includes('申请'))) continue;
        if (PERCENT.test(text.charAt(m.index + m[1]!.length + m[2]!.length + m[3]!.length + m[4]!.length))) continue;
        const stated = parseNumber(m[3]!);
        if (stated === null) continue;
        // The keyword has a number of its own: 「三件申请均已办结，其中予以公开2件」.
        if (
          kind === 'firstSpill' &&
          /^[\s\u3000]*(?:[0-9０-９]|[零〇一二两三四五六七八九十百]+\s*(?:件|宗|份|起))/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))
        )
          continue;
        // The same figure read by two rules for the same cells (新收申请5件 / 新收5件) is one figure.
        const key = `${cells.join('+')}:${m.index + m[1]!.length + m[2]!.length}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const end = m.index + m[0].length - (kind === 'afterSpill' ? m[5]!.length : 0);
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

/**
 * The matches of a number-first pattern (sticky), tried only where the facts layer found an exact
 * count: scanning the whole text from every numeral with a lazy gap is slow, and the text is read
 * again after every pause in typing.
 */
function numberFirstMatches(re: RegExp, text: string, needs: readonly string[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const q of factsOf(text).quantities) {
    if (q.approx !== 'exact' || q.upper !== q.value) continue;
    // The keyword stands within the gap's reach after the count, or the pattern cannot match.
    const window = text.slice(q.end, q.end + 32);
    if (!needs.some((w) => window.includes(w))) continue;
    re.lastIndex = q.start;
    const m = re.exec(text);
    if (m) out.push(m);
  }
  re.lastIndex = 0;
  return out;
}
