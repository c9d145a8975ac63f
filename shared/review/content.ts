// Required content (spec §6.2 E7, W8, E23, W24, W26, I28): what a reviewer looks for in the
// narrative parts beyond their mere presence.
import { GOVERNMENT_ACCOUNTABILITY_ITEMS, getFormat, isGovFormatId } from '../formats/index';
import type { ReportFormat } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { isPeoplesGovernment } from '../report';
import {
  ACCOUNTABILITY_SYNONYMS,
  COMPARISON_PATTERNS,
  CONCRETE_MARKERS,
  FOLLOW_UP_MARKERS,
  NO_FEE_PATTERNS,
  OVERVIEW_ASPECT_SYNONYMS,
  OVERVIEW_MAX_CHARS,
  PROBLEM_MARKERS,
  STOCK_PHRASES,
} from './phrases';
import type { SourceFacts } from './facts';
import { statesMeasures } from './measures';
import { factsOf, memo } from './facts';
import type { TextSource } from './text';
import { NUMBER_SOURCE, compact, sectionFinding, textFinding } from './text';

function section(sources: TextSource[], key: string): TextSource | undefined {
  return sources.find((s) => s.section === key);
}

/** 六: the 信息处理费 (E23; a warning until the fee clause is confirmed, spec §7 item 3). */
export function checkFee(doc: ReportDoc, sources: TextSource[]): Finding[] {
  // The fee rules (国办函〔2020〕109号) apply from 2021; the 2019 format did not ask for them.
  if (doc.formatId !== 'gov-2021') return [];
  const src = section(sources, 'other_matters');
  if (!src || !src.text.trim()) return []; // an empty part is reported as such
  // What the part says about the fee depends on its words alone: kept with the text's facts.
  const said = memo(factsOf(src.text), 'fee', () => feeSaid(factsOf(src.text)));
  if (!said) return [];
  if (said.start === undefined) return [sectionFinding('review.fee', said.message, 'other_matters')];
  return [textFinding('review.fee', said.message, src, said.start, said.end!)];
}

const FEE_SUGGESTION = '“本年度未收取信息处理费。”或“本年度依据《政府信息公开信息处理费管理办法》收取信息处理费X件，共计X元。”';
const FEE_AMOUNT = new RegExp(`(${NUMBER_SOURCE})(\\.\\d+)?\\s*(元|万元)`);
const FEE_COUNT = new RegExp(`(${NUMBER_SOURCE})\\s*(件|笔|次|宗)`);

/** What is missing from the fee statement of 六 (null: nothing), with where when it is one sentence. */
function feeSaid(facts: SourceFacts): { message: string; start?: number; end?: number } | null {
  const text = facts.text;
  const suggestion = FEE_SUGGESTION;
  if (NO_FEE_PATTERNS.some((re) => re.test(text))) return null;
  const idx = text.indexOf('信息处理费');
  if (idx < 0) {
    const other = /(未|没有|不)收取[^。；]{0,8}费用/.exec(text);
    return {
      message: other
        ? `「六、其他需要报告的事项」写了“${other[0]}”，但没有点明“信息处理费”。现行格式要求报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，请写明${suggestion}`
        : `「六、其他需要报告的事项」没有说明信息处理费的收取情况。现行格式要求在这一部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，没有收取也要写明。请加上${suggestion}`,
    };
  }
  for (const s of facts.sentences) {
    if (!s.text.includes('信息处理费')) continue;
    const amount = FEE_AMOUNT.test(s.text);
    const count = FEE_COUNT.test(s.text);
    if (amount && count) return null;
    if (amount || count) {
      return {
        message: `「六、其他需要报告的事项」中“${s.text.trim()}”只写了${amount ? '金额，没有写收费的件数' : '件数，没有写收取的金额'}。请把金额（元）和件数都写上，例如“收取信息处理费2件，共计200元”。`,
        start: s.start,
        end: s.end,
      };
    }
  }
  const s = facts.sentences.find((x) => x.text.includes('信息处理费'))!;
  return {
    message: `「六、其他需要报告的事项」提到了信息处理费（“${s.text.trim()}”），但没有说明是否收取、收取多少。请写明${suggestion}`,
    start: s.start,
    end: s.end,
  };
}

/** 工作考核、社会评议和责任追究结果 for a 人民政府 (E7, 条例第五十条第（四）项). */
export function checkAccountability(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId) || !isPeoplesGovernment(doc.unit.kind, doc.unit.name)) return [];
  const overview = section(sources, 'overview')?.text ?? '';
  const problems = section(sources, 'problems')?.text ?? '';
  if (!overview.trim() && !problems.trim()) return [];
  const text = overview + '\n' + problems + '\n' + (section(sources, 'other_matters')?.text ?? '');
  const missing = GOVERNMENT_ACCOUNTABILITY_ITEMS.filter((item) => !(ACCOUNTABILITY_SYNONYMS[item] ?? [item]).some((w) => text.includes(w)));
  if (missing.length === 0) return [];
  // The 2021 format spells this out (spec §1.3, verified); the 2019 试行 format's narrative guidance
  // was not retrieved (spec §2.5), so 2019–2020 reports are held to the 条例 alone, as a warning.
  const severity = doc.formatId === 'gov-2021' ? 'error' : 'info';
  return [
    sectionFinding(
      'review.accountability',
      `${severity === 'info' ? '请核对：' : ''}乡镇（街道）属于人民政府，年度报告须写明${GOVERNMENT_ACCOUNTABILITY_ITEMS.join('、')}结果情况（条例第五十条第（四）项）。「一、总体情况」和「五、存在的主要问题及改进情况」中没有写到${missing.join('、')}。请在“（五）监督保障”中补上，例如“本年度政务公开工作纳入镇年度绩效考核，考核结果为……；开展社会评议……次；未发生因政府信息公开工作被责任追究的情况。”`,
      'overview',
      [],
      severity,
    ),
  ];
}

type Aspect = NonNullable<ReportFormat['sections'][number]['aspects']>[number];
const aspectWordsByFormat = new Map<string, { aspect: Aspect; words: string[] }[]>();
/** The five aspects of 一 with the words that show each is covered, worked out once per format. */
function aspectWords(formatId: ReportFormat['id']): { aspect: Aspect; words: string[] }[] {
  let list = aspectWordsByFormat.get(formatId);
  if (list) return list;
  const aspects = getFormat(formatId).sections.find((s) => s.key === 'overview')?.aspects ?? [];
  list = aspects.map((a) => ({ aspect: a, words: [a.title.replace(/^[（(][一二三四五六七八九十]+[）)]/, ''), ...(OVERVIEW_ASPECT_SYNONYMS[a.key] ?? [])] }));
  aspectWordsByFormat.set(formatId, list);
  return list;
}

/** 一、总体情况: the five aspects and the length (W8). */
export function checkOverview(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const src = section(sources, 'overview');
  if (!src || !src.text.trim()) return [];
  const out: Finding[] = [];
  const formatId = doc.formatId;
  const missing = memo(factsOf(src.text), `aspects:${formatId}`, () =>
    aspectWords(formatId)
      .filter(({ words }) => !words.some((w) => src.text.includes(w)))
      .map(({ aspect }) => aspect),
  );
  if (missing.length > 0) {
    out.push(
      sectionFinding(
        'review.overview_aspects',
        `「一、总体情况」应分别写主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，没有找到写${missing.map((a) => a.title).join('、')}的文字，请核对。如确实没有写，请按这几个小标题补上本年度的具体做法和数字；确实没有相关工作的，也请写明。`,
        'overview',
        [],
        'info',
      ),
    );
  }
  // Without spaces a text is never longer than with them: count only a long one.
  const length = src.text.length > OVERVIEW_MAX_CHARS ? compact(src.text).length : 0;
  if (length > OVERVIEW_MAX_CHARS) {
    out.push(
      sectionFinding(
        'review.overview_length',
        `「一、总体情况」约${length}字，超过了${OVERVIEW_MAX_CHARS}字左右的篇幅要求（部分市县的通知要求精炼到一千字左右），请核对本县的要求。如有要求，请删去与政府信息公开无关的工作总结和套话，保留各方面的具体做法和数字；本县没有篇幅要求的，可标记为已核实。`,
        'overview',
      ),
    );
  }
  return out;
}

/** Years and list numbers (“1.”“（二）”) are not details a reviewer can check. */
const YEAR_WORD = /(?:19|20)\d{2}\s*年度?/g;
const LIST_NUMBER = /^\s*[（(]?\s*[0-9０-９一二三四五六七八九十]+\s*[)）.．、]/;
const bare = (t: string) => t.replace(YEAR_WORD, '').replace(LIST_NUMBER, '');

/** How many sentences 五 has, and how many name a figure, a deadline or a named channel. */
function concreteness(facts: SourceFacts): { sentences: number; concrete: number } {
  const ss = facts.sentences.filter((s) => compact(s.text).length > 4);
  const concrete = ss.filter((s) => CONCRETE_MARKERS.some((re) => re.test(bare(s.text))));
  return { sentences: ss.length, concrete: concrete.length };
}

const lastYearReports = new Map<number, RegExp>();
/** “2024年度报告提出的问题”: last year's report followed up, built once per report year. */
function lastYearReport(year: number): RegExp {
  let re = lastYearReports.get(year);
  if (!re) lastYearReports.set(year, (re = new RegExp(`${year - 1}\\s*年度?[^。；]{0,12}(问题|报告)`)));
  return re;
}

/** 五: concrete problems with measures, not only stock phrases (W24); last year's follow-up (W26). */
export function checkProblems(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const src = section(sources, 'problems');
  if (!src || !src.text.trim()) return [];
  const said = memo(factsOf(src.text), `problems:${doc.year}`, () => problemsSaid(factsOf(src.text), doc.year));
  const out: Finding[] = [];
  const { hasProblem, hasMeasure, stock, counts } = said;
  if (!hasProblem || !hasMeasure) {
    out.push(
      sectionFinding(
        'review.problems',
        `「五、存在的主要问题及改进情况」${!hasProblem ? '没有写出本年度工作中存在的具体问题' : '只写了问题，没有写对应的改进措施'}。这一部分应逐条写出具体问题，每个问题配上改进措施（做什么、什么时候完成）。`,
        'problems',
      ),
    );
  } else if (counts && counts.concrete * 3 < counts.sentences) {
    // Mostly sentences without a figure, a deadline or a named channel: 泛泛而谈. A judgement on the
    // wording, never certain: a 提示 to check (issue 19 §2).
    out.push(
      sectionFinding(
        'review.problems',
        `「五、存在的主要问题及改进情况」多为套话（如“${stock.slice(0, 3).join('”“')}”），${counts.sentences}句中只有${counts.concrete}句写到具体的事项、数字或时限，请核对。审核时可能被认为照搬照抄、泛泛而谈。请逐条写出本单位的具体问题（如“5个村的公开栏全年只更新2次”），并配上具体措施和完成时间（如“2026年3月底前……”）。`,
        'problems',
        [],
        'info',
      ),
    );
  }
  if (!said.followUp) {
    out.push(
      sectionFinding(
        'review.problems_follow_up',
        `「五、存在的主要问题及改进情况」没有说明上一年度报告所提问题的整改情况。评估时通常会看这一点，可补一句，例如“上年度报告提出的……问题，已通过……整改到位。”`,
        'problems',
      ),
    );
  }
  return out;
}

/** What 五 says: problems, measures, stock phrases, how concrete (counted only when the stock phrases make it matter), last year's follow-up. */
function problemsSaid(facts: SourceFacts, year: number) {
  const text = facts.text;
  const hasProblem = PROBLEM_MARKERS.some((w) => text.includes(w));
  const hasMeasure = statesMeasures(text);
  const stock = STOCK_PHRASES.filter((p) => text.includes(p));
  const counts = hasProblem && hasMeasure && stock.length >= 2 ? concreteness(facts) : undefined;
  const followUp = FOLLOW_UP_MARKERS.some((re) => re.test(text)) || lastYearReport(year).test(text);
  return { hasProblem, hasMeasure, stock, counts, followUp };
}

/** A year-on-year comparison anywhere in the report (I28). */
export function checkComparison(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  // No pattern has a line break in it: looking in each text is looking in them all joined.
  if (sources.every((s) => !s.text.trim())) return [];
  const prev = String(doc.year - 1);
  if (sources.some((s) => memo(factsOf(s.text), `comparison:${prev}`, () => COMPARISON_PATTERNS.some((p) => s.text.includes(p.replace('{prev}', prev))))))
    return [];
  return [
    sectionFinding(
      'review.no_comparison',
      `报告中没有与上年的比较。评估时会看报告是否分析了本年数字的变化，可在「一、总体情况」中加一句，例如“全年主动公开信息××条，较上年增加××条”。`,
      'overview',
    ),
  ];
}
