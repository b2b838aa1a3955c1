import { isPlainObject } from '../validate/describe-value.ts';

/** A parameter value reduced to what the OpenAPI styles can express. */
export type StyleValue =
  | { kind: 'primitive'; value: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; entries: Array<[string, string]> };

/**
 * Dates become ISO strings, null items become empty strings, and values nested inside an array or
 * object (which no style can express) become their JSON text.
 */
export function toStyleValue(value: unknown): StyleValue {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(atomToString) };
  if (isPlainObject(value)) {
    return { kind: 'object', entries: Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, atomToString(v)]) };
  }
  return { kind: 'primitive', value: atomToString(value) };
}

export function atomToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
}

/** Every atom (for checks such as dot segments or CR/LF) in a style value. */
export function styleAtoms(value: StyleValue): string[] {
  if (value.kind === 'primitive') return [value.value];
  if (value.kind === 'array') return value.items;
  return value.entries.flat();
}
