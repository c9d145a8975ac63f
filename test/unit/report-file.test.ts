import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseReportFile, REPORT_FILE_SCHEMA, reportFileJsonSchema, serializeReportFile } from '../../shared/report-file';

const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8');

function failure(text: string) {
  const r = parseReportFile(text);
  assert.ok(!r.ok, 'expected the file to be refused');
  return r;
}

const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema: 'nianbao.report/1',
    formatId: 'gov-2021',
    year: 2025,
    unit: { name: '永安市小陶镇人民政府', kind: 'township' },
    sections: { overview: '……', problems: '……' },
    cells: { 't3.new_received.natural_person': 2, 't2.fees.amount': 0.35 },
    ...extra,
  });

describe('report file: reading', () => {
  it('reads the minimum contract of keys-and-file.md and fills the defaults', () => {
    const r = parseReportFile(minimal());
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.doc.formatId, 'gov-2021');
    assert.equal(r.doc.unit.name, '永安市小陶镇人民政府');
    assert.equal(r.doc.unit.address, '');
    assert.deepEqual(r.doc.cells, { 't3.new_received.natural_person': 2, 't2.fees.amount': 0.35 });
    assert.deepEqual(r.doc.acknowledgements, {});
    assert.equal('schema' in r.doc, false);
  });

  it('reads every fixture', () => {
    for (const name of ['2019-dashuikeng.nianbao.json', '2020-ansha.nianbao.json', '2025-clean.nianbao.json', '2025-broken-balance.nianbao.json']) {
      const r = parseReportFile(fixtureText(name));
      assert.ok(r.ok, `${name}: ${r.ok ? '' : r.message}`);
    }
  });

  it('tolerates a byte-order mark and fields added by later versions of the same schema', () => {
    const r = parseReportFile(`\uFEFF${minimal({ generator: 'nianbao 9.9', somethingNew: { a: 1 } })}`);
    assert.ok(r.ok);
  });

  it('refuses a file from a newer version with a clear message', () => {
    const r = failure(minimal({ schema: 'nianbao.report/2' }));
    assert.equal(r.code, 'newer_version');
    assert.match(r.message, /较新版本/);
    assert.match(r.message, /nianbao\.report\/2/);
    assert.match(r.message, /升级/);
    assert.equal(failure(minimal({ schema: 'nianbao.report/17' })).code, 'newer_version');
  });

  it('refuses what is not a report file, saying why', () => {
    assert.match(failure('').message, /空的/);
    const broken = failure('{\n  "schema": "nianbao.report/1",\n  "year": 2025\n  "formatId": "gov-2021"\n}');
    assert.equal(broken.code, 'invalid');
    assert.match(broken.message, /不是有效的 JSON：第 4 行/);
    assert.match(failure('[1,2]').message, /不是报告文件/);
    assert.match(failure(JSON.stringify({ formatId: 'gov-2021' })).message, /缺少字段“schema”/);
    assert.match(failure(minimal({ schema: 'other.app/1' })).message, /不是年报编制助手的报告文件/);
  });

  it('names the field that is wrong', () => {
    const r = failure(minimal({ year: '二〇二五', unit: { name: '', kind: 'village' }, formatId: 'gov-2022' }));
    assert.equal(r.code, 'invalid');
    assert.match(r.message, /“formatId”（报告格式）的值不对，只能是 "gov-2021"、"gov-2019"、"legacy" 之一/);
    assert.match(r.message, /“year”（年度）应为数字/);
    assert.match(r.message, /“unit\.name”（机关名称）：请填写机关名称/);
    assert.match(r.message, /“unit\.kind”（机关类型）的值不对/);
    const missing = failure(JSON.stringify({ schema: REPORT_FILE_SCHEMA, formatId: 'gov-2021', unit: { name: '某镇', kind: 'township' } }));
    assert.match(missing.message, /缺少字段“year”（年度）/);
    const badKey = failure(minimal({ cells: { 'T3 granted': 1 } }));
    assert.match(badKey.message, /“cells\.T3 granted”.*不是有效的单元格编号/);
    assert.ok(badKey.problems && badKey.problems.length === 1);
  });

  it('reads numbers written as strings through the shared number entry', () => {
    const r = parseReportFile(
      minimal({
        cells: {
          't3.new_received.natural_person': '１２件',
          't2.licensing.decisions': '1,234',
          't2.fees.amount': '0.35万元',
          't2.penalty.decisions': '',
          't2.coercion.decisions': null,
        },
      }),
    );
    assert.ok(r.ok, r.ok ? '' : r.message);
    // Blank strings and null mean "not filled in": the key is absent, never 0.
    assert.deepEqual(r.doc.cells, { 't3.new_received.natural_person': 12, 't2.licensing.decisions': 1234, 't2.fees.amount': 0.35 });
  });

  it('rejects a bad number naming the cell and what was expected', () => {
    const r = failure(minimal({ cells: { 't3.granted.natural_person': '3a', 't2.fees.amount': '350元', 't4.review.maintain': true } }));
    assert.equal(r.problems?.length, 3);
    assert.match(r.message, /单元格 t3\.granted\.natural_person（三、本年度办理结果（一）予以公开 · 自然人）的值读不出来：‘3a’不是数字，请填写不小于0的整数/);
    assert.match(r.message, /单元格 t2\.fees\.amount（行政事业性收费 · 本年收费金额（单位：万元））的值读不出来：.*万元/);
    assert.match(r.message, /单元格 t4\.review\.maintain（行政复议 · 结果维持）的值应为数字/);
  });
});

describe('report file: writing', () => {
  it('round-trips a report exactly, schema first and cells in table order', () => {
    const r = parseReportFile(fixtureText('2025-clean.nianbao.json'));
    assert.ok(r.ok);
    const text = serializeReportFile(r.doc);
    assert.ok(text.startsWith('{\n  "schema": "nianbao.report/1",'));
    assert.ok(text.endsWith('\n'));
    const again = parseReportFile(text);
    assert.ok(again.ok);
    assert.deepEqual(again.doc, r.doc);
    const keys = Object.keys(JSON.parse(text).cells);
    assert.equal(keys[0], 't2.regulations.issued');
    assert.ok(keys.indexOf('t3.new_received.natural_person') < keys.indexOf('t4.review.maintain'));
  });

  it('keeps totals stated in an imported file, so the rules can compare them', () => {
    const r = parseReportFile(fixtureText('2020-ansha.nianbao.json'));
    assert.ok(r.ok);
    assert.equal(r.doc.cells['t3.total_processed.total'], 0);
    const again = parseReportFile(serializeReportFile(r.doc));
    assert.ok(again.ok);
    assert.equal(again.doc.cells['t3.total_processed.total'], 0);
    assert.equal(again.doc.cells['t3.new_received.natural_person'], undefined);
  });
});

describe('report file: JSON Schema', () => {
  it('states the minimum contract: schema, formatId, year and unit {name, kind} are required', () => {
    const js = reportFileJsonSchema() as { required: string[]; properties: Record<string, { const?: string; required?: string[]; enum?: string[] }> };
    assert.deepEqual([...js.required].sort(), ['formatId', 'schema', 'unit', 'year']);
    assert.equal(js.properties.schema.const, REPORT_FILE_SCHEMA);
    assert.deepEqual(js.properties.unit.required, ['name', 'kind']);
    assert.deepEqual(js.properties.formatId.enum, ['gov-2021', 'gov-2019', 'legacy']);
  });
});

describe('report file: the 版记 of the 红头 version (issue 22)', () => {
  it('writes and reads back the 印发机关 and 印发日期; a file without them reads as no 版记', () => {
    const letterhead = {
      enabled: true,
      issuer: '永安市小陶镇人民政府文件',
      docNumber: '小政〔2026〕1号',
      printedBy: '永安市小陶镇党政办公室',
      printedDate: '2026-01-20',
    };
    const first = parseReportFile(minimal({ letterhead }));
    assert.ok(first.ok, first.ok ? '' : first.message);
    const text = serializeReportFile(first.doc);
    assert.match(text, /"printedBy": "永安市小陶镇党政办公室"/);
    const again = parseReportFile(text);
    assert.ok(again.ok, again.ok ? '' : again.message);
    assert.deepEqual(again.doc.letterhead, letterhead);
    const old = parseReportFile(minimal({ letterhead: { enabled: true, issuer: '永安市小陶镇人民政府文件', docNumber: '小政〔2026〕1号' } }));
    assert.ok(old.ok, old.ok ? '' : old.message);
    assert.equal(old.doc.letterhead.printedBy, '');
    assert.equal(old.doc.letterhead.printedDate, '');
  });

  it('refuses an impossible 印发日期, a 印发机关 too long or not text, naming the field in Chinese', () => {
    const base = { enabled: true, issuer: '', docNumber: '' };
    const date = failure(minimal({ letterhead: { ...base, printedBy: '党政办', printedDate: '2026-02-30' } }));
    assert.match(date.message, /“letterhead\.printedDate”（印发日期）/);
    assert.match(date.message, /不是真实的日期/);
    const long = failure(minimal({ letterhead: { ...base, printedBy: '党'.repeat(61) } }));
    assert.match(long.message, /“letterhead\.printedBy”（印发机关）.*不超过60个字/);
    const kind = failure(minimal({ letterhead: { ...base, printedBy: 3 } }));
    assert.match(kind.message, /“letterhead\.printedBy”（印发机关）应为文字/);
  });
});
