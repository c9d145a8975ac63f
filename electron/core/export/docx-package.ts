// The .docx package made reproducible: the font table, timestamps from the report, no-grid styles, a fixed zip.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isCalendarDate, type ReportDoc } from '../../../shared/report';
import { FONT } from '../../../shared/print/page-layout';
import { OFFICIAL_FONTS, OTHER_FONTS } from '../../../shared/print/fonts';
import { NO_GRID_STYLES } from './docx-text';

/**
 * The font table names each Chinese font with its GB2312 charset (86), its PANOSE class and a font
 * every Windows has (w:altName): a machine without 仿宋_GB2312 (stock Windows 10/11) then shows 仿宋
 * rather than falling back to 宋体, and 方正小标宋简体 becomes 华文中宋.
 */
export function fontTableXml(): string {
  const chinese = [...OFFICIAL_FONTS, ...OTHER_FONTS]
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  const latin = `<w:font w:name="${FONT.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${chinese}${latin}</w:fonts>`;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The moment the file says it was made: the report's 成文日期 (a real one), or 1 January after its year. */
export function documentTimestamp(doc: ReportDoc): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(doc.date ?? '');
  const when = new Date(0);
  if (m && isCalendarDate(doc.date)) when.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  else when.setUTCFullYear(doc.year + 1, 0, 1);
  return when;
}

/** A zip entry's date can only say 1980–2099: a 成文日期 outside that (kept with a warning) is clamped there. */
function zipTime(when: Date): Date {
  const year = Math.min(2099, Math.max(1980, when.getUTCFullYear()));
  const clamped = year === when.getUTCFullYear() ? when : new Date(Date.UTC(year, year === 1980 ? 0 : 11, year === 1980 ? 1 : 31));
  return new Date(clamped.getUTCFullYear(), clamped.getUTCMonth(), clamped.getUTCDate(), 0, 0, 0);
}

/**
 * The package made reproducible: core.xml's timestamps from the report, app.xml naming the unit,
 * the grid switched off in the non-body styles, and the zip written in a fixed order with a fixed
 * date, so the same report gives the same bytes and the SHA-256 in the history means "same content".
 */
export function finishPackage(bytes: Uint8Array, doc: ReportDoc, title: string, settings: { mirrorMargins?: boolean } = {}): Uint8Array {
  const files = unzipSync(bytes);
  const when = documentTimestamp(doc);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const unit = xmlEscape(doc.unit.name.trim() || title);
  const core = strFromU8(files['docProps/core.xml'])
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${iso}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${iso}</dcterms:modified>`);
  files['docProps/core.xml'] = strToU8(core);
  files['docProps/app.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>年报编制助手</Application><Company>${unit}</Company><DocSecurity>0</DocSecurity></Properties>`,
  );
  // docx cannot say "do not snap to the grid" on a style: add it to the title, table and footer styles.
  let styles = strFromU8(files['word/styles.xml']);
  for (const id of NO_GRID_STYLES) {
    styles = styles.replace(new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?<w:pPr>)`), `$1<w:snapToGrid w:val="0"/>`);
  }
  // …and on Normal, which every paragraph inherits: widow/orphan control, and 避头尾 without
  // overhang (GB/T 9704 allows 标点压缩 and 避头尾, not punctuation past the 版心): w:kinsoku keeps
  // closing marks off a line's start, w:overflowPunct off keeps them inside the line (Word's and
  // WPS's 「允许标点溢出边界」 unticked; the element's default is on). LibreOffice reads
  // overflowPunct inverted (writerfilter DomainMapper: ParaIsHangingPunctuation = val == 0).
  styles = styles.replace(
    /(<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<w:pPr>)/,
    '$1<w:widowControl/><w:kinsoku/><w:overflowPunct w:val="0"/><w:snapToGrid w:val="0"/>',
  );
  files['word/styles.xml'] = strToU8(styles);
  // 标点压缩 (中文版式 → 字符间距控制 → 只压缩标点符号), in CT_Settings order before w:compat.
  let settingsXml = strFromU8(files['word/settings.xml']).replace(/(<w:compat>)/, '<w:characterSpacingControl w:val="compressPunctuation"/>$1');
  // 双面打印: w:mirrorMargins makes the left margin the inside one (CT_Settings order: before defaultTabStop).
  if (settings.mirrorMargins) settingsXml = settingsXml.replace(/(<w:defaultTabStop\b)/, '<w:mirrorMargins/>$1');
  files['word/settings.xml'] = strToU8(settingsXml);
  const order = (n: string) => (n === '[Content_Types].xml' ? '0' : n === '_rels/.rels' ? '1' : `2${n}`);
  const names = Object.keys(files).sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  const mtime = zipTime(when);
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n], { level: 6 }]])), { mtime });
}
