import { SpecwireError, type ErrorLocation } from '../errors/index.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words that cannot name a class, a type or a binding (ES reserved words, strict-mode ones included). */
const RESERVED_WORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package',
  'private', 'protected', 'public', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
]);

/** Names TypeScript keeps for its own types: `type string = …` does not compile. */
const PREDEFINED_TYPE_NAMES = new Set([
  'any', 'unknown', 'never', 'string', 'number', 'boolean', 'symbol', 'object', 'bigint', 'intrinsic',
]);

/** Module-level names CommonJS reserves: `export const exports` does not compile to CommonJS (TS2441). */
const COMMONJS_NAMES = new Set(['exports', 'require', 'module', '__filename', '__dirname']);

/** Method names that would not create an ordinary method on a class. */
const RESERVED_METHOD_NAMES = new Set(['constructor', 'prototype']);

/** `binding`: a module-level constant or namespace import (`export const issuesCreate`). */
export type IdentifierKind = 'class' | 'type' | 'method' | 'binding';

/**
 * The planner alone decides names and guarantees they are safe; the emitter checks again anyway
 * (defence in depth), because a name is the one piece of plan data that is written into source
 * without quoting. Throws a SpecwireError naming the offending value (as a JSON string) and where.
 */
export function assertIdentifier(options: { name: string; kind: IdentifierKind; location?: ErrorLocation }): string {
  const { name, kind, location } = options;
  const unsafe =
    !IDENTIFIER.test(name) ||
    (kind === 'method' ? RESERVED_METHOD_NAMES.has(name) : RESERVED_WORDS.has(name)) ||
    (kind === 'binding' && COMMONJS_NAMES.has(name)) ||
    (kind === 'type' && PREDEFINED_TYPE_NAMES.has(name));
  if (unsafe) {
    throw new SpecwireError(
      `emit: the plan gave ${JSON.stringify(name)} as a ${kind} name, which is not a safe identifier (planner bug)`,
      location,
    );
  }
  return name;
}
