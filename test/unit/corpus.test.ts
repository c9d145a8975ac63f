// The instrument's guard (issue 19 §1): the clean corpus stays at 0 warnings and 0 errors, the
// planted mistakes are what the generator makes of phrasings.json, and no class's caught count
// falls below the committed baseline (test/corpus/baseline.json; raise it when a class improves).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { CLASSES, CORPUS_DIR, loadClean, loadPlanted, runEval } from '../corpus/lib';
import { makeMistakes, type PhrasingEntry } from '../corpus/tools/make-mistakes';

const clean = loadClean();
const planted = loadPlanted();
const result = runEval(clean, planted);

test('the clean corpus raises no warning and no error', () => {
  const alarms = result.clean.flatMap((c) => c.alarms.map((f) => `${c.name}: [${f.severity}] ${f.rule} ${f.where || f.message}`));
  assert.deepEqual(alarms, []);
});

const PHRASINGS = join(CORPUS_DIR, 'mistakes', 'phrasings.json');
test('generated.json is what make-mistakes writes from phrasings.json and the clean corpus', { skip: !existsSync(PHRASINGS) && 'no phrasings yet' }, () => {
  const raw = JSON.parse(readFileSync(PHRASINGS, 'utf8')) as PhrasingEntry[] | { entries: PhrasingEntry[] };
  const { mistakes } = makeMistakes(Array.isArray(raw) ? raw : raw.entries, clean);
  assert.deepEqual(
    planted.map((p) => p.id),
    mistakes.map((p) => p.id),
  );
  assert.deepEqual(planted, JSON.parse(JSON.stringify(mistakes)));
});

test('each class of planted mistakes is caught at least as often as the baseline', () => {
  const baseline = JSON.parse(readFileSync(join(CORPUS_DIR, 'baseline.json'), 'utf8')) as Record<string, number>;
  for (const cls of Object.keys(baseline)) assert.ok(CLASSES.includes(cls), `unknown class in baseline: ${cls}`);
  const below = Object.entries(baseline)
    .filter(([cls, n]) => (result.classes[cls]?.caught ?? 0) < n)
    .map(([cls, n]) => `${cls}: ${result.classes[cls]?.caught ?? 0} < ${n}`);
  assert.deepEqual(below, []);
});
