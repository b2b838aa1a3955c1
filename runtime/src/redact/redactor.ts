/**
 * Removes credentials from anything that can leave the connector: error messages, details, URLs,
 * headers and event payloads. Secrets are matched as literal substrings in every form the runtime
 * may have written them (raw, percent-encoded, form-encoded, JSON-escaped, Basic base64).
 */
export const REDACTED = '[REDACTED]';

/** Headers that carry credentials whatever the spec says. */
const ALWAYS_SENSITIVE_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** Secrets shorter than this are not substring-replaced: they would mangle every message. */
const MIN_SECRET_LENGTH = 3;
const MAX_REDACT_DEPTH = 32;

export interface RedactorOptions {
  /** Secret values (credential values, derived tokens). */
  secrets: Iterable<string>;
  /** Header names whose values are secret (api-key headers declared by the spec). */
  sensitiveHeaderNames?: Iterable<string>;
  /** Query parameter names whose values are secret (api-key query params). */
  sensitiveQueryNames?: Iterable<string>;
}

export interface Redactor {
  text(value: string): string;
  /** Deep copy with every string redacted; sensitive keys' values replaced. */
  value(value: unknown): unknown;
  /** URL without userinfo and with sensitive query values replaced. */
  url(value: string): string;
  headers(headers: Record<string, string>): Record<string, string>;
  isSensitiveHeader(name: string): boolean;
  isSensitiveQueryName(name: string): boolean;
}

export function secretVariants(secret: string): string[] {
  const variants = new Set<string>([secret]);
  variants.add(encodeURIComponent(secret));
  variants.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  variants.add(JSON.stringify(secret).slice(1, -1));
  return [...variants];
}

export function createRedactor(options: RedactorOptions): Redactor {
  const secrets = [...new Set([...options.secrets].flatMap(secretVariants))]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const headerNames = new Set([...ALWAYS_SENSITIVE_HEADERS, ...[...(options.sensitiveHeaderNames ?? [])].map(lower)]);
  const queryNames = new Set([...(options.sensitiveQueryNames ?? [])]);

  const text = (value: string): string => {
    let out = value;
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };

  const redactValue = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_REDACT_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const safeKey = text(key);
      out[safeKey] = headerNames.has(lower(key)) || queryNames.has(key) ? REDACTED : redactValue(item, depth + 1);
    }
    return out;
  };

  const url = (value: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return text(value);
    }
    parsed.username = '';
    parsed.password = '';
    const query = parsed.search.length > 1 ? parsed.search.slice(1).split('&') : [];
    const safeQuery = query.map((pair) => {
      const name = safeDecode(pair.split('=')[0] ?? '');
      return queryNames.has(name) ? `${pair.split('=')[0]}=${REDACTED}` : pair;
    });
    const search = safeQuery.length > 0 ? `?${safeQuery.join('&')}` : '';
    return text(`${parsed.origin}${parsed.pathname}${search}`);
  };

  return {
    text,
    value: (value) => redactValue(value, 0),
    url,
    headers: (headers) => {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        out[name] = headerNames.has(lower(name)) ? REDACTED : text(value);
      }
      return out;
    },
    isSensitiveHeader: (name) => headerNames.has(lower(name)),
    isSensitiveQueryName: (name) => queryNames.has(name),
  };
}

function lower(value: string): string {
  return value.toLowerCase();
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
