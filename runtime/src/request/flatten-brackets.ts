import { isPlainObject } from '../validate/describe-value.ts';
import { atomToString } from './style-value.ts';

/**
 * Nested values as bracketed names, the convention of deepObject query parameters and of
 * Stripe-style form bodies: `a[b][c]=1`; arrays of primitives `a[]=x&a[]=y`; arrays holding
 * objects or arrays are indexed, `a[0][b]=1`. Empty objects and arrays produce nothing; `null`
 * produces an empty value, or nothing with `nulls: 'omit'` (form bodies). Brackets stay literal; names and values go through `encode`.
 */
export function flattenBrackets(options: {
  name: string;
  value: unknown;
  encode: (value: string) => string;
  nulls?: 'empty' | 'omit';
}): string[] {
  const out: string[] = [];
  walk({ prefix: options.encode(options.name), value: options.value, encode: options.encode, out, depth: 0, omitNulls: options.nulls === 'omit' });
  return out;
}

const MAX_DEPTH = 64;

function walk(options: { prefix: string; value: unknown; encode: (value: string) => string; out: string[]; depth: number; omitNulls: boolean }): void {
  const { prefix, value, encode, out, depth } = options;
  if (value === undefined || (value === null && options.omitNulls)) return;
  if (depth > MAX_DEPTH) throw new RangeError('value nested too deeply to serialise');
  if (Array.isArray(value)) {
    const indexed = value.some((item) => Array.isArray(item) || isPlainObject(item));
    value.forEach((item, index) => {
      walk({ ...options, prefix: indexed ? `${prefix}[${index}]` : `${prefix}[]`, value: item, depth: depth + 1 });
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      walk({ ...options, prefix: `${prefix}[${encode(key)}]`, value: item, depth: depth + 1 });
    }
    return;
  }
  out.push(`${prefix}=${encode(atomToString(value))}`);
}
