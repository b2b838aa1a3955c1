import type { ActionDefinition, ConnectorDefinition } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { HttpResult, TransportSettings } from '../http/http-result.ts';
import { interpretResponse } from '../http/interpret-response.ts';
import { sendRequest } from '../http/send-request.ts';
import { composePipeline, type RequestMiddleware } from '../pipeline/request-pipeline.ts';
import { createConnectorRedactor } from '../redact/connector-redactor.ts';
import { redactConnectorError } from '../redact/redact-error.ts';
import type { Redactor } from '../redact/redactor.ts';
import { resolveBaseUrl } from '../request/base-url.ts';
import { buildActionRequest } from '../request/build-action-request.ts';
import { buildRawRequest, type RawRequest } from '../request/build-raw-request.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';
import type { ConnectorResponse } from '../response.ts';
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits } from '../validate/limits.ts';
import { validateInput } from '../validate/validate-input.ts';
import type { ConnectorEvents, ConnectorMetadata, HealthStatus, UsageStats } from './connector-events.ts';
import {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ConnectorOptions,
} from './connector-options.ts';
import { TypedEmitter } from './typed-emitter.ts';

/**
 * Runs any connector definition. Generated classes only add typed methods that call
 * `executeAction` (or the `run` shorthand); all behaviour lives here and in the hooks, which
 * follow FluxTurn's lifecycle so a host can treat a generated connector like a hand-written one.
 *
 * `executeAction` and `executeRequest` never reject for HTTP, validation, network or configuration
 * failures: they resolve `{ success: false, error }`, with every credential redacted.
 */
export class BaseConnector {
  protected readonly definition: ConnectorDefinition;
  protected readonly options: ConnectorOptions;
  protected readonly credentials: Record<string, string>;
  protected readonly redactor: Redactor;
  private readonly events = new TypedEmitter<ConnectorEvents>();
  private readonly middlewares: RequestMiddleware[];
  private readonly validationLimits: ValidationLimits;
  private readonly actions: Map<string, ActionDefinition>;
  private initializing: Promise<void> | undefined;
  private destroyed = false;
  private readonly stats = { requests: 0, successes: 0, failures: 0, totalResponseTime: 0 };

  constructor(definition: ConnectorDefinition, options: ConnectorOptions = {}) {
    this.definition = definition;
    this.options = options;
    this.credentials = { ...(options.credentials ?? {}) };
    this.redactor = createConnectorRedactor({ definition, credentials: this.credentials });
    this.middlewares = [...(options.middleware ?? [])];
    this.validationLimits = { ...DEFAULT_VALIDATION_LIMITS, ...options.validationLimits };
    this.actions = new Map(definition.supported_actions.map((action) => [action.id, action]));
  }

  // ── Public lifecycle (what a host calls) ──────────────────────────────────────────────────

  /** Idempotent; `executeAction` calls it on first use. Rejects with a redacted ConnectorError. */
  async initialize(): Promise<void> {
    if (this.destroyed) throw this.safeError(destroyedError());
    this.initializing ??= this.initializeConnection().then(
      () => void this.emit('connection.established', { connector: this.definition.name }),
      (error: unknown) => {
        this.initializing = undefined;
        throw this.safeError(error);
      },
    );
    return this.initializing;
  }

  async testConnection(): Promise<ConnectorResponse<boolean>> {
    try {
      await this.initialize();
      const connected = await this.performConnectionTest();
      return { success: connected, data: connected };
    } catch (error) {
      return this.failure({ error, started: performance.now() });
    }
  }

  async getHealthStatus(): Promise<HealthStatus> {
    const lastChecked = new Date().toISOString();
    try {
      const details = await this.performHealthCheck();
      return { status: 'healthy', lastChecked, details };
    } catch (error) {
      return { status: 'unhealthy', lastChecked, details: { error: this.safeError(error).toErrorInfo() } };
    }
  }

  getUsageStats(): UsageStats {
    const { requests, successes, failures, totalResponseTime } = this.stats;
    return { requests, successes, failures, averageResponseTime: requests === 0 ? 0 : totalResponseTime / requests };
  }

  /**
   * Runs one action of the definition. `input` is `object` rather than `Record<string, unknown>`
   * so generated input interfaces (which have no index signature) can be passed as they are; `T`
   * types `data` (generated methods pass their output type).
   */
  async executeAction<T = unknown>(actionId: string, input: object = {}): Promise<ConnectorResponse<T>> {
    const started = performance.now();
    try {
      await this.initialize();
      const response = await this.performAction(actionId, input as Record<string, unknown>);
      return this.success({ response, started, actionId }) as ConnectorResponse<T>;
    } catch (error) {
      return this.failure({ error, started, actionId });
    }
  }

  /** A raw request relative to the base URL, under the same rules (origin pinning, auth, redaction). */
  async executeRequest<T = unknown>(request: RawRequest): Promise<ConnectorResponse<T>> {
    const started = performance.now();
    try {
      await this.initialize();
      const base = resolveBaseUrl({ definition: this.definition, settings: this.options });
      const prepared = await buildRawRequest({ request, base, schemes: this.definition.auth ?? [], credentials: this.credentials });
      const response = await this.send({ request: prepared, timeoutMs: request.timeout });
      return this.success({ response, started }) as ConnectorResponse<T>;
    } catch (error) {
      return this.failure({ error, started });
    }
  }

  getMetadata(): ConnectorMetadata {
    const d = this.definition;
    return {
      name: d.name,
      displayName: d.display_name,
      category: d.category,
      description: d.description,
      authType: d.auth_type,
      actions: d.supported_actions.map((a) => ({ id: a.id, name: a.name, category: a.category, deprecated: a.deprecated ?? false })),
      triggers: d.supported_triggers.map((t) => ({ id: t.id, name: t.name })),
      webhookSupport: d.webhook_support,
    };
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      await this.cleanup();
    } finally {
      this.emit('connector.destroyed', { connector: this.definition.name });
      this.events.removeAllListeners();
    }
  }

  /** Adds a request middleware (innermost so far). See `RequestMiddleware` for the seam. */
  use(middleware: RequestMiddleware): this {
    this.middlewares.push(middleware);
    return this;
  }

  on<K extends keyof ConnectorEvents>(event: K, listener: (payload: ConnectorEvents[K]) => void): this {
    this.events.on(event, listener);
    return this;
  }

  off<K extends keyof ConnectorEvents>(event: K, listener: (payload: ConnectorEvents[K]) => void): this {
    this.events.off(event, listener);
    return this;
  }

  emit<K extends keyof ConnectorEvents>(event: K, payload: ConnectorEvents[K]): boolean {
    return this.events.emit(event, payload);
  }

  // ── Hooks a subclass may override (FluxTurn's names) ──────────────────────────────────────

  /** Fails early on configuration that can never work (no base URL, bad server variables). */
  protected async initializeConnection(): Promise<void> {
    resolveBaseUrl({ definition: this.definition, settings: this.options });
  }

  /**
   * No network by default (the runtime cannot know a side-effect-free endpoint): the base URL
   * resolves and every required auth field is set. Override to call a real endpoint.
   */
  protected async performConnectionTest(): Promise<boolean> {
    resolveBaseUrl({ definition: this.definition, settings: this.options });
    const missing = (this.definition.auth_fields ?? [])
      .filter((field) => field.required && !this.credentials[field.key])
      .map((field) => `"${field.key}"`);
    if (missing.length > 0) {
      throw new ConnectorError({ code: ErrorCode.missingCredentials, message: `missing credentials: set ${missing.join(', ')}` });
    }
    return true;
  }

  protected async performHealthCheck(): Promise<Record<string, unknown>> {
    return { connected: await this.performConnectionTest(), usage: this.getUsageStats() };
  }

  /** The generic executor: validate, build the request from `api`, send, interpret. */
  protected async performAction(actionId: string, input: Record<string, unknown>): Promise<ConnectorResponse> {
    const action = this.actions.get(actionId);
    if (!action) {
      throw new ConnectorError({ code: ErrorCode.unknownAction, message: `unknown action ${JSON.stringify(actionId.slice(0, 200))}` });
    }
    const validated = validateInput({ schema: action.inputSchema, input, limits: this.validationLimits });
    const base = resolveBaseUrl({ definition: this.definition, actionBaseUrl: action.api.baseUrl, settings: this.options });
    const request = await buildActionRequest({
      action,
      input: validated,
      base,
      schemes: this.definition.auth ?? [],
      credentials: this.credentials,
    });
    return this.send({ request });
  }

  /**
   * Every HTTP exchange passes here: middlewares around the transport, under one timeout that
   * covers all attempts, redirects and the body download.
   */
  protected async performRequest(request: PreparedRequest, options: { timeoutMs?: number } = {}): Promise<HttpResult> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new ConnectorError({ code: ErrorCode.timeout, message: `request timed out after ${timeoutMs} ms`, retryable: true }));
    }, timeoutMs);
    const started = performance.now();
    try {
      const settings = this.transportSettings();
      const handler = composePipeline({
        middlewares: this.middlewares,
        terminal: (context) => sendRequest({ request: context.request, settings, signal: context.signal }),
      });
      const result = await handler({ request, signal: controller.signal, attempt: 1 });
      this.emit('request.completed', {
        actionId: request.actionId,
        method: request.method,
        url: this.redactor.url(result.url),
        status: result.status,
        responseTime: performance.now() - started,
      });
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  protected async cleanup(): Promise<void> {}

  /** Shorthand for generated methods: `return this.run<IssuesCreateOutput>('issues_create', input)`. */
  protected run<T>(actionId: string, input: object): Promise<ConnectorResponse<T>> {
    return this.executeAction<T>(actionId, input);
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────

  private async send(options: { request: PreparedRequest; timeoutMs?: number }): Promise<ConnectorResponse> {
    const { request } = options;
    try {
      const result = await this.performRequest(request, { timeoutMs: options.timeoutMs });
      const { data, metadata } = interpretResponse({ result, request, redactor: this.redactor });
      return { success: true, data, metadata };
    } catch (error) {
      if (error instanceof ConnectorError && !error.request) {
        throw new ConnectorError({ ...error.toInit(), request: { method: request.method, url: request.url } });
      }
      throw error;
    }
  }

  private transportSettings(): TransportSettings {
    return {
      fetch: this.options.fetch ?? globalThis.fetch,
      maxResponseBytes: this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxRedirects: this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      crossOriginRedirects: this.options.crossOriginRedirects ?? 'strip-credentials',
      credentialHeaderNames: (this.definition.auth ?? []).flatMap((scheme) =>
        scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name.toLowerCase()] : [],
      ),
    };
  }

  private success(options: { response: ConnectorResponse; started: number; actionId?: string }): ConnectorResponse {
    const responseTime = performance.now() - options.started;
    this.record({ ok: options.response.success, responseTime });
    if (options.actionId !== undefined) {
      this.emit('action.completed', {
        actionId: options.actionId,
        success: options.response.success,
        responseTime,
        status: options.response.metadata?.status,
      });
    }
    return { ...options.response, metadata: { ...options.response.metadata, responseTime } };
  }

  private failure(options: { error: unknown; started: number; actionId?: string }): ConnectorResponse<never> {
    const responseTime = performance.now() - options.started;
    const error = this.safeError(options.error);
    this.record({ ok: false, responseTime });
    const info = error.toErrorInfo();
    this.emit('error.occurred', { actionId: options.actionId, error: info });
    if (options.actionId !== undefined) {
      this.emit('action.completed', { actionId: options.actionId, success: false, responseTime, status: error.statusCode });
    }
    const metadata = error.statusCode === undefined ? { responseTime } : { responseTime, status: error.statusCode };
    return { success: false, error: info, metadata };
  }

  private record(options: { ok: boolean; responseTime: number }): void {
    this.stats.requests += 1;
    this.stats.totalResponseTime += options.responseTime;
    if (options.ok) this.stats.successes += 1;
    else this.stats.failures += 1;
  }

  /** Any thrown value → a ConnectorError rebuilt through the redactor. */
  private safeError(error: unknown): ConnectorError {
    const connectorError =
      error instanceof ConnectorError
        ? error
        : new ConnectorError({ code: ErrorCode.internal, message: `unexpected ${errorName(error)}: ${errorMessage(error)}` });
    return redactConnectorError({ error: connectorError, redactor: this.redactor });
  }
}

function destroyedError(): ConnectorError {
  return new ConnectorError({ code: ErrorCode.destroyed, message: 'the connector was destroyed' });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
