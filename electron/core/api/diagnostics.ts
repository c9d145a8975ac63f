// 「导出诊断信息」: one text file the clerk can send to the county's IT person. It holds the
// program's log, the versions, the state of the database (integrity check, sizes, row counts) and
// the backups; never report text, unit details or figures.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import type { Store } from '../store/index';
import { currentLog } from '../log/index';

function size(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

export function diagnostics(store: Store, info: { version: string; transport: string; dataDir: string }): { fileName: string; content: string } {
  const db = store.database;
  const lines: string[] = [];
  const at = new Date().toISOString();
  lines.push('年报编制助手 诊断信息（不含报告内容）', `生成时间：${at}`, '');
  lines.push('== 程序 ==');
  lines.push(`版本：${info.version}（${info.transport === 'electron' ? '桌面窗口' : '浏览器方式'}）`);
  const v = process.versions as Record<string, string | undefined>;
  lines.push(`Node ${v.node ?? '?'}；Electron ${v.electron ?? '无'}；Chromium ${v.chrome ?? '无'}；系统 ${platform()} ${release()} ${arch()}`);
  lines.push(`数据文件夹：${info.dataDir}`, '');

  lines.push('== 数据库 ==');
  try {
    lines.push(`SQLite ${String(db.prepare('SELECT sqlite_version() AS v').pluck().get())}`);
    lines.push(
      `数据版本（user_version）：${String(db.pragma('user_version', { simple: true }))}；日志模式：${String(db.pragma('journal_mode', { simple: true }))}`,
    );
    lines.push(`文件大小：${size(store.path) ?? '无'} 字节；-wal：${size(`${store.path}-wal`) ?? '无'} 字节`);
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    lines.push(
      `完整性检查：${check
        .map((r) => r.integrity_check)
        .join('；')
        .slice(0, 2000)}`,
    );
    const fk = db.pragma('foreign_key_check') as unknown[];
    lines.push(`外键检查：${fk.length === 0 ? 'ok' : `${fk.length} 处不一致`}`);
    for (const table of ['units', 'reports', 'section_texts', 'cells', 'exports', 'ui_state']) {
      lines.push(`  ${table}：${String(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())} 行`);
    }
  } catch (err) {
    lines.push(`数据库无法检查：${err instanceof Error ? err.message : String(err)}`);
  }
  if (store.startupProblem) lines.push(`启动检查：${store.startupProblem.kind}，原文件保存在 ${store.startupProblem.keptAt}`);
  lines.push('');

  lines.push('== 备份 ==');
  const backups = store.listBackups();
  if (backups.length === 0) lines.push('（没有备份）');
  for (const b of backups) lines.push(`${b.fileName}  ${b.bytes} 字节`);
  const damaged = `${store.dataDir}/damaged`;
  if (existsSync(damaged)) lines.push(`保存的损坏文件：${readdirSync(damaged).join('、')}`);
  lines.push('');

  lines.push('== 日志（最近部分）==');
  const log = currentLog();
  lines.push(log ? log.tail() || '（日志为空）' : '（本次运行没有日志文件）');
  const stamp = at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return { fileName: `年报编制助手诊断信息-${stamp}.txt`, content: lines.join('\n') };
}
