import { randomUUID } from 'node:crypto';
import { ConnectorError } from '../errors/connector-error.ts';
import type { HttpResult } from '../http/http-result.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';
import type { RuntimeClock } from '../timing/clock.ts';
import { chooseRetryDelay } from './retry-delay.ts';
import { isIdempotentMethod, retryReason, type AttemptOutcome } from './retry-policy.ts';
import type { ResolvedRetryOptions } from './retry-options.ts';

export interface RetryNotice {
  request: PreparedRequest;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  reason: string;
  delayMs: number;
  source: 'retry-after' | 'backoff';
}

/**
 * Repeats an attempt that failed for a transient reason, within `maxAttempts`, the time budget
 * (`maxTotalMs` and the request deadline, whichever ends first) and the request signal: a wait
 * that would end after the budget is not started, and an abort (caller or overall timeout) ends
 * the loop at once. Only idempotent methods are repeated, and POST/PATCH when an idempotency key
 * header is declared; that key is fixed before the first attempt so every attempt carries it.
 */
export function createRetryMiddleware(options: {
  settings: ResolvedRetryOptions;
  clock: RuntimeClock;
  onRetry?: (notice: RetryNotice) => void;
}): RequestMiddleware {
  const { settings, clock } = options;
  return async (context, next) => {
    const request = withIdempotencyKey({ request: context.request, settings });
    const repeatable = isIdempotentMethod(request.method) || idempotencyHeaderOf({ request, settings }) !== undefined;
    const budgetEnd = Math.min(context.deadline ?? Number.POSITIVE_INFINITY, clock.now() + settings.maxTotalMs);
    for (let made = 1; ; made++) {
      const attempt = context.attempt + made - 1;
      let outcome: AttemptOutcome;
      try {
        const result = await next({ ...context, request, attempt });
        // A status that is never retried is final (what retryReason would say): no outcome object.
        if (!settings.statuses.has(result.status)) return { ...result, attempts: made };
        outcome = { result };
      } catch (error) {
        outcome = { error };
      }
      const reason = context.signal.aborted ? undefined : retryReason({ outcome, settings });
      if (reason === undefined || !repeatable || made >= settings.maxAttempts) return finish({ outcome, attempts: made });
      const delay = chooseRetryDelay({
        retry: made,
        headers: 'result' in outcome ? outcome.result.headers : undefined,
        now: clock.now(),
        random: clock.random,
        settings,
      });
      if (clock.now() + delay.delayMs > budgetEnd) return finish({ outcome, attempts: made });
      options.onRetry?.({ request, attempt, reason, ...delay });
      try {
        await clock.sleep({ ms: delay.delayMs, signal: context.signal });
      } catch (error) {
        return finish({ outcome: { error }, attempts: made });
      }
    }
  };
}

/** The header name of a declared idempotency key, for POST/PATCH. */
function idempotencyHeaderOf(options: { request: PreparedRequest; settings: ResolvedRetryOptions }): string | undefined {
  const { request, settings } = options;
  if (isIdempotentMethod(request.method)) return undefined;
  return (request.idempotencyHeader ?? settings.idempotencyHeader)?.toLowerCase();
}

/** Adds a fresh UUID key when one is declared and the input did not set it; else the same request. */
function withIdempotencyKey(options: { request: PreparedRequest; settings: ResolvedRetryOptions }): PreparedRequest {
  const header = idempotencyHeaderOf(options);
  const { request } = options;
  if (header === undefined || request.headers[header] !== undefined) return request;
  return { ...request, headers: { ...request.headers, [header]: randomUUID() } };
}

/** The final result with its attempt count, or throws the final error (plain value: no extra promise per request). */
function finish(options: { outcome: AttemptOutcome; attempts: number }): HttpResult {
  const { outcome, attempts } = options;
  if ('result' in outcome) return { ...outcome.result, attempts };
  const { error } = outcome;
  if (error instanceof ConnectorError) throw new ConnectorError({ ...error.toInit(), attempts });
  throw error;
}
