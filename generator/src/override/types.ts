/**
 * What the override stage hands the planner: the IR narrowed and annotated by `overrides/<name>.yaml`.
 * The planner reads only this (and decides names); it never reads the override file itself.
 */
import type { ConnectorCategory, RateLimits } from '@specwire/runtime';
import type { ErrorLocation } from '../errors/index.ts';
import type { ApiIR, OperationIR, SecuritySchemeIR, ServerIR } from '../ir/types.ts';
import type { FieldEntry, PaginationEntry, TriggerEntry, WebhooksEntry } from './file-types.ts';

/** Per-action curation from the override file (keyed there by operationId or `METHOD /path`). */
export interface ActionOverride {
  /** The key as written under `actions:` (for error positions); absent without an entry. */
  key?: string;
  /** Action id to use instead of the one derived from the operationId. */
  id?: string;
  /** Display name (defaults to the operation's summary). */
  name?: string;
  description?: string;
  /** Group in the action picker (defaults to the first tag). */
  category?: string;
  /**
   * Field curation keyed by the input name the planner derives. The planner checks the names
   * (it alone decides them) and reports unknown ones at `locate(['actions', key, 'fields', name])`.
   */
  fields?: Record<string, FieldEntry>;
  /** Input names (after renames) to show first, in order. */
  fieldOrder?: string[];
  /** Pagination declaration (for the pagination issue): carried, input names checked by the planner. */
  pagination?: PaginationEntry;
  retry?: { idempotencyHeader?: string; retryable?: boolean };
}

/** Why an operation was selected or excluded, for the coverage file. */
export interface SelectionDecision {
  /** Index of the deciding rule under `operations:`; absent when the default decided. */
  ruleIndex?: number;
  /** Human-readable rule, e.g. `operations[0] include operationId=issues/create` or `operations_default: exclude`. */
  rule: string;
  /** The default decided and the file does not set `operations_default` (nobody chose explicitly). */
  implicit: boolean;
}

export interface ConnectorMeta {
  /** Connector id: `[a-z][a-z0-9-]*`. */
  name: string;
  displayName: string;
  category: ConnectorCategory;
  description: string;
  icon?: string;
  documentationUrl?: string;
}

export interface SelectedOperation {
  operation: OperationIR;
  override: ActionOverride;
  /** The rule that selected it (absent only for hand-built test data). */
  decision?: SelectionDecision;
}

export interface ExcludedOperation {
  operation: OperationIR;
  /** Human-readable rule that excluded it, e.g. `operations[2] exclude tag=deprecated`. */
  reason: string;
  decision?: SelectionDecision;
}

/** A trigger declared in the override file (planned by `plan/triggers/triggers.ts`). */
export interface TriggerDeclaration extends TriggerEntry {
  id: string;
}

export interface ServerChoice extends ServerIR {
  /** Variables a user may set in the host (others stay at their default). */
  userSettable: string[];
}

export interface CuratedApi {
  ir: ApiIR;
  connector: ConnectorMeta;
  /** Servers in order; the first is the default. A base URL override becomes the only server. */
  servers: ServerChoice[];
  /** Operations that become actions, in spec order. */
  selected: SelectedOperation[];
  excluded: ExcludedOperation[];
  /** Security schemes the connector offers, in order (all of the spec's unless narrowed). */
  authSchemes: SecuritySchemeIR[];
  /** Credential field labels/help by credential key (e.g. `apiKey`). */
  authFieldText: Record<string, { label?: string; description?: string; placeholder?: string }>;
  rateLimits?: RateLimits;
  /** Operation whose action tests the connection (`auth.test_action`); must be selected. */
  connectionTest?: { operation: OperationIR; input?: Record<string, unknown> };
  /** Retry policy for the retry issue (data only). */
  retry?: { idempotencyHeader?: string; maxAttempts?: number };
  triggers: TriggerDeclaration[];
  /** `webhooks:` of the override file (names are checked by the planner, which resolves events). */
  webhooks?: WebhooksEntry;
  /** Where a path of keys stands in the override file, for errors the planner raises. */
  locate(path: Array<string | number>): ErrorLocation;
}
