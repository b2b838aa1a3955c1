/** A JSON object (not an array, not null). */
export type PlainRecord = { [key: string]: unknown };

export function isPlainRecord(value: unknown): value is PlainRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own property even when the key is `__proto__`: plain assignment would call the prototype
 * setter instead of storing data, which is how prototype pollution starts.
 */
export function setOwnProperty(target: PlainRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Own property lookup that never reaches the prototype chain (`constructor`, `__proto__`). */
export function getOwnProperty(target: PlainRecord, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/**
 * `Object.fromEntries` built by a loop (about twice as fast in V8 for the small records schemas are
 * made of): the same own data properties in the same order, `__proto__` included as a plain key.
 */
export function plainRecordFromEntries<T>(entries: Iterable<readonly [string, T]>): { [key: string]: T } {
  const record: { [key: string]: T } = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
    else record[key] = value;
  }
  return record;
}
