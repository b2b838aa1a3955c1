import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

/** Longest cause text kept: enough for "connect ECONNREFUSED 127.0.0.1:8080", not for a dump. */
const MAX_CAUSE_LENGTH = 200;
const MAX_CAUSE_DEPTH = 5;

/**
 * Maps what fetch/ofetch threw to a ConnectorError without keeping the original error object: its
 * message, the cause that says why (`Request with GET/HEAD method cannot have body`, `other side
 * closed`) and a system code (`ECONNREFUSED`) are kept as text. ofetch's own message holds the full
 * URL (API-key query values included), so it is skipped, and any URL left in a cause is cut out;
 * the connector's redactor removes credential values from the message afterwards.
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
  const cause = findCause(error);
  // "connect ECONNREFUSED 127.0.0.1:1" already names its code; otherwise both are shown.
  const summary = cause !== undefined && code !== undefined && !cause.includes(code) ? `${code}: ${cause}` : cause ?? code;
  const details: Record<string, string> = {};
  if (code) details.systemCode = code;
  if (cause) details.cause = cause;
  return new ConnectorError({
    code: ErrorCode.network,
    message: summary ? `network error (${summary})` : 'network error',
    retryable: true,
    details: Object.keys(details).length > 0 ? details : undefined,
  });
}

function findSystemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The most specific message in the cause chain: the deepest one that is not ofetch's wrapper
 * (which repeats the URL) and not undici's generic `fetch failed`.
 */
function findCause(error: unknown): string | undefined {
  let found: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    const message = current.message.trim();
    if (current.name !== 'FetchError' && message !== '' && message !== 'fetch failed') found = message;
    current = current.cause;
  }
  return found === undefined ? undefined : cleanCause(found);
}

function cleanCause(message: string): string {
  const withoutUrls = message.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi, '<url>').replace(/[\r\n\t]+/g, ' ');
  return withoutUrls.length > MAX_CAUSE_LENGTH ? `${withoutUrls.slice(0, MAX_CAUSE_LENGTH)}…` : withoutUrls;
}
