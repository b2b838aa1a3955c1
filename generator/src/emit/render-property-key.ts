import { renderStringLiteral } from './render-string-literal.ts';

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders an object-literal or type-literal property key: bare when it is an identifier name,
 * otherwise a string literal. Reserved words are fine as property names, so they stay bare.
 */
export function renderPropertyKey(key: string): string {
  return IDENTIFIER_NAME.test(key) ? key : renderStringLiteral(key);
}

/**
 * Key for a property of an object literal that is evaluated at run time. `__proto__: value`, quoted
 * or not, sets the object's prototype instead of creating a property, so that one key is written as
 * a computed key whose expression is a string literal: still pure data, and an own property.
 */
export function renderValuePropertyKey(key: string): string {
  return key === '__proto__' ? `[${renderStringLiteral(key)}]` : renderPropertyKey(key);
}
