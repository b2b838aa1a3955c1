/** What `executeAction` / `executeRequest` resolve to. They never reject for HTTP or input failures. */

/** A normalised, credential-free error description (see `ConnectorError`). */
export interface ConnectorErrorInfo {
  code: string;
  message: string;
  statusCode?: number;
  retryable?: boolean;
  /** Seconds the server asked us to wait (Retry-After / retry-after-ms), when it said so. */
  retryAfter?: number;
  /** HTTP attempts made, retries included (absent when nothing was sent). */
  attempts?: number;
  details?: unknown;
}

export interface ResponseMetadata {
  requestId?: string;
  /** Milliseconds from the start of the action to the parsed response. */
  responseTime?: number;
  status?: number;
  /** HTTP attempts it took, retries included. */
  attempts?: number;
  /** Response headers, lower-cased; `set-cookie` is dropped and known secrets are redacted. */
  headers?: Record<string, string>;
}

/** A successful call: `data` is the parsed body (`undefined` when the body is empty, e.g. a 204). */
export interface ConnectorSuccess<T = unknown> {
  success: true;
  data: T;
  error?: undefined;
  metadata?: ResponseMetadata;
}

/** A failed call: `error` says why; there is no `data`. */
export interface ConnectorFailure {
  success: false;
  data?: undefined;
  error: ConnectorErrorInfo;
  metadata?: ResponseMetadata;
}

/**
 * Discriminated on `success`, so `if (res.success)` narrows: `res.data` is typed and `res.error` absent;
 * in the other branch `res.error` is always there.
 */
export type ConnectorResponse<T = unknown> = ConnectorSuccess<T> | ConnectorFailure;
