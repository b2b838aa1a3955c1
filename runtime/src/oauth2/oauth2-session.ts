import type { AuthScheme } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce.ts';
import { parseOAuthEndpoint } from './token-endpoint-url.ts';
import { requestToken, type TokenClient } from './token-request.ts';
import type { OAuthTokens, TokenStore } from './token-store.ts';

export type OAuth2Scheme = Extract<AuthScheme, { type: 'oauth2' }>;

export interface AuthorizationRequest {
  /** Where the host sends the user. */
  url: string;
  /** Check it against the `state` the redirect comes back with. */
  state: string;
  /** Keep it (server side) for `exchangeCode`. */
  codeVerifier: string;
}

/**
 * The token lifecycle of one OAuth2 connection: builds the authorization URL (PKCE S256),
 * exchanges the code, fetches client-credentials tokens, and refreshes ahead of expiry and after a
 * 401. Concurrent callers share one refresh. After `invalid_grant` the session is dead: every
 * later call fails with RECONNECT_REQUIRED without touching the network (no retry storm).
 */
export class OAuth2Session {
  readonly schemeId: string;
  private readonly scheme: OAuth2Scheme;
  private readonly options: {
    credentials: Record<string, string>;
    store: TokenStore;
    fetch: typeof fetch;
    clock: RuntimeClock;
    refreshSkewMs: number;
    onTokens: (tokens: OAuthTokens) => void;
  };
  private refreshing: Promise<OAuthTokens> | undefined;
  private seeded = false;
  private learned: Pick<OAuthTokens, 'accessToken' | 'refreshToken'> | undefined;
  private reconnectError: ConnectorError | undefined;

  constructor(options: {
    scheme: OAuth2Scheme;
    credentials: Record<string, string>;
    store: TokenStore;
    fetch: typeof fetch;
    clock: RuntimeClock;
    refreshSkewMs: number;
    /** Called with every token set seen (credentials, store, token endpoint) before it is used: the redactor learns them. */
    onTokens: (tokens: OAuthTokens) => void;
  }) {
    this.scheme = options.scheme;
    this.schemeId = options.scheme.id;
    this.options = options;
  }

  get flow(): NonNullable<OAuth2Scheme['flow']> {
    const { scheme } = this;
    return scheme.flow ?? (scheme.tokenUrl && !scheme.authorizationUrl ? 'clientCredentials' : 'authorizationCode');
  }

  async authorizationUrl(options: { redirectUri: string; state?: string; scopes?: string[]; extraParams?: Record<string, string> }): Promise<AuthorizationRequest> {
    const url = parseOAuthEndpoint({ url: this.scheme.authorizationUrl, what: 'authorizationUrl' });
    const state = options.state ?? createState();
    const codeVerifier = createCodeVerifier();
    const params = url.searchParams;
    for (const [name, value] of Object.entries(options.extraParams ?? {})) params.set(name, value);
    params.set('response_type', 'code');
    params.set('client_id', this.requireCredential(this.scheme.clientIdCredential ?? 'clientId'));
    params.set('redirect_uri', options.redirectUri);
    const scopes = options.scopes ?? this.scheme.scopes;
    if (scopes.length > 0) params.set('scope', scopes.join(this.scheme.scopeSeparator ?? ' '));
    params.set('state', state);
    if (this.scheme.pkce !== false) {
      params.set('code_challenge', codeChallengeS256(codeVerifier));
      params.set('code_challenge_method', 'S256');
    }
    return { url: url.href, state, codeVerifier };
  }

  /** Trades the authorization code for tokens and stores them. */
  async exchangeCode(options: { code: string; redirectUri: string; codeVerifier?: string; signal?: AbortSignal }): Promise<OAuthTokens> {
    const params: Record<string, string> = { grant_type: 'authorization_code', code: options.code, redirect_uri: options.redirectUri };
    if (options.codeVerifier !== undefined) params.code_verifier = options.codeVerifier;
    const tokens = await this.callTokenEndpoint({ params, signal: options.signal });
    this.reconnectError = undefined;
    return tokens;
  }

  /** A token good for at least `refreshSkewMs`: stored, refreshed ahead of expiry, or fetched (client credentials). */
  async accessToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    if (this.reconnectError) throw this.reconnectError;
    const tokens = await this.currentTokens();
    if (!tokens) {
      if (this.flow !== 'clientCredentials') throw missing(this.scheme.credential);
      return (await this.sharedRefresh({ stale: undefined, signal: options.signal })).accessToken;
    }
    const expiring = tokens.expiresAt !== undefined && tokens.expiresAt - this.options.refreshSkewMs <= this.options.clock.now();
    if (expiring && this.canRefresh(tokens)) return (await this.sharedRefresh({ stale: tokens.accessToken, signal: options.signal })).accessToken;
    return tokens.accessToken;
  }

  /**
   * After a 401 for `rejected`: a token that is newer than the rejected one (another request
   * already refreshed), or a fresh one from one shared refresh; undefined when no refresh is
   * possible (the 401 then stands).
   */
  async afterUnauthorized(options: { rejected: string; signal?: AbortSignal }): Promise<string | undefined> {
    if (this.reconnectError) throw this.reconnectError;
    if (this.refreshing) return (await this.refreshing).accessToken;
    const tokens = await this.currentTokens();
    if (tokens && tokens.accessToken !== options.rejected) return tokens.accessToken;
    if (!this.canRefresh(tokens)) return undefined;
    return (await this.sharedRefresh({ stale: options.rejected, signal: options.signal })).accessToken;
  }

  private canRefresh(tokens: OAuthTokens | undefined): boolean {
    return tokens?.refreshToken !== undefined || this.flow === 'clientCredentials';
  }

  /**
   * One refresh for every concurrent caller in this process; with a store that can lock
   * (`refreshOnce`), one for every process sharing the store, the others taking its result.
   */
  private sharedRefresh(options: { stale: string | undefined; signal?: AbortSignal }): Promise<OAuthTokens> {
    this.refreshing ??= this.refreshThroughStore(options).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshThroughStore(options: { stale: string | undefined; signal?: AbortSignal }): Promise<OAuthTokens> {
    const { store } = this.options;
    if (!store.refreshOnce) return this.refresh(options);
    const tokens = await store.refreshOnce({ stale: options.stale, signal: options.signal, refresh: () => this.refresh(options) });
    this.learn(tokens);
    return tokens;
  }

  private async refresh(options: { signal?: AbortSignal }): Promise<OAuthTokens> {
    const previous = await this.currentTokens();
    const params: Record<string, string> =
      previous?.refreshToken !== undefined
        ? { grant_type: 'refresh_token', refresh_token: previous.refreshToken }
        : { grant_type: 'client_credentials' };
    if (params.grant_type === 'client_credentials' && this.scheme.scopes.length > 0) {
      params.scope = this.scheme.scopes.join(this.scheme.scopeSeparator ?? ' ');
    }
    try {
      return await this.callTokenEndpoint({ params, previous, signal: options.signal });
    } catch (error) {
      if (error instanceof ConnectorError && error.code === ErrorCode.reconnectRequired) this.reconnectError = error;
      throw error;
    }
  }

  private async callTokenEndpoint(options: { params: Record<string, string>; previous?: OAuthTokens; signal?: AbortSignal }): Promise<OAuthTokens> {
    const refreshing = options.params.grant_type === 'refresh_token' && this.scheme.refreshUrl;
    const url = parseOAuthEndpoint({ url: refreshing ? this.scheme.refreshUrl : this.scheme.tokenUrl, what: refreshing ? 'refreshUrl' : 'tokenUrl' });
    const tokens = await requestToken({
      url,
      params: options.params,
      client: this.client(),
      fetch: this.options.fetch,
      clock: this.options.clock,
      signal: options.signal,
      previous: options.previous,
    });
    this.learn(tokens);
    await this.options.store.set(tokens);
    return tokens;
  }

  /** Hands tokens to `onTokens` (the redactor) unless they are the ones it was last given. */
  private learn(tokens: OAuthTokens): void {
    const known = this.learned;
    if (known && known.accessToken === tokens.accessToken && known.refreshToken === tokens.refreshToken) return;
    this.options.onTokens(tokens);
    this.learned = { accessToken: tokens.accessToken, ...(tokens.refreshToken !== undefined ? { refreshToken: tokens.refreshToken } : {}) };
  }

  private client(): TokenClient {
    const read = (key: string): string | undefined => {
      const value = Object.hasOwn(this.options.credentials, key) ? this.options.credentials[key] : undefined;
      return value === '' ? undefined : value;
    };
    return {
      clientId: read(this.scheme.clientIdCredential ?? 'clientId'),
      clientSecret: read(this.scheme.clientSecretCredential ?? 'clientSecret'),
      auth: this.scheme.tokenEndpointAuth ?? 'client_secret_post',
    };
  }

  /**
   * Stored tokens; on first use, seeded from the credentials (access token, refresh token, expiry).
   * Whatever comes back is made secret before anyone can send it: a host store (or another
   * process sharing it) may hold tokens this process has never seen.
   */
  private async currentTokens(): Promise<OAuthTokens | undefined> {
    const stored = await this.options.store.get();
    if (stored) this.learn(stored);
    if (stored || this.seeded) return stored;
    this.seeded = true;
    const { credentials } = this.options;
    const accessToken = credentials[this.scheme.credential];
    if (!accessToken) return undefined;
    const seeded: OAuthTokens = { accessToken };
    const refreshToken = credentials[this.scheme.refreshTokenCredential ?? 'refreshToken'];
    if (refreshToken) seeded.refreshToken = refreshToken;
    const expiresAt = parseExpiry(credentials[this.scheme.expiresAtCredential ?? 'expiresAt']);
    if (expiresAt !== undefined) seeded.expiresAt = expiresAt;
    this.learn(seeded);
    await this.options.store.set(seeded);
    return seeded;
  }

  private requireCredential(key: string): string {
    const value = this.options.credentials[key];
    if (!value) throw missing(key);
    return value;
  }
}

function parseExpiry(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function missing(key: string): ConnectorError {
  return new ConnectorError({ code: ErrorCode.missingCredentials, message: `missing credentials: set "${key}"` });
}
