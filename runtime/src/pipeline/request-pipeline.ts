import type { HttpResult } from '../http/http-result.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';

/**
 * The seam for cross-cutting request behaviour. Every HTTP exchange (actions and raw requests)
 * runs through `performRequest`, which composes the connector's middlewares around the transport:
 *
 *   middleware[0] → middleware[1] → … → transport (send + redirects + size cap)
 *
 * A middleware gets the context and `next`, and may call `next` zero, one or several times:
 * - retries: call `next` again on a retryable ConnectorError / 429 / 5xx result, waiting
 *   `parseRetryAfter` or a jittered backoff, within `ctx.signal` (the whole-request timeout);
 * - rate limiting: await a token before `next`;
 * - OAuth2 refresh: on a 401 result, refresh once (shared), then `next({ ...ctx, request:
 *   { ...ctx.request, auth: freshAuth } })` — credentials live apart in `request.auth` for this;
 * - pagination sits above this seam, as an async iterator over `executeAction`.
 * The transport returns 4xx/5xx as results (it throws only for network, timeout, redirect and size
 * failures), so middlewares can inspect statuses before the response is interpreted.
 */
export interface RequestContext {
  request: PreparedRequest;
  /** Aborted when the connector's timeout for this request fires. */
  signal: AbortSignal;
  /** 1 for the first attempt; a retry middleware passes `attempt + 1` to `next`. */
  attempt: number;
  /**
   * When the whole request must be over, on the connector clock (`RuntimeClock.now`). A retry or a
   * rate-limit wait that would end after it is not started.
   */
  deadline?: number;
}

export type RequestHandler = (context: RequestContext) => Promise<HttpResult>;

export type RequestMiddleware = (context: RequestContext, next: RequestHandler) => Promise<HttpResult>;

export function composePipeline(options: { middlewares: readonly RequestMiddleware[]; terminal: RequestHandler }): RequestHandler {
  return options.middlewares.reduceRight<RequestHandler>(
    (next, middleware) => (context) => middleware(context, next),
    options.terminal,
  );
}
