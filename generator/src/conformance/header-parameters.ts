/**
 * openapi-backend hands header values to the validator as the text that arrived. A header parameter
 * declared as an array or object (style `simple`, the only header style) is split here as the
 * vendor's server would: `a, b` → `['a', 'b']`; objects as `k,v,k,v`, or `k=v,k=v` when exploded.
 * A header declared with a JSON `content` media type instead of a schema is parsed as JSON.
 */
import { isRecord } from './vendor-spec.ts';

export function decodeHeaderParameters(options: { headers: Record<string, string>; parameters: readonly unknown[] }): Record<string, unknown> {
  const decoded: Record<string, unknown> = { ...options.headers };
  for (const parameter of options.parameters) {
    if (isRecord(parameter) && parameter.in === 'header' && typeof parameter.name === 'string' && isRecord(parameter.content)) {
      decodeContentHeader({ decoded, headers: options.headers, name: parameter.name.toLowerCase(), content: parameter.content });
      continue;
    }
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

/** A header declared with `content: { application/json: … }` carries its value as JSON text. */
function decodeContentHeader(options: { decoded: Record<string, unknown>; headers: Record<string, string>; name: string; content: Record<string, unknown> }): void {
  const text = Object.hasOwn(options.headers, options.name) ? options.headers[options.name] : undefined;
  const mediaType = Object.keys(options.content)[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (text === undefined || !/^application\/(?:[^;]*\+)?json$/.test(mediaType)) return;
  try {
    options.decoded[options.name] = JSON.parse(text);
  } catch {
    // Not JSON: the validator judges the text as sent.
  }
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
