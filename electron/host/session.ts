// The host's half of the page protocol (shared/host-protocol.ts): session keys derived from the
// long-lived secret, the proof answered to a page's nonce, one-time challenges and launch codes,
// and the sealing (AES-256-GCM) of call bodies and answers.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { label } from '../../shared/host-protocol';

export function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** The session key of a session id: only whoever knows the secret can compute it. */
export function sessionKey(secret: string, sessionId: string): Buffer {
  return hmac(secret, label.session(sessionId));
}

export function newSession(secret: string): { id: string; key: string } {
  const id = randomBytes(16).toString('hex');
  return { id, key: sessionKey(secret, id).toString('hex') };
}

export function hostProof(key: Buffer, nonce: string): string {
  return hmac(key, label.hostProof(nonce)).toString('hex');
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** iv ‖ ciphertext ‖ tag, the layout WebCrypto's AES-GCM reads and writes. */
export function seal(key: Buffer, aad: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', hmac(key, label.sealKey), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plain text of a sealed body, or null when it was not sealed under this key and label. */
export function unseal(key: Buffer, aad: string, sealed: Buffer): Buffer | null {
  if (sealed.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', hmac(key, label.sealKey), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * Random codes that are good once, for a short time: the challenges a call must answer (a call
 * recorded by anyone cannot be played again) and the launch code the browser is opened on.
 */
export class OneTimeCodes {
  private readonly codes = new Map<string, number>();
  constructor(
    private readonly lifetimeMs: number,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): string {
    const code = randomBytes(32).toString('hex');
    const t = this.now();
    if (this.codes.size >= this.max) {
      for (const [c, expires] of this.codes) if (expires <= t) this.codes.delete(c);
      // Still full: the oldest goes (Map keeps insertion order).
      while (this.codes.size >= this.max) this.codes.delete(this.codes.keys().next().value!);
    }
    this.codes.set(code, t + this.lifetimeMs);
    return code;
  }

  /** true once for a code issued here and not yet expired; false for any other, and ever after. */
  consume(code: string): boolean {
    const expires = this.codes.get(code);
    if (expires === undefined) return false;
    this.codes.delete(code);
    return expires > this.now();
  }
}
