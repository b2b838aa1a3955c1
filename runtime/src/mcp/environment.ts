import type { ConnectorDefinition } from '../definition.ts';

/**
 * The environment variables an MCP server reads for a connector: `SPECWIRE_<CONNECTOR>_<FIELD>`,
 * the connector name and the credential key in upper snake case (`github` + `accessToken` →
 * `SPECWIRE_GITHUB_ACCESS_TOKEN`), and `SPECWIRE_<CONNECTOR>_BASE_URL` for the base URL. Credentials
 * come from the environment only, never from arguments, so they stay out of shell history and of
 * the agent's conversation.
 */
export function environmentPrefix(connectorName: string): string {
  return `SPECWIRE_${upperSnake(connectorName)}_`;
}

export interface ConnectorVariable {
  /** The variable's name. */
  name: string;
  /** The credential key it fills, or `baseUrl`. */
  key: string;
  description: string;
  required: boolean;
}

/** Every variable the server reads for this connector, credentials first (for `--help` and READMEs). */
export function connectorVariables(definition: ConnectorDefinition): ConnectorVariable[] {
  const prefix = environmentPrefix(definition.name);
  const credentials = definition.auth_fields.map((field) => ({
    name: `${prefix}${upperSnake(field.key)}`,
    key: field.key,
    description: field.description ?? field.label,
    required: field.required,
  }));
  const baseUrl = {
    name: `${prefix}BASE_URL`,
    key: 'baseUrl',
    description: `base URL of the API (default ${definition.endpoints.base_url || 'from the definition'})`,
    required: false,
  };
  return [...credentials, baseUrl];
}

/** Credentials and base URL for `createConnector`, read from `env`; unset and empty variables are skipped. */
export function connectorSettingsFromEnvironment(options: {
  definition: ConnectorDefinition;
  env: Record<string, string | undefined>;
}): { credentials: Record<string, string>; baseUrl?: string } {
  const credentials: Record<string, string> = {};
  let baseUrl: string | undefined;
  for (const variable of connectorVariables(options.definition)) {
    const value = options.env[variable.name];
    if (value === undefined || value === '') continue;
    if (variable.key === 'baseUrl') baseUrl = value;
    else credentials[variable.key] = value;
  }
  return { credentials, ...(baseUrl !== undefined ? { baseUrl } : {}) };
}

/** `accessToken` → `ACCESS_TOKEN`, `train-travel` → `TRAIN_TRAVEL`, `oauth2Token` → `OAUTH2_TOKEN`. */
export function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
