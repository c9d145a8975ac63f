// A .docx made by Word, WPS or LibreOffice: unzip, read word/document.xml and turn its body into
// paragraphs and tables (gridSpan and vMerge resolved into logical cells). Only the text and the
// table structure matter here; styles, numbering and drawings are ignored.
import { strFromU8, unzipSync } from 'fflate';
import type { Block, Cell, Row } from './blocks';

export class DocxFormatError extends Error {}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
}

/** A small XML parser: enough for WordprocessingML (no DTDs; CDATA kept as text). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>\/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) top.children.push(decodeEntities(m[6]));
    else if (m[3]) {
      if (m[2] === '/') {
        // Close the nearest open element of that name (tolerates sloppy nesting).
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].name === m[3]) {
            stack.length = i;
            break;
          }
        }
      } else {
        const attrs: Record<string, string> = {};
        const ar = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
        for (let a = ar.exec(m[4] ?? ''); a; a = ar.exec(m[4] ?? '')) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
        const el: XmlElement = { name: m[3], attrs, children: [] };
        top.children.push(el);
        if (m[5] !== '/') stack.push(el);
      }
    }
  }
  return root;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (el: XmlElement, name: string) => elements(el).find((c) => local(c.name) === name);
const attr = (el: XmlElement | undefined, name: string) => (el ? (el.attrs[`w:${name}`] ?? el.attrs[name]) : undefined);

/** Elements whose text is not part of the document's reading text. */
const SKIP = new Set(['delText', 'moveFrom', 'instrText', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'drawing', 'pict', 'AlternateContent', 'object', 'footnoteReference', 'endnoteReference', 'commentReference']);

function paragraphText(p: XmlElement): string {
  let out = '';
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const n = local(c.name);
      if (SKIP.has(n)) continue;
      if (n === 't') out += c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (n === 'tab' || n === 'ptab') out += '\t';
      else if (n === 'br' || n === 'cr') out += '\n';
      else if (n === 'noBreakHyphen') out += '-';
      else if (n === 'sym') out += attr(c, 'char') ? String.fromCharCode(parseInt(attr(c, 'char')!, 16) & 0xffff) : '';
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** Text of a table cell: its paragraphs joined by line breaks (nested tables flattened). */
function cellText(tc: XmlElement): string {
  const parts: string[] = [];
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      const n = local(c.name);
      if (n === 'p') parts.push(paragraphText(c));
      else if (n === 'tbl' || n === 'tr' || n === 'tc' || n === 'sdt' || n === 'sdtContent' || n === 'customXml') walk(c);
    }
  };
  walk(tc);
  return parts.join('\n').trim();
}

function readTable(tbl: XmlElement): Row[] {
  const rows: Row[] = [];
  const collectRows = (el: XmlElement) => {
    for (const c of elements(el)) {
      const n = local(c.name);
      if (n === 'tr') rows.push(readRow(c));
      else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml') collectRows(c);
    }
  };
  collectRows(tbl);
  return rows;
}

function readRow(tr: XmlElement): Row {
  const cells: Cell[] = [];
  const trPr = child(tr, 'trPr');
  const before = Number(attr(trPr && child(trPr, 'gridBefore'), 'val') ?? 0);
  if (before > 0) cells.push({ text: '', span: before, merged: true });
  const collect = (el: XmlElement) => {
    for (const c of elements(el)) {
      const n = local(c.name);
      if (n === 'tc') {
        const tcPr = child(c, 'tcPr');
        const span = Math.max(1, Number(attr(tcPr && child(tcPr, 'gridSpan'), 'val') ?? 1) || 1);
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const hMerge = tcPr && child(tcPr, 'hMerge');
        const merged = (vMerge !== undefined && attr(vMerge, 'val') !== 'restart') || (hMerge !== undefined && attr(hMerge, 'val') !== 'restart');
        // Word 97's hMerge: the continuation belongs to the cell on its left.
        if (hMerge !== undefined && attr(hMerge, 'val') !== 'restart' && cells.length) {
          cells[cells.length - 1].span += span;
          continue;
        }
        cells.push({ text: merged ? '' : cellText(c), span, ...(merged ? { merged: true } : {}) });
      } else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml') collect(c);
    }
  };
  collect(tr);
  return { cells };
}

function bodyBlocks(body: XmlElement): Block[] {
  const blocks: Block[] = [];
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      const n = local(c.name);
      if (n === 'p') {
        // A paragraph with line breaks reads as several lines, like pasted text.
        for (const line of paragraphText(c).split('\n')) if (line.trim() !== '') blocks.push({ kind: 'para', text: line.trim() });
      } else if (n === 'tbl') blocks.push({ kind: 'table', rows: readTable(c), positional: true });
      else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml' || n === 'ins' || n === 'smartTag') walk(c);
    }
  };
  walk(body);
  return blocks;
}

/** Throws DocxFormatError (Chinese) when the bytes are not a readable Word document. */
export function docxToBlocks(bytes: Uint8Array): Block[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === '[Content_Types].xml' });
  } catch {
    throw new DocxFormatError('文件已损坏或不完整，无法作为 Word 文档（.docx）打开。请在 Word 或 WPS 中打开该文件，另存为 .docx 后重新导入。');
  }
  const xmlBytes = files['word/document.xml'];
  if (!xmlBytes) throw new DocxFormatError('这个文件是压缩包，但里面没有 Word 正文（word/document.xml），不是 .docx 文档。请选择 Word 或 WPS 保存的 .docx 文件。');
  let xml: string;
  try {
    xml = strFromU8(xmlBytes);
  } catch {
    throw new DocxFormatError('Word 文档的正文无法解码，文件可能已损坏。请在 Word 或 WPS 中另存为 .docx 后重新导入。');
  }
  const root = parseXml(xml);
  const doc = elements(root).find((e) => local(e.name) === 'document');
  const body = doc && child(doc, 'body');
  if (!body) throw new DocxFormatError('Word 文档中没有找到正文，文件可能已损坏。请在 Word 或 WPS 中另存为 .docx 后重新导入。');
  return bodyBlocks(body);
}
