// `npm start`: the desktop window when Electron's runtime is installed, otherwise the browser host.
// Builds first if anything changed (build.mjs skips work that is up to date). Arguments after
// `npm start --` pass through (--data-dir DIR, --port N, --no-open); --browser forces the host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

/** The Electron binary, without requiring the package (its index.js tries to download one). */
function electronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const bin = join(distDir, rel);
  return rel && existsSync(bin) ? bin : null;
}

const build = spawnSync(process.execPath, [join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('构建失败，程序没有启动。请查看上面的错误信息。');
  process.exit(build.status ?? 1);
}

const electron = forceBrowser ? null : electronBinary();
const [cmd, cmdArgs] = electron
  ? [electron, [join(root, 'dist', 'shell', 'main.cjs'), ...passThrough]]
  : [process.execPath, [join(root, 'dist', 'host.mjs'), ...passThrough]];
if (!electron && !forceBrowser) console.error('未安装 Electron 运行时，改用浏览器方式启动。');

const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
