// The kinds of file the county's desk reads: everything the import reads (issue 21 item 2) —
// report files, Word (.docx, .doc), WPS (.wps), PDF, saved web pages (.html/.htm, .mht/.mhtml)
// and text copied from the web (.txt). Shared by the command line's folder walk and the screen's picker.

export const COUNTY_FILE_EXTENSIONS = ['.nianbao.json', '.json', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm', '.mht', '.mhtml', '.txt'] as const;

/** The file's name ends in one of the kinds read. */
const COUNTY_FILE_PATTERN = new RegExp(`(?:${COUNTY_FILE_EXTENSIONS.map((e) => e.replace(/\./g, '\\.')).join('|')})$`, 'i');

/** The kinds, for messages: 报告文件（.nianbao.json）、Word（.docx、.doc）…. */
export const COUNTY_FILE_KINDS =
  '报告文件（.nianbao.json）、Word 或 WPS 文档（.docx、.doc、.wps）、PDF、网页（.html、.htm、.mht、.mhtml）、网页复制的文字（.txt）';

/** A file the desk reads: of a kind read, not hidden, not Word's lock file (~$…). */
export function isCountyFileName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith('.') && !base.startsWith('~$') && COUNTY_FILE_PATTERN.test(base);
}
