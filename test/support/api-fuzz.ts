// Fuzzing the API as the page's untrusted side would call it: for every method, payloads built
// by fast-check (anything at all, valid payloads with unknown keys such as __proto__ and
// constructor added at any depth, valid payloads with one field replaced by garbage, and some
// valid ones). Every call goes through the same handleApiCall both doors use, over a real SQLite
// file, after a JSON round trip like the HTTP door's. The harness counts what the issue asks:
// crashes (a throw out of the API or an 'internal' error), refusals without a Chinese message,
// and refusals after which the database file (and its WAL) is not byte-identical.
import fc from 'fast-check';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import { API_METHODS } from '../../shared/api';
import type { ApiMethod } from '../../shared/api';
import { tempDir } from './temp';

export interface FuzzFigures {
  calls: number;
  refused: number;
  accepted: number;
  crashes: number;
  /** refusals whose message has no Chinese */
  notChinese: number;
  /** refusals after which the database bytes differ */
  changedOnRefusal: number;
  /** refused payloads that carried an unknown key */
  unknownKeyPayloads: number;
  /** of those, how many were accepted (must be 0) */
  unknownKeyAccepted: number;
  byMethod: Record<string, number>;
  /** milliseconds spent per method */
  msByMethod: Record<string, number>;
  msGenerating: number;
  examples: string[];
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'isAdmin', 'id ', 'Name', '', '💥', 'then'];

const CELL = 't3.granted.natural_person';

/** A valid payload of each method, given the ids that exist in the fuzzed store. */
function validPayload(m: ApiMethod, ids: { report: number; exportId: number; backup: string }): Record<string, unknown> {
  const unit = { name: '模糊测试镇人民政府', kind: 'township', supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };
  switch (m) {
    case 'saveUnit':
      return unit;
    case 'createReport':
      return { year: 2030, formatId: 'gov-2021', basedOnId: null };
    case 'getReport':
    case 'deleteReport':
    case 'listExports':
    case 'recordPdfExport':
    case 'exportReportFile':
      return { id: ids.report };
    case 'updateReport':
      return {
        id: ids.report,
        patch: {
          title: '标题',
          preamble: { basis: true, period: true, contact: true, publishedAt: '' },
          letterhead: { enabled: false, issuer: '', docNumber: '' },
          unit,
        },
      };
    case 'setSection':
      return { id: ids.report, key: 'overview', text: '正文' };
    case 'setCells':
      return { id: ids.report, cells: { [CELL]: 3 } };
    case 'setAcknowledgement':
      return { id: ids.report, findingId: 't3.balance', reason: '已核实' };
    case 'setUiState':
      return { reportId: ids.report, step: 'basic' };
    case 'exportDocx':
      return { id: ids.report, letterhead: false };
    case 'confirmExport':
      return { exportId: ids.exportId, savedPath: '' };
    case 'saveUnitSettings':
      return { duplex: true };
    case 'recordFontCheck':
      return { method: 'measured', missing: ['仿宋_GB2312'] };
    case 'importPreview':
      return { fileName: 'a.txt', base64: Buffer.from('你好').toString('base64') };
    case 'importCommit':
      return { report: { formatId: 'gov-2021', year: 2031, unit }, replace: false };
    case 'restoreBackup':
      return { fileName: ids.backup };
    default:
      return {};
  }
}

/** Sets a key as an own, enumerable property (plain assignment of __proto__ would set the prototype). */
function withKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Adds an unknown key to the payload or to one of its nested objects. */
function injectKey(payload: Record<string, unknown>, path: number, key: string, value: unknown): Record<string, unknown> {
  const nested = Object.entries(payload).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v));
  if (nested.length === 0 || path % (nested.length + 1) === 0) return withKey(payload, key, value);
  const [name, inner] = nested[(path % (nested.length + 1)) - 1];
  return { ...payload, [name]: injectKey(inner as Record<string, unknown>, Math.floor(path / 3), key, value) };
}

function payloadArbitrary(m: ApiMethod, ids: { report: number; exportId: number; backup: string }) {
  const valid = validPayload(m, ids);
  const garbage = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
    fc.string(),
    fc.double(),
    fc.constant(null),
  );
  // Random names start with x_ so that none is by chance a field the schema knows.
  const unknownKey = fc.record({
    key: fc.oneof(
      fc.constantFrom(...HOSTILE_KEYS),
      fc.string({ maxLength: 12 }).map((k) => `x_${k}`),
    ),
    value: garbage.filter((v) => v !== undefined),
    path: fc.nat(50),
  });
  return fc.oneof(
    { weight: 3, arbitrary: unknownKey.map(({ key, value, path }) => ({ payload: injectKey(valid, path, key, value), unknownKey: key })) },
    { weight: 2, arbitrary: garbage.map((payload) => ({ payload, unknownKey: null as string | null })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ field: fc.constantFrom(...(Object.keys(valid).length ? Object.keys(valid) : ['x'])), value: garbage.filter((v) => v !== undefined) })
        .map(({ field, value }) => ({ payload: withKey(valid, field, value), unknownKey: field in valid ? null : field })),
    },
    { weight: 1, arbitrary: fc.constant({ payload: valid as unknown, unknownKey: null as string | null }) },
  );
}

/** What the HTTP door does to a body: JSON out and back in (bigints, maps and dates become what JSON makes of them). */
function overTheWire(payload: unknown): unknown {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return payload;
  }
}

/** The bytes of the database file and its WAL, read into reused buffers (10,000 snapshots must not churn the heap). */
class FileBytes {
  private buffers: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)];
  private lengths = [0, 0];

  read(paths: string[]): this {
    paths.forEach((path, i) => {
      if (!existsSync(path)) return void (this.lengths[i] = -1);
      const size = statSync(path).size;
      if (this.buffers[i].length < size) this.buffers[i] = Buffer.alloc(size * 2);
      const fd = openSync(path, 'r');
      try {
        this.lengths[i] = readSync(fd, this.buffers[i], 0, size, 0);
      } finally {
        closeSync(fd);
      }
    });
    return this;
  }

  equals(other: FileBytes): boolean {
    return this.lengths.every((n, i) => n === other.lengths[i] && (n <= 0 || this.buffers[i].subarray(0, n).equals(other.buffers[i].subarray(0, n))));
  }
}

/** Runs `total` fuzzed calls spread over every API method; returns the figures. */
export async function fuzzApi(total: number, seed = 13): Promise<FuzzFigures> {
  const dir = tempDir('api-fuzz');
  let store: Store | null = null;
  const figures: FuzzFigures = {
    calls: 0,
    refused: 0,
    accepted: 0,
    crashes: 0,
    notChinese: 0,
    changedOnRefusal: 0,
    unknownKeyPayloads: 0,
    unknownKeyAccepted: 0,
    byMethod: {},
    msByMethod: {},
    msGenerating: 0,
    examples: [],
  };
  try {
    store = await openStore(dir.path, { backupAtOpen: false });
    const handle: ApiHandler = createApi({ store, transport: 'host', dataDir: dir.path }).handleApiCall;
    const must = async (m: string, input: unknown) => {
      const r = await handle(m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as Record<string, unknown>;
    };
    await must('saveUnit', validPayload('saveUnit', { report: 0, exportId: 0, backup: '' }));
    const report = (await must('createReport', { year: 2025, formatId: 'gov-2021' })).id as number;
    await must('setCells', { id: report, cells: { [CELL]: 5 } });
    const exportId = (await must('exportDocx', { id: report })).exportId as number;
    const backup = (await must('backupNow', {})).fileName as string;
    const ids = { report, exportId, backup };

    const files = [store.path, `${store.path}-wal`];
    const before = new FileBytes();
    const after = new FileBytes();
    const perMethod = Math.ceil(total / API_METHODS.length);
    for (const [i, method] of API_METHODS.entries()) {
      const g0 = performance.now();
      const samples = fc.sample(payloadArbitrary(method, ids), { numRuns: perMethod, seed: seed + i });
      figures.msGenerating += performance.now() - g0;
      for (const { payload, unknownKey } of samples) {
        const input = overTheWire(payload);
        // A short WAL keeps the byte comparison cheap; checkpointing is part of the set-up, not the call.
        if (existsSync(`${store.path}-wal`) && statSync(`${store.path}-wal`).size > 64 * 1024) store.database.pragma('wal_checkpoint(TRUNCATE)');
        before.read(files);
        figures.calls++;
        figures.byMethod[method] = (figures.byMethod[method] ?? 0) + 1;
        let r;
        const t0 = performance.now();
        try {
          r = await handle(method, input);
          figures.msByMethod[method] = (figures.msByMethod[method] ?? 0) + performance.now() - t0;
        } catch (err) {
          figures.crashes++;
          if (figures.examples.length < 10) figures.examples.push(`crash ${method} ${JSON.stringify(input)?.slice(0, 200)}: ${String(err)}`);
          continue;
        }
        if (unknownKey !== null) figures.unknownKeyPayloads++;
        if (r.ok) {
          figures.accepted++;
          // A valid delete or restore may remove the report the next methods' payloads name.
          if (!store.getReport(ids.report))
            ids.report = (store.findReportByYear(store.getUnit()!.id, 2025) ?? (await must('createReport', { year: 2025, formatId: 'gov-2021' }))).id as number;
          if (unknownKey !== null) {
            figures.unknownKeyAccepted++;
            if (figures.examples.length < 10)
              figures.examples.push(`accepted unknown key “${unknownKey}” in ${method} ${JSON.stringify(input)?.slice(0, 600)}`);
          }
          continue;
        }
        figures.refused++;
        if (r.error.code === 'internal') {
          figures.crashes++;
          if (figures.examples.length < 10) figures.examples.push(`internal ${method} ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`);
        }
        if (!/[\u4e00-\u9fff]/.test(r.error.message)) {
          figures.notChinese++;
          if (figures.examples.length < 10) figures.examples.push(`not Chinese ${method}: ${r.error.message}`);
        }
        if (!before.equals(after.read(files))) {
          figures.changedOnRefusal++;
          if (figures.examples.length < 10) figures.examples.push(`changed on refusal ${method} ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`);
        }
      }
    }
    return figures;
  } finally {
    store?.close();
    dir.cleanup();
  }
}
