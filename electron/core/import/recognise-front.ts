// The front and back of an imported report: title, year, letterhead, unit name and kind, contact details, signature and date.
import { isCalendarDate, type ReportDoc, type Unit, type UnitKind } from '../../../shared/report';
import type { Block } from './blocks';
import { norm } from './normalize';

const UNIT_END = /(人民政府|政府|办事处|街道|镇|乡|局|委员会|委|办公室|中心|所|院|站)$/;

function unitKind(name: string): UnitKind {
  if (/街道/.test(name)) return 'subdistrict';
  if (/[镇乡]/.test(name) && /(人民政府|政府|镇|乡)$/.test(name)) return 'township';
  if (/(局|委员会|委|办公室|中心)$/.test(name)) return 'county_department';
  return 'other';
}

const YEAR = /((?:19|20)\d{2})年/;
const DATE_LINE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
/** The 版记's last line (GB/T 9704 §7.4.3): 印发机关, then the 印发日期 followed by 印发. */
const COLOPHON_LINE = /^(\S{2,60}?)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日印发$/;

export interface TitleInfo {
  title: string;
  year?: number;
  unitName?: string;
  yearFrom?: string;
  letterhead?: { issuer: string; docNumber: string };
  /** index of the last paragraph belonging to the title area */
  end: number;
}

export function readTitle(paras: string[], firstHeading: number): TitleInfo {
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
  // A page header repeating the title without the unit, then the printed title on two lines
  // (桃江县松木塘镇人民政府 / 2022年政府信息公开工作年度报告): the printed one is the title.
  let end = titleAt;
  if (/^(?:19|20)\d{2}年/.test(title)) {
    for (let i = titleAt + 1; i + 1 < Math.min(limit, 8); i++) {
      const unit = norm(paras[i]);
      if (unit.length <= 30 && UNIT_END.test(unit) && norm(paras[i + 1]) === title) {
        title = unit + title;
        end = i + 1;
        break;
      }
    }
  }
  info.title = title;
  info.end = end;
  const y = YEAR.exec(title);
  if (y) {
    info.year = Number(y[1]);
    info.yearFrom = '标题';
  }
  const withoutYear = title.replace(/((?:19|20)\d{2})年度?/, '');
  // “…镇人民政府信息公开工作年度报告” (政府 shared by the unit and 政府信息公开) names “…镇人民政府”.
  const name = withoutYear
    .replace(/(政府|政务)?信息公开.*$/, '')
    .replace(/年度?$/, '')
    .replace(/人民$/, '人民政府');
  if (name.length >= 2) info.unitName = name;
  return info;
}

function findYearInText(paras: string[]): { year: number; quote: string } | undefined {
  for (const p of paras) {
    const n = norm(p);
    // 统计期限自2023年1月1日起至2023年12月31日止, also without the second year (至12月31日) or with 到.
    const period = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到)(?:\1年)?12月31日/.exec(n);
    if (period) return { year: Number(period[1]), quote: `${period[1]}年1月1日至${period[1]}年12月31日` };
  }
  for (const p of paras.slice(0, 40)) {
    const n = norm(p);
    const m = /((?:19|20)\d{2})年(?:本级)?(?:政府)?信息公开(?:工作)?年度报告/.exec(n) ?? /^\(?((?:19|20)\d{2})年度\)?$/.exec(n);
    if (m) return { year: Number(m[1]), quote: m[0] };
  }
  return bodyYear(paras);
}

/**
 * The year the body speaks of (“2023年,我镇…”), when it is unambiguous: dates (2023年5月) and titles
 * in 《》 left out, one year named at least twice as often as any other.
 */
function bodyYear(paras: string[]): { year: number; quote: string } | undefined {
  const counts = new Map<number, number>();
  let quote = '';
  for (const p of paras) {
    const n = norm(p).replace(/《[^》]*》/g, '');
    for (const m of n.matchAll(/((?:19|20)\d{2})年(?!\d{1,2}月)/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
      if (!quote) quote = n.slice(m.index, m.index + 12);
    }
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || (second && first[1] < 2 * second[1])) return undefined;
  const at = paras.map((p) => norm(p).replace(/《[^》]*》/g, '')).find((n) => n.includes(`${first[0]}年`)) ?? quote;
  const i = at.indexOf(`${first[0]}年`);
  return { year: first[0], quote: at.slice(i, i + 12) };
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

/** The year: from the title, else from the 统计期限 or a title-like line in the text (reported). */
export function readYear(paras: string[], title: TitleInfo, problems: string[]): number | undefined {
  if (title.year !== undefined) return title.year;
  const found = findYearInText(paras);
  if (!found) return undefined;
  problems.push(`标题中没有写年度，按正文中的“${found.quote}”读作 ${found.year} 年，请核对`);
  return found.year;
}

/** A unit's name as the preamble writes it: ends in 人民政府、办事处、街道、街办、镇 or 乡; not 我镇、本街道 or a notice's title. */
const NAMED_UNIT = /(?:人民政府|政府|办事处|街道|街办|镇|乡)$/;
const CN = '[\\u4e00-\\u9fff]';
const REPORT = '(?:政府)?信息公开(?:工作)?年度报告';
const YEAR_ = '(?:19|20)\\d{2}年度?';
/** The preamble's common wordings that name the unit whose report it is (group 1 is the name). */
const PREAMBLE_UNIT: RegExp[] = [
  // 现将/现公布/现公开/现发布/编制(了)《…镇人民政府2023年政府信息公开工作年度报告》
  new RegExp(`(?:现将|现予?公布|现公开|现发布|编制了?)《?(${CN}{2,30}?)${YEAR_}${REPORT}`),
  // 现公开2022年东岳路街办政府信息公开工作年度报告 / 向社会公布2024年合水镇人民政府信息公开工作年度报告 / 《2022年度尧化街道…》
  new RegExp(`(?:现将|公布|公开|发布|《)${YEAR_}(${CN}{2,30}?)${REPORT}`),
  // …东湖街道特编制2023年政府信息公开年度报告 / 湖东街道编制了2024年度… / 兴华镇人民政府特此编制…
  new RegExp(`(${CN}{2,30}?)(?:特此|特)?编制了?${YEAR_}${REPORT}`),
  // 本报告由塘下镇人民政府结合有关统计数据编制 / …要求,由东梁乡人民政府编制
  new RegExp(`由(${CN}{2,30}?)(?:按照|结合|根据|依据|依照|负责|组织)?编制|报告由(${CN}{2,30}?)(?:按照|结合|根据|依据|依照)`),
  // 如对本报告有任何疑问，请与…乡人民政府办公室联系 / 可与…镇人民政府联系 / 请联系：…街道办事处（地址…）;
  // a name of three characters or fewer only before an office (请与张建乡联系 names a person)
  new RegExp(
    `(?:请与|可与|请联系:?|联系:)(${CN}{2,3}(?=[^,;(]*办公室)|${CN}{4,30}?)(?:(?:政务公开|政府信息公开|信息公开)?(?:工作)?(?:领导小组)?(?:党政)?办公室)?(?:联系|\\(|;|,|$)`,
  ),
  // 汇总2020年度官塘乡的政府信息公开年度报告编制而成
  new RegExp(`${YEAR_}(${CN}{2,30}?)的${REPORT}`),
  // a paragraph that starts with the title: 安镇街道2024年政府信息公开工作年度报告根据… / …镇2023年政府信息公开 工作告年度报
  new RegExp(`^(${CN}{2,30}?)${YEAR_}(?:政府)?信息公开`),
];

/**
 * The unit named by the preamble (“现将…镇人民政府2023年政府信息公开工作年度报告予以公布”, “本报告由…街道办事处编制”,
 * a heading line “…镇2023年政府信息公开工作年度报告”), when the wordings name one unit only (a shorter form of the
 * same name, 凤凰街道 beside 深圳市光明区凤凰街道 or 田黄镇人民政府, is the same unit: the fullest is taken); with the words it was read from.
 */
export function preambleUnit(paras: string[]): { name: string; quote: string } | undefined {
  const core = (name: string) => name.replace(/(?:人民政府|政府|办事处)$/, '');
  const found: { name: string; quote: string }[] = [];
  for (const p of paras) {
    const n = norm(p);
    for (const re of PREAMBLE_UNIT) {
      const m = re.exec(n);
      if (!m) continue;
      const name = (m[1] ?? m[2]).replace(/^(?:现将|现|将|由|特|经)/, '').replace(/人民$/, '人民政府');
      if (
        name.replace(NAMED_UNIT, '').length < 2 ||
        !NAMED_UNIT.test(name) ||
        /^(?:该|全|各)/.test(name) ||
        /我|本(?:镇|乡|街|单位)|关于|做好|通知|条例|要求|工作/.test(name)
      )
        continue;
      // a county's or city's government (请与××县人民政府办公室联系) is not the township's own name
      if (/[县市区州省旗]$/.test(core(name))) continue;
      found.push({ name, quote: m[0].slice(0, 60) });
    }
  }
  if (!found.length) return undefined;
  const longest = found.reduce((a, b) =>
    core(b.name).length > core(a.name).length || (core(b.name) === core(a.name) && b.name.length > a.name.length) ? b : a,
  );
  return found.every((f) => core(longest.name).includes(core(f.name))) ? longest : undefined;
}

export interface Closing {
  unitName: string;
  signature: string;
  date: string;
  /** the 版记 under the date, when there is one: 印发机关 and 印发日期 */
  printedBy: string;
  printedDate: string;
  /** paragraph indexes of the signature and date (and 版记), not narrative */
  tail: Set<number>;
}

/** The unit name (title, else 填报单位, else the signature) and the signature and date at the end. */
export function readClosing(blocks: Block[], paras: string[], title: TitleInfo, problems: string[]): Closing {
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
  if (!unitName) {
    const named = preambleUnit(paras.slice(0, 12));
    if (named) {
      unitName = named.name;
      problems.push(`标题中没有机关名称，按导言中的“${named.quote}”读作“${named.name}”，请核对`);
    }
  }
  let date = '';
  let signature = '';
  const tail = new Set<number>();
  let lastPara = paras.length - 1;
  // A 红头 document may end with its 版记: read it, then look for the 署名 and date above it.
  let printedBy = '';
  let printedDate = '';
  const colophon = lastPara >= 0 ? COLOPHON_LINE.exec(norm(paras[lastPara])) : null;
  if (colophon) {
    printedBy = colophon[1];
    const read = `${colophon[2]}-${colophon[3].padStart(2, '0')}-${colophon[4].padStart(2, '0')}`;
    if (isCalendarDate(read)) printedDate = read;
    tail.add(lastPara--);
  }
  const d = lastPara >= 0 ? DATE_LINE.exec(norm(paras[lastPara])) : null;
  if (d && blocks[blocks.length - 1]?.kind === 'para') {
    const read = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
    if (isCalendarDate(read)) date = read;
    else problems.push(`落款的日期“${d[1]}年${d[2]}月${d[3]}日”不是真实的日期，没有读入成文日期，请在「基本信息」一步选择。`);
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
  return { unitName, signature, date, printedBy, printedDate, tail };
}

/** The preamble between the title and the first heading: the unit's contact details and which items it has. */
export function readPreamble(
  paras: string[],
  title: TitleInfo,
  firstHeadingIdx: number,
  closing: Closing,
): Pick<ReportDoc, 'unit' | 'preamble' | 'letterhead'> {
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
  const letterhead = {
    enabled: !!title.letterhead?.issuer,
    issuer: title.letterhead?.issuer ?? '',
    docNumber: title.letterhead?.docNumber ?? '',
    printedBy: closing.printedBy,
    // The same day as the 成文日期 is what an empty 印发日期 means.
    printedDate: closing.printedDate === closing.date ? '' : closing.printedDate,
  };
  const preamble = {
    basis: /中华人民共和国政府信息公开条例/.test(norm(preambleText)),
    period: /统计期限|1月1日(?:起)?至/.test(norm(preambleText)),
    contact: Boolean(contact.phone || contact.email || contact.address),
    publishedAt: '',
  };
  return { unit, preamble, letterhead };
}
