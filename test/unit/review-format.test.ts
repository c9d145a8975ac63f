// 审读, format and citations (spec §6.2 E4, E6, E10): outdated or mis-cited documents, the template
// for the year, pre-2019 headings, headings in the wrong part, empty parts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getFormat } from '../../shared/formats/index';
import type { Finding } from '../../shared/report';
import { reviewDocument } from '../../shared/review/index';
import { CLEAN_OVERVIEW, cleanReplacing, cleanReport, cleanWith } from '../fixtures/review-clean';

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const FIRST = '2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻《中华人民共和国政府信息公开条例》，';
const withBasis = (basis: string) => cleanReplacing('overview', FIRST, `${basis}\n2025年，小陶镇坚持以习近平新时代中国特色社会主义思想为指导，`);

test('E4 the current citations, written right, raise nothing', () => {
  const doc = withBasis('本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。');
  assert.deepEqual(reviewDocument(doc), []);
  const fee = cleanReplacing(
    'other_matters',
    '本年度未收取信息处理费。',
    '本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），未收取信息处理费。',
  );
  assert.deepEqual(reviewDocument(fee), []);
});

test('E4 outdated for a 2021+ report: 〔2019〕60号 and 「格式（试行）」', () => {
  // 太平镇 2022 (S19b) and 安砂镇 2020 copied on
  const doc = withBasis(
    '按照《中华人民共和国政府信息公开条例》、《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）要求编制本报告。',
  );
  const f = only(reviewDocument(doc), 'review.outdated_citation');
  assert.deepEqual(
    f.map((x) => x.location?.quote),
    ['国办公开办函〔2019〕60号', '格式（试行）'],
  );
  assert.ok(f.every((x) => x.severity === 'error'));
  assert.match(f[0]!.message, /国办公开办函〔2021〕30号/);
  // The same words are right in a 2020 report, which used the 试行 format.
  const in2020 = cleanWith((d) => {
    d.year = 2020;
    d.formatId = 'gov-2019';
    d.sections.overview = d.sections.overview!.replace(
      FIRST,
      '按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）要求编制本报告。\n',
    );
  });
  assert.deepEqual(only(reviewDocument(in2020), 'review.outdated_citation'), []);
  // Another office's own 〔2019〕60号 is not the format.
  const local = withBasis('根据《盐池县人民政府关于推进政务公开的意见》（盐政发〔2019〕60号）做好本年度工作。');
  assert.deepEqual(only(reviewDocument(local), 'review.outdated_citation'), []);
});

test('E4 wrong names and numbers: 国办发〔2021〕30号, 【】/[] brackets, 条例 without 政府, 格式 without 公开工作', () => {
  const cases: [string, string, RegExp][] = [
    ['依据国办发〔2021〕30号编制。', '国办发〔2021〕30号', /不是“国办发”/],
    ['依据国办公开办函【2021】30号编制。', '国办公开办函【2021】30号', /六角括号/],
    ['依据国办公开办函[2021]30号编制。', '国办公开办函[2021]30号', /六角括号/],
    ['根据《中华人民共和国信息公开条例》编制。', '《中华人民共和国信息公开条例》', /漏了“政府”/],
    ['根据《中华人民共和国政府信息年度报告格式》编制。', '《中华人民共和国政府信息年度报告格式》', /正式名称/],
  ];
  for (const [basis, quote, why] of cases) {
    const f = only(reviewDocument(withBasis(basis)), 'review.citation');
    assert.equal(f.length, 1, basis);
    assert.equal(f[0]!.severity, 'error');
    assert.equal(f[0]!.location?.quote, quote);
    assert.match(f[0]!.message, why);
  }
  const fee = only(
    reviewDocument(cleanReplacing('other_matters', '本年度未收取信息处理费。', '依据《信息处理费管理办法》，本年度未收取信息处理费。')),
    'review.citation',
  );
  assert.equal(fee.length, 1);
  assert.match(fee[0]!.message, /《政府信息公开信息处理费管理办法》/);
});

test('E4 other 文号 with 【】 or （） are a warning; 〔〕 is fine', () => {
  const f = only(
    reviewDocument(withBasis('根据《福建省人民政府办公厅关于推进重大建设项目批准和实施领域政府信息公开的实施意见》（闽政办【2018】25号）做好公开。')),
    'review.doc_number_brackets',
  );
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.equal(f[0]!.location?.quote, '闽政办【2018】25号');
  assert.match(f[0]!.message, /闽政办〔2018〕25号/);
  assert.deepEqual(
    reviewDocument(withBasis('根据《福建省人民政府办公厅关于推进重大建设项目批准和实施领域政府信息公开的实施意见》（闽政办〔2018〕25号）做好公开。')),
    [],
  );
});

test('E10 template: the 2019 试行 format for a 2021+ report, and its labels in the narrative', () => {
  const doc = cleanWith((d) => {
    d.formatId = 'gov-2019';
    d.cells = {};
  });
  const f = only(reviewDocument(doc), 'review.outdated_format');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.match(f[0]!.message, /国办公开办函〔2021〕30号/);
  // 螅镇 2022 (S19): the 2019 labels typed into the text of a current report
  const labels = only(
    reviewDocument(cleanReplacing('overview', '本年度未制发行政规范性文件。', '规范性文件本年新制作数量0件，对外公开总数量0件。')),
    'review.outdated_labels',
  );
  assert.deepEqual(
    labels.map((x) => x.location?.quote),
    ['本年新制作数量', '对外公开总数量'],
  );
  const early = only(reviewDocument(cleanWith((d) => (d.year = 2020))), 'review.format_too_new');
  assert.equal(early.length, 1);
  assert.equal(early[0]!.severity, 'warning');
  assert.deepEqual(only(reviewDocument(cleanReport()), 'review.outdated_format'), []);
});

test('E6 pre-2019 headings in a current report are errors; the current sub-heads are not', () => {
  const legacy: [string, string][] = [
    ['overview', '一、概述'],
    ['other_matters', '六、政府信息公开的收费及减免情况'],
    ['overview', '（七）机构建设和保障经费情况'],
    ['other_matters', '（二）附表'],
    ['overview', '五、咨询处理情况'],
  ];
  for (const [section, heading] of legacy) {
    const doc = cleanWith((d) => (d.sections[section as 'overview'] = `${d.sections[section as 'overview']}\n${heading}\n无。`));
    const f = only(reviewDocument(doc), 'review.legacy_heading');
    assert.equal(f.length, 1, heading);
    assert.equal(f[0]!.severity, 'error');
    assert.equal(f[0]!.location?.quote, heading);
  }
  // 小陶镇 2018's preamble sentence listing the old parts (湖南镇 2021 did the same)
  const listed = withBasis(
    '全文由政务公开工作概述、主动公开政府信息情况、政府信息依申请公开办理情况、因政府信息公开申请行政复议提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进措施、需要说明的其他事项与附表六部分组成。',
  );
  const g = only(reviewDocument(listed), 'review.legacy_heading');
  assert.equal(g.length, 1);
  assert.match(g[0]!.message, /总体情况、主动公开政府信息情况/);
  // The six parts named the current way (安砂镇 2020's preamble) are fine.
  assert.deepEqual(
    reviewDocument(
      withBasis(
        '主要内容包含：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项共六个部分。',
      ),
    ),
    [],
  );
});

test('E6 headings: another part’s heading inside a part is an error; the part’s own heading on the first line is dropped by the export', () => {
  const headings = getFormat('gov-2021').sections.map((s) => s.heading);
  const own = cleanWith((d) => (d.sections.overview = `${headings[0]}\n${CLEAN_OVERVIEW}`));
  assert.deepEqual(reviewDocument(own), []);
  const pasted = cleanWith((d) => (d.sections.overview = `${CLEAN_OVERVIEW}\n${headings[4]}\n我镇政务公开工作还存在不足。`));
  const f = only(reviewDocument(pasted), 'review.misplaced_heading');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.equal(f[0]!.location?.quote, headings[4]);
  assert.match(f[0]!.message, /移到「五、存在的主要问题及改进情况」/);
  // A variant of the part's own heading on its first line (小陶镇 2018: 「五、政府信息公开工作存在的主要问题及改进措施」)
  const variant = cleanWith((d) => (d.sections.problems = `五、政府信息公开工作存在的主要问题及改进措施\n${d.sections.problems}`));
  const v = only(reviewDocument(variant), 'review.misplaced_heading');
  assert.equal(v.length, 1);
  assert.match(v[0]!.message, /不是格式规定的标题/);
  // A list numbered 一、二、 inside 五 is not taken for a heading of 五.
  const list = cleanWith((d) => (d.sections.problems = `一、政策解读形式单一，全年9篇均为文字稿\n${d.sections.problems}`));
  assert.deepEqual(only(reviewDocument(list), 'review.misplaced_heading'), []);
  const twice = cleanWith((d) => (d.sections.problems = `${d.sections.problems}\n${headings[4]}`));
  assert.equal(only(reviewDocument(twice), 'review.misplaced_heading').length, 1);
});

test('E6 an empty narrative part is an error; the table-only parts need no text', () => {
  for (const key of ['overview', 'problems', 'other_matters'] as const) {
    const f = only(reviewDocument(cleanWith((d) => (d.sections[key] = '  \n'))), 'review.section_empty');
    assert.equal(f.length, 1, key);
    assert.equal(f[0]!.severity, 'error');
    assert.equal(f[0]!.location?.section, key);
  }
  const doc = cleanReport();
  assert.equal(doc.sections.proactive, undefined);
  assert.deepEqual(only(reviewDocument(doc), 'review.section_empty'), []);
});
