// Soak: the fault and abuse figures of issue 13, printed (asserts nothing; the same checks run
// smaller in `npm test`). Part of `npm run bench`; alone: `node --import tsx test/bench/soak.ts`.
// Sizes: SOAK_FUZZ_CALLS (default 50,000), SOAK_KILL_ROUNDS (default 100), SOAK_FLIPS (default 200),
// SOAK_LOST_STARTS (default 60), SOAK_WAL_KILLS (default 20). SOAK_ONLY=store runs only the data-file
// figures of issue 20 (lost data files, -wal deleted before kills, text flips against the checksum).
// SOAK_SQUAT_ROUNDS (default 10). The browser host's part alone: `node --import tsx test/bench/soak.ts --host`.
import { closeSync, copyFileSync, cpSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fuzzApi } from '../support/api-fuzz';
import { killRounds } from '../support/kill-rounds';
import { hostileFiles } from '../support/hostile-files';
import { tempDir } from '../support/temp';
import { readReportSource } from '../../electron/core/import/index';
import { openStore, DB_FILE_NAME, StoreError } from '../../electron/core/store/index';
import { checkDataFile } from '../../electron/core/store/startup';
import { ReportDocSchema } from '../../shared/report';
import { fullReport } from '../fixtures/full-report';
import { englishProbe, squatRounds } from '../support/host-soak';

const FUZZ_CALLS = Number(process.env.SOAK_FUZZ_CALLS) || 50_000;
const KILL_ROUNDS = Number(process.env.SOAK_KILL_ROUNDS) || 100;
const FLIPS = Number(process.env.SOAK_FLIPS) || 200;
const LOST_STARTS = Number(process.env.SOAK_LOST_STARTS) || 60;
const WAL_KILLS = Number(process.env.SOAK_WAL_KILLS) || 20;
const SQUAT_ROUNDS = Number(process.env.SOAK_SQUAT_ROUNDS) || 10;

/** Issue 20: a squatter on the host's remembered port, and the messages of bad input. */
export async function hostSoak(): Promise<string[]> {
  const t = performance.now();
  const s = await squatRounds(SQUAT_ROUNDS);
  const e = await englishProbe();
  return [
    `  squatter rounds (the program closed, another program on its port, then the program back): ${s.rounds}，用时 ${((performance.now() - t) / 1000).toFixed(1)} s`,
    `  edits acknowledged by the squatter: ${s.acknowledgedBySquatter}（应为 0）；tokens or session keys sent to it: ${s.tokensSent}（应为 0）；edits sent to it: ${s.editsSent}（应为 0）；requests it received: ${s.requestsToSquatter}（only hellos with a nonce）`,
    `  edits stored by the real program once back: ${s.storedAfter}/${s.rounds}`,
    `  English messages to the user: ${e.english.length}（应为 0）of ${e.tried} bad inputs (command line, second start, host refusals)`,
    ...e.english.map((x) => `    ${x}`),
  ];
}

async function hostile(): Promise<string[]> {
  const files = await hostileFiles();
  let refused = 0;
  let readOk = 0;
  let wrong = 0;
  let maxMs = 0;
  let maxMb = 0;
  const lines: string[] = [];
  for (const f of files) {
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    let outcome: string;
    try {
      const r = await readReportSource(f.fileName, f.bytes);
      const same = f.sameAs ? JSON.stringify(r) === JSON.stringify(await readReportSource(f.sameAs.fileName, f.sameAs.bytes)) : true;
      const ok = f.expect === 'read' && same && (!f.contains || JSON.stringify(r.report).includes(JSON.stringify(f.contains).slice(1, -1)));
      outcome = ok ? '读入，与 UTF-8 原样一致' : '读入（不应读入或读错）';
      if (ok) readOk++;
      else wrong++;
    } catch (err) {
      const chinese = /[\u4e00-\u9fff]/.test(String((err as Error).message));
      const ok = f.expect === 'refused' && chinese && (!f.message || f.message.test((err as Error).message));
      outcome = ok ? `拒绝：${(err as Error).message.slice(0, 50)}…` : `错误：${String(err).slice(0, 80)}`;
      if (ok) refused++;
      else wrong++;
    }
    const ms = performance.now() - t;
    const mb = Math.max(0, (process.memoryUsage().rss - rss) / 1024 / 1024);
    maxMs = Math.max(maxMs, ms);
    maxMb = Math.max(maxMb, mb);
    lines.push(`    ${f.name}（${(f.bytes.length / 1024).toFixed(0)} KB）：${ms.toFixed(0)} ms，内存增长 ${mb.toFixed(0)} MB，${outcome}`);
  }
  const mustRefuse = files.filter((f) => f.expect === 'refused').length;
  return [
    `  hostile files tried: ${files.length}（应拒绝 ${mustRefuse}，应正确读入 ${files.length - mustRefuse}）`,
    `  hostile files refused with a Chinese message: ${refused}/${mustRefuse}；read correctly: ${readOk}/${files.length - mustRefuse}；wrong outcome: ${wrong}（应为 0）`,
    `  slowest ${maxMs.toFixed(0)} ms, largest RSS growth ${maxMb.toFixed(0)} MB per file`,
    ...lines,
  ];
}

/** Random single-byte flips in a real data file: how many the start-up check finds. */
async function flips(): Promise<string[]> {
  const dir = tempDir('soak-flips');
  try {
    const store = await openStore(dir.path, { backupAtOpen: false });
    const u = store.saveUnit(fullReport().unit);
    for (let y = 2019; y <= 2025; y++)
      store.createReport(u.id, ReportDocSchema.parse({ ...fullReport(), formatId: y < 2021 ? 'gov-2019' : 'gov-2021', year: y }));
    store.close();
    const original = join(dir.path, 'original.sqlite');
    copyFileSync(join(dir.path, DB_FILE_NAME), original);
    const size = statSync(original).size;
    const pageSize = 4096;
    let detected = 0;
    let structural = 0;
    let structuralDetected = 0;
    const probe = join(dir.path, 'probe');
    for (let i = 0; i < FLIPS; i++) {
      // Half at random, half in the header of a random b-tree page (its first 8 bytes: structure, not data).
      const at =
        i % 2 === 0 ? Math.floor(Math.random() * size) : pageSize * (1 + Math.floor(Math.random() * (size / pageSize - 1))) + Math.floor(Math.random() * 8);
      copyFileSync(original, join(dir.path, DB_FILE_NAME));
      const fd = openSync(join(dir.path, DB_FILE_NAME), 'r+');
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, at);
      b[0] ^= 1 << Math.floor(Math.random() * 8);
      writeSync(fd, b, 0, 1, at);
      closeSync(fd);
      const inPageHeader = at % pageSize < 8 && at >= pageSize;
      if (inPageHeader) structural++;
      let found = false;
      try {
        found = !checkDataFile(join(dir.path, DB_FILE_NAME), probe).ok;
      } catch (err) {
        found = err instanceof StoreError;
      }
      if (found) detected++;
      if (found && inPageHeader) structuralDetected++;
    }
    return [
      `  byte flips at random places in a ${(size / 1024).toFixed(0)} KB data file: ${FLIPS}; found by the start-up check: ${detected}`,
      `    in b-tree page headers: ${structural}, found ${structuralDetected}; elsewhere: ${FLIPS - structural}, found ${detected - structuralDetected} (most land in free space or inside stored values, which SQLite keeps no checksum for: a flipped digit reads as another digit)`,
    ];
  } finally {
    dir.cleanup();
  }
}

async function twoInstances(): Promise<string[]> {
  const dir = tempDir('soak-two');
  try {
    const first = await openStore(dir.path);
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      try {
        (await openStore(dir.path)).close();
      } catch (err) {
        if (err instanceof StoreError && err.code === 'conflict' && /另一个年报编制助手/.test(err.message)) refused++;
      }
    }
    first.close();
    return [`  second instance on a data folder in use: 20 tries, refused with the message ${refused}`];
  } finally {
    dir.cleanup();
  }
}

/**
 * Issue 20: a data file gone, emptied to 0 bytes or replaced by another program's file while the
 * backups hold the reports. Every start must say so and offer the backup (a silent first run is a
 * failure); ten ordinary starts afterwards must keep that backup.
 */
async function lostDataFiles(): Promise<string[]> {
  const dir = tempDir('soak-lost');
  try {
    const template = join(dir.path, 'template');
    let store = await openStore(template);
    const u = store.saveUnit(fullReport().unit);
    store.createReport(u.id, ReportDocSchema.parse({ ...fullReport(), year: 2025 }));
    store.close();
    store = await openStore(template);
    store.close();
    const scenarios: [string, (path: string) => void][] = [
      ['missing', (path) => rmSync(path)],
      ['0 bytes', (path) => writeFileSync(path, '')],
      [
        'foreign',
        (path) => {
          rmSync(path);
          const db = new Database(path);
          db.exec(`CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('别的程序')`);
          db.close();
        },
      ],
    ];
    let silent = 0;
    let offered = 0;
    let rotatedAway = 0;
    const examples: string[] = [];
    for (let i = 0; i < LOST_STARTS; i++) {
      const [name, damage] = scenarios[i % scenarios.length];
      const data = join(dir.path, `round-${i}`);
      cpSync(template, data, { recursive: true });
      damage(join(data, DB_FILE_NAME));
      store = await openStore(data);
      const offer = store.startupProblem?.offer ?? null;
      if (store.startupProblem?.kind !== 'lost' || !offer) {
        silent++;
        if (examples.length < 3) examples.push(`    ${name}: ${JSON.stringify(store.startupProblem)}`);
      } else offered++;
      store.close();
      // Every third round: ten ordinary starts on the emptied file, then is the offered backup still there?
      if (offer && i % 3 === 0) {
        for (let k = 0; k < 10; k++) (await openStore(data)).close();
        store = await openStore(data);
        if (!store.listBackups().some((b) => b.fileName === offer.fileName)) rotatedAway++;
        store.close();
      }
      rmSync(data, { recursive: true, force: true });
    }
    return [
      `  data file missing / 0 bytes / another program's, with backups holding reports: ${LOST_STARTS} starts; restore offered ${offered}; silent first runs: ${silent}（应为 0）`,
      `  ten ordinary starts afterwards: the offered backup rotated away ${rotatedAway} times（应为 0）`,
      ...examples,
    ];
  } finally {
    dir.cleanup();
  }
}

/** Random bit flips inside stored report text: SQLite's integrity check against the per-report checksum. */
async function textFlips(): Promise<string[]> {
  const dir = tempDir('soak-text-flips');
  try {
    let store = await openStore(dir.path, { backupAtOpen: false });
    const u = store.saveUnit(fullReport().unit);
    store.createReport(u.id, ReportDocSchema.parse({ ...fullReport(), year: 2025 }));
    const text = store.requireReport(1).doc.sections.overview ?? '';
    const before = JSON.stringify(store.requireReport(1).doc);
    store.close();
    const path = join(dir.path, DB_FILE_NAME);
    const original = readFileSync(path);
    const at = original.indexOf(Buffer.from(text.slice(0, 20)));
    const rounds = Math.min(FLIPS, 100);
    let passIntegrity = 0;
    let found = 0;
    let changed = 0;
    let unseen = 0;
    for (let i = 0; i < rounds; i++) {
      const bytes = Buffer.from(original);
      bytes[at + Math.floor(Math.random() * Math.min(Buffer.byteLength(text), 3000))] ^= 1 << Math.floor(Math.random() * 8);
      writeFileSync(path, bytes);
      const check = new Database(path, { readonly: true });
      const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
      check.close();
      if (!ok) continue;
      passIntegrity++;
      for (const f of ['damaged', 'logs', 'nianbao.sqlite-session']) rmSync(join(dir.path, f), { recursive: true, force: true });
      store = await openStore(dir.path, { backupAtOpen: false });
      const changedText = JSON.stringify(store.getReport(1)?.doc) !== before;
      if (changedText) changed++;
      if (store.startupProblem) found++;
      else if (changedText) unseen++;
      store.close();
      writeFileSync(path, original);
    }
    return [
      `  bit flips inside stored report text: ${rounds}; passing SQLite's integrity_check: ${passIntegrity}; of those changing the report: ${changed}, found by the report checksum at start: ${found}; report changed unseen: ${unseen}（应为 0）`,
    ];
  } finally {
    dir.cleanup();
  }
}

/** The data-file figures of issue 20 alone (SOAK_ONLY=store). */
export async function benchStoreSoak(): Promise<string[]> {
  const out = [...(await lostDataFiles())];
  const t = performance.now();
  const k = await killRounds(WAL_KILLS, { deleteWal: true });
  out.push(
    `  kills after the -wal was deleted while typing: ${k.rounds}，用时 ${((performance.now() - t) / 1000).toFixed(1)} s`,
    `  acknowledged edits: ${k.acknowledged}；acknowledged edits lost: ${k.lost}（应为 0）；integrity_check failures: ${k.integrityFailures}；failed or unclean starts: ${k.startFailures}（应为 0）`,
    ...k.examples.map((e) => `    ${e}`),
  );
  out.push(...(await textFlips()));
  return out;
}

export async function benchSoak(): Promise<string[]> {
  const out: string[] = [];
  const t0 = performance.now();
  const f = await fuzzApi(FUZZ_CALLS, Date.now() % 100_000);
  out.push(
    `  fuzzed calls: ${f.calls}（${Object.keys(f.byMethod).length} 个方法；拒绝 ${f.refused}，接受 ${f.accepted}；其中带未知键 ${f.unknownKeyPayloads}）用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    `  crashes: ${f.crashes}（应为 0）`,
    `  refusals without a Chinese message: ${f.notChinese}（应为 0）`,
    `  state changes on refusal (database bytes differ): ${f.changedOnRefusal}（应为 0）`,
    `  unknown keys accepted: ${f.unknownKeyAccepted}（应为 0）`,
    ...f.examples.map((e) => `    ${e}`),
  );
  const t1 = performance.now();
  const k = await killRounds(KILL_ROUNDS);
  out.push(
    `  kill rounds (SIGKILL while typing through the host's API): ${k.rounds}，用时 ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    `  acknowledged edits: ${k.acknowledged}；acknowledged edits lost: ${k.lost}（应为 0）`,
    `  integrity_check failures: ${k.integrityFailures}（应为 0）；failed starts after a kill: ${k.startFailures}（应为 0）`,
    ...k.examples.map((e) => `    ${e}`),
  );
  out.push(...(await hostile()));
  out.push(...(await flips()));
  out.push(...(await twoInstances()));
  out.push(...(await benchStoreSoak()));
  out.push(...(await hostSoak()));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.includes('--host') ? hostSoak() : process.env.SOAK_ONLY === 'store' ? benchStoreSoak() : benchSoak();
  for (const line of await only) console.log(line);
}
