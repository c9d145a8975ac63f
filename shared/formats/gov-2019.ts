// 国办公开办函〔2019〕60号, 《中华人民共和国政府信息公开工作年度报告格式（试行）》: used for the
// 2019 and 2020 reports, kept to reopen and import them (spec §2).
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

const prevYearItems: ColumnDef = { key: 'prev_year_items', label: '上一年项目数量', kind: 'count', unit: '项' };
const change: ColumnDef = { key: 'change', label: '本年增/减', kind: 'signed_count', unit: '项' };
const decisions: ColumnDef = { key: 'decisions', label: '处理决定数量', kind: 'count', unit: '件' };
const publishingColumns: ColumnDef[] = [
  { key: 'new_made', label: '本年新制作数量', kind: 'count', unit: '件' },
  { key: 'new_published', label: '本年新公开数量', kind: 'count', unit: '件' },
  { key: 'total_published', label: '对外公开总数量', kind: 'count', unit: '件' },
];
const otherExternalServices = { key: 'other_external_services', label: '其他对外管理服务事项' };
const procurement = { key: 'procurement', label: '政府集中采购' };
// The format prints no unit; published reports wrote 元 or a bare number (spec §2.2).
const procurementAmount: ColumnDef = { key: 'amount', label: '采购总金额', kind: 'money', unit: '元', confidence: 'C', note: '格式未印单位，按元计' };

export const GOV_2019: ReportFormat = {
  id: 'gov-2019',
  citation: '国办公开办函〔2019〕60号',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  years: { from: 2019, to: 2020 },
  sections: sectionDefs(),
  t2: {
    id: 't2',
    title: T2_TITLE,
    valueColumns: 3,
    blocks: [
      {
        caption: T2_CAPTIONS.item1,
        firstHeader: T2_FIRST_HEADER,
        columns: publishingColumns,
        rows: [T2_ROWS.regulations, { key: 'normative_documents', label: '规范性文件' }],
      },
      {
        caption: T2_CAPTIONS.item5,
        firstHeader: T2_FIRST_HEADER,
        columns: [prevYearItems, change, decisions],
        rows: [T2_ROWS.licensing, otherExternalServices],
      },
      {
        caption: T2_CAPTIONS.item6,
        firstHeader: T2_FIRST_HEADER,
        columns: [prevYearItems, change, decisions],
        rows: [T2_ROWS.penalty, T2_ROWS.coercion],
      },
      {
        caption: T2_CAPTIONS.item8,
        firstHeader: T2_FIRST_HEADER,
        columns: [prevYearItems, change],
        rows: [T2_ROWS.fees],
      },
      {
        caption: T2_CAPTIONS.item9,
        firstHeader: T2_FIRST_HEADER,
        columns: [{ key: 'items', label: '采购项目数量', kind: 'count', unit: '项' }, procurementAmount],
        rows: [procurement],
      },
    ],
  },
  t3: {
    id: 't3',
    title: T3_TITLE,
    balanceNote: T3_BALANCE_NOTE,
    applicantHeader: T3_APPLICANT_HEADER,
    columns: T3_COLUMNS,
    rows: [...T3_ROWS_HEAD, { key: 'other', path: [T3_RESULTS_LABEL, T3_OTHER_PROCESSING], outcome: true }, ...T3_ROWS_TAIL],
  },
  t4: T4_DEF,
  // Spec §2.6: labels only the 2019 format prints.
  markers: [
    ...publishingColumns.map((c) => c.label),
    prevYearItems.label,
    change.label,
    otherExternalServices.label,
    T2_CAPTIONS.item9,
    procurement.label,
    procurementAmount.label,
  ],
};
