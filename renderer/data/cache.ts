/**
 * The renderer's query cache over the contract (TanStack Query), free of React and of the
 * window's transport so it can be tested under Node: a query is keyed `[channel, input]` and
 * hands its abort signal to the call; a change invalidates the queries of the areas it touches
 * (./areas.ts); undo, redo and a workspace switch invalidate all.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { AREA_NAMES, areaOf, staleAfter, type Area } from './areas';

/** What the cache needs of a client: one call, cancellable. */
export interface Caller {
  call<C extends Channel>(channel: C, input: InputOf<C>, options?: { signal?: AbortSignal }): Promise<OutputOf<C>>;
}

/** The query key of a channel and its input. */
export function contractKey<C extends Channel>(channel: C, input: InputOf<C>): readonly [C, InputOf<C>] {
  return [channel, input] as const;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The workspace changes through this window's changes (which invalidate) or another
      // window's (read again on the next change or visit); a failed read is shown, not retried.
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

/** The query options of a channel and its input, for useQuery, QueryObserver or fetchQuery. */
export function contractQuery<C extends Channel>(channel: C, input: InputOf<C>, caller: Caller) {
  return {
    queryKey: contractKey(channel, input),
    queryFn: ({ signal }: { signal: AbortSignal }) => caller.call(channel, input, { signal }),
  };
}

function channelOfKey(key: QueryKey): string | null {
  return typeof key[0] === 'string' ? key[0] : null;
}

/**
 * A counter per area, bumped whenever that area's queries are invalidated: for data that is not
 * one query (the Registry's grid pages itself through `registry.listPrefixes`) and reloads when
 * its area's counter moves.
 */
interface Epochs {
  counts: Map<Area, number>;
  listeners: Set<() => void>;
}
const epochs = new WeakMap<QueryClient, Epochs>();

function epochsOf(qc: QueryClient): Epochs {
  let e = epochs.get(qc);
  if (!e) epochs.set(qc, (e = { counts: new Map(), listeners: new Set() }));
  return e;
}

/** The area's counter (0 until its first invalidation). */
export function areaEpoch(qc: QueryClient, area: Area): number {
  return epochsOf(qc).counts.get(area) ?? 0;
}

/** Told after any area's counter moves; returns the unsubscribe. */
export function onEpoch(qc: QueryClient, listener: () => void): () => void {
  const e = epochsOf(qc);
  e.listeners.add(listener);
  return () => e.listeners.delete(listener);
}

function bump(qc: QueryClient, areas: Iterable<Area>): void {
  const e = epochsOf(qc);
  for (const a of areas) e.counts.set(a, (e.counts.get(a) ?? 0) + 1);
  for (const l of [...e.listeners]) l();
}

/**
 * Marks stale the queries a successful change on `channel` touches and waits for the ones on
 * screen to be read again, so a caller that awaits the change then sees the stored values.
 */
export function invalidateAfter(qc: QueryClient, channel: Channel): Promise<void> {
  const stale = staleAfter(channel);
  bump(qc, stale);
  return qc.invalidateQueries({
    predicate: (q) => {
      const c = channelOfKey(q.queryKey);
      const area = c === null ? null : areaOf(c);
      return area === null || stale.has(area);
    },
  });
}

/** Marks every query stale (undo, redo) and waits for those on screen. */
export function invalidateAll(qc: QueryClient): Promise<void> {
  bump(qc, AREA_NAMES);
  return qc.invalidateQueries();
}

/**
 * Another workspace is open: the old one's answers are dropped, never asked again of the new
 * one (a selected block may not exist there), and only the workspace state is read again. The
 * screens, keyed on the workspace's path, then mount afresh and read their own.
 */
export async function forgetWorkspace(qc: QueryClient, stateChannel: Channel): Promise<void> {
  const others = (q: { queryKey: QueryKey }) => channelOfKey(q.queryKey) !== stateChannel;
  await qc.cancelQueries({ predicate: others });
  qc.removeQueries({ predicate: others });
  bump(qc, AREA_NAMES);
  await qc.invalidateQueries({ queryKey: [stateChannel] });
}

/**
 * Runs a change, then invalidates the queries it touches and waits for those on screen (the
 * workspace state among them: undo, the save banner) to be read again. A failure is thrown to
 * the caller, which shows it next to its field; it invalidates nothing.
 */
export async function runChange<C extends Channel>(qc: QueryClient, caller: Caller, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const out = await caller.call(channel, input);
  await invalidateAfter(qc, channel);
  return out;
}
