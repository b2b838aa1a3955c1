import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The declared token (or authorization) endpoint, checked: https, or http on a loopback host
 * (local development and tests). No userinfo. Client secrets and refresh tokens are only ever sent
 * to this exact URL, never to a URL a response names.
 */
export function parseOAuthEndpoint(options: { url: string | undefined; what: string }): URL {
  const { what } = options;
  if (!options.url) throw configError(`the OAuth2 scheme declares no ${what}`);
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw configError(`the OAuth2 ${what} is not an absolute URL`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) throw configError(`the OAuth2 ${what} must use https (http only on a loopback host)`);
  if (url.username || url.password) throw configError(`the OAuth2 ${what} must not contain credentials`);
  url.hash = '';
  return url;
}

function configError(message: string): ConnectorError {
  return new ConnectorError({ code: ErrorCode.configuration, message });
}
