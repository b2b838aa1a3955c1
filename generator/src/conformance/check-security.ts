/**
 * Whether a request carries credentials for at least one of the security alternatives the vendor
 * spec declares for the operation (the values are dummies; only their presence and form are judged).
 */
import { isRecord, type VendorDocument } from './vendor-spec.ts';

export interface SentCredentials {
  headers: Record<string, string>;
  query: URLSearchParams;
}

export interface SecurityVerdict {
  /** The request lacks credentials a requirement asks for. */
  fault?: string;
  /** Every requirement asks for what no request can carry (two schemes sharing one Authorization header). */
  contradiction?: string;
}

/** An empty verdict when a requirement is satisfied. */
export function checkSecurity(options: { document: VendorDocument; operation: Record<string, unknown>; sent: SentCredentials }): SecurityVerdict {
  const requirements = Array.isArray(options.operation.security) ? options.operation.security : Array.isArray(options.document.security) ? options.document.security : [];
  if (requirements.length === 0) return {};
  const components = isRecord(options.document.components) ? options.document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const missing: string[] = [];
  const clashes: string[] = [];
  for (const requirement of requirements) {
    if (!isRecord(requirement)) continue;
    const names = Object.keys(requirement);
    const schemeOf = (name: string): unknown => (Object.hasOwn(schemes, name) ? schemes[name] : undefined);
    const unmet = names.filter((name) => !isSatisfied({ scheme: schemeOf(name), sent: options.sent }));
    if (unmet.length === 0) return {};
    missing.push(unmet.join(' + '));
    const authorizationUsers = names.filter((name) => usesAuthorizationHeader(schemeOf(name)));
    if (authorizationUsers.length > 1) clashes.push(authorizationUsers.join(' + '));
  }
  if (clashes.length === missing.length) {
    return { contradiction: `every security requirement puts two credentials in the one Authorization header (${clashes.join(' | ')})` };
  }
  return { fault: `no credentials for any security requirement of the spec (missing: ${missing.join(' | ')})` };
}

/** HTTP, OAuth2 and OpenID Connect schemes, and API keys in a header named Authorization. */
function usesAuthorizationHeader(scheme: unknown): boolean {
  if (!isRecord(scheme)) return false;
  if (scheme.type === 'apiKey') return scheme.in === 'header' && typeof scheme.name === 'string' && scheme.name.toLowerCase() === 'authorization';
  return scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
}

/** Queries parameters that are apiKey credentials, to leave them out of parameter validation. */
export function apiKeyQueryNames(document: VendorDocument): Set<string> {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const names = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (isRecord(scheme) && scheme.type === 'apiKey' && scheme.in === 'query' && typeof scheme.name === 'string') names.add(scheme.name);
  }
  return names;
}

function isSatisfied(options: { scheme: unknown; sent: SentCredentials }): boolean {
  const { scheme, sent } = options;
  // A requirement naming an undeclared scheme cannot be judged; the spec is at fault, not the request.
  if (!isRecord(scheme)) return true;
  const authorization = sent.headers.authorization ?? '';
  if (scheme.type === 'apiKey' && typeof scheme.name === 'string') {
    if (scheme.in === 'header') return sent.headers[scheme.name.toLowerCase()] !== undefined;
    if (scheme.in === 'query') return sent.query.has(scheme.name);
    if (scheme.in === 'cookie') return (sent.headers.cookie ?? '').split(/;\s*/).some((pair) => pair.startsWith(`${scheme.name}=`));
    return true;
  }
  if (scheme.type === 'http') {
    const kind = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (kind === 'bearer') return /^bearer\s+\S/i.test(authorization);
    if (kind === 'basic') return /^basic\s+\S/i.test(authorization);
    return authorization !== '';
  }
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return /^bearer\s+\S/i.test(authorization);
  return true;
}
