// Pasted pages that name the unit only in the preamble or the contact line, and a whole report pasted as one
// paragraph (test/corpus/real/FINDINGS.md, “Second batch” and “Third look”). The snippets are made up here: the
// wordings are the common ones of real pages, the names and sentences are not any page's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportSource } from '../../electron/core/import/index';
import { FORMATS } from '../../shared/formats/index';

const F = FORMATS['gov-2021'];
const read = (text: string) => readReportSource('粘贴.txt', new TextEncoder().encode(text));
const heading = (k: string) => F.sections.find((s) => s.key === k)!.heading;

/** A report without a title line: the preamble (its first paragraph given), then the six parts, one sentence each. */
const body = (preamble: string) =>
  [
    preamble,
    '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
    heading('overview'),
    '全年围绕中心工作推进信息公开。',
    heading('proactive'),
    '主动公开各类信息120条。',
    heading('requests'),
    '全年未收到政府信息公开申请。',
    heading('review_litigation'),
    '未发生行政复议和行政诉讼。',
    heading('problems'),
    '公开内容还不够及时，下一步将加强审核。',
    heading('other_matters'),
    '本年度未收取信息处理费。',
  ].join('\n');

const unitOf = async (preamble: string) => {
  const r = await read(body(preamble));
  return { name: r.report.unit.name, problems: r.problems };
};

test('the unit named by the preamble is read, and where it was read from is said', async () => {
  const cases: [string, string][] = [
    ['根据《中华人民共和国政府信息公开条例》要求，现将青石县白鹭镇人民政府2023年政府信息公开工作年度报告予以公布。', '青石县白鹭镇人民政府'],
    ['本报告由云溪街道办事处结合有关统计数据编制。', '云溪街道办事处'],
    ['根据有关要求，由红枫乡人民政府编制。', '红枫乡人民政府'],
    ['根据条例规定，现公开2023年桐林街办政府信息公开工作年度报告。', '桐林街办'],
    ['为提升政府工作透明度，松岭镇人民政府特此编制2023年度政府信息公开工作年度报告。', '松岭镇人民政府'],
    ['按照上级要求，汇总2023年度石门乡的政府信息公开年度报告编制而成。', '石门乡'],
    ['如对本报告有任何疑问，请与青石县白鹭镇人民政府办公室联系（地址：白鹭镇中街1号）。', '青石县白鹭镇人民政府'],
    ['如对本报告有任何疑问，请与竹溪乡政府信息公开领导小组办公室联系。', '竹溪乡'],
    ['白鹭镇2023年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》编制。', '白鹭镇'],
    // the same unit named twice, once shorter: the full name
    ['现将青石县白鹭镇2023年政府信息公开工作年度报告予以公布。如有疑问，可与白鹭镇人民政府联系。', '青石县白鹭镇'],
  ];
  for (const [preamble, name] of cases) {
    const { name: read, problems } = await unitOf(preamble);
    assert.equal(read, name, preamble);
    assert.ok(
      problems.some((p) => p.includes(`读作“${name}”`) && p.includes('导言')),
      `${preamble}: ${problems.join(' / ')}`,
    );
  }
});

test('no unit is invented: first person alone, a person to contact, a notice, or two different units', async () => {
  for (const preamble of [
    '现将我镇2023年政府信息公开工作年度报告公布如下。',
    '现将本街道2023年政府信息公开工作年度报告编制如下。',
    '如对本报告有疑问，请与张建乡联系。',
    '如对本报告有疑问，请与青石县人民政府办公室联系。',
    '根据《关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求编制。',
    '特向社会公开2023年度政府信息公开年度报告。',
    '现将白鹭镇2023年政府信息公开工作年度报告予以公布。如有疑问，请与黄沙乡人民政府联系。',
  ]) {
    const { name } = await unitOf(preamble);
    assert.equal(name, '（未读出机关名称）', preamble);
  }
});

const runOn = (parts: string[]) =>
  [
    '白鹭镇人民政府2023年政府信息公开工作年度报告',
    '根据《中华人民共和国政府信息公开条例》要求编制本报告，统计期限自2023年1月1日起至2023年12月31日止。',
    ...parts,
  ].join(' ');
const six = [
  `${heading('overview')} (一)机构建设。全年在一、二季度各召开一次专题会议。`,
  `${heading('proactive')} 主动公开各类信息120条。`,
  `${heading('requests')} 全年未收到政府信息公开申请。`,
  `${heading('review_litigation')} 未发生行政复议和行政诉讼。`,
  `${heading('problems')} 公开内容还不够及时。`,
  `${heading('other_matters')} 本年度未收取信息处理费。`,
];

test('a report pasted as one paragraph is split at its title and its six headings, in order', async () => {
  const r = await read(runOn(six));
  assert.equal(r.report.title, '白鹭镇人民政府2023年政府信息公开工作年度报告');
  assert.equal(r.report.unit.name, '白鹭镇人民政府');
  assert.equal(r.report.year, 2023);
  assert.deepEqual(r.report.sections, {
    overview: '(一)机构建设。全年在一、二季度各召开一次专题会议。',
    proactive: '主动公开各类信息120条。',
    requests: '全年未收到政府信息公开申请。',
    review_litigation: '未发生行政复议和行政诉讼。',
    problems: '公开内容还不够及时。',
    other_matters: '本年度未收取信息处理费。',
  });
  assert.ok(r.notes.some((n) => n.line === 1 && n.text.includes('连成一段的整篇报告')));
  // A heading followed by its text with no space: cut after the format's heading.
  const glued = await read(runOn(six.map((p) => p.replace(' ', ''))));
  assert.equal(glued.report.sections.proactive, '主动公开各类信息120条。');
  assert.equal(glued.report.sections.overview, '(一)机构建设。全年在一、二季度各召开一次专题会议。');
});

test('a one-paragraph text without all six headings in order is refused as before, never split inside a sentence', async () => {
  const missing = [...six.slice(0, 4), six[5]];
  const swapped = [six[1], six[0], ...six.slice(2)];
  // “…在一、…” inside a sentence is not a heading
  const inSentence = six.map((p) => `在${p}`);
  for (const parts of [missing, swapped, inSentence]) {
    await assert.rejects(read(runOn(parts)), /没有找到/);
  }
});

test('a portal’s metadata copied as a list (“- 索引号…”, “- 发布机构…”) is furniture, not joined to the title', async () => {
  const text = [
    '- 索引号abc/2024-00012',
    '- 发布机构青石县白鹭镇',
    '- 文号',
    '- 发布日期2024-01-20',
    '- 有效性有效',
    '青石县白鹭镇人民政府2023年政府信息公开工作年度报告',
    body(''),
  ].join('\n');
  const r = await read(text);
  assert.equal(r.report.title, '青石县白鹭镇人民政府2023年政府信息公开工作年度报告');
  assert.equal(r.report.unit.name, '青石县白鹭镇人民政府');
  assert.equal(r.notes.filter((n) => n.kind === 'furniture').length, 5);
});

test('a long preamble sentence that lists the six parts is not split: the parts are read at their own headings', async () => {
  const listing = `根据条例编制本报告，报告内容包括：${['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters'].map(heading).join('；')}。本报告还说明了全年政务公开的主要做法、取得的成效、存在的不足以及下一步的改进措施，供社会公众查阅，并欢迎对本报告提出意见和建议，以便改进今后的工作和报告的编写质量。对报告中的数据和表述有疑问的，可以通过政务公开专栏留言或者来电咨询，我们将认真答复。`;
  const r = await read(['白鹭镇人民政府2023年政府信息公开工作年度报告', body(listing)].join('\n'));
  assert.equal(r.report.sections.overview, '全年围绕中心工作推进信息公开。');
  assert.equal(r.report.sections.other_matters, '本年度未收取信息处理费。');
  assert.ok(!r.notes.some((n) => n.text.includes('连成一段的整篇报告')));
});
