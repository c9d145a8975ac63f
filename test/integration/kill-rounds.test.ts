// Crash and power, the short run: the real host killed with SIGKILL while a client types through
// its API, five times on one data folder. 100 rounds and more run in test/bench/soak.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { killRounds } from '../support/kill-rounds';
import { repoRoot } from '../support';

test(
  'SIGKILL during typing: the file passes integrity_check, no acknowledged edit is lost, the next start succeeds',
  { skip: !existsSync(join(repoRoot, 'dist', 'host.mjs')) && 'run node build/build.mjs first' },
  async () => {
    const f = await killRounds(5);
    assert.equal(f.rounds, 5);
    assert.ok(f.acknowledged > 10, `edits were acknowledged before the kills (${f.acknowledged})`);
    assert.equal(f.integrityFailures, 0, f.examples.join('\n'));
    assert.equal(f.lost, 0, f.examples.join('\n'));
    assert.equal(f.startFailures, 0, f.examples.join('\n'));
  },
);

test(
  'SIGKILL after the -wal was deleted while typing: the edits reach the data file at the next save, no acknowledged edit is lost',
  { skip: !existsSync(join(repoRoot, 'dist', 'host.mjs')) && 'run node build/build.mjs first' },
  async () => {
    const f = await killRounds(4, { deleteWal: true });
    assert.equal(f.rounds, 4);
    assert.ok(f.acknowledged > 10, `edits were acknowledged before the kills (${f.acknowledged})`);
    assert.equal(f.integrityFailures, 0, f.examples.join('\n'));
    assert.equal(f.lost, 0, f.examples.join('\n'));
    assert.equal(f.startFailures, 0, f.examples.join('\n'));
  },
);
