import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

/**
 * Maps what fetch/ofetch threw to a ConnectorError without keeping the original: ofetch's message
 * holds the full URL (API-key query values included) and undici's causes hold socket details.
 * Only a system error code such as `ECONNREFUSED` is kept.
 */
export function toTransportError(options: { error: unknown; signal: AbortSignal }): ConnectorError {
  const { error, signal } = options;
  if (error instanceof ConnectorError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof ConnectorError) return reason;
    return new ConnectorError({ code: ErrorCode.network, message: 'request aborted', retryable: false });
  }
  const code = findSystemCode(error);
  return new ConnectorError({
    code: ErrorCode.network,
    message: code ? `network error (${code})` : 'network error',
    retryable: true,
    details: code ? { systemCode: code } : undefined,
  });
}

function findSystemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
