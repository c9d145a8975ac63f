// Crash and power: the real browser host (dist/host.mjs) in a child process on a real SQLite file,
// a client typing through its HTTP API (every edit a higher figure in a real cell, plus the section text), and a
// SIGKILL at a random moment while edits are in flight. After each kill the file must pass
// SQLite's integrity check and hold every edit the host acknowledged; the next start on the same
// folder must succeed (the data-folder lock dies with the process).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectNode, STARTED_LINE } from './host';
import { formatModel } from '../../shared/formats/index';
import { repoRoot, tempDir } from './temp';

export interface KillFigures {
  rounds: number;
  /** edits the host answered ok before it was killed */
  acknowledged: number;
  /** acknowledged edits not in the file afterwards (must be 0) */
  lost: number;
  /** files failing PRAGMA integrity_check after a kill (must be 0) */
  integrityFailures: number;
  /** starts after a kill that failed or reported a damaged file (must be 0) */
  startFailures: number;
  examples: string[];
}

export interface Running {
  child: ChildProcess;
  origin: string;
  token: string;
  output: () => string;
}

export async function spawnHost(dataDir: string): Promise<Running> {
  const child = spawn(projectNode(), [join(repoRoot, 'dist', 'host.mjs'), '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (out += d));
  const m = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (d: string) => {
      out += d;
      const found = STARTED_LINE.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before starting:\n${out}`));
    });
  });
  return { child, origin: `http://127.0.0.1:${m[2]}`, token: m[3], output: () => out };
}

async function call(h: Running, method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { message: string } }> {
  const res = await fetch(`${h.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': h.token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: any; error?: { message: string } };
}

/** The cells a clerk fills in (件数); the API refuses cells that do not exist and computed totals. */
const INPUT_KEYS = [...formatModel('gov-2021').byKey.values()].filter((c) => !c.derived && c.kind === 'count').map((c) => c.key);
/** Edit e of a round: a real cell, and a figure higher than any earlier edit of that cell. */
const cellEdit = (round: number, edit: number) => ({ key: INPUT_KEYS[edit % INPUT_KEYS.length], value: round * 100_000 + edit });

export async function killRounds(
  rounds: number,
  options: {
    minDelayMs?: number;
    maxDelayMs?: number;
    log?: (line: string) => void;
    /** delete the -wal while typing goes on, then kill 100–300 ms later (issue 20: the edits must reach the data file) */
    deleteWal?: boolean;
  } = {},
): Promise<KillFigures> {
  const dir = tempDir('kill-rounds');
  const figures: KillFigures = { rounds: 0, acknowledged: 0, lost: 0, integrityFailures: 0, startFailures: 0, examples: [] };
  /** per cell, the highest figure the host acknowledged; a later (unacknowledged) edit may have stored a higher one */
  const acked = new Map<string, number>();
  let ackedEdits = 0;
  let lastText = -1;
  const minDelay = options.minDelayMs ?? 30;
  const maxDelay = options.maxDelayMs ?? 400;
  try {
    let reportId = 0;
    for (let round = 0; round < rounds; round++) {
      let h: Running;
      try {
        h = await spawnHost(dir.path);
      } catch (err) {
        figures.startFailures++;
        if (figures.examples.length < 5) figures.examples.push(`round ${round}: ${String(err).slice(0, 300)}`);
        continue;
      }
      const info = await call(h, 'appInfo', {});
      if (!info.ok || info.value.startupProblem) {
        figures.startFailures++;
        if (figures.examples.length < 5) figures.examples.push(`round ${round}: start-up check: ${JSON.stringify(info.value?.startupProblem ?? info.error)}`);
      }
      if (round === 0) {
        await call(h, 'saveUnit', { name: '断电测试镇人民政府', kind: 'township' });
        reportId = (await call(h, 'createReport', { year: 2025, formatId: 'gov-2021' })).value.id;
      }
      // Type until killed: each edit waits for its answer, as the page's save queue does; two
      // streams (cells and the section text) keep writes in flight when the kill lands.
      let stop = false;
      const typeCells = async () => {
        for (let e = 0; !stop; e++) {
          const { key, value } = cellEdit(round, e);
          try {
            const r = await call(h, 'setCells', { id: reportId, cells: { [key]: value } });
            if (r.ok && !stop) {
              acked.set(key, value);
              ackedEdits++;
            }
          } catch {
            return; // the connection died with the host
          }
        }
      };
      const typeText = async () => {
        for (let e = 0; !stop; e++) {
          const n = round * 100_000 + e;
          try {
            const r = await call(h, 'setSection', { id: reportId, key: 'overview', text: `本年度共收到申请若干件。第${n}次输入` });
            if (r.ok && !stop) lastText = n;
          } catch {
            return;
          }
        }
      };
      const typing = Promise.all([typeCells(), typeText()]);
      await new Promise((r) => setTimeout(r, minDelay + Math.random() * (maxDelay - minDelay)));
      if (options.deleteWal) {
        rmSync(join(dir.path, 'nianbao.sqlite-wal'), { force: true });
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
      const exited = new Promise((r) => h.child.once('exit', r));
      // Acknowledgements that arrive after this line may be for edits the kill cut short: only
      // those received before it count (stop is set first, so none is counted after).
      stop = true;
      h.child.kill('SIGKILL');
      await exited;
      await typing;
      figures.rounds++;

      // The file as the next start will find it, read without changing it.
      const db = new Database(join(dir.path, 'nianbao.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') {
          figures.integrityFailures++;
          if (figures.examples.length < 5) figures.examples.push(`round ${round}: integrity_check ${String(check)}`);
        }
        // A file that lost everything (its tables only ever in a deleted -wal) holds none of the edits.
        const read = <T>(f: () => T, none: T): T => {
          try {
            return f();
          } catch {
            return none;
          }
        };
        const present = new Map(
          read(() => db.prepare('SELECT cell_key, value FROM cells WHERE report_id = ?').all(reportId) as { cell_key: string; value: number }[], []).map(
            (c) => [c.cell_key, c.value],
          ),
        );
        const text = String(
          read(() => db.prepare(`SELECT text FROM section_texts WHERE report_id = ? AND section_key = 'overview'`).pluck().get(reportId), '') ?? '',
        );
        const stored = Number(/第(\d+)次输入$/.exec(text)?.[1] ?? -1);
        const missing = [...acked].filter(([k, v]) => !((present.get(k) ?? -1) >= v)).map(([k, v]) => `${k}=${v}`);
        const textLost = stored < lastText ? 1 : 0;
        figures.lost = missing.length + textLost;
        if ((missing.length || textLost) && figures.examples.length < 5)
          figures.examples.push(`round ${round}: lost ${missing.slice(0, 3).join(', ')} text ${stored} < ${lastText}`);
      } finally {
        db.close();
      }
      options.log?.(`kill round ${round + 1}/${rounds}: ${ackedEdits} edits acknowledged so far, ${figures.lost} lost`);
    }
    figures.acknowledged = ackedEdits + (lastText >= 0 ? 1 : 0);
    // A last start must also succeed and see everything.
    if (existsSync(join(dir.path, 'nianbao.sqlite'))) {
      const h = await spawnHost(dir.path).catch(() => null);
      if (!h) figures.startFailures++;
      else {
        h.child.kill('SIGTERM');
        await new Promise((r) => h.child.once('exit', r));
      }
    }
    return figures;
  } finally {
    dir.cleanup();
  }
}
