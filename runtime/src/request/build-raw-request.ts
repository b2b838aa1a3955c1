import type { ApiBlock, AuthScheme } from '../definition.ts';
import { unsafeRequestError, validationError } from '../errors/connector-error.ts';
import { isPlainObject } from '../validate/describe-value.ts';
import { resolveAuth } from './auth.ts';
import { joinBaseAndPath } from './base-url.ts';
import { isDotSegment } from './dot-segments.ts';
import { defaultAccept } from './accept.ts';
import { assertSafeHeaderName, assertSafeHeaderValue } from './headers.ts';
import type { ExpectedResponse, PreparedRequest } from './prepared-request.ts';
import { serialiseQueryParam } from './query.ts';

/** FluxTurn's `executeRequest` argument. */
export interface RawRequest {
  method: ApiBlock['method'] | Lowercase<ApiBlock['method']>;
  /** Path relative to the base URL (`/user`), or an absolute URL on the base URL's origin. */
  endpoint: string;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON, strings as text, Blob / Uint8Array as bytes. */
  body?: unknown;
  /** Serialised as form style, exploded (`a=1&a=2`). */
  queryParams?: Record<string, unknown>;
  /** Overrides the connector's timeout for this request. */
  timeout?: number;
  /** Default `auto`: by the response Content-Type. */
  responseType?: ExpectedResponse;
}

/**
 * A raw request: same rules as actions. An absolute or protocol-relative endpoint is accepted only
 * on the base URL's origin; dot segments are refused; credentials are applied by the first scheme
 * whose credentials are configured (or none).
 */
export async function buildRawRequest(options: {
  request: RawRequest;
  base: URL;
  schemes: AuthScheme[];
  credentials: Record<string, string>;
}): Promise<PreparedRequest> {
  const { request, base } = options;
  const target = resolveEndpoint({ endpoint: request.endpoint, base });
  const query = Object.entries(request.queryParams ?? {}).flatMap(([name, value]) =>
    serialiseQueryParam({ target: { in: 'query', name, style: 'form', explode: true }, value }),
  );
  const search = [target.search, ...query].filter((part) => part !== '').join('&');
  const responseType = request.responseType ?? 'auto';
  const headers: Record<string, string> = { accept: defaultAccept({ type: responseType }) };
  const body = await encodeRawBody(request.body);
  if (body.contentType) headers['content-type'] = body.contentType;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const where = `request.headers[${JSON.stringify(name)}]`;
    assertSafeHeaderName({ name, where });
    assertSafeHeaderValue({ value: String(value), where });
    headers[name.toLowerCase()] = String(value);
  }
  const security = [...options.schemes.map((scheme) => [scheme.id]), []];
  return {
    method: request.method.toUpperCase() as ApiBlock['method'],
    origin: base.origin,
    url: target.url + (search ? `?${search}` : ''),
    headers,
    cookies: [],
    body: body.body,
    auth: resolveAuth({ schemes: options.schemes, security, credentials: options.credentials }),
    responseType,
  };
}

function resolveEndpoint(options: { endpoint: string; base: URL }): { url: string; search: string } {
  const { endpoint, base } = options;
  const looksAbsolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(endpoint) || /^[\\/]{2}/.test(endpoint);
  if (looksAbsolute) {
    // On the raw text: `new URL` resolves `/v1/../admin` to `/admin` before any check could see it.
    assertNoDotSegments(endpoint.split(/[?#]/, 1)[0]!);
    let url: URL;
    try {
      url = new URL(endpoint, base);
    } catch {
      throw validationError('request.endpoint: not a valid URL');
    }
    if (url.origin !== base.origin || url.username || url.password) {
      throw unsafeRequestError('request.endpoint: absolute URLs must be on the connector base URL origin');
    }
    return { url: `${url.origin}${url.pathname}`, search: url.search.slice(1) };
  }
  const [beforeHash] = endpoint.split('#', 1);
  const queryStart = beforeHash.indexOf('?');
  const path = queryStart === -1 ? beforeHash : beforeHash.slice(0, queryStart);
  const search = queryStart === -1 ? '' : beforeHash.slice(queryStart + 1);
  assertNoDotSegments(path);
  if (/[\u0000-\u001F\u007F]/.test(path)) throw validationError('request.endpoint: control characters are not allowed');
  return { url: joinBaseAndPath({ base, path }), search };
}

function assertNoDotSegments(path: string): void {
  if (path.split(/[\\/]/).some(isDotSegment)) {
    throw unsafeRequestError('request.endpoint: "." and ".." segments are not allowed');
  }
}

async function encodeRawBody(body: unknown): Promise<{ body?: string | Uint8Array; contentType?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { body, contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { body, contentType: 'application/octet-stream' };
  if (body instanceof Blob) {
    return { body: new Uint8Array(await body.arrayBuffer()), contentType: body.type || 'application/octet-stream' };
  }
  if (isPlainObject(body) || Array.isArray(body) || typeof body === 'number' || typeof body === 'boolean') {
    return { body: JSON.stringify(body), contentType: 'application/json' };
  }
  throw validationError('request.body: unsupported body type');
}
