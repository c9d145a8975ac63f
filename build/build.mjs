// Builds everything `npm start` and the command line run: the renderer (Vite), the browser host,
// the command line and the Electron main + preload (esbuild). Skips work that is up to date
// unless called with --force. Runs on the Node that npm scripts put first on the PATH.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const force = process.argv.includes('--force');

function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      if (p.endsWith('node_modules')) return;
      for (const name of readdirSync(p)) walk(join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const d of dirs) walk(join(root, d));
  return newest;
}

const stampFile = join(dist, '.build-stamp');
// package-lock.json: an upgraded library (docx, MUI, zod) changes what is bundled even when no source changed.
const sources = ['shared', 'electron', 'renderer', 'build/build.mjs', 'package.json', 'package-lock.json'];
const sourceTime = newestMtime(sources);
if (!force && existsSync(stampFile) && Number(readFileSync(stampFile, 'utf8')) >= sourceTime) {
  console.log('构建已是最新（build up to date）');
  process.exit(0);
}

mkdirSync(dist, { recursive: true });
const started = Date.now();
const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['better-sqlite3', 'electron'],
  logLevel: 'warning',
  absWorkingDir: root,
};
const esmBanner = { js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);" };

await Promise.all([
  esbuild({ ...nodeCommon, entryPoints: ['electron/core/cli/main.ts'], outfile: 'dist/cli.mjs', format: 'esm', banner: esmBanner }),
  esbuild({ ...nodeCommon, entryPoints: ['electron/host/main.ts'], outfile: 'dist/host.mjs', format: 'esm', banner: esmBanner }),
  // The importer's worker thread (electron/core/import/off-thread.ts finds it beside the bundles).
  esbuild({ ...nodeCommon, entryPoints: ['electron/core/import/worker.ts'], outfile: 'dist/import-worker.mjs', format: 'esm', banner: esmBanner }),
  existsSync(join(root, 'electron/shell/main.ts')) &&
    esbuild({
      ...nodeCommon,
      entryPoints: ['electron/shell/main.ts'],
      outfile: 'dist/shell/main.cjs',
      format: 'cjs',
      // import.meta.url (off-thread.ts looks for the worker beside itself) as CommonJS knows it.
      define: { 'import.meta.url': '__nbImportMetaUrl' },
      banner: { js: "const __nbImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  // The preload runs sandboxed: one CommonJS file that may only require 'electron'.
  existsSync(join(root, 'electron/shell/preload.ts')) &&
    esbuild({
      ...nodeCommon,
      platform: 'browser',
      entryPoints: ['electron/shell/preload.ts'],
      outfile: 'dist/shell/preload.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
]);

await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });

writeFileSync(stampFile, String(sourceTime));
console.log(`构建完成（build done in ${((Date.now() - started) / 1000).toFixed(1)} s）`);
