// How the page and the browser host prove themselves to each other (docs/security.md, 浏览器方式).
// The long-lived secret (browser-host.json) never leaves the host after the first load: the first
// load (?token=… or a one-time ?launch=… code) gets a session credential in the page itself; the
// session key is HMAC(secret, id), so the host needs no state for it and it survives a restart
// with the same secret. Before every call the page sends a fresh nonce to /auth/hello and sends
// nothing else unless the answer is HMAC(key, nonce); the call's body is sealed (AES-256-GCM)
// under the session and bound to the challenge the host gave, and so is the answer: an answer
// that does not open is not from the host, and no save is taken as stored.

/** the page's session credential, in a <meta> of the first page served after a token or launch code */
export const SESSION_META = 'nianbao-session';
export const SESSION_HEADER = 'x-nianbao-session';
export const CHALLENGE_HEADER = 'x-nianbao-challenge';
export const HELLO_PATH = '/auth/hello';
/** the query parameter of a one-time launch code (the browser is opened on it, never on the token) */
export const LAUNCH_PARAM = 'launch';
export const TOKEN_PARAM = 'token';
export const SEALED_TYPE = 'application/octet-stream';

export const SESSION_ID_RE = /^[0-9a-f]{32}$/;
export const NONCE_RE = /^[0-9a-f]{64}$/;

/** What each HMAC is over: one label per use, so no answer can stand in for another. */
export const label = {
  session: (id: string) => `nianbao-session|${id}`,
  hostProof: (nonce: string) => `nianbao-host-proof|${nonce}`,
  sealKey: 'nianbao-seal-key',
  request: (method: string, challenge: string) => `nianbao-request|${method}|${challenge}`,
  response: (method: string, challenge: string) => `nianbao-response|${method}|${challenge}`,
};
