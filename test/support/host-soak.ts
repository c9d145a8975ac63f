// The soak figures of issue 20 for the browser host and the command line: port squatting rounds
// (0 edits acknowledged by a squatter, 0 tokens or edits sent to it, every edit stored by the real
// host when it is back) and the user-facing messages of bad input (0 in English).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { hostCaller } from '../../renderer/api/host-session';
import { buildDocx } from '../../electron/core/export/docx';
import { fullReport } from '../fixtures/full-report';
import { nianbaoCommand } from './cli';
import { hostApi, pageSession, projectNode, startHost } from './host';
import { startSquatter } from './squatter';
import { repoRoot, tempDir } from './temp';

export interface SquatResult {
  rounds: number;
  /** edits the page took as stored while the squatter answered */
  acknowledgedBySquatter: number;
  /** requests that carried the token or the session key to the squatter */
  tokensSent: number;
  /** requests that carried an edit (an API call, or the edit's text anywhere) to the squatter */
  editsSent: number;
  /** edits stored by the real host once it was back */
  storedAfter: number;
  requestsToSquatter: number;
}

export async function squatRounds(rounds: number): Promise<SquatResult> {
  const data = tempDir('soak-squat');
  const r: SquatResult = { rounds, acknowledgedBySquatter: 0, tokensSent: 0, editsSent: 0, storedAfter: 0, requestsToSquatter: 0 };
  let host = await startHost({ dataDir: data.path, port: 'remembered' });
  try {
    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const report = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
    const { session } = await pageSession(host.url);
    if (!session) throw new Error('no session from the first load');
    const page = hostCaller(session, host.origin);
    for (let i = 0; i < rounds; i++) {
      const text = `第${i}轮程序关闭期间输入的文字${Math.random().toString(36).slice(2)}`;
      const edit = { id: report.id, cells: { 't3.granted.natural_person': i }, sections: { problems: text }, meta: {} };
      const token = host.token;
      await host.stop();
      const squatter = await startSquatter(host.port);
      try {
        for (const method of ['saveEdits', 'getReport'] as const) {
          const outcome = await page.call(method, method === 'saveEdits' ? edit : { id: report.id });
          if (outcome.kind === 'result' && outcome.result.ok && method === 'saveEdits') r.acknowledgedBySquatter++;
        }
      } finally {
        await squatter.close();
      }
      r.requestsToSquatter += squatter.requests.length;
      for (const q of squatter.requests) {
        const all = `${q.url}\n${JSON.stringify(q.headers)}\n${q.body.toString('utf8')}`;
        if (all.includes(token) || all.includes(session.key)) r.tokensSent++;
        if (q.url.startsWith('/api/') || all.includes(text) || all.includes('natural_person')) r.editsSent++;
      }
      host = await startHost({ dataDir: data.path, port: 'remembered' });
      const back = await page.call('saveEdits', edit);
      const doc = (await hostApi(host, 'getReport', { id: report.id })).doc;
      if (back.kind === 'result' && back.result.ok && doc.sections.problems === text && doc.cells['t3.granted.natural_person'] === i) r.storedAfter++;
    }
    return r;
  } finally {
    await host.stop();
    data.cleanup();
  }
}

/** What English from Node or a stack trace looks like in a message. */
export const ENGLISH = /Error\b|\n\s+at |Invalid|RangeError|ERR_[A-Z_]+|Maximum call stack|File size|greater than/;

/** Bad input to the command line and the host's start; every message checked for English. */
export async function englishProbe(): Promise<{ tried: number; english: string[] }> {
  const dir = tempDir('soak-english');
  const english: string[] = [];
  let tried = 0;
  const check = (what: string, out: string) => {
    tried++;
    if (ENGLISH.test(out) || !/[\u4e00-\u9fff]/.test(out)) english.push(`${what}: ${out.slice(0, 160).replace(/\n/g, ' ⏎ ')}`);
  };
  const nianbao = (...args: string[]) => {
    const r = spawnSync(nianbaoCommand[0], [...nianbaoCommand.slice(1), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    return r.stdout + r.stderr;
  };
  try {
    const sparse = (name: string, bytes: number) => {
      const path = join(dir.path, name);
      const fd = openSync(path, 'w');
      ftruncateSync(fd, bytes);
      closeSync(fd);
      return path;
    };
    const fifo = join(dir.path, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const deep = join(dir.path, 'deep.nianbao.json');
    writeFileSync(deep, `{"schema":"nianbao.report/1","x":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`);
    const parts = unzipSync(await buildDocx(fullReport({ date: '2026-01-15' })));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('总体情况', '总体&#x110000;情况'));
    const codepoint = join(dir.path, 'codepoint.docx');
    writeFileSync(codepoint, zipSync(parts));
    const badDate = join(dir.path, 'date.nianbao.json');
    writeFileSync(badDate, JSON.stringify({ schema: 'nianbao.report/1', ...fullReport(), date: '2025-13-45' }));
    const out = join(dir.path, 'out');
    check('import /dev/zero', nianbao('import', '/dev/zero', '-o', `${out}.nianbao.json`));
    check('import a named pipe', nianbao('import', fifo, '-o', `${out}.nianbao.json`));
    check('import 1.5 GB', nianbao('import', sparse('big.docx', 1.5 * 1024 ** 3), '-o', `${out}.nianbao.json`));
    check('import 2.5 GiB', nianbao('import', sparse('huge.docx', 2.5 * 1024 ** 3), '-o', `${out}.nianbao.json`));
    check('import &#x110000;', nianbao('import', codepoint, '-o', `${out}.nianbao.json`));
    check('validate 27 MB', nianbao('validate', sparse('big.nianbao.json', 27 * 1024 * 1024)));
    check('validate deep JSON', nianbao('validate', deep));
    check('export deep JSON', nianbao('export', deep, '-o', `${out}.docx`));
    check('export 2025-13-45', nianbao('export', badDate, '-o', `${out}.docx`));
    check('validate 2025-13-45', nianbao('validate', badDate));
    check('validate a folder', nianbao('validate', dir.path));
    check('export a missing file', nianbao('export', join(dir.path, 'missing.nianbao.json'), '-o', `${out}.docx`));
    const host = await startHost();
    try {
      const second = spawn(projectNode(), [join(repoRoot, 'dist/host.mjs'), '--no-open', '--port', '0', '--data-dir', host.dataDir], { cwd: repoRoot });
      let text = '';
      second.stdout.on('data', (d: Buffer) => (text += d.toString()));
      second.stderr.on('data', (d: Buffer) => (text += d.toString()));
      await new Promise((resolve) => second.once('exit', resolve));
      check('a second start', text);
      const used = await pageSession(`${host.origin}/?launch=${'1'.repeat(64)}`);
      check('an unknown launch code', used.html.replace(/<[^>]+>/g, ''));
      const wrong = await pageSession(`${host.origin}/?token=${'0'.repeat(64)}`);
      check('a wrong token', wrong.html.replace(/<[^>]+>/g, ''));
      const big = await fetch(`${host.origin}/api/saveEdits`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
        body: JSON.stringify({ id: 1, sections: { overview: '字'.repeat(2_100_000) } }),
      });
      check('a 6 MB edit', ((await big.json()) as { error: { message: string } }).error.message);
    } finally {
      await host.stop();
    }
    return { tried, english };
  } finally {
    dir.cleanup();
  }
}
