import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { safeDecodeURIComponent } from '../request/percent-encode.ts';
import { classifyHost, classifyHostText } from './redirect-target.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** The method after a redirect, as browsers do: 303 → GET; 301/302 turn POST into GET. */
export function methodAfterRedirect(options: { status: number; method: string }): { method: string; keepBody: boolean } {
  const { status, method } = options;
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    return { method: 'GET', keepBody: false };
  }
  return { method, keepBody: true };
}

export function resolveLocation(options: { location: string; current: string }): URL {
  let next: URL;
  try {
    next = new URL(options.location, options.current);
  } catch {
    throw new ConnectorError({ code: ErrorCode.redirectRefused, message: 'redirect Location is not a valid URL' });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ConnectorError({ code: ErrorCode.redirectRefused, message: 'redirect to a non-HTTP URL refused' });
  }
  next.hash = '';
  next.username = '';
  next.password = '';
  return next;
}

/**
 * Refuses, before connecting, a cross-origin redirect into a network the API has no business
 * sending its caller to: link-local and cloud metadata addresses always (169.254.169.254 answers
 * with instance credentials, and the response body would go back to whoever wrote the workflow),
 * and loopback or private addresses when the API itself is public (the server would be probing the
 * host's own network). A base URL that is already internal (a local or on-premises API, tests)
 * keeps its internal redirects. `allow` turns the check off for hosts that need it.
 */
export async function assertRedirectTarget(options: { target: URL; origin: string; policy: 'refuse' | 'allow' }): Promise<void> {
  if (options.policy === 'allow') return;
  const target = await classifyHost(options.target.hostname);
  if (target === 'public') return;
  if (target === 'link-local') {
    throw new ConnectorError({
      code: ErrorCode.redirectRefused,
      message: 'redirect to a link-local or cloud metadata address refused (set privateNetworkRedirects: "allow" to follow it)',
    });
  }
  if (classifyHostText(new URL(options.origin).hostname) === 'public') {
    throw new ConnectorError({
      code: ErrorCode.redirectRefused,
      message: 'redirect from a public API to a loopback or private address refused (set privateNetworkRedirects: "allow" to follow it)',
    });
  }
}

/** Removes query pairs whose (decoded) name is a credential parameter, keeping the rest verbatim. */
export function stripQueryNames(options: { url: URL; names: string[] }): string {
  const names = new Set(options.names);
  const { url } = options;
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !names.has(safeDecodeURIComponent((pair.split('=')[0] ?? '').replace(/\+/g, ' '))));
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** Appends credential query pairs whose names the URL does not already carry. */
export function withQueryPairs(options: { url: string; pairs: string[]; names: string[] }): string {
  if (options.pairs.length === 0) return options.url;
  const parsed = new URL(options.url);
  const present = new Set(
    parsed.search.slice(1).split('&').map((pair) => safeDecodeURIComponent((pair.split('=')[0] ?? '').replace(/\+/g, ' '))),
  );
  const missing = options.pairs.filter((_pair, index) => !present.has(options.names[index] ?? ''));
  if (missing.length === 0) return options.url;
  return `${options.url}${parsed.search ? '&' : '?'}${missing.join('&')}`;
}
