// The importer's worker thread (issue 20 item 4): files are read here, one at a time, so a slow or
// hostile file never holds up the thread that answers saves. Started by off-thread.ts, in the
// browser host, the Electron main process and the command line alike.
import { parentPort } from 'node:worker_threads';
import { ImportError, readReportSource } from './index';

export interface WorkerRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export type WorkerReply = { id: number } & (
  { ok: true; result: Awaited<ReturnType<typeof readReportSource>> } | { ok: false; importError: boolean; notAReport?: boolean; message: string }
);

parentPort!.on('message', async ({ id, fileName, bytes }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: await readReportSource(fileName, bytes) };
  } catch (err) {
    reply = {
      id,
      ok: false,
      importError: err instanceof ImportError,
      notAReport: err instanceof ImportError && err.notAReport,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  parentPort!.postMessage(reply);
});
