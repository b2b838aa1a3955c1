export { normaliseSpec } from './normalise-spec.ts';
export { classifyMediaType } from './classify-media-type.ts';
