/**
 * What the override stage hands the planner: the IR narrowed and annotated by `overrides/<name>.yaml`.
 * The planner reads only this (and decides names); it never reads the override file itself.
 */
import type { ConnectorCategory, RateLimits } from '@specwire/runtime';
import type { ApiIR, OperationIR, SecuritySchemeIR, ServerIR } from '../ir/types.ts';

/** Per-action curation from the override file (keyed there by operationId or `METHOD /path`). */
export interface ActionOverride {
  /** Action id to use instead of the one derived from the operationId. */
  id?: string;
  /** Display name (defaults to the operation's summary). */
  name?: string;
  description?: string;
  /** Group in the action picker (defaults to the first tag). */
  category?: string;
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
}

export interface ExcludedOperation {
  operation: OperationIR;
  /** Human-readable rule that excluded it, e.g. `operations[2] exclude tag=deprecated`. */
  reason: string;
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
}
