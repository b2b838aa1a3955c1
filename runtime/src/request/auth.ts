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
  return { headers: credentialHeaders(), query: [], queryNames: [], cookies: [] };
}

/**
 * A header map without a prototype: a spec may name an API-key header `__proto__`, which on a plain
 * object would set the prototype instead of a header, and the request would go without the credential.
 */
export function credentialHeaders(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
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
  const byId = schemesById(schemes);
  const missingPerAlternative: string[] = [];
  // Plain loops: this runs on every request, and the common case (first alternative satisfied) allocates little.
  for (const alternative of security) {
    if (alternative.length === 0) continue;
    const known: AuthScheme[] = [];
    let unknown: string[] | undefined;
    for (const id of alternative) {
      const scheme = byId.get(id);
      if (scheme) known.push(scheme);
      else (unknown ??= []).push(id);
    }
    if (unknown) {
      missingPerAlternative.push(`scheme ${unknown.map((id) => JSON.stringify(id)).join(', ')} not defined by the connector`);
      continue;
    }
    let missing: string[] | undefined;
    for (const scheme of known) {
      for (const key of credentialKeys(scheme)) {
        if (!hasCredential({ credentials, key })) (missing ??= []).push(key);
      }
    }
    if (!missing) return applySchemes({ schemes: known, credentials });
    missingPerAlternative.push(missing.map((key) => `"${key}"`).join(' and '));
  }
  if (security.some((alternative) => alternative.length === 0)) return emptyAuth();
  throw new ConnectorError({
    code: ErrorCode.missingCredentials,
    message: `missing credentials: set ${[...new Set(missingPerAlternative)].join(', or ')}`,
  });
}

/** A connector's scheme list is fixed: index it once, not per request. */
const indexedSchemes = new WeakMap<AuthScheme[], Map<string, AuthScheme>>();

function schemesById(schemes: AuthScheme[]): Map<string, AuthScheme> {
  let byId = indexedSchemes.get(schemes);
  if (!byId || byId.size !== schemes.length) {
    byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
    indexedSchemes.set(schemes, byId);
  }
  return byId;
}

export function credentialKeys(scheme: AuthScheme): string[] {
  return scheme.type === 'basic' ? [scheme.usernameCredential, scheme.passwordCredential] : [scheme.credential];
}

function hasCredential(options: { credentials: Record<string, string>; key: string }): boolean {
  const value = Object.hasOwn(options.credentials, options.key) ? options.credentials[options.key] : undefined;
  return typeof value === 'string' && value !== '';
}

function applySchemes(options: { schemes: AuthScheme[]; credentials: Record<string, string> }): AppliedAuth {
  const auth: AppliedAuth = { headers: credentialHeaders(), query: [], queryNames: [], cookies: [], schemeIds: options.schemes.map((scheme) => scheme.id) };
  const { credentials } = options;
  for (const scheme of options.schemes) {
    switch (scheme.type) {
      case 'apiKey': {
        const value = readCredential({ credentials, key: scheme.credential });
        if (scheme.in === 'header') auth.headers[scheme.name.toLowerCase()] = value;
        else if (scheme.in === 'query') {
          // Two schemes of one requirement naming the same parameter set it once, as a header is.
          const pair = `${encodeStrict(scheme.name)}=${encodeStrict(value)}`;
          const earlier = auth.queryNames.indexOf(scheme.name);
          if (earlier === -1) {
            auth.query.push(pair);
            auth.queryNames.push(scheme.name);
          } else auth.query[earlier] = pair;
        } else auth.cookies.push(`${scheme.name}=${encodePathSegment(value)}`);
        break;
      }
      case 'bearer':
        auth.headers.authorization = `${bearerPrefix(scheme.scheme)} ${readCredential({ credentials, key: scheme.credential })}`;
        break;
      case 'oauth2':
        auth.headers.authorization = `Bearer ${readCredential({ credentials, key: scheme.credential })}`;
        break;
      case 'basic': {
        const pair = `${readCredential({ credentials, key: scheme.usernameCredential })}:${readCredential({ credentials, key: scheme.passwordCredential })}`;
        auth.headers.authorization = `Basic ${basicToken(pair)}`;
        break;
      }
    }
  }
  return auth;
}

/** A credential value that is safe to put in a header (module function: no closure per request). */
function readCredential(options: { credentials: Record<string, string>; key: string }): string {
  const value = options.credentials[options.key] ?? '';
  assertSafeHeaderValue({ value, where: `credential "${options.key}"`, kind: 'config' });
  return value;
}

/** `bearer` → `Bearer`; a custom HTTP scheme name (e.g. `Token`) is kept. */
function bearerPrefix(scheme: string | undefined): string {
  if (!scheme || scheme.toLowerCase() === 'bearer' || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(scheme)) return 'Bearer';
  return scheme;
}

export function basicToken(pair: string): string {
  return Buffer.from(pair, 'utf8').toString('base64');
}
