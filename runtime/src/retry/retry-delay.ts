import { parseRetryAfter } from '../http/retry-after.ts';
import type { ResolvedRetryOptions } from './retry-options.ts';

export interface RetryDelay {
  delayMs: number;
  /** `retry-after`: the server's wait, honoured; `backoff`: exponential with full jitter. */
  source: 'retry-after' | 'backoff';
}

/**
 * The wait before retry number `retry` (1 for the first retry). A server-requested wait within
 * `maxRetryAfterMs` is honoured as is; a longer or unreadable one is ignored in favour of backoff
 * with full jitter (random() × ceiling), which spreads a thundering herd of clients the most.
 */
export function chooseRetryDelay(options: {
  retry: number;
  headers?: Headers;
  now: number;
  random: () => number;
  settings: ResolvedRetryOptions;
}): RetryDelay {
  const { settings } = options;
  const seconds = options.headers ? parseRetryAfter({ headers: options.headers, now: options.now }) : undefined;
  if (seconds !== undefined) {
    const delayMs = Math.ceil(seconds * 1000);
    if (delayMs <= settings.maxRetryAfterMs) return { delayMs, source: 'retry-after' };
  }
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (options.retry - 1));
  return { delayMs: Math.floor(options.random() * ceiling), source: 'backoff' };
}
