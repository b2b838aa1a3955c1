import type { ConnectorErrorInfo } from '../response.ts';

/** Event payloads: already redacted, never credentials. */
export interface ConnectorEvents {
  'connection.established': { connector: string };
  'request.completed': { actionId?: string; method: string; url: string; status: number; responseTime: number };
  'action.completed': { actionId: string; success: boolean; responseTime: number; status?: number };
  'error.occurred': { actionId?: string; error: ConnectorErrorInfo };
  'connector.destroyed': { connector: string };
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
