/**
 * The renderer's only way to the workspace: the contract, through whichever transport exists.
 * In Electron the preload exposes `window.headroom` (one function per operation); in a browser
 * the web bridge answers `POST /api/<channel>` with the session token from the page URL.
 */
import type { Channel, HeadroomClient, InputOf, OutputOf } from '../shared/contract';
import type { ErrorShape, WarningShape } from '../shared/errors';

type CallResult = { ok: true; value: unknown; warning?: WarningShape } | { ok: false; error: ErrorShape; warning?: WarningShape };

/**
 * Told after every answer, with the warning that rode beside it (or null): while the workspace
 * file could not be rewritten, every answer carries `not-saved` (the app shell's banner).
 */
export type AnswerListener = (channel: Channel, warning: WarningShape | null) => void;
const answerListeners = new Set<AnswerListener>();

export function onAnswer(listener: AnswerListener): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

function answered(channel: Channel, r: CallResult): void {
  for (const l of answerListeners) {
    try {
      l(channel, r.warning ?? null);
    } catch {
      /* a listener's failure is not the call's */
    }
  }
}

/** A refusal as the service gave it: the message (the problem alone) and the field it belongs to. */
export class ClientError extends Error implements ErrorShape {
  code: ErrorShape['code'];
  field?: string;
  subject?: string;
  constructor(shape: ErrorShape) {
    super(shape.message);
    this.code = shape.code;
    if (shape.field) this.field = shape.field;
    if (typeof shape.subject === 'string') this.subject = shape.subject;
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

/** Options of one call: a signal that abandons it (a query whose answer is no longer wanted). */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The contract's client, plus cancellation: over HTTP an aborted call stops its request; over
 * IPC the answer is dropped when it arrives (the main process has no cancellation).
 */
export interface RendererClient extends HeadroomClient {
  transport: 'ipc' | 'http';
  call<C extends Channel>(channel: C, input: InputOf<C>, options?: CallOptions): Promise<OutputOf<C>>;
}

function abandoned(): DOMException {
  return new DOMException('the call was cancelled', 'AbortError');
}

export function createClient(): RendererClient {
  const ipc = window.headroom;
  if (ipc) {
    return {
      transport: 'ipc',
      async call<C extends Channel>(channel: C, input: InputOf<C>, options?: CallOptions): Promise<OutputOf<C>> {
        const fn = ipc[channel];
        if (!fn) throw new ClientError({ code: 'internal', message: `operation ${channel} is not exposed` });
        if (options?.signal?.aborted) throw abandoned();
        const r = await fn(input);
        answered(channel, r);
        if (options?.signal?.aborted) throw abandoned();
        if (!r.ok) throw new ClientError(r.error);
        return r.value as never;
      },
    };
  }
  const token = takeToken();
  return {
    transport: 'http',
    async call<C extends Channel>(channel: C, input: InputOf<C>, options?: CallOptions): Promise<OutputOf<C>> {
      let res: Response;
      try {
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
          ...(options?.signal ? { signal: options.signal } : {}),
        });
      } catch {
        if (options?.signal?.aborted) throw abandoned();
        throw new ClientError({ code: 'io', message: 'the Headroom server is not reachable (was it stopped?)' });
      }
      const r = (await res.json()) as CallResult;
      answered(channel, r);
      if (!r.ok) throw new ClientError(r.error);
      return r.value as OutputOf<C>;
    },
  };
}

export const client = createClient();
