import type { ActionDefinition, ConnectorDefinition, FieldOption } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { HttpResult, TransportSettings } from '../http/http-result.ts';
import { interpretResponse } from '../http/interpret-response.ts';
import { sendRequest } from '../http/send-request.ts';
import { composePipeline, type RequestHandler, type RequestMiddleware } from '../pipeline/request-pipeline.ts';
import { OAuth2Session, type OAuth2Scheme } from '../oauth2/oauth2-session.ts';
import { InMemoryTokenStore } from '../oauth2/token-store.ts';
import type { FetchedPage, Page, PageRequest, PaginateOptions } from '../paginate/page.ts';
import { walkPages } from '../paginate/walk-pages.ts';
import { createConnectorRedactor, type ConnectorRedactor } from '../redact/connector-redactor.ts';
import { redactConnectorError } from '../redact/redact-error.ts';
import { stripQueryNames } from '../http/redirect.ts';
import { resolveClock, type RuntimeClock } from '../timing/clock.ts';
import { builtinMiddlewares } from './builtin-middlewares.ts';
import { resolveBaseUrl } from '../request/base-url.ts';
import { buildActionRequest, buildBodilessActionRequest } from '../request/build-action-request.ts';
import { buildRawRequest, type RawRequest } from '../request/build-raw-request.ts';
import type { PreparedRequest } from '../request/prepared-request.ts';
import type { ConnectorFailure, ConnectorResponse, ResponseMetadata } from '../response.ts';
import { CONNECTION_UNVERIFIED, resolveTestInput, type ConnectionTestResponse } from './connection-test.ts';
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits } from '../validate/limits.ts';
import { validateInput } from '../validate/validate-input.ts';
import type { ConnectorEvents, ConnectorMetadata, HealthStatus, UsageStats } from './connector-events.ts';
import {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ConnectorOptions,
  type ExecuteOptions,
} from './connector-options.ts';
import { findOptionsSource, optionsSourceInput, toFieldOptions, type LoadOptionsContext } from './load-options.ts';
import { checkDependencies, optionsPageInput, toOptionsPage, type OptionsPage, type OptionsPageRequest } from './options-page.ts';
import { TypedEmitter } from './typed-emitter.ts';
import { pollTrigger, type PollOptions } from '../polling/poll-trigger.ts';
import type { PollState } from '../polling/poll-state.ts';
import { InMemoryPollStateStore, type PollStateStore } from '../polling/poll-state-store.ts';
import type { PollResult } from '../polling/run-poll.ts';
import { assertDefinitionNames } from '../request/check-names.ts';
import { handleWebhookDelivery } from '../webhooks/handle-webhook.ts';
import { InMemoryWebhookReplayStore, type WebhookReplayStore } from '../webhooks/replay-store.ts';
import { assertWebhookSecrets, webhookSecrets } from '../webhooks/webhook-secrets.ts';
import { DEFAULT_MAX_WEBHOOK_BODY_BYTES, type HandleWebhookOptions, type WebhookRequest, type WebhookResult } from '../webhooks/webhook-types.ts';

/**
 * Runs any connector definition. Generated classes only add typed methods that call
 * `executeAction`; all behaviour lives here and in the hooks, which follow FluxTurn's lifecycle so a
 * host can treat a generated connector like a hand-written one.
 *
 * The members a subclass can see are exactly the public API and FluxTurn's hooks; everything else
 * is `#private`. The generator derives the method names it must not take from this class's
 * prototype chain (see the generator's reserved-name test), so adding a public member here is a
 * change to every generated connector's name space.
 *
 * `executeAction` and `executeRequest` never reject for HTTP, validation, network or configuration
 * failures: they resolve `{ success: false, error }`, with every credential redacted.
 */
export class BaseConnector {
  // Every piece of state and every helper is an ES `#private` member: a generated subclass adds one
  // method per action, and an action may be called anything (`send`, `record`, `exchange`…), so the
  // only names a subclass can shadow are the public API and the lifecycle hooks below.
  readonly #definition: ConnectorDefinition;
  readonly #options: ConnectorOptions;
  readonly #credentials: Record<string, string>;
  readonly #redactor: ConnectorRedactor;
  readonly #clock: RuntimeClock;
  readonly #oauth2: OAuth2Session | undefined;
  readonly #builtins: RequestMiddleware[];
  #composed: RequestHandler | undefined;
  readonly #baseUrls = new Map<string, URL>();
  readonly #events = new TypedEmitter<ConnectorEvents>();
  readonly #middlewares: RequestMiddleware[];
  readonly #validationLimits: ValidationLimits;
  readonly #actions: Map<string, ActionDefinition>;
  #initializing: Promise<void> | undefined;
  #destroyed = false;
  /** Set when `initializeConnection` has resolved (`#initializing` then holds a settled promise). */
  #initialized = false;
  readonly #stats = { requests: 0, successes: 0, failures: 0, totalResponseTime: 0 };
  #replayStore: WebhookReplayStore | undefined;
  #pollStore: PollStateStore | undefined;

  constructor(definition: ConnectorDefinition, options: ConnectorOptions = {}) {
    assertDefinitionNames(definition);
    this.#definition = definition;
    this.#options = options;
    this.#credentials = { ...(options.credentials ?? {}) };
    assertWebhookSecrets({
      verification: options.webhooks?.verification ?? definition.webhooks?.verification,
      connector: options.webhooks?.secret,
      credential: this.#credentials[definition.webhooks?.secretCredential ?? 'webhookSecret'],
    });
    this.#redactor = createConnectorRedactor({ definition, credentials: this.#credentials });
    this.#middlewares = [...(options.middleware ?? [])];
    this.#validationLimits = { ...DEFAULT_VALIDATION_LIMITS, ...options.validationLimits };
    this.#actions = new Map(definition.supported_actions.map((action) => [action.id, action]));
    this.#clock = resolveClock(options.clock);
    this.#oauth2 = this.#createOAuth2Session();
    this.#builtins = builtinMiddlewares({
      definition,
      settings: options,
      credentials: this.#credentials,
      clock: this.#clock,
      session: this.#oauth2,
      onRetry: (notice) =>
        this.emit('request.retrying', {
          actionId: notice.request.actionId,
          method: notice.request.method,
          url: this.#redactor.url(notice.request.url),
          attempt: notice.attempt,
          reason: notice.reason,
          delayMs: notice.delayMs,
          source: notice.source,
        }),
      onRateLimitWait: (waitMs) => this.emit('rate_limit.waiting', { connector: definition.name, waitMs }),
    });
  }

  /** The OAuth2 token lifecycle, when the definition has an OAuth2 scheme with a token URL. */
  get oauth2(): OAuth2Session | undefined {
    return this.#oauth2;
  }

  // ── Public lifecycle (what a host calls) ──────────────────────────────────────────────────

  /** Idempotent; `executeAction` calls it on first use. Rejects with a redacted ConnectorError. */
  async initialize(): Promise<void> {
    if (this.#destroyed) throw this.#safeError(destroyedError());
    this.#initializing ??= this.initializeConnection().then(
      () => {
        this.#initialized = true;
        this.emit('connection.established', { connector: this.#definition.name });
      },
      (error: unknown) => {
        this.#initializing = undefined;
        throw this.#safeError(error);
      },
    );
    return this.#initializing;
  }

  /**
   * `status` says what was proven: `verified` (`success: true`), `unverified` when the definition
   * names no test action (`success: false`, code `CONNECTION_UNVERIFIED`: the settings look complete
   * but nothing was sent), or `failed`.
   */
  async testConnection(): Promise<ConnectionTestResponse> {
    try {
      await this.initialize();
      const outcome = await this.performConnectionTest();
      if (outcome === true) return { success: true, data: true, status: 'verified' };
      if (outcome === 'unverified') {
        const message = 'the connection is not verified: this connector names no test action, so only the base URL and the required credentials were checked and nothing was sent';
        return { success: false, status: 'unverified', error: { code: CONNECTION_UNVERIFIED, message, retryable: false } };
      }
      return { success: false, status: 'failed', error: { code: 'CONNECTION_TEST_FAILED', message: 'the connection test did not pass' } };
    } catch (error) {
      return { ...this.#failure({ error, started: performance.now() }), status: 'failed' } as ConnectorFailure & { status: 'failed' };
    }
  }

  async getHealthStatus(): Promise<HealthStatus> {
    const lastChecked = new Date().toISOString();
    try {
      const details = await this.performHealthCheck();
      return { status: 'healthy', lastChecked, details };
    } catch (error) {
      return { status: 'unhealthy', lastChecked, details: { error: this.#safeError(error).toErrorInfo() } };
    }
  }

  getUsageStats(): UsageStats {
    const { requests, successes, failures, totalResponseTime } = this.#stats;
    return { requests, successes, failures, averageResponseTime: requests === 0 ? 0 : totalResponseTime / requests };
  }

  /**
   * Runs one action of the definition. `input` is `object` rather than `Record<string, unknown>`
   * so generated input interfaces (which have no index signature) can be passed as they are; `T`
   * types `data` (generated methods pass their output type).
   */
  async executeAction<T = unknown>(actionId: string, input: object = {}, options: ExecuteOptions = {}): Promise<ConnectorResponse<T>> {
    const started = performance.now();
    try {
      // Once initialised (and not overridden), skip the extra promise hop of `initialize()` per call.
      if (!this.#initialized || this.#destroyed || this.initialize !== BaseConnector.prototype.initialize) await this.initialize();
      if (this.performAction !== BaseConnector.prototype.performAction || this.performRequest !== BaseConnector.prototype.performRequest) {
        const response = await this.performAction(actionId, input as Record<string, unknown>, options);
        return this.#success({ response, started, actionId }) as ConnectorResponse<T>;
      }
      // Neither hook is overridden: performAction → #exchange → performRequest, in this one async
      // frame (three fewer promises and frames held across the network wait per request).
      const prepared = this.#prepareAction({ actionId, input: input as Record<string, unknown>, signal: options.signal });
      const request = prepared instanceof Promise ? await prepared : prepared;
      let result: HttpResult | undefined;
      try {
        const caller = options.signal;
        if (caller?.aborted) throw abortedError();
        const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const controller = new AbortController();
        const timer = setTimeout(abortOnTimeout, timeoutMs, controller, timeoutMs);
        const onCallerAbort = caller ? (): void => controller.abort(abortedError()) : undefined;
        if (caller && onCallerAbort) caller.addEventListener('abort', onCallerAbort, { once: true });
        const sent = performance.now();
        try {
          result = await this.#pipeline()({ request, signal: controller.signal, attempt: 1, deadline: this.#clock.now() + timeoutMs });
          if (this.#hasListener('request.completed')) this.#emitCompleted({ request, result, sent });
        } finally {
          clearTimeout(timer);
          if (caller && onCallerAbort) caller.removeEventListener('abort', onCallerAbort);
        }
        const { data, metadata } = interpretResponse({ result, request, redactor: this.#redactor });
        if (result.attempts !== undefined) metadata.attempts = result.attempts;
        return this.#succeeded({ data, metadata, started, actionId }) as ConnectorResponse<T>;
      } catch (error) {
        throw withRequestSummary({ error, request, result });
      }
    } catch (error) {
      return this.#failure({ error, started, actionId });
    }
  }

  /** A raw request relative to the base URL, under the same rules (origin pinning, auth, redaction). */
  async executeRequest<T = unknown>(request: RawRequest, options: ExecuteOptions = {}): Promise<ConnectorResponse<T>> {
    const started = performance.now();
    try {
      await this.initialize();
      const base = resolveBaseUrl({ definition: this.#definition, settings: this.#options });
      const credentials = await this.#credentialsWithToken({ schemeIds: (this.#definition.auth ?? []).map((scheme) => scheme.id), signal: options.signal, optional: true });
      const prepared = await buildRawRequest({ request, base, schemes: this.#definition.auth ?? [], credentials });
      const response = await this.#send({ request: prepared, timeoutMs: options.timeoutMs ?? request.timeout, signal: options.signal });
      return this.#success({ response, started }) as ConnectorResponse<T>;
    } catch (error) {
      return this.#failure({ error, started });
    }
  }

  /**
   * The items of every page of a list action, in order (see `paginatePages`). Rejects with a
   * redacted ConnectorError when a page fails or pagination has to stop (PAGINATION_ERROR).
   */
  async *paginate<T = unknown>(actionId: string, input: object = {}, options: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
    for await (const page of this.paginatePages<T>(actionId, input, options)) yield* page.items;
  }

  /**
   * The pages of a list action: declared `api.pagination` (cursor, offset, page, Link header,
   * next URL) or inferred from the first response where unambiguous; otherwise one page. Next
   * links are followed only on the connector's origin; a repeated cursor or an empty page that says
   * "more" stops with an error, and so does reaching `maxPages` (default 100) with pages left.
   */
  async *paginatePages<T = unknown>(actionId: string, input: object = {}, options: PaginateOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
    try {
      await this.initialize();
      const action = this.#requireAction(actionId);
      const first = input as Record<string, unknown>;
      const base = resolveBaseUrl({ definition: this.#definition, actionBaseUrl: action.api.baseUrl, settings: this.#options });
      yield* walkPages({
        action,
        input: first,
        origin: base.origin,
        maxPages: options.maxPages ?? this.#options.pagination?.maxPages,
        fetchPage: (request) => this.#fetchPage({ actionId, first, request, options }),
      }) as AsyncGenerator<Page<T>>;
    } catch (error) {
      throw this.#safeError(error);
    }
  }

  /**
   * Verifies one webhook delivery for a trigger (raw bytes, never re-serialised JSON) and returns its
   * typed event, or a rejection with a reason (`bad_signature`, `stale_timestamp`, `replayed`,
   * `wrong_event_type`, …). Never rejects for bad input; messages never hold the secret.
   */
  async handleWebhook<T = unknown>(triggerId: string, request: WebhookRequest, options: HandleWebhookOptions = {}): Promise<WebhookResult<T>> {
    const settings = this.#options.webhooks ?? {};
    this.#replayStore ??= settings.replayStore ?? new InMemoryWebhookReplayStore();
    const result = await handleWebhookDelivery({
      definition: this.#definition,
      triggerId,
      request,
      verification: options.verification ?? settings.verification ?? this.#definition.webhooks?.verification,
      secrets: webhookSecrets({ call: options.secret, connector: settings.secret, credential: this.#credentials[this.#definition.webhooks?.secretCredential ?? 'webhookSecret'] }),
      replayStore: this.#replayStore,
      now: this.#clock.now(),
      maxBodyBytes: settings.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES,
    });
    return result as WebhookResult<T>;
  }

  /**
   * One poll of a polling trigger: new items (oldest first, each once) and the next state. The first
   * poll records a baseline and returns no items. `state` omitted: the state store's; `null`: start over.
   * Rejects with a redacted ConnectorError when a page fails.
   */
  async poll<T = unknown>(triggerId: string, state?: PollState | null, options: PollOptions = {}): Promise<PollResult<T>> {
    try {
      await this.initialize();
      this.#pollStore ??= this.#options.polling?.stateStore ?? new InMemoryPollStateStore();
      return await pollTrigger<T>({
        definition: this.#definition,
        triggerId,
        state,
        options,
        store: this.#pollStore,
        maxSeen: this.#options.polling?.maxSeen,
        now: this.#clock.now(),
        pages: ({ actionId, input, maxPages }) => this.paginatePages(actionId, input, { maxPages, signal: options.signal, timeoutMs: options.timeoutMs }),
      });
    } catch (error) {
      throw this.#safeError(error);
    }
  }

  /**
   * Choices of a field with dynamic options (`loadOptionsSource`): runs the source action (with
   * `context.input` values it accepts) and maps each item to `{ label, value }`. Never rejects.
   */
  async loadOptions(actionId: string, fieldName: string, context: LoadOptionsContext = {}): Promise<ConnectorResponse<FieldOption[]>> {
    let found: ReturnType<typeof findOptionsSource>;
    try {
      found = findOptionsSource({ actions: this.#actions, actionId, fieldName });
    } catch (error) {
      return this.#failure({ error, started: performance.now(), actionId });
    }
    const input = optionsSourceInput({ ...found, context });
    const response = await this.executeAction(found.source.action, input);
    return toFieldOptions({ source: found.source, response });
  }

  /**
   * One page of a field's dynamic choices: checks the fields it depends on are filled (else a
   * VALIDATION_ERROR), sends their values, the search term and the cursor to the source action,
   * and returns `{ options, nextCursor? }`. Never rejects.
   */
  async loadOptionsPage(actionId: string, fieldName: string, request: OptionsPageRequest = {}): Promise<ConnectorResponse<OptionsPage>> {
    let found: ReturnType<typeof findOptionsSource>;
    try {
      found = findOptionsSource({ actions: this.#actions, actionId, fieldName });
      checkDependencies({ source: found.source, fieldName, values: request.values });
    } catch (error) {
      return this.#failure({ error, started: performance.now(), actionId });
    }
    const input = optionsPageInput({ ...found, request });
    const response = await this.executeAction(found.source.action, input);
    return toOptionsPage({ ...found, input, response });
  }

  /**
   * FluxTurn's `refreshTokens()`: gets new OAuth2 tokens now (refresh-token or client-credentials
   * grant), stores them and emits `token.refreshed`. Never rejects: without an OAuth2 session it is
   * a CONFIGURATION_ERROR, without a way to refresh MISSING_CREDENTIALS, a dead grant RECONNECT_REQUIRED.
   */
  async refreshTokens(options: { signal?: AbortSignal } = {}): Promise<ConnectorResponse<boolean>> {
    const started = performance.now();
    try {
      const session = this.#oauth2;
      if (!session) {
        throw new ConnectorError({ code: ErrorCode.configuration, message: 'no OAuth2 scheme with a token URL: nothing to refresh' });
      }
      // The session refreshes when told its current token was rejected; that is the whole request here.
      const current = await session.accessToken({ signal: options.signal });
      const refreshed = await session.afterUnauthorized({ rejected: current, signal: options.signal });
      if (refreshed === undefined) {
        throw new ConnectorError({ code: ErrorCode.missingCredentials, message: 'no refresh token: the tokens cannot be refreshed' });
      }
      this.emit('token.refreshed', { connector: this.#definition.name });
      return { success: true, data: true };
    } catch (error) {
      return this.#failure({ error, started });
    }
  }

  getMetadata(): ConnectorMetadata {
    const d = this.#definition;
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
    if (this.#destroyed) return;
    this.#destroyed = true;
    try {
      await this.cleanup();
    } finally {
      this.emit('connector.destroyed', { connector: this.#definition.name });
      this.#events.removeAllListeners();
    }
  }

  /** Adds a request middleware (innermost so far). See `RequestMiddleware` for the seam. */
  use(middleware: RequestMiddleware): this {
    this.#middlewares.push(middleware);
    this.#composed = undefined;
    return this;
  }

  on<K extends keyof ConnectorEvents>(event: K, listener: (payload: ConnectorEvents[K]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  off<K extends keyof ConnectorEvents>(event: K, listener: (payload: ConnectorEvents[K]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  emit<K extends keyof ConnectorEvents>(event: K, payload: ConnectorEvents[K]): boolean {
    return this.#events.emit(event, payload);
  }

  // ── Hooks a subclass may override (FluxTurn's names) ──────────────────────────────────────

  /** Fails early on configuration that can never work (no base URL, bad server variables). */
  protected async initializeConnection(): Promise<void> {
    resolveBaseUrl({ definition: this.#definition, settings: this.#options });
  }

  /**
   * The base URL resolves and every required auth field is set; then the definition's
   * `connection_test` action runs with its input (credentials filled in) and proves the
   * credentials: `true`. Without a test action nothing is sent: `'unverified'`. Override to call a
   * real endpoint (and return `true`).
   */
  protected async performConnectionTest(): Promise<boolean | 'unverified'> {
    resolveBaseUrl({ definition: this.#definition, settings: this.#options });
    const missing = (this.#definition.auth_fields ?? [])
      .filter((field) => field.required && !this.#credentials[field.key])
      .map((field) => `"${field.key}"`);
    if (missing.length > 0) {
      throw new ConnectorError({ code: ErrorCode.missingCredentials, message: `missing credentials: set ${missing.join(', ')}` });
    }
    // A definition may name a side-effect-free action (`connection_test`) that proves the credentials.
    const test = this.#definition.connection_test;
    if (test === undefined) return 'unverified';
    const testAction = test.actionId;
    const response = await this.performAction(testAction, resolveTestInput({ input: test.input, credentials: this.#credentials }));
    if (!response.success) {
      const cause = response.error;
      throw new ConnectorError({
        code: cause?.code ?? ErrorCode.configuration,
        message: `connection test action "${testAction}" failed: ${cause?.message ?? 'unsuccessful response'}`,
        ...(cause?.statusCode !== undefined ? { statusCode: cause.statusCode } : {}),
      });
    }
    return true;
  }

  /** `connected`: the checks passed; `verified`: a request proved the credentials. */
  protected async performHealthCheck(): Promise<Record<string, unknown>> {
    const outcome = await this.performConnectionTest();
    return { connected: outcome !== false, verified: outcome === true, usage: this.getUsageStats() };
  }

  /** The generic executor: validate, build the request from `api`, send, interpret. */
  protected async performAction(actionId: string, input: Record<string, unknown>, options: ExecuteOptions = {}): Promise<ConnectorResponse> {
    const prepared = this.#prepareAction({ actionId, input, signal: options.signal });
    // A request built without a promise is sent without awaiting one.
    const request = prepared instanceof Promise ? await prepared : prepared;
    return (await this.#exchange({ request, timeoutMs: options.timeoutMs, signal: options.signal })).response;
  }

  /**
   * Every HTTP exchange passes here: middlewares around the transport, under one timeout that
   * covers all attempts, redirects and the body download.
   */
  protected async performRequest(request: PreparedRequest, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<HttpResult> {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const caller = options.signal;
    if (caller?.aborted) throw abortedError();
    const controller = new AbortController();
    const timer = setTimeout(abortOnTimeout, timeoutMs, controller, timeoutMs);
    // Only a caller signal needs a listener (a named closure per request costs measurable time).
    const onCallerAbort = caller ? (): void => controller.abort(abortedError()) : undefined;
    if (caller && onCallerAbort) caller.addEventListener('abort', onCallerAbort, { once: true });
    const sent = performance.now();
    try {
      const result = await this.#pipeline()({ request, signal: controller.signal, attempt: 1, deadline: this.#clock.now() + timeoutMs });
      // Redacting the URL costs a URL parse per request: skip it when nobody would see the event.
      if (this.#hasListener('request.completed')) this.#emitCompleted({ request, result, sent });
      return result;
    } finally {
      clearTimeout(timer);
      if (caller && onCallerAbort) caller.removeEventListener('abort', onCallerAbort);
    }
  }

  protected async cleanup(): Promise<void> {}

  // ── Internals ─────────────────────────────────────────────────────────────────────────────

  async #send(options: { request: PreparedRequest; timeoutMs?: number; signal?: AbortSignal }): Promise<ConnectorResponse> {
    return (await this.#exchange(options)).response;
  }

  /** One request through the pipeline: the interpreted response and the raw result (pagination reads its headers). */
  async #exchange(options: {
    request: PreparedRequest;
    timeoutMs?: number;
    signal?: AbortSignal;
  }): Promise<{ response: ConnectorResponse; result: HttpResult }> {
    const { request } = options;
    let result: HttpResult | undefined;
    try {
      result = await this.performRequest(request, { timeoutMs: options.timeoutMs, signal: options.signal });
      const { data, metadata } = interpretResponse({ result, request, redactor: this.#redactor });
      if (result.attempts !== undefined) metadata.attempts = result.attempts;
      return { response: { success: true, data, metadata }, result };
    } catch (error) {
      throw withRequestSummary({ error, request, result });
    }
  }

  #emitCompleted(options: { request: PreparedRequest; result: HttpResult; sent: number }): void {
    const { request, result } = options;
    this.emit('request.completed', {
      actionId: request.actionId,
      method: request.method,
      url: this.#redactor.url(result.url),
      status: result.status,
      responseTime: performance.now() - options.sent,
    });
  }

  /** The base URL of an action: fixed by the definition and options, so resolved once per action base (read-only). */
  #baseUrlFor(action: ActionDefinition): URL {
    const key = action.api.baseUrl ?? '';
    let base = this.#baseUrls.get(key);
    if (!base) {
      base = resolveBaseUrl({ definition: this.#definition, actionBaseUrl: action.api.baseUrl, settings: this.#options });
      this.#baseUrls.set(key, base);
    }
    return base;
  }

  #requireAction(actionId: string): ActionDefinition {
    const action = this.#actions.get(actionId);
    if (!action) {
      throw new ConnectorError({ code: ErrorCode.unknownAction, message: `unknown action ${JSON.stringify(actionId.slice(0, 200))}` });
    }
    return action;
  }

  /**
   * Validate, resolve the base URL and credentials (a current OAuth2 token), build the request.
   * Without an OAuth2 session and a body to encode, the request is returned as it is, not as a promise.
   */
  #prepareAction(options: { actionId: string; input: Record<string, unknown>; signal?: AbortSignal }): PreparedRequest | Promise<PreparedRequest> {
    const action = this.#requireAction(options.actionId);
    // Override defaults fill omitted fields before validation; fixed values (not inputs) join after it.
    const given = action.api.defaultValues ? { ...action.api.defaultValues, ...options.input } : options.input;
    const validated = validateInput({ schema: action.inputSchema, input: given, limits: this.#validationLimits });
    const base = this.#baseUrlFor(action);
    // Without an OAuth2 session the credentials are fixed: no token lookup, no extra await.
    if (this.#oauth2) return this.#prepareWithToken({ action, validated, base, signal: options.signal });
    const build = { action, input: this.#withFixedValues({ action, validated }), base, schemes: this.#definition.auth ?? [], credentials: this.#credentials };
    return buildBodilessActionRequest(build) ?? buildActionRequest(build);
  }

  async #prepareWithToken(options: { action: ActionDefinition; validated: Record<string, unknown>; base: URL; signal?: AbortSignal }): Promise<PreparedRequest> {
    const { action, base } = options;
    const credentials = await this.#credentialsWithToken({ schemeIds: action.api.security.flat(), signal: options.signal, optional: false });
    const input = this.#withFixedValues({ action, validated: options.validated });
    return buildActionRequest({ action, input, base, schemes: this.#definition.auth ?? [], credentials });
  }

  #withFixedValues(options: { action: ActionDefinition; validated: Record<string, unknown> }): Record<string, unknown> {
    const { fixedValues } = options.action.api;
    return fixedValues ? { ...options.validated, ...fixedValues } : options.validated;
  }

  /**
   * The credentials with the OAuth2 access token filled in when the request may use the OAuth2
   * scheme. A missing token is left to auth resolution (another alternative may apply); a dead
   * grant (RECONNECT_REQUIRED) fails here, before anything is sent.
   */
  async #credentialsWithToken(options: { schemeIds: string[]; signal?: AbortSignal; optional: boolean }): Promise<Record<string, string>> {
    const session = this.#oauth2;
    if (!session || !options.schemeIds.includes(session.schemeId)) return this.#credentials;
    const scheme = (this.#definition.auth ?? []).find((candidate) => candidate.id === session.schemeId) as OAuth2Scheme;
    try {
      return { ...this.#credentials, [scheme.credential]: await session.accessToken({ signal: options.signal }) };
    } catch (error) {
      if (error instanceof ConnectorError && error.code === ErrorCode.missingCredentials) return this.#credentials;
      if (options.optional && error instanceof ConnectorError && error.code !== ErrorCode.reconnectRequired) return this.#credentials;
      throw error;
    }
  }

  async #fetchPage(options: { actionId: string; first: Record<string, unknown>; request: PageRequest; options: PaginateOptions }): Promise<FetchedPage> {
    const { signal, timeoutMs } = options.options;
    const input = 'input' in options.request ? options.request.input : options.first;
    let request = await this.#prepareAction({ actionId: options.actionId, input, signal });
    if ('url' in options.request) {
      // The API's next link replaces path and query; credential query values are re-applied by the transport.
      request = { ...request, url: stripQueryNames({ url: new URL(options.request.url), names: request.auth.queryNames }) };
    }
    const { response, result } = await this.#exchange({ request, timeoutMs, signal });
    return { data: response.data, metadata: response.metadata ?? {}, headers: result.headers, url: result.url };
  }

  #createOAuth2Session(): OAuth2Session | undefined {
    const wanted = this.#options.oauth2?.schemeId;
    const scheme = (this.#definition.auth ?? []).find(
      (candidate): candidate is OAuth2Scheme => candidate.type === 'oauth2' && (wanted === undefined ? candidate.tokenUrl !== undefined : candidate.id === wanted),
    );
    if (!scheme) return undefined;
    return new OAuth2Session({
      scheme,
      credentials: this.#credentials,
      store: this.#options.oauth2?.tokenStore ?? new InMemoryTokenStore(),
      fetch: this.#options.fetch ?? globalThis.fetch,
      clock: this.#clock,
      refreshSkewMs: this.#options.oauth2?.refreshSkewMs ?? 60_000,
      onTokens: (tokens) => this.#redactor.addSecrets([tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : [])]),
    });
  }

  /** The composed pipeline, rebuilt only when `use()` adds a middleware. */
  #pipeline(): RequestHandler {
    if (!this.#composed) {
      const settings = this.#transportSettings();
      this.#composed = composePipeline({
        middlewares: [...this.#builtins, ...this.#middlewares],
        terminal: (context) => sendRequest({ request: context.request, settings, signal: context.signal }),
      });
    }
    return this.#composed;
  }

  #transportSettings(): TransportSettings {
    return {
      fetch: this.#options.fetch ?? globalThis.fetch,
      maxResponseBytes: this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxRedirects: this.#options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      crossOriginRedirects: this.#options.crossOriginRedirects ?? 'strip-credentials',
      privateNetworkRedirects: this.#options.privateNetworkRedirects ?? 'refuse',
      credentialHeaderNames: (this.#definition.auth ?? []).flatMap((scheme) =>
        scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name.toLowerCase()] : [],
      ),
    };
  }

  #success(options: { response: ConnectorResponse; started: number; actionId?: string }): ConnectorResponse {
    const responseTime = performance.now() - options.started;
    this.#record({ ok: options.response.success, responseTime });
    if (options.actionId !== undefined && this.#hasListener('action.completed')) {
      this.emit('action.completed', {
        actionId: options.actionId,
        success: options.response.success,
        responseTime,
        status: options.response.metadata?.status,
      });
    }
    return { ...options.response, metadata: { ...options.response.metadata, responseTime } };
  }

  /**
   * `#success` for an action whose response this connector interpreted itself: the metadata object
   * is fresh, so it takes the response time (last, as the copy in `#success` would) without copies.
   */
  #succeeded(options: { data: unknown; metadata: ResponseMetadata; started: number; actionId: string }): ConnectorResponse {
    const { metadata } = options;
    const responseTime = performance.now() - options.started;
    this.#record({ ok: true, responseTime });
    if (this.#hasListener('action.completed')) {
      this.emit('action.completed', { actionId: options.actionId, success: true, responseTime, status: metadata.status });
    }
    metadata.responseTime = responseTime;
    return { success: true, data: options.data, metadata };
  }

  #failure(options: { error: unknown; started: number; actionId?: string }): ConnectorResponse<never> {
    const responseTime = performance.now() - options.started;
    const error = this.#safeError(options.error);
    this.#record({ ok: false, responseTime });
    const info = error.toErrorInfo();
    this.emit('error.occurred', { actionId: options.actionId, error: info });
    if (options.actionId !== undefined) {
      this.emit('action.completed', { actionId: options.actionId, success: false, responseTime, status: error.statusCode });
    }
    const metadata = error.statusCode === undefined ? { responseTime } : { responseTime, status: error.statusCode };
    return { success: false, error: info, metadata };
  }

  #record(options: { ok: boolean; responseTime: number }): void {
    this.#stats.requests += 1;
    this.#stats.totalResponseTime += options.responseTime;
    if (options.ok) this.#stats.successes += 1;
    else this.#stats.failures += 1;
  }

  /** Whether an event would reach anyone: a listener, or a subclass that overrides `emit`. Lets hot paths skip building payloads. */
  #hasListener(event: keyof ConnectorEvents): boolean {
    return this.#events.has(event) || this.emit !== BaseConnector.prototype.emit;
  }

  /** Any thrown value → a ConnectorError rebuilt through the redactor. */
  #safeError(error: unknown): ConnectorError {
    const connectorError =
      error instanceof ConnectorError
        ? error
        : new ConnectorError({ code: ErrorCode.internal, message: `unexpected ${errorName(error)}: ${errorMessage(error)}` });
    return redactConnectorError({ error: connectorError, redactor: this.#redactor });
  }
}

/** The overall timer (module function with arguments: no closure per request). */
function abortOnTimeout(controller: AbortController, timeoutMs: number): void {
  controller.abort(new ConnectorError({ code: ErrorCode.timeout, message: `request timed out after ${timeoutMs} ms`, retryable: true }));
}

/** A ConnectorError from an exchange names its request (method and URL) and the attempts made. */
function withRequestSummary(options: { error: unknown; request: PreparedRequest; result: HttpResult | undefined }): unknown {
  const { error, request, result } = options;
  if (error instanceof ConnectorError && (!error.request || (error.attempts === undefined && result?.attempts !== undefined))) {
    return new ConnectorError({
      ...error.toInit(),
      request: error.request ?? { method: request.method, url: request.url },
      attempts: error.attempts ?? result?.attempts,
    });
  }
  return error;
}

function abortedError(): ConnectorError {
  return new ConnectorError({ code: ErrorCode.aborted, message: 'the caller aborted the request', retryable: false });
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
