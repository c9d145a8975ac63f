// How much one API call may carry, the same over the browser host's HTTP and over Electron's IPC:
// a file upload (import, county) up to 20 MB, every other call a report's worth of text at most.

/** A 20 MB upload is 26.7 MB in base64, plus the JSON around it. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;
/** Calls that carry files; every other call is a report's worth of text at most (six sections of 50,000 characters). */
const FILE_METHODS = new Set(['importPreview', 'countyAddFiles']);
export const MAX_EDIT_BODY_BYTES = 4 * 1024 * 1024;

export const bodyLimit = (method: string) => (FILE_METHODS.has(method) ? MAX_BODY_BYTES : MAX_EDIT_BODY_BYTES);

export const tooLarge = (method: string) =>
  FILE_METHODS.has(method)
    ? '提交的内容太大（超过 30 MB）。导入的文件请不要超过 20 MB。'
    : '提交的内容太大（超过 4 MB），远多于一份年度报告的文字，没有保存。请刷新页面后重试。';

/**
 * An IPC call's input measured as the host measures a request body (its JSON in UTF-8): null when
 * within the method's limit, else the Chinese refusal. Input JSON cannot say (a cycle, nesting too
 * deep for the stack) is refused too: no page of this program sends such a thing.
 */
export function ipcInputProblem(method: string, input: unknown): string | null {
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(input ?? null) ?? 'null', 'utf8');
  } catch {
    return '提交的内容无法读取（结构有误），没有保存。请刷新页面后重试。';
  }
  return bytes > bodyLimit(method) ? tooLarge(method) : null;
}
