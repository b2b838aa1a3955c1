import type { ConnectorDefinition, ServerDefinition } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { classifyHostText } from '../http/redirect-target.ts';
import { isDangerousSegment } from './dot-segments.ts';
import { encodePathSegment } from './percent-encode.ts';

export interface BaseUrlOptions {
  baseUrl?: string;
  serverIndex?: number;
  serverVariables?: Record<string, string>;
}

/**
 * The base URL of a request, which fixes its origin for good. Order: `options.baseUrl`, the
 * action's `api.baseUrl`, the chosen server (`serverIndex`, variables substituted) when a server
 * index or variables are given, `endpoints.base_url`, the first server at its defaults.
 * Only `userSettable` variables take user values, each encoded as one URL segment.
 */
export function resolveBaseUrl(options: { definition: ConnectorDefinition; actionBaseUrl?: string; settings: BaseUrlOptions }): URL {
  const { definition, actionBaseUrl, settings } = options;
  const servers = definition.endpoints?.servers ?? [];
  const chooseServer = settings.serverIndex !== undefined || settings.serverVariables !== undefined;
  let raw: string | undefined = settings.baseUrl ?? actionBaseUrl;
  if (raw === undefined && chooseServer && servers.length > 0) {
    const index = settings.serverIndex ?? 0;
    const server = servers[index];
    if (!server) throw configError(`serverIndex ${index} is out of range (the connector has ${servers.length} servers)`);
    raw = substituteServerVariables({ server, values: settings.serverVariables ?? {} });
  }
  raw ??= definition.endpoints?.base_url || (servers[0] ? substituteServerVariables({ server: servers[0], values: {} }) : undefined);
  if (!raw) throw configError('no base URL: set options.baseUrl');
  const url = parseBaseUrl(raw);
  // A definition (spec text) never gets to aim requests and credentials at cloud metadata; a host
  // that really means such an address says so with `options.baseUrl`.
  if (settings.baseUrl === undefined && classifyHostText(url.hostname) === 'link-local') {
    throw configError('the definition\'s base URL is a link-local or cloud metadata address; set options.baseUrl if this is intended');
  }
  return url;
}

export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw configError('the base URL is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw configError('the base URL must use http or https');
  if (url.username || url.password) throw configError('the base URL must not contain credentials');
  url.search = '';
  url.hash = '';
  return url;
}

function substituteServerVariables(options: { server: ServerDefinition; values: Record<string, string> }): string {
  const { server, values } = options;
  for (const name of Object.keys(values)) {
    const variable = Object.hasOwn(server.variables, name) ? server.variables[name] : undefined;
    if (!variable) throw configError(`server variable "${name}" does not exist`);
    if (!variable.userSettable) throw configError(`server variable "${name}" cannot be set`);
  }
  return server.url.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const variable = Object.hasOwn(server.variables, name) ? server.variables[name] : undefined;
    if (!variable) throw configError(`server URL uses the undefined variable "${name}"`);
    const given = Object.hasOwn(values, name) ? values[name] : undefined;
    const value = given ?? variable.default;
    if (given !== undefined) {
      if (variable.enum && variable.enum.length > 0 && !variable.enum.includes(given)) {
        throw configError(`server variable "${name}" must be one of: ${variable.enum.map((v) => JSON.stringify(v)).join(', ')}`);
      }
      if (isDangerousSegment(given)) throw configError(`server variable "${name}" cannot be empty, "." or ".."`);
      return encodePathSegment(given);
    }
    return value;
  });
}

function configError(message: string): ConnectorError {
  return new ConnectorError({ code: ErrorCode.configuration, message });
}

/** `base` + path: the base path is kept and the path is appended, never resolved against it. */
export function joinBaseAndPath(options: { base: URL; path: string }): string {
  const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
  return `${partsOf(options.base).prefix}${path}`;
}

/** The origin of a base URL (read once per URL: the getter builds a new string on every read). */
export function originOf(base: URL): string {
  return partsOf(base).origin;
}

interface BaseParts {
  /** The URL these parts were read from: a URL object is mutable, so a changed one is read again. */
  href: string;
  origin: string;
  /** Origin and path without trailing slashes: what a request path is appended to. */
  prefix: string;
}

const partsByBase = new WeakMap<URL, BaseParts>();

function partsOf(base: URL): BaseParts {
  let parts = partsByBase.get(base);
  if (!parts || parts.href !== base.href) {
    const origin = base.origin;
    parts = { href: base.href, origin, prefix: `${origin}${base.pathname.replace(/\/+$/, '')}` };
    partsByBase.set(base, parts);
  }
  return parts;
}
