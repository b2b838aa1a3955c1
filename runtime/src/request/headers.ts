import type { ParamTarget } from '../definition.ts';
import { ConnectorError, ErrorCode, validationError } from '../errors/connector-error.ts';
import { encodePathSegment } from './percent-encode.ts';
import { serialiseSimpleFamily } from './serialise-style.ts';
import { toStyleValue } from './style-value.ts';

/** A non-body target; `in` is `header` or `cookie` here. */
export type HeaderTarget = Exclude<ParamTarget, { in: 'body' }>;

/** Servers refuse larger header fields (Node 16 KB in total, nginx 8 KB per line): fail before sending. */
const MAX_HEADER_VALUE_LENGTH = 8_192;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** CR, LF and NUL split or truncate headers; other controls and non-Latin-1 cannot be sent. */
const UNSENDABLE_HEADER_CHAR = /[\u0000-\u0008\u000A-\u001F\u007F]|[^\u0000-\u00FF]/;

/**
 * Refuses a header value that could inject headers or that fetch cannot send. `where` names the
 * source (`input.foo`, `credential "apiKey"`); the value itself is never part of the message.
 */
export function assertSafeHeaderValue(options: { value: string; where: string; kind?: 'input' | 'config' }): void {
  if (options.value.length > MAX_HEADER_VALUE_LENGTH) {
    const message = `${options.where}: header value longer than ${MAX_HEADER_VALUE_LENGTH} characters was refused`;
    if (options.kind === 'config') throw new ConnectorError({ code: ErrorCode.configuration, message });
    throw validationError(message);
  }
  if (!UNSENDABLE_HEADER_CHAR.test(options.value)) return;
  const message = `${options.where}: header value contains a line break, NUL, control or non-Latin-1 character and was refused`;
  if (options.kind === 'config') throw new ConnectorError({ code: ErrorCode.configuration, message });
  throw validationError(message);
}

export function assertSafeHeaderName(options: { name: string; where: string }): void {
  if (!HEADER_NAME.test(options.name)) {
    throw new ConnectorError({ code: ErrorCode.configuration, message: `${options.where}: invalid header name` });
  }
}

/**
 * A header parameter: simple style (arrays `a,b`, objects `k,v` or `k=v` when exploded), or JSON
 * text for one declared with a JSON `content` media type (`json: true`).
 */
export function serialiseHeaderParam(options: { target: HeaderTarget; value: unknown; where: string }): string | undefined {
  const { target, value, where } = options;
  if (value === undefined || value === null) return undefined;
  assertSafeHeaderName({ name: target.name, where });
  const serialised = target.json ? (JSON.stringify(value) ?? '') : serialiseSimpleFamily({
    name: target.name,
    value: toStyleValue(value),
    style: 'simple',
    explode: target.explode,
    encode: (atom) => atom,
  });
  assertSafeHeaderValue({ value: serialised, where });
  return serialised;
}

/**
 * A cookie parameter as `name=value`. Each atom is percent-encoded (`;`, `,`, space and quotes
 * cannot appear in a cookie value), then joined like the simple style.
 */
export function serialiseCookieParam(options: { target: HeaderTarget; value: unknown; where: string }): string | undefined {
  const { target, value, where } = options;
  if (value === undefined || value === null) return undefined;
  assertSafeHeaderName({ name: target.name, where });
  const serialised = serialiseSimpleFamily({
    name: target.name,
    value: toStyleValue(value),
    style: 'simple',
    explode: target.explode,
    encode: encodePathSegment,
  });
  return `${target.name}=${serialised}`;
}
