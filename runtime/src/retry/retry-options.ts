/** How a connector retries (`ConnectorOptions.retry`). Every field is optional. */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 3. `1` disables retries. */
  maxAttempts?: number;
  /** Statuses worth another attempt. Default 408, 425, 429, 500, 502, 503, 504. */
  statuses?: number[];
  /** Retry connection errors and per-attempt timeouts. Default true. */
  retryNetworkErrors?: boolean;
  /** First backoff ceiling; the n-th retry waits random() × min(maxDelayMs, baseDelayMs × 2^(n-1)). Default 500. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 8 000. */
  maxDelayMs?: number;
  /**
   * Longest server-requested wait (`Retry-After`, `retry-after-ms`) honoured; a longer one falls
   * back to backoff. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** Time budget for all attempts and waits, from the first attempt. Default: the request timeout. */
  maxTotalMs?: number;
  /**
   * Idempotency-key header for every POST/PATCH of the connector (an action's
   * `api.idempotencyHeader` wins). With one, POST/PATCH are retried carrying the same key on every
   * attempt (the caller's value, or a random UUID when the input has none).
   */
  idempotencyHeader?: string;
}

export interface ResolvedRetryOptions {
  maxAttempts: number;
  statuses: ReadonlySet<number>;
  retryNetworkErrors: boolean;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  maxTotalMs: number;
  idempotencyHeader?: string;
}

export const DEFAULT_RETRY_STATUSES = [408, 425, 429, 500, 502, 503, 504];

export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const given = options ?? {};
  return {
    maxAttempts: Math.max(1, Math.floor(given.maxAttempts ?? 3)),
    statuses: new Set(given.statuses ?? DEFAULT_RETRY_STATUSES),
    retryNetworkErrors: given.retryNetworkErrors ?? true,
    baseDelayMs: Math.max(0, given.baseDelayMs ?? 500),
    maxDelayMs: Math.max(0, given.maxDelayMs ?? 8_000),
    maxRetryAfterMs: Math.max(0, given.maxRetryAfterMs ?? 60_000),
    maxTotalMs: given.maxTotalMs ?? Number.POSITIVE_INFINITY,
    idempotencyHeader: given.idempotencyHeader?.toLowerCase(),
  };
}
