/**
 * The shape of `overrides/<name>.yaml` as validated by `generator/schema/overrides.schema.json`.
 * Keys are snake_case like the definition they shape.
 */
import type { ConnectorCategory, RateLimits } from '@specwire/runtime';

export type StringOrList = string | string[];

/** All given keys must match for the rule to apply. */
export interface OperationMatcher {
  operationId?: StringOrList;
  tag?: StringOrList;
  /** Glob over the path template: `*` within one segment, `**` across segments. */
  path?: StringOrList;
  method?: StringOrList;
  deprecated?: boolean;
}

export type SelectionRule = { include: OperationMatcher } | { exclude: OperationMatcher };

export interface OverridesFile {
  source?: {
    spec?: string;
    npm?: string;
    /** OpenAPI Overlay 1.0 document applied to the spec before normalising (workspace-relative path). */
    overlay?: string;
  };
  connector?: {
    name?: string;
    display_name?: string;
    category?: ConnectorCategory;
    description?: string;
    icon?: string;
    documentation_url?: string;
  };
  servers?: {
    base_url?: string;
    /** Lets `base_url`, and the spec's own servers, name a loopback/private/link-local host (a self-hosted API on the local network). */
    allow_private_base_url?: boolean;
    variables?: Record<string, { default?: string; user_settable?: boolean }>;
  };
  auth?: {
    schemes?: string[];
    define?: Record<string, DefinedScheme>;
    fields?: Record<string, { label?: string; description?: string; placeholder?: string }>;
    /** OAuth2 URLs and scopes per oauth2 scheme (spec-declared or defined). */
    oauth2?: Record<string, OAuth2Settings>;
    /** operationId (or `METHOD /path`) of a side-effect-free action that proves the credentials work. */
    test_action?: string;
    /** Inputs of the test action; `{{credentials.<key>}}` stands for a credential. */
    test_input?: Record<string, unknown>;
    /** Whether `api_key`-like parameters of a spec without security schemes become API-key auth (default true). */
    fold_credential_parameters?: boolean;
  };
  rate_limits?: RateLimits;
  /** Retry policy: the planner writes it into each action's `api.retry` for the runtime's retry middleware. */
  retry?: { idempotency_header?: string; max_attempts?: number };
  operations?: SelectionRule[];
  /** What happens to operations no rule matches. Absent: exclude when any include rule exists, else include. */
  operations_default?: 'include' | 'exclude';
  actions?: Record<string, ActionEntry>;
  /** Trigger declarations: a webhook event by name, or polling a list action. */
  triggers?: Record<string, TriggerEntry>;
  /** Webhook settings: verification, how a delivery names its event, which events become triggers. */
  webhooks?: WebhooksEntry;
  /** What `specwire mcp` offers: a subset of the actions (by action id) and curated tool names. */
  mcp?: { actions?: string[]; names?: Record<string, string> };
}

export interface OAuth2Settings {
  authorization_url?: string;
  token_url?: string;
  refresh_url?: string;
  scopes?: string[];
}

/** `actions.<operationId>` in the file. */
export interface ActionEntry {
  id?: string;
  name?: string;
  description?: string;
  category?: string;
  fields?: Record<string, FieldEntry>;
  field_order?: string[];
  pagination?: PaginationEntry;
  retry?: { idempotency_header?: string; retryable?: boolean };
}

export type InputTypeName = 'text' | 'textarea' | 'email' | 'url' | 'password' | 'json' | 'date' | 'datetime' | 'file';

/** `actions.<op>.fields.<input>`: curation of one input field (keyed by its generated name). */
export interface FieldEntry {
  label?: string;
  placeholder?: string;
  description?: string;
  input_type?: InputTypeName;
  /** Overrides whether the input is required. */
  required?: boolean;
  /** Removed from the inputs; with `fixed` the value is still sent on every call. */
  hidden?: boolean;
  /** Always sent; the field is not an input (implies hidden). Any JSON value. */
  fixed?: unknown;
  /** Pre-filled in the form and sent when the input omits the field. */
  default?: unknown;
  /** New input name. */
  rename?: string;
  options_from?: OptionsFromEntry;
  /** When a form shows the field: other fields of the action (final names) → values (n8n's displayOptions). */
  display_options?: { show?: Record<string, DisplayValue[]>; hide?: Record<string, DisplayValue[]> };
  /** Optional fields only: true groups the field under "Additional fields", false keeps it in the main list. */
  additional?: boolean;
}

export type DisplayValue = string | number | boolean | null;

export interface OptionsFromEntry {
  /** operationId, `METHOD /path` or action id of the action that lists the choices. */
  action: string;
  /** Dotted path of the option value in each item. */
  value: string;
  /** Dotted path of the option label in each item (default: the value). */
  label?: string;
  /** Dotted path of the item array in the response (default: the body when it is an array). */
  items?: string;
  /** Constant input for the source action. */
  input?: Record<string, unknown>;
  /** Form fields the source action needs (default: its required inputs named like a form field). */
  depends_on?: string[];
  /** Source action input that takes a search term (default: its q/query/search/filter input). */
  search?: string;
}

export type PaginationStyle = 'cursor' | 'offset' | 'page' | 'link_header' | 'next_url';

/** `actions.<op>.pagination`: `*_param` name inputs of the action, `*_path` dotted paths into the response. */
export interface PaginationEntry {
  style: PaginationStyle;
  cursor_param?: string;
  cursor_path?: string;
  cursor_source?: 'body' | 'last_item';
  has_more_path?: string;
  offset_param?: string;
  limit_param?: string;
  total_path?: string;
  page_param?: string;
  first_page?: number;
  total_pages_path?: string;
  next_url_path?: string;
  items_path?: string;
}

export interface TriggerEntry {
  name?: string;
  description?: string;
  /** A webhook event: a name the spec declares (`webhooks`, `x-webhooks`, a callback) or one of `webhooks.events`. */
  webhook?: { event: string };
  /** Polling an action and emitting new items. */
  polling?: PollingEntry;
}

export interface PollingEntry {
  /** operationId (or `METHOD /path`) of a selected list operation. */
  action: string;
  interval_seconds?: number;
  /** Dotted path of each item's unique key. Default `id`. */
  dedupe_path?: string;
  /** Dotted path of each item's version (`updated_at`): a new version is a new event. */
  version_path?: string;
  items_path?: string;
  /** Default `newest_first`. */
  order?: 'newest_first' | 'oldest_first';
  cursor?: { path: string; type: 'timestamp' | 'increasing_id' | 'opaque'; param?: string };
  /** Input always sent (by input name); not asked of the user. */
  input?: Record<string, unknown>;
  max_pages?: number;
}

export type WebhookValueEntry = { header: string } | { payload: string };

export type VerificationEntry =
  | { preset: 'github' | 'stripe' | 'standard-webhooks' | 'svix' | 'slack' | 'none'; tolerance_seconds?: number }
  | { preset: 'hmac'; algorithm: 'sha1' | 'sha256' | 'sha512'; header: string; encoding: 'hex' | 'base64'; prefix?: string };

/** `webhooks:` in the file. */
export interface WebhooksEntry {
  /** Another OpenAPI document whose `webhooks` replace the spec's (GitHub: `@octokit/openapi-webhooks`). */
  source?: { npm?: string; spec?: string };
  verification?: VerificationEntry;
  /** Credential key of the signing secret. Default `webhookSecret`. */
  secret_credential?: string;
  /** Parts of a delivery's event type (default from the preset). */
  event_type?: WebhookValueEntry[];
  event_id?: WebhookValueEntry;
  replay_window_seconds?: number;
  /** Events that become triggers, by event type; absent: every webhook the spec declares. */
  events?: string[];
  /** Component schema of the payload of events the spec does not declare (Stripe's `event`). */
  payload_schema?: string;
  /** Where the API lists its event types (an enum of a request property), to check `events` against. */
  event_catalog?: { operation: string; property: string };
  /** operationIds of the actions that create and delete a webhook subscription. */
  subscribe?: string;
  unsubscribe?: string;
}

/** A security scheme declared in the override file for specs that lack it. */
export interface DefinedScheme {
  type: 'apiKey' | 'http' | 'oauth2';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
  scheme?: 'bearer' | 'basic';
  description?: string;
  authorization_url?: string;
  token_url?: string;
  refresh_url?: string;
  scopes?: string[];
}
