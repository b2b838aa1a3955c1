/** What changed in a connector's contract, as one reviewer-facing sentence. */
export type ChangeKind =
  | 'connector-added'
  | 'connector-removed'
  | 'action-added'
  | 'action-removed'
  | 'action-renamed'
  | 'action-endpoint-changed'
  | 'input-added'
  | 'input-removed'
  | 'input-renamed'
  | 'input-required'
  | 'input-optional'
  | 'input-type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'auth-type-changed'
  | 'auth-scheme-added'
  | 'auth-scheme-removed'
  | 'auth-scheme-changed'
  | 'auth-field-added'
  | 'auth-field-removed'
  | 'base-url-changed'
  | 'trigger-added'
  | 'trigger-removed'
  | 'connector-text-changed'
  | 'action-text-changed'
  | 'input-text-changed'
  | 'trigger-text-changed'
  | 'output-property-removed'
  | 'output-schema-changed';

export interface Change {
  kind: ChangeKind;
  /** Whether a workflow or connection that works today can stop working after the change. */
  breaking: boolean;
  /** Connector id (`definition.name`). */
  connector: string;
  /** Action or trigger id the change is about, when it is about one. */
  action?: string;
  /** The sentence a reviewer reads, e.g. `input "title" of issues_create is now required`. */
  message: string;
}
