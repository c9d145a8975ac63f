// `nianbao validate` run as a real process on real files: exit codes, the one-line summaries,
// the 勾稽 finding with the figure 四 should have, --json, --previous and folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot, tempDir } from '../support/temp';
import { nianbaoCommand, useBuilt } from '../support/cli';

const fixtures = join(repoRoot, 'test/fixtures/reports');
const fixture = (name: string) => join(fixtures, name);

const command = nianbaoCommand;

function validate(...args: string[]) {
  const r = spawnSync(command[0], [...command.slice(1), 'validate', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = tempDir('nianbao-cli-validate-');
after(() => tmp.cleanup());

/** The clean 2025 report's 2024 predecessor, with the given last-year figures. */
function writePrevious(dir: string, name: string, cells: Record<string, number>) {
  const doc = JSON.parse(readFileSync(fixture('2025-clean.nianbao.json'), 'utf8'));
  doc.year = 2024;
  doc.title = '永安市小陶镇人民政府2024年政府信息公开工作年度报告';
  doc.date = '2025-01-20';
  Object.assign(doc.cells, cells);
  // Last year's own words, so only the figures are compared (identical text is a finding of its own).
  doc.sections = {
    overview:
      '2024年，小陶镇通过门户网站专栏公开政府信息375条，较上年增加20条；新收政府信息公开申请6件，均按期答复。镇政府将政务公开纳入村（社区）年度考核，开展群众评议1次，未发生责任追究情形。',
    problems: '一是村级公开栏更新不及时；二是政策解读形式单一。下一步将建立公开栏检查台账，增加图解解读。',
    other_matters: '本年度未收取信息处理费。',
  };
  writeFileSync(join(dir, name), JSON.stringify(doc, null, 2));
  return join(dir, name);
}

describe(`nianbao validate (${useBuilt ? 'built dist/cli.mjs' : 'from source'})`, () => {
  it('finds no table error in the two published 2019-format seed reports', () => {
    const r = validate('--json', fixture('2019-dashuikeng.nianbao.json'), fixture('2020-ansha.nianbao.json'));
    const out = JSON.parse(r.out) as { file: string; findings: { rule: string; severity: string }[] }[];
    assert.equal(out.length, 2);
    for (const f of out)
      assert.deepEqual(
        f.findings.filter((x) => x.severity === 'error' && !x.rule.startsWith('review.')),
        [],
        f.file,
      );
  });

  it('passes the two published 2019-format seed reports: no errors, exit 0', () => {
    const r = validate(fixture('2019-dashuikeng.nianbao.json'), fixture('2020-ansha.nianbao.json'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^✓ .*2019-dashuikeng\.nianbao\.json：没有错误/m);
    assert.match(r.out, /^✓ .*2020-ansha\.nianbao\.json：没有错误/m);
    assert.doesNotMatch(r.out, /✗ 错误/);
    assert.match(r.out, /共 2 个文件：0 个有错误，2 个没有错误/);
  });

  it('prints the 勾稽 finding with the figure 四 should have and exits 1', () => {
    const r = validate(fixture('2025-broken-balance.nianbao.json'));
    assert.equal(r.code, 1, r.out + r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /^✗ .*2025-broken-balance\.nianbao\.json：1 个错误/);
    assert.match(r.out, /✗ 错误：“自然人”一列不平衡：本年新收 3 \+ 上年结转 1 = 4 件，办理结果 3 \+ 结转下年度 0 = 3 件，差 1 件。.*\[t3\.balance\]/);
  });

  it('--json prints one entry per file with the findings', () => {
    const r = validate('--json', fixture('2025-broken-balance.nianbao.json'), fixture('2025-clean.nianbao.json'));
    assert.equal(r.code, 1);
    const out = JSON.parse(r.out) as {
      file: string;
      ok: boolean;
      findings: { rule: string; severity: string; message: string; cells: string[]; expected?: number; actual?: number }[];
    }[];
    assert.equal(out.length, 2);
    assert.equal(out[0].ok, false);
    const balance = out[0].findings.find((f) => f.rule === 't3.balance');
    assert.ok(balance);
    assert.equal(balance.severity, 'error');
    assert.equal(balance.expected, 1);
    assert.equal(balance.actual, 0);
    assert.equal(balance.cells[0], 't3.new_received.natural_person');
    assert.ok(balance.cells.includes('t3.carried_forward.natural_person'));
    assert.equal(out[1].ok, true);
    assert.deepEqual(
      out[1].findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('--previous adds the cross-year checks (warnings: exit 0)', () => {
    const prev = writePrevious(tmp.path, 'last-year.json', { 't3.carried_forward.natural_person': 2, 't2.normative_documents.in_force': 8 });
    const r = validate('--previous', prev, fixture('2025-clean.nianbao.json'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /以 .*last-year\.json 作为上一年度报告/);
    assert.match(r.out, /^✓ .*2025-clean\.nianbao\.json：没有错误，\d+ 个警告/m);
    assert.match(r.out, /! 警告：“自然人”一列的上年结转是 1 件，上一年度报告的“四、结转下年度继续办理”是 2 件.*\[t3\.carry_over\]/);
  });

  it('in a folder, uses the same unit’s previous-year file automatically and says so', () => {
    const dir = tempDir('nianbao-cli-folder-');
    try {
      copyFileSync(fixture('2025-clean.nianbao.json'), join(dir.path, '小陶镇2025.nianbao.json'));
      writePrevious(dir.path, '小陶镇2024.nianbao.json', { 't3.carried_forward.natural_person': 1, 't2.normative_documents.in_force': 5 });
      writeFileSync(join(dir.path, 'notes.txt'), '不是报告文件，应被忽略');
      const r = validate(dir.path);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /（以同一文件夹中的 小陶镇2024\.nianbao\.json 作为上一年度报告，已做跨年度核对）/);
      assert.match(r.out, /现行有效件数是 9，按上年现行有效件数 5 \+ 本年制发件数 2 − 本年废止件数 1 应为 6/);
      assert.doesNotMatch(r.out, /notes\.txt/);
      assert.match(r.out, /共 2 个文件/);
    } finally {
      dir.cleanup();
    }
  });

  it('checks a folder of many townships with one summary line per file', () => {
    const r = validate(fixtures);
    assert.equal(r.code, 1);
    const summaries = r.out.split('\n').filter((l) => /^[✓✗] /.test(l));
    assert.equal(summaries.length, readdirSync(fixtures).filter((n) => n.endsWith('.nianbao.json')).length);
    assert.match(r.out, /^✗ .*2025-broken-balance\.nianbao\.json：1 个错误/m);
    assert.match(r.out, /^✓ .*2025-clean\.nianbao\.json：没有/m);
    assert.match(r.out, new RegExp(`共 ${summaries.length} 个文件：\\d+ 个有错误，\\d+ 个没有错误(（其中 \\d+ 个有未核实的警告）)?。`));
  });

  it('exits 2 for an unreadable, invalid or newer file, still checking the others', () => {
    const bad = join(tmp.path, 'bad.nianbao.json');
    writeFileSync(bad, '{ "schema": "nianbao.report/1", ');
    const newer = join(tmp.path, 'newer.nianbao.json');
    writeFileSync(newer, JSON.stringify({ schema: 'nianbao.report/2', formatId: 'gov-2031' }));
    const r = validate(bad, newer, join(tmp.path, 'missing.nianbao.json'), fixture('2025-clean.nianbao.json'));
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.out, /✗ .*bad\.nianbao\.json：无法校验。文件不是有效的 JSON/);
    assert.match(r.out, /✗ .*newer\.nianbao\.json：无法校验。这个报告文件由较新版本的年报编制助手保存/);
    assert.match(r.out, /✗ .*missing\.nianbao\.json：无法校验。找不到/);
    assert.match(r.out, /✓ .*2025-clean\.nianbao\.json：没有/);
  });

  it('exits 2 on bad usage', () => {
    const none = validate();
    assert.equal(none.code, 2);
    assert.match(none.err, /请写出要校验的报告文件或文件夹/);
    const unknown = validate('--strikt', fixture('2025-clean.nianbao.json'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /不认识的选项：--strikt/);
    assert.match(unknown.err, /用法：nianbao validate/);
    const noPath = validate(fixture('2025-clean.nianbao.json'), '--previous');
    assert.equal(noPath.code, 2);
    assert.match(noPath.err, /--previous 后面要写上一年度报告文件的路径/);
    const twice = validate('--previous', 'a.nianbao.json', '--previous=b.nianbao.json', fixture('2025-clean.nianbao.json'));
    assert.equal(twice.code, 2);
    assert.match(twice.err, /--previous 只能写一次/);
    const valued = validate('--json=yes', fixture('2025-clean.nianbao.json'));
    assert.equal(valued.code, 2);
    assert.match(valued.err, /选项 --json 的写法不对/);
    const badPrevious = validate('--previous', join(tmp.path, 'nope.json'), fixture('2025-clean.nianbao.json'));
    assert.equal(badPrevious.code, 2);
    assert.match(badPrevious.err, /上一年度报告 .*nope\.json 无法读取/);
  });

  it('--strict passes the clean fixture, fails a file with warnings too (exit 1); acknowledged warnings do not count', () => {
    // The clean fixture has no warning at all (issue 19: a clean report passes --strict).
    const clean = validate('--strict', fixture('2025-clean.nianbao.json'));
    assert.equal(clean.code, 0, clean.out + clean.err);
    assert.match(clean.out, /^✓ .*2025-clean\.nianbao\.json：没有发现问题/m);
    // The same report saying 5 applications where its table has 4: a warning only, exit 0, strict exit 1.
    const doc = JSON.parse(readFileSync(fixture('2025-clean.nianbao.json'), 'utf8'));
    assert.match(doc.sections.overview, /新收政府信息公开申请4件/);
    for (const k of Object.keys(doc.sections)) doc.sections[k] = doc.sections[k].replace('新收政府信息公开申请4件', '新收政府信息公开申请5件');
    const warned = join(tmp.path, 'warned.nianbao.json');
    writeFileSync(warned, JSON.stringify(doc));
    const plain = validate(warned);
    assert.equal(plain.code, 0, plain.out + plain.err);
    assert.match(plain.out, /^✓ .*warned\.nianbao\.json：没有错误，\d+ 个警告/m);
    const strict = validate('--strict', warned);
    assert.equal(strict.code, 1, strict.out + strict.err);
    assert.match(strict.out, /^✗ .*warned\.nianbao\.json：没有错误，(\d+) 个警告/m);
    const json = validate('--strict', '--json', warned);
    assert.equal(json.code, 1);
    const [entry] = JSON.parse(json.out) as { file: string; ok: boolean; findings: { id: string; severity: string }[] }[];
    assert.deepEqual(Object.keys(entry).sort(), ['file', 'findings', 'ok']);
    assert.equal(entry.ok, false);
    // Every warning marked as reviewed: strict passes.
    doc.acknowledgements = Object.fromEntries(
      entry.findings.filter((f) => f.severity !== 'error').map((f) => [f.id, { reason: '已与原件核对', at: '2026-01-20' }]),
    );
    const acked = join(tmp.path, 'acked.nianbao.json');
    writeFileSync(acked, JSON.stringify(doc));
    const ackedRun = validate('--strict', acked);
    assert.equal(ackedRun.code, 0, ackedRun.out);
    assert.match(ackedRun.out, /^✓ .*acked\.nianbao\.json：没有错误和警告，\d+ 条已核实/m);
    // Errors fail with or without --strict.
    assert.equal(validate('--strict', fixture('2025-broken-balance.nianbao.json')).code, 1);
  });

  it('prints a whole county’s --json report through a pipe (200 files, one broken), and it parses', () => {
    const county = join(tmp.path, 'county');
    mkdirSync(county);
    const base = JSON.parse(readFileSync(fixture('2025-clean.nianbao.json'), 'utf8'));
    for (let i = 0; i < 200; i++) {
      // Each township's report copied from 小陶镇's without changing the narrative: a warning with a
      // long quote per file makes the output far larger than a pipe's buffer.
      const doc = structuredClone(base);
      doc.unit.name = doc.signature = `某县第${i}镇人民政府`;
      doc.title = `${doc.unit.name}2025年政府信息公开工作年度报告`;
      if (i === 137) doc.cells['t3.carried_forward.natural_person'] += 2;
      writeFileSync(join(county, `第${i}镇.nianbao.json`), JSON.stringify(doc));
    }
    // Through a shell pipe to a reader slower than the writer (as `| jq` or a county script would
    // be): output still queued when the command ends would be lost.
    const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
    const line = `${[...command, 'validate', county, '--json'].map(quote).join(' ')}; echo "exit=$?" >&2`;
    const r = spawnSync('sh', ['-c', `{ ${line}; } | { sleep 2; cat; }`], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.match(r.stderr, /exit=1/);
    assert.ok(r.stdout.length > 96 * 1024, `output of ${r.stdout.length} bytes is larger than a pipe buffer`);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; findings: { rule: string }[] }[];
    assert.equal(results.length, 200);
    assert.ok(results.every((x) => x.findings.some((f) => f.rule === 'review.unit_name')));
    const broken = results.filter((x) => !x.ok);
    assert.deepEqual(
      broken.map((x) => x.file.endsWith('第137镇.nianbao.json')),
      [true],
    );
    assert.ok(broken[0].findings.some((f) => f.rule === 't3.balance'));
  });
});
