/** Tokens of one OAuth2 connection. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds after which the access token is no longer valid. */
  expiresAt?: number;
  tokenType?: string;
  scope?: string;
}

/**
 * Where one connection's tokens live. The runtime calls `set` every time tokens rotate, so a host
 * persists them (database, secret manager); one store per connection (credential set).
 */
export interface TokenStore {
  get(): Promise<OAuthTokens | undefined>;
  set(tokens: OAuthTokens): Promise<void>;
  /**
   * Optional, for stores shared by several processes: runs `refresh` in at most one of them at a
   * time. `stale` is the access token that prompted the refresh (undefined when none is stored);
   * when the store already holds another one, another process has refreshed and its tokens are
   * returned without calling `refresh`. Without this method, refreshes are shared per process only.
   */
  refreshOnce?(options: { stale: string | undefined; refresh: () => Promise<OAuthTokens>; signal?: AbortSignal }): Promise<OAuthTokens>;
}

/** The default store: tokens live as long as the connector instance. */
export class InMemoryTokenStore implements TokenStore {
  private tokens: OAuthTokens | undefined;

  constructor(initial?: OAuthTokens) {
    this.tokens = initial;
  }

  async get(): Promise<OAuthTokens | undefined> {
    return this.tokens;
  }

  async set(tokens: OAuthTokens): Promise<void> {
    this.tokens = tokens;
  }
}
