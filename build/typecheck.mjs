// Typechecks every process kind with its own tsconfig (see tsconfig.json). Exit code is tsc's.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
let failed = false;
for (const project of ['shared', 'electron', 'renderer', 'test']) {
  const r = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
if (failed) {
  console.error('typecheck failed');
  process.exit(1);
}
console.log('typecheck ok: shared, electron, renderer, test');
