import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';

/**
 * Bounds one attempt (headers and the whole body download) so that a server that stalls or
 * trickles its body costs one attempt, not the whole budget; the retry middleware outside it then
 * decides whether another attempt fits. The timer's error is retryable; the overall timeout's
 * abort still wins because the attempt signal follows the request signal.
 *
 * The attempt signal follows the request signal through one listener, removed when the attempt
 * ends: `AbortSignal.any` would cost a third signal and weak references on both sources per attempt.
 */
export function createAttemptTimeoutMiddleware(options: { timeoutMs: number }): RequestMiddleware {
  const { timeoutMs } = options;
  return async (context, next) => {
    const outer = context.signal;
    const controller = new AbortController();
    const follow = (): void => controller.abort(outer.reason);
    if (outer.aborted) follow();
    else outer.addEventListener('abort', follow, { once: true });
    const timer = setTimeout(abortAttempt, timeoutMs, controller, timeoutMs);
    try {
      return await next({ ...context, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', follow);
    }
  };
}

function abortAttempt(controller: AbortController, timeoutMs: number): void {
  controller.abort(new ConnectorError({ code: ErrorCode.timeout, message: `attempt timed out after ${timeoutMs} ms`, retryable: true }));
}
