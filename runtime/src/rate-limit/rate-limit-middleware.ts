import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import { readRateLimitHeaders } from './rate-limit-headers.ts';
import { InMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import type { BucketSpec, RateLimitStore } from './rate-limit-store.ts';

/**
 * Waits for a token before each attempt (instead of failing), and teaches the store what the API
 * reports (remaining requests, reset time). A wait that would end after the request deadline (or
 * `maxWaitMs`) fails at once with a retryable RATE_LIMITED that says how long to wait.
 */
export function createRateLimitMiddleware(options: {
  store: RateLimitStore;
  key: string;
  buckets: readonly BucketSpec[];
  clock: RuntimeClock;
  useResponseHeaders: boolean;
  maxWaitMs?: number;
  onWait?: (waitMs: number) => void;
}): RequestMiddleware {
  const { store, key, buckets, clock } = options;
  return async (context, next) => {
    for (;;) {
      const now = clock.now();
      const idle = idleStore({ store, buckets });
      const waitMs = idle ? idle.blockedFor({ key, now }) : (await store.take({ key, buckets, now })).waitMs;
      if (waitMs <= 0) break;
      const limit = Math.min(options.maxWaitMs ?? Number.POSITIVE_INFINITY, (context.deadline ?? Number.POSITIVE_INFINITY) - now);
      if (waitMs > limit) {
        throw new ConnectorError({
          code: ErrorCode.rateLimited,
          message: `rate limit: the next request is allowed in ${Math.ceil(waitMs / 1000)} s, after the request's time budget`,
          retryable: true,
          retryAfter: Math.ceil(waitMs / 1000),
        });
      }
      options.onWait?.(waitMs);
      await clock.sleep({ ms: waitMs, signal: context.signal });
    }
    const result = await next(context);
    if (options.useResponseHeaders) {
      const now = clock.now();
      const report = readRateLimitHeaders({ headers: result.headers, now });
      if (report.remaining !== undefined || report.resetAt !== undefined) {
        const blockedUntil = report.remaining === 0 && report.resetAt !== undefined && report.resetAt > now ? report.resetAt : undefined;
        await store.report({ key, buckets, now, remaining: report.remaining, blockedUntil });
      }
    }
    return result;
  };
}

/**
 * With no declared buckets the built-in store's `take` only reports a block learnt from response
 * headers; asking it synchronously saves a promise per request. A subclass that overrides `take`
 * (or any other store) is always asked through `take`.
 */
function idleStore(options: { store: RateLimitStore; buckets: readonly BucketSpec[] }): InMemoryRateLimitStore | undefined {
  const { store } = options;
  if (options.buckets.length > 0 || !(store instanceof InMemoryRateLimitStore) || store.take !== InMemoryRateLimitStore.prototype.take) return undefined;
  return store;
}
