import { createFetch } from 'ofetch';
import { ConnectorError, ErrorCode, unsafeRequestError } from '../errors/connector-error.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';
import type { HttpResult, TransportSettings } from './http-result.ts';
import { readBodyWithLimit } from './read-body.ts';
import { assertRedirectTarget, isRedirect, methodAfterRedirect, resolveLocation, stripQueryNames, withQueryPairs } from './redirect.ts';
import { toTransportError } from './transport-error.ts';

/**
 * Sends a prepared request over ofetch and follows redirects itself (`redirect: 'manual'`):
 * same-origin hops keep credentials, a hop to another origin drops every credential or is refused
 * (see `TransportSettings.crossOriginRedirects`). ofetch runs with `ignoreResponseError`, no
 * retries and a stream response, so it never throws its own URL-bearing errors for HTTP statuses
 * and the body is read here under the size cap.
 */
export async function sendRequest(options: { request: PreparedRequest; settings: TransportSettings; signal: AbortSignal }): Promise<HttpResult> {
  const { request, settings, signal } = options;
  const $fetch = fetcherFor(settings.fetch);
  let url = withQueryPairs({ url: request.url, pairs: request.auth.query, names: request.auth.queryNames });
  if (!hasOrigin({ url, origin: request.origin })) {
    throw unsafeRequestError('request URL left the connector base URL origin');
  }
  let method: string = request.method;
  let body = request.body;
  let headers = request.headers;
  let withCredentials = true;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await $fetch.raw(url, {
        method,
        headers: headersFor({ request, headers, withCredentials, credentialHeaderNames: settings.credentialHeaderNames }),
        body,
        redirect: 'manual',
        ignoreResponseError: true,
        retry: false,
        responseType: 'stream',
        signal,
      });
    } catch (error) {
      throw toTransportError({ error, signal });
    }
    const location = response.headers.get('location');
    if (!isRedirect(response.status) || location === null) {
      try {
        const bytes = await readBodyWithLimit({ response, maxBytes: settings.maxResponseBytes });
        return { status: response.status, statusText: response.statusText, headers: response.headers, body: bytes, url, credentialsDropped: !withCredentials };
      } catch (error) {
        throw toTransportError({ error, signal });
      }
    }
    await response.body?.cancel().catch(() => undefined);
    if (hop >= settings.maxRedirects) {
      throw new ConnectorError({ code: ErrorCode.tooManyRedirects, message: `more than ${settings.maxRedirects} redirects` });
    }
    const next = resolveLocation({ location, current: url });
    if (next.origin !== request.origin) {
      await assertRedirectTarget({ target: next, origin: request.origin, policy: settings.privateNetworkRedirects ?? 'refuse' });
      if (settings.crossOriginRedirects === 'refuse') {
        throw new ConnectorError({ code: ErrorCode.redirectRefused, message: 'redirect to another origin refused' });
      }
      withCredentials = false;
    }
    url = withCredentials
      ? withQueryPairs({ url: next.href, pairs: request.auth.query, names: request.auth.queryNames })
      : stripQueryNames({ url: next, names: request.auth.queryNames });
    const after = methodAfterRedirect({ status: response.status, method });
    method = after.method;
    if (!after.keepBody) {
      body = undefined;
      headers = withoutBodyHeaders(headers);
    }
  }
}

/** One ofetch instance per fetch implementation: creating it per request costs measurable throughput. */
const fetchers = new WeakMap<typeof fetch, ReturnType<typeof createFetch>>();

function fetcherFor(fetchImplementation: typeof fetch): ReturnType<typeof createFetch> {
  let fetcher = fetchers.get(fetchImplementation);
  if (!fetcher) {
    fetcher = createFetch({ fetch: fetchImplementation });
    fetchers.set(fetchImplementation, fetcher);
  }
  return fetcher;
}

function headersFor(options: {
  request: PreparedRequest;
  headers: Record<string, string>;
  withCredentials: boolean;
  credentialHeaderNames: string[];
}): Record<string, string> | Array<[string, string]> {
  const { request, withCredentials } = options;
  const auth = request.auth.headers;
  // A plain object keeps V8's fast properties (ofetch copies it once per request); a header named
  // `__proto__` (an API key's, from the spec) needs one without a prototype to stay an own entry.
  const special = Object.hasOwn(options.headers, '__proto__') || (withCredentials && Object.hasOwn(auth, '__proto__'));
  const out: Record<string, string> = special ? (Object.create(null) as Record<string, string>) : {};
  for (const name of Object.keys(options.headers)) out[name] = options.headers[name];
  if (!withCredentials) {
    // Cookie parameters may be session-like, so a cross-origin hop drops them with the credentials.
    for (const name of ['authorization', 'proxy-authorization', 'cookie', ...options.credentialHeaderNames]) delete out[name];
    return sendable(out);
  }
  for (const name of Object.keys(auth)) out[name] = auth[name];
  if (request.cookies.length > 0 || request.auth.cookies.length > 0) out.cookie = [...request.cookies, ...request.auth.cookies].join('; ');
  return sendable(out);
}

/**
 * The record itself (ofetch copies it into its own `Headers` once; handing it a `Headers` costs a second
 * copy), or pairs with a `__proto__` name sent as `__Proto__`: both `new Headers(record)`
 * and Node's fetch copy names through plain objects, where `__proto__` sets the prototype and the
 * header (an API key's name comes from the spec) silently vanishes. Header names are case-insensitive.
 */
function sendable(record: Record<string, string>): Record<string, string> | Array<[string, string]> {
  if (!Object.hasOwn(record, '__proto__')) return record;
  return Object.entries(record).map(([name, value]): [string, string] => [name === '__proto__' ? '__Proto__' : name, value]);
}

/**
 * Whether `url` is on `origin`. A URL that starts with the serialised origin and then `/` has
 * exactly that scheme, host and port (the host ends at the first `/`), so the parse is needed only
 * for anything else.
 */
function hasOrigin(options: { url: string; origin: string }): boolean {
  const { url, origin } = options;
  if (origin !== 'null' && url.length > origin.length && url.startsWith(origin) && url.charCodeAt(origin.length) === 0x2f) return true;
  return new URL(url).origin === origin;
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('content-')) out[name] = value;
  }
  return out;
}
