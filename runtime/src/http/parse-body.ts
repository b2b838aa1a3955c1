import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { ExpectedResponse } from '../request/prepared-request.ts';

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b|^application\/json\b/i;
const TEXT_TYPE = /^text\/|^application\/([\w.+-]*\+)?xml\b|^application\/(javascript|x-www-form-urlencoded)\b/i;

/** Stateless between calls (no `stream` option), so one decoder serves every response. */
const utf8 = new TextDecoder();

/**
 * Parses a success body. `json` → parsed value (an empty body, e.g. a 204, is `undefined`);
 * `text` → string; `binary` → `Uint8Array`; `none` → `undefined`; `auto` picks by Content-Type.
 * A body that is not JSON where JSON was promised is a RESPONSE_PARSE_ERROR that states the
 * Content-Type and size, never the body.
 */
export function parseBody(options: { body: Uint8Array; expected: ExpectedResponse; contentType: string | null }): unknown {
  const { body, contentType } = options;
  const expected = options.expected === 'auto' ? detectType({ contentType, size: body.byteLength }) : options.expected;
  if (expected === 'none' || body.byteLength === 0) return expected === 'text' ? '' : undefined;
  if (expected === 'binary') return body;
  const text = utf8.decode(body);
  if (expected === 'text') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConnectorError({
      code: ErrorCode.responseParse,
      message: `response body is not valid JSON (content-type ${describeContentType(contentType)}, ${body.byteLength} bytes)`,
    });
  }
}

export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && JSON_TYPE.test(contentType.trim());
}

function detectType(options: { contentType: string | null; size: number }): ExpectedResponse {
  if (options.size === 0) return 'none';
  if (isJsonContentType(options.contentType)) return 'json';
  if (options.contentType !== null && TEXT_TYPE.test(options.contentType.trim())) return 'text';
  return 'binary';
}

/** A Content-Type safe to print: token characters only, bounded. */
export function describeContentType(contentType: string | null): string {
  if (!contentType) return 'none';
  return contentType.replace(/[^\w!#$&^.+/;= -]/g, '').slice(0, 80);
}
