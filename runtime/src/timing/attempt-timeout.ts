import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';

/**
 * Bounds one attempt (headers and the whole body download) so that a server that stalls or
 * trickles its body costs one attempt, not the whole budget; the retry middleware outside it then
 * decides whether another attempt fits. The timer's error is retryable; the overall timeout's
 * abort still wins because the attempt signal follows the request signal.
 */
export function createAttemptTimeoutMiddleware(options: { timeoutMs: number }): RequestMiddleware {
  const { timeoutMs } = options;
  return async (context, next) => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new ConnectorError({ code: ErrorCode.timeout, message: `attempt timed out after ${timeoutMs} ms`, retryable: true }));
    }, timeoutMs);
    try {
      return await next({ ...context, signal: AbortSignal.any([context.signal, controller.signal]) });
    } finally {
      clearTimeout(timer);
    }
  };
}
