import type { ActionDefinition, ApiBlock, AuthScheme, InputField } from '../definition.ts';
import { ConnectorError, ErrorCode, validationError } from '../errors/connector-error.ts';
import { propertyPath } from '../validate/field-path.ts';
import { resolveAuth } from './auth.ts';
import { joinBaseAndPath, originOf } from './base-url.ts';
import { buildBody, type BuiltBody } from './body.ts';
import type { BodyValues } from './body-values.ts';
import { assertSafeHeaderName, assertSafeHeaderValue, serialiseCookieParam, serialiseHeaderParam } from './headers.ts';
import { buildPath, buildTemplateQuery, type PathParam } from './path.ts';
import type { PreparedRequest } from './prepared-request.ts';
import { serialiseQueryParam } from './query.ts';
import { defaultAccept } from './accept.ts';

/** Common server limits are 8–64 KB; a longer URL is refused here rather than by a 414/431 upstream. */
const MAX_URL_LENGTH = 65_536;

/**
 * Turns validated input into a request, from the action's `api` block alone. Input fields with no
 * `paramMapping` entry are not sent (validation already refused fields outside `inputSchema`).
 */
export async function buildActionRequest(options: BuildActionRequestOptions): Promise<PreparedRequest> {
  const params = collectParams(options);
  const api = options.action.api;
  const built: BuiltBody = sendsBody(api) ? await buildBody({ definition: api.body, values: params.bodyValues }) : {};
  return assembleRequest({ options, params, built });
}

/**
 * The same request without a promise, for an action that sends no body (the common GET): `undefined`
 * when the action declares one, and then `buildActionRequest` builds it.
 */
export function buildBodilessActionRequest(options: BuildActionRequestOptions): PreparedRequest | undefined {
  if (sendsBody(options.action.api)) return undefined;
  return assembleRequest({ options, params: collectParams(options), built: {} });
}

interface BuildActionRequestOptions {
  action: ActionDefinition;
  input: Record<string, unknown>;
  base: URL;
  schemes: AuthScheme[];
  credentials: Record<string, string>;
}

interface CollectedParams {
  pathParams: PathParam[];
  query: string[];
  headers: Record<string, string>;
  cookies: string[];
  bodyValues: BodyValues;
  /** The filled path (built before the body, so a bad path parameter is reported first). */
  path: string;
}

/** No body declared: nothing to build. GET and HEAD never carry one: fetch refuses them, and servers ignore or reject them (some specs still declare one). */
function sendsBody(api: ApiBlock): boolean {
  return api.body !== undefined && methodMayHaveBody(api.method);
}

function collectParams(options: BuildActionRequestOptions): CollectedParams {
  const { action, input } = options;
  const api = action.api;
  const pathParams: PathParam[] = [];
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const bodyValues: BodyValues = { properties: [] };

  for (const field of Object.keys(input)) {
    const value = input[field];
    const target = Object.hasOwn(api.paramMapping, field) ? api.paramMapping[field] : undefined;
    if (!target || value === undefined) continue;
    // The field path is for messages only: built when a header, cookie or bad target needs it.
    switch (target.in) {
      case 'path':
        pathParams.push({ field, target, value });
        break;
      case 'query':
        query.push(...serialiseQueryParam({ target, value }));
        break;
      case 'header': {
        const serialised = serialiseHeaderParam({ target, value, where: propertyPath({ parent: 'input', key: field }) });
        if (serialised !== undefined) headers[target.name.toLowerCase()] = serialised;
        break;
      }
      case 'cookie': {
        const cookie = serialiseCookieParam({ target, value, where: propertyPath({ parent: 'input', key: field }) });
        if (cookie !== undefined) cookies.push(cookie);
        break;
      }
      case 'body': {
        const schemaField: InputField | undefined = Object.hasOwn(action.inputSchema, field) ? action.inputSchema[field] : undefined;
        if (target.name === undefined) bodyValues.whole = { value, field: schemaField };
        else bodyValues.properties.push({ name: target.name, value, field: schemaField });
        break;
      }
      default:
        throw new ConnectorError({ code: ErrorCode.configuration, message: `${propertyPath({ parent: 'input', key: field })}: unknown parameter location` });
    }
  }
  return { pathParams, query, headers, cookies, bodyValues, path: buildPath({ template: api.endpoint, params: pathParams }) };
}

function assembleRequest(options: { options: BuildActionRequestOptions; params: CollectedParams; built: BuiltBody }): PreparedRequest {
  const { action, base } = options.options;
  const { pathParams, query, headers, cookies, path } = options.params;
  const { built } = options;
  const api = action.api;
  const constants = constantsOf(api);
  const templateQuery = buildTemplateQuery({ template: api.endpoint, params: pathParams });
  if (templateQuery.length > 0) query.unshift(...templateQuery);
  const merged: Record<string, string> = { ...constants.headers, ...headers };
  if (built.contentType !== undefined) merged['content-type'] = built.contentType;
  const url = joinBaseAndPath({ base, path }) + (query.length > 0 ? `?${query.join('&')}` : '');
  if (url.length > MAX_URL_LENGTH) {
    throw validationError(`the request URL would be ${url.length} characters, over the ${MAX_URL_LENGTH}-character limit: send large values in the body`);
  }
  return {
    method: api.method,
    origin: originOf(base),
    url,
    headers: merged,
    cookies,
    body: built.body,
    auth: resolveAuth({ schemes: options.options.schemes, security: api.security, credentials: options.options.credentials }),
    responseType: api.response.type,
    actionId: action.id,
    ...(api.idempotencyHeader ? { idempotencyHeader: api.idempotencyHeader.toLowerCase() } : {}),
  };
}

function methodMayHaveBody(method: ApiBlock['method']): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

interface ApiConstants {
  /** `accept` then the declared constant headers, lower-cased. */
  headers: Record<string, string>;
}

/**
 * The parts of a request that depend on the `api` block alone, computed once per block. A block
 * whose constant headers are invalid is not cached, so every call still fails with its error.
 */
const constantsByApi = new WeakMap<ApiBlock, ApiConstants>();

function constantsOf(api: ApiBlock): ApiConstants {
  let constants = constantsByApi.get(api);
  if (!constants) {
    constants = { headers: { accept: defaultAccept(api.response), ...constantHeadersOf(api.headers) } };
    constantsByApi.set(api, constants);
  }
  return constants;
}

function constantHeadersOf(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const where = `api.headers[${JSON.stringify(name)}]`;
    assertSafeHeaderName({ name, where });
    assertSafeHeaderValue({ value, where, kind: 'config' });
    out[name.toLowerCase()] = value;
  }
  return out;
}
