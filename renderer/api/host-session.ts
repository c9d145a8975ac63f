// The page's half of the host protocol (shared/host-protocol.ts). Before every call the page sends
// a fresh nonce and goes on only if the answer proves the host knows the secret; the call's body
// is sealed under the session and bound to the host's one-time challenge, and only an answer that
// opens under the same session counts. A program squatting on the port gets the session id and a
// nonce, never the token, the session key or an edit, and nothing it answers is taken as stored.
// Runs in the page and, for the tests, in Node (WebCrypto and fetch in both).
import type { ApiResult } from '../../shared/api';
import { CHALLENGE_HEADER, HELLO_PATH, SEALED_TYPE, SESSION_HEADER, SESSION_ID_RE, label } from '../../shared/host-protocol';

export interface HostSession {
  id: string;
  /** 64 hex digits: HMAC(secret, id), computed by the host */
  key: string;
}

/** "id.key" as the host writes it into the first page; null when it is not one. */
export function parseSession(text: string | null | undefined): HostSession | null {
  const m = /^([0-9a-f]{32})\.([0-9a-f]{64})$/.exec(text ?? '');
  return m && SESSION_ID_RE.test(m[1]) ? { id: m[1], key: m[2] } : null;
}

/**
 * How a call ended. 'result': the proven host answered (ok or not). 'unreachable': nothing answers
 * on the port. 'impostor': something answers but cannot prove it is the host (nothing was sent to
 * it but a nonce). 'unauthorized': the host refuses this page's session (the secret changed).
 * 'refused': the host refused the request itself before reading it (status given).
 */
export type CallOutcome =
  | { kind: 'result'; result: ApiResult<unknown> }
  | { kind: 'unreachable' }
  | { kind: 'impostor' }
  | { kind: 'unauthorized' }
  | { kind: 'refused'; status: number };

const enc = new TextEncoder();
const dec = new TextDecoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export interface HostCaller {
  call(method: string, input: unknown): Promise<CallOutcome>;
}

/** base: '' in the page (same origin), the host's origin in tests. */
export function hostCaller(session: HostSession, base = '', fetchFn: typeof fetch = (...a) => fetch(...a)): HostCaller {
  const subtle = globalThis.crypto.subtle;
  const keys = (async () => {
    const mac = await subtle.importKey('raw', hexToBytes(session.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const sealRaw = await subtle.sign('HMAC', mac, enc.encode(label.sealKey));
    const sealKey = await subtle.importKey('raw', sealRaw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    return { mac, sealKey };
  })();

  async function hello(): Promise<{ challenge: string } | Exclude<CallOutcome, { kind: 'result' }>> {
    const { mac } = await keys;
    const nonce = bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
    let res: Response;
    try {
      res = await fetchFn(`${base}${HELLO_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ session: session.id, nonce }),
        cache: 'no-store',
      });
    } catch {
      return { kind: 'unreachable' };
    }
    const body = (await res.json().catch(() => null)) as { proof?: unknown; challenge?: unknown } | null;
    const proof = typeof body?.proof === 'string' && /^[0-9a-f]{64}$/.test(body.proof) ? hexToBytes(body.proof) : null;
    const challenge = typeof body?.challenge === 'string' && /^[0-9a-f]{64}$/.test(body.challenge) ? body.challenge : null;
    if (!res.ok || !proof || !challenge) return { kind: 'impostor' };
    const expected = new Uint8Array(await subtle.sign('HMAC', mac, enc.encode(label.hostProof(nonce))));
    return equalBytes(proof, expected) ? { challenge } : { kind: 'impostor' };
  }

  return {
    async call(method, input) {
      const proven = await hello();
      if (!('challenge' in proven)) return proven;
      const { sealKey } = await keys;
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(
        await subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: enc.encode(label.request(method, proven.challenge)) },
          sealKey,
          enc.encode(JSON.stringify(input ?? {})),
        ),
      );
      const body = new Uint8Array(iv.length + sealed.length);
      body.set(iv);
      body.set(sealed, iv.length);
      let res: Response;
      try {
        res = await fetchFn(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': SEALED_TYPE, [SESSION_HEADER]: session.id, [CHALLENGE_HEADER]: proven.challenge },
          body,
          cache: 'no-store',
        });
      } catch {
        return { kind: 'unreachable' };
      }
      const answer = new Uint8Array(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
      if (res.status === 200 && answer.length > 28) {
        try {
          const plain = await subtle.decrypt(
            { name: 'AES-GCM', iv: answer.subarray(0, 12), additionalData: enc.encode(label.response(method, proven.challenge)) },
            sealKey,
            answer.subarray(12),
          );
          const result = JSON.parse(dec.decode(plain)) as ApiResult<unknown>;
          if (result && typeof result === 'object' && 'ok' in result) return { kind: 'result', result };
        } catch {
          // Not sealed under this session: not the host's answer.
        }
        return { kind: 'impostor' };
      }
      if (res.status === 401) return { kind: 'unauthorized' };
      return res.status === 200 ? { kind: 'impostor' } : { kind: 'refused', status: res.status };
    },
  };
}
