import type { ConnectorErrorInfo } from '../response.ts';

/** Codes the runtime produces. HTTP status errors use `HTTP_<status>` (e.g. `HTTP_404`). */
export const ErrorCode = {
  validation: 'VALIDATION_ERROR',
  unknownAction: 'UNKNOWN_ACTION',
  missingCredentials: 'MISSING_CREDENTIALS',
  configuration: 'CONFIGURATION_ERROR',
  unsafeRequest: 'UNSAFE_REQUEST',
  network: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  tooManyRedirects: 'TOO_MANY_REDIRECTS',
  redirectRefused: 'REDIRECT_REFUSED',
  responseTooLarge: 'RESPONSE_TOO_LARGE',
  responseParse: 'RESPONSE_PARSE_ERROR',
  destroyed: 'CONNECTOR_DESTROYED',
  internal: 'INTERNAL_ERROR',
  /** The caller's AbortSignal fired. Never retried. */
  aborted: 'ABORTED',
  /** The OAuth2 grant is gone (`invalid_grant`): the user must connect again. Terminal. */
  reconnectRequired: 'RECONNECT_REQUIRED',
  /** The token endpoint failed or answered something unusable. */
  oauth: 'OAUTH_ERROR',
  /** A rate-limit wait would not fit in the request's time budget. */
  rateLimited: 'RATE_LIMITED',
  /** Pagination stopped: foreign next link, repeated cursor, empty page saying "more", page cap. */
  pagination: 'PAGINATION_ERROR',
  /** Other pollers kept writing the shared poll state first; poll again later. Retryable. */
  pollConflict: 'POLL_CONFLICT',
} as const;

/** Method and URL of the failed request; the URL never carries credential query values. */
export interface RequestSummary {
  method: string;
  url: string;
}

export interface ConnectorErrorInit {
  code: string;
  message: string;
  statusCode?: number;
  retryable?: boolean;
  retryAfter?: number;
  /** HTTP attempts made (retries included) before this error; absent when nothing was sent. */
  attempts?: number;
  request?: RequestSummary;
  details?: unknown;
}

/**
 * The one error type of the runtime. It deliberately has no `cause`: causes from fetch/ofetch carry
 * URLs and headers. Whatever leaves the connector is rebuilt through the redactor first
 * (`redactConnectorError`), so message, stack, details and `toJSON()` are credential-free.
 */
export class ConnectorError extends Error {
  readonly code: string;
  readonly statusCode?: number;
  readonly retryable: boolean;
  readonly retryAfter?: number;
  readonly attempts?: number;
  readonly request?: RequestSummary;
  readonly details?: unknown;

  constructor(init: ConnectorErrorInit) {
    super(init.message);
    this.name = 'ConnectorError';
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    if (init.statusCode !== undefined) this.statusCode = init.statusCode;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.attempts !== undefined) this.attempts = init.attempts;
    if (init.request !== undefined) this.request = init.request;
    if (init.details !== undefined) this.details = init.details;
  }

  toInit(): ConnectorErrorInit {
    return {
      code: this.code,
      message: this.message,
      statusCode: this.statusCode,
      retryable: this.retryable,
      retryAfter: this.retryAfter,
      attempts: this.attempts,
      request: this.request,
      details: this.details,
    };
  }

  toErrorInfo(): ConnectorErrorInfo {
    const info: ConnectorErrorInfo = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.statusCode !== undefined) info.statusCode = this.statusCode;
    if (this.retryAfter !== undefined) info.retryAfter = this.retryAfter;
    if (this.attempts !== undefined) info.attempts = this.attempts;
    if (this.details !== undefined || this.request !== undefined) {
      info.details = this.request ? { request: this.request, ...detailsObject(this.details) } : this.details;
    }
    return info;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, ...this.toInit() };
  }
}

function detailsObject(details: unknown): Record<string, unknown> {
  if (details === undefined) return {};
  if (details !== null && typeof details === 'object' && !Array.isArray(details)) {
    return details as Record<string, unknown>;
  }
  return { value: details };
}

export function validationError(message: string, details?: unknown): ConnectorError {
  return new ConnectorError({ code: ErrorCode.validation, message, details });
}

export function unsafeRequestError(message: string): ConnectorError {
  return new ConnectorError({ code: ErrorCode.unsafeRequest, message });
}
