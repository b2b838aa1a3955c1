import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { HttpResult } from '../http/http-result.ts';
import type { ResolvedRetryOptions } from './retry-options.ts';

/** Methods the HTTP semantics make safe to repeat (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method);
}

/** What one attempt ended with. */
export type AttemptOutcome = { result: HttpResult } | { error: unknown };

/** The reason to retry (`HTTP_503`, `NETWORK_ERROR`, `TIMEOUT`), or undefined when it is final. */
export function retryReason(options: { outcome: AttemptOutcome; settings: ResolvedRetryOptions }): string | undefined {
  const { outcome, settings } = options;
  if ('result' in outcome) return settings.statuses.has(outcome.result.status) ? `HTTP_${outcome.result.status}` : undefined;
  const { error } = outcome;
  if (!(error instanceof ConnectorError) || !settings.retryNetworkErrors || !error.retryable) return undefined;
  return error.code === ErrorCode.network || error.code === ErrorCode.timeout ? error.code : undefined;
}
