// Reading the county's batch: each file through the importer's public entry point, in memory, in
// the import's worker thread (every kind the import reads: .docx, .doc, .wps, PDF, web pages, text).
// Nothing here touches the clerk's own reports (the store is never opened).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyEntry } from '../../../shared/county/index';
import { ImportError } from '../import/index';
import { readReportSourceOffThread } from '../import/off-thread';
import { isCountyFileName } from '../../../shared/county/files';

/** A township report is a few hundred kB at most; anything bigger is not one. */
export const MAX_COUNTY_FILE_BYTES = 20 * 1024 * 1024;

/** Reads one file of the batch; a file that cannot be read becomes an entry with the reason. */
export async function readCountyEntry(id: string, fileName: string, bytes: Uint8Array): Promise<CountyEntry> {
  if (bytes.length > MAX_COUNTY_FILE_BYTES) {
    return { id, fileName, source: null, error: '文件超过 20 MB，不像是一份年度报告。请检查是否选错了文件。', problems: [] };
  }
  try {
    const read = await readReportSourceOffThread(fileName, bytes);
    return { id, fileName, source: read.source, doc: read.report, problems: read.problems };
  } catch (err) {
    if (err instanceof ImportError) return { id, fileName, source: null, error: err.message, problems: [], ...(err.notAReport ? { notAReport: true } : {}) };
    return {
      id,
      fileName,
      source: null,
      error: `读取时出错（${err instanceof Error ? err.message : String(err)}）。请用 Word/WPS 打开这个文件另存一份后重试。`,
      problems: [],
    };
  }
}

/** The readable files of a folder (not recursive; hidden and temporary files skipped), sorted by name. */
export function countyFolderFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isCountyFileName)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((n) => join(dir, n));
}

export async function readCountyFiles(paths: readonly string[], names: readonly string[] = paths): Promise<CountyEntry[]> {
  const out: CountyEntry[] = [];
  for (let i = 0; i < paths.length; i++) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(paths[i]);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push({
        id: `e${i + 1}`,
        fileName: names[i],
        source: null,
        error: code === 'EACCES' ? '没有权限读取这个文件。' : `无法读取文件（${code ?? String(err)}）。`,
        problems: [],
      });
      continue;
    }
    out.push(await readCountyEntry(`e${i + 1}`, names[i], bytes));
  }
  return out;
}
