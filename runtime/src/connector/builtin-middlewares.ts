import type { ConnectorDefinition } from '../definition.ts';
import { createOAuth2Middleware } from '../oauth2/oauth2-middleware.ts';
import type { OAuth2Session } from '../oauth2/oauth2-session.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';
import { InMemoryRateLimitStore } from '../rate-limit/memory-rate-limit-store.ts';
import { bucketsFromRateLimits } from '../rate-limit/rate-limit-buckets.ts';
import { rateLimitKey } from '../rate-limit/rate-limit-key.ts';
import { createRateLimitMiddleware } from '../rate-limit/rate-limit-middleware.ts';
import { createRetryMiddleware, type RetryNotice } from '../retry/retry-middleware.ts';
import { resolveRetryOptions } from '../retry/retry-options.ts';
import { createAttemptTimeoutMiddleware } from '../timing/attempt-timeout.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import type { ConnectorOptions } from './connector-options.ts';

/** Shared by every connector of the process that has no store of its own (same API + credential → same buckets). */
const processRateLimitStore = new InMemoryRateLimitStore();

/**
 * The runtime's own middlewares, outermost first, ahead of the host's:
 *   retry → OAuth2 (token swap, refresh on 401) → rate limit → attempt timeout → host middlewares → transport.
 * Retry is outermost so every attempt passes the rate limiter and gets a current token; the
 * OAuth2 resend after a 401 is inside the limiter's reach as well.
 */
export function builtinMiddlewares(options: {
  definition: ConnectorDefinition;
  settings: ConnectorOptions;
  credentials: Record<string, string>;
  clock: RuntimeClock;
  session: OAuth2Session | undefined;
  onRetry: (notice: RetryNotice) => void;
  onRateLimitWait: (waitMs: number) => void;
}): RequestMiddleware[] {
  const { definition, settings, clock } = options;
  const middlewares: RequestMiddleware[] = [];
  if (settings.retry !== false) {
    const maxAttempts = settings.retry?.maxAttempts ?? definition.retry?.maxAttempts;
    const retry = { ...settings.retry, ...(maxAttempts !== undefined ? { maxAttempts } : {}) };
    middlewares.push(createRetryMiddleware({ settings: resolveRetryOptions(retry), clock, onRetry: options.onRetry }));
  }
  if (options.session) middlewares.push(createOAuth2Middleware({ session: options.session }));
  if (settings.rateLimit !== false) {
    const rateLimit = settings.rateLimit ?? {};
    middlewares.push(
      createRateLimitMiddleware({
        store: rateLimit.store ?? processRateLimitStore,
        key: rateLimit.key ?? rateLimitKey({ connector: definition.name, credentials: options.credentials }),
        buckets: bucketsFromRateLimits(definition.rate_limits),
        clock,
        useResponseHeaders: rateLimit.useResponseHeaders ?? true,
        maxWaitMs: rateLimit.maxWaitMs,
        onWait: options.onRateLimitWait,
      }),
    );
  }
  if (settings.attemptTimeoutMs !== undefined) middlewares.push(createAttemptTimeoutMiddleware({ timeoutMs: settings.attemptTimeoutMs }));
  return middlewares;
}
