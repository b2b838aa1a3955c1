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

export interface ConnectorResponse<T = unknown> {
  success: boolean;
  data?: T;
  error?: ConnectorErrorInfo;
  metadata?: ResponseMetadata;
}
