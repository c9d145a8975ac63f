// Writes a file so that a crash or a full disk never leaves a half-written file under the real
// name: write a temp file beside it, flush it to disk, rename it over the target, then flush the
// folder so the rename itself survives a power cut (POSIX; Windows has no folder handles to flush).
// A target held open by another program (Word, WPS, an antivirus scan) is retried briefly, then
// refused with a Chinese message that names the likely cause.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Error codes Windows gives for a file another program holds open (sharing violation, lock). */
const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

export function isLockedError(err: unknown): boolean {
  return LOCKED_CODES.has((err as { code?: string })?.code ?? '');
}

/** The Chinese message for a write that failed, with what to do next. */
export function describeWriteError(target: string, err: unknown): string {
  const code = (err as { code?: string })?.code ?? '';
  const name = basename(target);
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return `无法写入“${name}”：这个文件可能正在 Word 或 WPS 中打开，或者这个位置不允许写入。请先在 Word/WPS 中关闭它再导出，或者换一个文件名、换一个文件夹保存。`;
  }
  if (code === 'ENOSPC') return `无法写入“${name}”：磁盘已满。请清理磁盘空间，或换一个磁盘保存。`;
  if (code === 'ENOENT') return `无法写入“${name}”：文件夹 ${dirname(target)} 不存在。请换一个位置保存。`;
  if (code === 'EROFS') return `无法写入“${name}”：这个位置是只读的（例如光盘或写保护的 U 盘）。请换一个位置保存。`;
  return `无法写入“${name}”（${code || '未知错误'}）。请换一个位置或文件名后重试。`;
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await open(folder, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the file's own data is already on disk.
  }
}

async function writeOnce(target: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncFolder(dirname(target));
}

export async function writeFileAtomic(target: string, data: Uint8Array, options: { lockRetries?: number; retryDelayMs?: number } = {}): Promise<void> {
  const retries = options.lockRetries ?? 4;
  for (let attempt = 0; ; attempt++) {
    try {
      return await writeOnce(target, data);
    } catch (err) {
      // An antivirus scan holds a new file for a moment: a short wait usually clears it.
      if (!isLockedError(err) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 250) * (attempt + 1)));
    }
  }
}
