/**
 * Small hand-built plans for emitter tests. `makeConnectorPlan` derives the definition, the types
 * document and the action plans from one list of operations, so the three stay consistent the way
 * the planner keeps them consistent.
 */
import type { ActionDefinition, InputField, ParamTarget } from '@specwire/runtime';
import type { ActionPlan, ConnectorPlan, PlannedTestCase, RegistryPlan } from '../../src/plan/types.ts';
import { planDefinitionModules } from '../../src/plan/definition-modules.ts';

export interface FactoryBody {
  mode: 'spread' | 'field';
  required: boolean;
  mediaType?: string;
  /** Body object properties (name → required). */
  properties: Record<string, boolean>;
  /** spread: property → input field name. */
  renamed?: Record<string, string>;
  /** field: input field name holding the whole body. */
  field?: string;
}

export interface FactoryOperation {
  actionId: string;
  methodName: string;
  /** Prefix of the Input/Output type names. */
  typeBase: string;
  method?: ActionDefinition['api']['method'];
  path: string;
  pathParams?: string[];
  /** Query parameter name → required. */
  queryParams?: Record<string, boolean>;
  headerParams?: string[];
  body?: FactoryBody;
  /** The body's schema in the types document; default: an object of `body.properties` strings. */
  bodySchema?: Record<string, unknown>;
  /** Success status with a JSON body; absent = no output type. */
  outputStatus?: string;
  /** The output's schema in the types document; default: a ref to `Thing`. */
  outputSchema?: Record<string, unknown>;
  summary?: string;
  description?: string;
  deprecated?: boolean;
}

export function makeOperation(overrides: Partial<FactoryOperation> & { actionId: string }): FactoryOperation {
  const base = overrides.actionId.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return {
    methodName: base,
    typeBase: base.charAt(0).toUpperCase() + base.slice(1),
    path: `/${overrides.actionId}`,
    ...overrides,
  };
}

export const SAMPLE_OPERATIONS: FactoryOperation[] = [
  makeOperation({
    actionId: 'issues_create',
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    pathParams: ['owner', 'repo'],
    headerParams: ['x-request-id'],
    body: { mode: 'spread', required: true, properties: { title: true, owner: false, labels: false }, renamed: { owner: 'body_owner' } },
    outputStatus: '201',
    summary: 'Create an issue',
    description: 'Creates an issue in a repository.',
  }),
  makeOperation({
    actionId: 'issues_list',
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues',
    pathParams: ['owner', 'repo'],
    queryParams: { state: false, per_page: false },
    outputStatus: '200',
    summary: 'List issues',
    deprecated: true,
  }),
  makeOperation({ actionId: 'meta_ping', method: 'GET', path: '/ping' }),
  makeOperation({
    actionId: 'gists_update',
    method: 'PATCH',
    path: '/gists/{gist_id}',
    pathParams: ['gist_id'],
    queryParams: { dry_run: true },
    body: { mode: 'field', required: false, field: 'payload', properties: { files: false } },
    outputStatus: 'default',
  }),
  makeOperation({
    actionId: 'markdown_render',
    method: 'POST',
    path: '/markdown',
    body: { mode: 'spread', required: false, mediaType: 'application/x-www-form-urlencoded', properties: { text: true, mode: false } },
  }),
];

function stringField(label: string, required: boolean): InputField {
  return { type: 'string', label, required };
}

function actionDefinition(operation: FactoryOperation): ActionDefinition {
  const inputSchema: Record<string, InputField> = {};
  const paramMapping: Record<string, ParamTarget> = {};
  for (const name of operation.pathParams ?? []) {
    inputSchema[name] = stringField(name, true);
    paramMapping[name] = { in: 'path', name, style: 'simple', explode: false };
  }
  for (const [name, required] of Object.entries(operation.queryParams ?? {})) {
    inputSchema[name] = stringField(name, required);
    paramMapping[name] = { in: 'query', name, style: 'form', explode: true };
  }
  for (const name of operation.headerParams ?? []) {
    inputSchema[name] = stringField(name, false);
    paramMapping[name] = { in: 'header', name, style: 'simple', explode: false };
  }
  const body = operation.body;
  if (body?.mode === 'spread') {
    for (const [property, required] of Object.entries(body.properties)) {
      const field = body.renamed?.[property] ?? property;
      inputSchema[field] = stringField(property, body.required && required);
      paramMapping[field] = { in: 'body', name: property };
    }
  } else if (body?.mode === 'field') {
    inputSchema[body.field!] = { type: 'object', label: body.field!, required: body.required };
    paramMapping[body.field!] = { in: 'body' };
  }
  const mediaType = body?.mediaType ?? 'application/json';
  return {
    id: operation.actionId,
    name: operation.summary ?? operation.actionId,
    description: operation.description ?? '',
    category: 'general',
    ...(operation.deprecated ? { deprecated: true } : {}),
    api: {
      endpoint: operation.path,
      method: operation.method ?? 'GET',
      headers: { accept: 'application/json' },
      paramMapping,
      ...(body === undefined
        ? {}
        : { body: { encoding: mediaType === 'application/json' ? 'json' : 'form', contentType: mediaType, required: body.required } }),
      response: operation.outputStatus === undefined ? { type: 'none' } : { type: 'json', contentType: 'application/json' },
      security: [['token']],
    },
    inputSchema,
  };
}

function typesOperation(operation: FactoryOperation): Record<string, unknown> {
  const parameters = [
    ...(operation.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(operation.queryParams ?? {}).map(([name, required]) => ({ name, in: 'query', required, schema: { type: 'string' } })),
    ...(operation.headerParams ?? []).map((name) => ({ name, in: 'header', required: false, schema: { type: 'string' } })),
  ];
  const body = operation.body;
  const bodySchema =
    body === undefined
      ? undefined
      : {
          type: 'object',
          required: Object.entries(body.properties).filter(([, required]) => required).map(([name]) => name),
          properties: Object.fromEntries(Object.keys(body.properties).map((name) => [name, { type: 'string' }])),
        };
  return {
    operationId: operation.actionId,
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined
      ? {}
      : { requestBody: { required: body.required, content: { [body.mediaType ?? 'application/json']: { schema: operation.bodySchema ?? bodySchema } } } }),
    responses:
      operation.outputStatus === undefined
        ? { '204': { description: 'No content' } }
        : {
            [operation.outputStatus]: {
              description: 'OK',
              content: { 'application/json': { schema: operation.outputSchema ?? { $ref: '#/components/schemas/Thing' } } },
            },
          },
  };
}

function actionPlan(operation: FactoryOperation): ActionPlan {
  const body = operation.body;
  const locations: ActionPlan['typeShape']['parameterLocations'] = [];
  if ((operation.pathParams ?? []).length > 0) locations.push('path');
  if (Object.keys(operation.queryParams ?? {}).length > 0) locations.push('query');
  if ((operation.headerParams ?? []).length > 0) locations.push('header');
  return {
    actionId: operation.actionId,
    methodName: operation.methodName,
    inputTypeName: `${operation.typeBase}Input`,
    outputTypeName: `${operation.typeBase}Output`,
    ...(operation.summary === undefined ? {} : { summary: operation.summary }),
    ...(operation.description === undefined ? {} : { description: operation.description }),
    deprecated: operation.deprecated ?? false,
    pointer: `/paths/${operation.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${(operation.method ?? 'GET').toLowerCase()}`,
    typeShape: {
      parameterLocations: locations,
      ...(body === undefined
        ? {}
        : {
            body: {
              mediaType: body.mediaType ?? 'application/json',
              required: body.required,
              mode: body.mode,
              ...(body.field === undefined ? {} : { field: body.field }),
              ...(body.renamed === undefined ? {} : { renamed: body.renamed }),
            },
          }),
      ...(operation.outputStatus === undefined ? {} : { output: { status: operation.outputStatus, mediaType: 'application/json' } }),
    },
  };
}

export const SAMPLE_TEST_CASES: PlannedTestCase[] = [
  {
    actionId: 'issues_create',
    input: { owner: 'octo cat', repo: 'hello', title: 'Bug', body_owner: 'someone', 'x-request-id': 'r1' },
    expect: {
      method: 'POST',
      path: '/api/repos/octo%20cat/hello/issues',
      query: {},
      headers: { authorization: 'Bearer test-token', 'x-request-id': 'r1' },
      contentType: 'application/json',
      jsonBody: { title: 'Bug', owner: 'someone' },
    },
  },
  {
    actionId: 'issues_list',
    input: { owner: 'o', repo: 'r', state: 'open' },
    expect: { method: 'GET', path: '/api/repos/o/r/issues?state=open', query: { state: ['open'] }, headers: {} },
  },
  {
    actionId: 'markdown_render',
    input: { text: 'hi', mode: 'gfm' },
    expect: {
      method: 'POST',
      path: '/api/markdown',
      query: {},
      headers: {},
      contentType: 'application/x-www-form-urlencoded',
      formBody: { text: ['hi'], mode: ['gfm'] },
    },
  },
];

export interface MakeConnectorPlanOptions {
  name?: string;
  className?: string;
  operations?: FactoryOperation[];
  cases?: PlannedTestCase[];
  description?: string;
  specSource?: string;
  /** Extra component schemas merged into the types document. */
  schemas?: Record<string, unknown>;
}

export function makeConnectorPlan(options: MakeConnectorPlanOptions = {}): ConnectorPlan {
  const name = options.name ?? 'acme';
  const operations = options.operations ?? SAMPLE_OPERATIONS;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    item[(operation.method ?? 'GET').toLowerCase()] = typesOperation(operation);
  }
  const definition: ConnectorPlan['definition'] = {
    name,
    display_name: 'Acme',
    category: 'development',
    description: 'The Acme API.',
    auth_type: 'bearer_token',
    auth_fields: [{ key: 'accessToken', label: 'Access token', type: 'password', required: true }],
    auth: [{ id: 'token', type: 'bearer', credential: 'accessToken' }],
    endpoints: { base_url: 'https://api.acme.test/api', servers: [{ url: 'https://api.acme.test/api', variables: {} }] },
    webhook_support: false,
    supported_actions: operations.map(actionDefinition),
    supported_triggers: [],
  };
  const actions = operations.map(actionPlan);
  return {
    name,
    packageName: `@specwire/connector-${name}`,
    className: options.className ?? 'AcmeConnector',
    home: { runtimeVersionRange: 'workspace:*', insideWorkspace: true },
    files: {
      packageJson: 'package.json',
      tsconfig: 'tsconfig.json',
      provenance: 'specwire.provenance.json',
      index: 'src/index.ts',
      definition: 'src/definition.gen.ts',
      connector: 'src/connector.gen.ts',
      types: 'src/types.gen.ts',
      test: 'test/actions.gen.test.ts',
    },
    definition,
    actions,
    definitionModules: planDefinitionModules({ definition, actions }),
    typesDocument: {
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1.0.0' },
      paths,
      components: {
        schemas: {
          Thing: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
          ...options.schemas,
        },
      },
    },
    tests: { credentials: { accessToken: 'test-token' }, basePath: '/api', cases: options.cases ?? SAMPLE_TEST_CASES },
    provenance: {
      specSource: options.specSource ?? 'specs/acme.yaml',
      generatorVersion: '0.1.0',
      generator: 'specwire',
      specSha256: 'a'.repeat(64),
      overridesSha256: 'b'.repeat(64),
    },
    ...(options.description === undefined ? {} : { description: options.description }),
  };
}

/** `count` simple operations (path + query + JSON body), for timing. */
export function makeManyOperations(count: number): FactoryOperation[] {
  return Array.from({ length: count }, (_, index) =>
    makeOperation({
      actionId: `op_${index}`,
      method: 'POST',
      path: `/things/{thing_id}/op${index}`,
      pathParams: ['thing_id'],
      queryParams: { verbose: false },
      body: { mode: 'spread', required: true, properties: { name: true, note: false } },
      outputStatus: '200',
      summary: `Operation ${index}`,
    }),
  );
}

export function makeRegistryPlan(names: string[] = ['acme', 'big-co']): RegistryPlan {
  return {
    packageName: '@specwire/connectors',
    entries: names.map((name) => ({
      name,
      packageName: `@specwire/connector-${name}`,
      displayName: name.toUpperCase(),
      className: `${name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}Connector`,
    })),
  };
}

/** Spec text that tries to break out of comments, strings, keys and templates. */
export const HOSTILE = {
  closeComment: '*/ globalThis.PWNED=1; /*',
  newlines: 'line\nglobalThis.PWNED=1;\r\nglobalThis.PWNED=2;\u2028globalThis.PWNED=3;\u2029*/globalThis.PWNED=4;',
  quotePath: "/x'; globalThis.PWNED=1; '",
  templatePath: '/x`${globalThis.PWNED=1}`',
  propertyName: 'a: string; } globalThis.PWNED=1; interface J { b',
  everything: '*/ "\' `${globalThis.PWNED=1}` \\ \u2028 \u0000 </script> /*',
};

/**
 * A plan whose every spec-derived value is hostile: descriptions, summaries, paths, property names,
 * a `__proto__` key (from JSON, so it is an own property), enum values, schema names, the spec source.
 */
export function makeHostilePlan(): ConnectorPlan {
  const operations = [
    makeOperation({
      actionId: 'evil_path',
      methodName: 'evilPath',
      method: 'POST',
      path: HOSTILE.quotePath,
      body: { mode: 'spread', required: true, properties: { [HOSTILE.propertyName]: true, note: false } },
      outputStatus: '200',
      summary: HOSTILE.closeComment,
      description: HOSTILE.newlines,
    }),
    makeOperation({
      actionId: 'evil_template',
      methodName: 'evilTemplate',
      method: 'GET',
      path: HOSTILE.templatePath,
      queryParams: { [HOSTILE.everything]: false },
      summary: HOSTILE.everything,
      deprecated: true,
    }),
  ];
  const plan = makeConnectorPlan({
    operations,
    description: `${HOSTILE.closeComment}\n${HOSTILE.newlines}`,
    specSource: `specs/evil.yaml\nglobalThis.PWNED=1;\u2028globalThis.PWNED=2; */`,
    schemas: JSON.parse(
      JSON.stringify({
        [HOSTILE.everything]: { type: 'string', description: HOSTILE.closeComment, enum: [HOSTILE.everything, HOSTILE.closeComment] },
      }),
    ) as Record<string, unknown>,
    cases: [
      {
        actionId: 'evil_path',
        input: JSON.parse(JSON.stringify({ [HOSTILE.propertyName]: HOSTILE.everything })) as Record<string, unknown>,
        expect: {
          method: 'POST',
          path: "/api/x';%20globalThis.PWNED=1;%20'",
          query: {},
          headers: { authorization: 'Bearer test-token' },
          contentType: 'application/json',
          // Test data holding a `__proto__` key must render as data too.
          jsonBody: JSON.parse(`{"__proto__": {"polluted": "yes"}, ${JSON.stringify(HOSTILE.propertyName)}: ${JSON.stringify(HOSTILE.everything)}}`) as unknown,
        },
      },
    ],
  });
  plan.definition.description = HOSTILE.everything;
  plan.definition.display_name = HOSTILE.closeComment;
  const firstAction = plan.definition.supported_actions[0]!;
  firstAction.name = HOSTILE.newlines;
  // A field named `__proto__` arrives from JSON as an own property; it must stay one.
  firstAction.inputSchema = JSON.parse(
    JSON.stringify(firstAction.inputSchema).replace(/^\{/, '{"__proto__": {"type": "string", "label": "polluted", "default": "yes"},'),
  ) as Record<string, InputField>;
  return plan;
}
