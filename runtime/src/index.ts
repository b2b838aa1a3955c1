export type * from './definition.ts';
export type { ConnectorResponse, ConnectorSuccess, ConnectorFailure, ConnectorErrorInfo, ResponseMetadata } from './response.ts';
export { ConnectorError, ErrorCode, type ConnectorErrorInit, type RequestSummary } from './errors/connector-error.ts';
export { BaseConnector } from './connector/base-connector.ts';
export { CONNECTION_UNVERIFIED, type ConnectionTestResponse, type ConnectionTestStatus } from './connector/connection-test.ts';
export { createConnector } from './connector/create-connector.ts';
export type { ConnectorOptions } from './connector/connector-options.ts';
export type { ConnectorEvents, ConnectorMetadata, HealthStatus, UsageStats } from './connector/connector-events.ts';
export type { RawRequest } from './request/build-raw-request.ts';
export type { PreparedRequest, ExpectedResponse } from './request/prepared-request.ts';
export type { AppliedAuth } from './request/auth.ts';
export type { FileInput, FileValue } from './request/file-value.ts';
export type { HttpResult } from './http/http-result.ts';
export { parseRetryAfter } from './http/retry-after.ts';
export { composePipeline, type RequestContext, type RequestHandler, type RequestMiddleware } from './pipeline/request-pipeline.ts';
export { createRedactor, REDACTED, type Redactor, type RedactorOptions } from './redact/redactor.ts';
export { validateInput } from './validate/validate-input.ts';
export { outputSchemaOf } from './schema/output-schema-of.ts';
export { isFieldShown } from './forms/display-options.ts';
export type { ValidationLimits, FieldIssue } from './validate/limits.ts';
export type { ExecuteOptions, OAuth2ConnectorOptions } from './connector/connector-options.ts';
export { systemClock, type RuntimeClock } from './timing/clock.ts';
export { DEFAULT_RETRY_STATUSES, type RetryOptions } from './retry/retry-options.ts';
export { chooseRetryDelay, type RetryDelay } from './retry/retry-delay.ts';
export { OAuth2Session, type AuthorizationRequest, type OAuth2Scheme } from './oauth2/oauth2-session.ts';
export { InMemoryTokenStore, type OAuthTokens, type TokenStore } from './oauth2/token-store.ts';
export { codeChallengeS256 } from './oauth2/pkce.ts';
export type { RateLimitOptions } from './rate-limit/rate-limit-options.ts';
export type { BucketSpec, RateLimitStore } from './rate-limit/rate-limit-store.ts';
export { InMemoryRateLimitStore } from './rate-limit/memory-rate-limit-store.ts';
export { RedisRateLimitStore, type RedisScriptClient } from './rate-limit/redis-rate-limit-store.ts';
export { RedisTokenStore } from './oauth2/redis-token-store.ts';
export { RedisWebhookReplayStore } from './webhooks/redis-replay-store.ts';
export { RedisPollStateStore } from './polling/redis-poll-state-store.ts';
export { readRateLimitHeaders, type RateLimitReport } from './rate-limit/rate-limit-headers.ts';
export type { Page, PaginateOptions } from './paginate/page.ts';
export type { LoadOptionsContext } from './connector/load-options.ts';
export type { OptionsPage, OptionsPageRequest } from './connector/options-page.ts';
export {
  InMemoryWebhookReplayStore,
  type HandleWebhookOptions,
  type WebhookConnectorOptions,
  type WebhookEvent,
  type WebhookHeaders,
  type WebhookRejection,
  type WebhookRejectionReason,
  type WebhookReplayStore,
  type WebhookRequest,
  type WebhookResult,
} from './webhooks/index.ts';
export {
  InMemoryPollStateStore,
  type PollOptions,
  type PollingConnectorOptions,
  type PollResult,
  type PollState,
  type PollStateStore,
} from './polling/index.ts';
export * from './ai-tools/index.ts';
// The MCP server's environment variables, without the MCP SDK (generated READMEs list them).
export { connectorVariables, environmentPrefix, type ConnectorVariable } from './mcp/environment.ts';
