/** Small IR and CuratedApi builders for planner tests: defaults for everything, override what matters. */
import type {
  ApiIR,
  MediaTypeIR,
  OperationIR,
  ParameterIR,
  RequestBodyIR,
  ResponseIR,
  SchemaIR,
  SecuritySchemeIR,
} from '../../src/ir/types.ts';
import type { ActionOverride, CuratedApi, ServerChoice } from '../../src/override/types.ts';
import type { Provenance } from '../../src/plan/types.ts';

export function makeParameter(partial: Partial<ParameterIR> & Pick<ParameterIR, 'name'>): ParameterIR {
  const location = partial.in ?? 'query';
  const style = partial.style ?? (location === 'query' || location === 'cookie' ? 'form' : 'simple');
  return {
    in: location,
    required: location === 'path',
    style,
    explode: style === 'form',
    allowReserved: false,
    contentJson: false,
    schema: { type: 'string' },
    deprecated: false,
    pointer: `/parameters/${partial.name}`,
    ...partial,
  };
}

export function makeMedia(schema: SchemaIR, mediaType = 'application/json'): MediaTypeIR {
  const encoding: MediaTypeIR['encoding'] = mediaType.includes('json')
    ? 'json'
    : mediaType === 'application/x-www-form-urlencoded'
      ? 'form'
      : mediaType.startsWith('multipart/')
        ? 'multipart'
        : mediaType.startsWith('text/')
          ? 'text'
          : 'binary';
  return { mediaType, encoding, schema };
}

export function makeBody(schema: SchemaIR, options: { required?: boolean; mediaType?: string } = {}): RequestBodyIR {
  return { required: options.required ?? true, contents: [makeMedia(schema, options.mediaType)] };
}

export function makeResponse(partial: Partial<ResponseIR> = {}): ResponseIR {
  return {
    status: '200',
    description: 'OK',
    contents: [{ mediaType: 'application/json', schema: { type: 'object' } }],
    headers: [],
    ...partial,
  };
}

export function makeOperation(partial: Partial<OperationIR> = {}): OperationIR {
  const method = partial.method ?? 'get';
  const path = partial.path ?? '/items';
  return {
    pointer: `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
    method,
    path,
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [makeResponse()],
    security: [],
    callbacks: [],
    extensions: {},
    ...partial,
  };
}

export function makeApi(partial: Partial<ApiIR> = {}): ApiIR {
  return {
    specVersion: '3.1',
    info: { title: 'Test API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.test/v1', variables: {} }],
    securitySchemes: [],
    operations: [],
    schemas: {},
    webhooks: [],
    warnings: [],
    ...partial,
  };
}

export const bearerScheme: SecuritySchemeIR = { name: 'bearerAuth', type: 'http', scheme: 'bearer' };
export const basicScheme: SecuritySchemeIR = { name: 'basicAuth', type: 'http', scheme: 'basic' };
export const apiKeyHeaderScheme: SecuritySchemeIR = { name: 'headerKey', type: 'apiKey', in: 'header', paramName: 'X-API-Key' };
export const apiKeyQueryScheme: SecuritySchemeIR = { name: 'queryKey', type: 'apiKey', in: 'query', paramName: 'api_key' };

/**
 * A CuratedApi selecting every operation of `api` (overrides by operation index), offering all of
 * its security schemes and its servers unless given.
 */
export function makeCurated(
  options: {
    api?: ApiIR;
    operations?: OperationIR[];
    schemas?: ApiIR['schemas'];
    securitySchemes?: SecuritySchemeIR[];
    overrides?: Record<number, ActionOverride>;
    servers?: ServerChoice[];
    name?: string;
    authFieldText?: CuratedApi['authFieldText'];
  } = {},
): CuratedApi {
  const api =
    options.api ??
    makeApi({
      operations: options.operations ?? [makeOperation()],
      schemas: options.schemas ?? {},
      securitySchemes: options.securitySchemes ?? [],
    });
  return {
    ir: api,
    connector: {
      name: options.name ?? 'test-api',
      displayName: 'Test API',
      category: 'development',
      description: 'A test connector.',
    },
    servers: options.servers ?? api.servers.map((server) => ({ ...server, userSettable: [] })),
    selected: api.operations.map((operation, index) => ({ operation, override: options.overrides?.[index] ?? {} })),
    excluded: [],
    authSchemes: api.securitySchemes,
    authFieldText: options.authFieldText ?? {},
    triggers: [],
    locate: () => ({ file: 'overrides/test.yaml', line: 1, column: 1 }),
  };
}

export function makeProvenance(): Provenance {
  return { generator: '@specwire/generator', generatorVersion: '0.1.0', specSource: 'specs/test.yaml', specSha256: '0'.repeat(64) };
}
