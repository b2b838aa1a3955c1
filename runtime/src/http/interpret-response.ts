import { ConnectorError } from '../errors/connector-error.ts';
import type { Redactor } from '../redact/redactor.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';
import type { ResponseMetadata } from '../response.ts';
import type { HttpResult } from './http-result.ts';
import { describeContentType, isJsonContentType, parseBody } from './parse-body.ts';
import { parseRetryAfter } from './retry-after.ts';

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const REQUEST_ID_HEADERS = ['x-request-id', 'x-github-request-id', 'request-id', 'x-amzn-requestid', 'x-correlation-id', 'cf-ray'];
const MAX_ERROR_TEXT = 4_096;

/** Success → parsed data and metadata; any status >= 400 → an `HTTP_<status>` ConnectorError. */
export function interpretResponse(options: { result: HttpResult; request: PreparedRequest; redactor: Redactor }): {
  data: unknown;
  metadata: ResponseMetadata;
} {
  const { result, request, redactor } = options;
  const metadata = responseMetadata({ result, redactor });
  if (result.status >= 400) throw httpError({ result, request, redactor });
  const data =
    result.status === 204 || result.status === 205 || request.method === 'HEAD'
      ? undefined
      : parseBody({ body: result.body, expected: request.responseType, contentType: result.headers.get('content-type') });
  return { data, metadata };
}

function responseMetadata(options: { result: HttpResult; redactor: Redactor }): ResponseMetadata {
  const { result, redactor } = options;
  const headers: Record<string, string> = {};
  // One pass over the headers also picks the request id (the first listed name present), instead of a `get` per name.
  let requestId: string | undefined;
  let requestIdRank = REQUEST_ID_HEADERS.length;
  result.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = redactor.isSensitiveHeader(name) ? '[REDACTED]' : redactor.text(value);
    const rank = REQUEST_ID_HEADERS.indexOf(name);
    if (rank !== -1 && rank < requestIdRank) {
      requestIdRank = rank;
      requestId = value;
    }
  });
  const metadata: ResponseMetadata = { status: result.status, headers };
  if (requestId) metadata.requestId = redactor.text(requestId);
  return metadata;
}

function httpError(options: { result: HttpResult; request: PreparedRequest; redactor: Redactor }): ConnectorError {
  const { result, request, redactor } = options;
  const body = errorBody({ result, redactor });
  const serverMessage = extractServerMessage(body);
  return new ConnectorError({
    code: `HTTP_${result.status}`,
    message: `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}${serverMessage ? `: ${serverMessage}` : ''}`,
    statusCode: result.status,
    retryable: RETRYABLE_STATUSES.has(result.status),
    retryAfter: parseRetryAfter({ headers: result.headers }),
    request: { method: request.method, url: redactor.url(result.url) },
    details: body === undefined ? undefined : { body },
  });
}

/**
 * The redacted error body for `details`: parsed JSON when it is JSON, else text cut to 4 KB. The
 * whole text is redacted before the cut: cutting first would leave the head of a secret that
 * straddles the cut, which no longer matches the secret and so stays visible.
 */
function errorBody(options: { result: HttpResult; redactor: Redactor }): unknown {
  const { result, redactor } = options;
  if (result.body.byteLength === 0) return undefined;
  const contentType = result.headers.get('content-type');
  const text = new TextDecoder().decode(result.body);
  if (isJsonContentType(contentType)) {
    try {
      return redactor.value(JSON.parse(text) as unknown);
    } catch {
      return `[unparseable ${describeContentType(contentType)} body, ${result.body.byteLength} bytes]`;
    }
  }
  const redacted = redactor.text(text);
  return redacted.length > MAX_ERROR_TEXT ? `${redacted.slice(0, MAX_ERROR_TEXT)}… [${result.body.byteLength} bytes]` : redacted;
}

/** A short human message from common error shapes (`message`, `error.message`, `error_description`, `detail`). */
function extractServerMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  const candidates = [
    record.message,
    error !== null && typeof error === 'object' ? (error as Record<string, unknown>).message : error,
    record.error_description,
    record.detail,
  ];
  const found = candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return found ? found.replace(/[\r\n]+/g, ' ').slice(0, 200) : undefined;
}
