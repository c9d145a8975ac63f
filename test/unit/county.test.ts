// The county's desk as pure logic: unit names, copied paragraphs, outlying figures, the sums and
// how a batch pairs each report with last year's file of the same unit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseCounty, cutQuote, unitCore, unitNameVariants } from '../../shared/county/index';
import type { CountyEntry } from '../../shared/county/index';
import { findCopiedParagraphs } from '../../shared/county/copies';
import { unitNamePattern } from '../../shared/county/names';
import { findOutliers } from '../../shared/county/outliers';
import { countySum, sumInputs } from '../../shared/county/sums';
import { ReportDocSchema, type ReportDoc } from '../../shared/report';
import { generateCountyBatch, SCENARIO, unitName } from '../fixtures/county/generate';

function doc(name: string, overview: string, cells: Record<string, number> = {}, extra: Partial<ReportDoc> = {}): ReportDoc {
  return ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit: { name, kind: 'township' }, sections: { overview }, cells, ...extra });
}
const entries = (docs: ReportDoc[]): CountyEntry[] =>
  docs.map((d, i) => ({ id: `e${i + 1}`, fileName: `${i + 1}.nianbao.json`, source: 'nianbao-file', doc: d, problems: [] }));

describe('unit names', () => {
  it('finds the place in a full name and every short form a report may use', () => {
    assert.equal(unitCore('永安市小陶镇人民政府'), '小陶镇');
    assert.equal(unitCore('清溪县新华街道办事处'), '新华街道');
    assert.equal(unitCore('安砂镇'), '安砂镇');
    assert.deepEqual(unitNameVariants('永安市小陶镇人民政府').slice(0, 2), ['永安市小陶镇人民政府', '小陶镇人民政府']);
    assert.ok(unitNameVariants('永安市小陶镇人民政府').includes('小陶'));
    assert.ok(!unitNameVariants('清溪县城关镇人民政府').includes('城'), 'one-character stems match too much text');
  });
});

const COPIED = (town: string) =>
  `${town}坚持把依申请公开作为保障群众知情权的重要渠道，明确党政办为受理机构，在便民服务中心设立申请受理窗口，公布受理电话和邮寄地址，对每一件申请从登记、承办、审核到答复全程留痕，严格在法定期限内答复。`;

describe('copied paragraphs', () => {
  const own = [
    '全年通过门户网站主动公开政府信息186条，其中惠民补贴信息64条，在石桥村、河口村设置公开栏，公众号推送212条信息，群众反映良好，满意率较上年有所提高。',
    '今年重点做好防汛救灾信息发布，汛期累计发布预警信息45条，组织转移群众300余人次，转移安置情况和救灾资金发放名单均在村务公开栏张贴公示，接受群众监督。',
    '围绕集镇改造开展政策解读6场，印发明白纸2000份，在集市日设置咨询台解答群众疑问，改造方案和补偿标准经公示无异议后才实施，全程没有发生信访事件。',
  ];
  it('flags the same paragraph in two townships with the names swapped, quoting both', () => {
    const a = doc('清溪县白沙镇人民政府', `${own[0]}\n${COPIED('白沙镇')}`);
    const b = doc('清溪县柳溪镇人民政府', `${own[1]}\n${COPIED('柳溪镇')}`);
    const c = doc('清溪县石门镇人民政府', own[2]);
    const units = [a, b, c].map((d, i) => ({ entryId: `e${i + 1}`, unitName: d.unit.name, fileName: '', doc: d }));
    const pairs = findCopiedParagraphs(units, unitNamePattern([a, b, c].map((d) => d.unit.name)));
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0].a.entryId, 'e1');
    assert.equal(pairs[0].b.entryId, 'e2');
    assert.equal(pairs[0].a.quote, COPIED('白沙镇'));
    assert.equal(pairs[0].b.quote, COPIED('柳溪镇'));
    assert.equal(a.sections.overview!.slice(pairs[0].a.start, pairs[0].a.end), pairs[0].a.quote, 'the location points at the words');
  });

  it('does not flag different texts, nor a sentence every township writes', () => {
    const template = '本年度未收取信息处理费，也没有需要报告的其他事项，全年没有因政府信息公开工作被责任追究的情况，各项工作按照县里的统一部署有序推进落实。';
    const docs = ['甲', '乙', '丙', '丁', '戊', '己'].map((t, i) => doc(`清溪县${t}山镇人民政府`, `${own[i % 3]}${t}\n${template}`));
    const units = docs.map((d, i) => ({ entryId: `e${i + 1}`, unitName: d.unit.name, fileName: '', doc: d }));
    const pairs = findCopiedParagraphs(units, unitNamePattern(docs.map((d) => d.unit.name)));
    // own[] repeats every third unit: those pairs are copies; the shared template line is not.
    assert.ok(
      pairs.every((p) => p.a.quote !== template),
      'county-wide wording is not copying',
    );
  });
});

describe('outliers', () => {
  const withApplications = (n: number, i: number) =>
    doc(`清溪县${'甲乙丙丁戊己庚'[i]}镇人民政府`, '', { 't3.new_received.natural_person': n, 't3.granted.natural_person': n });
  it('flags 300 applications where the other units have a handful, as info', () => {
    const units = [0, 1, 0, 2, 300, 0, 1].map((n, i) => ({ entryId: `e${i + 1}`, doc: withApplications(n, i) }));
    const found = findOutliers(units);
    const cells = found.map((o) => `${o.entryId} ${o.finding.cells[0]}`);
    assert.ok(cells.includes('e5 t3.new_received.total'), cells.join(', '));
    assert.ok(found.every((o) => o.entryId === 'e5' && o.finding.severity === 'info'));
    assert.match(found[0].finding.message, /300件/);
  });
  it('leaves ordinary spread alone, and needs enough units to know the norm', () => {
    assert.deepEqual(findOutliers([3, 8, 0, 12, 5, 9, 4].map((n, i) => ({ entryId: `e${i}`, doc: withApplications(n, i) }))), []);
    assert.deepEqual(findOutliers([0, 0, 300].map((n, i) => ({ entryId: `e${i}`, doc: withApplications(n, i) }))), []);
  });
});

describe('sums', () => {
  it('adds the inputs, derives the totals from the sums and checks them with the table rules', () => {
    const a = doc('甲镇人民政府', '', { 't3.new_received.natural_person': 2, 't3.granted.natural_person': 2, 't2.fees.amount': 0.15 });
    const b = doc('乙镇人民政府', '', {
      't3.new_received.natural_person': 1,
      't3.granted.natural_person': 0,
      't3.carried_forward.natural_person': 2,
      't2.fees.amount': 0.05,
    });
    assert.equal(sumInputs('gov-2021', [a, b])['t2.fees.amount'], 0.2);
    const s = countySum('gov-2021', 2025, [
      { entryId: 'e1', doc: a },
      { entryId: 'e2', doc: b },
    ]);
    assert.equal(s.cells['t3.new_received.total'], 3);
    assert.equal(s.cells['t3.total_processed.natural_person'], 2);
    const balance = s.findings.find((f) => f.rule === 't3.balance');
    assert.ok(balance, 'an unbalanced unit leaves the county sum unbalanced');
    assert.equal(s.withPrevious, false);
  });
});

describe('a generated county batch', () => {
  const generated = generateCountyBatch();
  const review = analyseCounty(entries(generated.map((g) => g.doc)));
  const row = (i: number, year = 2025) => review.rows.find((r) => r.unitName === unitName(i) && r.year === year)!;
  it('reads the year, pairs last year’s files and says whether 结转 matches', () => {
    assert.equal(review.year, 2025);
    assert.equal(row(SCENARIO.continuityOk).continuity, 'ok');
    assert.equal(row(SCENARIO.continuityMismatch).continuity, 'mismatch');
    assert.equal(row(0).continuity, 'none');
    assert.equal(row(SCENARIO.continuityOk, 2024).role, 'previous');
  });
  it('flags the planted copy, the unbalanced table, the 2019 format and the outlier', () => {
    const rules = (i: number) => row(i).findings.map((f) => f.rule);
    assert.ok(rules(SCENARIO.copiedFrom).includes('county.copied_text'));
    assert.ok(rules(SCENARIO.copiedTo).includes('county.copied_text'));
    assert.ok(rules(SCENARIO.unbalanced).includes('t3.balance'));
    assert.ok(rules(SCENARIO.format2019).includes('review.outdated_format'));
    assert.ok(rules(SCENARIO.outlier).includes('county.outlier'));
    assert.equal(review.rows.filter((r) => r.findings.some((f) => f.rule === 'county.outlier')).length, 1);
  });
  it('sums each format apart and says so', () => {
    assert.deepEqual(
      review.sums.map((s) => [s.formatId, s.entryIds.length]),
      [
        ['gov-2021', 19],
        ['gov-2019', 1],
      ],
    );
    const expected = generated
      .filter((g) => g.doc.year === 2025 && g.doc.formatId === 'gov-2021')
      .reduce((n, g) => n + (g.doc.cells['t3.new_received.natural_person'] ?? 0), 0);
    assert.equal(review.sums[0].cells['t3.new_received.natural_person'], expected);
    assert.match(review.sumNote, /不能逐格相加/);
  });
});

describe('a paragraph passed round several townships', () => {
  it('is one finding per unit naming the others, and listed once for the county', () => {
    const texts = [
      '全年通过门户网站主动公开政府信息186条，其中惠民补贴信息64条，在石桥村、河口村设置公开栏，公众号推送212条信息，群众反映良好，满意率较上年有所提高。',
      '今年重点做好防汛救灾信息发布，汛期累计发布预警信息45条，组织转移群众300余人次，转移安置情况和救灾资金发放名单均在村务公开栏张贴公示，接受群众监督。',
      '围绕集镇改造开展政策解读6场，印发明白纸2000份，在集市日设置咨询台解答群众疑问，改造方案和补偿标准经公示无异议后才实施，全程没有发生信访事件。',
      '落实村级重大事项“四议两公开”，全年公开村级财务收支明细，逐村建立公开档案，党政办每季度抽查一次，发现问题当场督促整改，整改情况在下季度公开栏中说明。',
      '推行政策文件“一图读懂”，把补贴标准、申请条件、办理流程画在一张图上，贴到各村便民服务站和农家书屋，老年人看得懂、记得住，咨询电话明显减少。',
      '每月逢五日开放党政办查阅室，群众可以现场查阅已公开的文件和预决算资料，全年接待查阅群众130余人次，现场解答补贴发放、土地征收等问题。',
    ];
    const shared = (t: string) =>
      `${t}镇把依申请公开作为保障群众知情权的重要渠道，在便民服务中心设立受理窗口，公布受理电话和邮寄地址，每件申请从登记、承办、审核到答复全程留痕，严格在法定期限内答复。`;
    const towns = ['甲山', '乙水', '丙岭', '丁岗', '戊湖', '己川'];
    const docs = towns.map((t, i) => doc(`清溪县${t}镇人民政府`, i < 3 ? `${texts[i]}\n${shared(t)}` : texts[i]));
    const review = analyseCounty(entries(docs));
    const copies = (i: number) => review.rows[i].findings.filter((f) => f.rule === 'county.copied_text');
    assert.equal(copies(0).length, 1);
    assert.match(copies(0)[0].message, /清溪县乙水镇人民政府|清溪县丙岭镇人民政府/);
    assert.match(copies(0)[0].message, /也有这段文字/);
    assert.equal(copies(3).length, 0);
    assert.equal(review.comparisons.filter((c) => c.rule === 'county.copied_text').length, 1);
  });
});

describe('a unit sent twice', () => {
  const generated = generateCountyBatch().filter((g) => g.doc.year === 2025);
  const twice = generated[SCENARIO.copiedFrom].doc;
  const batch = (extra: ReportDoc) => {
    const list = entries([...generated.map((g) => g.doc), extra]);
    // The second copy arrives as a Word document: the report file is the one counted by default.
    list[list.length - 1] = { ...list[list.length - 1], fileName: '白沙镇年报.docx', source: 'docx' };
    return list;
  };

  it('is counted once, listed first with both files, never summed twice nor compared with itself', () => {
    const review = analyseCounty(batch(twice));
    const once = analyseCounty(entries(generated.map((g) => g.doc)));
    assert.equal(review.duplicates.length, 1);
    const d = review.duplicates[0];
    assert.equal(d.unitName, unitName(SCENARIO.copiedFrom));
    assert.deepEqual(d.fileNames, [`${SCENARIO.copiedFrom + 1}.nianbao.json`, '白沙镇年报.docx']);
    assert.equal(d.kept, `e${SCENARIO.copiedFrom + 1}`);
    assert.deepEqual(d.differences, [], 'the same report: nothing differs');
    assert.deepEqual(
      review.rows.slice(0, 2).map((r) => [r.entryId, r.role]),
      [
        [d.kept, 'current'],
        [d.entryIds[1], 'duplicate'],
      ],
    );
    assert.equal(review.rows[1].duplicateOf, d.kept);
    assert.equal(review.rows.filter((r) => r.role === 'current').length, once.rows.filter((r) => r.role === 'current').length);
    assert.deepEqual(review.sums[0].cells, once.sums[0].cells, 'the sums are those of the batch without the second copy');
    assert.deepEqual(review.sums[0].entryIds, once.sums[0].entryIds);
    const copies = review.rows.flatMap((r) => r.findings.filter((f) => f.rule === 'county.copied_text').map((f) => [r.entryId, f.other?.entryId]));
    assert.ok(!copies.some(([a, b]) => d.entryIds.includes(a!) && d.entryIds.includes(b!)), 'never flagged as copying itself');
    assert.equal(review.comparisons.length, once.comparisons.length);
  });

  it('names the cells and fields that differ, and counts the file the county chose', () => {
    const changed = { ...twice, date: '2026-01-20', cells: { ...twice.cells, 't2.licensing.decisions': (twice.cells['t2.licensing.decisions'] ?? 0) + 156 } };
    const list = batch(changed);
    const review = analyseCounty(list);
    const d = review.duplicates[0];
    const cell = d.differences.find((x) => x.kind === 'cell')!;
    assert.equal(cell.key, 't2.licensing.decisions');
    assert.match(cell.label, /^表二“行政许可/);
    assert.deepEqual(cell.values, [String(twice.cells['t2.licensing.decisions']), String(changed.cells['t2.licensing.decisions'])]);
    assert.ok(d.differences.some((x) => x.key === 'date'));
    const base = review.sums[0].cells['t2.licensing.decisions'];
    const chosen = analyseCounty(list, { keep: [d.entryIds[1]] });
    assert.equal(chosen.duplicates[0].kept, d.entryIds[1]);
    assert.equal(chosen.sums[0].cells['t2.licensing.decisions'], base + 156, 'the chosen file’s figures, once');
  });
});

describe('the clerk’s 已核实 at the county', () => {
  it('travels in the report with its reason and is counted apart from the open findings', () => {
    const generated = generateCountyBatch().filter((g) => g.doc.year === 2025);
    const plain = analyseCounty(entries(generated.map((g) => g.doc)));
    const i = plain.rows.findIndex((r) => r.findings.some((f) => f.severity === 'warning' && f.id && !f.rule.startsWith('county.')));
    const warning = plain.rows[i].findings.find((f) => f.severity === 'warning' && f.id && !f.rule.startsWith('county.'))!;
    const docs = generated.map((g) => g.doc);
    docs[i] = { ...docs[i], acknowledgements: { [warning.id!]: { reason: '经核对台账无误', at: '2026-01-10T08:00:00Z' } } };
    const review = analyseCounty(entries(docs));
    const row = review.rows.find((r) => r.entryId === plain.rows[i].entryId)!;
    const acked = row.findings.find((f) => f.id === warning.id)!;
    assert.deepEqual(acked.acknowledged, { reason: '经核对台账无误', at: '2026-01-10T08:00:00Z' });
    assert.equal(row.acknowledged, 1);
    assert.equal(row.warnings, plain.rows[i].warnings - 1);
    assert.equal(row.warnings, row.findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length, 'counts are of the lists');
  });
});

describe('quotes', () => {
  it('are cut where a number or a word ends, never inside one', () => {
    const s = '本年度共受理申请18件，其中予以公开12件，部分公开3件，退回修改18件，全部在法定期限内答复完毕，没有逾期。';
    for (let n = 8; n < s.length; n++) {
      const q = cutQuote(s, n);
      assert.ok(q.endsWith('……'));
      const kept = q.slice(0, -2);
      assert.ok(s.startsWith(kept));
      assert.ok(!/[0-9]$/.test(kept) || !/[0-9]/.test(s[kept.length]), `cut inside a number at ${n}: ${q}`);
    }
    assert.equal(cutQuote('短句', 40), '短句');
  });
});
