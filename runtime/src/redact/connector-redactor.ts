import type { AuthScheme, ConnectorDefinition } from '../definition.ts';
import { basicToken, credentialKeys } from '../request/auth.ts';
import { createRedactor, type Redactor } from './redactor.ts';

/** Credential keys whose names say they are secret, even when no auth scheme uses them. */
const SECRET_KEY_NAME = /token|secret|password|passwd|key|auth|session|cookie|signature|credential|private/i;

/**
 * The redactor of one connector: every credential a scheme uses, every `password` auth field,
 * every credential whose key looks secret, and Basic tokens derived from them; API-key header and
 * query names declared by the spec are redacted by name as well.
 */
export function createConnectorRedactor(options: { definition: ConnectorDefinition; credentials: Record<string, string> }): ConnectorRedactor {
  const { definition, credentials } = options;
  const schemes = definition.auth ?? [];
  const sensitiveKeys = new Set<string>([
    ...schemes.flatMap(credentialKeys),
    ...schemes.flatMap(oauthSecretKeys),
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
  const build = (): Redactor =>
    createRedactor({
      secrets,
      sensitiveHeaderNames: schemes.flatMap((scheme) => (scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [])),
      sensitiveQueryNames: schemes.flatMap((scheme) => (scheme.type === 'apiKey' && scheme.in === 'query' ? [scheme.name] : [])),
    });
  let current = build();
  return {
    text: (value) => current.text(value),
    value: (value) => current.value(value),
    url: (value) => current.url(value),
    headers: (headers) => current.headers(headers),
    isSensitiveHeader: (name) => current.isSensitiveHeader(name),
    isSensitiveQueryName: (name) => current.isSensitiveQueryName(name),
    addSecrets: (values) => {
      const fresh = values.filter((value) => value !== '' && !secrets.includes(value));
      if (fresh.length === 0) return;
      secrets.push(...fresh);
      current = build();
    },
  };
}

/** A connector's redactor also learns secrets that arrive later (rotated OAuth2 tokens). */
export interface ConnectorRedactor extends Redactor {
  addSecrets(values: string[]): void;
}

/** OAuth2 client secret and refresh token keys: secret whatever they are called. */
function oauthSecretKeys(scheme: AuthScheme): string[] {
  if (scheme.type !== 'oauth2') return [];
  return [scheme.clientSecretCredential ?? 'clientSecret', scheme.refreshTokenCredential ?? 'refreshToken'];
}
