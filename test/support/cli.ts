// How the tests run the `nianbao` command: the installed command (bin/nianbao.mjs → dist/cli.mjs)
// when the build is current, as after `npm test`; otherwise the same entry point from source, so a
// stale build never hides a change.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './temp';

/** Newest modification time of the files under dir. */
function newestSource(dir: string): number {
  let newest = 0;
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else newest = Math.max(newest, s.mtimeMs);
  };
  walk(join(repoRoot, dir));
  return newest;
}

const built = join(repoRoot, 'dist/cli.mjs');
/** true when the tests run the built command */
export const useBuilt = existsSync(built) && statSync(built).mtimeMs >= Math.max(newestSource('shared'), newestSource('electron/core'));

/** The command line that starts `nianbao` (program first), on the Node running the tests. */
export const nianbaoCommand: readonly string[] = useBuilt
  ? [process.execPath, join(repoRoot, 'bin/nianbao.mjs')]
  : [process.execPath, '--import', 'tsx', join(repoRoot, 'electron/core/cli/main.ts')];
