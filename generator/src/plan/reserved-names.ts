/**
 * Names a generated method may not take. A typed action method lives on a class that extends the
 * runtime's `BaseConnector`, so it must not shadow a member the class inherits, a name the platform
 * calls on any object, or a word that reads badly (or is invalid in some positions) as an identifier.
 *
 * The runtime keeps all its internals `#private`, so what a subclass can shadow is its public API and
 * FluxTurn's hooks. That list is written out here (the generator does not load the runtime to plan
 * names), and `test/plan/reserved-names.test.ts` derives it from the runtime itself, walking
 * `BaseConnector`'s prototype chain: the two cannot drift apart without a failing test.
 */

/** The members of the runtime's `BaseConnector` (its own prototype; instances have no own names). */
export const BASE_CONNECTOR_MEMBERS: readonly string[] = [
  'constructor',
  'oauth2',
  'initialize',
  'testConnection',
  'getHealthStatus',
  'getUsageStats',
  'executeAction',
  'executeRequest',
  'paginate',
  'paginatePages',
  'handleWebhook',
  'poll',
  'loadOptions',
  'loadOptionsPage',
  'getMetadata',
  'refreshTokens',
  'destroy',
  'use',
  'on',
  'off',
  'emit',
  'initializeConnection',
  'performConnectionTest',
  'performHealthCheck',
  'performAction',
  'performRequest',
  'cleanup',
];

/**
 * Names the platform calls on an object without being asked: `then` (`await connector` would call
 * it, so a connector must never be thenable) and `toJSON` (`JSON.stringify`).
 */
export const PROTOCOL_MEMBERS: readonly string[] = ['then', 'toJSON'];

/** `Object.prototype`'s members as this engine has them (`__proto__`, `hasOwnProperty`, `toString`…). */
export const OBJECT_PROTOTYPE_MEMBERS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

/**
 * ECMAScript reserved and strict-mode restricted words, a few globals best not shadowed, and
 * `prototype`, which the emitter refuses as a method name (it reads as the class's prototype).
 */
export const JS_RESERVED_WORDS: readonly string[] = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import',
  'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
  'prototype',
];

/**
 * Names a CommonJS module holds at its top level. A method name is also the name of its action's
 * constant in `src/actions/<category>.gen.ts`, and the package's CommonJS build refuses a top-level
 * `exports` or `require` (TS2441); the others would shadow what the compiled module relies on.
 */
export const COMMONJS_MODULE_NAMES: readonly string[] = ['exports', 'require', 'module', '__filename', '__dirname'];

export const RESERVED_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...BASE_CONNECTOR_MEMBERS,
  ...PROTOCOL_MEMBERS,
  ...OBJECT_PROTOTYPE_MEMBERS,
  ...JS_RESERVED_WORDS,
  ...COMMONJS_MODULE_NAMES,
]);
