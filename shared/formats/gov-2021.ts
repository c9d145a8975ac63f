// 国办公开办函〔2021〕30号: the current format, for every report of 2021 and later (spec §1).
import {
  sectionDefs,
  T2_CAPTIONS,
  T2_FIRST_HEADER,
  T2_ROWS,
  T2_TITLE,
  T3_APPLICANT_HEADER,
  T3_BALANCE_NOTE,
  T3_COLUMNS,
  T3_OTHER_PROCESSING,
  T3_RESULTS_LABEL,
  T3_ROWS_HEAD,
  T3_ROWS_TAIL,
  T3_TITLE,
  T4_DEF,
} from './common';
import type { ColumnDef, ReportFormat } from './types';

const decisions: ColumnDef = { key: 'decisions', label: '本年处理决定数量', kind: 'count', unit: '件' };
const stockColumns: ColumnDef[] = [
  { key: 'issued', label: '本年制发件数', kind: 'count', unit: '件' },
  { key: 'repealed', label: '本年废止件数', kind: 'count', unit: '件' },
  { key: 'in_force', label: '现行有效件数', kind: 'count', unit: '件' },
];
const feeAmount: ColumnDef = { key: 'amount', label: '本年收费金额（单位：万元）', kind: 'money', unit: '万元' };
const normativeDocuments = { key: 'normative_documents', label: '行政规范性文件' };

export const GOV_2021: ReportFormat = {
  id: 'gov-2021',
  citation: '国办公开办函〔2021〕30号',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  years: { from: 2021, to: null },
  sections: sectionDefs(),
  t2: {
    id: 't2',
    title: T2_TITLE,
    valueColumns: 3,
    blocks: [
      {
        caption: T2_CAPTIONS.item1,
        firstHeader: T2_FIRST_HEADER,
        columns: stockColumns,
        rows: [T2_ROWS.regulations, normativeDocuments],
      },
      { caption: T2_CAPTIONS.item5, firstHeader: T2_FIRST_HEADER, columns: [decisions], rows: [T2_ROWS.licensing] },
      {
        caption: T2_CAPTIONS.item6,
        firstHeader: T2_FIRST_HEADER,
        columns: [decisions],
        rows: [T2_ROWS.penalty, T2_ROWS.coercion],
      },
      {
        caption: T2_CAPTIONS.item8,
        firstHeader: T2_FIRST_HEADER,
        columns: [feeAmount],
        rows: [T2_ROWS.fees],
      },
    ],
  },
  t3: {
    id: 't3',
    title: T3_TITLE,
    balanceNote: T3_BALANCE_NOTE,
    applicantHeader: T3_APPLICANT_HEADER,
    columns: T3_COLUMNS,
    rows: [
      ...T3_ROWS_HEAD,
      // The three （六） sub-rows are corroborated by open-source fixtures only (spec §1.4.2, §7 item 2).
      {
        key: 'other_overdue_correction',
        path: [T3_RESULTS_LABEL, T3_OTHER_PROCESSING, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        outcome: true,
        confidence: 'C',
      },
      {
        key: 'other_overdue_fee',
        path: [T3_RESULTS_LABEL, T3_OTHER_PROCESSING, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
        outcome: true,
        confidence: 'C',
      },
      { key: 'other_other', path: [T3_RESULTS_LABEL, T3_OTHER_PROCESSING, '3.其他'], outcome: true, confidence: 'C' },
      ...T3_ROWS_TAIL,
    ],
  },
  t4: T4_DEF,
  // Spec §2.6: labels only the 2021 format prints, and a fragment of its （六）1 row.
  markers: [...stockColumns.map((c) => c.label), feeAmount.label, normativeDocuments.label, '逾期不补正'],
};
