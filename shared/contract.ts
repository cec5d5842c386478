/**
 * THE list of operations between a client and the workspace. Every transport (Electron IPC,
 * the web bridge, the CLI) iterates over this object; a name declared twice throws here.
 * Area groups live in shared/contract/<area>.ts.
 */
import type { z } from 'zod';
import { defineContract, type Operation } from './contract/define';
import { dhcpOps } from './contract/dhcp';
import { facilityOps } from './contract/facility';
import { forecastOps } from './contract/forecast';
import { linksOps } from './contract/links';
import { readingsOps } from './contract/readings';
import { registryOps } from './contract/registry';
import { reportsOps } from './contract/reports';
import { requestsOps } from './contract/requests';
import { routingOps } from './contract/routing';
import { workspaceOps } from './contract/workspace';

export const contract = defineContract(
  workspaceOps,
  registryOps,
  facilityOps,
  requestsOps,
  forecastOps,
  reportsOps,
  routingOps,
  linksOps,
  dhcpOps,
  readingsOps,
);

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
/**
 * The input of a caller that forwards a planner's raw values for the schema to judge (the CLI's
 * option text, a test's refused input): the channel's own field names, checked by the compiler,
 * each value checked by the schema at dispatch.
 */
export type RawInputOf<C extends Channel> = { [K in keyof InputOf<C>]: unknown };
export type OutputOf<C extends Channel> = Contract[C] extends Operation<z.ZodType, infer O> ? O : never;

/** The operations that change the workspace: the names a journaled action is recorded under. */
export type MutatingChannel = { [C in Channel]: Contract[C] extends { readonly mutates: true } ? C : never }[Channel];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What every client (IPC preload, HTTP, direct) offers the renderer. */
export interface HeadroomClient {
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

export * from './contract/workspace';
export * from './contract/registry';
export * from './contract/facility';
export * from './contract/forecast';
export * from './contract/links';
export * from './contract/requests';
export * from './contract/reports';
export * from './contract/routing';
export * from './contract/dhcp';
export * from './contract/readings';
export { type Operation } from './contract/define';
