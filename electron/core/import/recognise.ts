// From paragraphs and tables to a report: the format (by the format data's markers, spec §2.6),
// the title, year and unit, the six sections by their headings, the three tables by their labels,
// or for a pre-2019 report its headings and 附表 indicators. What is not recognised is reported.
import { FORMATS, formatForYear, SECTION_KEYS } from '../../../shared/formats/index';
import type { ReportFormat, SectionKey } from '../../../shared/formats/index';
import { LEGACY_HEADING_MARKERS } from '../../../shared/formats/legacy';
import type { ReportDoc, Unit, UnitKind } from '../../../shared/report';
import { defaultTitle, ReportDocSchema } from '../../../shared/report';
import type { Block, Row } from './blocks';
import { legacyLabelCount, readLegacyTable } from './legacy';
import { labelCore, norm } from './normalize';
import { readTable2, readTable3, readTable4 } from './tables';

export class NotAReportError extends Error {}

export interface Recognised {
  report: ReportDoc;
  recognised: string[];
  problems: string[];
}

/** Key words of each level-1 heading, for headings worded a little differently from the format. */
const SECTION_KEYWORDS: Record<SectionKey, RegExp> = {
  overview: /总体情况/,
  proactive: /主动公开/,
  requests: /申请/,
  review_litigation: /复议|诉讼/,
  problems: /问题/,
  other_matters: /其他.*事项|需要报告/,
};

const LEVEL1 = /^[一二三四五六七八九十]+[、.,]/;

function sectionOf(text: string, format: ReportFormat, after: number): SectionKey | undefined {
  const n = norm(text);
  const core = labelCore(text);
  const numbered = LEVEL1.test(n);
  if (core.length > 30 || core.length < 2) return undefined;
  for (let i = after + 1; i < SECTION_KEYS.length; i++) {
    const key = SECTION_KEYS[i];
    const heading = format.sections.find((s) => s.key === key)?.heading ?? '';
    if (core === labelCore(heading)) return key;
    if (numbered && SECTION_KEYWORDS[key].test(core) && /情况|事项|问题/.test(core)) return key;
  }
  return undefined;
}

type TableClass = 't2' | 't3' | 't4' | 'legacy' | undefined;

function classify(rows: Row[], format: ReportFormat): TableClass {
  const all = rows.flatMap((r) => r.cells.map((c) => norm(c.text)));
  const has = (s: string) => all.some((t) => t.includes(norm(s)));
  if (format.t2.blocks.some((b) => has(b.caption))) return 't2';
  const t3Labels = format.t3.rows.slice(0, 3).map((r) => labelCore(r.path[r.path.length - 1]));
  if (has(format.t3.applicantHeader) || all.some((t) => t3Labels.some((l) => labelCore(t) === l))) return 't3';
  if (format.t4.groups.some((g) => has(g.path[0])) && format.t4.columns.some((c) => has(c.label))) return 't4';
  if (legacyLabelCount(rows) >= 3) return 'legacy';
  if (all.some((t) => format.t2.blocks.some((b) => b.rows.some((r) => norm(r.label) === t)))) return 't2';
  return undefined;
}

/** Counts each format's markers in the tables (or, without tables, in the whole text). */
function detectFormat(tableText: string, allText: string): { format?: ReportFormat; scores: Record<string, number> } {
  const hay = tableText || allText;
  const scores: Record<string, number> = {};
  for (const f of Object.values(FORMATS)) scores[f.id] = f.markers.filter((m) => hay.includes(norm(m))).length;
  const best = Object.values(FORMATS).sort((a, b) => scores[b.id] - scores[a.id])[0];
  if (scores[best.id] === 0) return { scores };
  const tied = Object.values(FORMATS).filter((f) => scores[f.id] === scores[best.id]);
  return { format: tied.length === 1 ? best : undefined, scores };
}

const UNIT_END = /(人民政府|政府|办事处|街道|镇|乡|局|委员会|委|办公室|中心|所|院|站)$/;

function unitKind(name: string): UnitKind {
  if (/街道/.test(name)) return 'subdistrict';
  if (/[镇乡]/.test(name) && /(人民政府|政府|镇|乡)$/.test(name)) return 'township';
  if (/(局|委员会|委|办公室|中心)$/.test(name)) return 'county_department';
  return 'other';
}

const YEAR = /((?:19|20)\d{2})年/;
const DATE_LINE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;

interface TitleInfo {
  title: string;
  year?: number;
  unitName?: string;
  yearFrom?: string;
  letterhead?: { issuer: string; docNumber: string };
  /** index of the last paragraph belonging to the title area */
  end: number;
}

function readTitle(paras: string[], firstHeading: number): TitleInfo {
  const limit = firstHeading >= 0 ? firstHeading : Math.min(paras.length, 8);
  let issuer = '';
  let docNumber = '';
  let titleAt = -1;
  for (let i = 0; i < Math.min(limit, 8); i++) {
    const n = norm(paras[i]);
    if (/^\S{2,30}文件$/.test(n)) issuer = n;
    else if (/\[(?:19|20)\d{2}\]\d+号$/.test(n) && n.length < 30) docNumber = paras[i].trim();
    else if (/(年度报告|工作报告|年报)$/.test(n) && n.length <= 60) {
      titleAt = i;
      break;
    }
  }
  const info: TitleInfo = { title: '', end: -1 };
  if (issuer || docNumber) info.letterhead = { issuer, docNumber };
  if (titleAt < 0) return info;
  let title = norm(paras[titleAt]);
  // A title set on two lines: 大水坑镇人民政府 / 2019 年政府信息公开工作年度报告
  if (titleAt > 0 && /^(?:19|20)\d{2}年/.test(title)) {
    const prev = norm(paras[titleAt - 1]);
    if (prev.length <= 30 && UNIT_END.test(prev) && !/文件$/.test(prev)) title = prev + title;
  }
  info.title = title;
  info.end = titleAt;
  const y = YEAR.exec(title);
  if (y) {
    info.year = Number(y[1]);
    info.yearFrom = '标题';
  }
  const withoutYear = title.replace(/((?:19|20)\d{2})年度?/, '');
  const name = withoutYear.replace(/(政府|政务)?信息公开.*$/, '').replace(/年度?$/, '');
  if (name.length >= 2) info.unitName = name;
  return info;
}

function findYearInText(paras: string[]): { year: number; quote: string } | undefined {
  for (const p of paras) {
    const n = norm(p);
    const period = /((?:19|20)\d{2})年1月1日(?:起)?至\1年12月31日/.exec(n);
    if (period) return { year: Number(period[1]), quote: `${period[1]}年1月1日至${period[1]}年12月31日` };
  }
  for (const p of paras.slice(0, 40)) {
    const n = norm(p);
    const m = /((?:19|20)\d{2})年(?:本级)?(?:政府)?信息公开(?:工作)?年度报告/.exec(n) ?? /^\(?((?:19|20)\d{2})年度\)?$/.exec(n);
    if (m) return { year: Number(m[1]), quote: m[0] };
  }
  return undefined;
}

function contactFrom(text: string): Partial<Unit> {
  const n = norm(text);
  const out: Partial<Unit> = {};
  const phone = /电话[:]?([\d-]{7,20})/.exec(n);
  if (phone) out.phone = phone[1];
  const post = /(?:邮编|邮政编码)[:]?(\d{6})/.exec(n);
  if (post) out.postcode = post[1];
  const email = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/.exec(n);
  if (email) out.email = email[1];
  const address = /地址[:]?([^;,)(]+?)(?:[;,)]|$)/.exec(n);
  if (address) out.address = address[1];
  return out;
}

type Para = Extract<Block, { kind: 'para' }>;
type Table = Extract<Block, { kind: 'table' }>;

const blockText = (b: Block) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join('')).join(''));

/** The year: from the title, else from the 统计期限 or a title-like line in the text (reported). */
function readYear(paras: string[], title: TitleInfo, problems: string[]): number | undefined {
  if (title.year !== undefined) return title.year;
  const found = findYearInText(paras);
  if (!found) return undefined;
  problems.push(`标题中没有写年度，按正文中的“${found.quote}”读作 ${found.year} 年，请核对`);
  return found.year;
}

/** The format by its markers; with none (or a tie) the year decides; a pre-2019 report has none. */
function chooseFormat(
  detected: ReturnType<typeof detectFormat>,
  year: number | undefined,
  legacyHeadings: number,
  legacyTables: number,
): ReportFormat | undefined {
  const noGovMarkers = (detected.scores['gov-2019'] ?? 0) === 0 && (detected.scores['gov-2021'] ?? 0) === 0;
  const isLegacy = !detected.format && noGovMarkers && (legacyTables > 0 || legacyHeadings > 0 || (year !== undefined && year < 2019));
  if (isLegacy) return undefined;
  return detected.format ?? (year !== undefined ? formatForYear(year) : undefined);
}

/** Which paragraph starts which of the six parts, in order. */
function findHeadings(paras: string[], format: ReportFormat | undefined): Map<number, SectionKey> {
  const headingAt = new Map<number, SectionKey>();
  if (!format) return headingAt;
  let last = -1;
  paras.forEach((p, i) => {
    const key = sectionOf(p, format, last);
    if (key) {
      headingAt.set(i, key);
      last = SECTION_KEYS.indexOf(key);
    }
  });
  return headingAt;
}

interface Closing {
  unitName: string;
  signature: string;
  date: string;
  /** paragraph indexes of the signature and date, not narrative */
  tail: Set<number>;
}

/** The unit name (title, else 填报单位, else the signature) and the signature and date at the end. */
function readClosing(blocks: Block[], paras: string[], title: TitleInfo, problems: string[]): Closing {
  let unitName = title.unitName;
  if (!unitName) {
    for (const p of paras) {
      const m = /填报单位(?:\(盖章\))?[:]?(\S{2,30})$/.exec(norm(p));
      if (m) {
        unitName = m[1];
        break;
      }
    }
  }
  let date = '';
  let signature = '';
  const tail = new Set<number>();
  const lastPara = paras.length - 1;
  const d = lastPara >= 0 ? DATE_LINE.exec(norm(paras[lastPara])) : null;
  if (d && blocks[blocks.length - 1]?.kind === 'para') {
    date = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
    tail.add(lastPara);
    const sig = norm(paras[lastPara - 1] ?? '');
    if (sig.length >= 2 && sig.length <= 30 && UNIT_END.test(sig)) {
      signature = sig;
      tail.add(lastPara - 1);
    }
  }
  if (!unitName && signature) unitName = signature;
  if (signature && unitName && signature.length > unitName.length && signature.includes(unitName.replace(/人民政府$/, ''))) {
    problems.push(`标题中的机关名称“${unitName}”不是全称，按落款读作“${signature}”`);
    unitName = signature;
  }
  if (!unitName) {
    problems.push('没有读出机关名称，请在导入后填写机关全称');
    unitName = '（未读出机关名称）';
  } else if (!/(人民政府|办事处|局|委员会|办公室|中心)$/.test(unitName)) {
    problems.push(`机关名称读作“${unitName}”，可能不是全称（如“××县××镇人民政府”），请在导入后核对`);
  }
  return { unitName, signature, date, tail };
}

/** The preamble between the title and the first heading: the unit's contact details and which items it has. */
function readPreamble(paras: string[], title: TitleInfo, firstHeadingIdx: number, closing: Closing): Pick<ReportDoc, 'unit' | 'preamble' | 'letterhead'> {
  const preambleText = paras.slice(title.end + 1, firstHeadingIdx).join('\n');
  const contact = contactFrom(preambleText);
  const unit: Unit = {
    name: closing.unitName,
    kind: unitKind(closing.unitName),
    supervisor: '',
    address: contact.address ?? '',
    postcode: contact.postcode ?? '',
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    signature: closing.signature || '',
  };
  const letterhead = { enabled: !!title.letterhead?.issuer, issuer: title.letterhead?.issuer ?? '', docNumber: title.letterhead?.docNumber ?? '' };
  const preamble = {
    basis: /中华人民共和国政府信息公开条例/.test(norm(preambleText)),
    period: /统计期限|1月1日(?:起)?至/.test(norm(preambleText)),
    contact: Boolean(contact.phone || contact.email || contact.address),
    publishedAt: '',
  };
  return { unit, preamble, letterhead };
}

/** Says when the format was decided by the year, or does not match the year. */
function formatProblems(detected: ReturnType<typeof detectFormat>, format: ReportFormat, year: number): string[] {
  if (!detected.format) {
    if ((detected.scores['gov-2019'] ?? 0) > 0) return [`表格中同时有 2019 年试行格式和 2021 年格式的标签，按 ${year} 年度定为${format.citation}格式，请核对`];
    return [`表格中没有能判断格式的标签，按 ${year} 年度定为${format.citation}格式`];
  }
  if (formatForYear(year).id !== format.id)
    return [`这份 ${year} 年的报告使用的是${format.citation}的表格（${year} 年度应使用${formatForYear(year).citation}）`];
  return [];
}

/** The paragraphs under each heading, and which part each table stands in. */
function readSections(blocks: Block[], headingAt: Map<number, SectionKey>, format: ReportFormat, tail: Set<number>) {
  const sections: Partial<Record<SectionKey, string>> = {};
  let current: SectionKey | undefined;
  let paraIndex = -1;
  const tableSection: (SectionKey | undefined)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      tableSection.push(current);
      continue;
    }
    paraIndex++;
    const key = headingAt.get(paraIndex);
    if (key) {
      current = key;
      continue;
    }
    if (!current || tail.has(paraIndex)) continue;
    // A table caption that a web copy left outside its table is not narrative.
    if (format.t2.blocks.some((blk) => norm(blk.caption) === norm(b.text))) continue;
    sections[current] = sections[current] ? `${sections[current]}\n${b.text}` : b.text;
  }
  return { sections, tableSection };
}

/** The three tables: pieces of one table (broken across pages) joined, each read by its labels. */
function readTables(tables: Table[], classes: TableClass[], tableSection: (SectionKey | undefined)[], format: ReportFormat) {
  const cells: Record<string, number> = {};
  const recognised: string[] = [];
  const problems: string[] = [];
  const groups: { cls: Exclude<TableClass, undefined>; rows: Row[]; positional: boolean }[] = [];
  tables.forEach((t, i) => {
    const cls =
      classes[i] ??
      (tableSection[i] === 'proactive' ? 't2' : tableSection[i] === 'requests' ? 't3' : tableSection[i] === 'review_litigation' ? 't4' : undefined);
    if (!cls) {
      const text = t.rows
        .map((r) => r.cells.map((c) => c.text).join(' '))
        .join(' ')
        .trim();
      if (text) problems.push(`有一个表格无法识别是哪一张表，未读入：“${text.slice(0, 40)}${text.length > 40 ? '……' : ''}”`);
      return;
    }
    const prev = groups[groups.length - 1];
    if (prev && prev.cls === cls && i > 0 && classes[i - 1] === cls) prev.rows.push(...t.rows);
    else groups.push({ cls, rows: [...t.rows], positional: t.positional });
  });
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.cls === 'legacy') {
      problems.push('文件中有 2019 年以前格式的附表（统计表），按新格式读取时未读入');
      continue;
    }
    if (seen.has(g.cls)) {
      problems.push(`表${g.cls === 't2' ? '二' : g.cls === 't3' ? '三' : '四'}出现了不止一次，只读入了第一张`);
      continue;
    }
    seen.add(g.cls);
    const r =
      g.cls === 't2' ? readTable2(format, g.rows) : g.cls === 't3' ? readTable3(format, g.rows, g.positional) : readTable4(format, g.rows, g.positional);
    Object.assign(cells, r.cells);
    problems.push(...r.problems);
    if (r.read > 0) recognised.push(g.cls);
  }
  for (const [id, name] of [
    ['t2', '表二（主动公开政府信息情况）'],
    ['t3', '表三（收到和处理政府信息公开申请情况）'],
    ['t4', '表四（政府信息公开行政复议、行政诉讼情况）'],
  ] as const) {
    if (!seen.has(id)) problems.push(`没有找到${name}`);
  }
  return { cells, recognised, problems };
}

export function recognise(blocks: Block[]): Recognised {
  const problems: string[] = [];
  const paras = blocks.filter((b): b is Para => b.kind === 'para').map((b) => b.text);
  const tables = blocks.filter((b): b is Table => b.kind === 'table');
  const allText = norm(blocks.map(blockText).join(''));
  if (!allText) throw new NotAReportError('文件里没有文字内容。请确认选择的是年度报告文件；复制网页时请先全选正文再粘贴。');
  const tableText = norm(tables.map(blockText).join(''));

  // Format first (headings are the same in both gov formats; the year decides a tie).
  const detected = detectFormat(tableText, allText);
  const firstLevel1 = paras.findIndex((p) => LEVEL1.test(norm(p)) && labelCore(p).length <= 30);
  const title = readTitle(paras, firstLevel1);
  const year = readYear(paras, title, problems);
  const legacyHeadings = paras.filter((p) => LEVEL1.test(norm(p)) && LEGACY_HEADING_MARKERS.some((m) => labelCore(p).includes(norm(m)))).length;
  const legacyTables = tables.filter((t) => legacyLabelCount(t.rows) >= 3).length;
  const format = chooseFormat(detected, year, legacyHeadings, legacyTables);

  const headingAt = findHeadings(paras, format);
  const classes = format ? tables.map((t) => classify(t.rows, format)) : tables.map((t) => (legacyLabelCount(t.rows) >= 3 ? 'legacy' : undefined));
  if (headingAt.size === 0 && legacyHeadings === 0 && !classes.some(Boolean)) {
    throw new NotAReportError('在这个文件里没有找到政府信息公开工作年度报告的内容（标题、六个部分的标题和统计表格都没有找到）。请确认选择的是年度报告文件。');
  }
  if (year === undefined) {
    throw new NotAReportError('没有从标题或统计期限中读出报告年度。请在文件的标题中写明年度（如“2024年政府信息公开工作年度报告”）后重新导入。');
  }

  const closing = readClosing(blocks, paras, title, problems);
  const firstHeadingIdx = Math.min(...[...headingAt.keys(), firstLevel1 >= 0 ? firstLevel1 : paras.length]);
  const front = readPreamble(paras, title, firstHeadingIdx, closing);
  const common = { year, ...front, title: title.title || defaultTitle(closing.unitName, year), signature: closing.signature, date: closing.date };

  if (!format) {
    const legacy = readLegacy(blocks, closing.tail);
    const report = ReportDocSchema.parse({ ...common, formatId: 'legacy', legacySections: legacy.legacySections, indicators: legacy.indicators });
    return { report, recognised: legacy.recognised, problems: [...problems, ...legacy.problems] };
  }

  problems.push(...formatProblems(detected, format, year));
  const { sections, tableSection } = readSections(blocks, headingAt, format, closing.tail);
  const recognised: string[] = [];
  for (const key of SECTION_KEYS) {
    if ([...headingAt.values()].includes(key)) recognised.push(key);
    else problems.push(`没有找到“${format.sections.find((s) => s.key === key)!.heading}”这一部分的标题`);
  }
  const tablesRead = readTables(tables, classes, tableSection, format);
  recognised.push(...tablesRead.recognised);
  problems.push(...tablesRead.problems);

  const report = ReportDocSchema.parse({ ...common, formatId: format.id, sections, cells: tablesRead.cells });
  return { report, recognised, problems };
}

interface LegacyRead {
  recognised: string[];
  problems: string[];
  legacySections: { heading: string; text: string }[];
  indicators: Record<string, number>;
}

function readLegacy(blocks: Block[], tail: Set<number>): LegacyRead {
  const legacySections: { heading: string; text: string }[] = [];
  const indicators: Record<string, number> = {};
  const problems: string[] = [];
  const recognised: string[] = [];
  let paraIndex = -1;
  let current: { heading: string; text: string } | undefined;
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (legacyLabelCount(b.rows) >= 3) {
        const r = readLegacyTable(b.rows);
        for (const [k, v] of Object.entries(r.indicators)) if (!(k in indicators)) indicators[k] = v;
        problems.push(...r.problems);
      }
      continue;
    }
    paraIndex++;
    if (tail.has(paraIndex)) continue;
    const n = norm(b.text);
    if (LEVEL1.test(n) && labelCore(b.text).length <= 30 && !/[。;；]$/.test(n)) {
      current = { heading: b.text.trim(), text: '' };
      legacySections.push(current);
      continue;
    }
    if (current) current.text = current.text ? `${current.text}\n${b.text}` : b.text;
  }
  if (legacySections.length) recognised.push('legacy_sections');
  if (Object.keys(indicators).length) recognised.push('indicators');
  else problems.push('没有找到附表（统计表）中的指标数字');
  return { recognised, problems, legacySections, indicators };
}
