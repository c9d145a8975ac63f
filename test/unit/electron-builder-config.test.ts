// The installer configuration cannot be run here (electron-builder downloads Electron), so it is
// checked as data: it parses, names the targets the issue asks for, unpacks the native SQLite
// files from the asar, and its main file is what the build produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from '../support';

const config = JSON.parse(readFileSync(join(repoRoot, 'build/electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

type Target = { target: string; arch: string[] };

test('the configuration is valid against electron-builder\'s own schema', () => {
  // electron-builder validates with ajv against app-builder-lib/scheme.json; do the same here,
  // resolving ajv the way app-builder-lib itself does.
  const builderPkg = join(repoRoot, 'node_modules/app-builder-lib/package.json');
  const requireFromBuilder = createRequire(builderPkg);
  const Ajv = requireFromBuilder('ajv').default ?? requireFromBuilder('ajv');
  const schema = JSON.parse(readFileSync(join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 1));
  assert.equal(validate({ ...config, nsis: { ...config.nsis, perMachin: false } }), false, 'a misspelt option is caught');
});

test('identity and files', () => {
  assert.match(config.appId, /^[a-z0-9.-]+$/);
  assert.equal(config.productName, '年报编制助手');
  assert.ok(config.files.includes('dist/**'));
  assert.ok(config.files.includes('package.json'));
  assert.equal(config.extraMetadata.main, 'dist/shell/main.cjs');
  assert.equal(pkg.main, config.extraMetadata.main, 'package.json main is the same file');
  assert.ok(pkg.devDependencies.electron, 'electron-builder reads the Electron version from devDependencies');
  assert.match(pkg.devDependencies.electron, /^\d+\.\d+\.\d+$/, 'an exact Electron version');
});

test('Windows: nsis per-user with a choice of folder, and portable; x64 and arm64', () => {
  const win: Target[] = config.win.target;
  for (const name of ['nsis', 'portable']) {
    const t = win.find((x) => x.target === name);
    assert.ok(t, name);
    assert.deepEqual([...t.arch].sort(), ['arm64', 'x64']);
  }
  assert.equal(config.nsis.oneClick, false);
  assert.equal(config.nsis.perMachine, false, 'no administrator rights needed');
});

test('Linux: deb and AppImage; x64 and arm64', () => {
  const linux: Target[] = config.linux.target;
  for (const name of ['deb', 'AppImage']) {
    const t = linux.find((x) => x.target === name);
    assert.ok(t, name);
    assert.deepEqual([...t.arch].sort(), ['arm64', 'x64']);
  }
});

test('every native better-sqlite3 file is unpacked from the asar', () => {
  const prebuilds = join(repoRoot, 'node_modules/better-sqlite3/prebuilds');
  const natives = readdirSync(prebuilds).filter((f) => f.endsWith('.node'));
  assert.ok(natives.length >= 6, 'the prebuilt binaries ship in the package');
  for (const f of natives) {
    const rel = `node_modules/better-sqlite3/prebuilds/${f}`;
    assert.ok(
      config.asarUnpack.some((g: string) => matchesGlob(rel, g)),
      `${rel} is unpacked`,
    );
  }
  assert.equal(config.npmRebuild, false, 'Node-API binaries need no rebuild for Electron');
});

test('the main and preload files the installer starts are produced by the build', { skip: !existsSync(join(repoRoot, 'dist/.build-stamp')) && 'run node build/build.mjs first' }, () => {
  assert.ok(existsSync(join(repoRoot, config.extraMetadata.main)));
  assert.ok(existsSync(join(repoRoot, 'dist/shell/preload.cjs')));
  assert.ok(existsSync(join(repoRoot, 'dist/renderer/index.html')));
  const main = readFileSync(join(repoRoot, config.extraMetadata.main), 'utf8');
  assert.match(main, /require\("electron"\)/);
  assert.match(main, /require\("better-sqlite3"\)/);
  // Files are matched against the config's patterns as electron-builder would.
  assert.ok(config.files.some((g: string) => matchesGlob(config.extraMetadata.main, g)));
});
