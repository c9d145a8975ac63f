// Text copied from county portal pages (issue 21 item 3, test/corpus/real/FINDINGS.md): the layouts real pages
// show, made up here from the format data, not from any page's sentences. Tables pasted one cell per line or as
// `|` rows broken over lines are read figure by figure; a printed 0 is 0, a cell the copy lost stays 未读入;
// page furniture never joins the title; the year is read from a short period or the body, and a refusal for a
// missing year says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportSource } from '../../electron/core/import/index';
import { cellKey, FORMATS, formatModel } from '../../shared/formats/index';

const F = FORMATS['gov-2021'];
const read = (text: string) => readReportSource('粘贴.txt', new TextEncoder().encode(text));

/** The tables as printed rows (merged cells as empty cells), and the figure each input cell holds. */
function tables(): { t2: string[][]; t3: string[][]; t4: string[][]; expected: Record<string, number> } {
  const expected: Record<string, number> = {};
  let n = 0;
  const next = () => n++ % 10;
  const t2: string[][] = [];
  for (const b of F.t2.blocks) {
    t2.push([b.caption, ...b.columns.slice(1).map(() => '')]);
    t2.push([b.firstHeader, ...b.columns.map((c) => c.label)]);
    for (const r of b.rows) {
      const figures = b.columns.map((c) => {
        const v = next();
        expected[cellKey('t2', r.key, c.key)] = v;
        return String(v);
      });
      t2.push([r.label, ...figures]);
    }
  }
  const cols = F.t3.columns;
  const t3: string[][] = [[F.t3.applicantHeader], [cols[0].label, '法人或其他组织', cols[cols.length - 1].label], cols.slice(1, -1).map((c) => c.label)];
  const printed = new Set<string>();
  for (const r of F.t3.rows) {
    const labels = r.path.filter((p, i) => i === r.path.length - 1 || !printed.has(p));
    r.path.forEach((p) => printed.add(p));
    const figures = cols.map((c) => {
      if (c.derived || r.derived) return '';
      const v = next();
      expected[cellKey('t3', r.key, c.key)] = v;
      return String(v);
    });
    // the derived 总计 column and row printed as the sums a report prints
    t3.push([...labels, ...figures.map((f) => f || '0')]);
  }
  const t4: string[][] = [
    F.t4.groups.map((g) => g.path.join('')),
    F.t4.groups.flatMap(() => F.t4.columns.map((c) => c.label)),
    F.t4.groups.flatMap((g) =>
      F.t4.columns.map((c) => {
        if (c.derived) return '0';
        const v = next();
        expected[cellKey('t4', g.key, c.key)] = v;
        return String(v);
      }),
    ),
  ];
  return { t2, t3, t4, expected };
}

const heading = (k: string) => F.sections.find((s) => s.key === k)!.heading;

function report(
  render: (rows: string[][]) => string,
  head = '东河镇人民政府2023年政府信息公开工作年度报告\n\n',
): { text: string; expected: Record<string, number> } {
  const t = tables();
  const text = `${head}一、总体情况

本镇全年主动公开政府信息一百余条。

${heading('proactive')}

${render(t.t2)}

${heading('requests')}

${render(t.t3)}

${heading('review_litigation')}

${render(t.t4)}

${heading('problems')}

信息更新不够及时。

${heading('other_matters')}

无。
`;
  return { text, expected: t.expected };
}

/** One cell per line, a blank line between cells (a page's <td> copied by the browser). */
const oneCellPerLine = (rows: string[][]) =>
  rows
    .flat()
    .filter((c) => c !== '')
    .join('\n\n');
/** `| ⏎ cell  | ⏎ cell  |` — each row opened by a lone pipe, each cell on its own line. */
const pipeOpened = (rows: string[][]) => rows.map((r) => `| \n${r.map((c) => ` ${c}  | `).join('\n')}`).join('\n');
/** `cell |` per line and a lone `|` between rows. */
const pipeSeparated = (rows: string[][]) => rows.map((r) => r.map((c) => `${c} |`).join('\n')).join('\n|\n');
/** `cell |` per line, merged cells as extra pipes, nothing between rows. */
const pipeRunOn = (rows: string[][]) =>
  rows
    .map((r) => {
      const filled = r.filter((c) => c !== '');
      return filled.map((c, i) => `${c} |${i === filled.length - 1 ? ' |'.repeat(r.length - filled.length) : ''}`).join('\n');
    })
    .join('\n');

/** Each cell on its own line between lone pipes, a four-character label broken over two lines (“商业 ⏎ 企业”). */
const betweenPipes = (rows: string[][]) =>
  `|\n${rows
    .flat()
    .filter((c) => c !== '')
    .map((c) => (c.length === 4 ? `${c.slice(0, 2)}\n${c.slice(2)}` : c))
    .join('\n|\n')}\n|`;

for (const [name, render] of [
  ['one cell per line with blank lines', oneCellPerLine],
  ['| rows opened by a lone pipe, one cell per line', pipeOpened],
  ['cell | per line, a lone | between rows', pipeSeparated],
  ['cell | per line, merged cells as pipes', pipeRunOn],
  ['cells between lone pipes, some broken over two lines', betweenPipes],
] as const) {
  test(`tables pasted as ${name}: every figure of 二, 三 and 四 read exactly, none 未读入`, async () => {
    const { text, expected } = report(render);
    const r = await read(text);
    assert.equal(r.report.formatId, 'gov-2021');
    for (const k of ['t2', 't3', 't4']) assert.ok(r.recognised.includes(k), `${k}: ${r.problems.join('\n')}`);
    const inputs = formatModel('gov-2021').inputs.map((c) => c.key);
    const got: Record<string, number | undefined> = {};
    for (const k of inputs) got[k] = r.report.cells[k];
    assert.deepEqual(got, expected);
    assert.equal(r.report.unreadCells, undefined, r.problems.join('\n'));
    // the tables are not narrative
    assert.equal(r.report.sections.proactive ?? '', '');
    assert.equal(r.report.sections.requests ?? '', '');
  });
}

test('one cell per line: a row whose blank cell the copy lost is 未读入, never shifted; a printed 0 is 0', async () => {
  const text = `东河镇人民政府2023年政府信息公开工作年度报告

一、总体情况

本镇全年主动公开政府信息一百余条。

${heading('proactive')}

${F.t2.blocks[0].caption}

${F.t2.blocks[0].firstHeader}

${F.t2.blocks[0].columns.map((c) => c.label).join('\n\n')}

${F.t2.blocks[0].rows[0].label}

4

7

${F.t2.blocks[0].rows[1].label}

0

0

0
`;
  const r = await read(text);
  const [reg, norm] = F.t2.blocks[0].rows;
  for (const c of F.t2.blocks[0].columns) {
    assert.equal(r.report.cells[cellKey('t2', reg.key, c.key)], undefined, `${reg.label} · ${c.label}`);
    assert.ok(r.report.unreadCells?.includes(cellKey('t2', reg.key, c.key)));
    assert.equal(r.report.cells[cellKey('t2', norm.key, c.key)], 0, `${norm.label} · ${c.label}`);
  }
  assert.ok(
    r.problems.some((p) => p.includes(`${reg.label} 一行有 2 个数字`) && p.includes('空白格已丢失')),
    r.problems.join('\n'),
  );
});

test('one cell per line: a header word (其他) and a numbering on its own line ((三) / 不予公开) do not misplace a row', async () => {
  const cols = F.t3.columns;
  const seven = (v: number) => cols.map(() => String(v)).join('\n\n');
  const text = `东河镇人民政府2023年政府信息公开工作年度报告

一、总体情况

全年未收到申请。

${heading('requests')}

${F.t3.applicantHeader}

${cols.map((c) => c.label).join('\n\n')}

一、本年新收政府信息公开申请数量

${seven(2)}

三、本年度办理结果

(三)

不予公开

1.属于国家秘密

${seven(1)}
`;
  const r = await read(text);
  for (const c of cols.filter((c) => !c.derived)) {
    assert.equal(r.report.cells[cellKey('t3', 'new_received', c.key)], 2, c.label);
    assert.equal(r.report.cells[cellKey('t3', 'denied_state_secret', c.key)], 1, c.label);
    assert.equal(r.report.cells[cellKey('t3', 'other_other', c.key)], undefined, `3.其他 · ${c.label}`);
  }
});

test('portal furniture never joins the title: breadcrumbs, a navigation bar, metadata, attachment links', async () => {
  const text = `关怀版 无障碍
您当前所在位置: 首页 > 信息公开 > 东河镇 > 年度报告
您现在所在的位置:网站首页>政府信息公开年度工作报告>东河镇人民政府2023年政府信息公开工作年度报告
首页 > 政务公开 > 政府信息公开年报 > 东河镇
首页/ 政府信息公开 / 年报 / 正文
首   页 走进本县 新闻中心 政府信息公开 政务服务
名 称: 东河镇人民政府2023年政府信息公开工作年度报告
索 引 号: 0000/2024-001 发布日期: 2024-01-10 发布机构: 东河镇
东河镇人民政府2023年政府信息公开工作年度报告
一、总体情况
本镇全年主动公开政府信息一百余条。
东河镇2023年政府信息公开工作年度报告.pdf
政府信息公开年报
`;
  const r = await read(text);
  assert.equal(r.report.title, '东河镇人民政府2023年政府信息公开工作年度报告');
  assert.equal(r.report.unit.name, '东河镇人民政府');
  assert.equal(r.report.sections.overview, '本镇全年主动公开政府信息一百余条。');
  assert.ok(r.notes.filter((n) => n.kind === 'furniture').length >= 8, r.notes.map((n) => n.text).join('\n'));
});

test('a title in a metadata table row, and a title whose unit ends in 人民 before 政府信息公开', async () => {
  const r = await read(`| 名称 | 2023年西岭镇人民政府信息公开工作年度报告 | ||
|---|---|---|
| 索引号 | 0000/2024-002 | 发布机构 | 西岭镇 |
一、总体情况
本镇全年主动公开政府信息一百余条。
`);
  assert.equal(r.report.year, 2023);
  assert.equal(r.report.unit.name, '西岭镇人民政府');
});

test('a page header without the unit, then the title on two lines: the printed title is read', async () => {
  const r = await read(`2023年政府信息公开工作年度报告
南山县东河镇人民政府
2023年政府信息公开工作年度报告
一、总体情况
本镇全年主动公开政府信息一百余条。
`);
  assert.equal(r.report.title, '南山县东河镇人民政府2023年政府信息公开工作年度报告');
  assert.equal(r.report.unit.name, '南山县东河镇人民政府');
});

test('lines each followed by a blank line: a short line does not swallow the title; a wrapped sentence still joins', async () => {
  const r = await read(`南山县人民政府 The People's Government of Nanshan County

东河镇2023年政府信息公开 工作年度报告

一、总体情况

本镇全年通过政府门户网站、政务新媒体、村务公开栏和便民服务大厅等渠道主动公开政府信息一百余条，涉及

财政预决算、惠民补贴等群众关心的内容。

其他工作按计划推进。
`);
  assert.equal(r.report.year, 2023);
  assert.equal(r.report.title, '东河镇2023年政府信息公开工作年度报告');
  assert.equal(
    r.report.sections.overview,
    '本镇全年通过政府门户网站、政务新媒体、村务公开栏和便民服务大厅等渠道主动公开政府信息一百余条，涉及财政预决算、惠民补贴等群众关心的内容。\n其他工作按计划推进。',
  );
});

test('the year from a period without its second year, or from the body when unambiguous; else a refusal that names the year', async () => {
  const period = await read(`本报告统计期限自2023年1月1日至12月31日止。
一、总体情况
本镇主动公开政府信息一百余条。
`);
  assert.equal(period.report.year, 2023);
  assert.ok(period.problems.some((p) => p.startsWith('标题中没有写年度')));
  const body = await read(`一、总体情况
2022年,本镇主动公开政府信息一百余条。
2022年度本镇未收到政府信息公开申请。
`);
  assert.equal(body.report.year, 2022);
  assert.ok(
    body.problems.some((p) => p.includes('读作 2022 年，请核对')),
    body.problems.join('\n'),
  );
  await assert.rejects(
    read(`一、总体情况
2022年,本镇主动公开政府信息一百余条。
2023年,本镇将继续推进公开工作。
`),
    (err: Error) => /找到了“一、总体情况”等年度报告的内容/.test(err.message) && /没有读出报告是哪一年的/.test(err.message) && /标题/.test(err.message),
  );
});

test('“（二）主动公开政府信息情况” inside 一、总体情况 is a sub-heading, not part 二', async () => {
  const r = await read(`东河镇人民政府2023年政府信息公开工作年度报告
一、总体情况
（一）总体情况
全镇推进政务公开。
（二）主动公开政府信息情况
全年主动公开一百余条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
`);
  assert.equal(r.report.sections.overview, '（一）总体情况\n全镇推进政务公开。\n（二）主动公开政府信息情况\n全年主动公开一百余条。');
});

test('headings and labels read only where unambiguous: 工作总体推进情况, pre-2019 申诉 outline, 本年(2023)制发件数, 规范性文件', async () => {
  const modern = await read(`东河镇人民政府2023年政府信息公开工作年度报告
一、工作总体推进情况
全镇推进政务公开。
二、主动公开政府信息情况
${F.t2.blocks[0].caption} | | |
信息内容 | 本年(2023)制发件数 | 本年(2023)废止件数 | 现行有效件数 |
规章 | 1 | 2 | 3 |
规范性文件 | 4 | 5 | 6 |
`);
  assert.equal(modern.report.sections.overview, '全镇推进政务公开。');
  // 一、工作基本情况 / 一、政府信息公开工作的基本情况: part 一 by another name.
  for (const heading of ['一、工作基本情况', '一、政府信息公开工作的基本情况']) {
    const other = await read(`东河镇人民政府2024年政府信息公开工作年度报告\n${heading}\n全镇推进政务公开。\n二、主动公开政府信息情况\n全年公开信息四十条。\n`);
    assert.equal(other.report.sections.overview, '全镇推进政务公开。', heading);
  }
  assert.deepEqual(
    F.t2.blocks[0].rows.flatMap((r) => F.t2.blocks[0].columns.map((c) => modern.report.cells[cellKey('t2', r.key, c.key)])),
    [1, 2, 3, 4, 5, 6],
  );
  const legacy = await read(`2017年东河镇政府信息公开工作年度报告
一、主动公开政府信息的情况
全年公开信息四十条。
二、政府信息依申请公开办理情况
全年未收到申请。
三、复议、诉讼和申诉情况
全年未发生。
`);
  assert.equal(legacy.report.formatId, 'legacy');
  assert.deepEqual(
    legacy.report.legacySections?.map((s) => s.heading),
    ['一、主动公开政府信息的情况', '二、政府信息依申请公开办理情况', '三、复议、诉讼和申诉情况'],
  );
});

test('no title on the page: the unit is read from the preamble that names the report it introduces', async () => {
  const r = await read(`根据《中华人民共和国政府信息公开条例》规定，特编制南山县东河镇2023年政府信息公开工作年度报告。
一、总体情况
2023年，本镇主动公开政府信息一百余条。
`);
  assert.equal(r.report.unit.name, '南山县东河镇');
  assert.equal(r.report.year, 2023);
});
