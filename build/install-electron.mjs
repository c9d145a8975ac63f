// Part of `npm install`: fetches Electron's runtime where its download works, so `npm start` opens
// the desktop window there. Where it cannot be downloaded (offline office PCs, CI) the install
// still succeeds and `npm start` uses the browser host. Set NIANBAO_SKIP_ELECTRON=1 to skip.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installer = join(root, 'node_modules', 'electron', 'install.js');
const TIMEOUT_MS = 5 * 60 * 1000;

if (process.env.NIANBAO_SKIP_ELECTRON === '1' || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !existsSync(installer)) process.exit(0);

const child = spawn(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
child.on('exit', (code) => {
  clearTimeout(timer);
  if (code === 0) console.log('Electron 运行时已就绪：npm start 将打开桌面窗口。');
  else {
    const reason = stderr.trim().split('\n').pop() || (code === null ? '下载超时' : `退出码 ${code}`);
    console.log(`未能下载 Electron 运行时（${reason}）。这不影响使用：npm start 将以浏览器方式运行。`);
  }
  process.exit(0);
});
