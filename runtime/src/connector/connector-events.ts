import type { ConnectorErrorInfo } from '../response.ts';

/** Event payloads: already redacted, never credentials. */
export interface ConnectorEvents {
  'connection.established': { connector: string };
  'request.completed': { actionId?: string; method: string; url: string; status: number; responseTime: number };
  'action.completed': { actionId: string; success: boolean; responseTime: number; status?: number };
  'error.occurred': { actionId?: string; error: ConnectorErrorInfo };
  'connector.destroyed': { connector: string };
  /** `refreshTokens()` obtained and stored new OAuth2 tokens. */
  'token.refreshed': { connector: string };
  /** A failed attempt is about to be repeated after `delayMs`. */
  'request.retrying': {
    actionId?: string;
    method: string;
    url: string;
    /** The attempt that failed (1 = the first). */
    attempt: number;
    /** `HTTP_503`, `NETWORK_ERROR`, `TIMEOUT`… */
    reason: string;
    delayMs: number;
    source: 'retry-after' | 'backoff';
  };
  /** A request waits `waitMs` for the client-side rate limit. */
  'rate_limit.waiting': { connector: string; waitMs: number };
}

export interface HealthStatus {
  status: 'healthy' | 'unhealthy';
  /** ISO time of the check. */
  lastChecked: string;
  details?: Record<string, unknown>;
}

export interface UsageStats {
  requests: number;
  successes: number;
  failures: number;
  averageResponseTime: number;
}

export interface ConnectorMetadata {
  name: string;
  displayName: string;
  category: string;
  description: string;
  authType: string;
  actions: Array<{ id: string; name: string; category: string; deprecated: boolean }>;
  triggers: Array<{ id: string; name: string }>;
  webhookSupport: boolean;
}
