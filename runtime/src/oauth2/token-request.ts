import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { readBodyWithLimit } from '../http/read-body.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import type { OAuthTokens } from './token-store.ts';

const MAX_TOKEN_RESPONSE_BYTES = 256 * 1024;
const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;
/** `error` codes that mean the grant itself is gone: only a new authorization helps. */
const RECONNECT_ERRORS = new Set(['invalid_grant']);

export interface TokenClient {
  clientId?: string;
  clientSecret?: string;
  auth: 'client_secret_post' | 'client_secret_basic';
}

/**
 * One POST to the token endpoint (RFC 6749 §4–6). Redirects are not followed (a token endpoint
 * that redirects is misconfigured, and following it would carry the secret elsewhere). The answer
 * is read under a size cap; `invalid_grant` becomes a terminal RECONNECT_REQUIRED; other failures
 * an OAUTH_ERROR, retryable for 5xx and network errors. Messages carry the OAuth `error` code only
 * (a token-shaped identifier), never the response body.
 */
export async function requestToken(options: {
  url: URL;
  params: Record<string, string>;
  client: TokenClient;
  fetch: typeof fetch;
  clock: RuntimeClock;
  signal?: AbortSignal;
  timeoutMs?: number;
  previous?: OAuthTokens;
}): Promise<OAuthTokens> {
  const { client, params } = options;
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  if (client.auth === 'client_secret_basic' && client.clientId !== undefined && client.clientSecret !== undefined) {
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    if (client.clientId !== undefined) body.set('client_id', client.clientId);
    if (client.clientSecret !== undefined) body.set('client_secret', client.clientSecret);
  }
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let raw: Uint8Array;
  try {
    response = await options.fetch(options.url.href, { method: 'POST', headers, body: body.toString(), redirect: 'manual', signal });
    raw = await readBodyWithLimit({ response, maxBytes: MAX_TOKEN_RESPONSE_BYTES });
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    if (options.signal?.aborted && options.signal.reason instanceof ConnectorError) throw options.signal.reason;
    throw oauthError({ message: timeout.aborted ? 'the token endpoint timed out' : 'the token endpoint could not be reached', retryable: true });
  }
  const fields = parseTokenResponse({ raw, contentType: response.headers.get('content-type') });
  if (response.status !== 200) {
    const code = typeof fields?.error === 'string' ? safeCode(fields.error) : undefined;
    if (code !== undefined && RECONNECT_ERRORS.has(code)) {
      throw new ConnectorError({
        code: ErrorCode.reconnectRequired,
        message: `the OAuth2 grant was refused (${code}): the user must connect again`,
        statusCode: response.status,
        retryable: false,
      });
    }
    throw oauthError({
      message: `the token endpoint answered HTTP ${response.status}${code ? ` (${code})` : ''}`,
      retryable: response.status >= 500 || response.status === 429,
      statusCode: response.status,
    });
  }
  const accessToken = fields?.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') throw oauthError({ message: 'the token endpoint answered without an access_token', retryable: false });
  // A token goes into an Authorization header: visible ASCII only, so it cannot inject a header.
  if (!/^[\x21-\x7E]+$/.test(accessToken)) throw oauthError({ message: 'the token endpoint answered an access_token that cannot be sent in a header', retryable: false });
  const expiresIn = Number(fields?.expires_in);
  const tokens: OAuthTokens = { accessToken };
  const refreshToken = typeof fields?.refresh_token === 'string' && fields.refresh_token !== '' ? fields.refresh_token : options.previous?.refreshToken;
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  if (Number.isFinite(expiresIn) && expiresIn > 0) tokens.expiresAt = options.clock.now() + expiresIn * 1000;
  if (typeof fields?.token_type === 'string') tokens.tokenType = fields.token_type;
  if (typeof fields?.scope === 'string') tokens.scope = fields.scope;
  return tokens;
}

/** JSON (the standard), or form-encoded (GitHub without an Accept header); anything else: undefined. */
function parseTokenResponse(options: { raw: Uint8Array; contentType: string | null }): Record<string, unknown> | undefined {
  const text = new TextDecoder().decode(options.raw);
  if (/form-urlencoded/i.test(options.contentType ?? '')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** OAuth error codes are ASCII tokens (RFC 6749 §5.2); anything else is not echoed. */
function safeCode(code: string): string | undefined {
  return /^[\w.-]{1,64}$/.test(code) ? code : undefined;
}

function oauthError(options: { message: string; retryable: boolean; statusCode?: number }): ConnectorError {
  return new ConnectorError({ code: ErrorCode.oauth, ...options });
}
