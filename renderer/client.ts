/**
 * The renderer's only way to the workspace: the contract, through whichever transport exists.
 * In Electron the preload exposes `window.headroom` (one function per operation); in a browser
 * the web bridge answers `POST /api/<channel>` with the session token from the page URL.
 */
import type { Channel, HeadroomClient, InputOf, OutputOf } from '../shared/contract';
import type { ErrorShape } from '../shared/errors';

type CallResult = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

export class ClientError extends Error implements ErrorShape {
  code: ErrorShape['code'];
  field?: string;
  constructor(shape: ErrorShape) {
    super(shape.message);
    this.code = shape.code;
    if (shape.field) this.field = shape.field;
  }
}

declare global {
  interface Window {
    headroom?: Record<string, (input: unknown) => Promise<CallResult>>;
  }
}

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('headroom-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('headroom-token') ?? '';
}

export function createClient(): HeadroomClient & { transport: 'ipc' | 'http' } {
  const ipc = window.headroom;
  if (ipc) {
    return {
      transport: 'ipc',
      async call(channel, input) {
        const fn = ipc[channel];
        if (!fn) throw new ClientError({ code: 'internal', message: `operation ${channel} is not exposed` });
        const r = await fn(input);
        if (!r.ok) throw new ClientError(r.error);
        return r.value as never;
      },
    };
  }
  const token = takeToken();
  return {
    transport: 'http',
    async call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
      let res: Response;
      try {
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ClientError({ code: 'io', message: 'the Headroom server is not reachable (was it stopped?)' });
      }
      const r = (await res.json()) as CallResult;
      if (!r.ok) throw new ClientError(r.error);
      return r.value as OutputOf<C>;
    },
  };
}

export const client = createClient();
