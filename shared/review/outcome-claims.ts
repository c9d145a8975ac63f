// Outcomes the text states without a figure of their own, where the count they apply to is certain
// (spec §6.2 W27): 「全年收到申请1件，……，决定不予公开」 gives the one application's outcome, 「行政复议1件，
// ……，结果予以纠正」 the one case's result, 「自然人和商业企业各1件」 each applicant type's count. When the
// table has nothing under that outcome (or another count for the type), text and table contradict
// each other with no reading that makes both right. Anything less certain (several
// figures, several outcomes, a negation) is left to the figure check or to no one.
import { formatModel, isGovFormatId } from '../formats/index';
import { T3_DENIED_KEYS } from '../formats/common';
import type { Finding, ReportDoc } from '../report';
import type { TextSource } from './text';
import { factsOf, memo } from './facts';
import { allMatches, NUMBER_SOURCE, parseNumber, quote, textFinding } from './text';

interface Outcome {
  /** the words that state it, as a bare clause */
  words: RegExp;
  what: string;
  /** the rows of table 三 whose 总计 make up the outcome */
  rows: readonly string[];
}

/** Table 三's outcomes a clause may state on its own (「，决定不予公开，」「，均予以公开。」). */
const T3_OUTCOMES: readonly Outcome[] = [
  { words: /^(?:依法)?(?:决定)?(?:予以)?部分公开$/, what: '部分公开', rows: ['partial_grant'] },
  { words: /^(?:依法)?(?:决定)?不予(?:以)?公开$/, what: '不予公开', rows: T3_DENIED_KEYS },
  { words: /^(?:依法)?(?:决定)?(?:全部)?予以(?:全部)?公开$/, what: '予以公开', rows: ['granted'] },
  // 「（经核查后）告知其该信息不属于本机关掌握」: the information is not held, told as the answer.
  {
    words: /(?:告知|答复)[^，,]{0,12}?(?:不属于本机关掌握|本机关不掌握|不由本机关掌握)(?:的?(?:相关)?(?:政府)?信息)?$/,
    what: '本机关不掌握相关政府信息',
    rows: ['unable_not_held'],
  },
];

/** New applications counted in the sentence: 收到政府信息公开申请1件, 新收申请2件, 收到1件申请. */
const NEW_COUNT = new RegExp(
  `(?:新收|收到|接收|受理|接到)(?:了)?(?:[^。；;，,\\d]{0,16}?申请(?:共|共计)?[ \\u3000]*(${NUMBER_SOURCE})[ \\u3000]*件|[ \\u3000]*(${NUMBER_SOURCE})[ \\u3000]*件[^。；;，,\\d]{0,12}?申请)`,
);
const ANY_COUNT = new RegExp(`(?:${NUMBER_SOURCE})[ \\u3000]*(?:件|宗|份|起)`, 'g');
/** Words that make the sentence about more than the new applications' outcome. */
const OTHER_APPLICATIONS = /结转[^，,。；;]{0,6}?(?:[1-9１-９一二两三四五六七八九十]|申请)|上年|其中|分别|复议|诉讼|许可|补正/;
/** A clause that states one outcome for all (均/全部) or for the only application. */
const ALL_OF_THEM = /^(?:均|全部|均已|已全部|都)/;

/** Table 四's results of 行政复议 a clause may state (结果予以纠正, 复议机关维持原答复). */
const REVIEW_RESULTS: readonly { words: RegExp; what: string; column: string }[] = [
  { words: /纠正|纠错|撤销|责令重新答复|确认违法/, what: '结果纠正', column: 'correct' },
  { words: /维持/, what: '结果维持', column: 'maintain' },
  { words: /尚未审结|未审结|正在审理|审理中/, what: '尚未审结', column: 'pending' },
];
/** Applicant types of table 三 and their 新收 cells (法人或其他组织: all five columns). */
const APPLICANT_COLUMNS: readonly { words: RegExp; label: string; columns: readonly string[] }[] = [
  { words: /^自然人$/, label: '自然人', columns: ['natural_person'] },
  { words: /^商业企业$/, label: '商业企业', columns: ['commercial_enterprise'] },
  { words: /^科研机构$/, label: '科研机构', columns: ['research_institution'] },
  { words: /^社会公益组织$/, label: '社会公益组织', columns: ['social_welfare_org'] },
  { words: /^法律服务机构$/, label: '法律服务机构', columns: ['legal_service_org'] },
  {
    words: /^法人(?:或|和|及)?其他组织$/,
    label: '法人或其他组织',
    columns: ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'],
  },
];
/** 「自然人和商业企业各1件」: two or more applicant types, each with the same figure. */
const EACH = new RegExp(`([\u4e00-\u9fa5、和及与]{4,30}?)各[ \u3000]*(${NUMBER_SOURCE})[ \u3000]*件`);
const REVIEW_COUNT = new RegExp(`行政复议(?:申请|案件)?[ \\u3000]*(${NUMBER_SOURCE})[ \\u3000]*(?:件|起|宗|例)`);

const T3_COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other'];
const T4_COLUMNS = ['maintain', 'correct', 'other', 'pending'];

/** The segments of a text (up to 。！？； or a line end) with their start. */
const SEGMENT = /[^。！？；;\n]+/g;

function segments(text: string): { text: string; start: number }[] {
  return allMatches(SEGMENT, text).map((m) => ({ text: m[0], start: m.index }));
}

interface Claims {
  seg: { text: string; start: number };
  t3: ReturnType<typeof t3Claim>;
  each: ReturnType<typeof applicantsEach>;
  t4: ReturnType<typeof reviewClaim>;
}

/** What a text claims, read once per text (the tables are compared on every check). */
function claimsOf(text: string): readonly Claims[] {
  if (!text.includes('件') || (!text.includes('申请') && !text.includes('复议') && !text.includes('诉讼'))) return [];
  return memo(factsOf(text), 'outcome-claims', () =>
    segments(text)
      .map((seg) => ({ seg, t3: t3Claim(seg.text), each: applicantsEach(seg.text), t4: reviewClaim(seg.text) ?? litigationClaim(seg.text) }))
      .filter((c) => c.t3 || c.each || c.t4),
  );
}

export function checkOutcomeClaims(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const formatId = doc.formatId;
  const model = formatModel(formatId);
  // A row's 总计 is the sum of its columns (cheaper than deriving every total of the tables).
  const value = (k: string) => {
    if (!k.endsWith('.total')) return doc.cells[k] ?? 0;
    const row = k.slice(0, -'total'.length);
    return (k.startsWith('t3.') ? T3_COLUMNS : T4_COLUMNS).reduce((a, c) => a + (doc.cells[row + c] ?? 0), 0);
  };
  const out: Finding[] = [];
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature' || src.section === 'period') continue;
    const claims = claimsOf(src.text);
    // Nothing is compared with a table not filled in yet (its counts are 0, so no count agrees).
    if (claims.length === 0) continue;
    for (const { seg, t3, each, t4 } of claims) {
      // Only where the count agrees with the table (else the figure check says so): the outcome is what differs.
      if (t3 && value('t3.new_received.total') === t3.count && t3.outcome.rows.every((r) => value(`t3.${r}.total`) === 0)) {
        const labels =
          t3.outcome.rows.length > 1 ? `“${t3.outcome.what}”各行` : `“${model.byKey.get(`t3.${t3.outcome.rows[0]}.total`)?.label ?? t3.outcome.what}”`;
        out.push({
          ...textFinding(
            'review.narrative_figure',
            `${src.label}中「${quote(seg.text.trim(), 80)}」说${t3.count === 1 ? '这1件申请' : `这${t3.count}件申请`}${t3.outcome.what}，而表三${labels}${t3.outcome.rows.length > 1 ? '都' : ''}是 0。文字和表格必须一致：请核对这${t3.count}件申请的办理结果，改正表三填错的行，或改正文字。`,
            src,
            seg.start + t3.at,
            seg.start + t3.at + t3.length,
            seg.text,
          ),
          cells: t3.outcome.rows.map((r) => `t3.${r}.total`),
          expected: t3.count,
          actual: 0,
        });
      }
      if (each && value('t3.new_received.total') > 0) {
        const wrong = each.types.filter((t) => t.columns.reduce((a, c) => a + value(`t3.new_received.${c}`), 0) !== each.count);
        if (wrong.length) {
          const cells = wrong.flatMap((t) => t.columns.map((c) => `t3.new_received.${c}`));
          const inTable = wrong.map((t) => `${t.label}${t.columns.reduce((a, c) => a + value(`t3.new_received.${c}`), 0)}件`).join('、');
          out.push({
            ...textFinding(
              'review.narrative_figure',
              `${src.label}中「${quote(seg.text.trim(), 80)}」说${each.types.map((t) => t.label).join('、')}各提出${each.count}件申请，而表三“本年新收政府信息公开申请数量”中${inTable}。文字和表格必须一致：请核对申请人类型，改正表三或文字。`,
              src,
              seg.start + each.at,
              seg.start + each.at + each.length,
              seg.text,
            ),
            cells,
            expected: each.count,
            actual: wrong[0]!.columns.reduce((a, c) => a + value(`t3.new_received.${c}`), 0),
          });
        }
      }
      const t4Keys = t4?.groups.map((g) => `t4.${g}.${t4.result.column}`) ?? [];
      const t4Total = t4?.groups.reduce((a, g) => a + value(`t4.${g}.total`), 0);
      if (t4 && t4Total === t4.count && t4Keys.every((k) => model.byKey.has(k) && value(k) === 0)) {
        const kind = t4.groups[0] === 'review' ? '行政复议' : '行政诉讼';
        out.push({
          ...textFinding(
            'review.narrative_figure',
            `${src.label}中「${quote(seg.text.trim(), 80)}」说${t4.count}件${kind}${t4.result.what}，而表四${kind === '行政复议' ? kind : ''}${t4Keys.map((k) => `“${model.byKey.get(k)?.label ?? t4.result.what}”`).join('和')}是 0。文字和表格必须一致：请核对${kind === '行政复议' ? '复议' : '诉讼'}结果，改正表四或文字。`,
            src,
            seg.start + t4.at,
            seg.start + t4.at + t4.length,
            seg.text,
          ),
          cells: t4Keys,
          expected: t4.count,
          actual: 0,
        });
      }
    }
  }
  return out;
}

/** 「全年收到申请1件，……，决定不予公开」: the new applications' one stated outcome and their count. */
function t3Claim(seg: string): { outcome: Outcome; count: number; at: number; length: number } | null {
  if (!seg.includes('申请') || !seg.includes('公开')) return null;
  const m = NEW_COUNT.exec(seg);
  if (!m) return null;
  const count = parseNumber(m[1] ?? m[2]!);
  if (!count) return null;
  // One figure only (the new applications'), and nothing else counted or compared in the sentence.
  if ((seg.match(ANY_COUNT) ?? []).length !== 1 || OTHER_APPLICATIONS.test(seg)) return null;
  let found: { outcome: Outcome; at: number; length: number } | null = null;
  let pos = 0;
  for (const raw of seg.split(/([，,：:])/)) {
    const clause = raw.trim();
    const bare = clause.replace(ALL_OF_THEM, '').replace(/^(?:经审查|经研究)?/, '');
    const outcome = T3_OUTCOMES.find((o) => o.words.test(bare));
    if (outcome) {
      // Two outcomes for one set of applications: no single reading.
      if (found) return null;
      // Several applications with one outcome only when the clause says 均/全部.
      if (count > 1 && !ALL_OF_THEM.test(clause)) return null;
      found = { outcome, at: pos + raw.indexOf(clause), length: clause.length };
    }
    pos += raw.length;
  }
  return found && { ...found, count };
}

/** 「被申请行政复议1件，复议机关责令重新答复，结果予以纠正」: the one result of the cases. */
function reviewClaim(seg: string): { result: (typeof REVIEW_RESULTS)[number]; count: number; at: number; length: number; groups: string[] } | null {
  if (!seg.includes('复议')) return null;
  const m = REVIEW_COUNT.exec(seg);
  if (!m) return null;
  const count = parseNumber(m[1]!);
  if (!count || /诉讼/.test(seg) || (seg.match(ANY_COUNT) ?? []).length !== 1) return null;
  const after = seg.slice(m.index + m[0].length);
  const results = REVIEW_RESULTS.filter((r) => r.words.test(after));
  if (results.length !== 1 || /未|没有|无|不/.test(after.replace(/尚未审结|未审结/, ''))) return null;
  const w = results[0]!.words.exec(after)!;
  const at = m.index + m[0].length + w.index;
  // One case, or all of them (均/全部) with that result.
  if (count > 1 && !/均|全部|都/.test(after)) return null;
  return { result: results[0]!, count, at, length: w[0].length, groups: ['review'] };
}

const LITIGATION_COUNT = new RegExp(`行政诉讼(?:案件)?[ \\u3000]*(${NUMBER_SOURCE})[ \\u3000]*(?:件|起|宗|例)`);
/** How a lawsuit came, naming its group of table 四: 「（未经复议直接起诉）」「复议后起诉」. */
const HOW_SUED = /[（(]?(?:(未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)|(?:经)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼))[）)]?/;

/** 「被提起行政诉讼1件（未经复议直接起诉），法院已判决维持原答复」: the one result of the lawsuits. */
function litigationClaim(seg: string): ReturnType<typeof reviewClaim> {
  if (!seg.includes('诉讼')) return null;
  const m = LITIGATION_COUNT.exec(seg);
  if (!m) return null;
  const count = parseNumber(m[1]!);
  if (!count || (seg.match(ANY_COUNT) ?? []).length !== 1) return null;
  const how = HOW_SUED.exec(seg);
  // How it came blanked out (its 未 and 复议 are no result); any other 复议 may be the one whose result is stated.
  const plain = how ? seg.slice(0, how.index) + '　'.repeat(how[0].length) + seg.slice(how.index + how[0].length) : seg;
  if (plain.includes('复议')) return null;
  const after = plain.slice(m.index + m[0].length);
  const results = REVIEW_RESULTS.filter((r) => r.words.test(after));
  if (results.length !== 1 || /未|没有|无|不/.test(after.replace(/尚未审结|未审结/, ''))) return null;
  const w = results[0]!.words.exec(after)!;
  if (count > 1 && !/均|全部|都/.test(after)) return null;
  const groups = !how ? ['litigation_direct', 'litigation_after_review'] : /直接/.test(how[0]) ? ['litigation_direct'] : ['litigation_after_review'];
  return { result: results[0]!, count, at: m.index + m[0].length + w.index, length: w[0].length, groups };
}

/** 「全年共收到申请2件，自然人和商业企业各1件」: each applicant type named with the same count of new applications. */
function applicantsEach(seg: string): { types: (typeof APPLICANT_COLUMNS)[number][]; count: number; at: number; length: number } | null {
  if (!seg.includes('各')) return null;
  const m = EACH.exec(seg);
  if (!m) return null;
  const before = seg.slice(0, m.index);
  // About the new applications, not an outcome's or last year's.
  if (!/新收|收到|接收|受理|接到/.test(before) || /予以公开|部分公开|不予公开|无法提供|不予处理|其[他它]处理|办结|答复|结转|上年|复议|诉讼/.test(before))
    return null;
  const names = m[1]!.replace(/^(?:其中|分别为|分别是|申请人为|申请人中|为)/, '').split(/、|和|及|与/);
  const types = names.map((n) => APPLICANT_COLUMNS.find((a) => a.words.test(n)));
  if (types.length < 2 || types.some((t) => !t)) return null;
  const count = parseNumber(m[2]!);
  if (count === null) return null;
  return { types: types as (typeof APPLICANT_COLUMNS)[number][], count, at: m.index, length: m[0].length };
}
