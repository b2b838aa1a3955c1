export { applyOverrides } from './apply-overrides.ts';
export { loadOverrides, parseOverrides, type LoadedOverrides } from './load-overrides.ts';
export { scaffoldOverrides } from './scaffold-overrides.ts';
export type { OverridesFile, OperationMatcher, SelectionRule } from './file-types.ts';
export type * from './types.ts';
