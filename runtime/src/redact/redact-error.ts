import { ConnectorError } from '../errors/connector-error.ts';
import type { Redactor } from './redactor.ts';

/**
 * Rebuilds an error through the redactor. A new instance (not a mutated one) so that `stack`, which
 * V8 renders from the message at construction, is computed from the redacted message.
 */
export function redactConnectorError(options: { error: ConnectorError; redactor: Redactor }): ConnectorError {
  const { error, redactor } = options;
  const init = error.toInit();
  return new ConnectorError({
    ...init,
    message: redactor.text(init.message),
    request: init.request ? { method: init.request.method, url: redactor.url(init.request.url) } : undefined,
    details: init.details === undefined ? undefined : redactor.value(init.details),
  });
}
