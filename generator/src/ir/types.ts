/**
 * The intermediate representation: what the normaliser makes of any spec version, and the only thing
 * later stages read. Plain data, JSON-serialisable, no spec-version conditionals past this point.
 */

/**
 * A schema in normalised JSON Schema form (2020-12 flavour): `nullable` folded into `type` arrays,
 * Swagger 2.0 `definitions` moved to `#/components/schemas/*`, `$ref` kept as-is (never inlined, so
 * circular schemas stay finite). Unresolvable external refs become `{}` plus a warning.
 */
export type SchemaIR = { [key: string]: unknown } | boolean;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParameterStyleIR =
  | 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface ParameterIR {
  /** Wire name. */
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** Resolved per OpenAPI defaults (query/cookie: form; path/header: simple). */
  style: ParameterStyleIR;
  /** Resolved default: true for form, false otherwise. */
  explode: boolean;
  allowReserved: boolean;
  /** Parameter given as `content: { 'application/json': … }` rather than `schema`. */
  contentJson: boolean;
  schema: SchemaIR;
  description?: string;
  deprecated: boolean;
  example?: unknown;
  /** JSON pointer of the parameter in the source document. */
  pointer: string;
}

export type BodyEncodingIR = 'json' | 'form' | 'multipart' | 'binary' | 'text';

export interface MediaTypeIR {
  /** e.g. `application/json`, `multipart/form-data`. */
  mediaType: string;
  encoding: BodyEncodingIR;
  schema: SchemaIR;
  /** OpenAPI `encoding` object for multipart/form bodies. */
  propertyEncoding?: Record<string, { contentType?: string; style?: ParameterStyleIR; explode?: boolean }>;
}

export interface RequestBodyIR {
  required: boolean;
  description?: string;
  /** In spec order. */
  contents: MediaTypeIR[];
}

export interface ResponseIR {
  /** `200`, `2XX`, `default`, … */
  status: string;
  description?: string;
  contents: Array<{ mediaType: string; schema: SchemaIR }>;
  /** Response header names declared by the spec. */
  headers: string[];
}

export interface ServerVariableIR {
  default: string;
  enum?: string[];
  description?: string;
}

export interface ServerIR {
  url: string;
  description?: string;
  variables: Record<string, ServerVariableIR>;
}

export interface OperationIR {
  /** JSON pointer of the operation, e.g. `/paths/~1repos~1{owner}/get`. */
  pointer: string;
  /** As written in the spec; absent when the spec has none. Duplicates are left for the planner. */
  operationId?: string;
  method: HttpMethod;
  /** Path template as written in the spec. */
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level parameters merged (operation wins), in spec order. */
  parameters: ParameterIR[];
  requestBody?: RequestBodyIR;
  /** In spec order. */
  responses: ResponseIR[];
  /** Effective security requirement (operation's, else the document's): alternatives of scheme names. */
  security: string[][];
  /** Operation- or path-level servers, when the spec overrides the document's. */
  servers?: ServerIR[];
  /** Callbacks declared on the operation; plan/triggers/triggers.ts turns them into triggers. */
  callbacks: WebhookIR[];
  /** `x-*` extensions of the operation, verbatim (data only). */
  extensions: Record<string, unknown>;
  /** Degraded parts of the spec this operation uses (its own or its schemas'), by pointer. */
  degradations?: Warning[];
}

export type SecuritySchemeIR =
  | { name: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; paramName: string; description?: string }
  | { name: string; type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { name: string; type: 'oauth2'; flows: OAuthFlowIR[]; description?: string }
  | { name: string; type: 'openIdConnect'; openIdConnectUrl: string; description?: string };

export interface OAuthFlowIR {
  flow: 'authorizationCode' | 'clientCredentials' | 'implicit' | 'password';
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}

export interface WebhookIR {
  /** Event or callback name. */
  name: string;
  pointer: string;
  method: HttpMethod;
  summary?: string;
  description?: string;
  requestBody?: RequestBodyIR;
}

export interface Warning {
  /** JSON pointer where the problem sits. */
  pointer: string;
  message: string;
  /**
   * What the problem cost: `degraded` when that part was made untyped or left out and generation
   * went on, `excluded` when one operation was left out. Both are listed in `coverage.md`.
   */
  effect?: 'degraded' | 'excluded';
}

/** An operation the normaliser could not read and left out; the rest of the API is unaffected. */
export interface ExcludedOperationIR {
  pointer: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  reason: string;
}

export interface ApiIR {
  /** Spec version family the normaliser read. */
  specVersion: '2.0' | '3.0' | '3.1';
  info: { title: string; version: string; description?: string; termsOfService?: string; license?: { name?: string; identifier?: string; url?: string } };
  servers: ServerIR[];
  securitySchemes: SecuritySchemeIR[];
  operations: OperationIR[];
  /** `#/components/schemas/<name>` targets, normalised. */
  schemas: Record<string, SchemaIR>;
  /** OAS 3.1 `webhooks` and `x-webhooks`. */
  webhooks: WebhookIR[];
  warnings: Warning[];
  /** Every part of the spec (load and normalise stages) that was degraded to keep the rest. */
  degradations?: Warning[];
  /** Operations left out because they could not be read (the rest of the API is kept). */
  excludedOperations?: ExcludedOperationIR[];
}
