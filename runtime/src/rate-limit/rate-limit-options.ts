import type { RateLimitStore } from './rate-limit-store.ts';

/** `ConnectorOptions.rateLimit`. */
export interface RateLimitOptions {
  /** Where bucket state lives. Default: one in-memory store shared by the process. */
  store?: RateLimitStore;
  /** Overrides the key (default: connector name + a hash of the credentials). */
  key?: string;
  /** Follow `X-RateLimit-*` / `RateLimit-*` response headers. Default true. */
  useResponseHeaders?: boolean;
  /** Longest single wait for a token before failing with RATE_LIMITED. Default: the request's remaining time. */
  maxWaitMs?: number;
}
