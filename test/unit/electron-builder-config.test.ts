// The installer configuration cannot be run here (electron-builder downloads Electron), so it is
// checked as data: it parses, names the targets the issue asks for, unpacks the native SQLite
// files from the asar, and its main file is what the build produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join, matchesGlob } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { repoRoot, tempDir } from '../support';

const config = JSON.parse(readFileSync(join(repoRoot, 'build/electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

type Target = { target: string; arch: string[] };

test("the configuration is valid against electron-builder's own schema", () => {
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

test('Windows: one per-user installer, no choices that need an administrator; no portable build', () => {
  const win: Target[] = config.win.target;
  assert.deepEqual(
    win.map((t) => t.target),
    ['nsis'],
    'the portable launcher unpacks into a fixed %TEMP% folder a second copy deletes (electron-builder 5382/4105/7870)',
  );
  assert.deepEqual([...win[0].arch].sort(), ['arm64', 'x64']);
  assert.equal(config.portable, undefined);
  // oneClick per-user: no install-mode page (its disabled 「所有用户」 button reads "(must run as admin)"), no folder page
  // where C:\Program Files fails without elevation; installs into %LOCALAPPDATA%\Programs.
  assert.equal(config.nsis.oneClick, true);
  assert.equal(config.nsis.perMachine, false, 'no administrator rights needed');
  assert.equal(config.nsis.allowToChangeInstallationDirectory, undefined);
  assert.equal(config.nsis.deleteAppDataOnUninstall, false, 'uninstalling never deletes the reports');
  assert.doesNotMatch(config.nsis.artifactName, /\$\{arch\}/, 'one installer holds both architectures');
});

test('signing is configured from the environment, never from the repository', () => {
  const text = readFileSync(join(repoRoot, 'build/electron-builder.json'), 'utf8');
  assert.doesNotMatch(text, /certificateFile|certificatePassword|cscLink|cscKeyPassword|CSC_LINK/i, 'no certificate or password in the config');
  assert.deepEqual(config.win.signtoolOptions.signingHashAlgorithms, ['sha256']);
  const tracked = readdirSync(join(repoRoot, 'build'), { recursive: true }).map(String);
  assert.equal(tracked.filter((f) => /\.(pfx|p12|cer|pem|key)$/i.test(f)).length, 0, 'no certificate file in build/');
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
  // A worker thread cannot load its script from inside app.asar: the importer's worker is unpacked.
  assert.ok(config.asarUnpack.some((g: string) => matchesGlob('dist/import-worker.mjs', g)));
});

test(
  'the main and preload files the installer starts are produced by the build',
  { skip: !existsSync(join(repoRoot, 'dist/.build-stamp')) && 'run node build/build.mjs first' },
  () => {
    assert.ok(existsSync(join(repoRoot, config.extraMetadata.main)));
    assert.ok(existsSync(join(repoRoot, 'dist/shell/preload.cjs')));
    assert.ok(existsSync(join(repoRoot, 'dist/renderer/index.html')));
    const main = readFileSync(join(repoRoot, config.extraMetadata.main), 'utf8');
    assert.match(main, /require\("electron"\)/);
    assert.match(main, /require\("better-sqlite3"\)/);
    // Files are matched against the config's patterns as electron-builder would.
    assert.ok(config.files.some((g: string) => matchesGlob(config.extraMetadata.main, g)));
  },
);

test('the afterPack hook sets the fuses in the packed binary: no RunAsNode, cookies encrypted, asar integrity, app only from asar', async () => {
  assert.equal(config.afterPack, './build/after-pack.mjs', 'electron-builder runs the hook');
  const hook = await import(pathToFileURL(join(repoRoot, 'build/after-pack.mjs')).href);
  const { FuseV1Options, FuseState, getCurrentFuseWire } = await import('@electron/fuses');
  // A stand-in binary: the fuse wire as Electron lays it out (sentinel, version 1, length, one
  // byte per fuse, all at their shipped defaults), inside other bytes.
  const dir = tempDir('fuses');
  try {
    const shipped = [
      FuseState.ENABLE,
      FuseState.DISABLE,
      FuseState.ENABLE,
      FuseState.ENABLE,
      FuseState.DISABLE,
      FuseState.DISABLE,
      FuseState.DISABLE,
      FuseState.ENABLE,
      FuseState.ENABLE,
    ];
    const binary = Buffer.concat([
      randomBytes(5000),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, shipped.length, ...shipped]),
      randomBytes(5000),
    ]);
    for (const [platform, file] of [
      ['linux', 'nianbao'],
      ['win32', '年报编制助手.exe'],
    ] as const) {
      const out = join(dir.path, platform);
      mkdirSync(join(out, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds'), { recursive: true });
      writeFileSync(join(out, file), binary);
      await hook.default({
        appOutDir: out,
        electronPlatformName: platform,
        packager: { appInfo: { productFilename: '年报编制助手' }, executableName: 'nianbao' },
      });
      const wire = await getCurrentFuseWire(join(out, file));
      assert.equal(wire[FuseV1Options.RunAsNode], FuseState.DISABLE, `${platform}: RunAsNode off`);
      assert.equal(wire[FuseV1Options.EnableCookieEncryption], FuseState.ENABLE, `${platform}: cookie encryption on`);
      assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], FuseState.DISABLE);
      assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], FuseState.DISABLE);
      assert.equal(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], FuseState.ENABLE, `${platform}: asar integrity on`);
      assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], FuseState.ENABLE, `${platform}: app only from asar`);
      assert.equal(wire[FuseV1Options.GrantFileProtocolExtraPrivileges], FuseState.DISABLE);
    }
    assert.equal(
      hook.executablePath({ appOutDir: '/o', electronPlatformName: 'darwin', packager: { appInfo: { productFilename: 'A' }, executableName: 'a' } }),
      join('/o', 'A.app'),
    );
    assert.equal(hook.fuseConfig('darwin').resetAdHocDarwinSignature, true);
  } finally {
    dir.cleanup();
  }
  assert.equal(config.asar, true, 'OnlyLoadAppFromAsar needs the app packed in an asar');
});

test('the app icon electron-builder takes from buildResources is a PNG of at least 512×512', () => {
  const icon = readFileSync(join(repoRoot, config.directories.buildResources, 'icon.png'));
  assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  // IHDR follows the signature: width and height as big-endian 32-bit integers.
  assert.ok(icon.readUInt32BE(16) >= 512 && icon.readUInt32BE(20) >= 512, `${icon.readUInt32BE(16)}×${icon.readUInt32BE(20)}`);
});

test("electron-builder's own deb step accepts the metadata, writes no update metadata, and its AppArmor profile names the install path", async (t) => {
  // electron-builder's build() up to the point where it would run fpm: the prepackaged folder
  // stands in for the unpacked app (so no Electron download), and effectiveOptionComputed — the
  // hook electron-builder's own tests use — receives fpm's arguments and the .desktop file and
  // stops there. Without `homepage` this rejects with "Please specify project homepage".
  const { build, Platform, Arch } = await import('electron-builder');
  const dir = tempDir('deb');
  try {
    const prepackaged = join(dir.path, 'linux-unpacked');
    mkdirSync(join(prepackaged, 'resources'), { recursive: true });
    let fpmArgs: string[] = [];
    let desktop = '';
    await build({
      projectDir: repoRoot,
      targets: Platform.LINUX.createTarget('deb', Arch.x64),
      // electron-builder changes the configuration it is given: hand it a copy.
      config: { ...structuredClone(config), directories: { ...config.directories, output: join(dir.path, 'out') } },
      prepackaged,
      publish: 'never',
      effectiveOptionComputed: async (computed: unknown) => {
        const [args, desktopFile] = computed as [string[], string];
        fpmArgs = args;
        desktop = readFileSync(desktopFile, 'utf8');
        return true;
      },
    });
    const arg = (name: string) => fpmArgs[fpmArgs.indexOf(name) + 1];
    assert.equal(arg('--url'), pkg.homepage);
    assert.match(arg('--maintainer'), /^.+ <[^@\s]+@[^@\s]+>$/, 'Debian wants a maintainer with an e-mail address');
    assert.match(desktop, /^Name=年报编制助手$/m);
    assert.match(desktop, /^StartupWMClass=nianbao$/m, 'the window and the launcher icon match (desktopName)');
    assert.equal(pkg.desktopName, 'nianbao.desktop');
    assert.equal(config.publish, null, 'no auto-update metadata');
    assert.equal(existsSync(join(prepackaged, 'resources', 'app-update.yml')), false);
    const profile = readFileSync(join(prepackaged, 'resources', 'apparmor-profile'), 'utf8');
    const installed = fpmArgs.find((a) => a.startsWith(`${prepackaged}/=`))!.split('=')[1];
    assert.ok(profile.includes(`"${installed}/nianbao"`), `the profile attaches to ${installed}/nianbao`);
    // AppArmor's own parser accepts the profile's attachment path (the product name is Chinese). The
    // machines here have AppArmor 3, which lacks the abi/4.0 file and the userns rule Ubuntu 24.04's
    // AppArmor 4 has: those two lines are adapted, the path is parsed as shipped.
    const parser = ['/usr/sbin/apparmor_parser', '/sbin/apparmor_parser'].find((p) => existsSync(p));
    if (parser) {
      const adapted = join(dir.path, 'apparmor-profile');
      writeFileSync(adapted, profile.replace('abi <abi/4.0>,', 'abi <abi/3.0>,').replace(/^\s*userns,\s*$/m, ''));
      const run = spawnSync(parser, ['--skip-kernel-load', '--debug', adapted], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Name:\s+nianbao/);
    } else {
      t.diagnostic('apparmor_parser not installed: the profile was checked as text only');
    }
    // The .deb's dependencies: better-sqlite3's prebuilt binary needs glibc 2.34 and GLIBCXX_3.4.29 (GCC 11).
    assert.ok(config.deb.depends.includes('libc6 (>= 2.34)'));
    assert.ok(config.deb.depends.includes('libstdc++6 (>= 11)'));
  } finally {
    dir.cleanup();
  }
});

test('the packed app carries one better-sqlite3 binary, for its own platform and architecture', async () => {
  const hook = await import(pathToFileURL(join(repoRoot, 'build/after-pack.mjs')).href);
  const dir = tempDir('prune');
  try {
    const names = readdirSync(join(repoRoot, 'node_modules/better-sqlite3/prebuilds'));
    for (const [platform, arch, keep] of [
      ['win32', 1, 'win32-x64.node'],
      ['win32', 3, 'win32-arm64.node'],
      ['linux', 1, 'linux-x64.node'],
    ] as const) {
      const out = join(dir.path, `${platform}-${arch}`);
      const prebuilds = join(out, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
      mkdirSync(prebuilds, { recursive: true });
      for (const n of names) writeFileSync(join(prebuilds, n), 'x');
      hook.pruneNativeBinaries({ appOutDir: out, electronPlatformName: platform, arch });
      assert.deepEqual(readdirSync(prebuilds), [keep]);
    }
  } finally {
    dir.cleanup();
  }
  for (const bundle of ['!dist/cli.mjs', '!dist/host.mjs', '!dist/host-main.mjs', '!dist/.compile-cache/**'])
    assert.ok(config.files.includes(bundle), 'the window needs neither the CLI nor the host');
  assert.ok(config.files.includes('!node_modules/better-sqlite3/{deps,src}/**'), "SQLite's sources are not shipped");
});
