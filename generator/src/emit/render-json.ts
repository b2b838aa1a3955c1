/** JSON file contents: 2-space indentation and a trailing newline, keys in the given order. */
export function renderJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A copy of JSON data with every object's keys sorted (code-unit order), for order-free files. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty, not assignment: a `__proto__` key must stay an own property.
    Object.defineProperty(sorted, key, {
      value: sortKeysDeep((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
