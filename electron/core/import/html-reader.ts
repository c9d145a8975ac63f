// Saved web pages (issue 21 item 3): .html/.htm as browsers save them, and .mht/.mhtml (MIME, the
// page in a quoted-printable or base64 part). Paragraphs from block elements, tables from <table>
// (colspan and rowspan resolved as a .docx's gridSpan and vMerge are), then the same cleaning as
// pasted text (markup, page furniture, hard wraps). One linear scan: a comment, script or tag that
// never ends stops the page there.
import type { ImportNote } from '../../../shared/api';
import type { Block, Cell, Row } from './blocks';
import { cleanLine, continues, decodeHtmlEntities, joinNote } from './clean-text';

export class HtmlFormatError extends Error {}

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/** Whether the bytes are a web page (or an MHT archive of one), by content. */
export function looksLikeHtml(bytes: Uint8Array): 'html' | 'mht' | null {
  const head = latin1(bytes.subarray(0, 4096)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  if (/^\s*(?:MIME-Version:|From:|Subject:|Date:|Content-Type:\s*multipart\/related)/i.test(head) && /multipart\/related/i.test(head)) return 'mht';
  if (
    /^\s*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<meta[\s>]|<!--)/i.test(head) ||
    (/<html[\s>]/i.test(head) && /<body[\s>]/i.test(latin1(bytes.subarray(0, 65536))))
  )
    return 'html';
  return null;
}

function decoderFor(charset: string | undefined): InstanceType<typeof TextDecoder> {
  const c = (charset ?? 'utf-8').toLowerCase().replace(/^(gb2312|gbk|x-gbk|gb_2312-80)$/, 'gb18030');
  try {
    return new TextDecoder(c);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The page's text: by BOM, by the charset its <meta> declares, else UTF-8 (GB18030 when UTF-8 fails). */
export function decodeHtml(bytes: Uint8Array, charset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const declared = charset ?? /<meta[^>]{0,200}charset\s*=\s*["']?([\w-]+)/i.exec(latin1(bytes.subarray(0, 4096)))?.[1];
  if (declared) return decoderFor(declared).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function quotedPrintable(s: string): Uint8Array {
  const out: number[] = [];
  const t = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return new Uint8Array(out);
}

/** The HTML part of an MHT archive, decoded. */
export function mhtToHtml(bytes: Uint8Array): string {
  const text = latin1(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(text)?.[1];
  if (!boundary)
    throw new HtmlFormatError('这个 .mht 文件里找不到网页内容（没有分段标记），可能已损坏。请在浏览器中重新打开报告页面，另存为“网页，全部”（.html）后导入。');
  for (const part of text.split(`--${boundary}`)) {
    const sep = /\r?\n\r?\n/.exec(part);
    if (!sep) continue;
    const headers = part.slice(0, sep.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(sep.index + sep[0].length);
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1];
    const raw =
      encoding === 'base64'
        ? new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'))
        : encoding === 'quoted-printable'
          ? quotedPrintable(body)
          : Uint8Array.from(body, (ch) => ch.charCodeAt(0) & 0xff);
    return decodeHtml(raw, charset);
  }
  throw new HtmlFormatError('这个 .mht 文件里没有网页正文。请在浏览器中重新打开报告页面，另存为“网页，全部”（.html）后导入。');
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'dd',
  'dt',
  'center',
  'form',
  'caption',
]);
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'noscript', 'select', 'button', 'iframe', 'object', 'svg', 'template', 'textarea']);
const MAX_TABLE_CELLS = 20_000;

interface TableBuild {
  rows: { text: string; colspan: number; rowspan: number }[][];
  cell: { text: string; colspan: number; rowspan: number } | null;
}

const attrNum = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attrs);
  return m ? Math.max(1, Math.min(100, Number(m[1]))) : 1;
};

/** Rowspans and colspans resolved: a continuation of a rowspan is an empty `merged` cell, as Word stores it. */
function resolveTable(t: TableBuild): Row[] {
  const rows: Row[] = [];
  const carry: { left: number; span: number }[] = []; // per grid column: rows still covered by a rowspan above
  for (const src of t.rows) {
    const cells: Cell[] = [];
    let col = 0;
    const place = () => {
      while (carry[col]?.left > 0) {
        const c = carry[col]!;
        cells.push({ text: '', span: c.span, merged: true });
        c.left--;
        col += c.span;
      }
    };
    for (const c of src) {
      place();
      cells.push({
        text: c.text
          .replace(/[ \t]+/g, ' ')
          .replace(/ *\n */g, '\n')
          .trim(),
        span: c.colspan,
      });
      if (c.rowspan > 1) carry[col] = { left: c.rowspan - 1, span: c.colspan };
      col += c.colspan;
    }
    place();
    if (cells.some((c) => c.text !== '' || c.merged)) rows.push({ cells });
  }
  return rows;
}

export function htmlToBlocks(html: string, notes: ImportNote[] = []): Block[] {
  const items: ({ kind: 'para'; text: string; line: number } | Extract<Block, { kind: 'table' }>)[] = [];
  let line = '';
  let lineStart = 0;
  const tables: TableBuild[] = [];
  let cellCount = 0;
  // Line numbers of the source, counted incrementally (linear).
  let counted = 0;
  let lineNo = 1;
  const lineAt = (pos: number) => {
    for (; counted < pos; counted++) if (html.charCodeAt(counted) === 10) lineNo++;
    return lineNo;
  };
  const flush = () => {
    const table = tables[tables.length - 1];
    if (table) {
      if (table.cell) table.cell.text += '\n';
      return;
    }
    const text = decodeHtmlEntities(line).replace(/[ \t\r\n\u00a0]+/g, ' ');
    if (text.trim()) items.push({ kind: 'para', text: text.trim(), line: lineAt(lineStart) });
    line = '';
  };
  const addText = (s: string, at: number) => {
    const table = tables[tables.length - 1];
    if (table) {
      if (table.cell)
        table.cell.text += decodeHtmlEntities(s)
          .replace(/[\r\n\t]+/g, ' ')
          .replace(/\u00a0/g, ' ');
      return;
    }
    if (!line.trim()) lineStart = at;
    line += s;
  };

  const n = html.length;
  const lower = html.toLowerCase();
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i), i);
      break;
    }
    if (lt > i) addText(html.slice(i, lt), i);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 40));
    if (!m) {
      if (html[i + 1] === '!' || html[i + 1] === '?') {
        const end = html.indexOf('>', i);
        i = end < 0 ? n : end + 1;
      } else {
        addText('<', i);
        i++;
      }
      continue;
    }
    const gt = html.indexOf('>', i);
    if (gt < 0) break;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    const attrs = html.slice(i + m[0].length, gt);
    i = gt + 1;
    if (!closing && SKIP_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? n : html.indexOf('>', end) + 1 || n;
      continue;
    }
    if (name === 'table') {
      if (!closing) {
        flush();
        tables.push({ rows: [], cell: null });
      } else if (tables.length) {
        const t = tables.pop()!;
        if (tables.length) {
          // A table inside a cell: its text joins the cell's.
          const outer = tables[tables.length - 1];
          if (outer.cell) outer.cell.text += t.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
        } else items.push({ kind: 'table', rows: resolveTable(t), positional: true });
      }
      continue;
    }
    const table = tables[tables.length - 1];
    if (table && tables.length === 1) {
      if (name === 'tr' && !closing) {
        table.rows.push([]);
        table.cell = null;
        continue;
      }
      if ((name === 'td' || name === 'th') && !closing) {
        if (!table.rows.length) table.rows.push([]);
        if (++cellCount > MAX_TABLE_CELLS) throw new HtmlFormatError('网页中的表格格子多得异常（超过两万个），不像是一份年度报告。请选择报告页面本身。');
        table.cell = { text: '', colspan: attrNum(attrs, 'colspan'), rowspan: attrNum(attrs, 'rowspan') };
        table.rows[table.rows.length - 1].push(table.cell);
        continue;
      }
      if ((name === 'td' || name === 'th' || name === 'tr') && closing) {
        table.cell = null;
        continue;
      }
    }
    if (BLOCK.has(name) || (name === 'td' && !table)) flush();
  }
  flush();
  if (tables.length) items.push({ kind: 'table', rows: resolveTable(tables[0]), positional: true });

  // The same cleaning as pasted text: markup and furniture per paragraph, hard wraps rejoined.
  const blocks: Block[] = [];
  for (const it of items) {
    if (it.kind === 'table') {
      blocks.push(it);
      continue;
    }
    const cleaned = cleanLine(it.text, it.line, notes);
    if (cleaned === null || !cleaned.trim()) continue;
    const prev = blocks[blocks.length - 1];
    const prevItem = prev?.kind === 'para' ? prev : undefined;
    if (prevItem && continues(prevItem.text, cleaned)) {
      notes.push(joinNote(prevItem.text, cleaned, it.line));
      prevItem.text += cleaned.trim();
    } else blocks.push({ kind: 'para', text: cleaned.trim() });
  }
  return blocks;
}
