export { SpecwireError, isSpecwireError, type ErrorLocation } from './specwire-error.ts';
export { isStackOverflow, nestingTooDeepError } from './stack-overflow.ts';
export { jsonPointer, childPointer, escapePointerSegment, parsePointerFragment } from './json-pointer.ts';
