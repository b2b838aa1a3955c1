/**
 * Reads a dotted path (`meta.next_cursor`) from parsed JSON: own properties only, so a path can
 * never reach a prototype. A key that itself contains dots (`@odata.nextLink`) is matched whole
 * first. `''` is the value itself.
 */
export function readPath(options: { value: unknown; path: string }): unknown {
  const { value, path } = options;
  if (path === '') return value;
  if (isRecord(value) && Object.hasOwn(value, path)) return value[path];
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
