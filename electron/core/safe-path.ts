// Maps a URL path onto a file inside one folder, refusing anything that would leave it
// (../, encoded ../, backslashes, NUL, absolute paths). Used by the app:// protocol and the host.
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The file a request path names inside `root`, or null if the path is not acceptable.
 * `urlPath` is the raw (still percent-encoded) path of the URL, e.g. "/assets/index-x.js".
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Reject any '..' segment outright rather than normalising it away: a request that tries is hostile.
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:$/.test(s))) return null;
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, ...segments);
  const rel = relative(rootAbs, target);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeType(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  return (dot >= 0 && MIME[filePath.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** The Content-Security-Policy of the page, in both the desktop window and the browser host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // MUI's emotion injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
