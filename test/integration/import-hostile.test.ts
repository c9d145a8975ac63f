// Hostile input to the importer, through readReportSource (what the API and the command line
// use) and through the API's importPreview: each hostile file refused with a Chinese message,
// each awkward but honest one (UTF-16 or GBK XML, GBK text) read exactly as its UTF-8 twin, and
// narrative text with markup kept as text through import, the database and the Word export.
// Time and memory per file are printed by test/bench/soak.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { readReportSource, ImportError } from '../../electron/core/import/index';
import { createApi } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import { buildDocx } from '../../electron/core/export/docx';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigBomb, hostileFiles, lieAboutSize } from '../support/hostile-files';
import { projectNode, repoRoot, tempDir } from '../support';

const files = await hostileFiles();

for (const f of files) {
  test(`${f.expect === 'refused' ? 'refused' : 'read'}: ${f.name}`, async () => {
    if (f.expect === 'refused') {
      await assert.rejects(readReportSource(f.fileName, f.bytes), (err: unknown) => {
        assert.ok(err instanceof ImportError, `an ImportError, not ${String(err).slice(0, 200)}`);
        assert.match(err.message, /[\u4e00-\u9fff]/);
        if (f.message) assert.match(err.message, f.message);
        return true;
      });
      return;
    }
    const read = await readReportSource(f.fileName, f.bytes);
    if (f.sameAs) assert.deepEqual(read, await readReportSource(f.sameAs.fileName, f.sameAs.bytes), 'read exactly as the UTF-8 file');
    if (f.contains) assert.ok(JSON.stringify(read.report).includes(JSON.stringify(f.contains).slice(1, -1)), `keeps “${f.contains}”`);
  });
}

test('through the API: hostile files are refused and nothing is stored; markup stays text into the Word file', async () => {
  const dir = tempDir('import-hostile-api');
  const store = await openStore(dir.path, { backupAtOpen: false });
  try {
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
    for (const f of files.filter((x) => x.expect === 'refused' && x.bytes.length < 20 * 1024 * 1024)) {
      const r = await handleApiCall('importPreview', { fileName: f.fileName, base64: Buffer.from(f.bytes).toString('base64') });
      assert.equal(r.ok, false, f.name);
      if (!r.ok) assert.match(r.error.message, /[\u4e00-\u9fff]/);
    }
    const big = files.find((x) => x.fileName === 'big.txt')!;
    const tooBig = await handleApiCall('importPreview', { fileName: big.fileName, base64: Buffer.from(big.bytes).toString('base64') });
    assert.ok(!tooBig.ok && /超过 20 MB|不符合要求/.test(tooBig.error.message));

    const markup = files.find((x) => x.fileName === 'markup.docx')!;
    const preview = await handleApiCall('importPreview', { fileName: markup.fileName, base64: Buffer.from(markup.bytes).toString('base64') });
    assert.ok(preview.ok);
    const committed = await handleApiCall('importCommit', { report: (preview.value as { report: unknown }).report });
    assert.ok(committed.ok, JSON.stringify(committed));
    const stored = store.requireReport((committed.value as { id: number }).id).doc;
    assert.equal(stored.sections.overview, markup.contains);
    // In the Word file it is the same characters, escaped as text, not elements.
    const xml = strFromU8(unzipSync(await buildDocx(stored, { letterhead: false, draft: false }))['word/document.xml']);
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!xml.includes('<script>'));
    // Latin and Chinese are set in runs of their own: read the paragraph's text back from its w:t runs.
    const unescape = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''));
    assert.ok(
      paragraphs.some((p) => p.includes(markup.contains!)),
      'the narrative, markup and all, is one paragraph of text',
    );
  } finally {
    store.close();
    dir.cleanup();
  }
});

test('a 300 MB zip bomb, honest or lying about its size, is refused without inflating it (peak memory of a fresh process)', () => {
  const dir = tempDir('import-bomb');
  try {
    const bomb = bigBomb(300);
    for (const lie of [false, true]) {
      const file = join(dir.path, lie ? 'liar.docx' : 'bomb.docx');
      // The liar declares 4 KB (as a bomb hiding from a size check does).
      writeFileSync(file, lie ? lieAboutSize(bomb, 4096) : bomb);
      const script = join(dir.path, 'read.mjs');
      writeFileSync(
        script,
        `import { readFileSync } from 'node:fs';
        import { readReportSource } from ${JSON.stringify(join(repoRoot, 'electron/core/import/index.ts'))};
        let message = '';
        try { await readReportSource('bomb.docx', readFileSync(${JSON.stringify(file)})); } catch (err) { message = err.message; }
        // VmHWM: this process's own peak (getrusage's maxRSS keeps the parent's across exec on Linux).
        const hwm = /VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
        console.log(JSON.stringify({ message, peakMb: (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024 }));`,
      );
      const out = execFileSync(projectNode(), ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
      const { message, peakMb } = JSON.parse(out.trim().split('\n').pop()!) as { message: string; peakMb: number };
      assert.match(message, /异常庞大/);
      // Loading the program takes about 80 MB; inflating the bomb would take 300 MB more (40 MB stopped at the limit).
      assert.ok(peakMb < 120, `${lie ? 'lying' : 'honest'} bomb: peak ${peakMb.toFixed(0)} MB`);
    }
  } finally {
    dir.cleanup();
  }
});

test('through the API: a save made while a file is being read is answered before the read ends (the read runs in a worker)', async () => {
  const dir = tempDir('import-offthread');
  const store = await openStore(dir.path, { backupAtOpen: false });
  try {
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
    const seed = readFileSync(join(repoRoot, 'test/fixtures/seeds/2020-ansha-fujian-gov2019.txt'));
    const order: string[] = [];
    const reading = handleApiCall('importPreview', { fileName: 'ansha.txt', base64: seed.toString('base64') }).then((r) => {
      order.push('read');
      return r;
    });
    const saved = await handleApiCall('saveUnit', { name: '安砂镇人民政府', kind: 'township' });
    order.push('saved');
    assert.ok(saved.ok);
    const read = await reading;
    assert.ok(read.ok && (read.value as { report: { unit: { name: string } } }).report.unit.name === '安砂镇');
    assert.deepEqual(order, ['saved', 'read']);
  } finally {
    store.close();
    dir.cleanup();
  }
});
