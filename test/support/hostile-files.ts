// Hostile and awkward files for the importer, built in memory: zip bombs (honest and lying
// sizes), entity expansion, 20 MB+ files, deep nesting, XML in other encodings (declared right
// or wrong), GBK text as Chinese Windows writes it, a report file with 10^6 cells, a newer
// schema. Each says whether it must be refused (with a Chinese message) or read (correctly).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { buildDocx } from '../../electron/core/export/docx';
import { serializeReportFile } from '../../shared/report-file';
import { fullReport } from '../fixtures/full-report';
import { repoRoot } from './temp';

export interface HostileFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** refused: a Chinese message; read: read exactly as `sameAs` (the same content in UTF-8) is read */
  expect: 'refused' | 'read';
  /** the message must match this, when refused */
  message?: RegExp;
  sameAs?: { fileName: string; bytes: Uint8Array };
  /** and the text that must come through unchanged, when read */
  contains?: string;
}

let gbkTable: Map<string, number[]> | null = null;

/** Characters GBK cannot write become '?', as Notepad does when saving as ANSI. */
export function gbkSafe(text: string): string {
  gbkEncode('');
  return [...text].map((ch) => (ch.codePointAt(0)! < 0x80 || gbkTable!.has(ch) ? ch : '?')).join('');
}

/** GBK bytes of a string: Node decodes GB18030 but has no encoder, so the table comes from the decoder. */
export function gbkEncode(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const docx = (documentXml: Uint8Array | string, level: 0 | 9 = 9) =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': [typeof documentXml === 'string' ? strToU8(documentXml) : documentXml, { level }],
  });

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Sets the declared uncompressed size of word/document.xml (local header and central directory) to `size`. */
export function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = 'word/document.xml';
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && new TextDecoder().decode(out.subarray(i + 30, i + 30 + name.length)) === name) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && new TextDecoder().decode(out.subarray(i + 46, i + 46 + name.length)) === name) view.setUint32(i + 24, size, true);
  }
  return out;
}

export async function hostileFiles(): Promise<HostileFile[]> {
  const markup = '本年度共主动公开信息<script>alert(1)</script>条，<w:p>标签</w:p>&amp;照原样。';
  const report = fullReport({ sections: { overview: markup } });
  const realDocx = await buildDocx(report, { letterhead: false, draft: false });
  const realXml = gbkSafe(strFromU8(unzipSync(realDocx)['word/document.xml']));
  const seed = gbkSafe(readFileSync(join(repoRoot, 'test', 'fixtures', 'seeds', '2020-ansha-fujian-gov2019.txt'), 'utf8'));
  const bomb = new Uint8Array(60 * 1024 * 1024).fill(0x61);
  const files: HostileFile[] = [
    { name: 'zip bomb (60 MB of XML in a few KB)', fileName: 'bomb.docx', bytes: docx(bomb), expect: 'refused', message: /异常庞大/ },
    {
      // Under the absolute limit but 1000:1: refused by its declared size, not inflated and then found empty.
      name: 'zip bomb of 39 MB (under the size limit)',
      fileName: 'bomb39.docx',
      bytes: docx(bomb.subarray(0, 39 * 1024 * 1024)),
      expect: 'refused',
      message: /异常庞大/,
    },
    { name: 'zip bomb with a lying size', fileName: 'liar.docx', bytes: lieAboutSize(docx(bomb), 4096), expect: 'refused' },
    {
      name: 'XML entity expansion (billion laughs)',
      fileName: 'laughs.docx',
      bytes: docx(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
      ),
      expect: 'refused',
      message: /文档类型定义/,
    },
    { name: 'a 21 MB text file', fileName: 'big.txt', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41), expect: 'refused', message: /超过 20 MB/ },
    {
      name: 'a 21 MB .docx',
      fileName: 'big.docx',
      bytes: (() => {
        const b = new Uint8Array(21 * 1024 * 1024);
        b.set(realDocx);
        return b;
      })(),
      expect: 'refused',
      message: /超过 20 MB/,
    },
    {
      name: 'XML nested 100,000 deep',
      fileName: 'deep.docx',
      bytes: docx(`<w:document ${W}><w:body>${'<w:sdt>'.repeat(100_000)}${'</w:sdt>'.repeat(100_000)}</w:body></w:document>`, 0),
      expect: 'refused',
      message: /嵌套层次/,
    },
    {
      name: 'JSON nested 1,000,000 deep',
      fileName: 'deep.nianbao.json',
      bytes: strToU8(`{"schema":"nianbao.report/1","sections":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`),
      expect: 'refused',
    },
    {
      name: 'XML in UTF-16 (BOM), a real report',
      fileName: 'utf16.docx',
      bytes: docx(new Uint8Array([0xff, 0xfe, ...Buffer.from(realXml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), 'utf16le')])),
      expect: 'read',
      sameAs: { fileName: 'utf8.docx', bytes: docx(realXml) },
    },
    {
      name: 'XML declared GBK, in GBK, a real report',
      fileName: 'gbk.docx',
      bytes: docx(gbkEncode(realXml.replace(/encoding="UTF-8"/i, 'encoding="GBK"'))),
      expect: 'read',
      sameAs: { fileName: 'utf8.docx', bytes: docx(realXml) },
    },
    {
      name: 'XML declared UTF-8, bytes in GBK',
      fileName: 'mislabelled.docx',
      bytes: docx(
        new Uint8Array([
          ...strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>`),
          ...gbkEncode('政府信息公开工作年度报告'),
          ...strToU8('</w:t></w:r></w:p></w:body></w:document>'),
        ]),
      ),
      expect: 'refused',
      message: /不是它声明的 UTF-8 编码/,
    },
    {
      name: 'XML in an unknown encoding',
      fileName: 'klingon.docx',
      bytes: docx(`<?xml version="1.0" encoding="x-klingon"?><w:document ${W}><w:body/></w:document>`),
      expect: 'refused',
      message: /不认识的文字编码/,
    },
    {
      name: 'GBK text from Chinese Windows (a real published report)',
      fileName: 'ansha-gbk.txt',
      bytes: gbkEncode(seed),
      expect: 'read',
      sameAs: { fileName: 'ansha.txt', bytes: strToU8(seed) },
      contains: '安砂镇',
    },
    {
      name: 'a report file with 10^6 cells',
      fileName: 'million.nianbao.json',
      bytes: strToU8(
        `{"schema":"nianbao.report/1","formatId":"gov-2021","year":2025,"unit":{"name":"某镇人民政府","kind":"township"},"cells":{${Array.from({ length: 1_000_000 }, (_, i) => `"t2.x.${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])}":1`).join(',')}}}`,
      ),
      expect: 'refused',
      message: /远大于|远多于/,
    },
    {
      name: 'a report file with 6,000 cells (under the size limit)',
      fileName: 'many.nianbao.json',
      bytes: strToU8(
        `{"schema":"nianbao.report/1","formatId":"gov-2021","year":2025,"unit":{"name":"某镇人民政府","kind":"township"},"cells":{${Array.from({ length: 6000 }, (_, i) => `"t2.x.${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])}":1`).join(',')}}}`,
      ),
      expect: 'refused',
      message: /远多于/,
    },
    {
      name: 'a report file of a newer schema',
      fileName: 'future.nianbao.json',
      bytes: strToU8(serializeReportFile(report).replace('nianbao.report/1', 'nianbao.report/2')),
      expect: 'refused',
      message: /较新版本/,
    },
    {
      name: 'a report file with an unknown field inside the unit',
      fileName: 'extra.nianbao.json',
      bytes: strToU8(serializeReportFile(report).replace('"kind"', '"__proto__": {"polluted": 1}, "kind"')),
      expect: 'refused',
      message: /不认识的项/,
    },
    // Issue 20 item 4: blocks that never end, 2.3 MB of them (quadratic time in a backtracking scanner).
    ...(
      [
        ['unterminated comments', '<!--'],
        ['unterminated CDATA sections', '<![CDATA['],
        ['unterminated processing instructions', '<?'],
        ['unterminated attribute values', '<w:p w:x="'],
      ] as const
    ).map(([what, open]): HostileFile => ({
      name: `2.3 MB of ${what}`,
      fileName: `open-${open.length}.docx`,
      bytes: docx(
        `<w:document ${W}><w:body><w:p><w:r><w:t>${`${open}政府信息公开工作年度报告`.repeat(Math.ceil(2_300_000 / (open.length + 12)))}</w:t></w:r></w:p></w:body></w:document>`,
        0,
      ),
      expect: 'refused',
      message: /标记不完整/,
    })),
    ...(await hostileDocuments(docx(bomb))),
    { name: 'narrative with markup, in a .docx', fileName: 'markup.docx', bytes: realDocx, expect: 'read', contains: markup },
  ];
  return files;
}

/**
 * A .docx whose word/document.xml is `megabytes` MB of one letter, deflated in steps so that making
 * it never holds the inflated text.
 */
export function bigBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const file = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(file);
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  for (let i = 0; i < megabytes; i++) file.push(chunk, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A PDF of `pages` empty pages (no text layer), objects and cross-reference table written out. */
export function emptyPdf(pages: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, () => '3 0 R').join(' ')}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

/** Hostile PDFs, .doc and .wps files (issue 21): each refused in Chinese. */
async function hostileDocuments(bombDocx: Uint8Array): Promise<HostileFile[]> {
  const forms = join(repoRoot, 'test', 'fixtures', 'forms');
  const pdf = new Uint8Array(readFileSync(join(forms, '2025-clean.pdf')));
  const doc = new Uint8Array(readFileSync(join(forms, '2025-clean.doc')));
  const CFB = await import('cfb');
  // The same .doc with its “encrypted” flag set (FibBase.fEncrypted), as Word marks a password-protected file.
  const container = CFB.read(Buffer.from(doc), { type: 'buffer' });
  const word = CFB.find(container, 'WordDocument')!;
  const content = Buffer.from(word.content as Uint8Array);
  content[0x0b] |= 0x01;
  CFB.utils.cfb_add(container, '/WordDocument', content);
  const encryptedDoc = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
  // A Microsoft Works document: a compound file without a WordDocument stream.
  const works = CFB.utils.cfb_new();
  CFB.utils.cfb_add(works, '/CONTENTS', Buffer.from('Works document'));
  CFB.utils.cfb_add(works, '/MatOST', Buffer.from('Works'));
  const worksBytes = new Uint8Array(CFB.write(works, { type: 'buffer' }) as Buffer);
  const big = new Uint8Array(100 * 1024 * 1024);
  big.set(pdf);
  return [
    { name: 'a PDF cut off halfway', fileName: 'half.pdf', bytes: pdf.subarray(0, pdf.length >> 1), expect: 'refused', message: /已损坏或不完整/ },
    {
      name: 'a PDF with a password',
      fileName: 'encrypted.pdf',
      bytes: new Uint8Array(readFileSync(join(forms, 'encrypted.pdf'))),
      expect: 'refused',
      message: /设了密码/,
    },
    { name: 'a PDF of 10,000 pages', fileName: 'pages.pdf', bytes: emptyPdf(10_000), expect: 'refused', message: /10000 页/ },
    { name: 'a scanned PDF (no text layer)', fileName: 'scan.pdf', bytes: emptyPdf(3), expect: 'refused', message: /扫描/ },
    { name: 'a zip bomb renamed .pdf', fileName: 'bomb.pdf', bytes: bombDocx, expect: 'refused', message: /异常庞大/ },
    { name: 'a 100 MB PDF', fileName: 'big.pdf', bytes: big, expect: 'refused', message: /超过 20 MB/ },
    { name: 'a .doc cut off halfway', fileName: 'half.doc', bytes: doc.subarray(0, doc.length >> 1), expect: 'refused', message: /已损坏或不完整/ },
    { name: 'a .doc with a password', fileName: 'encrypted.doc', bytes: encryptedDoc, expect: 'refused', message: /设了打开密码/ },
    { name: 'a Microsoft Works .wps', fileName: 'works.wps', bytes: worksBytes, expect: 'refused', message: /不是 Word 或 WPS/ },
    {
      name: 'an old Kingsoft .wps (not a compound file)',
      fileName: 'old.wps',
      bytes: strToU8('WPS 4.0 \u0001\u0002 文档'),
      expect: 'refused',
      message: /不是 Word 或 WPS/,
    },
  ];
}
