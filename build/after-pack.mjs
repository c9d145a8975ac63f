// electron-builder afterPack hook: sets Electron's fuses in the packed binary before it is signed
// and wrapped into an installer (https://www.electronjs.org/docs/latest/tutorial/fuses). The
// program never needs Node's CLI behaviour or code from outside its own app.asar.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses, by name: what the tests check and docs/security.md describes. */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Rewriting the binary invalidates its ad-hoc signature on Apple silicon.
    resetAdHocDarwinSignature: platform === 'darwin',
    // The binary cannot be used as a plain Node (ELECTRON_RUN_AS_NODE) to run other code.
    [FuseV1Options.RunAsNode]: false,
    // Chromium's cookie store is encrypted with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect cannot inject code or a debugger into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash electron-builder embeds; a changed app does not start.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only app.asar is loaded, never a loose app/ folder placed beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // file:// gets no privileges beyond a normal web scheme (the UI is served from app://).
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The Electron binary electron-builder just packed, per platform. */
export function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * better-sqlite3 ships eight prebuilt binaries; the packed app keeps the one its own platform and
 * architecture load (lib/<platform>-<arch>.js), the rest are ~15 MB of dead weight.
 */
export function pruneNativeBinaries(context) {
  const { appOutDir, electronPlatformName, arch } = context;
  const resources =
    electronPlatformName === 'darwin' || electronPlatformName === 'mas' ? join(executablePath(context), 'Contents', 'Resources') : join(appOutDir, 'resources');
  const dir = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
  const platform = electronPlatformName === 'mas' ? 'darwin' : electronPlatformName;
  const keep = `${platform}-${ARCH_NAMES[arch]}.node`;
  for (const name of readdirSync(dir)) if (name !== keep) rmSync(join(dir, name));
}

export async function afterPack(context) {
  pruneNativeBinaries(context);
  await flipFuses(executablePath(context), fuseConfig(context.electronPlatformName));
}

export default afterPack;
