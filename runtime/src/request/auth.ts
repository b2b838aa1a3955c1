import type { AuthScheme } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { assertSafeHeaderValue } from './headers.ts';
import { encodePathSegment, encodeStrict } from './percent-encode.ts';

/** Credentials as applied to a request, kept apart so a redirect can drop them all. */
export interface AppliedAuth {
  headers: Record<string, string>;
  /** Encoded `name=value` pairs. */
  query: string[];
  /** Query parameter names that carry credentials. */
  queryNames: string[];
  /** `name=value` cookie pairs. */
  cookies: string[];
  /** Ids of the schemes applied (an OAuth2 refresh swaps the token only for its own scheme). */
  schemeIds?: string[];
}

export function emptyAuth(): AppliedAuth {
  return { headers: {}, query: [], queryNames: [], cookies: [] };
}

/**
 * Chooses an alternative of `security` (OpenAPI semantics: outer list = alternatives, inner =
 * all together) and applies it. The first alternative whose credentials are all present wins; an
 * empty alternative (`[[]]`, auth optional) is taken only when no non-empty one is satisfied, so a
 * configured credential is used when it can be. `[]` means no auth. When nothing fits, the error
 * names the missing credential keys, never values.
 */
export function resolveAuth(options: {
  schemes: AuthScheme[];
  security: string[][];
  credentials: Record<string, string>;
}): AppliedAuth {
  const { schemes, security, credentials } = options;
  if (security.length === 0) return emptyAuth();
  const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  const missingPerAlternative: string[] = [];
  for (const alternative of security) {
    if (alternative.length === 0) continue;
    const resolved = alternative.map((id) => byId.get(id));
    const known = resolved.filter((scheme): scheme is AuthScheme => scheme !== undefined);
    if (known.length !== alternative.length) {
      const unknown = alternative.filter((id) => !byId.has(id));
      missingPerAlternative.push(`scheme ${unknown.map((id) => JSON.stringify(id)).join(', ')} not defined by the connector`);
      continue;
    }
    const missing = known.flatMap((scheme) => credentialKeys(scheme)).filter((key) => !hasCredential({ credentials, key }));
    if (missing.length === 0) return applySchemes({ schemes: known, credentials });
    missingPerAlternative.push(missing.map((key) => `"${key}"`).join(' and '));
  }
  if (security.some((alternative) => alternative.length === 0)) return emptyAuth();
  throw new ConnectorError({
    code: ErrorCode.missingCredentials,
    message: `missing credentials: set ${[...new Set(missingPerAlternative)].join(', or ')}`,
  });
}

export function credentialKeys(scheme: AuthScheme): string[] {
  return scheme.type === 'basic' ? [scheme.usernameCredential, scheme.passwordCredential] : [scheme.credential];
}

function hasCredential(options: { credentials: Record<string, string>; key: string }): boolean {
  const value = Object.hasOwn(options.credentials, options.key) ? options.credentials[options.key] : undefined;
  return typeof value === 'string' && value !== '';
}

function applySchemes(options: { schemes: AuthScheme[]; credentials: Record<string, string> }): AppliedAuth {
  const auth: AppliedAuth = { ...emptyAuth(), schemeIds: options.schemes.map((scheme) => scheme.id) };
  const read = (key: string): string => {
    const value = options.credentials[key] ?? '';
    assertSafeHeaderValue({ value, where: `credential "${key}"`, kind: 'config' });
    return value;
  };
  for (const scheme of options.schemes) {
    switch (scheme.type) {
      case 'apiKey': {
        const value = read(scheme.credential);
        if (scheme.in === 'header') auth.headers[scheme.name.toLowerCase()] = value;
        else if (scheme.in === 'query') {
          auth.query.push(`${encodeStrict(scheme.name)}=${encodeStrict(value)}`);
          auth.queryNames.push(scheme.name);
        } else auth.cookies.push(`${scheme.name}=${encodePathSegment(value)}`);
        break;
      }
      case 'bearer':
        auth.headers.authorization = `${bearerPrefix(scheme.scheme)} ${read(scheme.credential)}`;
        break;
      case 'oauth2':
        auth.headers.authorization = `Bearer ${read(scheme.credential)}`;
        break;
      case 'basic': {
        const pair = `${read(scheme.usernameCredential)}:${read(scheme.passwordCredential)}`;
        auth.headers.authorization = `Basic ${basicToken(pair)}`;
        break;
      }
    }
  }
  return auth;
}

/** `bearer` → `Bearer`; a custom HTTP scheme name (e.g. `Token`) is kept. */
function bearerPrefix(scheme: string | undefined): string {
  if (!scheme || scheme.toLowerCase() === 'bearer' || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(scheme)) return 'Bearer';
  return scheme;
}

export function basicToken(pair: string): string {
  return Buffer.from(pair, 'utf8').toString('base64');
}
