// readReportSource in a worker thread, with a time and memory bound (issue 20 item 4): the browser
// host, the Electron main process and the command line all import through here, so the thread that
// answers saves goes on answering while a file is read, and a file that takes too long or too much
// memory is refused in Chinese instead of stopping the program. One worker reads the files one at a
// time (a county batch is hundreds of files); it is replaced after a file it had to be stopped for.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from './index';
import type { ImportReadResult } from './index';
import type { WorkerReply, WorkerRequest } from './worker';

/** A real report is read in well under a second; a file still being read after this is given up. */
export const IMPORT_TIME_LIMIT_MS = 10_000;
/** The worker's JavaScript heap: a report needs a few tens of MB. */
export const IMPORT_HEAP_LIMIT_MB = 512;

/**
 * Where the worker's code is: beside this file when run from source (tests), dist/import-worker.mjs
 * when bundled (dist/cli.mjs and dist/host.mjs sit beside it, dist/shell/main.cjs one level down).
 */
function workerFile(): string {
  return workerFileBeside(dirname(fileURLToPath(import.meta.url)));
}

/** The worker's code for a program whose bundle is in `here` (exported for the packaged-layout test). */
export function workerFileBeside(here: string): string {
  // In the installed app the bundles sit in app.asar, which a worker thread cannot load from: the
  // worker is unpacked beside it (build/electron-builder.json asarUnpack) and started from there.
  const unpacked = here.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
  const dirs = unpacked === here ? [here] : [unpacked, here];
  for (const dir of dirs)
    for (const candidate of [join(dir, 'worker.ts'), join(dir, 'import-worker.mjs'), join(dir, '..', 'import-worker.mjs')])
      if (existsSync(candidate)) return candidate;
  throw new Error(`import worker not found beside ${here}`);
}

interface Job {
  request: WorkerRequest;
  resolve: (r: ImportReadResult) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let current: (Job & { timer: NodeJS.Timeout }) | null = null;
const queue: Job[] = [];
let nextId = 1;

function finish(outcome: { result: ImportReadResult } | { error: Error }, stopWorker: boolean): void {
  const job = current!;
  clearTimeout(job.timer);
  current = null;
  if (stopWorker && worker) {
    const w = worker;
    worker = null;
    w.removeAllListeners();
    void w.terminate();
  }
  if ('result' in outcome) job.resolve(outcome.result);
  else job.reject(outcome.error);
  pump();
}

function startWorker(): Worker {
  const w = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_LIMIT_MB }, stdout: false, stderr: false });
  w.on('message', (reply: WorkerReply) => {
    if (!current || reply.id !== current.request.id) return;
    if (reply.ok) finish({ result: reply.result }, false);
    else finish({ error: reply.importError ? new ImportError(reply.message, reply.notAReport) : new Error(reply.message) }, false);
  });
  w.on('error', (err: Error & { code?: string }) => {
    if (!current) return;
    const name = current.request.fileName;
    finish(
      {
        error:
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportError(`“${name}”读取时占用的内存超过 ${IMPORT_HEAP_LIMIT_MB} MB，不像是一份正常的年度报告，已停止读取。请选择报告文件本身。`)
            : err,
      },
      true,
    );
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    if (current) finish({ error: new Error('import worker stopped without an answer') }, false);
  });
  return w;
}

function pump(): void {
  if (current) return;
  const job = queue.shift();
  if (!job) {
    // Idle: the worker does not keep the process (the command line) alive.
    worker?.unref();
    return;
  }
  worker ??= startWorker();
  worker.ref();
  const timer = setTimeout(
    () =>
      finish(
        {
          error: new ImportError(
            `“${job.request.fileName}”读了 ${IMPORT_TIME_LIMIT_MS / 1000} 秒还没有读完，不像是一份正常的年度报告，已停止读取。请在 Word 或 WPS 中打开后另存为 .docx，或复制报告文字粘贴导入。`,
          ),
        },
        true,
      ),
    IMPORT_TIME_LIMIT_MS,
  );
  current = { ...job, timer };
  worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
}

export function readReportSourceOffThread(fileName: string, bytes: Uint8Array): Promise<ImportReadResult> {
  return new Promise((resolve, reject) => {
    // The worker gets its own copy: the caller's buffer may be a view into a larger one.
    queue.push({ request: { id: nextId++, fileName, bytes: new Uint8Array(bytes) }, resolve, reject });
    pump();
  });
}
