// The browser host: `node dist/host.mjs [--data-dir DIR] [--port N] [--no-open] [--new-token]`.
// Opens the store, serves the built page and the API on 127.0.0.1, prints the URL with the token
// (on stdout only) and opens the default browser where there is one, on a one-time launch code:
// the token never appears in any process's arguments, where every local user could read it.
// Port and token are kept per data folder (launch-record.ts): a page left open reconnects when
// the program is started again, after the restarted host has proved it knows the token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../core/store/index';
import { createApi } from '../core/api/index';
import { resolveDataDir } from '../core/paths';
import { logError, openLog } from '../core/log/index';
import { createHostServer } from './server';
import { newToken, readLaunchRecord, writeLaunchRecord } from './launch-record';
import { OneTimeCodes } from './session';
import { LAUNCH_PARAM } from '../../shared/host-protocol';

/** The browser's launch code is good once, for this long after the start (a slow browser's cold start included). */
const LAUNCH_CODE_LIFETIME_MS = 60_000;

interface HostArgs {
  /** null: the port remembered for this data folder (or any free one) */
  port: number | null;
  open: boolean;
  /** start with a fresh token: pages opened before can no longer call the API */
  newToken: boolean;
}

function parseArgs(argv: string[]): HostArgs {
  let port: number | null = null;
  let open = true;
  let freshToken = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-open') open = false;
    else if (a === '--new-token') freshToken = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice('--port='.length);
      port = Number(v);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`端口号“${v}”不对：请给出 0 到 65535 之间的整数（0 表示自动选择）。`);
        process.exit(2);
      }
    } else if (a === '--data-dir') i++;
    else if (a.startsWith('--data-dir=')) continue;
    else if (a === '--help' || a === '-h') {
      console.log('用法：node dist/host.mjs [--data-dir 文件夹] [--port 端口] [--no-open] [--new-token]');
      process.exit(0);
    }
  }
  return { port, open, newToken: freshToken };
}

/** The command that opens a URL in the default browser, if this machine has one. */
function browserOpener(url: string): { cmd: string; args: string[] } | null {
  if (process.platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  const cmd = process.platform === 'darwin' ? 'open' : 'xdg-open';
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
  return found ? { cmd, args: [url] } : null;
}

function openBrowser(url: string): void {
  const opener = browserOpener(url);
  if (!opener) {
    console.error('没有找到默认浏览器，请手动复制上面的网址到浏览器中打开。');
    return;
  }
  try {
    const child = spawn(opener.cmd, opener.args, {
      stdio: 'ignore',
      detached: true,
      windowsHide: true,
      windowsVerbatimArguments: process.platform === 'win32',
    });
    child.on('error', () => console.error('无法自动打开浏览器，请手动复制上面的网址到浏览器中打开。'));
    child.unref();
  } catch {
    console.error('无法自动打开浏览器，请手动复制上面的网址到浏览器中打开。');
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const dataDir = resolveDataDir(argv);
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) console.error(`注意：页面文件不存在（${rendererDir}），请先运行 npm run build。`);

  // The log file keeps the details (stack traces, in English); the terminal shows the clerk only Chinese messages.
  const log = openLog(dataDir, { console: false });
  const store = await openStore(dataDir);
  if (store.startupProblem) log.error('store', store.startupProblem.message);
  const { handleApiCall } = createApi({ store, transport: 'host', dataDir });
  const remembered = readLaunchRecord(dataDir);
  const token = !args.newToken && remembered ? remembered.token : newToken();
  const launchCodes = new OneTimeCodes(LAUNCH_CODE_LIFETIME_MS);
  const server = createHostServer({ rendererDir, token, handleApiCall, launchCodes });

  let closing = false;
  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    store.close();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));

  // The remembered port when none is asked for; taken by another program, any free one.
  const wanted = args.port ?? remembered?.port ?? 0;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => reject(err);
      server.once('error', onError);
      // Loopback only: other machines on the network must never reach the clerk's data.
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve((server.address() as { port: number }).port);
      });
    });
  let port: number;
  try {
    port = await listen(wanted);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' && args.port === null && wanted !== 0) {
      console.error(`上次使用的端口 ${wanted} 已被其他程序占用，改用新的端口；之前打开的页面请关闭，改用下面的新网址。`);
      port = await listen(0).catch((again: NodeJS.ErrnoException) => fail(again));
    } else port = fail(e);
  }
  function fail(err: NodeJS.ErrnoException): never {
    console.error(
      err.code === 'EADDRINUSE' ? `端口 ${args.port} 已被占用，请换一个端口（--port）或去掉 --port 让程序自动选择。` : `程序服务无法启动：${err.message}`,
    );
    store.close();
    process.exit(1);
  }
  server.on('error', (err) => console.error(`[host] ${err.message}`));
  if (!writeLaunchRecord(dataDir, { port, token })) console.error('注意：无法在数据文件夹中记下端口和口令，下次启动后已打开的页面需要用新网址重新打开。');
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  console.log(`年报编制助手已启动：${url}`);
  console.error(`数据文件夹：${dataDir}。按 Ctrl+C 结束。`);
  if (args.open) openBrowser(`http://127.0.0.1:${port}/?${LAUNCH_PARAM}=${launchCodes.issue()}`);
}

main().catch((err: unknown) => {
  logError('host', '无法启动', err);
  const message = err instanceof Error ? err.message : String(err);
  // A refusal of our own (the data folder in use…) says what to do; anything else is described.
  console.error(
    /[\u4e00-\u9fff]/.test(message)
      ? `年报编制助手无法启动：${message}`
      : '年报编制助手无法启动：发生了意外错误（详情已写入数据文件夹的 logs/ 日志）。请重新启动；如果反复出现，请在「数据备份」中导出诊断信息发给技术支持。',
  );
  process.exit(1);
});
