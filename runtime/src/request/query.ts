import type { ParamTarget } from '../definition.ts';
import { atomToString, toStyleValue } from './style-value.ts';
import { encodeAllowReserved, encodeStrict } from './percent-encode.ts';
import { serialiseFormFamily } from './serialise-style.ts';
import { flattenBrackets } from './flatten-brackets.ts';

/** A non-body target; `in` is `query` here. */
export type QueryTarget = Exclude<ParamTarget, { in: 'body' }>;

/**
 * One query parameter as encoded `name=value` pairs. `undefined` and `null` are omitted (RFC 6570:
 * null is undefined); empty arrays and objects are omitted too. Names are always strictly encoded;
 * values too unless `allowReserved` (deepObject ignores allowReserved: names and values share one
 * encoder there). `json: true` sends `JSON.stringify(value)` as one value. `encode` replaces both
 * encoders (form bodies pass the x-www-form-urlencoded one).
 */
export function serialiseQueryParam(options: {
  target: QueryTarget;
  value: unknown;
  encode?: (value: string) => string;
}): string[] {
  const { target, value } = options;
  if (value === undefined || value === null) return [];
  const encodeName = options.encode ?? encodeStrict;
  const encode = options.encode ?? (target.allowReserved ? encodeAllowReserved : encodeStrict);
  if (target.json) return [`${encodeName(target.name)}=${encode(JSON.stringify(value) ?? atomToString(value))}`];
  if (target.style === 'deepObject') return flattenBrackets({ name: target.name, value, encode: encodeName });
  return serialiseFormFamily({
    name: target.name,
    value: toStyleValue(value),
    style: target.style,
    explode: target.explode,
    encode,
    encodeName,
  });
}
