// Where the app keeps its data: the per-user application data folder, the same for the desktop
// window and the browser host, so a clerk finds the same reports whichever one starts.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const APP_FOLDER = 'nianbao';
export const DATA_DIR_ENV = 'NIANBAO_DATA_DIR';

/** The per-user folder: %APPDATA%\nianbao, ~/Library/Application Support/nianbao, $XDG_CONFIG_HOME/nianbao. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.config'), APP_FOLDER);
}

/** Reads `--data-dir DIR` / `--data-dir=DIR` from the arguments. */
export function dataDirArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir') return argv[i + 1] ?? null;
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  return null;
}

/** --data-dir, else NIANBAO_DATA_DIR, else the per-user folder; always absolute. */
export function resolveDataDir(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const chosen = dataDirArg(argv) || env[DATA_DIR_ENV] || defaultDataDir(platform, env);
  return resolve(chosen);
}

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', '9p', 'afs', 'ceph', 'glusterfs', 'davfs', 'fuse.davfs2']);

/** True when the folder is on a network share (SQLite's WAL needs shared memory a share cannot give). */
export function isNetworkPath(dir: string, platform: NodeJS.Platform = process.platform, mounts: string | null = null): boolean {
  if (platform === 'win32') {
    // A redirected %APPDATA% is a UNC path: \\server\share\… or \\?\UNC\server\share\…
    const p = dir.replace(/\//g, '\\');
    return /^\\\\\?\\UNC\\/i.test(p) || (/^\\\\[^\\?.]/.test(p) && !/^\\\\\.\\/.test(p));
  }
  if (platform !== 'linux') return false;
  let table = mounts;
  if (table === null) {
    try {
      table = readFileSync('/proc/mounts', 'utf8');
    } catch {
      return false;
    }
  }
  // The mount point that holds the folder is the longest one that prefixes it.
  let best = '';
  let type = '';
  for (const line of table.split('\n')) {
    const [, mountPoint, fsType] = line.split(' ');
    if (!mountPoint || !fsType) continue;
    const point = mountPoint.replace(/\\040/g, ' ');
    const inside = point === '/' || dir === point || dir.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && point.length >= best.length) {
      best = point;
      type = fsType;
    }
  }
  return NETWORK_FS.has(type);
}

/** The warning shown at start when the data folder is on a network share, else null. */
export function networkDataDirWarning(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  mounts: string | null = null,
): string | null {
  if (!isNetworkPath(dir, platform, mounts)) return null;
  const local = platform === 'win32' ? join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), APP_FOLDER) : join(homedir(), APP_FOLDER);
  return (
    `数据文件夹 ${dir} 在网络位置上（例如单位统一重定向的“应用程序数据”文件夹）。` +
    '数据库放在网络共享上，断网或在两台电脑上同时打开时可能损坏。' +
    `请信息化人员把整个数据文件夹复制到本机（例如 ${local}），并把快捷方式改为带 --data-dir "${local}" 启动；或者取消对该文件夹的重定向。` +
    '程序这次会继续使用网络位置。'
  );
}
