// Format and citations (spec §6.2 E4, E6, E10): the documents the report cites, the template it
// follows for its year, headings left over from old outlines, sections left empty.
import { getFormat, isGovFormatId } from '../formats/index';
import type { ReportFormat } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { severityOf } from '../rules/registry';
import { LEGACY_HEADINGS, LEGACY_PART_NAMES, LEGACY_SUBHEADINGS } from './phrases';
import { factsOf, memo } from './facts';
import type { TextSource } from './text';
import { allMatches, compact, excerpt, quote, sectionFinding, sentenceAt, sentences, textFinding } from './text';

const CURRENT = getFormat('gov-2021');
const TRIAL = getFormat('gov-2019');
/** The year the current format took effect (2021 reports on). */
const CURRENT_FROM = CURRENT.years.from;

/** 国办公开办函〔2021〕30号 split into issuer, year and number, read from the format data. */
function citationParts(format: ReportFormat): { issuer: string; year: string; no: string } {
  const m = /^(.+?)〔(\d{4})〕(\d+)号$/.exec(format.citation);
  if (!m) throw new Error(`格式数据中的文号无法识别：${format.citation}`);
  return { issuer: m[1]!, year: m[2]!, no: m[3]! };
}

const CURRENT_PARTS = citationParts(CURRENT);
const TRIAL_PARTS = citationParts(TRIAL);
/** The fee rules' 文号, whose brackets are checked like the formats' own. */
const FEE_PARTS = { issuer: '国办函', year: '2020', no: '109' };
/** The format's 文号, and the fee rules', whose brackets are checked. */
const WRONG_BRACKET_PARTS = [CURRENT_PARTS, TRIAL_PARTS, FEE_PARTS];
const TRIAL_NAME_RE = /格式\s*[（(]\s*试行\s*[）)]/g;

export function checkCitations(doc: ReportDoc, sources: TextSource[]): Finding[] {
  const out: Finding[] = [];
  const current = CURRENT_PARTS;
  const trial = TRIAL_PARTS;
  const isCurrentYear = doc.year >= CURRENT_FROM;
  for (const src of sources) {
    const text = src.text;

    // Every pattern below needs 号, 《 or (this year) 试行: a text with none of them cites nothing.
    if (!text.includes('号') && !text.includes('《') && !(isCurrentYear && text.includes('试行'))) continue;
    const facts = factsOf(text);
    // Found in one pass over the 文号, reported in the order the checks always had.
    const wrongIssuer: Finding[] = [];
    const wrongBrackets: Finding[][] = WRONG_BRACKET_PARTS.map(() => []);
    const trialCited: Finding[] = [];
    for (const d of facts.docNumbers) {
      const sentence = () => sentenceAt(text, d.start).text;
      const issuerEnd = d.issuerStart + d.issuer.length;
      // 国办发〔2021〕30号: the 30号 is a letter of the 公开办, not a 国办发 document (S64).
      if (d.issuer.endsWith('国办发') && d.year === current.year && d.no === current.no) {
        const start = issuerEnd - 3;
        wrongIssuer.push(
          textFinding(
            'review.citation',
            `${src.label}中的文号“${compact(text.slice(start, d.end))}”写错了：年度报告格式的发文字号是“${CURRENT.citation}”（国务院办公厅政府信息与政务公开办公室的函），不是“国办发”。请改正。`,
            src,
            start,
            d.end,
            sentence(),
          ),
        );
      }
      // The format's citations with the wrong brackets.
      if (d.open !== '〔') {
        const k = WRONG_BRACKET_PARTS.findIndex((p) => d.issuer.endsWith(p.issuer) && d.year === p.year && d.no === p.no);
        const part = WRONG_BRACKET_PARTS[k];
        if (part) {
          const start = issuerEnd - part.issuer.length;
          const right = `${part.issuer}〔${part.year}〕${part.no}号`;
          wrongBrackets[k]!.push(
            textFinding(
              'review.citation',
              `${src.label}中的文号“${compact(text.slice(start, d.end))}”括号用错了。发文字号的年份用六角括号〔〕，请改为“${right}”。`,
              src,
              start,
              d.end,
              sentence(),
            ),
          );
        }
      }
      // 〔2019〕60号, the 2019 trial format, cited in a report of 2021 or later.
      if (isCurrentYear && d.year === trial.year && d.no === trial.no) {
        const named = d.issuer.endsWith(trial.issuer);
        // Another office's own 〔2019〕60号 is not the format.
        const issuer = d.issuer;
        if (named || !issuer || /(公开办函|国办)$/.test(issuer) || /(格式|通知|》)$/.test(issuer)) {
          const start = named ? issuerEnd - trial.issuer.length : d.start;
          trialCited.push(
            textFinding(
              'review.outdated_citation',
              `${src.label}引用了“${compact(text.slice(start, d.end))}”。那是2019年的试行格式，${CURRENT_FROM}年度起已由${CURRENT.citation}修订替代；${doc.year}年度报告引用它，审核时会认定为使用了已废止的格式。请改为“${CURRENT.citation}”。`,
              src,
              start,
              d.end,
              sentence(),
            ),
          );
        }
      }
    }
    out.push(...wrongIssuer, ...wrongBrackets.flat(), ...trialCited);
    if (isCurrentYear) {
      for (const m of text.includes('试行') ? allMatches(TRIAL_NAME_RE, text) : []) {
        out.push(
          textFinding(
            'review.outdated_citation',
            `${src.label}中的“${excerpt(text, m.index, m.index + m[0].length, 60)}”引用的是《${TRIAL.name}》。${CURRENT_FROM}年度起施行的是修订后的《${CURRENT.name}》（${CURRENT.citation}），请删去“（试行）”并改用新格式的名称和文号。`,
            src,
            m.index,
            m.index + m[0].length,
            sentenceAt(text, m.index).text,
          ),
        );
      }
    }
    // Names of the 条例, the format and the fee rules, inside 《》.
    // The 《》 titles come from the facts layer (read once per text).
    for (const t of text.includes('《') ? factsOf(text).titles : []) {
      if (t.name.length < 2 || t.name.length > 60) continue;
      const name = compact(t.name);
      const start = t.start;
      const end = t.end;
      const m = [text.slice(start, end)] as const;
      if (/信息公开条例$/.test(name) && !/政府信息公开条例$/.test(name) && !/[省市县区]/.test(name)) {
        out.push(
          textFinding(
            'review.citation',
            `${src.label}中的“${m[0]}”名称不对，漏了“政府”二字。请改为“《中华人民共和国政府信息公开条例》”。`,
            src,
            start,
            end,
            sentenceAt(text, start).text,
          ),
        );
      } else if (
        /报告格式/.test(name) &&
        /信息/.test(name) &&
        name !== CURRENT.name &&
        name !== TRIAL.name &&
        !name.startsWith(TRIAL.name) &&
        // The notice that issued it, or (for 2019 and 2020 reports; a later one is told by the 试行 check above) the
        // notice of the trial format: 《国务院办公厅政府信息与政务公开办公室关于印发〈…年度报告格式（试行）〉的通知》.
        !(/关于印发/.test(name) && [CURRENT.name, TRIAL.name].some((n) => name.includes(`〈${n}〉`) || name.includes(`<${n}>`)))
      ) {
        out.push(
          textFinding(
            'review.citation',
            `${src.label}中的“${m[0]}”不是年度报告格式的正式名称。请改为“《${CURRENT.name}》”（${CURRENT.citation}）。`,
            src,
            start,
            end,
            sentenceAt(text, start).text,
          ),
        );
      } else if (/信息处理费/.test(name) && name !== '政府信息公开信息处理费管理办法') {
        out.push(
          textFinding(
            'review.citation',
            `${src.label}中的“${m[0]}”名称不完整。收费依据的正式名称是“《政府信息公开信息处理费管理办法》”（国办函〔2020〕109号），请改正。`,
            src,
            start,
            end,
            sentenceAt(text, start).text,
          ),
        );
      }
    }
    // Any other 文号 with 【】, [] or （）: GB/T 9704 §7.2.4 writes the year in 〔〕.
    for (const d of facts.docNumbers) {
      if (d.open === '〔' || d.close === '〕' || d.gap) continue;
      const issuer = d.issuer;
      if (!issuer || [current.issuer, trial.issuer, '国办函', '国办发'].some((i) => issuer.endsWith(i))) continue;
      const start = d.start - issuer.length;
      out.push(
        textFinding(
          'review.doc_number_brackets',
          `${src.label}中的文号“${compact(text.slice(start, d.end))}”的年份用了“${d.open}${d.close}”。发文字号的年份应使用六角括号〔〕，请改为“${issuer}〔${d.year}〕${d.no}号”。`,
          src,
          start,
          d.end,
          sentenceAt(text, d.start).text,
        ),
      );
    }
  }
  return out;
}

/** Labels only the 2019 tables had (政府集中采购 is a word of ordinary prose too). */
const TRIAL_ONLY_LABELS = ((current) => TRIAL.markers.filter((l) => !current.has(l) && l !== '政府集中采购'))(new Set(CURRENT.markers));

/** Each 2019-only label in a text, label by label, in the order they stand. */
function labelsIn(text: string): { label: string; pos: number }[] {
  const out: { label: string; pos: number }[] = [];
  for (const label of TRIAL_ONLY_LABELS) {
    for (let pos = text.indexOf(label); pos >= 0; pos = text.indexOf(label, pos + label.length)) out.push({ label, pos });
  }
  return out;
}

/** The template (format data) chosen for the report against the one in force for its year. */
export function checkTemplate(doc: ReportDoc, sections: TextSource[]): Finding[] {
  const out: Finding[] = [];
  if (doc.formatId === 'gov-2019' && doc.year >= CURRENT_FROM) {
    out.push({
      rule: 'review.outdated_format',
      severity: severityOf('review.outdated_format'),
      message: `本报告按《${TRIAL.name}》（${TRIAL.citation}）的表格编制，但${doc.year}年度报告应使用${CURRENT.citation}印发的现行格式。使用已废止的试行格式（如“本年新制作数量”“政府集中采购”）会被退回。请在报告设置中改用现行格式，并按新表格重新填报第二部分。`,
      cells: [],
      id: 'review.outdated_format',
    });
  }
  if (doc.formatId === 'gov-2021' && doc.year < CURRENT_FROM) {
    out.push({
      rule: 'review.format_too_new',
      severity: severityOf('review.format_too_new'),
      message: `${doc.year}年度报告按时施行的是《${TRIAL.name}》（${TRIAL.citation}），现行格式（${CURRENT.citation}）从${CURRENT_FROM}年度报告起才使用。如是补录往年报告，请改用${TRIAL.citation}的格式。`,
      cells: [],
      id: 'review.format_too_new',
    });
  }
  if (doc.formatId === 'gov-2021' && doc.year >= CURRENT_FROM) {
    // Labels only the 2019 tables had, typed into the narrative (e.g. text copied from a 2020 report).
    for (const src of sections) {
      // Where the labels stand is kept with the text's facts: an unchanged text is not searched again.
      for (const { label, pos } of memo(factsOf(src.text), 'trial-labels', () => labelsIn(src.text))) {
        out.push(
          textFinding(
            'review.outdated_labels',
            `${src.label}中出现了“${label}”，这是2019年试行格式才有的栏目，现行格式已改为“本年制发件数、本年废止件数、现行有效件数”“本年处理决定数量”等。请按现行格式的口径改写这句话。`,
            src,
            pos,
            pos + label.length,
            sentenceAt(src.text, pos).text,
          ),
        );
      }
    }
  }
  return out;
}

const headingMaps = new Map<string, Map<string, ReportFormat['sections'][number]>>();
/** The format's part headings without their numbers (总体情况 …), to recognise them in a text. */
function headingsOf(format: ReportFormat): Map<string, ReportFormat['sections'][number]> {
  let map = headingMaps.get(format.id);
  if (!map) headingMaps.set(format.id, (map = new Map(format.sections.map((s) => [compact(s.heading.replace(/^[一二三四五六七八九十]+、/, '')), s]))));
  return map;
}
const LISTS_PARTS = /(部分组成|个部分|部分：|主要内容包[含括])/;

/** Headings inside the section texts: old outlines, another part's heading, an empty part. */
export function checkStructure(doc: ReportDoc, sections: TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const format = getFormat(doc.formatId);
  const out: Finding[] = [];
  const headingByText = headingsOf(format);
  for (const src of sections) {
    const def = format.sections.find((s) => s.key === src.section);
    if (!def) continue;
    if (!src.text.trim()) {
      if (!def.tableOnly) {
        out.push(
          sectionFinding(
            'review.section_empty',
            `「${def.heading}」还没有内容。年度报告的六个部分缺一不可，请按提示写明本部分的情况${def.key === 'other_matters' ? '（至少写明信息处理费的收取情况）' : ''}。`,
            def.key,
          ),
        );
      }
      continue;
    }
    for (const h of factsOf(src.text).headings) {
      const { start: at, end } = h;
      const line = compact(src.text.slice(at, end));
      if (h.level === 1) {
        const other = headingByText.get(h.title);
        if (other) {
          // The export drops the part's own heading typed as the first line; anywhere else it is pasted text.
          if (other.key === def.key && h.first) continue;
          out.push(
            textFinding(
              'review.misplaced_heading',
              other.key === def.key
                ? `「${def.heading}」中又出现了本部分的标题“${line}”，打印时会重复。请删去这一行。`
                : `「${def.heading}」中出现了另一部分的标题“${line}”，像是把整篇报告粘贴进了这一部分。导出时每部分的标题由程序按格式打印，请把这一行以下的内容移到「${other.heading}」中，并删去这一行。`,
              src,
              at,
              end,
            ),
          );
          continue;
        }
        // The part's own number with other words: a variant of its heading (“五、存在的主要问题和改进措施”).
        const ownNumber = /^([一二三四五六七八九十]+)、/.exec(def.heading)?.[1];
        if (h.first && h.number === ownNumber) {
          out.push(
            textFinding(
              'review.misplaced_heading',
              `「${def.heading}」的第一行“${line}”不是格式规定的标题。导出时程序会按格式打印“${def.heading}”，这一行会成为多余的、措辞不同的第二个标题。请删去这一行。`,
              src,
              at,
              end,
            ),
          );
          continue;
        }
        // Inside 五 a sub-part numbered 一、二、 about the problems (“二、存在的主要问题及改进措施”) is
        // this part's own outline, not the pre-2019 one (issue 19 §3).
        if (def.key === 'problems' && /存在的(主要)?问题/.test(h.title)) continue;
        if (LEGACY_HEADINGS.some((re) => re.test(h.title))) out.push(legacyHeading(src, def.heading, line, at, end));
        continue;
      }
      if (LEGACY_SUBHEADINGS.some((re) => re.test(h.title))) out.push(legacyHeading(src, def.heading, line, at, end));
    }
    // A sentence listing the parts by their pre-2019 names (湖南镇 2021, spec §6.1 item 4).
    for (const s of src.text.includes('部分') || src.text.includes('主要内容包') ? sentences(src.text) : []) {
      if (!LISTS_PARTS.test(s.text)) continue;
      const old = LEGACY_PART_NAMES.map((re) => re.exec(s.text)).find(Boolean);
      if (!old) continue;
      const parts = format.sections.map((x) => x.heading.replace(/^[一二三四五六七八九十]+、/, '')).join('、');
      out.push(
        textFinding(
          'review.legacy_heading',
          `${src.label}中「${quote(s.text.trim(), 80)}」按2019年以前的提纲列出各部分（如“${old[0]}”）。现行格式的六个部分是：${parts}。请按现行格式改写这句话。`,
          src,
          s.start,
          s.end,
        ),
      );
    }
  }
  return out;
}

function legacyHeading(src: TextSource, heading: string, line: string, start: number, end: number): Finding {
  return textFinding(
    'review.legacy_heading',
    `「${heading}」中的小标题“${line}”是2019年以前年度报告的提纲（如概述、收费及减免、回应解读、机构建设等）。现行格式只有六个部分，这一内容应并入对应部分（收费情况写在「六、其他需要报告的事项」）。请删去或改写这个标题。`,
    src,
    start,
    end,
  );
}
