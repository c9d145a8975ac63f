// The shape of a national report format, as data. One file per format (gov-2021.ts, gov-2019.ts)
// fills these types; the UI, the rules, the Word export and the importer all read from it.

export type FormatId = 'gov-2021' | 'gov-2019' | 'legacy';

export const SECTION_KEYS = ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** How a cell's value is written and what values are allowed. */
export type CellKind =
  /** a whole number ≥ 0 (件、条、个) */
  | 'count'
  /** a whole number that may be negative (2019's 本年增/减) */
  | 'signed_count'
  /** a decimal ≥ 0 with at most 4 places (2021's 本年收费金额, in 万元) */
  | 'money';

/**
 * Confidence in a piece of format data, copied from the spec's markers:
 * V verified in retrieved text, C corroborated indirectly, U from background knowledge only.
 */
export type Confidence = 'V' | 'C' | 'U';

export interface SectionAspect {
  key: string;
  /** the conventional sub-heading, e.g. （一）主动公开 */
  title: string;
  guidance: string;
}

export interface SectionDef {
  key: SectionKey;
  /** exact level-1 heading, e.g. 一、总体情况 */
  heading: string;
  /** true where the format wants the section reported as a table only */
  tableOnly: boolean;
  /** the table printed in this section, if any */
  table?: TableId;
  /** what the section must cover, in our own words, one point per entry */
  guidance: string[];
  /** sub-parts offered by the editor (一、总体情况's five aspects) */
  aspects?: SectionAspect[];
  /** extra items required of a 人民政府 (乡镇 included), 条例第五十条第（四）项 */
  governmentOnly?: string[];
}

export type TableId = 't2' | 't3' | 't4';

export interface ColumnDef {
  key: string;
  label: string;
  kind: CellKind;
  /** unit printed in the label or implied, for messages (件 / 万元) */
  unit: string;
  /** a column whose every cell is derived (the 总计 columns) */
  derived?: boolean;
  /** a header spanning several columns above this one (法人或其他组织) */
  group?: string;
  confidence?: Confidence;
  note?: string;
}

/** Table 二: blocks, each a caption row, a header row and its rows. */
export interface Table2Block {
  /** 第二十条第（一）项 */
  caption: string;
  /** 信息内容 */
  firstHeader: string;
  columns: ColumnDef[];
  rows: { key: string; label: string }[];
}

export interface Table2Def {
  id: 't2';
  title: string;
  /** number of value columns of the printed grid (the widest block) */
  valueColumns: number;
  blocks: Table2Block[];
}

/** Table 三: rows by their label path, columns by applicant type. */
export interface Table3Row {
  key: string;
  /** label at each level, outermost first: ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'] */
  path: string[];
  /** outcome leaves summed into （七）总计 */
  outcome?: boolean;
  /** every cell of the row is derived (（七）总计) */
  derived?: boolean;
  /** a short name for messages (本年新收, 结转下年度), not printed in the table */
  short?: string;
  confidence?: Confidence;
}

export interface Table3Def {
  id: 't3';
  title: string;
  /** the note cell at the top left, printed exactly */
  balanceNote: string;
  /** 申请人情况 */
  applicantHeader: string;
  columns: ColumnDef[];
  rows: Table3Row[];
}

/** Table 四: three groups of the same five columns. */
export interface Table4Group {
  key: string;
  /** path of header labels above the group's columns: ['行政复议'] or ['行政诉讼', '未经复议直接起诉'] */
  path: string[];
}

export interface Table4Def {
  id: 't4';
  title: string;
  groups: Table4Group[];
  columns: ColumnDef[];
}

export interface ReportFormat {
  id: Exclude<FormatId, 'legacy'>;
  /** e.g. 国办公开办函〔2021〕30号 */
  citation: string;
  name: string;
  /** reporting years this format applies to (inclusive); null = open-ended */
  years: { from: number; to: number | null };
  sections: SectionDef[];
  t2: Table2Def;
  t3: Table3Def;
  t4: Table4Def;
  /** labels whose presence identifies this format in an imported document (spec §2.6) */
  markers: string[];
}

/** A derived cell and the cells it is the sum of. */
export interface DerivedCell {
  key: string;
  sumOf: string[];
}
