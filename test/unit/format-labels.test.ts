// Every printed label of both formats, asserted against text copied from the spec
// (shared/spec/annual-report-format.md §1.3, §1.4, §2.2–§2.4; keys from keys-and-file.md), so a
// typo or a half-width bracket in shared/formats fails here. Spans checked on the printed grid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatModel, getFormat } from '../../shared/formats/index';
import { tableGrid, type GridCell } from '../../shared/formats/grid';
import type { ReportFormat } from '../../shared/formats/types';

// §1.3 (identical in 2019, §2.5 "Section headings: same six")
const HEADINGS = [
  ['overview', '一、总体情况'],
  ['proactive', '二、主动公开政府信息情况'],
  ['requests', '三、收到和处理政府信息公开申请情况'],
  ['review_litigation', '四、政府信息公开行政复议、行政诉讼情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['other_matters', '六、其他需要报告的事项'],
];

// §1.4.1
const T2_2021 = [
  {
    caption: '第二十条第（一）项',
    first: '信息内容',
    columns: [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['in_force', '现行有效件数'],
    ],
    rows: [
      ['regulations', '规章'],
      ['normative_documents', '行政规范性文件'],
    ],
  },
  { caption: '第二十条第（五）项', first: '信息内容', columns: [['decisions', '本年处理决定数量']], rows: [['licensing', '行政许可']] },
  {
    caption: '第二十条第（六）项',
    first: '信息内容',
    columns: [['decisions', '本年处理决定数量']],
    rows: [
      ['penalty', '行政处罚'],
      ['coercion', '行政强制'],
    ],
  },
  { caption: '第二十条第（八）项', first: '信息内容', columns: [['amount', '本年收费金额（单位：万元）']], rows: [['fees', '行政事业性收费']] },
];

// §2.2
const T2_2019 = [
  {
    caption: '第二十条第（一）项',
    first: '信息内容',
    columns: [
      ['new_made', '本年新制作数量'],
      ['new_published', '本年新公开数量'],
      ['total_published', '对外公开总数量'],
    ],
    rows: [
      ['regulations', '规章'],
      ['normative_documents', '规范性文件'],
    ],
  },
  {
    caption: '第二十条第（五）项',
    first: '信息内容',
    columns: [
      ['prev_year_items', '上一年项目数量'],
      ['change', '本年增/减'],
      ['decisions', '处理决定数量'],
    ],
    rows: [
      ['licensing', '行政许可'],
      ['other_external_services', '其他对外管理服务事项'],
    ],
  },
  {
    caption: '第二十条第（六）项',
    first: '信息内容',
    columns: [
      ['prev_year_items', '上一年项目数量'],
      ['change', '本年增/减'],
      ['decisions', '处理决定数量'],
    ],
    rows: [
      ['penalty', '行政处罚'],
      ['coercion', '行政强制'],
    ],
  },
  {
    caption: '第二十条第（八）项',
    first: '信息内容',
    columns: [
      ['prev_year_items', '上一年项目数量'],
      ['change', '本年增/减'],
    ],
    rows: [['fees', '行政事业性收费']],
  },
  {
    caption: '第二十条第（九）项',
    first: '信息内容',
    columns: [
      ['items', '采购项目数量'],
      ['amount', '采购总金额'],
    ],
    rows: [['procurement', '政府集中采购']],
  },
];

// §1.4.2 header
const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T3_APPLICANT = '申请人情况';
const T3_GROUP = '法人或其他组织';
const T3_COLUMNS = [
  ['natural_person', '自然人'],
  ['commercial_enterprise', '商业企业'],
  ['research_institution', '科研机构'],
  ['social_welfare_org', '社会公益组织'],
  ['legal_service_org', '法律服务机构'],
  ['other', '其他'],
  ['total', '总计'],
];

// §1.4.2 body rows, level 1 ｜ level 2 ｜ level 3 as in the spec's table (〃 written out)
const R = '三、本年度办理结果';
const T3_HEAD: [string, string[]][] = [
  ['new_received', ['一、本年新收政府信息公开申请数量']],
  ['carried_over', ['二、上年结转政府信息公开申请数量']],
  ['granted', [R, '（一）予以公开']],
  ['partial_grant', [R, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
  ['denied_state_secret', [R, '（三）不予公开', '1.属于国家秘密']],
  ['denied_law_forbidden', [R, '（三）不予公开', '2.其他法律行政法规禁止公开']],
  ['denied_three_security', [R, '（三）不予公开', '3.危及“三安全一稳定”']],
  ['denied_third_party', [R, '（三）不予公开', '4.保护第三方合法权益']],
  ['denied_internal_affairs', [R, '（三）不予公开', '5.属于三类内部事务信息']],
  ['denied_process_info', [R, '（三）不予公开', '6.属于四类过程性信息']],
  ['denied_enforcement_file', [R, '（三）不予公开', '7.属于行政执法案卷']],
  ['denied_admin_query', [R, '（三）不予公开', '8.属于行政查询事项']],
  ['unable_not_held', [R, '（四）无法提供', '1.本机关不掌握相关政府信息']],
  ['unable_need_create', [R, '（四）无法提供', '2.没有现成信息需要另行制作']],
  ['unable_unclear', [R, '（四）无法提供', '3.补正后申请内容仍不明确']],
  ['not_processed_petition', [R, '（五）不予处理', '1.信访举报投诉类申请']],
  ['not_processed_repeat', [R, '（五）不予处理', '2.重复申请']],
  ['not_processed_publication', [R, '（五）不予处理', '3.要求提供公开出版物']],
  ['not_processed_massive', [R, '（五）不予处理', '4.无正当理由大量反复申请']],
  ['not_processed_confirm', [R, '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息']],
];
const T3_OTHER_2021: [string, string[]][] = [
  ['other_overdue_correction', [R, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']],
  ['other_overdue_fee', [R, '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['other_other', [R, '（六）其他处理', '3.其他']],
];
const T3_OTHER_2019: [string, string[]][] = [['other', [R, '（六）其他处理']]];
const T3_TAIL: [string, string[]][] = [
  ['total_processed', [R, '（七）总计']],
  ['carried_forward', ['四、结转下年度继续办理']],
];

// §1.4.3, identical in both formats
const T4_GROUPS = [
  ['review', ['行政复议']],
  ['litigation_direct', ['行政诉讼', '未经复议直接起诉']],
  ['litigation_after_review', ['行政诉讼', '复议后起诉']],
];
const T4_COLUMNS = [
  ['maintain', '结果维持'],
  ['correct', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

const labels = (cells: GridCell[]) => cells.map((c) => (c.type === 'label' ? c.text : `[${c.cell}]`));
const findLabel = (format: ReportFormat, id: 't2' | 't3' | 't4', text: string) => {
  for (const row of tableGrid(format, id).rows) for (const c of row.cells) if (c.type === 'label' && c.text === text) return c;
  assert.fail(`label ${text} not found in ${format.id} ${id}`);
};

function checkFormat(id: 'gov-2021' | 'gov-2019', t2: typeof T2_2021, t3Rows: [string, string[]][], citation: string) {
  const format = getFormat(id);

  it('citation and section headings', () => {
    assert.equal(format.citation, citation);
    assert.deepEqual(
      format.sections.map((s) => [s.key, s.heading]),
      HEADINGS,
    );
    assert.deepEqual(
      format.sections.filter((s) => s.table).map((s) => [s.key, s.table]),
      [
        ['proactive', 't2'],
        ['requests', 't3'],
        ['review_litigation', 't4'],
      ],
    );
  });

  it('table 二: captions, headers, columns and rows, in order', () => {
    assert.deepEqual(
      format.t2.blocks.map((b) => ({
        caption: b.caption,
        first: b.firstHeader,
        columns: b.columns.map((c) => [c.key, c.label]),
        rows: b.rows.map((r) => [r.key, r.label]),
      })),
      t2,
    );
  });

  it('table 三: note, headers, columns and every row path, in order', () => {
    assert.equal(format.t3.balanceNote, T3_NOTE);
    assert.equal(format.t3.applicantHeader, T3_APPLICANT);
    assert.deepEqual(
      format.t3.columns.map((c) => [c.key, c.label]),
      T3_COLUMNS,
    );
    assert.deepEqual(
      format.t3.columns.map((c) => c.group ?? null),
      [null, T3_GROUP, T3_GROUP, T3_GROUP, T3_GROUP, T3_GROUP, null],
    );
    assert.deepEqual(
      format.t3.rows.map((r) => [r.key, r.path]),
      t3Rows,
    );
  });

  it('table 四: groups and columns', () => {
    assert.deepEqual(
      format.t4.groups.map((g) => [g.key, g.path]),
      T4_GROUPS,
    );
    assert.deepEqual(
      format.t4.columns.map((c) => [c.key, c.label]),
      T4_COLUMNS,
    );
  });

  it('the printed grid of table 二: caption across all columns, one value column spanning three', () => {
    const grid = tableGrid(format, 't2');
    assert.equal(grid.columns, 4);
    const captions = grid.rows.filter((r) => r.kind === 'caption');
    assert.deepEqual(
      captions.map((r) => labels(r.cells)),
      t2.map((b) => [b.caption]),
    );
    for (const r of captions) assert.equal(r.cells[0].colSpan, 4);
    for (const r of grid.rows)
      assert.equal(
        r.cells.reduce((a, c) => a + c.colSpan, 0),
        4,
        `row ${labels(r.cells).join('|')} fills the grid`,
      );
    if (id === 'gov-2021') {
      const penalty = grid.rows.find((r) => labels(r.cells)[0] === '行政处罚');
      assert.deepEqual(
        penalty?.cells.map((c) => c.colSpan),
        [1, 3],
      );
    }
  });

  it('the printed grid of table 三: header spans and the nested row labels', () => {
    const grid = tableGrid(format, 't3');
    assert.equal(grid.columns, 10);
    assert.equal(grid.repeatHeaderRows, 3);
    const [h1, h2, h3] = grid.rows;
    assert.deepEqual(labels(h1.cells), [T3_NOTE, T3_APPLICANT]);
    assert.deepEqual([h1.cells[0].rowSpan, h1.cells[0].colSpan, h1.cells[1].colSpan], [3, 3, 7]);
    assert.deepEqual(labels(h2.cells), ['自然人', T3_GROUP, '总计']);
    assert.deepEqual(
      h2.cells.map((c) => [c.rowSpan, c.colSpan]),
      [
        [2, 1],
        [1, 5],
        [2, 1],
      ],
    );
    assert.deepEqual(labels(h3.cells), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);

    const results = findLabel(format, 't3', R);
    assert.equal(results.rowSpan, id === 'gov-2021' ? 22 : 20);
    assert.equal(grid.rows.length, 3 + (id === 'gov-2021' ? 25 : 23));
    assert.equal(findLabel(format, 't3', '（三）不予公开').rowSpan, 8);
    assert.equal(findLabel(format, 't3', '（四）无法提供').rowSpan, 3);
    assert.equal(findLabel(format, 't3', '（五）不予处理').rowSpan, 5);
    const other = findLabel(format, 't3', '（六）其他处理');
    if (id === 'gov-2021') assert.deepEqual([other.rowSpan, other.colSpan], [3, 1]);
    else assert.deepEqual([other.rowSpan, other.colSpan], [1, 2]);
    for (const two of ['（一）予以公开', '（七）总计']) assert.equal(findLabel(format, 't3', two).colSpan, 2);
    for (const one of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理']) {
      assert.deepEqual([findLabel(format, 't3', one).colSpan, findLabel(format, 't3', one).rowSpan], [3, 1]);
    }
    // Every body row fills the ten columns once merged cells above are counted.
    const body = grid.rows.slice(3);
    const carried = new Array(10).fill(0);
    for (const row of body) {
      let col = 0;
      for (const cell of row.cells) {
        while (carried[col] > 0) col++;
        for (let k = 0; k < cell.colSpan; k++) carried[col + k] = cell.rowSpan;
        col += cell.colSpan;
      }
      while (col < 10 && carried[col] > 0) col++;
      assert.equal(col, 10);
      for (let k = 0; k < 10; k++) carried[k] = Math.max(0, carried[k] - 1);
    }
  });

  it('the printed grid of table 四: 行政复议 over 5 columns, 行政诉讼 over 10', () => {
    const grid = tableGrid(format, 't4');
    assert.equal(grid.columns, 15);
    const [h1, h2, h3, body] = grid.rows;
    assert.deepEqual(labels(h1.cells), ['行政复议', '行政诉讼']);
    assert.deepEqual(
      h1.cells.map((c) => c.colSpan),
      [5, 10],
    );
    assert.deepEqual(labels(h2.cells), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    assert.deepEqual(
      h2.cells.map((c) => [c.rowSpan, c.colSpan]),
      [
        [2, 1],
        [2, 1],
        [2, 1],
        [2, 1],
        [2, 1],
        [1, 5],
        [1, 5],
      ],
    );
    assert.deepEqual(labels(h3.cells), [...T4_COLUMNS.map((c) => c[1]), ...T4_COLUMNS.map((c) => c[1])]);
    assert.equal(body.cells.length, 15);
  });

  it('cell kinds and derived cells', () => {
    const model = formatModel(format);
    const derived = model.cells.filter((c) => c.derived).map((c) => c.key);
    const t3RowCount = t3Rows.length;
    // 总计 column of every table-三 row, the （七）总计 row's applicant cells, three table-四 总计.
    assert.equal(derived.length, t3RowCount + 6 + 3);
    assert.ok(derived.includes('t3.total_processed.total'));
    assert.ok(derived.includes('t4.litigation_after_review.total'));
    const kinds = Object.fromEntries(model.cells.filter((c) => c.kind !== 'count').map((c) => [c.key, c.kind]));
    if (id === 'gov-2021') assert.deepEqual(kinds, { 't2.fees.amount': 'money' });
    else
      assert.deepEqual(kinds, {
        't2.licensing.change': 'signed_count',
        't2.other_external_services.change': 'signed_count',
        't2.penalty.change': 'signed_count',
        't2.coercion.change': 'signed_count',
        't2.fees.change': 'signed_count',
        't2.procurement.amount': 'money',
      });
    // Accessible names as in keys-and-file.md: "三、本年度办理结果（一）予以公开 · 自然人".
    assert.equal(model.byKey.get('t3.granted.natural_person')?.label, '三、本年度办理结果（一）予以公开 · 自然人');
  });
}

describe('gov-2021 (国办公开办函〔2021〕30号) labels and spans', () => {
  checkFormat('gov-2021', T2_2021, [...T3_HEAD, ...T3_OTHER_2021, ...T3_TAIL], '国办公开办函〔2021〕30号');
  it('marks the （六） sub-rows as corroborated only (spec §7 item 2)', () => {
    const f = getFormat('gov-2021');
    assert.deepEqual(
      f.t3.rows.filter((r) => r.confidence === 'C').map((r) => r.key),
      ['other_overdue_correction', 'other_overdue_fee', 'other_other'],
    );
  });
});

describe('gov-2019 (国办公开办函〔2019〕60号) labels and spans', () => {
  checkFormat('gov-2019', T2_2019, [...T3_HEAD, ...T3_OTHER_2019, ...T3_TAIL], '国办公开办函〔2019〕60号');
});
