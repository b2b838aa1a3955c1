/** The kind of a value for messages; never the value itself (it may be a secret or 100 MB). */
export function describeValueKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Blob) return 'blob';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Option values listed in a message: from the definition, never from input. */
export function listAllowedValues(values: unknown[]): string {
  const shown = values.slice(0, 10).map((value) => JSON.stringify(value)).join(', ');
  return values.length > 10 ? `${shown}, … (${values.length} in all)` : shown;
}
