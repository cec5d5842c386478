/**
 * The renderer's data hooks: `useContractQuery(channel, input)` reads through the contract with
 * cancellation; `useChange()` / `useContractMutation(channel)` run a change and invalidate the
 * queries of the areas it touches (./cache.ts, ./areas.ts). Screens use these instead of
 * calling `client.call` in effects.
 */
import {
  keepPreviousData,
  QueryClientProvider,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { client } from '../client';
import type { Area } from './areas';
import { areaEpoch, contractQuery, createQueryClient, onEpoch, runChange } from './cache';

export { contractKey, forgetWorkspace, invalidateAfter, invalidateAll } from './cache';

/** Provides the app's query client (one per window). */
export function DataProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [qc] = useState(() => queryClient ?? createQueryClient());
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}

type Key<C extends Channel> = readonly [C, InputOf<C>];

/** The options of useContractQuery (the key and the fetch are the hook's own). */
export type ContractQueryOptions<C extends Channel, T = OutputOf<C>> = Omit<UseQueryOptions<OutputOf<C>, Error, T, Key<C>>, 'queryKey' | 'queryFn'>;

/**
 * Reads a channel. While a new input's answer is on its way the previous answer stays on screen
 * (as the screens did before); pass `enabled: false` to wait (no workspace open).
 */
export function useContractQuery<C extends Channel, T = OutputOf<C>>(
  channel: C,
  input: InputOf<C>,
  options?: ContractQueryOptions<C, T>,
): UseQueryResult<T, Error> {
  return useQuery<OutputOf<C>, Error, T, Key<C>>({
    placeholderData: keepPreviousData,
    ...options,
    ...contractQuery(channel, input, client),
  } as UseQueryOptions<OutputOf<C>, Error, T, Key<C>>);
}

/** `change(channel, input)`: runs a change; resolves once the queries it touches are read again. */
export function useChange(): <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>> {
  const qc = useQueryClient();
  return useCallback(<C extends Channel>(channel: C, input: InputOf<C>) => runChange(qc, client, channel, input), [qc]);
}

/** A change on one channel: `mutate(input)` resolves once the queries it touches are read again. */
export function useContractMutation<C extends Channel>(channel: C): (input: InputOf<C>) => Promise<OutputOf<C>> {
  const qc = useQueryClient();
  return useCallback((input: InputOf<C>) => runChange(qc, client, channel, input), [qc, channel]);
}

/**
 * A number that moves whenever the area's queries are invalidated (a change that touches it,
 * undo, another workspace): for data read outside useContractQuery, such as the Registry's
 * paged grid, to reload on.
 */
export function useAreaVersion(area: Area): number {
  const qc = useQueryClient();
  const subscribe = useCallback((l: () => void) => onEpoch(qc, l), [qc]);
  return useSyncExternalStore(subscribe, () => areaEpoch(qc, area));
}
