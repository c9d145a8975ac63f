// Totals and their parts (spec §6.2 W27), read from the quantities of the facts layer: a stated
// total (共/合计/总计/累计, or any count followed by 其中/包括/分别为/a colon/brackets) and the
// parts listed with it — in the same sentence, in brackets, in the next sentence that starts with
// 其中, or before a closing 合计. Parts over the total are always wrong; parts short of it only when
// the list claims to be complete (分别为, a colon, brackets, 包括 without 等, applicant types, 其他).
// A 其中-list closing its sentence whose parts come within a tenth of the total reads as the whole
// list with a slip, but may be a part of it: a 提示 (请核对).
import type { Finding } from '../report';
import type { Mark, Quantity, SourceFacts } from './facts';
import { factsOf, memo } from './facts';
import { CARRIED_IN, CLAUSE_ITEM } from './phrases';
import type { TextSource } from './text';
import { quote, textFinding } from './text';
import { round, shareMarks } from './shares';

/** Words before a count that make it a total. */
const TOTAL_BEFORE = /(共|共计|合计|总计|累计|总共|一共)[^，,；;。：:]{0,24}$/;
/** What may follow a total and open its list; group 1 says how complete the list claims to be. */
const OPENER =
  /^[ \u3000]*(?:[，,]?[ \u3000]*(?:[^，,。；;：:\d（(]{0,8}?(分别为|分别是|具体为|具体是|具体如下|结果为|情况为|情况如下)|(其中|包括|包含|含|按[^，,。；;：:\d]{1,8}?(?:分|划分|统计)))[，,：:\s]*|([：:])\s*|([（(])(?:[ \u3000]*(其中|包括|含)[，,：:\s]*)?)/;
const LIST_HINT = /其中|包括|包含|含|按|分别|具体|结果为|情况为|情况如下|[：:（(。；;]/;
/** What opens a list at the start of the next sentence: 其中，/ 从申请人看，/ 按申请人类型分，. */
const NEXT_OPENER =
  /^[\s\u3000]*(其中|从[^，,。：:]{1,8}(?:看|来看|分析)|按[^，,。：:]{1,8}(?:分|划分|统计|看)|分[^，,。：:]{1,6}(?:看|统计)|具体(?:来看|为|是|如下|情况如下)|各类(?:信息)?(?:分别为|如下))[，,：:\s]*/;
/** A label that ends a list: the clause goes on about something else. */
const CLAUSE_STOP =
  /^(办结|答复|结转|较|同比|环比|比上年|上年|其余均|另|此外|同时|并|已|均|全部|共|合计|总计|累计|按期|按时|办理|占|涉及|主要|比|与|增|减|下降|增长|分别较)/;
/** Parts that together name everything: the applicant types of table 三, or a rest bucket. */
const CLOSED_SET = /(自然人|法人|其他组织|商业企业|科研机构|社会公益组织|法律服务机构)/;
const REST = /^(其他|其它|其余|另有|剩余)/;
const PERCENT_GAP = /[（(]?占比?[^，,；;。、）)]{0,6}?[0-9.]+\s*[%％][）)]?/g;
const SEPARATORS = /[、，,；;和及与\s\u3000]|以及|分别为/g;

const outsideBrackets = (s: string) => s.replace(/[（(][^（()）]*[）)]/g, '');

/** A sum mark; `unsure` when a reading exists that makes the text right (a 提示, 请核对). */
interface SumMark extends Mark {
  unsure?: true;
}

interface Part {
  q: Quantity;
  label: string;
}

/** The range a written total stands for: 300余 is 301–399, 近300 is 270–299, 约300 is 270–330. */
function totalRange(q: Quantity): [number, number] {
  const v = q.value;
  if (q.approx === 'exact') return [v, q.upper];
  if (q.approx === 'more') {
    let step = 1;
    for (let x = v; x >= 10 && x % 10 === 0; x /= 10) step *= 10;
    return [v, v + Math.max(step, 1)];
  }
  if (q.approx === 'near') return [Math.floor(v * 0.9), v];
  return [Math.floor(v * 0.9), Math.ceil(v * 1.1)];
}

/** Every total and its parts in one text, with the verdict. */
export function checkSums(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature' || src.section === 'period') continue;
    for (const m of memo(factsOf(src.text), 'sums', () => sumMarks(factsOf(src.text)))) {
      const f = textFinding('review.sum_parts', `${src.label}中${m.message}`, src, m.start, m.end, m.context);
      out.push(m.unsure ? { ...f, severity: 'info' } : f);
    }
  }
  return out;
}

/** The totals of one text whose parts do not add up (text only, so kept with the text's facts). */
function sumMarks(facts: SourceFacts): SumMark[] {
  const out: SumMark[] = shareMarks(facts);
  const qs = facts.quantities;
  if (qs.length < 2) return out;
  const used = new Set<number>();
  for (let i = 0; i < qs.length; i++) {
    if (used.has(i)) continue;
    const verdict = partsAfter(facts, i) ?? partsBefore(facts, i);
    if (!verdict) continue;
    for (const p of verdict.partIndexes) used.add(p);
    const m = judge(facts, verdict);
    if (m) out.push(m);
  }
  return out;
}

interface Verdict {
  total: Quantity;
  parts: Part[];
  partIndexes: number[];
  /** the list claims to name every part */
  complete: boolean;
  /** a list that does not claim it but reads as the whole (a 提示 when short of the total) */
  readsComplete: boolean;
  /** where the finding points: the total through the last part */
  start: number;
  end: number;
}

/** A count that is a change or a comparison (较上年增加37条) is no total of anything. */
const CHANGE_CLAUSE = /(较|比|同比|环比|增加|减少|增长|下降|多了|少了|上升)/;
/** A change clause right after a total: 「，较上年增加37条」「，同比增长14.6%」. */
const CHANGE_AFTER = /^[，,][ \u3000]*(?:较|比|同比|环比|与上年相比|与去年相比|相比)[^，,；;。！？\n]*/;

function partsAfter(facts: SourceFacts, i: number): Verdict | null {
  const { text, quantities: qs, sentences: ss } = facts;
  const total = qs[i]!;
  // A change clause right after the total (，较上年增加37条，其中……) is passed over: the list
  // that follows it is the total's.
  let listFrom = total.end;
  for (let c = CHANGE_AFTER.exec(text.slice(listFrom)); c; c = CHANGE_AFTER.exec(text.slice(listFrom))) listFrom += c[0].length;
  // A clause end closes a list unless the next clause opens with 其中/包括 (issue 19 §2): 「108条，较上年增加31条；其中，……」.
  const semicolonOpener = /^[；;][ \u3000]*(?=其中|包括)/.exec(text.slice(listFrom, listFrom + 4));
  if (semicolonOpener) listFrom += semicolonOpener[0].length;
  let rest = text.slice(listFrom, listFrom + 16);
  // Cheap first: a list opens only with one of these words or marks after the total, or at the
  // end of its sentence (a list in the next one).
  if (!LIST_HINT.test(rest)) return null;
  if (CHANGE_CLAUSE.test(text.slice(total.clauseStart, total.start))) return null;
  let zoneStart: number;
  let kind: string | undefined;
  let bracket = false;
  let m = OPENER.exec(rest);
  let crossed = false;
  if (!m) {
    // A list in the next sentence: 「全年共收到申请7件。其中，自然人5件……」「……。从申请人看，自然人5件……」
    // The total is the sentence's 共/合计 figure, wherever it stands in its sentence, or, without
    // one, the sentence's only figure of that measure (「全年公开信息75条。按类别分：……」).
    const next = ss[total.sentence + 1];
    if (!next) return null;
    const sameMeasure = qs.filter((q) => q.sentence === total.sentence && q.measure === total.measure);
    if (TOTAL_BEFORE.test(text.slice(total.clauseStart, total.start))) {
      const laterTotal = sameMeasure.some((q) => q.start > total.start && TOTAL_BEFORE.test(text.slice(q.clauseStart, q.start)));
      if (laterTotal) return null;
    } else if (sameMeasure.filter((q) => !CHANGE_CLAUSE.test(text.slice(q.clauseStart, q.start))).length !== 1) return null;
    rest = text.slice(next.start, next.start + 16);
    m = NEXT_OPENER.exec(rest);
    if (!m) return null;
    zoneStart = next.start + m[0].length;
    kind = m[1] === '其中' ? '其中' : 'by';
    crossed = true;
  } else {
    zoneStart = listFrom + m[0].length;
    kind = m[1] ? '分别为' : (m[2] ?? m[5] ?? (m[3] ? '：' : undefined));
    bracket = Boolean(m[4]);
    // A bare bracket opens a list only after a total word (共…（）); 其中/分别为 and a colon right
    // after the count (发布信息120条：工作动态50条……) always do.
    if (bracket && !m[5] && !TOTAL_BEFORE.test(text.slice(total.clauseStart, total.start))) return null;
    if (m[3] && listFrom !== total.end) return null;
  }
  // Read the list up to a clause end; a list whose items are separated by semicolons (其中:自然人10件;法人3件)
  // is read on past them.
  let read = collectParts(facts, i, zoneStart, crossed, bracket, false);
  if (read.parts.length < 2 && read.semicolon) read = collectParts(facts, i, zoneStart, crossed, bracket, true);
  const { parts, partIndexes, pos, semicolon } = read;
  // One part after 其中 is a part of the total whatever else the total holds: over the total it is wrong.
  const oneOver = parts.length === 1 && kind === '其中' && parts[0]!.q.value > total.upper;
  if (parts.length < 2 && !oneOver) return null;
  const listTail = text.slice(pos, pos + 3);
  const etc = /^[\s]*等/.test(listTail);
  const complete =
    !etc &&
    (kind === '分别为' ||
      kind === '：' ||
      kind === '包括' ||
      kind === '包含' ||
      (bracket && !m?.[5]) ||
      parts.some((p) => CLOSED_SET.test(p.label) || REST.test(p.label)));
  // Counts in the clauses before 其中 (收到6件，上年结转1件，其中……): the list may be of any of them
  // or of all together, so it is judged only against the one it fits worst when it fits none.
  const others: number[] = [];
  for (let j = 0; j < qs.length; j++) {
    const q = qs[j]!;
    if (j === i || q.sentence !== total.sentence || (!crossed && j > i)) continue;
    if (q.measure === total.measure && !CHANGE_CLAUSE.test(text.slice(q.clauseStart, q.start))) others.push(q.value);
  }
  if (others.length > 0) {
    const sum = round(parts.reduce((a, p) => a + p.q.value, 0));
    const all = round(others.reduce((a, b) => a + b, total.value));
    if (others.includes(sum) || sum === all || (sum < all && !complete)) return null;
  }
  // The list stopped at a semicolon: its items may go on clause after clause (予以公开10宗；部分公开3宗；……).
  // When they add up read that way, no reading is certainly wrong.
  if (semicolon && fits(total, topLevelSum(facts, total, zoneStart))) return null;
  // A 其中-list that closes its sentence with no 等 may be the whole list or a part of it.
  const readsComplete = !etc && kind === '其中' && /^[）)]?[ \u3000]*(?:[。；;！？\n]|$)/.test(listTail);
  return { total, parts, partIndexes, complete, readsComplete, start: total.start, end: parts[parts.length - 1]!.q.end };
}

/**
 * The sum of a list read as running through its whole sentence clause after clause: each figure
 * outside brackets, except those of a clause's own sub-list (不予公开3件，其中……2件、……1件).
 */
/** A clause about applications carried into next year: 「1件……结转至2023年继续办理」「转入下年度办理」. */
const CARRIED_ON = /结转|转入|转至|下一?年度?(?:继续)?办理/;

function topLevelSum(facts: SourceFacts, total: Quantity, zoneStart: number): number {
  const { text, quantities: qs } = facts;
  let sum = 0;
  let clauseHasItem = false;
  let clauseFrom = zoneStart;
  // What is carried into next year is never among the applications 办结 (table 三's rows are apart).
  const closed = /办结/.test(text.slice(total.clauseStart, total.start));
  for (const q of qs) {
    if (q.start < zoneStart || q.measure !== total.measure) continue;
    if (q.sentence !== total.sentence && q.sentence !== facts.sentences.findIndex((s) => s.start <= zoneStart && zoneStart < s.end)) break;
    const before = text.slice(clauseFrom, q.start);
    const semi = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'));
    if (semi >= 0) {
      clauseFrom += semi + 1;
      clauseHasItem = false;
    }
    const inClause = text.slice(clauseFrom, q.start);
    if ((inClause.match(/[（(]/g)?.length ?? 0) > (inClause.match(/[）)]/g)?.length ?? 0)) continue;
    if (clauseHasItem && /其中|包括|含|分别/.test(inClause)) continue;
    if (closed && CARRIED_ON.test(text.slice(clauseFrom, text.slice(q.end).search(/[；;。！？\n]|$/) + q.end))) continue;
    sum += q.value;
    clauseHasItem = true;
  }
  return round(sum);
}

function fits(total: Quantity, sum: number): boolean {
  const [low, high] = totalRange(total);
  return total.approx === 'more' ? sum > low && sum < high : sum >= low && sum <= high;
}

/** The parts listed after a total, from `zoneStart`; `pastSemicolons` reads on past clause ends. */
function collectParts(facts: SourceFacts, i: number, zoneStart: number, crossed: boolean, bracket: boolean, pastSemicolons: boolean) {
  const { text, quantities: qs } = facts;
  const total = qs[i]!;
  const parts: Part[] = [];
  const partIndexes: number[] = [];
  let pos = zoneStart;
  let lastSentence = crossed ? total.sentence + 1 : total.sentence;
  let semicolon = false;
  for (let j = i + 1; j < qs.length; j++) {
    const q = qs[j]!;
    // Across sentences, the rest of the total's own sentence is not the list; nor is a change clause passed over.
    if ((crossed && q.sentence === total.sentence) || q.start < zoneStart) continue;
    if (q.sentence !== lastSentence) break;
    if (q.measure !== total.measure) break;
    let gap = text.slice(pos, q.start);
    if (bracket && /[）)]/.test(gap)) break;
    gap = gap.replace(PERCENT_GAP, '');
    if (/[。！？\n]/.test(gap)) break;
    // A nested figure in brackets (其中自然人3件（含2件网上申请）) belongs to its part.
    if (/[（(][^）)]*$/.test(gap) && parts.length > 0) continue;
    // What a part said in brackets is no label of the next one.
    gap = gap.replace(/[（(][^（()）]*[）)]/g, '');
    // A clause end closes the list (issue 19 §2) unless the next clause opens another list of it.
    if (/[；;]/.test(gap) && !/[；;][\s\u3000]*(其中|分别|包括)/.test(gap)) {
      semicolon = true;
      if (!pastSemicolons) break;
    }
    // Another list opens with its labels first (，予以公开和无法提供分别为3件、1件): this one has ended.
    if (parts.length > 0 && gap.includes('分别')) break;
    const label = gap
      .replace(SEPARATORS, '')
      .replace(/^(是|为|有)/, '')
      .replace(/(的|为|是|有|共|计)$/, '');
    if (parts.length > 0 && CLAUSE_STOP.test(label)) break;
    // A label that is a clause of its own (云林新韵微信公众号发布信息224条) after labels that name kinds
    // (工作动态信息91条): another channel's or subject's count, not a part of this list.
    if (parts.length > 0 && CLAUSE_ITEM.test(label) && !parts.some((p) => CLAUSE_ITEM.test(p.label))) break;
    if (label.length > 24) break;
    parts.push({ q, label });
    partIndexes.push(j);
    pos = q.end;
    lastSentence = q.sentence;
  }
  return { parts, partIndexes, pos, semicolon };
}

/** 「自然人3件、法人2件，合计5件」: the parts come first, the total closes the list. */
function partsBefore(facts: SourceFacts, i: number): Verdict | null {
  const { text, quantities: qs } = facts;
  const total = qs[i]!;
  if (total.start - total.clauseStart > 6) return null;
  const before = text.slice(total.clauseStart, total.start);
  if (!/^(共计|合计|总计|共|一共|总共)$/.test(before.replace(/[\s\u3000]/g, ''))) return null;
  const parts: Part[] = [];
  const partIndexes: number[] = [];
  let pos = total.clauseStart;
  for (let j = i - 1; j >= 0; j--) {
    const q = qs[j]!;
    if (q.sentence !== total.sentence || q.measure !== total.measure) break;
    // A part's note in brackets (新收7件（自然人6件、企业1件）) is passed over: its figures are the part's own.
    const gap = outsideBrackets(text.slice(q.end, pos));
    if (/[）)]/.test(gap)) continue;
    if (!/^[、，,；;和及与\s]*$/.test(gap)) break;
    let labelStart = facts.sentences[q.sentence]!.start;
    // The label starts after the previous figure outside brackets.
    for (let k = j - 1; k >= 0 && qs[k]!.sentence === q.sentence; k--) {
      if (!/[）)]/.test(outsideBrackets(text.slice(qs[k]!.end, q.start)))) {
        labelStart = qs[k]!.end;
        break;
      }
    }
    const label = outsideBrackets(text.slice(Math.max(labelStart, q.clauseStart), q.start)).replace(SEPARATORS, '');
    // 上年结转 is a part of the applications handled (table 三: 一 + 二), not a clause about something else.
    if (label.length > 24 || (CLAUSE_STOP.test(label) && !CARRIED_IN.test(label))) break;
    parts.unshift({ q, label });
    partIndexes.unshift(j);
    pos = Math.max(labelStart, q.clauseStart);
  }
  if (parts.length < 2) return null;
  // A closing 合计/共计/总计 adds up what was listed before it: the list is complete. So is 新收 and
  // 上年结转 followed by 共 (table 三's 一 + 二).
  const newAndCarried = parts.length === 2 && /新收|收到|受理/.test(parts[0]!.label) && CARRIED_IN.test(parts[1]!.label);
  const complete =
    newAndCarried || !/^(共|一共|总共)$/.test(before.replace(/[\s\u3000]/g, '')) || parts.some((p) => CLOSED_SET.test(p.label) || REST.test(p.label));
  return { total, parts, partIndexes, complete, readsComplete: false, start: parts[0]!.q.start, end: total.end };
}

/**
 * Parts that reach this share of their total without reaching it read as the whole list with a slip
 * (218 stated, 209 listed); a list of some highlighted parts rarely comes this close.
 */
const NEAR_WHOLE = 0.9;

function judge(facts: SourceFacts, v: Verdict): SumMark | null {
  // Parts with a range or a vague figure cannot be added up.
  if (v.parts.some((p) => p.q.approx !== 'exact' || p.q.upper !== p.q.value)) return null;
  const sum = round(v.parts.reduce((a, p) => a + p.q.value, 0));
  const [low, high] = totalRange(v.total);
  const vague = v.total.approx !== 'exact';
  const approx = v.total.approx;
  const over = approx === 'more' ? sum >= high : sum > high;
  const short = approx === 'more' ? sum <= low : sum < low;
  const under = v.complete && short;
  // A 其中-list short of its total may name only some parts; when it reads as the whole list
  // (see readsComplete) it is a 提示 to check, never a warning
  // (an exact total only: 一千二百余条 is not meant to add up to the figure).
  const unsure = !over && !under && short && !vague && v.readsComplete && sum >= NEAR_WHOLE * v.total.value;
  if (!over && !under && !unsure) return null;
  const unit = v.total.measure;
  const written = facts.text.slice(v.total.start, v.total.end).replace(/\s+/g, '');
  const s = facts.sentences[v.total.sentence]!;
  const context = facts.text.slice(s.start, Math.max(s.end, v.end));
  const listed = v.parts.map((p) => `${p.label}${p.q.value}${unit}`).join('、');
  const why = vague
    ? `“${written}”的意思是${v.total.approx === 'near' ? `不到${v.total.value}${unit}` : v.total.approx === 'more' ? `${low}${unit}多、不到${high}${unit}` : `${low}至${high}${unit}左右`}，`
    : `总数是${v.total.value}${unit}，`;
  const fix =
    under && !over
      ? '各项加起来比总数少：如果还有没列出的部分，请写明“其他××”；否则请核对总数和各项数字。'
      : '各项加起来超过了总数，请核对总数和各项数字，使两者一致。';
  if (unsure) {
    return {
      message: `「${quote(context.trim(), 90)}」${why}但列出的${listed}加起来是${sum}${unit}，少了${round(v.total.value - sum)}${unit}。请核对：列出的如果是全部类别，总数或某项数字有误；如果只列了一部分，可写明“等”或“其他××条”。`,
      start: v.start,
      end: v.end,
      context,
      unsure,
    };
  }
  const stated =
    v.parts.length === 1 ? `但其中的${listed}就超过了总数。请核对这两个数字，使部分不超过总数。` : `但列出的${listed}加起来是${sum}${unit}。${fix}`;
  return { message: `「${quote(context.trim(), 90)}」${why}${stated}`, start: v.start, end: v.end, context };
}
