// The one failure a clerk cannot fix by checking a folder: better-sqlite3's prebuilt binary does not
// load on this system. Its Linux binary needs glibc 2.34 and libstdc++ with GLIBCXX_3.4.29 (GCC 11):
// Ubuntu 22.04, Debian 12, 统信 UOS 23 / 麒麟 V10 SP3 or later. Ubuntu 20.04, Debian 11 and older
// 麒麟/统信 releases fail at the first `new Database()` with a dlopen error.

/** The dlopen failure of a native module, or null when the error is something else. */
export function nativeLoadProblem(err: unknown): { glibc: string | null } | null {
  const e = err as { code?: string; message?: string } | null;
  const message = e?.message ?? '';
  const dlopen =
    e?.code === 'ERR_DLOPEN_FAILED' || /\.node\b.*(cannot open|invalid ELF|wrong ELF|not a valid Win32)|GLIBC(XX)?_\d|NODE_MODULE_VERSION/.test(message);
  if (!dlopen) return null;
  const needed = /(GLIBCXX|GLIBC)_(\d+(?:\.\d+)+)/.exec(message);
  return { glibc: needed ? `${needed[1]}_${needed[2]}` : null };
}

export function nativeLoadMessage(err: unknown): string | null {
  const problem = nativeLoadProblem(err);
  if (!problem) return null;
  const which = problem.glibc ? `（缺少 ${problem.glibc}）` : '';
  return (
    `本机的系统版本过旧，程序的数据库组件无法加载${which}。` +
    '这不是文件夹权限的问题，数据也没有受损。' +
    '在 Linux 上需要 glibc 2.34 以上：Ubuntu 22.04、Debian 12、统信 UOS 23、麒麟 V10 SP3 或更新的版本；Windows 需要 Windows 10 以上。' +
    '请在更新的系统上使用，或请信息化人员升级本机系统。'
  );
}
