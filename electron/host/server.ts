// The browser host's HTTP server: the built page and the API on 127.0.0.1 only. A foreign Host
// (DNS rebinding) or Origin (another site's page) is refused before anything else is looked at.
// The page calls the API in a session it got on its first load (shared/host-protocol.ts): it
// proves the host first (/auth/hello), then sends a sealed body bound to a one-time challenge.
// Programs that read browser-host.json themselves (tests, scripts) may send the token header.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, mimeType, resolveInside } from '../core/safe-path';
import type { ApiHandler } from '../core/api/index';
import type { ApiError } from '../../shared/api';
import { logError } from '../core/log/index';
import {
  CHALLENGE_HEADER,
  HELLO_PATH,
  LAUNCH_PARAM,
  NONCE_RE,
  SEALED_TYPE,
  SESSION_HEADER,
  SESSION_ID_RE,
  SESSION_META,
  TOKEN_PARAM,
  label,
} from '../../shared/host-protocol';
import { MAX_BODY_BYTES, MAX_EDIT_BODY_BYTES, bodyLimit, tooLarge } from '../core/api/limits';
import { OneTimeCodes, hostProof, newSession, seal, sessionKey, unseal } from './session';

export const TOKEN_HEADER = 'x-nianbao-token';
export { MAX_BODY_BYTES, MAX_EDIT_BODY_BYTES };
/** A challenge from /auth/hello is good for one call within this time. */
export const CHALLENGE_LIFETIME_MS = 60_000;

export interface HostServerOptions {
  rendererDir: string;
  token: string;
  handleApiCall: ApiHandler;
  /** the one-time codes the browser may be opened on (main.ts issues them) */
  launchCodes?: OneTimeCodes;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The page URL carries the token: never send it anywhere as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Errors of the page's own files are read by a person in the browser: plain text. */
function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(message),
  });
  res.end(message);
}

/** A person reads this in the browser: a small Chinese page, no script. */
function sendPage(res: ServerResponse, status: number, title: string, message: string): void {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.8"><h1 style="font-size:1.3em">${esc(title)}</h1><p>${esc(message)}</p></body></html>`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createHostServer(options: HostServerOptions): Server {
  const { rendererDir, token, handleApiCall } = options;
  const launchCodes = options.launchCodes ?? null;
  const challenges = new OneTimeCodes(CHALLENGE_LIFETIME_MS);
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logError('host', '请求处理失败', err);
      if (!res.headersSent) sendError(res, 500, 'internal', '程序服务出错了，刚才的操作可能没有完成。请刷新页面后重试。');
      else res.destroy();
    });
  });
  server.on('listening', () => {
    port = (server.address() as AddressInfo).port;
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!ownHosts.includes(req.headers.host ?? '')) {
      return sendError(res, 403, 'unsupported', '拒绝访问：请求的地址不是本机程序的地址。请使用程序启动时显示的网址打开。');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts.some((h) => origin === `http://${h}`)) {
      return sendError(res, 403, 'unsupported', '拒绝访问：请求来自其他网页。请使用程序启动时显示的网址打开。');
    }
    const rawUrl = req.url ?? '/';
    const pathEnd = rawUrl.search(/[?#]/);
    const path = pathEnd === -1 ? rawUrl : rawUrl.slice(0, pathEnd);

    const query = new URLSearchParams(rawUrl[pathEnd] === '?' ? rawUrl.slice(pathEnd + 1).replace(/#.*$/, '') : '');

    if (path === HELLO_PATH) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendError(res, 405, 'unsupported', '接口只接受 POST 请求。');
      }
      const body = await readBody(req, 1024);
      let hello: { session?: unknown; nonce?: unknown } | null;
      try {
        hello = body === 'too_large' ? null : (JSON.parse(body.toString('utf8')) as { session?: unknown; nonce?: unknown } | null);
      } catch {
        hello = null;
      }
      const session = String(hello?.session ?? '');
      const nonce = String(hello?.nonce ?? '');
      if (!SESSION_ID_RE.test(session) || !NONCE_RE.test(nonce)) {
        return sendError(res, 400, 'invalid_input', '连接请求的格式不对。请用程序启动时显示的完整网址重新打开页面。');
      }
      return sendJson(res, 200, { proof: hostProof(sessionKey(token, session), nonce), challenge: challenges.issue() });
    }

    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendError(res, 405, 'unsupported', '接口只接受 POST 请求。');
      }
      // Method names are plain ASCII; anything encoded is simply an unknown method.
      const method = path.slice('/api/'.length);
      const contentType = String(req.headers['content-type'] ?? '');
      const sessionId = req.headers[SESSION_HEADER];
      if (typeof sessionId === 'string') return sealedCall(req, res, method, sessionId, contentType);
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !tokensMatch(given, token)) {
        return sendError(
          res,
          401,
          'unsupported',
          '访问口令不对（可能是用 --new-token 换过口令，或网址没有复制完整）。请使用程序启动时显示的完整网址重新打开页面。',
        );
      }
      if (!/^application\/json\b/i.test(contentType)) {
        return sendError(res, 415, 'invalid_input', '请求格式不对：内容应为 JSON。');
      }
      const body = await readBody(req, bodyLimit(method));
      if (body === 'too_large') return sendError(res, 413, 'invalid_input', tooLarge(method));
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'invalid_input', '提交的内容不是有效的 JSON，没有做任何改动。请刷新页面后重试。');
      }
      const result = await handleApiCall(method, input);
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, '不支持这种请求。');
    }
    const isPage = path === '/' || path === '/index.html';
    // The first load: a launch code (good once, for seconds) or the token gives the page its
    // session credential, written into the page itself (never into a URL or a cookie).
    let session: { id: string; key: string } | null = null;
    if (isPage && req.method === 'GET' && (query.has(LAUNCH_PARAM) || query.has(TOKEN_PARAM))) {
      const code = query.get(LAUNCH_PARAM);
      const given = query.get(TOKEN_PARAM);
      if (code !== null) {
        if (!launchCodes?.consume(code)) {
          return sendPage(
            res,
            403,
            '这个打开链接已经用过或已过期',
            '为安全起见，程序自动打开浏览器用的链接只能用一次，并且只在程序启动后的一分钟内有效。请到运行“年报编制助手”的窗口中复制以“年报编制助手已启动：”开头的完整网址，粘贴到浏览器地址栏打开；或者关掉程序后重新启动。',
          );
        }
      } else if (!given || !tokensMatch(given, token)) {
        return sendPage(
          res,
          403,
          '网址中的访问口令不对',
          '这个网址中的访问口令不是本程序现在使用的口令（程序可能换了口令）。请到运行“年报编制助手”的窗口中复制以“年报编制助手已启动：”开头的完整网址，粘贴到浏览器地址栏打开。',
        );
      }
      session = newSession(token);
    }
    const file = resolveInside(rendererDir, isPage ? '/index.html' : path);
    if (!file) return sendText(res, 400, '请求的路径不合法。');
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      if (path === '/' || path === '/index.html') {
        return sendText(res, 503, '页面文件还没有构建。请在程序目录运行 npm run build 后重新启动。');
      }
      return sendText(res, 404, '找不到这个文件。');
    }
    if (session) {
      const meta = `<meta name="${SESSION_META}" content="${session.id}.${session.key}" />`;
      const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head>${meta}`);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Cache-Control': 'no-store',
      });
      return void res.end(html);
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(file),
      'Content-Length': size,
      // Vite names assets by content hash; the page itself must always be fresh.
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  /** A call of the page: session, one-time challenge, body sealed under the session; the answer sealed too. */
  async function sealedCall(req: IncomingMessage, res: ServerResponse, method: string, sessionId: string, contentType: string) {
    const refused = () => sendError(res, 401, 'unsupported', '本页的访问凭据不对或已过期。请使用程序启动时显示的完整网址重新打开页面。');
    const challenge = req.headers[CHALLENGE_HEADER];
    if (!SESSION_ID_RE.test(sessionId) || typeof challenge !== 'string' || !challenges.consume(challenge)) {
      req.resume();
      return refused();
    }
    if (contentType !== SEALED_TYPE) return sendError(res, 415, 'invalid_input', '请求格式不对。请刷新页面后重试。');
    // Sealing adds 28 bytes.
    const body = await readBody(req, bodyLimit(method) + 28);
    if (body === 'too_large') return sendError(res, 413, 'invalid_input', tooLarge(method));
    const key = sessionKey(token, sessionId);
    const plain = unseal(key, label.request(method, challenge), body);
    if (!plain) return refused();
    let input: unknown;
    try {
      input = plain.length === 0 ? {} : JSON.parse(plain.toString('utf8'));
    } catch {
      return sendError(res, 400, 'invalid_input', '提交的内容不是有效的 JSON，没有做任何改动。请刷新页面后重试。');
    }
    const result = await handleApiCall(method, input);
    const answer = seal(key, label.response(method, challenge), Buffer.from(JSON.stringify(result), 'utf8'));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': SEALED_TYPE,
      'Cache-Control': 'no-store',
      'Content-Length': answer.length,
    });
    res.end(answer);
  }

  return server;
}
