// The county desk's API calls. Its batches live in memory only: they are other units' reports, not
// the clerk's, and are gone when the program restarts.
import type { ApiOutputs, ApiParsedInput } from '../../../shared/api';
import type { ReportDoc } from '../../../shared/report';
import { CountyBatches, buildCountyWorkbook, buildOpinionDocx, opinionFileName } from '../county/index';
import type { Refuse } from '../register/api';

type CountyMethod = 'countyAddFiles' | 'countyReview' | 'countyWorkbook' | 'countyOpinion' | 'countyKeep' | 'countyClose';
export type CountyHandlers = { [M in CountyMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]> };

export function countyHandlers(refuse: Refuse): CountyHandlers {
  const county = new CountyBatches();
  const batchClosed = () => refuse('not_found', '这批报告已经关闭（程序重新启动后不再保留）。请重新打开装有各单位报告的文件夹。');
  const countyReview = (batchId: string) => {
    const review = county.review(batchId);
    if (!review) throw batchClosed();
    return review;
  };
  return {
    countyAddFiles: async ({ batchId, files }) => {
      const decoded = files.map((f) => ({ fileName: f.fileName, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
      const added = await county.add(batchId, decoded);
      if (added === 'not_found') throw batchClosed();
      if (added === 'too_many') throw refuse('invalid_input', '一批最多 500 个文件。请只选择本县各单位的年度报告（及其上年报告）。');
      return added;
    },

    countyReview: ({ batchId }) => {
      const review = countyReview(batchId);
      const docs: Record<string, ReportDoc> = {};
      for (const e of county.entries(batchId) ?? []) if (e.doc) docs[e.id] = e.doc;
      return { review, docs };
    },

    countyWorkbook: async ({ batchId }) => {
      const review = countyReview(batchId);
      const bytes = await buildCountyWorkbook(review);
      return { fileName: `${review.year ?? ''}年度各单位政府信息公开工作年度报告审查汇总.xlsx`, base64: Buffer.from(bytes).toString('base64') };
    },

    countyOpinion: async ({ batchId, entryId, issuer }) => {
      const review = countyReview(batchId);
      const row = review.rows.find((r) => r.entryId === entryId);
      const doc = county.entries(batchId)?.find((e) => e.id === entryId)?.doc;
      if (!row || !doc) throw refuse('not_found', '这批报告中没有这个单位的报告，请刷新后重试。');
      if (row.role === 'duplicate')
        throw refuse('invalid_input', '这个文件是同一单位重复报送的，没有计入。请对计入的那一份导出审查意见，或先在“重复报送”中改计这一份。');
      const alsoSent = review.duplicates.find((d) => d.kept === entryId)?.fileNames.filter((n) => n !== row.fileName);
      const bytes = await buildOpinionDocx(row, doc, { issuer, alsoSent });
      return { fileName: opinionFileName(doc), base64: Buffer.from(bytes).toString('base64') };
    },

    countyKeep: ({ batchId, entryId }) => {
      const kept = county.keep(batchId, entryId);
      if (kept === undefined) throw batchClosed();
      if (!kept) throw refuse('not_found', '这个文件所在的单位只报送了一份报告，不需要选择。请刷新后重试。');
      return { review: countyReview(batchId) };
    },

    countyClose: ({ batchId }) => {
      county.close(batchId);
      return { closed: true as const };
    },
  };
}
