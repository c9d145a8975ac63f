// Temporary folders and the artifacts folder for tests. Every temp dir is removed by its
// cleanup(), and anything left over is removed when the test process exits.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TempDir {
  path: string;
  /** removes the folder and everything in it; safe to call twice */
  cleanup(): void;
}

const pending = new Set<string>();
let exitHookInstalled = false;

export function tempDir(prefix = 'nianbao-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix.endsWith('-') ? prefix : `${prefix}-`));
  pending.add(path);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of pending) rmSync(p, { recursive: true, force: true });
    });
  }
  return {
    path,
    cleanup() {
      pending.delete(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** test-artifacts/ at the repo root (git-ignored): screenshots and files worth looking at after a run. */
export function artifactsDir(sub = ''): string {
  const dir = join(repoRoot, 'test-artifacts', sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
