// The shape of the code: no import cycles anywhere in the program (type-only imports included — a
// cycle of types is still two modules that cannot be understood apart), and source files small
// enough to read. Read from the real source tree, so a new cycle fails here before it confuses anyone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['shared', 'electron', 'renderer'];
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('vite.config.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The project files a module imports (relative specifiers only; packages are leaves). */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
    const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (hit) found.push(hit);
  }
  return found;
}

/** Strongly connected components with more than one module (or a module importing itself): the cycles. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));

test('the cycle finder sees a cycle and a self-import, and passes a tree', () => {
  assert.deepEqual(
    cycles(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['a']],
      ]),
    ),
    [['a', 'b', 'c']],
  );
  assert.deepEqual(cycles(new Map([['a', ['a']]])), [['a']]);
  assert.deepEqual(
    cycles(
      new Map([
        ['a', ['b', 'c']],
        ['b', ['c']],
        ['c', []],
      ]),
    ),
    [],
  );
  const probe = "import type { A } from '../shared/api';\nexport { b } from './missing';\nconst c = await import('../shared/number');";
  assert.deepEqual(importsOf(join(ROOT, 'x/y.ts'), probe), [join(ROOT, 'shared/api.ts'), join(ROOT, 'shared/number.ts')]);
});

test('no import cycles in shared/, electron/ and renderer/ (type-only imports included)', () => {
  assert.ok(files.length > 50, `found only ${files.length} source files`);
  const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
  const found = cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' ↔ '));
  assert.deepEqual(found, [], `import cycles:\n${found.join('\n')}`);
});

test(`no source file longer than ${MAX_LINES} lines`, () => {
  const long = files
    .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines}`);
  assert.deepEqual(long, [], `split these by job:\n${long.join('\n')}`);
});

test("the page never opens the browser's own dialogs (English buttons and a 'prevent additional dialogs' box in Electron)", () => {
  // alert(…), confirm(…), prompt(…) on their own or on window; a method of that name on another object is fine.
  const native = /(?:^|[^.\w])(?:alert|confirm|prompt)\(|window\.(?:alert|confirm|prompt)\(/m;
  const offenders = sourceFiles(join(ROOT, 'renderer'))
    .filter((file) => native.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '')))
    .map((file) => relative(ROOT, file));
  assert.deepEqual(offenders, []);
});
