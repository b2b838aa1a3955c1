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
  source?: { spec?: string; npm?: string };
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
    variables?: Record<string, { default?: string; user_settable?: boolean }>;
  };
  auth?: {
    schemes?: string[];
    define?: Record<string, DefinedScheme>;
    fields?: Record<string, { label?: string; description?: string; placeholder?: string }>;
  };
  rate_limits?: RateLimits;
  operations?: SelectionRule[];
  actions?: Record<string, { id?: string; name?: string; description?: string; category?: string }>;
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
  scopes?: string[];
}
