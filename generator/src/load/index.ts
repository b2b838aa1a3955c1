export { loadSpec } from './load-spec.ts';
export { DEFAULT_SPEC_LIMITS, type LoadSpecOptions, type LoadedSpec, type SpecDocument, type SpecLimits, type SpecVersion } from './types.ts';
