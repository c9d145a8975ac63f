// The shape of one figure rule of the text-against-tables check (the rules themselves: figure-rules.ts).
import type { ReportFormat } from '../formats/index';

export type GovFormatId = ReportFormat['id'];

export interface FigureRule {
  id: string;
  /** what the clerk wrote about, for messages */
  what: string;
  /** keyword (regex source) followed by the number */
  after: string;
  /** alternative form with the number before the object: (keyword)(…)(number)(unit)(…)(object) */
  before?: { verb: string; object: string };
  units: string;
  /** the sentence must contain this to be about this figure */
  sentenceMust?: RegExp;
  /**
   * …or its paragraph up to it: the keyword is itself an outcome of applications (不予公开1件 after
   * 「全年新收申请6件。」), unlike 办结 or 新收 that count other things too.
   */
  paragraphMust?: true;
  /** the table cells the figure is compared with; they depend on the format only */
  cells: (formatId: GovFormatId) => string[];
  years?: 'gov-2021';
  /** 'max': the text may give a part of the cells' figure (撤回 is one kind of 其他处理) */
  bound?: 'max';
  /**
   * The outcome's sub-rows and the words that name each (不予公开 because of 过程性信息): a figure
   * whose clause names a sub-row is that sub-row's, not the outcome's (issue 19 §3).
   */
  parts?: readonly { cell: string; words: RegExp }[];
  /** the number may come first in its clause: 「3件不予公开」「尚有2件转入下年度办理」 */
  numberFirst?: true;
  /** words that, with the keyword, make the figure count something else (收到行政许可申请) */
  notAbout?: RegExp;
  /** the keyword is a sub-row's own words: the gap may hold a 、 (逾期不补正、不再处理的申请1件) */
  listGap?: true;
  /** the sentence up to the figure must say this (新收/收到: an applicant's figure among the new applications) */
  ledBy?: RegExp;
  /** …and must not say this (an outcome or 结转: the applicant's figure would be of that row) */
  notLedBy?: RegExp;
}
