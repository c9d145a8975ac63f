// Word 97–2003 (.doc) and WPS Writer (.wps) files (issue 21 item 2). Both are OLE compound files
// with a WordDocument stream: WPS Office writes .wps in Word's binary format. Other .wps files
// (Microsoft Works, the old Kingsoft format) have no such stream and are refused with what to do.
// The text comes from word-extractor, tables from its cell marks (each cell ends in a tab; the
// rows of a table run together, so a row starts where a label follows figures or a numbered label
// begins), then the same recognition as for text.
import * as CFB from 'cfb';
import type { ImportNote } from '../../../shared/api';
import type { Block, Row } from './blocks';
import { cleanLine, continues, joinNote, NUMBERED } from './clean-text';
import { isLabelLike, isValueLike } from './normalize';

export class DocFormatError extends Error {}

const OTHER_WPS =
  '这个文件不是 Word 或 WPS 文字的格式（可能是 Microsoft Works 或很旧的金山 WPS 文件），程序读不了。请用 WPS 或 Word 打开后“另存为”.docx，再导入。';

interface WordExtractorDoc {
  getBody(options?: { filterUnicode?: boolean }): string;
}
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordExtractorDoc> };
}

/** Refuses what is not a readable Word binary document: another kind of compound file, an encrypted one. */
function checkCompound(bytes: Uint8Array): void {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { type: 'buffer' });
  } catch {
    throw new DocFormatError('文件已损坏或不完整，无法作为 Word 或 WPS 文档打开。请在 Word 或 WPS 中打开后另存为 .docx 再导入。');
  }
  const word = CFB.find(container, 'WordDocument');
  if (!word || !word.content || word.content.length < 32) throw new DocFormatError(OTHER_WPS);
  const content = word.content as Uint8Array;
  const flags = content[0x0a] | (content[0x0b] << 8);
  if (flags & 0x0100) throw new DocFormatError('这个 Word 文档设了打开密码，程序读不了。请在 Word 或 WPS 中打开，取消密码后另存为 .docx 再导入。');
}

/** Cells of a table region (tab-ended) grouped into rows. */
function regroup(cells: string[]): Row[] {
  const rows: string[][] = [];
  let current: string[] = [];
  let hasValue = false;
  for (const raw of cells) {
    const text = raw.trim();
    if (text === '') continue;
    const value = isValueLike(text);
    const label = !value && isLabelLike(text);
    const labels = current.filter((c) => !isValueLike(c)).length;
    // A parent label (（六）其他处理) stays with its first child's row, as in the Word table; a header
    // (four or more labels) ends where the first numbered row label or figure comes.
    if (current.length && ((label && hasValue) || (label && NUMBERED.test(text) && labels >= 4) || (value && !hasValue && labels >= 4))) {
      rows.push(current);
      current = [];
      hasValue = false;
    }
    current.push(text);
    if (value) hasValue = true;
  }
  if (current.length) rows.push(current);
  return rows.map((r) => ({ cells: r.map((text) => ({ text, span: 1 })) }));
}

export async function docToBlocks(bytes: Uint8Array, notes: ImportNote[] = []): Promise<Block[]> {
  checkCompound(bytes);
  let body: string;
  try {
    const { default: WordExtractor } = (await import('word-extractor')) as unknown as { default: WordExtractorClass };
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    body = doc.getBody({ filterUnicode: false });
  } catch {
    throw new DocFormatError('文件已损坏或不完整，读不出其中的文字。请在 Word 或 WPS 中打开后另存为 .docx 再导入。');
  }
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  // word-extractor gives a line break inside a cell (商业\n企业, a label the export wraps) as a new
  // line, as it gives a paragraph's end: a short line without a cell mark next to a table's cells is
  // the cell's, as long as lines of that kind lead to the next cell mark.
  const cellLine = (k: number) =>
    k >= 0 &&
    k < lines.length &&
    !lines[k].includes('\t') &&
    lines[k].trim() !== '' &&
    lines[k].trim().length <= 16 &&
    !NUMBERED.test(lines[k]) &&
    !/[。；]$/.test(lines[k].trim());
  const leadsToCells = (k: number) => {
    let m = k;
    while (m < k + 5 && cellLine(m)) m++;
    return m > k && m < lines.length && lines[m].includes('\t');
  };
  // Before a table's first cell mark, lines are the first cell's only when they open a bracket that
  // the cell closes (（本列数据的勾稽关系为：… / …之和）): a caption or 填报单位 line above a table is text.
  const depth = (t: string) => (t.match(/[（(]/g) ?? []).length - (t.match(/[）)]/g) ?? []).length;
  const opensFirstCell = (k: number) => {
    if (!leadsToCells(k)) return false;
    let m = k;
    let before = '';
    while (!lines[m].includes('\t')) before += lines[m++];
    return depth(before) > 0 && depth(before + lines[m].split('\t')[0]) === 0;
  };
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].includes('\t') || opensFirstCell(i)) {
      // A table: tab-ended cells; a cell with line breaks continues on the next lines.
      let text = lines[i];
      let j = i + 1;
      while (j < lines.length && (lines[j].includes('\t') || (cellLine(j) && (!text.endsWith('\t') || leadsToCells(j))))) {
        text += `\n${lines[j]}`;
        j++;
      }
      // A row that ends a line ends there; rows that run on are told apart by their cells.
      blocks.push({ kind: 'table', rows: text.split(/\t\n/).flatMap((chunk) => regroup(chunk.split('\t'))), positional: false });
      i = j;
      continue;
    }
    const cleaned = cleanLine(lines[i], i + 1, notes);
    if (cleaned !== null && cleaned.trim()) {
      const prev = blocks[blocks.length - 1];
      if (prev?.kind === 'para' && continues(prev.text, cleaned)) {
        notes.push(joinNote(prev.text, cleaned, i));
        prev.text += cleaned.trim();
      } else blocks.push({ kind: 'para', text: cleaned.trim() });
    }
    i++;
  }
  return blocks;
}
