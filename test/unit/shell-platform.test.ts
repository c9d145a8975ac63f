// What the desktop program tells a clerk when the machine itself is the problem (issue 25): a
// native module that cannot load on an old system, a data folder on a network share, a file held
// open by Word. The dlopen failure is real (a broken .node file loaded by this Node).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeLoadMessage, nativeLoadProblem } from '../../electron/core/native-load';
import { describeOpenError } from '../../electron/core/store/database';
import { isNetworkPath, networkDataDirWarning } from '../../electron/core/paths';
import { describeWriteError, writeFileAtomic } from '../../electron/core/atomic-write';
import { tempDir } from '../support';

test('a native module that fails to load is named as a system too old, not as folder permissions', () => {
  const dir = tempDir('native');
  try {
    const broken = join(dir.path, 'better_sqlite3.node');
    writeFileSync(broken, 'not a shared object');
    let err: unknown = null;
    try {
      process.dlopen({ exports: {} }, broken);
    } catch (e) {
      err = e;
    }
    assert.ok(err, 'dlopen of a broken file fails');
    assert.deepEqual(nativeLoadProblem(err), { glibc: null });
    const opened = describeOpenError(join(dir.path, 'nianbao.sqlite'), err);
    assert.match(opened.message, /系统版本过旧/);
    assert.doesNotMatch(opened.message, /请检查文件夹权限/);
  } finally {
    dir.cleanup();
  }
  // The message Linux's loader gives on Ubuntu 20.04 / Debian 11 for better-sqlite3 13's binary.
  const old = Object.assign(
    new Error(
      "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.29' not found (required by /opt/年报编制助手/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node)",
    ),
    { code: 'ERR_DLOPEN_FAILED' },
  );
  assert.match(nativeLoadMessage(old)!, /缺少 GLIBCXX_3\.4\.29.*glibc 2\.34.*Ubuntu 22\.04、Debian 12/);
  // Ordinary open failures keep their own messages.
  assert.equal(nativeLoadProblem(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' })), null);
  assert.match(describeOpenError('/x/nianbao.sqlite', Object.assign(new Error('x'), { code: 'SQLITE_CANTOPEN' })).message, /权限/);
});

test('a data folder on a network share is recognised (UNC paths, NFS/CIFS mounts) and gets a Chinese warning', () => {
  assert.equal(isNetworkPath('\\\\fileserver\\users$\\zhang\\AppData\\Roaming\\nianbao', 'win32'), true);
  assert.equal(isNetworkPath('\\\\?\\UNC\\fileserver\\share\\nianbao', 'win32'), true);
  assert.equal(isNetworkPath('C:\\Users\\zhang\\AppData\\Roaming\\nianbao', 'win32'), false);
  assert.equal(isNetworkPath('\\\\?\\C:\\Users\\zhang\\nianbao', 'win32'), false);
  assert.equal(isNetworkPath('\\\\.\\C:\\nianbao', 'win32'), false);
  const mounts = [
    '/dev/sda1 / ext4 rw 0 0',
    'srv:/home /home nfs4 rw 0 0',
    '/dev/sdb1 /home/zhang/local ext4 rw 0 0',
    '//nas/d /mnt/共享\\040盘 cifs rw 0 0',
  ].join('\n');
  assert.equal(isNetworkPath('/home/zhang/.config/nianbao', 'linux', mounts), true);
  assert.equal(isNetworkPath('/home/zhang/local/nianbao', 'linux', mounts), false, 'the longest mount point decides');
  assert.equal(isNetworkPath('/mnt/共享 盘/nianbao', 'linux', mounts), true);
  assert.equal(isNetworkPath('/var/lib/nianbao', 'linux', mounts), false);
  assert.equal(isNetworkPath('/homeless/nianbao', 'linux', mounts), false, 'a prefix that is not a folder boundary');
  const warning = networkDataDirWarning('\\\\fileserver\\users$\\zhang\\AppData\\Roaming\\nianbao', 'win32', {
    LOCALAPPDATA: 'C:\\Users\\zhang\\AppData\\Local',
  })!;
  assert.match(warning, /网络位置/);
  assert.match(warning, /C:\\Users\\zhang\\AppData\\Local.nianbao/);
  assert.equal(networkDataDirWarning('C:\\Users\\zhang\\AppData\\Roaming\\nianbao', 'win32', {}), null);
});

test('a file that cannot be written is explained in Chinese: open in Word/WPS, disk full, no folder, read-only', async () => {
  const code = (c: string) => Object.assign(new Error(c), { code: c });
  assert.match(describeWriteError('/home/zhang/年报/报告.docx', code('EBUSY')), /“报告.docx”.*Word 或 WPS 中打开.*换一个文件名/);
  assert.match(describeWriteError('/x/报告.docx', code('EPERM')), /Word 或 WPS/);
  assert.match(describeWriteError('/x/报告.docx', code('ENOSPC')), /磁盘已满/);
  assert.match(describeWriteError('/x/报告.docx', code('EROFS')), /只读/);
  for (const c of ['EBUSY', 'EPERM', 'ENOSPC', 'ENOENT', 'EROFS', 'EIO'])
    assert.doesNotMatch(describeWriteError('/x/a.docx', code(c)), /\b(?:resource busy|operation not permitted)\b/);
  const dir = tempDir('atomic');
  try {
    const target = join(dir.path, '报告.docx');
    await writeFileAtomic(target, Buffer.from('第一版'));
    await writeFileAtomic(target, Buffer.from('第二版'));
    assert.equal(readFileSync(target, 'utf8'), '第二版');
    await assert.rejects(writeFileAtomic(join(dir.path, 'missing', 'a.docx'), Buffer.from('x')), { code: 'ENOENT' });
  } finally {
    dir.cleanup();
  }
});
