import type { RequestMiddleware } from '../pipeline/request-pipeline.ts';
import type { ValidationLimits } from '../validate/limits.ts';

export interface ConnectorOptions {
  /** Credential values by key (`apiKey`, `accessToken`, `username`, …). */
  credentials?: Record<string, string>;
  /** Overrides every other base URL source (action, servers, `endpoints.base_url`). */
  baseUrl?: string;
  /** Index into `definition.endpoints.servers`. */
  serverIndex?: number;
  /** Values for `userSettable` server variables. */
  serverVariables?: Record<string, string>;
  /** Injectable fetch (tests, proxies, undici dispatchers). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Whole-request timeout including redirects and body download. Default 30 000 ms. */
  timeoutMs?: number;
  /** Response body cap in bytes. Default 50 MB. */
  maxResponseBytes?: number;
  /** Redirect hops followed. Default 5. */
  maxRedirects?: number;
  /** What a redirect to another origin does. Default `strip-credentials` (follow without any). */
  crossOriginRedirects?: 'strip-credentials' | 'refuse';
  validationLimits?: Partial<ValidationLimits>;
  /** Request middlewares, outermost first (see `RequestMiddleware`). */
  middleware?: RequestMiddleware[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
