// review.typo's lexicon (issue 19 part B): several hundred terms read from shared/formats and the
// terms data, the confusions it accepts, and no typo read in real published paragraphs (the
// corpus sources, copied from township and street reports with their addresses).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { findTermTypos, formatLabels, lexiconSize } from '../../shared/review/lexicon';
import { confusion } from '../../shared/review/lexicon-confusion';

test('the lexicon holds several hundred terms, every official label among them', () => {
  assert.ok(lexiconSize() >= 500, `${lexiconSize()} terms`);
  const labels = formatLabels();
  for (const l of ['收到和处理政府信息公开申请情况', '本机关不掌握相关政府信息', '行政事业性收费', '复议后起诉']) assert.ok(labels.includes(l), l);
});

test('homophones (tones and fuzzy zh/z, -ng/-n ignored) and look-alikes, never another reading of a polyphone', () => {
  assert.equal(confusion('请', '情'), 'homophone');
  assert.equal(confusion('诉', '述'), 'near-homophone');
  assert.equal(confusion('兴', '新'), 'near-homophone');
  assert.equal(confusion('予', '子'), 'look-alike');
  assert.equal(confusion('或', '和'), null);
  assert.equal(confusion('公', '办'), null);
});

test('a typo is named with its term; the words right as written are not', () => {
  const one = (t: string) => findTermTypos(t).map((x) => `${x.written}→${x.term}`);
  assert.deepEqual(one('全年共收到依申情公开申请4件。'), ['依申情公开→依申请公开']);
  assert.deepEqual(one('均已半结并公开。'), ['均已半结→均已办结']);
  assert.deepEqual(one('共半结6件。'), ['半结→办结']);
  assert.deepEqual(one('申请仁为自然人。'), ['申请仁→申请人']);
  assert.deepEqual(one('（一）主动工开。'), ['主动工开→主动公开']);
  assert.deepEqual(one('复议机关维待原答复。'), ['维待原答复→维持原答复']);
  for (const t of [
    '配备查阅电脑1台。',
    '党政班子成员分工负责。',
    '制订年度计划，其它事项另行公开。',
    '同一申请人多次申请。',
    '社区事务公开清单。',
    '其余一半结转下年度。',
    '法律顾问审合同。',
    '复议机关维持原答复，有待进一步完善。',
  ])
    assert.deepEqual(one(t), [], t);
});

test('no typo is read in the real published paragraphs of the corpus sources', () => {
  const dir = new URL('../corpus/sources/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  let read = 0;
  for (const f of files) {
    for (const p of JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { url: string; text: string }[]) {
      read++;
      assert.deepEqual(
        findTermTypos(p.text).map((x) => x.written),
        [],
        p.url,
      );
    }
  }
  assert.ok(read >= 100, `${read} paragraphs`);
});
