import type { ConnectorDefinition } from '../definition.ts';
import { basicToken, credentialKeys } from '../request/auth.ts';
import { createRedactor, type Redactor } from './redactor.ts';

/** Credential keys whose names say they are secret, even when no auth scheme uses them. */
const SECRET_KEY_NAME = /token|secret|password|passwd|key|auth|session|cookie|signature|credential|private/i;

/**
 * The redactor of one connector: every credential a scheme uses, every `password` auth field,
 * every credential whose key looks secret, and Basic tokens derived from them; API-key header and
 * query names declared by the spec are redacted by name as well.
 */
export function createConnectorRedactor(options: { definition: ConnectorDefinition; credentials: Record<string, string> }): Redactor {
  const { definition, credentials } = options;
  const schemes = definition.auth ?? [];
  const sensitiveKeys = new Set<string>([
    ...schemes.flatMap(credentialKeys),
    ...(definition.auth_fields ?? []).filter((field) => field.type === 'password').map((field) => field.key),
    ...Object.keys(credentials).filter((key) => SECRET_KEY_NAME.test(key)),
  ]);
  const secrets: string[] = [];
  for (const key of sensitiveKeys) {
    const value = Object.hasOwn(credentials, key) ? credentials[key] : undefined;
    if (typeof value === 'string' && value !== '') secrets.push(value);
  }
  for (const scheme of schemes) {
    if (scheme.type !== 'basic') continue;
    const username = credentials[scheme.usernameCredential];
    const password = credentials[scheme.passwordCredential];
    if (username !== undefined && password !== undefined) secrets.push(basicToken(`${username}:${password}`));
  }
  return createRedactor({
    secrets,
    sensitiveHeaderNames: schemes.flatMap((scheme) => (scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [])),
    sensitiveQueryNames: schemes.flatMap((scheme) => (scheme.type === 'apiKey' && scheme.in === 'query' ? [scheme.name] : [])),
  });
}
