// Issue 20, item 7: characters XML 1.0 cannot hold (C0 controls but tab and newline, lone
// surrogates, U+FFFE, U+FFFF) never get into a report: stripped at the API, in the imported
// report (a .docx with &#xFFFE;, a text, a report file), in typing and pasting (the page's
// session) and, for text stored before, at export. Every part of every export is parsed by a
// strict XML parser (saxes: XML 1.0 well-formedness, its Char production included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import { buildDocx } from '../../electron/core/export/docx';
import { readReportSource } from '../../electron/core/import/index';
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import { serializeReportFile } from '../../shared/report-file';
import { hasXmlIllegal, stripXmlIllegal } from '../../shared/xml-chars';
import { fullReport } from '../fixtures/full-report';
import { nianbaoCommand } from '../support/cli';
import { tempDir } from '../support';
import type { TempDir } from '../support';

/** Every character class XML 1.0 forbids, and the allowed ones beside them. */
const BAD = '\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\udfff\ud800';
const dirty = (s: string) => `${s.slice(0, 2)}${BAD}${s.slice(2)}`;

/** Throws with the part's name when it is not well-formed XML 1.0. */
function parseStrictly(name: string, bytes: Uint8Array): void {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  parser.on('error', (e) => (error ??= e));
  parser.write(text).close();
  if (error) throw new Error(`${name}: ${(error as Error).message}`);
}

/** Every XML part of a zip package (.docx, .xlsx), parsed strictly; returns the part names. */
function parseEveryPart(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  for (const n of names) parseStrictly(n, parts[n]);
  return names;
}

let dir: TempDir;
let store: Store;
let handle: ApiHandler;

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const r = (await handle(method, input)) as ApiResult<ApiOutputs[M]>;
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value;
}

before(async () => {
  dir = tempDir('nianbao-xmlchars-');
  store = await openStore(join(dir.path, 'data'));
  handle = createApi({ store, transport: 'electron', dataDir: join(dir.path, 'data') }).handleApiCall;
});
after(() => {
  store.close();
  dir.cleanup();
});

test('the strict check itself: each forbidden character fails it, tab/newline and astral characters pass', () => {
  // (A lone surrogate cannot even be written as UTF-8: TextEncoder makes it U+FFFD. It is stripped before.)
  for (const c of BAD.replace(/[\ud800-\udfff]/g, '')) assert.throws(() => parseStrictly('probe', new TextEncoder().encode(`<a>${c}</a>`)));
  parseStrictly('probe', new TextEncoder().encode('<a>\t\n𠀀中</a>'));
  assert.equal(stripXmlIllegal(`a${BAD}b\t\n𠀀`), 'ab\t\n𠀀');
  assert.equal(hasXmlIllegal('𠀀'), false);
});

test('the API strips them from every text it stores', async () => {
  await call('saveUnit', { name: dirty('永安市小陶镇人民政府'), kind: 'township', address: dirty('城关路1号') });
  const unit = (await call('getUnit', {}))!;
  assert.equal(unit.name, '永安市小陶镇人民政府');
  assert.equal(unit.address, '城关路1号');
  const { id } = await call('createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
  await call('saveEdits', {
    id,
    sections: { overview: dirty('全年主动公开信息92条。\n第二段\t𠀀。') },
    meta: {
      title: dirty('永安市小陶镇人民政府2025年政府信息公开工作年度报告'),
      signature: dirty('小陶镇人民政府'),
      letterhead: { enabled: true, issuer: dirty('小陶镇人民政府文件'), docNumber: dirty('小政〔2026〕1号') },
    },
  });
  await call('setSection', { id, key: 'problems', text: dirty('问题：更新不及时。') });
  const doc = (await call('getReport', { id })).doc;
  assert.equal(doc.sections.overview, '全年主动公开信息92条。\n第二段\t𠀀。');
  assert.equal(doc.sections.problems, '问题：更新不及时。');
  assert.ok(!hasXmlIllegal(JSON.stringify(doc)), 'nothing illegal stored');
});

test('an imported report holds none: a .docx with &#xFFFE;, a text with controls, a report file with \\u0001', async () => {
  // A .docx of our own with forbidden character references written into its text.
  const clean = await buildDocx(fullReport({ date: '2026-01-15' }));
  const parts = unzipSync(clean);
  parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('总体情况', '总体&#xFFFE;情&#x1;况'));
  const hostile = zipSync(parts);
  let docxRead: Awaited<ReturnType<typeof readReportSource>> | null = null;
  try {
    docxRead = await readReportSource('坏字符.docx', hostile);
  } catch (err) {
    // Refusing the file is as good as stripping: nothing illegal gets in either way.
    assert.match((err as Error).message, /[\u4e00-\u9fff]/);
  }
  if (docxRead) assert.ok(!hasXmlIllegal(JSON.stringify(docxRead.report)), 'the .docx read holds none');

  const text = `永安市小陶镇人民政府2025年政府信息公开工作年度报告\n一、总体情况\n全年${BAD}主动公开信息92条。\n`;
  const fromText = await readReportSource('网页.txt', new TextEncoder().encode(text)).catch((e: Error) => e);
  if (!(fromText instanceof Error)) assert.ok(!hasXmlIllegal(JSON.stringify(fromText.report)));

  const file = serializeReportFile(fullReport()).replace('永安市小陶镇人民政府', '永安市\\u0001小陶镇\\ufffe人民政府\\ud800');
  const fromFile = await readReportSource('a.nianbao.json', new TextEncoder().encode(file));
  assert.equal(fromFile.report.unit.name, '永安市小陶镇人民政府');
  assert.ok(!hasXmlIllegal(JSON.stringify(fromFile.report)));
});

test('text stored before (written straight into the database) is stripped at export: every part of every export parses strictly', async () => {
  const { id } = await call('createReport', { year: 2024, formatId: 'gov-2021', basedOnId: null });
  const db = store.database;
  const stored = db.prepare('SELECT unit_json FROM reports WHERE id = ?').get(id) as { unit_json: string };
  const unitJson = JSON.stringify({ ...(JSON.parse(stored.unit_json) as object), name: dirty('永安市小陶镇人民政府') });
  db.prepare('UPDATE reports SET unit_json = ?, title = ?, signature = ?, date = ?, letterhead = ? WHERE id = ?').run(
    unitJson,
    dirty('永安市小陶镇人民政府2024年政府信息公开工作年度报告'),
    dirty('小陶镇人民政府'),
    '2025-01-10',
    JSON.stringify({ enabled: true, issuer: dirty('小陶镇人民政府文件'), docNumber: dirty('小政〔2025〕1号') }),
    id,
  );
  db.prepare('INSERT OR REPLACE INTO section_texts (report_id, section_key, text) VALUES (?, ?, ?)').run(id, 'overview', dirty('全年主动公开信息。'));
  assert.ok(hasXmlIllegal((await call('getReport', { id })).doc.unit.name), 'the stored value does hold them');

  const checked: string[] = [];
  for (const letterhead of [false, true]) {
    for (const sealed of [false, true]) {
      const out = await call('exportDocx', { id, letterhead, sealed });
      checked.push(...parseEveryPart(Buffer.from(out.base64, 'base64')));
    }
  }
  assert.ok(checked.includes('docProps/app.xml') && checked.includes('docProps/core.xml') && checked.includes('word/document.xml'));
  const app = strFromU8(unzipSync(Buffer.from((await call('exportDocx', { id, letterhead: true, sealed: false })).base64, 'base64'))['docProps/app.xml']);
  assert.match(app, /<Company>永安市小陶镇人民政府<\/Company>/);

  // The report file it exports, read back by the command line and exported again.
  const fileOut = await call('exportReportFile', { id });
  const path = join(dir.path, 'stored.nianbao.json');
  writeFileSync(path, fileOut.content);
  const docx = join(dir.path, 'stored.docx');
  const r = spawnSync(nianbaoCommand[0], [...nianbaoCommand.slice(1), 'export', path, '-o', docx, '--draft'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  parseEveryPart(readFileSync(docx));

  // The county's exports of the same file: the workbook and the opinion.
  const batch = await call('countyAddFiles', {
    batchId: null,
    files: [{ fileName: 'stored.nianbao.json', base64: Buffer.from(fileOut.content).toString('base64') }],
  });
  const review = await call('countyReview', { batchId: batch.batchId });
  parseEveryPart(Buffer.from((await call('countyWorkbook', { batchId: batch.batchId })).base64, 'base64'));
  const entryId = review.review.rows[0].entryId;
  parseEveryPart(Buffer.from((await call('countyOpinion', { batchId: batch.batchId, entryId, issuer: dirty('县政务公开办') })).base64, 'base64'));
});
