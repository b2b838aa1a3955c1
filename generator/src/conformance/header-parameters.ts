/**
 * openapi-backend hands header values to the validator as the text that arrived. A header parameter
 * declared as an array or object (style `simple`, the only header style) is split here as the
 * vendor's server would: `a, b` → `['a', 'b']`; objects as `k,v,k,v`, or `k=v,k=v` when exploded.
 */
import { isRecord } from './vendor-spec.ts';

export function decodeHeaderParameters(options: { headers: Record<string, string>; parameters: readonly unknown[] }): Record<string, unknown> {
  const decoded: Record<string, unknown> = { ...options.headers };
  for (const parameter of options.parameters) {
    if (!isRecord(parameter) || parameter.in !== 'header' || typeof parameter.name !== 'string' || !isRecord(parameter.schema)) continue;
    const name = parameter.name.toLowerCase();
    const text = Object.hasOwn(options.headers, name) ? options.headers[name] : undefined;
    if (text === undefined) continue;
    const items = text.split(',').map((item) => item.trim());
    const type = parameter.schema.type;
    if (type === 'array') decoded[name] = text.trim() === '' ? [] : items;
    else if (type === 'object') decoded[name] = parameter.explode === true ? pairsOf(items.map((item) => splitOnce(item))) : pairsOf(chunk(items));
  }
  return decoded;
}

function splitOnce(item: string): [string, string] {
  const at = item.indexOf('=');
  return at === -1 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
}

function chunk(items: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let index = 0; index < items.length; index += 2) pairs.push([items[index]!, items[index + 1] ?? '']);
  return pairs;
}

function pairsOf(pairs: Array<[string, string]>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of pairs) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
}
