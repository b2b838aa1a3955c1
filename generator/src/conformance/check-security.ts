/**
 * Whether a request carries credentials for at least one of the security alternatives the vendor
 * spec declares for the operation (the values are dummies; only their presence and form are judged).
 */
import { isRecord, type VendorDocument } from './vendor-spec.ts';

export interface SentCredentials {
  headers: Record<string, string>;
  query: URLSearchParams;
}

/** `undefined` when satisfied, otherwise the reason. */
export function checkSecurity(options: { document: VendorDocument; operation: Record<string, unknown>; sent: SentCredentials }): string | undefined {
  const requirements = Array.isArray(options.operation.security) ? options.operation.security : Array.isArray(options.document.security) ? options.document.security : [];
  if (requirements.length === 0) return undefined;
  const components = isRecord(options.document.components) ? options.document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const missing: string[] = [];
  for (const requirement of requirements) {
    if (!isRecord(requirement)) continue;
    const names = Object.keys(requirement);
    const unmet = names.filter((name) => !isSatisfied({ scheme: Object.hasOwn(schemes, name) ? schemes[name] : undefined, sent: options.sent }));
    if (unmet.length === 0) return undefined;
    missing.push(unmet.join(' + '));
  }
  return `no credentials for any security requirement of the spec (missing: ${missing.join(' | ')})`;
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
