import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';
import { startWebBridge, type WebBridge } from '../../../../../electron/web/server';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
let bridge: WebBridge;
let session: Session;

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: opts.method ?? 'POST', headers: { Host: `127.0.0.1:${bridge.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };
const auth = () => ({ ...json, Authorization: `Bearer ${bridge.token}` });
const add = (headers: Record<string, string>) => send('/api/registry.addPrefix', { headers, body: JSON.stringify({ prefix: '192.0.2.0/24' }) });
const count = async () => JSON.parse((await send('/api/workspace.info', { headers: auth(), body: '{}' })).body).value.counts.prefixes as number;

beforeAll(async () => {
  session = new Session();
  await session.create(tmp.path('bridge.headroom'));
  const staticDir = tmp.path('static');
  mkdirSync(staticDir);
  writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>Headroom</title>');
  bridge = await startWebBridge({ dispatch: createDispatch(createHandlers(session)), staticDir });
});
afterAll(async () => {
  await bridge.close();
  session.close();
  tmp.cleanup();
});

describe('startWebBridge', () => {
  it('listens on 127.0.0.1 on a random port and prints a URL with a long random token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[0-9a-f]{48}$`));
    expect(bridge.port).toBeGreaterThan(1024);
  });

  it('answers a call with the right token', async () => {
    const r = await add(auth());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { prefix: '192.0.2.0/24' } });
    expect(await count()).toBe(1);
  });

  it('refuses a missing token with 401 and changes nothing', async () => {
    const r = await send('/api/registry.addPrefix', { headers: json, body: JSON.stringify({ prefix: '198.51.100.0/24' }) });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.code).toBe('unauthorized');
    expect(await count()).toBe(1);
  });

  it('refuses a wrong token with 401 and changes nothing', async () => {
    const r = await send('/api/registry.addPrefix', {
      headers: { ...json, Authorization: `Bearer ${'0'.repeat(48)}` },
      body: JSON.stringify({ prefix: '198.51.100.0/24' }),
    });
    expect(r.status).toBe(401);
    expect(await count()).toBe(1);
  });

  it('refuses a foreign Origin even with the token (403)', async () => {
    const r = await send('/api/registry.addPrefix', {
      headers: { ...auth(), Origin: 'http://evil.example' },
      body: JSON.stringify({ prefix: '198.51.100.0/24' }),
    });
    expect(r.status).toBe(403);
    expect(await count()).toBe(1);
  });

  it('refuses a foreign Host (DNS rebinding) for pages and API alike (403)', async () => {
    expect((await send('/', { method: 'GET', headers: { Host: `evil.example:${bridge.port}` } })).status).toBe(403);
    const r = await send('/api/registry.addPrefix', { headers: { ...auth(), Host: 'evil.example' }, body: JSON.stringify({ prefix: '198.51.100.0/24' }) });
    expect(r.status).toBe(403);
    expect(await count()).toBe(1);
  });

  it('accepts its own Origin', async () => {
    const r = await send('/api/workspace.current', { headers: { ...auth(), Origin: `http://127.0.0.1:${bridge.port}` }, body: '{}' });
    expect(r.status).toBe(200);
  });

  it('returns a refused input as { code, message, field } with a 4xx status', async () => {
    const r = await send('/api/registry.addPrefix', { headers: auth(), body: JSON.stringify({ prefix: '10.0.0.1/8' }) });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'invalid', field: 'prefix', message: expect.stringMatching(/host bits set/) } });
  });

  it('refuses an unknown field by name (strict JSON) and changes nothing', async () => {
    const before = await count();
    const r = await send('/api/registry.addPrefix', { headers: auth(), body: JSON.stringify({ prefix: '198.51.100.0/24', staus: 'used' }) });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'staus', message: expect.stringMatching(/is not a field of .*did you mean status\?/) },
    });
    expect(await count()).toBe(before);
  });

  it('refuses an unknown operation, a GET on the API, bad JSON and a non-JSON body', async () => {
    expect((await send('/api/registry.dropEverything', { headers: auth(), body: '{}' })).status).toBe(400);
    expect((await send('/api/workspace.info', { method: 'GET', headers: auth() })).status).toBe(405);
    expect((await send('/api/workspace.info', { headers: auth(), body: '{' })).status).toBe(400);
    expect((await send('/api/workspace.info', { headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(
      415,
    );
  });

  it('serves pages with a Content-Security-Policy and never outside its folder', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'/);
    expect((await send('/../../etc/passwd', { method: 'GET' })).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' })).status).toBe(404);
  });

  it('answers a damaged percent-encoding in a page or API path with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/assets/%C3%28.js']) {
      const r = await send(path, { method: 'GET' });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/percent-encoding/) } });
    }
    const api = await send('/api/registry.%E0%A4%A', { headers: auth(), body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error.message).toMatch(/percent-encoding/);
  });
});
