// How the command line reads a file it was given: looked at before it is read. A folder, a device
// (/dev/zero), a named pipe or a socket is refused without reading a byte; so is a file larger than
// the command accepts (a 1.5 GB file is not read into memory to be refused; a file over 2 GiB gets
// a Chinese message, not Node's English one). At most the limit is read, even from a file that grows.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';

export type ReadInput = { ok: true; bytes: Buffer } | { ok: false; message: string };

const MB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;
}

function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return '找不到这个文件（文件不存在），请检查路径';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取这个文件的权限';
  if (code === 'EISDIR') return '这是一个文件夹，请指定其中的一个文件';
  if (code === 'ELOOP') return '路径中的快捷方式（符号链接）循环指向自己';
  if (code === 'ENAMETOOLONG') return '路径太长';
  return `读取时出错${code ? `（错误代码 ${code}）` : ''}，请确认文件没有损坏、所在的磁盘可以访问`;
}

/** The file's bytes, or why it was not read (Chinese). `maxBytes`: what the command accepts at most. */
export function readInputFile(path: string, maxBytes: number): ReadInput {
  let fd: number;
  try {
    // Non-blocking: opening a named pipe with no writer must not hang the command.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, message: errnoText(err) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: '这是一个文件夹，请指定其中的一个文件' };
    if (!st.isFile()) return { ok: false, message: '这不是普通文件（是设备、管道或套接字），没有读取。请指定一个报告文件' };
    if (st.size > maxBytes) {
      return { ok: false, message: `文件有 ${sizeText(st.size)}，超过了 ${sizeText(maxBytes)} 的上限，不像是一份年度报告，没有读取。请指定报告文件本身` };
    }
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) return { ok: false, message: `文件超过了 ${sizeText(maxBytes)} 的上限（读取时还在变大），没有读取` };
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (err) {
    return { ok: false, message: errnoText(err) };
  } finally {
    closeSync(fd);
  }
}
