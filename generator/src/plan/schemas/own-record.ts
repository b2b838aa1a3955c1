/**
 * Spec text supplies object keys (schema names, property names, paths). `obj[key]` on a plain object
 * would read `Object.prototype` members for keys like `constructor`, and `obj[key] = v` would set the
 * prototype for `__proto__`. Every spec-keyed record is therefore read with `ownValue` and built with
 * `recordFromEntries` (which defines own properties, `__proto__` included).
 */

export type PlainObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record's own value for `key`, never an inherited one. */
export function ownValue<T>(options: { record: Record<string, T> | undefined; key: string }): T | undefined {
  const { record, key } = options;
  if (record === undefined || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  return record[key];
}

/** Builds a record with own data properties only (safe for `__proto__` keys). */
export function recordFromEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

/** Deep copy of JSON data; keys are defined as own properties, so `__proto__` stays a plain key. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isPlainObject(value)) {
    return recordFromEntries(Object.entries(value).map(([key, item]) => [key, cloneJson(item)] as const)) as T;
  }
  return value;
}
