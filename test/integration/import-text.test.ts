// A 2021-format report pasted from a web page (tabs, captions outside the table, a unit in a
// cell, a short row): read what is certain, report the rest in Chinese, never guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportSource } from '../../electron/core/import/index';

const T3 = [
  ['一、本年新收政府信息公开申请数量'],
  ['二、上年结转政府信息公开申请数量'],
  ['三、本年度办理结果', '(一)予以公开'],
  ['', '(二)部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['', '(三)不予公开', '1.属于国家秘密'],
  ['', '', '2.其他法律行政法规禁止公开'],
  ['', '', '3.危及“三安全一稳定”'],
  ['', '', '4.保护第三方合法权益'],
  ['', '', '5.属于三类内部事务信息'],
  ['', '', '6.属于四类过程性信息'],
  ['', '', '7.属于行政执法案卷'],
  ['', '', '8.属于行政查询事项'],
  ['', '(四)无法提供', '1.本机关不掌握相关政府信息'],
  ['', '', '2.没有现成信息需要另行制作'],
  ['', '', '3.补正后申请内容仍不明确'],
  ['', '(五)不予处理', '1.信访举报投诉类申请'],
  ['', '', '2.重复申请'],
  ['', '', '3.要求提供公开出版物'],
  ['', '', '4.无正当理由大量反复申请'],
  ['', '', '5.要求行政机关确认或重新出具已获取信息'],
  ['', '(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '', '3.其他'],
  ['', '(七)总计'],
  ['四、结转下年度继续办理'],
];

function report(rowValues: (labels: string[], i: number) => string[]): string {
  const t3 = T3.map((labels, i) => [...labels, ...rowValues(labels, i)].join('\t')).join('\n');
  return `青山镇人民政府2023年政府信息公开工作年度报告
本报告统计期限自2023年1月1日至2023年12月31日。
一、总体情况
本年度主动公开信息 98 条。
二、主动公开政府信息情况
第二十条第（一）项\t\t\t
信息内容\t本年制发 件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t2\t1\t15
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t12
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t3
行政强制\t0
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t3500元
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况
\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t\t\t商业 企业\t科研 机构\t社会公益组织\t法律服务机构\t其他
${t3}
四、政府信息公开行政复议、行政诉讼情况
行政复议\t\t\t\t\t行政诉讼
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉
\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t2\t2
五、存在的主要问题及改进情况
一是公开栏更新不及时。
六、其他需要报告的事项
本年度未收取信息处理费。
青山镇人民政府
2024年1月20日`;
}

test('2021 text: figures read exactly, a wrong unit, a short row and a non-number reported', async () => {
  const text = report((labels, i) => {
    const leaf = labels[labels.length - 1];
    if (leaf.startsWith('8.属于行政查询')) return ['1', '2'];
    if (leaf.startsWith('2.申请人逾期未按收费')) return ['约3', '0', '0', '0', '0', '0', '3'];
    return [String(i % 3), '0', '1', '0', '0', '0', String((i % 3) + 1)];
  });
  // A label broken over two lines, the figures on the second.
  const brokenLabel = text.replace('\t\t5.要求行政机关确认或重新出具已获取信息\t', '\t\t5.要求行政机关确认或重新\n出具已获取信息\t');
  assert.notEqual(brokenLabel, text);
  const r = await readReportSource('粘贴的文字.txt', new TextEncoder().encode(brokenLabel));
  assert.equal(r.source, 'text');
  assert.equal(r.report.formatId, 'gov-2021');
  assert.equal(r.report.year, 2023);
  assert.equal(r.report.date, '2024-01-20');
  assert.equal(r.report.signature, '青山镇人民政府');
  assert.equal(r.report.sections.other_matters, '本年度未收取信息处理费。');
  assert.equal(r.report.sections.proactive, undefined, 'captions outside the table are not narrative');
  const c = r.report.cells;
  assert.deepEqual(
    [
      c['t2.normative_documents.issued'],
      c['t2.normative_documents.repealed'],
      c['t2.normative_documents.in_force'],
      c['t2.licensing.decisions'],
      c['t2.penalty.decisions'],
      c['t2.coercion.decisions'],
    ],
    [2, 1, 15, 12, 3, 0],
  );
  assert.equal(c['t2.fees.amount'], undefined, '3500元 is not guessed into 万元');
  assert.ok(
    r.problems.some((p) => p.includes('3500元') && p.includes('万元')),
    r.problems.join('\n'),
  );
  // Row i (0-based) carries natural_person = i % 3, research_institution = 1, total = i % 3 + 1.
  assert.equal(c['t3.new_received.natural_person'], 0);
  assert.equal(c['t3.granted.natural_person'], 2);
  assert.equal(c['t3.granted.research_institution'], 1);
  assert.equal(c['t3.granted.total'], 3);
  assert.equal(c['t3.other_other.natural_person'], 22 % 3);
  assert.deepEqual([c['t3.not_processed_confirm.natural_person'], c['t3.not_processed_confirm.total']], [19 % 3, (19 % 3) + 1]);
  assert.equal(c['t3.carried_forward.total'], (24 % 3) + 1);
  assert.equal(c['t3.denied_admin_query.natural_person'], undefined);
  assert.ok(
    r.problems.some((p) => p.includes('8.属于行政查询事项') && p.includes('有 2 个数字')),
    r.problems.join('\n'),
  );
  assert.equal(c['t3.other_overdue_fee.natural_person'], undefined);
  assert.equal(c['t3.other_overdue_fee.total'], 3, 'the rest of the row is read');
  assert.ok(
    r.problems.some((p) => p.includes('约3')),
    r.problems.join('\n'),
  );
  assert.deepEqual(
    [c['t4.review.maintain'], c['t4.review.total'], c['t4.litigation_after_review.pending'], c['t4.litigation_after_review.total']],
    [1, 1, 2, 2],
  );
  assert.equal(r.problems.length, 3, r.problems.join('\n'));
});

test('GBK text (Windows Notepad) reads like UTF-8', async () => {
  // 「青山镇人民政府2023年政府信息公开工作年度报告」 and 「一、总体情况」 encoded as GBK.
  const gbk = Buffer.from('c7e0c9bdd5f2c8cbc3f1d5feb8ae32303233c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60ad2bba1a2d7dccce5c7e9bff60a', 'hex');
  const r = await readReportSource('gbk.txt', gbk);
  assert.equal(r.report.unit.name, '青山镇人民政府');
  assert.equal(r.report.year, 2023);
  assert.ok(r.recognised.includes('overview'));
});
