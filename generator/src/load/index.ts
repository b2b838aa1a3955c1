export { loadSpec } from './load-spec.ts';
export { DEFAULT_SPEC_LIMITS, type LoadSpecOptions, type LoadedSpec, type SpecDocument, type SpecLimits, type SpecVersion } from './types.ts';
export type { HostLookup } from './types.ts';
export { nonPublicAddressReason } from './public-address.ts';
export { nonPublicUrlReason } from './public-url.ts';
export { checkRemoteRefUrl } from './remote-ref.ts';
