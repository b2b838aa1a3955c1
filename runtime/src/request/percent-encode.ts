/**
 * Percent-encoders for each place a value can go. All first replace lone surrogates (which
 * `encodeURIComponent` would throw on) so any string input is encodable.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

/** One path segment: `/`, `?`, `#`, `%` and everything else outside unreserved are encoded. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(toWellFormed(value));
}

/** RFC 3986 strict: only unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay as they are. */
export function encodeStrict(value: string): string {
  return encodeURIComponent(toWellFormed(value)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** application/x-www-form-urlencoded, byte-identical to URLSearchParams. */
export function encodeFormComponent(value: string): string {
  return encodeURIComponent(toWellFormed(value))
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * `allowReserved: true`: RFC 3986 reserved characters and existing `%XX` triplets pass through.
 * `&`, `#` and a bare `%` are still encoded: unencoded they would end the value or the query.
 */
const KEPT_RESERVED = new Set([...":/?@!$'()*+,;=[]"]);

export function encodeAllowReserved(value: string): string {
  const input = toWellFormed(value);
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (KEPT_RESERVED.has(char)) out += char;
    else if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(input.slice(i + 1, i + 3))) out += char;
    else {
      const codePoint = input.codePointAt(i) ?? 0;
      const whole = String.fromCodePoint(codePoint);
      out += encodeStrict(whole);
      i += whole.length - 1;
    }
  }
  return out;
}

/** Decodes `%XX` without throwing on malformed sequences. */
export function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
