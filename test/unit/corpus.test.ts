// The instrument's guard (issue 19 §1): the clean corpus stays at 0 warnings and 0 errors, each
// planted mistake is what the generator makes of its phrasings.json entry in its clean report (new
// clean reports may join the corpus without regenerating), and no class's caught count falls below
// the committed baseline (test/corpus/baseline.json; raise it when a class improves).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { CLASSES, CORPUS_DIR, loadClean, loadPlanted, runEval } from '../corpus/lib';
import { plant, type PhrasingEntry } from '../corpus/tools/make-mistakes';

const clean = loadClean();
const planted = loadPlanted();
const result = runEval(clean, planted);

test('the clean corpus raises no warning and no error', () => {
  const alarms = result.clean.flatMap((c) => c.alarms.map((f) => `${c.name}: [${f.severity}] ${f.rule} ${f.where || f.message}`));
  assert.deepEqual(alarms, []);
});

const PHRASINGS = join(CORPUS_DIR, 'mistakes', 'phrasings.json');
test('every planted mistake comes from phrasings.json and still applies to its clean report', { skip: !existsSync(PHRASINGS) && 'no phrasings yet' }, () => {
  const raw = JSON.parse(readFileSync(PHRASINGS, 'utf8')) as PhrasingEntry[] | { entries: PhrasingEntry[] };
  const entries = new Map((Array.isArray(raw) ? raw : raw.entries).map((e) => [e.id, e]));
  const names = new Map(clean.map((c) => [c.name, c.doc]));
  assert.ok(planted.length >= 250, `${planted.length} planted mistakes`);
  for (const cls of CLASSES)
    assert.ok(
      planted.some((p) => p.class === cls),
      `no planted mistake of class ${cls}`,
    );
  for (const p of planted) {
    assert.equal(entries.get(p.entry)?.class, p.class, p.id);
    const base = names.get(p.base);
    assert.ok(base, `${p.id}: no clean report ${p.base}`);
    // The edit is the one the generator makes of the entry in that report today.
    assert.deepEqual(plant(entries.get(p.entry)!, base), JSON.parse(JSON.stringify(p.edits)), p.id);
  }
});

test('each class of planted mistakes is caught at least as often as the baseline', () => {
  const baseline = JSON.parse(readFileSync(join(CORPUS_DIR, 'baseline.json'), 'utf8')) as Record<string, number>;
  for (const cls of Object.keys(baseline)) assert.ok(CLASSES.includes(cls), `unknown class in baseline: ${cls}`);
  const below = Object.entries(baseline)
    .filter(([cls, n]) => (result.classes[cls]?.caught ?? 0) < n)
    .map(([cls, n]) => `${cls}: ${result.classes[cls]?.caught ?? 0} < ${n}`);
  assert.deepEqual(below, []);
});
