/** A response as the transport hands it up: status, headers and the whole (size-capped) body. */
export interface HttpResult {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  /** Final URL after redirects (may carry credential query values: redact before showing). */
  url: string;
  /** Whether credentials were dropped because a redirect left the origin. */
  credentialsDropped: boolean;
  /** Attempts it took (set by the retry middleware; absent means one). */
  attempts?: number;
}

export interface TransportSettings {
  fetch: typeof fetch;
  /** Largest response body read, in bytes. */
  maxResponseBytes: number;
  maxRedirects: number;
  /**
   * `strip-credentials` (default): a redirect to another origin is followed without any
   * credential (auth headers, cookies, API-key query values), and they stay off for the rest of
   * the chain. `refuse`: such a redirect fails with REDIRECT_REFUSED.
   */
  crossOriginRedirects: 'strip-credentials' | 'refuse';
  /**
   * `refuse` (default): a cross-origin redirect to a link-local or cloud metadata address, or from
   * a public base URL to a loopback or private one, fails with REDIRECT_REFUSED before connecting.
   * `allow`: followed like any other (see `assertRedirectTarget`).
   */
  privateNetworkRedirects?: 'refuse' | 'allow';
  /**
   * Header names (lower-case) dropped on a cross-origin hop even when the caller set them itself
   * (raw requests): `authorization`, `proxy-authorization`, `cookie` and the spec's API-key headers.
   */
  credentialHeaderNames: string[];
}
