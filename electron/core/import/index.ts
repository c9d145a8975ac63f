// Reading a report made elsewhere (issue 6): our own *.nianbao.json, a .docx from Word, WPS or
// LibreOffice, or text copied from a web page. Dispatch is by content, not by the file name.
import type { ImportNote, ImportSource } from '../../../shared/api';
import { formatModel, isGovFormatId } from '../../../shared/formats/index';
import type { ReportDoc } from '../../../shared/report';
import { parseReportFile } from '../../../shared/report-file';
import { stripXmlIllegalDeep } from '../../../shared/xml-chars';
import { docxToBlocks, DocxFormatError } from './docx-reader';
import { NotAReportError, recognise } from './recognise';
import type { Recognised } from './recognise';
import type { Block } from './blocks';
import { textToBlocks } from './text-reader';
import { PdfFormatError, pdfToBlocks } from './pdf-reader';
import { DocFormatError, docToBlocks } from './doc-reader';

const OTHER_WPS_MESSAGE =
  '这个文件不是 Word 或 WPS 文字能读的格式（可能是 Microsoft Works、很旧的金山 WPS 文件，或已损坏），程序读不了。请用 WPS 或 Word 打开后“另存为”.docx，再导入。';
import { HtmlFormatError, htmlToBlocks, decodeHtml, looksLikeHtml, mhtToHtml } from './html-reader';

export interface ImportReadResult {
  report: ReportDoc;
  recognised: string[];
  problems: string[];
  source: ImportSource;
  /** 导入核对: paragraphs joined, markup and furniture removed, cells not read */
  notes: ImportNote[];
}

/** One note per cell the import could not read, by its printed label. */
function unreadNotes(report: ReportDoc): ImportNote[] {
  if (!isGovFormatId(report.formatId)) return [];
  const byKey = formatModel(report.formatId).byKey;
  return (report.unreadCells ?? []).map((k) => ({ kind: 'unread', text: `未读入：${byKey.get(k)?.label ?? k}（原文没有读出数字，请对照原报告填写）` }));
}

/** The recogniser's result as the reader's, with the notes of the reading and of the cells not read. */
function withNotes(r: Recognised, source: ImportSource, notes: ImportNote[]): ImportReadResult {
  return { ...r, source, notes: [...notes, ...unreadNotes(r.report)] };
}

/** A file that cannot be read at all; the message (Chinese) says what to do instead. */
export class ImportError extends Error {
  /** the file was read but is another document, not an annual report (the county's desk lists it apart) */
  constructor(
    message: string,
    readonly notAReport = false,
  ) {
    super(message);
  }
}

/** The refusal of a file whose reader or recogniser said why, naming the file. */
const refusal = (fileName: string, err: Error) => new ImportError(`“${fileName}”：${err.message}`, err instanceof NotAReportError && err.otherDocument);

/**
 * One reader's blocks recognised as a report, with the reader's notes. The reader's own format
 * error (its Chinese message) and a document that is not a report become the refusal naming the
 * file; anything else is a fault and goes on up.
 */
async function readWith(
  fileName: string,
  source: ImportSource,
  formatError: (new (...args: never[]) => Error) | null,
  read: (notes: ImportNote[]) => Block[] | Promise<Block[]>,
): Promise<ImportReadResult> {
  const notes: ImportNote[] = [];
  try {
    return withNotes(recognise(await read(notes)), source, notes);
  } catch (err) {
    if ((formatError && err instanceof formatError) || err instanceof NotAReportError) throw refusal(fileName, err as Error);
    throw err;
  }
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Text in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK (Windows Notepad's default). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    try {
      // GB18030 is the superset of GBK that Chinese Windows writes (Notepad's ANSI, WPS's plain text).
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportError('文件的文字编码无法识别（不是 UTF-8 或 GBK）。请用记事本打开后“另存为”UTF-8 编码，或直接复制文字粘贴导入。');
    }
  }
}

/** A report file or a .docx is well under a megabyte; anything over this is refused unread. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** A report file is at most about a megabyte (six sections of 50,000 characters); five is generous. */
export const MAX_REPORT_FILE_BYTES = 5 * 1024 * 1024;
/** A report has about 200 cells; a file with thousands is not one (and would be slow to check). */
export const MAX_FILE_ENTRIES = 5000;

/** A report file nests five levels deep; JSON nested far deeper is refused before it is parsed. */
const MAX_JSON_DEPTH = 32;

function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Counts the entries of the report file's maps before the schema walks them. */
function oversizedMaps(text: string): string | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return `内容嵌套超过 ${MAX_JSON_DEPTH} 层，远多于报告文件应有的层次`;
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null; // parseReportFile says where the JSON is broken
  }
  if (typeof raw !== 'object' || raw === null) return null;
  for (const field of ['cells', 'previousCells', 'indicators', 'acknowledgements', 'sections', 'legacySections']) {
    const v = (raw as Record<string, unknown>)[field];
    const n = v && typeof v === 'object' ? Object.keys(v).length : 0;
    if (n > MAX_FILE_ENTRIES) return `字段“${field}”有 ${n} 项，远多于一份年度报告应有的数量（不超过 ${MAX_FILE_ENTRIES} 项）`;
  }
  return null;
}

function oversizedReportFile(fileName: string, size: number): ImportError {
  return new ImportError(
    `“${fileName}”有 ${(size / 1024 / 1024).toFixed(1)} MB，远大于一份报告文件（不超过 5 MB），没有读取。请选择年报编制助手导出的报告文件。`,
  );
}

/** The report read from a file, whatever its kind, without characters XML cannot hold (&#xFFFE; in a .docx, controls in a text). */
export async function readReportSource(fileName: string, bytes: Uint8Array): Promise<ImportReadResult> {
  const read = await readAnySource(fileName, bytes);
  return { ...read, report: stripXmlIllegalDeep(read.report) };
}

async function readAnySource(fileName: string, bytes: Uint8Array): Promise<ImportReadResult> {
  if (bytes.length === 0) throw new ImportError(`“${fileName}”是空文件，没有可以导入的内容。请选择年度报告文件，或粘贴报告文字。`);
  if (bytes.length > MAX_SOURCE_BYTES) throw new ImportError(`“${fileName}”超过 20 MB，不像是一份年度报告，没有读取。请选择报告文件本身。`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return readWith(fileName, 'docx', DocxFormatError, () => docxToBlocks(bytes));
  }
  // A report file too large to be one is refused before its text is even decoded.
  const firstChar = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (firstChar === 0x7b && bytes.length > MAX_REPORT_FILE_BYTES) throw oversizedReportFile(fileName, bytes.length);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return readWith(fileName, 'doc', DocFormatError, (notes) => docToBlocks(bytes, notes));
  }
  if (/\.(wps|doc)$/i.test(fileName)) {
    // Not a compound file: a .wps of Microsoft Works or old Kingsoft WPS (or a damaged file).
    throw new ImportError(`“${fileName}”：${OTHER_WPS_MESSAGE}`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return readWith(fileName, 'pdf', PdfFormatError, (notes) => pdfToBlocks(bytes, notes));
  }
  const page = looksLikeHtml(bytes);
  if (page) {
    return readWith(fileName, 'html', HtmlFormatError, (notes) => htmlToBlocks(page === 'mht' ? mhtToHtml(bytes) : decodeHtml(bytes), notes));
  }
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ImportError(`“${fileName}”里没有文字，没有可以导入的内容。请选择年度报告文件，或粘贴报告文字。`);
  if (/^\s*\{/.test(text)) {
    if (bytes.length > MAX_REPORT_FILE_BYTES) throw oversizedReportFile(fileName, bytes.length);
    const oversized = oversizedMaps(text);
    if (oversized) throw new ImportError(`“${fileName}”不像是一份报告文件：${oversized}。请选择年报编制助手导出的报告文件。`);
    let parsed: ReturnType<typeof parseReportFile>;
    try {
      parsed = parseReportFile(text);
    } catch {
      throw new ImportError(`“${fileName}”不是有效的报告文件（*.nianbao.json）：内容不完整或已损坏。请重新从原电脑导出报告文件。`);
    }
    if (!parsed.ok) throw new ImportError(`“${fileName}”：${parsed.message}`);
    return { report: parsed.doc, recognised: ['report_file'], problems: [], source: 'nianbao-file', notes: unreadNotes(parsed.doc) };
  }
  return readWith(fileName, 'text', null, (notes) => textToBlocks(text, notes));
}
