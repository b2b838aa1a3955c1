import type { TokenStore } from '../oauth2/token-store.ts';
import type { PollingConnectorOptions } from '../polling/poll-trigger.ts';
import type { WebhookConnectorOptions } from '../webhooks/webhook-types.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';
import type { RateLimitOptions } from '../rate-limit/rate-limit-options.ts';
import type { RetryOptions } from '../retry/retry-options.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import type { ValidationLimits } from '../validate/limits.ts';

export interface ConnectorOptions {
  /** Credential values by key (`apiKey`, `accessToken`, `username`, …). */
  credentials?: Record<string, string>;
  /** Overrides every other base URL source (action, servers, `endpoints.base_url`). */
  baseUrl?: string;
  /** Index into `definition.endpoints.servers`. */
  serverIndex?: number;
  /** Values for `userSettable` server variables. */
  serverVariables?: Record<string, string>;
  /** Injectable fetch (tests, proxies, undici dispatchers). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Whole-request timeout including redirects and body download. Default 30 000 ms. */
  timeoutMs?: number;
  /** Response body cap in bytes. Default 50 MB. */
  maxResponseBytes?: number;
  /** Redirect hops followed. Default 5. */
  maxRedirects?: number;
  /** What a redirect to another origin does. Default `strip-credentials` (follow without any). */
  crossOriginRedirects?: 'strip-credentials' | 'refuse';
  /**
   * A redirect to a link-local or cloud metadata address, or from a public base URL to a loopback or
   * private address. Default `refuse` (REDIRECT_REFUSED, before connecting); `allow` follows it.
   */
  privateNetworkRedirects?: 'refuse' | 'allow';
  validationLimits?: Partial<ValidationLimits>;
  /** Request middlewares, outermost first (see `RequestMiddleware`); they run inside the runtime's own. */
  middleware?: RequestMiddleware[];
  /** Retry policy; `false` turns retries off. Default: 3 attempts, see `RetryOptions`. */
  retry?: RetryOptions | false;
  /** Timeout of one attempt (headers and body). Default: none beyond `timeoutMs`, which bounds all attempts. */
  attemptTimeoutMs?: number;
  /** Client-side rate limiting (`definition.rate_limits` + response headers); `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  oauth2?: OAuth2ConnectorOptions;
  pagination?: { maxPages?: number };
  /** Webhook triggers: signing secret, verification, replay store (see `handleWebhook`). */
  webhooks?: WebhookConnectorOptions;
  /** Polling triggers: where states live (see `poll`). */
  polling?: PollingConnectorOptions;
  /** Time, sleep and jitter source (tests inject one to pin delays). Default: the system clock. */
  clock?: Partial<RuntimeClock>;
}

export interface OAuth2ConnectorOptions {
  /** Where this connection's tokens live; rotated tokens are written back. Default: in memory, seeded from `credentials`. */
  tokenStore?: TokenStore;
  /** Refresh this long before the access token expires. Default 60 000 ms. */
  refreshSkewMs?: number;
  /** The scheme to manage when the definition has several OAuth2 schemes. Default: the first. */
  schemeId?: string;
}

/** Per-call options of `executeAction` / `executeRequest`. */
export interface ExecuteOptions {
  /** Aborts the call (waits included); the result is an `ABORTED` error. The caller always wins. */
  signal?: AbortSignal;
  /** Overall timeout of this call. Default: `ConnectorOptions.timeoutMs`. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
