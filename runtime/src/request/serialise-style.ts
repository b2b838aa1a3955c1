import type { ParameterStyle } from '../definition.ts';
import type { StyleValue } from './style-value.ts';

type Encode = (value: string) => string;

/**
 * Path and header styles (simple, label, matrix) of OpenAPI 3, RFC 6570 semantics. Returns the
 * serialised value; `encode` is applied to each atom, never to the style's own delimiters.
 */
export function serialiseSimpleFamily(options: {
  name: string;
  value: StyleValue;
  style: ParameterStyle;
  explode: boolean;
  encode: Encode;
}): string {
  const { value, explode, encode } = options;
  const name = encode(options.name);
  const style = options.style === 'label' || options.style === 'matrix' ? options.style : 'simple';
  if (value.kind === 'primitive') {
    if (style === 'label') return `.${encode(value.value)}`;
    if (style === 'matrix') return value.value === '' ? `;${name}` : `;${name}=${encode(value.value)}`;
    return encode(value.value);
  }
  if (value.kind === 'array') {
    const items = value.items.map(encode);
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    return items.join(',');
  }
  const pairs = value.entries.map(([k, v]) => [encode(k), encode(v)] as const);
  const joined = explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flat();
  if (style === 'label') return `.${joined.join(explode ? '.' : ',')}`;
  if (style === 'matrix') return explode ? joined.map((pair) => `;${pair}`).join('') : `;${name}=${joined.join(',')}`;
  return joined.join(',');
}

/**
 * Query-like styles (form, spaceDelimited, pipeDelimited) for primitives, arrays and flat objects.
 * Returns encoded `name=value` pairs. deepObject is handled by `flattenBrackets`.
 */
export function serialiseFormFamily(options: {
  name: string;
  value: StyleValue;
  style: ParameterStyle;
  explode: boolean;
  encode: Encode;
  encodeName: Encode;
}): string[] {
  const { value, style, explode, encode } = options;
  const name = options.encodeName(options.name);
  if (value.kind === 'primitive') return [`${name}=${encode(value.value)}`];
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
  if (value.kind === 'array') {
    if (value.items.length === 0) return [];
    if (explode) return value.items.map((item) => `${name}=${encode(item)}`);
    return [`${name}=${value.items.map(encode).join(delimiter)}`];
  }
  if (value.entries.length === 0) return [];
  if (explode) return value.entries.map(([k, v]) => `${options.encodeName(k)}=${encode(v)}`);
  return [`${name}=${value.entries.flatMap(([k, v]) => [encode(k), encode(v)]).join(delimiter)}`];
}
