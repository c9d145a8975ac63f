// A .docx made by Word, WPS or LibreOffice: unzip, read word/document.xml and turn its body into
// paragraphs and tables (gridSpan and vMerge resolved into logical cells). Only the text and the
// table structure matter here; styles, numbering and drawings are ignored.
import { Inflate } from 'fflate';
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
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Deeper than any real document (Word nests tables in tables a few levels): beyond it, a hostile file. */
export const MAX_XML_DEPTH = 200;
/** word/document.xml of a long report is a few MB; a larger one is refused before it is inflated. */
export const MAX_DOCUMENT_XML_BYTES = 40 * 1024 * 1024;

const NOT_WELL_FORMED =
  'Word 正文的标记不完整（有没有结束的注释、CDATA、处理指令或标签），不像是 Word 或 WPS 保存的文件，可能已损坏或被改动过。请在 Word 或 WPS 中打开后另存为 .docx 再导入。';

const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x3a || c === 0x2d;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * A small XML parser: enough for WordprocessingML. Word never writes a DTD, so a document with one
 * (the way to entity-expansion attacks) is refused, as is nesting deeper than MAX_XML_DEPTH.
 * One pass, each character looked at a bounded number of times: a comment, CDATA section,
 * processing instruction, tag or quoted value that never ends is refused where it starts (it would
 * otherwise be searched for from every later `<`, which takes time growing with the square of the size).
 */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new DocxFormatError(
      'Word 正文中含有文档类型定义（DTD），Word 和 WPS 不会写这种内容，文件可能被改动过。请在 Word 或 WPS 中打开后另存为 .docx 再导入。',
    );
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const n = xml.length;
  /** The index just after `close`, searched from `from`; refuses the file when it never comes. */
  const after = (close: string, from: number) => {
    const at = xml.indexOf(close, from);
    if (at < 0) throw new DocxFormatError(NOT_WELL_FORMED);
    return at + close.length;
  };
  let i = 0;
  while (i < n) {
    const top = stack[stack.length - 1];
    const lt = xml.indexOf('<', i);
    if (lt !== i) {
      const end = lt < 0 ? n : lt;
      top.children.push(decodeEntities(xml.slice(i, end)));
      i = end;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      i = after('-->', i + 4);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = after(']]>', i + 9);
      top.children.push(xml.slice(i + 9, end - 3));
      i = end;
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      i = after(xml[i + 1] === '?' ? '?>' : '>', i + 2);
      continue;
    }
    const closing = xml.charCodeAt(i + 1) === 0x2f;
    let j = closing ? i + 2 : i + 1;
    if (!isNameStart(xml.charCodeAt(j))) {
      // A lone '<' is not markup: kept as text, as a lenient reader would.
      top.children.push('<');
      i++;
      continue;
    }
    const nameStart = j;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    const name = xml.slice(nameStart, j);
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new DocxFormatError(NOT_WELL_FORMED);
      const c = xml.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f && xml.charCodeAt(j + 1) === 0x3e) {
        selfClosing = true;
        j += 2;
        break;
      }
      const attrStart = j;
      while (j < n && !isSpace(xml.charCodeAt(j)) && xml[j] !== '=' && xml[j] !== '>' && xml[j] !== '/') j++;
      const attrName = xml.slice(attrStart, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (attrName === '' || xml[j] !== '=') throw new DocxFormatError(NOT_WELL_FORMED);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") throw new DocxFormatError(NOT_WELL_FORMED);
      const end = after(quote, j + 1);
      attrs[attrName] = decodeEntities(xml.slice(j + 1, end - 1));
      j = end;
    }
    i = j;
    if (closing) {
      // Close the nearest open element of that name (tolerates sloppy nesting).
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    const el: XmlElement = { name, attrs, children: [] };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
    if (stack.length > MAX_XML_DEPTH)
      throw new DocxFormatError(`Word 正文的嵌套层次超过 ${MAX_XML_DEPTH} 层，不像是正常的文档。请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
  }
  return root;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (el: XmlElement, name: string) => elements(el).find((c) => local(c.name) === name);
const attr = (el: XmlElement | undefined, name: string) => (el ? (el.attrs[`w:${name}`] ?? el.attrs[name]) : undefined);

/** Elements whose text is not part of the document's reading text. */
const SKIP = new Set([
  'delText',
  'moveFrom',
  'instrText',
  'pPr',
  'rPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'drawing',
  'pict',
  'AlternateContent',
  'object',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

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

/** The XML's bytes as text: UTF-8 or UTF-16 (by BOM), or the encoding its declaration names (GBK, GB18030). */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared === 'utf8' ? 'utf-8' : declared, { fatal: true });
  } catch {
    throw new DocxFormatError(`Word 正文使用了程序不认识的文字编码（${declared.slice(0, 30)}）。请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DocxFormatError(`Word 正文的文字不是它声明的 ${declared.toUpperCase()} 编码，文件可能已损坏。请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
  }
}

const CORRUPT = '文件已损坏或不完整，无法作为 Word 文档（.docx）打开。请在 Word 或 WPS 中打开该文件，另存为 .docx 后重新导入。';
const BOMB = '这个文件解压后异常庞大（压缩包炸弹或损坏的文件），为保护电脑没有读取。请选择 Word 或 WPS 正常保存的 .docx 文件。';
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one step yields ≤ 1 MB. */
const INFLATE_STEP = 1024;

/**
 * word/document.xml out of the zip, found through the central directory and inflated in small
 * steps: a declared size too large (or out of proportion to the compressed size) is refused before
 * anything is inflated, and a size that lies is caught as soon as the output passes the limit, so
 * a bomb never takes more than the limit's worth of memory.
 */
function documentXmlOf(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxFormatError(CORRUPT);
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const name = 'word/document.xml';
  for (let e = 0; e < entries; e++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new DocxFormatError(CORRUPT);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const declared = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const skip = nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (new TextDecoder('latin1').decode(bytes.subarray(p + 46, p + 46 + nameLen)) !== name) {
      p += 46 + skip;
      continue;
    }
    // A zip bomb declares (or, lying, produces) far more than any report: refused before inflating.
    if (declared > MAX_DOCUMENT_XML_BYTES || declared > Math.max(1, compressed) * 200) throw new DocxFormatError(BOMB);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new DocxFormatError(CORRUPT);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new DocxFormatError(CORRUPT);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) return data;
    if (method !== 8) throw new DocxFormatError(CORRUPT);
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Word, WPS and LibreOffice state the true size; more output than declared is a bomb hiding its size.
    const cap = Math.min(MAX_DOCUMENT_XML_BYTES, declared);
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap) throw new DocxFormatError(BOMB);
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    } catch (err) {
      if (err instanceof DocxFormatError) throw err;
      throw new DocxFormatError(CORRUPT);
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
  throw new DocxFormatError('这个文件是压缩包，但里面没有 Word 正文（word/document.xml），不是 .docx 文档。请选择 Word 或 WPS 保存的 .docx 文件。');
}

/** Throws DocxFormatError (Chinese) when the bytes are not a readable Word document. */
export function docxToBlocks(bytes: Uint8Array): Block[] {
  const xmlBytes = documentXmlOf(bytes);
  const root = parseXml(decodeXml(xmlBytes));
  const doc = elements(root).find((e) => local(e.name) === 'document');
  const body = doc && child(doc, 'body');
  if (!body) throw new DocxFormatError('Word 文档中没有找到正文，文件可能已损坏。请在 Word 或 WPS 中另存为 .docx 后重新导入。');
  return bodyBlocks(body);
}
