// Soak: the fault and abuse figures of issue 13, printed (asserts nothing; the same checks run
// smaller in `npm test`). Part of `npm run bench`; alone: `node --import tsx test/bench/soak.ts`.
// Sizes: SOAK_FUZZ_CALLS (default 50,000), SOAK_KILL_ROUNDS (default 100), SOAK_FLIPS (default 200),
// SOAK_SQUAT_ROUNDS (default 10). The browser host's part alone: `node --import tsx test/bench/soak.ts --host`.
import { closeSync, copyFileSync, openSync, readSync, statSync, writeSync } from 'node:fs';
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
  out.push(...(await hostSoak()));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of process.argv.includes('--host') ? await hostSoak() : await benchSoak()) console.log(line);
}
