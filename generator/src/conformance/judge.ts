/**
 * The independent judge: openapi-backend (ajv underneath) validating one recorded request against the
 * vendor's own document. Our definition plays no part in the verdict; it only names the operation the
 * request was meant for, so a request routed to another operation is caught.
 */
import type { ErrorObject } from 'ajv';
import OpenAPIBackend, { type AjvCustomizer, type Request as JudgedRequest } from 'openapi-backend';
import type { RecordedRequest } from '@specwire/runtime/testing';
import { apiKeyQueryNames, checkSecurity } from './check-security.ts';
import { classifyErrors, formatError } from './classify-errors.ts';
import { decodeBody, mediaTypeOf } from './decode-body.ts';
import { decodePathParameters } from './path-parameters.ts';
import { decodeHeaderParameters } from './header-parameters.ts';
import { queryForValidator } from './judge-query.ts';
import { splitUnserialisableParameterErrors } from './parameter-contradictions.ts';
import { flattenSchema, nonObjectShape } from './schema-shape.ts';
import { matchPathTemplate, matchTemplateQuery } from './path-template.ts';
import { operationKey, prepareDocument } from './prepare-document.ts';
import { isRecord, toOpenApi3, type VendorDocument } from './vendor-spec.ts';

export interface Verdict {
  outcome: 'valid' | 'invalid' | 'contradiction';
  reason?: string;
}

export interface Judge {
  /**
   * The path of the vendor's first server. A connector without a base URL (its servers were private
   * or link-local addresses, dropped at generation) is given one by its user, and the user's URL
   * carries the vendor's base path, as this check's does.
   */
  vendorBasePath: string;
  judge(options: { request: RecordedRequest; expected: { method: string; path: string } }): Promise<Verdict>;
  /**
   * Why no request can carry the operation's required body, when there is no way: every media type
   * it declares is a form (urlencoded or multipart) whose schema is not an object. A form's fields
   * are named by its schema's properties (OpenAPI's Encoding Object: properties are correlated with
   * multipart parts by the `name` of their Content-Disposition, and with urlencoded pairs by their
   * names); a string or an array has none, and the validator refuses the fields of any form sent.
   */
  unsendableBody(expected: { method: string; path: string }): string | undefined;
}

/**
 * Vendor patterns are read with the `u` flag where they compile with it (`\p{ASCII}` is a property
 * escape only there), and without it where they do not (`[\w-\.]` is refused under `u`).
 */
const unicodeWhereItCompiles = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags.includes('u') ? flags : `${flags}u`);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'unicodeWhereItCompiles' },
);

const AJV_OPTIONS = {
  strict: false,
  logger: false,
  verbose: true,
  allErrors: true,
  unicodeRegExp: false,
  // Each schema is compiled once and run once or twice: a second optimising pass over the generated
  // code costs more than it saves (the same checks either way).
  code: { regExp: unicodeWhereItCompiles, optimize: false },
} as const;

export async function createJudge(spec: VendorDocument): Promise<Judge> {
  const { document, serverPaths, firstServerPath } = prepareDocument(await toOpenApi3(spec));
  const backend = await startBackend({ document, coerceBody: false });
  // Form and multipart values arrive as text; a second validator coerces them by the schema's types.
  let formBackend: Promise<OpenAPIBackend> | undefined;
  const queryCredentials = apiKeyQueryNames(document);
  return {
    vendorBasePath: firstServerPath,
    unsendableBody(expected) {
      const operation = backend.router.getOperation(operationKey(expected)) as unknown as Record<string, unknown> | undefined;
      const body = operation && isRecord(operation.requestBody) ? operation.requestBody : undefined;
      if (body?.required !== true || !isRecord(body.content)) return undefined;
      const reasons: string[] = [];
      for (const [range, media] of Object.entries(body.content)) {
        const mediaType = mediaTypeOf(range);
        const shape = mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded' ? nonObjectShape({ schema: isRecord(media) ? media.schema : undefined, document }) : undefined;
        if (shape === undefined) return undefined;
        reasons.push(`the request body's ${mediaType} schema is ${shape}, not an object whose properties name the form's fields, so no form can carry it`);
      }
      return reasons.length > 0 ? reasons.slice(0, 2).join('; ') : undefined;
    },
    async judge({ request, expected }) {
      const located = locate({ backend, serverPaths, request, expected });
      if (!located) return { outcome: 'invalid', reason: `no operation of the spec matches ${request.method} ${request.pathname}` };
      const { operation, path } = located;
      const matched = operationKey({ method: operation.method, path: operation.path });
      if (matched !== operationKey(expected)) return { outcome: 'invalid', reason: `sent to ${matched}, not ${operationKey(expected)}` };

      const sentQuery = new URLSearchParams(request.path.includes('?') ? request.path.slice(request.path.indexOf('?') + 1) : '');
      const templateQuery = matchTemplateQuery({ template: operation.path, query: sentQuery });
      const query = templateQuery.rest;
      const security = checkSecurity({ document, operation: operation as unknown as Record<string, unknown>, sent: { headers: request.headers, query } });
      const declared = new Set((operation.parameters ?? []).flatMap((parameter) => ('name' in parameter && parameter.in === 'query' ? [parameter.name] : [])));
      for (const name of queryCredentials) if (!declared.has(name)) query.delete(name);

      const bodyIssue = checkBodyPresence({ operation: operation as unknown as Record<string, unknown>, request });
      const flatKeys = formPropertyNames({ operation: operation as unknown as Record<string, unknown>, contentType: request.contentType, document });
      const decoded = await decodeBody({ body: request.body, contentType: request.contentType, method: request.method, flatKeys });
      const validator = decoded.kind === 'form' ? await (formBackend ??= startBackend({ document, coerceBody: true })) : backend;
      const judged: JudgedRequest = {
        method: request.method,
        path,
        headers: decodeHeaderParameters({ headers: request.headers, parameters: operation.parameters ?? [] }) as JudgedRequest['headers'],
        query: queryForValidator({ backend: validator, query, parameters: operation.parameters ?? [] }),
        body: decoded.kind === 'json' ? decoded.text : decoded.kind === 'form' ? decoded.fields : undefined,
      };
      templateQueryValues.set(judged, templateQuery.values);
      let errors: readonly ErrorObject[];
      try {
        errors = validator.validator.validateRequest(judged, operationKey({ method: operation.method, path: operation.path })).errors ?? [];
      } catch (error) {
        return { outcome: 'contradiction', reason: `the validator cannot compile the spec's schemas: ${firstLine(error)}` };
      }
      // A body under a media type the validator does not read (octet-stream, text) is judged by presence only.
      if (decoded.kind === 'other') errors = errors.filter((error) => !(error.keyword === 'required' && (error.params as { missingProperty?: string }).missingProperty === 'requestBody'));
      // A GET or HEAD that requires a body asks for what HTTP clients (fetch among them) cannot send.
      const bodilessMethod = (request.method === 'GET' || request.method === 'HEAD') && bodyIssue === REQUIRED_BODY_MISSING;
      if (bodilessMethod) errors = errors.filter((error) => !(error.keyword === 'required' && (error.params as { missingProperty?: string }).missingProperty === 'requestBody'));
      // A path key that names `{x}` with no path parameter `x` declared: the connector must fill it,
      // and the validator then refuses a path value the operation does not define.
      const undeclared = undeclaredPlaceholders(operation);
      const unserialisable = splitUnserialisableParameterErrors({ errors, parameters: operation.parameters ?? [], document });
      errors = unserialisable.errors;
      const unnamed = errors.filter((error) => error.instancePath === '/path' && error.keyword === 'additionalProperties' && undeclared.has(String((error.params as { additionalProperty?: unknown }).additionalProperty)));
      errors = errors.filter((error) => !unnamed.includes(error));
      // A path parameter placed only after the key's `#` (`/send/#env/{partnerId}`): what follows `#`
      // is a fragment, which no URL sends, so the server can never receive it.
      const afterHash = placeholdersAfterHash(operation);
      const unsent = errors.filter((error) => error.instancePath === '/path' && error.keyword === 'required' && afterHash.has(String((error.params as { missingProperty?: unknown }).missingProperty)));
      errors = errors.filter((error) => !unsent.includes(error));
      // HTTP: a client sends no Content-Length for a request without content whose method expects
      // none (RFC 9110, 8.6), so a required Content-Length header there asks for what clients omit.
      const noLength = request.body.length === 0 && request.headers['content-length'] === undefined
        ? errors.filter((error) => error.instancePath === '/header' && error.keyword === 'required' && (error.params as { missingProperty?: unknown }).missingProperty === 'content-length')
        : [];
      errors = errors.filter((error) => !noLength.includes(error));
      const bodySchema = jsonBodySchema(operation as unknown as Record<string, unknown>);
      const { faults, contradictions } = classifyErrors({ errors, bodySchema });
      contradictions.push(...unserialisable.contradictions);
      for (const error of unsent) contradictions.push(`path parameter '${String((error.params as { missingProperty?: unknown }).missingProperty)}' is placed after the path key's '#', which begins a fragment that no URL sends`);
      for (const error of unnamed) contradictions.push(`the path key names {${String((error.params as { additionalProperty?: unknown }).additionalProperty)}}, which no path parameter declares`);
      if (noLength.length > 0) contradictions.push(`a Content-Length header is required on a ${request.method} request without content, where HTTP clients send none`);
      if (bodilessMethod) contradictions.push(`a ${request.method} operation requires a request body, which HTTP clients cannot send`);
      const lacking = templateQuery.missing.length > 0 ? `the query lacks ${templateQuery.missing.join('&')}, which the path key fixes` : undefined;
      if (security.contradiction) contradictions.push(security.contradiction);
      const problems = [lacking, security.fault, bodilessMethod ? undefined : bodyIssue, ...faults].filter((item): item is string => item !== undefined);
      if (problems.length > 0) return { outcome: 'invalid', reason: problems.slice(0, 3).join('; ') };
      if (contradictions.length > 0) return { outcome: 'contradiction', reason: contradictions.slice(0, 2).join('; ') };
      return { outcome: 'valid' };
    },
  };
}

/** Placeholder values found in the query part of a path key, per judged request (see `matchTemplateQuery`). */
const templateQueryValues = new WeakMap<object, Record<string, string>>();

async function startBackend(options: { document: VendorDocument; coerceBody: boolean }): Promise<OpenAPIBackend> {
  const backend = new OpenAPIBackend({
    definition: structuredClone(options.document) as never,
    quick: true,
    // A document the validator cannot load is an error of this spec's judging ("could not read"),
    // never a stack trace on stderr followed by every request counted invalid.
    strict: true,
    // A path declared with a trailing slash is matched as declared, not with the slash stripped.
    ignoreTrailingSlashes: false,
    validate: true,
    ajvOpts: options.coerceBody ? { ...AJV_OPTIONS, coerceTypes: 'array' } : AJV_OPTIONS,
    customizeAjv: metaSchemaCompiledOnce(),
  });
  await backend.init();
  indexOperations(backend);
  const parseRequest = backend.router.parseRequest.bind(backend.router);
  backend.router.parseRequest = (request, operation) => {
    const parsed = parseRequest(request, operation);
    if (!operation) return parsed;
    const target = operation as unknown as { path: string; parameters?: unknown[] };
    const fromPath = matchPathTemplate({ template: target.path, path: backend.router.normalizePath(request.path.split('?')[0]!), parameters: target.parameters ?? [] }) ?? parsed.params;
    const raw = { ...fromPath, ...templateQueryValues.get(request) };
    return { ...parsed, query: rejoinScalarQuery({ query: parsed.query, parameters: target.parameters ?? [] }), params: decodePathParameters({ raw, parameters: target.parameters ?? [] }) };
  };
  return backend;
}

/**
 * openapi-backend's router rebuilds its list of every operation (a copy of each) on every lookup by
 * id, and a judged request makes three such lookups: judging a spec of n operations cost n² copies
 * (Microsoft Graph beta's 22,361 actions did not finish in an hour). The list is the same until the
 * document changes, and it never does once loaded: it is built once here and looked up by id. What
 * the validator decides is unchanged; only how it finds the operation is.
 */
export function indexOperations(backend: OpenAPIBackend): void {
  const router = backend.router;
  const operations = router.getOperations();
  const byId = new Map<string, (typeof operations)[number]>();
  for (const operation of operations) if (operation.operationId !== undefined && !byId.has(operation.operationId)) byId.set(operation.operationId, operation);
  router.getOperations = () => operations;
  router.getOperation = (operationId) => byId.get(operationId);
}

/**
 * openapi-backend builds a new Ajv for each schema it compiles (two per operation), and each new Ajv
 * compiles the JSON Schema meta-schema again to check that first schema: on a spec of many operations
 * that recompilation was most of the judging time. The first Ajv of each set of options keeps checking
 * schemas itself; later ones hand the same check (same meta-schema, same options, same error) to it.
 */
export function metaSchemaCompiledOnce(): AjvCustomizer {
  const checkers = new Map<string, Parameters<AjvCustomizer>[0]>();
  return (ajv, ajvOpts) => {
    const key = JSON.stringify(ajvOpts);
    const checker = checkers.get(key);
    if (checker === undefined || ajv.opts.validateSchema === false) {
      checkers.set(key, ajv);
      return ajv;
    }
    ajv.opts.validateSchema = false;
    const compile = ajv.compile.bind(ajv);
    ajv.compile = ((schema: Parameters<typeof compile>[0], meta?: boolean) => {
      checker.validateSchema(schema, true);
      return compile(schema, meta);
    }) as typeof ajv.compile;
    return ajv;
  };
}

type MatchedOperation = NonNullable<ReturnType<OpenAPIBackend['router']['matchOperation']>>;

/**
 * The operation the request reached: the expected one when method and path fit its template (several
 * operations may share a path and differ only by a header or query value), otherwise whatever the
 * router finds, so a request sent elsewhere is named.
 */
function locate(options: { backend: OpenAPIBackend; serverPaths: string[]; request: RecordedRequest; expected: { method: string; path: string } }): { operation: MatchedOperation; path: string } | undefined {
  const { request } = options;
  const relativePaths = options.serverPaths
    .filter((prefix) => prefix === '' || request.pathname === prefix || request.pathname.startsWith(`${prefix}/`))
    .map((prefix) => request.pathname.slice(prefix.length) || '/');
  const expected = options.backend.router.getOperation(operationKey(options.expected));
  if (expected && expected.method.toUpperCase() === request.method.toUpperCase()) {
    const path = relativePaths.find((candidate) => matchPathTemplate({ template: expected.path, path: candidate }) !== undefined);
    if (path !== undefined) return { operation: expected, path };
  }
  for (const path of relativePaths) {
    const operation = options.backend.router.matchOperation({ method: request.method, path, headers: request.headers });
    if (operation) return { operation, path };
  }
  return undefined;
}

/**
 * openapi-backend splits every `explode: false` query value on commas, scalars included; a parameter
 * whose schema is not an array gets its text back whole.
 */
function rejoinScalarQuery(options: { query: unknown; parameters: readonly unknown[] }): Record<string, unknown> {
  const query = isRecord(options.query) ? { ...options.query } : {};
  for (const parameter of options.parameters) {
    if (!isRecord(parameter) || parameter.in !== 'query' || parameter.explode !== false || typeof parameter.name !== 'string') continue;
    const schemaType = isRecord(parameter.schema) ? parameter.schema.type : undefined;
    const value = Object.hasOwn(query, parameter.name) ? query[parameter.name] : undefined;
    if (schemaType !== 'array' && schemaType !== 'object' && Array.isArray(value)) query[parameter.name] = value.join(',');
  }
  return query;
}

/** `{names}` of an operation's path key (path and query part) that no declared path parameter has. */
function undeclaredPlaceholders(operation: MatchedOperation): Set<string> {
  const declared = new Set((operation.parameters ?? []).flatMap((parameter) => (isRecord(parameter) && parameter.in === 'path' && typeof parameter.name === 'string' ? [parameter.name] : [])));
  const named = [...operation.path.split('#', 1)[0]!.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
  return new Set(named.filter((name) => !declared.has(name)));
}

/** `{names}` that appear in the path key only after its `#`. */
function placeholdersAfterHash(operation: MatchedOperation): Set<string> {
  const at = operation.path.indexOf('#');
  if (at === -1) return new Set();
  const names = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
  const before = new Set(names(operation.path.slice(0, at)));
  return new Set(names(operation.path.slice(at + 1)).filter((name) => !before.has(name)));
}

const REQUIRED_BODY_MISSING = 'the operation requires a request body, none was sent';

/** A body where the operation declares none, none where one is required, or an undeclared media type. */
function checkBodyPresence(options: { operation: Record<string, unknown>; request: RecordedRequest }): string | undefined {
  const { operation, request } = options;
  const body = isRecord(operation.requestBody) ? operation.requestBody : undefined;
  const sent = request.body.length > 0 || request.contentType !== undefined;
  if (!body) return sent ? `a body (${request.contentType ?? 'no content type'}) was sent, but the operation declares no request body` : undefined;
  if (!sent) return body.required === true ? REQUIRED_BODY_MISSING : undefined;
  const content = isRecord(body.content) ? Object.keys(body.content) : [];
  const mediaType = mediaTypeOf(request.contentType);
  const declared = content.some((range) => {
    const type = mediaTypeOf(range);
    return type === mediaType || type === '*/*' || (type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1)));
  });
  return declared ? undefined : `content type ${mediaType || '(none)'} is not one the operation declares (${content.join(', ')})`;
}

/** Top-level property names of the body schema declared for the sent media type (a form's own field names). */
function formPropertyNames(options: { operation: Record<string, unknown>; contentType: string | undefined; document: VendorDocument }): Set<string> {
  const body = isRecord(options.operation.requestBody) ? options.operation.requestBody : {};
  const content = isRecord(body.content) ? body.content : {};
  const sent = mediaTypeOf(options.contentType);
  const media = Object.entries(content).find(([range]) => mediaTypeOf(range) === sent)?.[1];
  const schema = flattenSchema({ schema: isRecord(media) ? media.schema : undefined, document: options.document });
  return new Set(schema && isRecord(schema.properties) ? Object.keys(schema.properties) : []);
}

function jsonBodySchema(operation: Record<string, unknown>): unknown {
  const body = isRecord(operation.requestBody) ? operation.requestBody : {};
  const content = isRecord(body.content) ? body.content : {};
  const media = content['application/json'] ?? content['multipart/form-data'] ?? content['application/x-www-form-urlencoded'];
  return isRecord(media) ? media.schema : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

export { formatError };
