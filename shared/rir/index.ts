/**
 * Entry point of the RIR domain (specs/rir-requests.md): policy data and checks, request
 * drafts, RPSL, reverse DNS and the delegated stats format. Pure: imports only ../errors,
 * ../ip/prefix and zod.
 */
export * from './rir';
export * from './reverse-zones';
export * from './bind-zone';
export * from './domain-object';
export * from './ds-rdata';
export * from './hostname';
export * from './delegated';
export * from './delegated-write';
export * from './ipv4-cidrs';
export * from './rpsl-object';
export * from './rpsl-text';
export * from './rpsl-syntax';
export * from './rpsl-templates';
export * from './rpsl-status';
export * from './rpsl-validate';
export * from './rpsl-build';
export * from './policy-table';
export * from './ipv6-sizing';
export * from './draft';
export * from './draft-schema';
export * from './draft-render';
export * from './policy-checks';
export { SPECIAL_USE_PREFIXES, specialAsnReason } from './policy-checks-address';
export { VERIFY_PREFIX, type Finding } from './policy-check-core';
export * from './draft-templates';
