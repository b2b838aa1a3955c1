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
