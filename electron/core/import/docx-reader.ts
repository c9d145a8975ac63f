// A .docx made by Word, WPS or LibreOffice: unzip, read word/document.xml and turn its body into
// paragraphs and tables (gridSpan and vMerge resolved into logical cells). Only the text and the
// table structure matter here; styles, numbering and drawings are ignored.
import { unzipSync } from 'fflate';
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

/**
 * A small XML parser: enough for WordprocessingML. Word never writes a DTD, so a document with one
 * (the way to entity-expansion attacks) is refused, as is nesting deeper than MAX_XML_DEPTH.
 */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new DocxFormatError(
      'Word 正文中含有文档类型定义（DTD），Word 和 WPS 不会写这种内容，文件可能被改动过。请在 Word 或 WPS 中打开后另存为 .docx 再导入。',
    );
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const re =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
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
        if (stack.length > MAX_XML_DEPTH)
          throw new DocxFormatError(`Word 正文的嵌套层次超过 ${MAX_XML_DEPTH} 层，不像是正常的文档。请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
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

/** Throws DocxFormatError (Chinese) when the bytes are not a readable Word document. */
export function docxToBlocks(bytes: Uint8Array): Block[] {
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        // A zip bomb declares (or, lying, produces) far more than any report: refused before inflating.
        if (f.originalSize > MAX_DOCUMENT_XML_BYTES || f.originalSize > Math.max(1, f.size) * 200) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new DocxFormatError('文件已损坏或不完整，无法作为 Word 文档（.docx）打开。请在 Word 或 WPS 中打开该文件，另存为 .docx 后重新导入。');
  }
  if (tooLarge) throw new DocxFormatError('这个文件解压后异常庞大（压缩包炸弹或损坏的文件），为保护电脑没有读取。请选择 Word 或 WPS 正常保存的 .docx 文件。');
  const xmlBytes = files['word/document.xml'];
  if (!xmlBytes)
    throw new DocxFormatError('这个文件是压缩包，但里面没有 Word 正文（word/document.xml），不是 .docx 文档。请选择 Word 或 WPS 保存的 .docx 文件。');
  if (xmlBytes.length > MAX_DOCUMENT_XML_BYTES)
    throw new DocxFormatError('这个文件解压后异常庞大（压缩包炸弹或损坏的文件），为保护电脑没有读取。请选择 Word 或 WPS 正常保存的 .docx 文件。');
  const root = parseXml(decodeXml(xmlBytes));
  const doc = elements(root).find((e) => local(e.name) === 'document');
  const body = doc && child(doc, 'body');
  if (!body) throw new DocxFormatError('Word 文档中没有找到正文，文件可能已损坏。请在 Word 或 WPS 中另存为 .docx 后重新导入。');
  return bodyBlocks(body);
}
