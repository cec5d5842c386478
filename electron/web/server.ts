/**
 * The web bridge: serves the built renderer and the contract on 127.0.0.1 for `npm run web`
 * and the browser tests. Every API call needs the session's bearer token; Host and Origin must
 * name this server (DNS-rebinding defence). It adds no behaviour: it forwards to dispatch.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import type { Dispatch } from '../core/services/dispatch';
import { CONTENT_SECURITY_POLICY } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  'read-only': 423,
  corrupt: 422,
  'newer-version': 422,
  'no-workspace': 409,
  unauthorized: 401,
  // The disk refused (a change the journal could not hold, an explicit save that failed): RFC
  // 4918 §11.5 "Insufficient Storage", not 500, which would mean a fault of the server's own.
  io: 507,
};

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export interface WebBridgeOptions {
  dispatch: Dispatch;
  staticDir: string;
  token?: string;
  port?: number;
  maxBodyBytes?: number;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

/** A path segment percent-decoded, or null when its encoding is damaged (a stray or truncated `%`, bytes that are no UTF-8). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const BAD_ENCODING = 'path: the address has a damaged percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8)';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'unauthorized', 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(res, 403, 'unauthorized', 'forbidden origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'invalid', 'use POST');
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!given || !sameToken(given, token)) return refuse(res, 401, 'unauthorized', 'missing or wrong session token');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'invalid', 'the body must be application/json');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBody) return refuse(res, 413, 'invalid', 'request too large');
        chunks.push(chunk as Buffer);
      }
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return refuse(res, 400, 'invalid', 'input: the body is not valid JSON');
      }
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null) return refuse(res, 400, 'invalid', BAD_ENCODING);
      const result = await opts.dispatch(channel, input);
      return send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid', 'method not allowed');
    const rel = url.pathname === '/' ? 'index.html' : decodePath(url.pathname.slice(1));
    if (rel === null) return refuse(res, 400, 'invalid', BAD_ENCODING);
    const file = normalize(join(opts.staticDir, rel));
    if (!file.startsWith(normalize(opts.staticDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) refuse(res, 500, 'internal', `internal error: ${(e as Error).message}`);
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
