import { renderStringLiteral } from './render-string-literal.ts';

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Members of TypeScript's `Object` interface. Written as a plain key (bare, quoted or `["…"]`) in an
 * object literal typed `Record<string, T>`, such a property is checked against the `Object` member
 * instead of `T`, so `{ constructor: { in: "body" } }` fails to typecheck as a `ParamTarget` map.
 */
const OBJECT_INTERFACE_MEMBERS: ReadonlySet<string> = new Set([
  'constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
]);

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
 * a computed key whose expression is a string literal: still pure data, and an own property. Names of
 * `Object` members get a computed key widened to `string` so they typecheck like any other name.
 */
export function renderValuePropertyKey(key: string): string {
  if (key === '__proto__') return `[${renderStringLiteral(key)}]`;
  // Still a string-literal key and plain data at run time; the `as string` only changes how tsc reads it.
  if (OBJECT_INTERFACE_MEMBERS.has(key)) return `[${renderStringLiteral(key)} as string]`;
  return renderPropertyKey(key);
}
