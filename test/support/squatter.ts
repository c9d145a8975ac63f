// A port squatter (issue 20): a plain Node HTTP server another local user could start on the port
// the browser host remembered. It records everything it receives and answers like the host would:
// 200 OK to everything, a well-formed proof and challenge to /auth/hello (it cannot compute the
// real proof) and {"ok":true} to every API call.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface SquatterRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Squatter {
  port: number;
  requests: SquatterRequest[];
  /** everything received, as one string (URLs, headers and bodies), to search for secrets and edits */
  received(): string;
  close(): Promise<void>;
}

export async function startSquatter(port: number): Promise<Squatter> {
  const requests: SquatterRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const path = (req.url ?? '').split('?')[0];
      const body =
        path === '/auth/hello'
          ? { proof: randomBytes(32).toString('hex'), challenge: randomBytes(32).toString('hex') }
          : { ok: true, value: { id: 1, updatedAt: new Date().toISOString(), doc: {} } };
      const text = JSON.stringify(body);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    requests,
    received: () => requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body.toString('latin1')}`).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
