/**
 * The connector definition: FluxTurn's `CONNECTOR_DEFINITIONS` entry shape, extended so that it is
 * executable. The runtime runs every action from its `api` block alone, so what a host UI shows and
 * what the connector does cannot drift apart. Generated packages export one `definition` of this type.
 *
 * Field names follow the host contract (snake_case at the top, camelCase inside actions) on purpose.
 */

/** JSON Schema (2020-12 flavour, as normalised by the generator). Plain data, never code. */
export type JsonSchema = { [key: string]: unknown } | boolean;

export type ConnectorCategory =
  | 'communication' | 'crm' | 'storage' | 'ecommerce' | 'marketing' | 'project_management' | 'ai'
  | 'social' | 'analytics' | 'finance' | 'support' | 'forms' | 'video' | 'payment' | 'development'
  | 'database' | 'cms' | 'data_processing' | 'infrastructure' | 'utility' | 'productivity';

export type AuthType = 'none' | 'api_key' | 'oauth2' | 'basic_auth' | 'bearer_token' | 'custom' | 'multiple';

/** A credential field the host asks the user for (rendered in the connection form). */
export interface AuthField {
  /** Key in `credentials` (e.g. `apiKey`, `accessToken`, `username`, `password`). */
  key: string;
  label: string;
  type: 'string' | 'password';
  required: boolean;
  placeholder?: string;
  description?: string;
  /**
   * Ids of the `auth` schemes that read this field (several when schemes share a credential).
   * With `auth_type: multiple` a form shows the fields of the scheme the user picks. Absent: no
   * scheme reads it (a webhook signing secret).
   */
  schemes?: string[];
}

/**
 * How one security scheme of the spec is applied to a request. `id` is the scheme's key in the spec
 * (`components.securitySchemes`), which `ApiBlock.security` refers to.
 */
export type AuthScheme =
  | { id: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; credential: string }
  | { id: string; type: 'bearer'; credential: string; scheme?: string }
  | { id: string; type: 'basic'; usernameCredential: string; passwordCredential: string }
  | {
      id: string;
      type: 'oauth2';
      /** Access token credential key; applied as `Authorization: Bearer`. */
      credential: string;
      authorizationUrl?: string;
      /** Token endpoint: https, or http on a loopback host. The only place client secrets and refresh tokens go. */
      tokenUrl?: string;
      scopes: string[];
      /**
       * The OpenAPI flow. Default: `clientCredentials` when there is a `tokenUrl` and no
       * `authorizationUrl`, otherwise `authorizationCode`.
       */
      flow?: 'authorizationCode' | 'clientCredentials' | 'implicit' | 'password';
      /** Refresh endpoint when the spec gives one apart from `tokenUrl` (OpenAPI `refreshUrl`). */
      refreshUrl?: string;
      /** Credential key of the client id. Default `clientId`. */
      clientIdCredential?: string;
      /** Credential key of the client secret (absent for public PKCE clients). Default `clientSecret`. */
      clientSecretCredential?: string;
      /** Credential key of the refresh token. Default `refreshToken`. */
      refreshTokenCredential?: string;
      /** Credential key of the access token's expiry (epoch milliseconds or ISO date). Default `expiresAt`. */
      expiresAtCredential?: string;
      /** How the client authenticates at the token endpoint. Default `client_secret_post`. */
      tokenEndpointAuth?: 'client_secret_post' | 'client_secret_basic';
      /** Use PKCE (S256) in the authorization-code flow. Default true. */
      pkce?: boolean;
      /** Scope separator in requests (a few providers use `,`). Default a space. */
      scopeSeparator?: string;
    };

export interface OAuthConfig {
  authorization_url?: string;
  token_url?: string;
  scopes: string[];
}

export interface ServerVariable {
  default: string;
  enum?: string[];
  description?: string;
  /** Whether the host may let a user set this variable (e.g. a region or subdomain). */
  userSettable: boolean;
}

export interface ServerDefinition {
  /** URL template, possibly with `{variables}`. */
  url: string;
  description?: string;
  variables: Record<string, ServerVariable>;
}

export interface Endpoints {
  /** The default base URL: the first server with every variable at its default. */
  base_url: string;
  /** All servers of the spec; the user may pick one and set its variables. */
  servers: ServerDefinition[];
}

export type ParameterStyle =
  | 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/** Where one input field goes in the HTTP request. */
export type ParamTarget =
  | {
      in: 'path' | 'query' | 'header' | 'cookie';
      /** Wire name of the parameter. */
      name: string;
      style: ParameterStyle;
      explode: boolean;
      /** Query only: reserved characters are sent unencoded. */
      allowReserved?: boolean;
      /** Query and header: the value is sent as JSON text (`content: application/json` parameters). */
      json?: boolean;
    }
  | {
      in: 'body';
      /** Property of the body object; absent means the field is the whole body. */
      name?: string;
    };

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';

export interface BodyDefinition {
  encoding: BodyEncoding;
  /** Content-Type to send (multipart gets its boundary from the runtime). */
  contentType: string;
  required: boolean;
  /** multipart/form: per-property content type and style from the spec's `encoding` object. */
  propertyEncoding?: Record<string, { contentType?: string; style?: ParameterStyle; explode?: boolean }>;
}

export type ResponseType = 'json' | 'text' | 'binary' | 'none';

/** The executable part of an action. */
export interface ApiBlock {
  /** Path template relative to the base URL, e.g. `/repos/{owner}/{repo}/issues`. */
  endpoint: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';
  /** Base URL override for this action (operation-level servers); absent means the connector's. */
  baseUrl?: string;
  /** Constant headers (e.g. `Accept`). Never credentials. Absent: none. */
  headers?: Record<string, string>;
  /** Input field name → where it goes. Fields not listed here are rejected by validation. */
  paramMapping: Record<string, ParamTarget>;
  body?: BodyDefinition;
  response: { type: ResponseType; contentType?: string };
  /**
   * Alternatives of scheme ids (OpenAPI semantics): any one inner list satisfies the action; an
   * inner list means all of its schemes together. `[]` means no auth; `[[]]` means auth optional.
   */
  security: string[][];
  /**
   * Header that carries an idempotency key (e.g. Stripe's `Idempotency-Key`), declared by the spec
   * or overrides. With it, a POST/PATCH is retried, carrying the same key on every attempt (the
   * input's value when an input field maps to this header, else a random UUID per call).
   */
  idempotencyHeader?: string;
  /** How to walk the pages of a list action. Absent: inferred from the response where unambiguous. */
  pagination?: PaginationDefinition;
  /**
   * Values always sent, by `paramMapping` field name: fields an override hid and fixed. They are not
   * inputs (absent from `inputSchema`), so no input can change them.
   */
  fixedValues?: Record<string, unknown>;
  /** Values sent when the input omits the field (an override's `default`), by input field name. */
  defaultValues?: Record<string, unknown>;
}

/**
 * A dotted property path into a response body (`data`, `meta.next_cursor`); `''` is the body
 * itself. Plain data: the runtime reads own properties only, never evaluates anything.
 */
export type ResponsePath = string;

/**
 * Pagination of one action. `*Param` names an INPUT field (so it goes through `paramMapping` and
 * validation like any other input); `*Path` points into the response body. `itemsPath` absent
 * means: the body when it is an array, else its only array-valued property.
 */
export type PaginationDefinition =
  | {
      style: 'cursor';
      /** Input field that takes the cursor (`cursor`, `starting_after`, `page_token`). */
      cursorParam: string;
      /** Where the next cursor is: in the body (`body`, default) or a property of the last item (`lastItem`, Stripe's `id`). */
      cursorSource?: 'body' | 'lastItem';
      /** Path of the next cursor in the body, or of the cursor property in the last item. */
      cursorPath: ResponsePath;
      /** Boolean "more pages" flag (`has_more`); absent: more while a cursor is given. */
      hasMorePath?: ResponsePath;
      itemsPath?: ResponsePath;
    }
  | {
      style: 'offset';
      /** Input field of the offset (items to skip). */
      offsetParam: string;
      /** Input field of the page size; the runtime stops after a short page when the limit is known. */
      limitParam?: string;
      /** Total item count in the body, when the API gives one. */
      totalPath?: ResponsePath;
      itemsPath?: ResponsePath;
    }
  | {
      style: 'page';
      /** Input field of the page number. */
      pageParam: string;
      /** Number of the first page. Default 1. */
      firstPage?: number;
      /** Total page count in the body, when the API gives one. */
      totalPagesPath?: ResponsePath;
      hasMorePath?: ResponsePath;
      itemsPath?: ResponsePath;
    }
  | {
      /** RFC 8288 `Link: <…>; rel="next"` (GitHub). */
      style: 'link_header';
      itemsPath?: ResponsePath;
    }
  | {
      /** A next-page URL in the body (`next`, `links.next`, `@odata.nextLink`). */
      style: 'next_url';
      nextUrlPath: ResponsePath;
      itemsPath?: ResponsePath;
    };

export type InputFieldType =
  | 'string' | 'number' | 'boolean' | 'object' | 'array' | 'select' | 'multiselect' | 'date';

export type InputType =
  | 'text' | 'textarea' | 'email' | 'url' | 'password' | 'json' | 'date' | 'datetime' | 'file';

export interface FieldOption {
  label: string;
  value: string | number | boolean | null;
}

export interface FieldValidation {
  min?: number;
  max?: number;
  exclusiveMin?: number;
  exclusiveMax?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  /** ECMAScript-compatible pattern; the runtime matches it in linear time. */
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** Object fields: how many properties the object must have (a map of tags with at least one). */
  minProperties?: number;
  maxProperties?: number;
}

/** One alternative of a `oneOf`/`anyOf` field: a form shows these as a choice. */
export interface FieldVariant {
  label: string;
  /** The variant as a field (an object variant has `properties`). */
  field: InputField;
  /**
   * With a `discriminator` on the parent: the tag values that choose this variant (the spec's
   * mapping keys pointing at it, else its schema name). Absent: read from the variant's own
   * discriminator property (`enum`/`const`).
   */
  discriminatorValues?: string[];
}

/** One input field in the host UI's vocabulary. Also what the runtime validates input against. */
export interface InputField {
  type: InputFieldType;
  label: string;
  required?: boolean;
  description?: string;
  placeholder?: string;
  default?: unknown;
  inputType?: InputType;
  format?: string;
  /** Allowed values (select / multiselect); `enum` mirrors them for hosts that read it. */
  options?: FieldOption[];
  validation?: FieldValidation;
  /** `null` is an accepted value. */
  nullable?: boolean;
  /** Object fields: the properties a form shows. */
  properties?: Record<string, InputField>;
  /** Object fields: whether properties not listed are allowed (default true). */
  additionalProperties?: boolean | InputField;
  /** Array fields: the item's field. */
  itemSchema?: InputField;
  /** A choice between alternatives (oneOf/anyOf): exactly one (oneOf) or at least one (anyOf) must fit. */
  variants?: FieldVariant[];
  variantMode?: 'oneOf' | 'anyOf';
  /** For variants with a discriminator: the property that names the variant. */
  discriminator?: string;
  /** A recursive or otherwise unrepresentable shape: accepted as JSON, not validated further. */
  opaque?: boolean;
  deprecated?: boolean;
  /** Field is only meaningful in responses (readOnly) and is not offered as input. */
  readOnly?: boolean;
  /** Dynamic choices: the connector method a host calls for them (`loadOptions`). */
  loadOptionsMethod?: string;
  /** Where the dynamic choices come from; `loadOptions(actionId, field)` runs it. */
  loadOptionsSource?: LoadOptionsSource;
  /** When a form shows this field, by the values of other fields of the same level (n8n's `displayOptions`). */
  displayOptions?: DisplayOptions;
  /**
   * Form grouping of an optional field: `true` puts it under "Additional fields", `false` keeps it
   * in the main list; absent, the host decides (the catalog groups beyond 5 optional fields).
   */
  additional?: boolean;
}

/**
 * Show/hide rules: field name → values. The field shows when every `show` field has one of its
 * values and no `hide` field has one of its. A form leaves a hidden field's value out of the input;
 * `isFieldShown` applies the rule.
 */
export interface DisplayOptions {
  show?: Record<string, Array<string | number | boolean | null>>;
  hide?: Record<string, Array<string | number | boolean | null>>;
}

/** A field's choices from another action's response: each item becomes `{ label, value }`. */
export interface LoadOptionsSource {
  /** Action id (of this connector) whose response lists the choices. */
  action: string;
  /** Dotted path of the value in each item (`name`, `owner.login`); `''` is the item itself. */
  valuePath: string;
  /** Dotted path of the label in each item; absent: the value as text. */
  labelPath?: string;
  /** Dotted path of the item array in the body; absent: the body when it is an array. */
  itemsPath?: string;
  /** Constant input for the source action. */
  input?: Record<string, unknown>;
  /**
   * Fields of the same form whose values the source action needs (its required inputs of the
   * same name, `owner`/`repo` for a branch picker): the host reloads the choices when one changes,
   * and `loadOptionsPage` refuses while one is empty.
   */
  dependsOn?: string[];
  /** Input field of the source action that takes a search term (`q`, `query`, `filter`). */
  searchParam?: string;
}

export interface ActionDefinition {
  /** Stable id used by `executeAction` (snake_case). */
  id: string;
  name: string;
  description: string;
  /** Group in the host's action picker (from the spec's first tag). */
  category: string;
  deprecated?: boolean;
  api: ApiBlock;
  inputSchema: Record<string, InputField>;
  /**
   * JSON Schema of the success response body. Component schemas are referenced as
   * `{ $ref: "#/$defs/<name>" }` into the connector's `schemas`; `outputSchemaOf` returns a
   * self-contained schema.
   */
  outputSchema?: JsonSchema;
}

export interface TriggerDefinition {
  id: string;
  name: string;
  description: string;
  /** The event this trigger fires on: a webhook delivery's type (`issues.opened`) or `poll:<actionId>`. */
  eventType: string;
  /** What the host asks the user for (a polling trigger's list inputs, e.g. owner and repo). */
  inputSchema: Record<string, InputField>;
  /** JSON Schema of the event payload (webhook) or of one new item (polling); refs as in `ActionDefinition.outputSchema`. */
  outputSchema?: JsonSchema;
  webhookRequired: boolean;
  pollingEnabled: boolean;
  /** Webhook triggers: how the host registers the webhook, when the API has an action for it. */
  webhook?: TriggerWebhook;
  /** Polling triggers: which list action to poll and how new items are told apart. */
  polling?: TriggerPolling;
}

export interface TriggerWebhook {
  /** Where the event is declared: `webhooks` / `x-webhooks` / a `callback` of an operation, or the override file. */
  source: 'webhooks' | 'callback' | 'declared';
  /** Action (of this connector) that subscribes a URL to the event (creates the webhook). */
  subscribeAction?: string;
  /** Action that removes the subscription. */
  unsubscribeAction?: string;
}

/**
 * Polling of one list action. The first poll records a baseline and emits nothing; later polls emit
 * items not seen before, oldest first, exactly once per dedupe identity (`runtime/src/polling/run-poll.ts`).
 */
export interface TriggerPolling {
  /** List action to run (through the runtime's pagination, retries and rate limits). */
  actionId: string;
  /** Suggested interval between polls. */
  intervalSeconds: number;
  /** Input always sent (e.g. `sort: created`, `direction: desc`); not asked of the user. */
  input?: Record<string, unknown>;
  /** Item array in each page; absent: the action's pagination `itemsPath`, else the array body or its only array. */
  itemsPath?: ResponsePath;
  /** Dotted path of an item's unique key (`id`). Items without one are skipped. */
  dedupeKey: ResponsePath;
  /** Dotted path of an item's version (`updated_at`): a changed version is a new event. Absent: each key fires once. */
  versionPath?: ResponsePath;
  /** How the list is ordered; `newest_first` lets a poll stop at the first page that reaches known items. */
  order: 'newest_first' | 'oldest_first';
  /** The high-water mark kept between polls. */
  cursor?: PollingCursor;
  /** Pages read per poll at most (default 10). */
  maxPages?: number;
}

export interface PollingCursor {
  /** `timestamp` (ISO date or epoch number) and `increasing_id` compare; `opaque` is only handed back. */
  kind: 'timestamp' | 'increasing_id' | 'opaque';
  /** Dotted path of the cursor value in each item (`created_at`, `id`). */
  path: ResponsePath;
  /** Input field that takes the last cursor so the API returns only newer items (`since`, `ending_before`). */
  param?: string;
}

/** Where a value of a webhook delivery is read: a request header, or a dotted path into the JSON payload. */
export type WebhookValueSource = { header: string } | { payload: ResponsePath };

/**
 * How deliveries are authenticated. Presets follow each vendor's documentation; `hmac` is a plain
 * HMAC of the raw body in a header; `none` accepts unsigned deliveries (declared explicitly only).
 */
export type WebhookVerification =
  | { scheme: 'github' }
  | { scheme: 'stripe'; toleranceSeconds?: number }
  | { scheme: 'standard-webhooks'; toleranceSeconds?: number }
  | { scheme: 'svix'; toleranceSeconds?: number }
  | { scheme: 'slack'; toleranceSeconds?: number }
  | { scheme: 'hmac'; algorithm: 'sha1' | 'sha256' | 'sha512'; header: string; encoding: 'hex' | 'base64'; prefix?: string }
  | { scheme: 'none' };

/** Connector-wide webhook settings: verification and how a delivery names its event. */
export interface WebhookSettings {
  /** Absent: `handleWebhook` refuses every delivery (`not_configured`) unless the host passes a verification. */
  verification?: WebhookVerification;
  /** Credential key of the signing secret. Default `webhookSecret`. */
  secretCredential?: string;
  /**
   * Parts of the event type, joined with `.` (absent parts are skipped): GitHub `X-GitHub-Event` +
   * `action`. Empty: deliveries do not name their event (one URL per trigger), so none is checked.
   */
  eventType: WebhookValueSource[];
  /** Delivery id, for replay protection and `event.id` (`X-GitHub-Delivery`, the payload's `id`). */
  eventId?: WebhookValueSource;
  /** How long a delivery id or signature is remembered. Default: the timestamp tolerance, or 3600 s without timestamps. */
  replayWindowSeconds?: number;
}

/**
 * Client-side limits, enforced per connector and credential by a token bucket per window: a
 * bucket holds `burst` tokens (default: the window's limit) and refills at limit / window.
 */
export interface RateLimits {
  requests_per_second?: number;
  requests_per_minute?: number;
  requests_per_hour?: number;
  requests_per_day?: number;
  /** Largest burst; applies to every window's bucket. Default: each window's own limit. */
  burst?: number;
}

/**
 * The side-effect-free action `testConnection()` runs. `input` is sent as the action's input; a
 * string that is exactly `{{credentials.<key>}}` is replaced by that credential (an account id the
 * API wants in the path, say), so a test can run an action with required inputs.
 */
export interface ConnectionTest {
  actionId: string;
  input?: Record<string, unknown>;
}

export interface ConnectorDefinition {
  name: string;
  display_name: string;
  category: ConnectorCategory;
  description: string;
  icon?: string;
  documentation_url?: string;
  auth_type: AuthType;
  auth_fields: AuthField[];
  /** Executable auth: every scheme the connector can apply. */
  auth: AuthScheme[];
  oauth_config?: OAuthConfig;
  endpoints: Endpoints;
  webhook_support: boolean;
  /** Verification and event typing of webhook deliveries (present when a trigger is a webhook). */
  webhooks?: WebhookSettings;
  rate_limits?: RateLimits;
  /** The vendor's retry advice (an override file's `retry.max_attempts`); a host's `ConnectorOptions.retry.maxAttempts` wins. */
  retry?: { maxAttempts?: number };
  supported_actions: ActionDefinition[];
  supported_triggers: TriggerDefinition[];
  /** Action that `testConnection()` runs to prove the credentials work. */
  connection_test?: ConnectionTest;
  /**
   * Shared JSON Schemas by name (the spec's component schemas that output schemas reach), each
   * written once. Output schemas refer to them as `#/$defs/<name>`.
   */
  schemas?: Record<string, JsonSchema>;
}
