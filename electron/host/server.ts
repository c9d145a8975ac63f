// The browser host's HTTP server: the built page and the API on 127.0.0.1 only. Every API call
// needs the per-launch token; a foreign Host (DNS rebinding) or Origin (another site's page) is
// refused before anything else is looked at.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, mimeType, resolveInside } from '../core/safe-path';
import type { ApiHandler } from '../core/api/index';
import type { ApiError } from '../../shared/api';
import { logError } from '../core/log/index';

export const TOKEN_HEADER = 'x-nianbao-token';
/** A 20 MB upload is 26.7 MB in base64, plus the JSON around it. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export interface HostServerOptions {
  rendererDir: string;
  token: string;
  handleApiCall: ApiHandler;
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

    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendError(res, 405, 'unsupported', '接口只接受 POST 请求。');
      }
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !tokensMatch(given, token)) {
        return sendError(
          res,
          401,
          'unsupported',
          '访问口令不对（可能是用 --new-token 换过口令，或网址没有复制完整）。请使用程序启动时显示的完整网址重新打开页面。',
        );
      }
      const contentType = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(contentType)) {
        return sendError(res, 415, 'invalid_input', '请求格式不对：内容应为 JSON。');
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too_large') return sendError(res, 413, 'invalid_input', '提交的内容太大（超过 30 MB）。导入的文件请不要超过 20 MB。');
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'invalid_input', '提交的内容不是有效的 JSON，没有做任何改动。请刷新页面后重试。');
      }
      // Method names are plain ASCII; anything encoded is simply an unknown method.
      const method = path.slice('/api/'.length);
      const result = await handleApiCall(method, input);
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, '不支持这种请求。');
    }
    const file = resolveInside(rendererDir, path === '/' ? '/index.html' : path);
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

  return server;
}
