// Where the app keeps its data: the per-user application data folder, the same for the desktop
// window and the browser host, so a clerk finds the same reports whichever one starts.
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
