import { escapePointerSegment } from '../errors/index.ts';

/**
 * JSON data as text for a `String.raw` template (`JSON.parse(String.raw\`…\`)`): compact JSON from
 * `JSON.stringify`, with the characters a template reads differently written as JSON escapes: a
 * backtick (it would end the template), the `$` of `${` (it would start a substitution) and
 * U+2028/U+2029 (escaped for readers, as `renderStringLiteral` does). JSON has none of them outside
 * strings, so every escape lands inside a JSON string, where JSON.parse reads it back as the same
 * character; `String.raw` keeps every other backslash for JSON.parse to read.
 *
 * Nothing but data comes out, as with `renderLiteral`: a function, symbol, bigint, non-plain object,
 * non-finite number, cycle, or `undefined` in an array throws (JSON.stringify would turn some of them
 * into `null` or leave them out without a word). An object property that is `undefined` is left out.
 */
export function renderRawJson(value: unknown, options: { where?: string } = {}): string {
  assertJsonData({ value, where: options.where ?? '', seen: new Set() });
  return JSON.stringify(value)
    .replace(/`/g, '\\u0060')
    .replace(/\$\{/g, '\\u0024{')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function assertJsonData(options: { value: unknown; where: string; seen: Set<object> }): void {
  const { value, where, seen } = options;
  const at = where || '/';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`renderRawJson: non-finite number at ${at}`);
    return;
  }
  if (typeof value !== 'object') throw new TypeError(`renderRawJson: ${typeof value} is not data (at ${at})`);
  if (seen.has(value)) throw new TypeError(`renderRawJson: cycle at ${at}`);
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined) throw new TypeError(`renderRawJson: undefined array item at ${where}/${index}`);
      assertJsonData({ value: item, where: `${where}/${index}`, seen });
    });
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError(`renderRawJson: only plain objects are data (at ${at})`);
    // `toJSON` would let JSON.stringify write something other than the data checked here.
    if (Object.hasOwn(value, 'toJSON') && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      throw new TypeError(`renderRawJson: function is not data (at ${where}/toJSON)`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) assertJsonData({ value: item, where: `${where}/${escapePointerSegment(key)}`, seen });
    }
  }
  seen.delete(value);
}
