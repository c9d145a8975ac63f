// Wrong and right examples for the rules that had none in rule-examples-a/-b (LanguageTool's
// discipline): the table rules take report cells, the text rules sentences, the report's own fields
// (title, 成文日期, 署名, format), last year's report, the register's summary or a county batch
// where the rule reads them. test/unit/review-examples-c.test.ts puts each into a clean report and
// checks that every wrong example produces the rule's finding and no right example does; it also
// fails when a registered rule has no examples in a, b or c. Right sentences taken from the corpus's
// real paragraphs name their source.
import type { ReportDocInput } from '../report';
import type { RuleExampleA } from './rule-examples-a';
import type { RuleExamples } from './rule-examples';
import { formatModel } from '../formats/index';
import type { SectionKey } from '../formats/types';

export interface RuleExampleC extends RuleExampleA {
  /** words of the section replaced by others ([find, replace]; the words must be there) */
  swap?: readonly [string, string];
  /** report fields set after the words (title, date, signature, year, formatId, unit, register …) */
  set?: Partial<ReportDocInput>;
  /** cells emptied after `set` */
  unset?: readonly string[];
  /** last year's report given to the cross-year checks: this report one year earlier, with these sections */
  previous?: { year?: number; unitName?: string; sections?: Partial<Record<SectionKey, string>> };
  /** the other units' reports of one county batch (county.* rules); this report is the batch's first */
  others?: readonly RuleExampleC[];
}

export interface RuleExamplesC extends RuleExamples {
  wrong: readonly (string | RuleExampleC)[];
  right: readonly (string | RuleExampleC)[];
}

const CLEAN_2020 = 'gov-2019' as const;
const OTHER_TOWNSHIP = { name: '永安市安砂镇人民政府', kind: 'township', signature: '永安市安砂镇人民政府' } as const;
const REGISTER: { computedAt: string; tables: ('t2' | 't3' | 't4')[] } = { computedAt: '2026-01-10T08:00:00.000Z', tables: ['t3'] };
/** The register behind the clean report's table 三: 4 applications, 3 granted, 1 not held. */
const REGISTER_SOURCES = {
  't3.new_received.natural_person': ['2025-001', '2025-002', '2025-004'],
  't3.new_received.commercial_enterprise': ['2025-003'],
  't3.granted.natural_person': ['2025-001', '2025-002'],
  't3.granted.commercial_enterprise': ['2025-003'],
  't3.unable_not_held.natural_person': ['2025-004'],
};
/** Every input cell of the 2021 tables filled with 0: a report with nothing to report, no blank left. */
const ALL_ZERO_2021 = Object.fromEntries(formatModel('gov-2021').inputs.map((c) => [c.key, 0]));
/** Four more townships of the county, one unit each (the outlier check needs five). */
const COUNTY_FOUR = ['贡川', '洪田', '西洋', '槐南'].map((n) => ({
  set: { unit: { name: `永安市${n}镇人民政府`, kind: 'township', signature: `永安市${n}镇人民政府` } },
})) as readonly RuleExampleC[];

/** Examples of the table rules (cells), the report's own fields, the register and the county (text rules: rule-examples-d.ts). */
export const PART_C_EXAMPLES: readonly RuleExamplesC[] = [
  // ---- Table rules (cells of the clean 2025 township: 4 new applications, 3 granted, 1 not held).
  {
    rule: 'cell.kind',
    wrong: [{ cells: { 't3.new_received.natural_person': 2.5 } }, { cells: { 't2.licensing.decisions': -3 } }],
    right: [{ cells: { 't2.fees.amount': 0.35 } }, { cells: { 't2.licensing.decisions': 0 } }],
  },
  {
    rule: 'cell.money_decimals',
    wrong: [{ cells: { 't2.fees.amount': 0.12345 } }],
    right: [{ cells: { 't2.fees.amount': 0.0125 } }, { cells: { 't2.fees.amount': 3 } }],
  },
  {
    rule: 'cell.unknown',
    // 政府集中采购 is a row of the 2019 table 二 only.
    wrong: [{ cells: { 't2.procurement.items': 2 } }],
    right: [{ cells: { 't2.coercion.decisions': 1 } }, { formatId: CLEAN_2020, cells: { 't2.procurement.items': 2, 't2.procurement.amount': 12 } }],
  },
  {
    rule: 'total.stated',
    wrong: [{ cells: { 't3.new_received.total': 5 } }],
    right: [{ cells: { 't3.new_received.total': 4 } }],
  },
  {
    rule: 't3.balance',
    wrong: [{ cells: { 't3.carried_forward.natural_person': 1 } }],
    right: [{ cells: { 't3.new_received.natural_person': 4, 't3.carried_forward.natural_person': 1 } }],
  },
  {
    rule: 't3.no_requests_zero',
    wrong: [{ cells: { 't3.new_received.commercial_enterprise': 0 } }],
    right: [{ cells: { 't3.new_received.commercial_enterprise': 0, 't3.granted.commercial_enterprise': 0 } }],
  },
  {
    rule: 't3.carry_over',
    wrong: [{ set: { previousCells: { 't3.carried_forward.natural_person': 2 } } }],
    right: [
      { set: { previousCells: { 't3.carried_forward.natural_person': 0 } } },
      { unit: 'subdistrict', set: { previousCells: { 't3.carried_forward.natural_person': 1 } } },
    ],
  },
  {
    rule: 't2.township_regulations',
    wrong: [{ cells: { 't2.regulations.issued': 1, 't2.regulations.in_force': 1 } }],
    right: [{ cells: { 't2.normative_documents.issued': 1, 't2.normative_documents.in_force': 1 } }],
  },
  {
    rule: 't2.published_le_made',
    wrong: [
      {
        formatId: CLEAN_2020,
        cells: { 't2.normative_documents.new_made': 1, 't2.normative_documents.new_published': 2, 't2.normative_documents.total_published': 2 },
      },
      {
        formatId: CLEAN_2020,
        cells: { 't2.normative_documents.new_made': 2, 't2.normative_documents.new_published': 2, 't2.normative_documents.total_published': 1 },
      },
    ],
    right: [
      {
        formatId: CLEAN_2020,
        cells: { 't2.normative_documents.new_made': 2, 't2.normative_documents.new_published': 2, 't2.normative_documents.total_published': 5 },
      },
    ],
  },
  {
    rule: 't2.decisions_without_items',
    wrong: [{ formatId: CLEAN_2020, cells: { 't2.licensing.prev_year_items': 0, 't2.licensing.change': 0, 't2.licensing.decisions': 5 } }],
    right: [{ formatId: CLEAN_2020, cells: { 't2.licensing.prev_year_items': 0, 't2.licensing.change': 10, 't2.licensing.decisions': 5 } }],
  },
  {
    rule: 'cells.unfilled',
    wrong: [{ set: { cells: ALL_ZERO_2021 }, unset: ['t4.review.maintain'], info: true }],
    right: [{ set: { cells: ALL_ZERO_2021 } }],
  },
  {
    rule: 'tables.empty',
    wrong: [{ set: { cells: {} } }],
    right: [{ set: { cells: { 't3.new_received.natural_person': 0 } } }],
  },
  {
    rule: 'previous.identity',
    wrong: [
      { previous: { year: 2023 }, info: true },
      { previous: { unitName: '永安市安砂镇人民政府' }, info: true },
    ],
    right: [{ previous: {} }],
  },
  {
    rule: 't2.in_force_continuity',
    wrong: [{ set: { previousCells: { 't2.normative_documents.in_force': 3 } } }],
    right: [
      {
        set: { previousCells: { 't2.normative_documents.in_force': 3 } },
        cells: { 't2.normative_documents.repealed': 1, 't2.normative_documents.in_force': 2 },
      },
      { set: { previousCells: { 't2.normative_documents.in_force': 0 } } },
    ],
  },
  {
    rule: 't2.repeal_bound',
    wrong: [{ set: { previousCells: { 't2.normative_documents.in_force': 1 } }, cells: { 't2.normative_documents.repealed': 2 } }],
    right: [{ set: { previousCells: { 't2.normative_documents.in_force': 1 } }, cells: { 't2.normative_documents.repealed': 1 } }],
  },
  {
    rule: 't2.fee_unit',
    wrong: [{ cells: { 't2.fees.amount': 3500 } }],
    right: [{ cells: { 't2.fees.amount': 0.35 } }],
  },
  {
    rule: 't2.plausibility',
    wrong: [
      { cells: { 't2.normative_documents.issued': 3, 't2.normative_documents.in_force': 1 } },
      { formatId: CLEAN_2020, cells: { 't2.licensing.prev_year_items': 2, 't2.licensing.change': -5 } },
    ],
    right: [
      { cells: { 't2.normative_documents.issued': 1, 't2.normative_documents.in_force': 1 } },
      { formatId: CLEAN_2020, cells: { 't2.licensing.prev_year_items': 6, 't2.licensing.change': -5 } },
    ],
  },
  {
    rule: 't2.procurement_amount',
    wrong: [{ formatId: CLEAN_2020, cells: { 't2.procurement.items': 0, 't2.procurement.amount': 12 } }],
    right: [{ formatId: CLEAN_2020, cells: { 't2.procurement.items': 2, 't2.procurement.amount': 12 } }],
  },
  {
    rule: 't2.items_continuity',
    wrong: [{ formatId: CLEAN_2020, set: { previousCells: { 't2.licensing.prev_year_items': 3, 't2.licensing.change': 2 } } }],
    right: [{ formatId: CLEAN_2020, set: { previousCells: { 't2.licensing.prev_year_items': 0, 't2.licensing.change': 0 } } }],
  },

  // ---- The report's own fields.
  {
    rule: 'review.title',
    wrong: [
      { set: { title: '永安市小陶镇人民政府2025年政务信息公开工作年度报告' } },
      { set: { title: '永安市小陶镇人民政府2024年政府信息公开工作年度报告' } },
      { set: { title: '小陶镇2025年政府信息公开工作年度报告' } },
    ],
    right: [{ set: { title: '永安市小陶镇人民政府2025年政府信息公开工作年度报告' } }, { set: { title: '' } }],
  },
  {
    rule: 'review.date_deadline',
    wrong: [{ set: { date: '2026-02-20' } }],
    right: [{ set: { date: '2026-01-30' } }],
  },
  {
    rule: 'review.date_far',
    wrong: [{ set: { date: '2027-03-01' } }],
    right: [{ set: { date: '2026-01-16' } }],
  },
  {
    rule: 'review.signature',
    wrong: [{ set: { signature: '永安市安砂镇人民政府' } }],
    right: [{ set: { signature: '永安市小陶镇人民政府' } }, { set: { signature: '小陶镇人民政府' } }],
  },
  {
    rule: 'review.outdated_format',
    wrong: [{ set: { formatId: 'gov-2019', cells: {} } }],
    right: [{ formatId: CLEAN_2020 }],
  },
  {
    rule: 'review.format_too_new',
    wrong: [{ set: { year: 2020, title: '永安市小陶镇人民政府2020年政府信息公开工作年度报告', date: '2021-01-16' } }],
    right: [{ set: { year: 2021, title: '永安市小陶镇人民政府2021年政府信息公开工作年度报告', date: '2022-01-16' } }],
  },
  {
    rule: 'review.contact',
    wrong: [
      '联系电话：0598-370027。',
      '电子邮箱：yaxt000@126。',
      { set: { unit: { name: '永安市小陶镇人民政府', kind: 'township', signature: '', email: 'yaxt000@126' } } },
    ],
    right: [
      {
        text: '如对本报告有任何疑问,请与两城镇人民政府党政办公室联系。(地址:微山县两城镇人民政府驻地府前路1号,邮编:272199,电话:0537-8451001)',
        source: 'http://www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708260043292687&fbtime=2020',
      },
      '联系电话：0598-3700270，电子邮箱：yaxt000@126.com。',
      '咨询电话：13805981234。',
      '传真：0598-3700271。',
    ],
  },
  {
    rule: 'review.unread_cells',
    wrong: [{ unset: ['t3.granted.natural_person'], set: { unreadCells: ['t3.granted.natural_person'] } }],
    // Filled in since the import (even with 0): settled.
    right: [{ set: { unreadCells: ['t3.granted.natural_person'] } }, { cells: { 't4.review.correct': 0 }, set: { unreadCells: ['t4.review.correct'] } }],
  },

  // ---- The register (issue 24).
  {
    rule: 'register.t3_disagrees',
    wrong: [{ set: { register: { ...REGISTER, counted: 4, sources: { ...REGISTER_SOURCES, 't3.granted.natural_person': ['2025-001'] } } } }],
    right: [{ set: { register: { ...REGISTER, counted: 4, sources: REGISTER_SOURCES } } }],
  },
  {
    rule: 'register.overdue_denied',
    // The clean report says 「已全部在法定期限内答复」.
    wrong: [{ set: { register: { ...REGISTER, counted: 4, sources: REGISTER_SOURCES, overdue: ['2025-004'] } } }],
    right: [
      { set: { register: { ...REGISTER, counted: 4, sources: REGISTER_SOURCES } } },
      {
        swap: ['已全部在法定期限内答复', '其中3件在法定期限内答复，1件因需补正逾期答复'],
        set: { register: { ...REGISTER, counted: 4, sources: REGISTER_SOURCES, overdue: ['2025-004'] } },
      },
    ],
  },

  // ---- The county's batch (shared/county).
  {
    rule: 'county.copied_text',
    // Another township sent the same 一 under its own name.
    wrong: [{ others: [{ set: { unit: OTHER_TOWNSHIP } }] }],
    right: [{ others: [{ unit: 'subdistrict', set: { year: 2025 } }] }],
  },
  {
    rule: 'county.outlier',
    wrong: [{ info: true, cells: { 't2.licensing.decisions': 900 }, others: COUNTY_FOUR }],
    right: [{ cells: { 't2.licensing.decisions': 30 }, others: COUNTY_FOUR }],
  },
];
