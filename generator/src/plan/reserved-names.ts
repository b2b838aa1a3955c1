/**
 * Names a generated method may not take. A typed action method lives on a class that extends the
 * runtime's `BaseConnector`, so it must not shadow a base member, an `Object.prototype` member, or a
 * word that reads badly (or is invalid in some positions) as an identifier.
 */

/** Members of the runtime's `BaseConnector` (public API, lifecycle hooks and state). */
export const BASE_CONNECTOR_MEMBERS: readonly string[] = [
  'executeAction',
  'executeRequest',
  'initialize',
  'testConnection',
  'getHealthStatus',
  'getMetadata',
  'getUsageStats',
  'refreshTokens',
  'destroy',
  'on',
  'off',
  'emit',
  'constructor',
  // Not a base member, but the emitter refuses it as a method name (it reads as the class's prototype).
  'prototype',
  'definition',
  'options',
  'config',
  'credentials',
  'paginate',
  'paginatePages',
  'loadOptions',
  'handleWebhook',
  'poll',
  'initializeConnection',
  'performConnectionTest',
  'performHealthCheck',
  'performRequest',
  'performAction',
  'cleanup',
];

export const OBJECT_PROTOTYPE_MEMBERS: readonly string[] = [
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

/** ECMAScript reserved and strict-mode restricted words, plus a few globals best not shadowed. */
export const JS_RESERVED_WORDS: readonly string[] = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import',
  'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
];

export const RESERVED_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...BASE_CONNECTOR_MEMBERS,
  ...OBJECT_PROTOTYPE_MEMBERS,
  ...JS_RESERVED_WORDS,
]);
