// Text against tables (spec §6.2 W17, W27): figures stated in the narrative agree with the tables,
// “no applications” agrees with table 三, and a total stated with its parts adds up.
import { deriveTotals, formatModel, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import type { GovFormatId } from './figure-rules';
import { NOT_THIS_YEAR, figureHits } from './figure-hits';
import type { TextSource } from './text';
import { factsOf, memo } from './facts';
import { allMatches, quote, sentenceAt, textFinding } from './text';

const keysByTable = new Map<string, Map<string, string[]>>();
/** The format's cell keys table by table (t2 → its keys …), worked out once per format. */
function tableKeys(formatId: GovFormatId): Map<string, string[]> {
  let map = keysByTable.get(formatId);
  if (map) return map;
  map = new Map();
  for (const c of formatModel(formatId).cells) {
    const list = map.get(c.table) ?? [];
    list.push(c.key);
    map.set(c.table, list);
  }
  keysByTable.set(formatId, map);
  return map;
}

/**
 * Whether a table (t2, t3, t4) has any cell filled in. A filled table almost always has one of the
 * format's own cells, found at once; only otherwise are all the keys read (an unknown key counts too).
 */
function filledTables(doc: ReportDoc & { formatId: GovFormatId }): (table: string) => boolean {
  const memo = new Map<string, boolean>();
  const own = tableKeys(doc.formatId);
  return (table) => {
    let filled = memo.get(table);
    if (filled === undefined) {
      filled =
        (own.get(table) ?? []).some((k) => Object.prototype.hasOwnProperty.call(doc.cells, k)) || Object.keys(doc.cells).some((k) => k.startsWith(`${table}.`));
      memo.set(table, filled);
    }
    return filled;
  };
}

const SECTION_KEY = /^[a-z_]+$/;

export function checkFigures(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const formatId = doc.formatId;
  const model = formatModel(formatId);
  // The totals only when a figure is compared (most texts state none).
  let totals: Record<string, number> | null = null;
  const value = (k: string) => (model.byKey.get(k)?.derived ? (totals ??= deriveTotals(formatId, doc.cells))[k] : doc.cells[k]) ?? 0;
  const tableFilled = filledTables(doc as ReportDoc & { formatId: GovFormatId });
  const out: Finding[] = [];
  for (const src of sources) {
    if (!SECTION_KEY.test(src.section) || src.section === 'title' || src.section === 'signature') continue;
    const aboutRequests = src.section === 'requests';
    const hits = memo(factsOf(src.text), `figures:${formatId}:${doc.year}:${aboutRequests}`, () => figureHits(src.text, formatId, doc.year, aboutRequests));
    for (const {
      rule: { rule, cells: outcomeCells, table },
      start,
      end,
      stated,
      sentence,
      clause,
    } of hits) {
      // Figures are not compared with a table that is not filled in yet.
      if (!tableFilled(table)) continue;
      const parts = (rule.parts ?? []).filter((p) => model.byKey.has(p.cell));
      // A clause naming sub-rows of the outcome (因过程性信息不予公开1件) gives their figure, not the outcome's.
      const named = parts.filter((p) => p.words.test(clause));
      const cells = named.length ? named.map((p) => p.cell) : outcomeCells;
      const actual = cells.reduce((sum, c) => sum + value(c), 0);
      if (stated === actual || (rule.bound === 'max' && stated <= actual)) continue;
      // The sentence names sub-rows elsewhere (不掌握3件，补正后仍不明确1件): the outcome's word may
      // stand for one of them; no reading is certain, so nothing is claimed.
      if (!named.length && parts.some((p) => p.words.test(sentence)) && parts.some((p) => value(p.cell) === stated)) continue;
      const labels = cells.map((c) => model.byKey.get(c)!.label).join('＋');
      const f = textFinding(
        'review.narrative_figure',
        `${src.label}中「${quote(sentence.trim(), 80)}」写的${rule.what}是${stated}件，而表格中“${labels}”是${actual}件。叙述和表格必须一致，审核时会逐一核对。请核实后改正文字或表格。`,
        src,
        start,
        end,
        sentence,
      );
      f.cells = [...cells];
      f.expected = actual;
      f.actual = stated;
      out.push(f);
    }
    out.push(...noneClaims(src, formatId, value, tableFilled));
    if (tableFilled('t3')) out.push(...allDone(src, value));
  }
  return out;
}

/** Words about the outcome of cases, not their number (尚未审结, 败诉, 纠错). */
const OUTCOME_OF_CASES = /审结|败诉|胜诉|纠错|纠正|维持|撤销|终止|判决|结果/;

/** `needs`: a word every match contains, so a text without it is not scanned. */
const CLAIMS: {
  re: RegExp;
  needs: string;
  cells: string[];
  what: string;
  table: string;
  formatId?: GovFormatId;
  notAbout?: RegExp;
  /** words in the clause before the match that make it about another row (2024年结转申请0件) */
  notAfter?: RegExp;
  unit?: string;
}[] = [
  {
    // Not 「未发生因政府信息公开申请引发的行政复议」, which is about 复议 (the clause is read after the match).
    re: /(未|没有|无)(收到|受理|接到|接收|新增|新收)[^。；，]{0,24}?申请|(未|没有|无)(任何)?(公民|法人|其他组织|群众|个人|企业|单位|申请人)[^。；，\d]{0,20}?(提出|提交|申请)[^。；，\d]{0,12}?(申请|信息的情况)|申请[^。；，复诉]{0,6}?(为|共)?\s*(?<![0-9０-９])(0|０|零)\s*件|申请(数|数量|总数|件数)(为|是)?\s*(?<![0-9０-９])(0|０|零)(?![0-9０-９])|零申请/g,
    needs: '申请',
    cells: ['t3.new_received.total'],
    what: '没有收到政府信息公开申请',
    table: 't3',
    // …about something else the applications did or had: 复议, overdue answers, complaints.
    notAbout: /复议|诉讼|超期|逾期|超时|驳回|投诉|被|答复|办理|处理|撤回|结转/,
    notAfter: /结转|转入/,
  },
  {
    // 「无上年结转申请」 while table 三 carries some over (not 「无结转」, which may be about next year).
    re: /(未|没有|无)(上年度?|往年)结转(的|下来的)?(政府信息公开)?(申请|件)|上年度?结转(的)?(申请)?(数|数量|件数)?(为|是|共)?\s*(?<![0-9０-９])(0|０|零)(?![0-9０-９])/g,
    needs: '结转',
    cells: ['t3.carried_over.total'],
    what: '没有上年结转的申请',
    table: 't3',
  },
  {
    re: /(未|没有|无)(?!经)(发生|出现)?[^。；，]{0,16}?(行政)?复议|行政复议(案件)?(数量?)?(为|是|共)?\s*(零|0|０)(?![0-9０-９])/g,
    needs: '复议',
    cells: ['t4.review.total'],
    what: '没有行政复议',
    table: 't4',
    // 尚未审结行政复议0件, 无行政复议纠错案件: one column of table 四, not the total.
    notAbout: OUTCOME_OF_CASES,
  },
  {
    re: /(未|没有|无)(发生|出现)?[^。；，]{0,16}?(行政)?诉讼|行政诉讼(案件)?(数量?)?(为|是|共)?\s*(零|0|０)(?![0-9０-９])/g,
    needs: '诉讼',
    cells: ['t4.litigation_direct.total', 't4.litigation_after_review.total'],
    what: '没有行政诉讼',
    table: 't4',
    notAbout: OUTCOME_OF_CASES,
  },
  {
    re: /(未|没有|无)(制发|出台|印发|制定)[^。；，\d]{0,6}规范性文件/g,
    needs: '规范性文件',
    cells: ['t2.normative_documents.issued'],
    what: '没有制发行政规范性文件',
    table: 't2',
    formatId: 'gov-2021',
  },
  {
    re: /(未|没有|无)(制发|出台|印发|制定|新制作)[^。；，\d]{0,6}规范性文件/g,
    needs: '规范性文件',
    cells: ['t2.normative_documents.new_made'],
    what: '没有制作规范性文件',
    table: 't2',
    formatId: 'gov-2019',
  },
  {
    re: /(未|没有|无)(收取|发生|产生)[^。；，\d]{0,8}行政事业性收费/g,
    needs: '行政事业性收费',
    cells: ['t2.fees.amount'],
    what: '没有行政事业性收费',
    table: 't2',
    formatId: 'gov-2021',
    unit: '万元',
  },
];

/** “未收到申请” while table 三 has some; “未发生行政复议/诉讼” while table 四 has some. */
function noneClaims(src: TextSource, formatId: GovFormatId, value: (k: string) => number, tableFilled: (table: string) => boolean): Finding[] {
  const out: Finding[] = [];
  const text = src.text;
  for (const c of CLAIMS) {
    if ((c.formatId && c.formatId !== formatId) || !tableFilled(c.table) || !text.includes(c.needs)) continue;
    const matches = allMatches(c.re, text);
    if (matches.length === 0) continue;
    const actual = c.cells.reduce((s, k) => s + value(k), 0);
    if (actual === 0) continue;
    for (const m of matches) {
      const sentence = sentenceAt(text, m.index);
      const clauseStart = Math.max(text.lastIndexOf('，', m.index), sentence.start - 1) + 1;
      if (NOT_THIS_YEAR.test(text.slice(clauseStart, m.index))) continue;
      if (c.notAfter?.test(text.slice(Math.max(clauseStart, text.lastIndexOf('；', m.index) + 1), m.index))) continue;
      // “未收到……行政复议申请” is about table 四's cases, not table 三's applications.
      if (c.table === 't3' && /复议|诉讼/.test(m[0])) continue;
      if (c.notAbout) {
        const end = m.index + m[0].length;
        const rest = /^[^。；，,;！？\n]*/.exec(text.slice(end))![0];
        // For applications the match itself may hold 处理 (未收到和处理申请); for cases it may not hold 审结.
        if (c.notAbout.test(c.table === 't4' ? m[0] + rest : rest)) continue;
      }
      const f = textFinding(
        'review.none_claimed',
        `${src.label}中「${quote(sentence.text.trim(), 80)}」说${c.what}，而表格中填了${actual}${c.unit ?? '件'}。请核实：确实没有的，把表格改为0；有的，请改写这句话并写明件数。`,
        src,
        m.index,
        m.index + m[0].length,
        sentence.text,
      );
      f.cells = [...c.cells];
      f.expected = actual;
      f.actual = 0;
      out.push(f);
    }
  }
  return out;
}

/** “均已办结”“全部答复” about the applications: nothing may be carried forward then. */
// “均在法定期限内答复”“均按期答复” are about timeliness: a carried-forward one may not be due yet.
const ALL_DONE = /(均已|全部|都已|已全部|全部已|均已按时|均已按期|已全部按时|已全部按期|全部按时|全部按期)(办结|答复|办理完毕|处理完毕|作出答复|予以答复)/g;
/** …about the applications, not about 人大建议 or 热线 (the sentence must speak of 申请). */
const ABOUT_REQUESTS = /(政府信息公开申请|依申请公开|公开申请|申请)/;
const ABOUT_OTHER = /(建议|提案|热线|来信|来访|投诉|举报|诉求|工单|转办件)/;

function allDone(src: TextSource, value: (k: string) => number): Finding[] {
  const text = src.text;
  if (!text.includes('办结') && !text.includes('答复') && !text.includes('完毕')) return [];
  const forward = value('t3.carried_forward.total');
  if (forward <= 0) return [];
  const out: Finding[] = [];
  for (const m of allMatches(ALL_DONE, text)) {
    const sentence = sentenceAt(text, m.index);
    const before = text.slice(sentence.start, m.index);
    if (!ABOUT_REQUESTS.test(before) || ABOUT_OTHER.test(before)) continue;
    const f = textFinding(
      'review.all_done',
      `${src.label}中「${quote(sentence.text.trim(), 80)}」说申请${m[0]}，而表格“四、结转下年度继续办理”是${forward}件。结转的申请还没有办结：请写明“已办结××件，结转下年度继续办理${forward}件”，或核对表格。`,
      src,
      m.index,
      m.index + m[0].length,
      sentence.text,
    );
    f.cells = ['t3.carried_forward.total'];
    f.expected = 0;
    f.actual = forward;
    out.push(f);
  }
  return out;
}

/** Words that state how many applications there were, or that there were none. */
const COUNT_STATED =
  /(公开申请|申请)[^。；\n]{0,12}?(?<![0-9０-９])([0-9０-９]+|[一二两三四五六七八九十]+)\s*(件|宗)|(未|没有|无)[^。；\n]{0,10}(收到|受理|接到)[^。；\n]{0,20}申请/;

/**
 * “None” said with no verb: 无 / 没有 before the applications as a noun (无依申请公开政府信息事项,
 * 无政府信息依申请公开办理情况). Not 无因政府信息公开申请行政复议 (that is about 复议).
 */
const NONE_REQUESTED = /(?:无|没有|未有)[^。；;，,\n因]{0,8}?(?:依申请公开|信息公开申请|公开申请|申请公开)(?![^。；;，,\n]{0,6}(?:复议|诉讼))/;

/**
 * The （二）依申请公开 sub-part of 一 (or the part that is about applications) with no count at all:
 * neither a number of applications nor “未收到”. Read from the facts layer's outline and quantities.
 */
export function checkRequestsCount(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const src = sources.find((s) => s.section === 'overview');
  if (!src || !src.text.includes('依申请')) return [];
  const facts = factsOf(src.text);
  const heads = facts.outline.filter((o) => o.level === 2);
  const at = heads.findIndex((o) => /依申请公开/.test(src.text.slice(o.end, o.end + 12)));
  if (at < 0) return [];
  const from = heads[at]!.start;
  const to = heads[at + 1]?.start ?? src.text.length;
  const body = src.text.slice(from, to);
  if (/(未|没有|无)[^。；]{0,10}(收到|受理|接到|发生)|申请[^。；]{0,6}(为|共)?\s*(0|０|零)\s*件/.test(body) || NONE_REQUESTED.test(body)) return [];
  if (facts.quantities.some((q) => q.start >= from && q.end <= to && q.measure !== '元' && q.measure !== '万元')) return [];
  // The count stated elsewhere (an opening summary of 一, or part 三's text) is written all the same.
  const elsewhere = src.text.slice(0, from) + '\n' + src.text.slice(to) + '\n' + (sources.find((s) => s.section === 'requests')?.text ?? '');
  if (COUNT_STATED.test(elsewhere)) return [];
  const headEnd = src.text.indexOf('\n', from);
  return [
    textFinding(
      'review.requests_no_count',
      `${src.label}的“（二）依申请公开”一段没有写件数。请写明本年新收、上年结转、办结和结转下年度的申请件数（与第三部分表格一致）；没有收到申请的，写明“本年度未收到政府信息公开申请”。`,
      src,
      from,
      headEnd < 0 || headEnd > to ? to : headEnd,
      body,
    ),
  ];
}

/**
 * Money in the narrative against table 二's money cells, in the column's unit (万元 for 本年收费金额,
 * 元 for the 2019 采购总金额): 3500元 is 0.35 万元. The same number in the other unit means the table
 * figure was typed in the wrong unit (“240万元” written in a 元 column as 240).
 */
const MONEY_CELLS: { formatId: GovFormatId; cell: string; words: RegExp; unit: '元' | '万元' }[] = [
  { formatId: 'gov-2021', cell: 't2.fees.amount', words: /(行政事业性收费|收费金额)/, unit: '万元' },
  { formatId: 'gov-2019', cell: 't2.procurement.amount', words: /(政府集中采购|采购总金额|采购金额)/, unit: '元' },
];

export function checkMoney(doc: ReportDoc, sources: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const out: Finding[] = [];
  for (const mc of MONEY_CELLS) {
    if (mc.formatId !== doc.formatId) continue;
    const cell = doc.cells[mc.cell];
    if (cell === undefined) continue;
    const label = formatModel(doc.formatId).byKey.get(mc.cell)?.label ?? mc.cell;
    for (const src of sources) {
      if (!SECTION_KEY.test(src.section)) continue;
      const facts = factsOf(src.text);
      for (const q of facts.quantities) {
        if (q.measure !== '元' && q.measure !== '万元') continue;
        if (q.approx !== 'exact' || q.upper !== q.value) continue;
        const clause = src.text.slice(q.clauseStart, q.start);
        if (!mc.words.test(clause) || clause.includes('信息处理费') || NOT_THIS_YEAR.test(clause)) continue;
        const inColumn = q.measure === mc.unit ? q.value : mc.unit === '万元' ? q.value / 10000 : q.value * 10000;
        if (Math.abs(inColumn - cell) < 1e-6) continue;
        const sentence = facts.sentences[q.sentence]!;
        const written = src.text.slice(q.start, q.end);
        const sameNumber = Math.abs(q.value - cell) < 1e-9 && q.measure !== mc.unit;
        const f = textFinding(
          sameNumber ? 'review.money_unit' : 'review.narrative_figure',
          sameNumber
            ? `${src.label}中写的是“${written}”，表格“${label}”填的是${cell}，但这一栏的单位是${mc.unit}：${written}应填${round4(inColumn)}。请按${mc.unit}改正表格。`
            : `${src.label}中「${quote(sentence.text.trim(), 80)}」写的金额是${written}（合${round4(inColumn)}${mc.unit}），而表格中“${label}”是${cell}${mc.unit}。叙述和表格必须一致，请核实后改正。`,
          src,
          q.start,
          q.end,
          sentence.text,
        );
        f.cells = [mc.cell];
        f.expected = round4(inColumn);
        f.actual = cell;
        out.push(f);
      }
    }
  }
  return out;
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
