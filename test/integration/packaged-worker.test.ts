// The importer's worker in the installed app's layout (issue 21). Electron cannot be downloaded
// here, so no packaged app runs; what can be real is: the built dist/ packed into app.asar by
// @electron/asar (the version electron-builder itself resolves) with the installer's own `files`
// and `asarUnpack` globs (build/electron-builder.json), the path the program computes for its worker
// from inside …/app.asar/dist/shell (where the Electron main bundle sits), and the worker started
// from app.asar.unpacked — with nothing else beside it — reading a real PDF and a real .doc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerFileBeside } from '../../electron/core/import/off-thread';
import type { WorkerReply, WorkerRequest } from '../../electron/core/import/worker';
import { parseReportFile } from '../../shared/report-file';
import { formatModel } from '../../shared/formats/index';
import { repoRoot, tempDir } from '../support';

const config = JSON.parse(readFileSync(join(repoRoot, 'build/electron-builder.json'), 'utf8')) as { files: string[]; asarUnpack: string[] };
const asar = createRequire(join(repoRoot, 'node_modules/app-builder-lib/package.json'))('@electron/asar') as typeof import('@electron/asar');
const built = existsSync(join(repoRoot, 'dist/import-worker.mjs')) && existsSync(join(repoRoot, 'dist/shell/main.cjs'));
const opts = { skip: !built && 'run node build/build.mjs first', timeout: 60_000 };

/** Whether the installer takes a file: the last of the `files` globs that matches it decides (a leading ! excludes). */
function packed(rel: string): boolean {
  let taken = false;
  for (const g of config.files) {
    if (g.startsWith('!')) {
      if (matchesGlob(rel, g.slice(1))) taken = false;
    } else if (matchesGlob(rel, g)) taken = true;
  }
  return taken;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function read(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}

test('packed as the installer packs it, the worker is found in app.asar.unpacked and reads a real PDF and .doc from there', opts, async () => {
  const dir = tempDir('packaged-worker');
  try {
    // The app's files as the installer takes them (dist/** and package.json, less maps and the CLI).
    const app = join(dir.path, 'app');
    const taken = [join(repoRoot, 'package.json'), ...walk(join(repoRoot, 'dist'))].map((p) => relative(repoRoot, p)).filter(packed);
    assert.ok(taken.includes('dist/import-worker.mjs') && taken.includes('dist/shell/main.cjs'));
    assert.ok(!taken.includes('dist/cli.mjs') && !taken.some((f) => f.endsWith('.map')), 'the files globs are applied');
    for (const f of taken) {
      mkdirSync(dirname(join(app, f)), { recursive: true });
      cpSync(join(repoRoot, f), join(app, f));
    }
    const resources = join(dir.path, 'resources');
    mkdirSync(resources);
    const archive = join(resources, 'app.asar');
    const unpack = `{${config.asarUnpack.map((g) => join(app, g)).join(',')}}`;
    await asar.createPackageWithOptions(app, archive, { unpack });
    rmSync(app, { recursive: true, force: true });

    // The archive holds the main bundle; the worker is marked unpacked and is the only file beside it.
    const inside = asar.listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
    assert.ok(inside.includes('/dist/shell/main.cjs'));
    assert.equal((asar.statFile(archive, 'dist/import-worker.mjs') as { unpacked?: boolean }).unpacked, true);
    assert.ok(!(asar.statFile(archive, 'dist/shell/main.cjs') as { unpacked?: boolean }).unpacked);
    const unpacked = join(resources, 'app.asar.unpacked');
    assert.deepEqual(
      walk(unpacked).map((p) => relative(unpacked, p).replaceAll('\\', '/')),
      ['dist/import-worker.mjs'],
    );

    // The path the program computes from where its Electron main bundle is (…/app.asar/dist/shell).
    const worker = workerFileBeside(join(archive, 'dist', 'shell'));
    assert.equal(worker, join(unpacked, 'dist', 'import-worker.mjs'));

    // Started from there, the worker reads a real PDF and a real Word 97 file: the same report as the source.
    const source = parseReportFile(readFileSync(join(repoRoot, 'test/fixtures/reports/2025-clean.nianbao.json'), 'utf8'));
    assert.ok(source.ok);
    const w = new Worker(worker, { resourceLimits: { maxOldGenerationSizeMb: 512 }, stdout: false, stderr: false });
    try {
      let id = 0;
      for (const [file, kind] of [
        ['2025-clean.pdf', 'pdf'],
        ['2025-clean.doc', 'doc'],
      ] as const) {
        const bytes = new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/forms', file)));
        const reply = await read(w, { id: ++id, fileName: file, bytes });
        assert.ok(reply.ok, `${file}: ${reply.ok ? '' : reply.message}`);
        assert.equal(reply.id, id);
        assert.equal(reply.result.source, kind);
        assert.equal(reply.result.report.unit.name, source.doc.unit.name);
        assert.equal(reply.result.report.year, source.doc.year);
        // Every figure of the tables (the stated totals come along as printed).
        const inputs = formatModel('gov-2021').inputs.map((c) => c.key);
        const figures = (cells: Record<string, number | undefined>) => inputs.map((k) => cells[k]);
        assert.deepEqual(figures(reply.result.report.cells), figures(source.doc.cells), `${file}: every figure`);
        assert.deepEqual(reply.result.report.unreadCells ?? [], []);
      }
      // A file it must refuse is refused in Chinese from there too (the message travels back).
      const refused = await read(w, {
        id: ++id,
        fileName: 'encrypted.pdf',
        bytes: new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/forms/encrypted.pdf'))),
      });
      assert.ok(!refused.ok && refused.importError && /密码/.test(refused.message));
    } finally {
      await w.terminate();
    }
  } finally {
    dir.cleanup();
  }
});
