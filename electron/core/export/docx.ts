// STUB (replaced by the Word export work, issue 5): the report as a .docx in the official layout.
import type { ReportDoc } from '../../../shared/report';

export interface DocxOptions {
  /** 红头 variant: 发文机关标志 in red and 发文字号 */
  letterhead?: boolean;
  /** the report has unresolved errors: mark the document as 草稿 */
  draft?: boolean;
}

export async function buildDocx(_doc: ReportDoc, _options: DocxOptions = {}): Promise<Uint8Array> {
  throw new Error('Word 导出尚未实现');
}
