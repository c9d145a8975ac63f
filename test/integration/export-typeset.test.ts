// Punctuation and long Latin strings in the Word file (issue 22, defect 5). The XML says what Word
// and WPS read: 避头尾 (w:kinsoku) without overhang (w:overflowPunct off), 标点压缩
// (characterSpacingControl), and 允许西文在单词中间换行 (w:wordWrap off) only in paragraphs that
// hold a web or e-mail address, whose text stays exactly as written. Then every fixture report, and
// one full of telephone numbers, e-mail and web addresses, is rendered by LibreOffice (as Word reads
// the file: see asWordReadsIt) and measured (pdftotext -bbox-layout): no glyph past the 版心's right
// edge, the lines around an address not letter-spaced wide, the address printed whole across its
// lines and broken where the preview breaks it.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildDocx } from '../../electron/core/export/docx';
import { reportContent } from '../../shared/print/content';
import { paginate } from '../../shared/print/paginate';
import { PAGE, isAddress, printedWidth, scriptRuns } from '../../shared/print/page-layout';
import { parseReportFile } from '../../shared/report-file';
import type { ReportDoc } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';
import { SOFFICE_SKIP, haveSoffice, renderAsWordReadsIt } from '../support/libreoffice';

const PT_PER_MM = 72 / 25.4;
const TOP = PAGE.marginTopMm * PT_PER_MM;
const BOTTOM = (PAGE.heightMm - PAGE.marginBottomMm) * PT_PER_MM;
const LEFT = PAGE.marginLeftMm * PT_PER_MM;
const RIGHT = (PAGE.widthMm - PAGE.marginRightMm) * PT_PER_MM;
const CHAR = (RIGHT - LEFT) / PAGE.charsPerLine;

// A report whose text carries telephone numbers, e-mail and web addresses of every length, some
// of them where a line ends: in 一、总体情况 and in 六、其他需要报告的事项.
const base = fullReport();
const ADDRESSES = [
  'xiaotaozhen_dangzhengban2025@yongan.gov.cn',
  'http://www.ya.gov.cn/zwgk/zfxxgk/xtz/zfxxgknb/202501/t20250120_1234567.htm',
  'https://www.ya.gov.cn/zwgk/zfxxgk/xtzrmzf/index.htm?channel=annual-report&year=2025',
  'zhengwugongkai.xiaotao.yongan@fujian-sanming.gov.cn',
  'xtzdzb@163.com',
];
const LONG_OVERVIEW = `本镇政府信息公开工作机构联系方式：电话0598-3781234或13905981234，电子邮箱${ADDRESSES[0]}，网址${ADDRESSES[1]}，欢迎监督。
本镇信息公开专栏网址为${ADDRESSES[2]}，邮箱${ADDRESSES[4]}。`;
const LONG_OTHER = `如对本报告有疑问，请联系党政办，电话0598-3781234转8001，或发送邮件至${ADDRESSES[3]}。`;
const longDoc = fullReport({
  sections: {
    ...base.sections,
    overview: `${base.sections.overview}\n${LONG_OVERVIEW}`,
    other_matters: `${base.sections.other_matters}\n${LONG_OTHER}`,
  },
});

const reportsDir = join(process.cwd(), 'test', 'fixtures', 'reports');
const cases: { name: string; doc: ReportDoc }[] = [
  { name: 'full-2021', doc: base },
  { name: 'addresses', doc: longDoc },
];
for (const file of readdirSync(reportsDir).filter((f) => f.endsWith('.nianbao.json'))) {
  const parsed = parseReportFile(readFileSync(join(reportsDir, file), 'utf8'));
  assert.ok(parsed.ok, `${file} does not read`);
  cases.push({ name: file.replace('.nianbao.json', ''), doc: parsed.doc });
}

/** A paragraph of document.xml: its pPr children in order, and its runs' text and language. */
interface XmlParagraph {
  props: string[];
  wordWrap?: string;
  runs: { text: string; lang: string }[];
}

function paragraphs(xml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  const stack: string[] = [];
  let p: XmlParagraph | null = null;
  let run: { text: string; lang: string } | null = null;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    if (tag.name === 'w:p') p = { props: [], runs: [] };
    else if (p && parent === 'w:pPr' && stack[stack.length - 3] === 'w:p') {
      p.props.push(tag.name);
      if (tag.name === 'w:wordWrap') p.wordWrap = String(tag.attributes['w:val'] ?? '1');
    } else if (p && tag.name === 'w:r') run = { text: '', lang: '' };
    else if (run && tag.name === 'w:lang') run.lang = String(tag.attributes['w:val'] ?? '');
  });
  parser.on('text', (t) => {
    if (run && stack[stack.length - 1] === 'w:t') run.text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'w:r' && p && run) {
      p.runs.push(run);
      run = null;
    } else if (tag.name === 'w:p' && p) {
      out.push(p);
      p = null;
    }
  });
  parser.write(xml).close();
  return out;
}

/** The children of a style's w:pPr, in order. */
function stylePPr(styles: string, id: string): string[] {
  const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
  const ppr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style)?.[1] ?? '';
  return [...ppr.matchAll(/<(w:[A-Za-z]+)((?:\s+[^\s=>/]+="[^"]*")*)\s*\/?>/g)].map((m) => `${m[1]}${m[2]}`);
}

// CT_PPrBase and CT_Settings: the order Word's strict reader wants (ECMA-376 Part 1, §17.3.1, §17.15.1).
const PPR_ORDER = [
  'w:keepNext',
  'w:keepLines',
  'w:widowControl',
  'w:kinsoku',
  'w:wordWrap',
  'w:overflowPunct',
  'w:snapToGrid',
  'w:spacing',
  'w:ind',
  'w:jc',
  'w:outlineLvl',
];
const SETTINGS_ORDER = ['w:displayBackgroundShape', 'w:mirrorMargins', 'w:defaultTabStop', 'w:evenAndOddHeaders', 'w:characterSpacingControl', 'w:compat'];
const inOrder = (names: string[], order: string[]) => {
  const known = names.map((n) => order.indexOf(n.split(' ')[0])).filter((i) => i >= 0);
  return known.every((i, k) => k === 0 || i > known[k - 1]);
};

test('Word/WPS settings: 避头尾 without overhang on every paragraph, 标点压缩 in the settings, in schema order', async () => {
  const files = unzipSync(await buildDocx(base, { duplex: true }));
  const styles = strFromU8(files['word/styles.xml']);
  const normal = stylePPr(styles, 'Normal');
  assert.ok(normal.includes('w:kinsoku'), `Normal has no w:kinsoku: ${normal.join(' ')}`);
  assert.ok(normal.includes('w:overflowPunct w:val="0"'), `Normal lets punctuation overflow: ${normal.join(' ')}`);
  assert.ok(inOrder(normal, PPR_ORDER), `Normal's pPr out of schema order: ${normal.join(' ')}`);
  // No style and no paragraph turns overhang back on.
  assert.doesNotMatch(styles, /<w:overflowPunct(?: w:val="(?:1|true|on)")?\/>/);
  const document = strFromU8(files['word/document.xml']);
  assert.doesNotMatch(document, /<w:overflowPunct|<w:kinsoku w:val="(?:0|false|off)"/);
  const settings = strFromU8(files['word/settings.xml']);
  assert.match(settings, /<w:characterSpacingControl w:val="compressPunctuation"\/>/);
  const names = [...settings.matchAll(/<(w:[A-Za-z]+)[ />]/g)].map((m) => m[1]).filter((n) => n !== 'w:settings' && n !== 'w:compatSetting');
  assert.ok(inOrder(names, SETTINGS_ORDER), `settings out of schema order: ${names.join(' ')}`);
});

test('an address lets Word wrap inside it (w:wordWrap off) in its own paragraph only; its text stays exactly as written', async () => {
  const files = unzipSync(await buildDocx(longDoc));
  const document = strFromU8(files['word/document.xml']);
  // No zero-width space, joiner, soft hyphen or word joiner: a copied address is the address.
  assert.doesNotMatch(document, /[\u200b-\u200d\u2060\ufeff\u00ad]/);
  const paras = paragraphs(document);
  const content = reportContent(longDoc);
  let withAddress = 0;
  for (const b of content.blocks) {
    if (b.type !== 'paragraph') continue;
    const text = b.heading + b.text;
    const p = paras.find((x) => x.runs.map((r) => r.text).join('') === text);
    assert.ok(p, `no paragraph reads 「${text.slice(0, 20)}…」 exactly`);
    const addresses = scriptRuns(text).filter((s) => s.latin && isAddress(s.text));
    if (addresses.length > 0) {
      withAddress++;
      assert.equal(p.wordWrap, '0', `「${text.slice(0, 20)}…」 holds an address but Word may not wrap inside it`);
      assert.ok(inOrder(p.props, PPR_ORDER), `pPr out of schema order: ${p.props.join(' ')}`);
    } else assert.equal(p.wordWrap, undefined, `「${text.slice(0, 20)}…」 has no address but lets Word break its numbers`);
    // Addresses are tagged zh-CN (LibreOffice then breaks them at the line's end), numbers en-US.
    for (const r of p.runs)
      if (scriptRuns(r.text).some((s) => s.latin)) assert.equal(r.lang, isAddress(r.text) ? 'zh-CN' : 'en-US', `「${r.text}」 is tagged ${r.lang}`);
  }
  assert.ok(withAddress >= 4, `only ${withAddress} paragraphs with an address`);
  for (const a of ADDRESSES)
    assert.ok(
      paras.some((p) => p.runs.some((r) => r.text === a)),
      `${a} is not one run`,
    );
});

interface Line {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}

const SKIP = SOFFICE_SKIP;
const rendered = new Map<string, Line[][]>();
let cleanup = () => {};

before(
  async () => {
    if (!haveSoffice) return;
    const docs = new Map<string, Uint8Array>();
    for (const c of cases) docs.set(c.name, await buildDocx(c.doc));
    const r = renderAsWordReadsIt('typeset', docs);
    cleanup = r.cleanup;
    for (const c of cases) {
      const bbox = r.bbox.get(c.name)!;
      const num = (s: string, k: string) => Number(new RegExp(`${k}="([\\d.]+)"`).exec(s)?.[1]);
      rendered.set(
        c.name,
        [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) =>
          [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, inner]) => ({
            x0: num(attrs, 'xMin'),
            x1: num(attrs, 'xMax'),
            y0: num(attrs, 'yMin'),
            y1: num(attrs, 'yMax'),
            text: [...inner.matchAll(/<word [^>]*>([^<]*)<\/word>/g)]
              .map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
              .join(''),
          })),
        ),
      );
    }
  },
  { timeout: 320_000 },
);

after(() => cleanup());

/** Body lines (3号: boxes about 20 pt tall) inside the 版心, page after page. */
const bodyLines = (pages: Line[][]) => pages.flatMap((p) => p.filter((l) => l.y0 >= TOP - 2 && l.y1 <= BOTTOM + 2 && l.y1 - l.y0 > 17 && l.y1 - l.y0 < 26));

for (const c of cases)
  test(`${c.name}: no glyph past the 版心's right edge (no hanging punctuation)`, (t) => {
    if (!haveSoffice) return t.skip(SKIP);
    const pages = rendered.get(c.name);
    assert.ok(pages && pages.length > 0, 'not rendered');
    let lines = 0;
    for (const [i, page] of pages.entries())
      for (const l of page.filter((x) => x.y0 >= TOP - 2 && x.y1 <= BOTTOM + 2)) {
        lines++;
        assert.ok(l.x1 <= RIGHT + 0.5, `page ${i + 1}: 「${l.text.slice(-12)}」 ends ${(l.x1 - RIGHT).toFixed(1)} pt past the 版心`);
        assert.ok(l.x0 >= LEFT - 0.5, `page ${i + 1}: 「${l.text.slice(0, 12)}」 starts ${(LEFT - l.x0).toFixed(1)} pt left of the 版心`);
      }
    assert.ok(lines > 100, `only ${lines} lines in the 版心`);
  });

test('addresses: printed whole across their lines, broken only at a line end, the lines around them not letter-spaced wide', (t) => {
  if (!haveSoffice) return t.skip(SKIP);
  const lines = bodyLines(rendered.get('addresses')!).map((l) => ({ ...l, text: l.text.replace(/\s/g, '') }));
  const body = lines.map((l) => l.text).join('\n');
  let broken = 0;
  for (const a of ADDRESSES) {
    const found = new RegExp([...a].map((ch) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\n?')).exec(body);
    assert.ok(found, `${a} is not printed whole`);
    if (found[0].includes('\n')) broken++;
  }
  assert.ok(broken >= 3, `only ${broken} addresses meet a line's end: the test text no longer tests breaking`);
  // A justified line is stretched by what did not fit on it: around an address, no more than 避头尾
  // leaves elsewhere (a character and a mark, under 1.5 字 over the line: under 1 pt a gap).
  const fragments = ADDRESSES.flatMap((a) => [a.slice(0, 6), a.slice(-6)]);
  let checked = 0;
  for (const [i, l] of lines.entries()) {
    const next = lines[i + 1];
    const nearAddress = fragments.some((f) => l.text.includes(f)) || (next && ADDRESSES.some((a) => next.text.length > 0 && a.includes(next.text.slice(0, 6))));
    if (!nearAddress || l.x1 < RIGHT - CHAR / 2) continue;
    const cap = l.x0 > LEFT + CHAR ? PAGE.charsPerLine - 2 : PAGE.charsPerLine;
    const slack = cap - printedWidth(l.text);
    const gapPt = (slack * CHAR) / Math.max(1, [...l.text].length - 1);
    assert.ok(gapPt < 1, `「${l.text}」 is letter-spaced ${gapPt.toFixed(2)} pt a gap (${slack.toFixed(2)} 字 spread over the line)`);
    checked++;
  }
  assert.ok(checked >= 5, `only ${checked} lines around addresses checked`);
});

test('addresses: the preview breaks their lines where the PDF does', (t) => {
  if (!haveSoffice) return t.skip(SKIP);
  const printed = new Set(bodyLines(rendered.get('addresses')!).map((l) => l.text.replace(/\s/g, '')));
  const planned = paginate(reportContent(longDoc))
    .flatMap((p) => p.items)
    .flatMap((it) => (it.kind === 'line' ? [it.spans.map((s) => s.text).join('')] : []))
    .filter((l) => scriptRuns(l).some((s) => s.latin && isAddress(s.text)));
  assert.ok(planned.length >= 6, `only ${planned.length} preview lines with an address`);
  for (const l of planned) assert.ok(printed.has(l.replace(/\s/g, '')), `the preview prints 「${l}」, the PDF has no such line`);
});
