import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { Ajv } from 'ajv';
import { OpenAPIRouter, OpenAPIValidator } from 'openapi-backend';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkConformance, listCommittedConnectors, readVendorSpec, sampleActionInputs, type VendorDocument } from '../../src/conformance/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { findWorkspaceRoot } from '../../src/pipeline/workspace.ts';

const root = findWorkspaceRoot() ?? process.cwd();

async function committed(name: string): Promise<{ spec: VendorDocument; definition: ConnectorDefinition }> {
  const connector = (await listCommittedConnectors(root)).find((candidate) => candidate.name === name);
  if (!connector?.specFile) throw new Error(`generated/${name} or its spec is missing`);
  return { spec: await readVendorSpec(connector.specFile), definition: await connector.loadDefinition() };
}

function outcomeOf(report: Awaited<ReturnType<typeof checkConformance>>, actionId: string) {
  const found = report.operations.find((operation) => operation.actionId === actionId);
  if (!found) throw new Error(`no result for ${actionId}`);
  return found;
}

describe('the judge catches a wrong mapping', () => {
  it('accepts the definition as generated', async () => {
    const { spec, definition } = await committed('train-travel');
    const report = await checkConformance({ spec, definition, samples: sampleActionInputs(definition).samples });
    expect(report.counts.invalid).toBe(0);
    expect(report.counts.valid).toBe(definition.supported_actions.length);
  });

  it('flags a query parameter sent under the wrong name', async () => {
    const { spec, definition } = await committed('train-travel');
    const broken = structuredClone(definition);
    const action = broken.supported_actions.find((candidate) => candidate.id === 'get_trips')!;
    action.api.paramMapping.origin = { in: 'query', name: 'from', style: 'form', explode: true };
    const report = await checkConformance({ spec, definition: broken, samples: sampleActionInputs(broken).samples });
    const result = outcomeOf(report, 'get_trips');
    expect(result.outcome).toBe('invalid');
    expect(result.reason).toMatch(/origin|from/);
  });

  it('flags a body property sent under the wrong name', async () => {
    // Petstore's Pet requires `name`; the broken mapping sends it as `petName`.
    const { spec, definition } = await committed('petstore');
    const broken = structuredClone(definition);
    const action = broken.supported_actions.find((candidate) => candidate.id === 'add_pet')!;
    action.api.paramMapping.name = { in: 'body', name: 'petName' };
    const report = await checkConformance({ spec, definition: broken, samples: sampleActionInputs(broken).samples });
    const result = outcomeOf(report, 'add_pet');
    expect(result.outcome).toBe('invalid');
    expect(result.reason).toContain("must have required property 'name'");
  });

  it('flags a request sent with the wrong method', async () => {
    const { spec, definition } = await committed('train-travel');
    const broken = structuredClone(definition);
    const action = broken.supported_actions.find((candidate) => candidate.id === 'delete_booking')!;
    action.api.method = 'PUT';
    const report = await checkConformance({ spec, definition: broken, samples: sampleActionInputs(broken).samples });
    expect(outcomeOf(report, 'delete_booking').outcome).toBe('invalid');
  });

  it('reports an input the runtime refuses as refused, with its error', async () => {
    const { spec, definition } = await committed('petstore');
    const report = await checkConformance({ spec, definition, samples: [{ actionId: 'add_pet', input: {} }] });
    const result = outcomeOf(report, 'add_pet');
    expect(result.outcome).toBe('refused');
    expect(result.reason).toMatch(/^[A-Z_]+: /);
  });
});

describe('spec contradictions are not counted as valid', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specwire-judge-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a required property the schema never defines where it is required (declared only in a nested object counts as never), and an enum its own type excludes', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Contradictions', version: '1' },
      servers: [{ url: 'https://api.example.com/v1' }],
      components: {
        schemas: {
          Request: { type: 'object', properties: { url: { type: 'string' } } },
          Artifact: { type: 'object', additionalProperties: false, properties: { contentType: { type: 'string' } } },
          Assembly: { type: 'object', additionalProperties: false, allOf: [{ $ref: '#/components/schemas/Artifact' }], required: ['assemblyName'], properties: { assemblyName: { type: 'string' } } },
          Parse: { type: 'object', required: ['name', 'url'], properties: { name: { type: 'string' }, request: { $ref: '#/components/schemas/Request' } } },
        },
      },
      paths: {
        '/ghosts': {
          post: {
            operationId: 'createGhost',
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { type: 'object', required: ['name', 'ghost'], properties: { name: { type: 'string' } } } } },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
        // `url` is required at the top but declared only inside `request` (a $ref, as vendors write it).
        '/parse': {
          post: {
            operationId: 'parse',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Parse' } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
        // Required beside an allOf branch that forbids every property but its own (Azure's pattern).
        '/assemblies': {
          put: {
            operationId: 'putAssembly',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Assembly' } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
        // Each required property is defined, but only by a different variant: none can carry both.
        '/documents': {
          post: {
            operationId: 'createDocument',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    required: ['Title', 'DocumentId'],
                    oneOf: [
                      { type: 'object', properties: { DocumentId: { type: 'string' }, Date: { type: 'string' } } },
                      { type: 'object', properties: { Title: { type: 'string' }, Comment: { type: 'string' } } },
                    ],
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
        // Declared in an allOf branch beside the one that requires it: defined.
        '/named': {
          post: {
            operationId: 'createNamed',
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { allOf: [{ type: 'object', properties: { name: { type: 'string' } } }, { required: ['name'] }] } } },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
        '/levels': {
          get: {
            operationId: 'listLevels',
            parameters: [{ name: 'level', in: 'query', required: true, schema: { type: 'integer', enum: ['low', 'high'] } }],
            responses: { '200': { description: 'ok' } },
          },
        },
        '/plain': {
          get: { operationId: 'getPlain', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    };
    const file = join(dir, 'contradictions.json');
    await writeFile(file, JSON.stringify(spec));
    const generated = await generateConnector({
      specFile: file,
      specLabel: 'contradictions.json',
      defaultName: 'contradictions',
      runtimeRange: 'workspace:*',
      generatorVersion: '0.0.0',
      timings: new StageTimings(),
    });
    const definition = generated.plan.definition;
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples, unsampled });
    const byOperation = new Map(report.operations.map((operation) => [operation.operation, operation]));
    expect(byOperation.get('POST /ghosts')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'ghost' is required but the schema never defines it") });
    expect(byOperation.get('POST /parse')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("'url' is required but the schema never defines it") });
    expect(byOperation.get('POST /named')?.outcome).toBe('valid');
    expect(byOperation.get('POST /documents')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("required properties 'Title', 'DocumentId' are defined only by different variants") });
    expect(byOperation.get('PUT /assemblies')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining("property 'assemblyName' is required, but a schema it must also match forbids it") });
    expect(byOperation.get('GET /plain')?.outcome).toBe('valid');
    const levels = byOperation.get('GET /levels');
    expect(levels?.outcome === 'contradiction' || levels?.outcome === 'unsampled' || levels?.outcome === 'refused').toBe(true);
    if (levels?.outcome === 'contradiction') expect(levels.reason).toContain('enum');
  });

  it('reads a document whose references step through escaped keys (~1) and arrays or lead nowhere, and still judges by them', async () => {
    const note = { type: 'object', required: ['title'], properties: { title: { type: 'string' } } };
    const spec = {
      openapi: '3.0.0',
      info: { title: 'Escaped refs', version: '1' },
      'x-policies': { $ref: '../policies.yaml' },
      servers: [{ url: 'https://api.example.com/' }],
      paths: {
        '/notes': {
          post: {
            operationId: 'createNote',
            requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [note] } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
        '/drafts': {
          post: {
            operationId: 'createDraft',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/paths/~1notes/post/requestBody/content/application~1json/schema/oneOf/0' } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
        '/tags': {
          post: {
            operationId: 'createTag',
            // Into an external file the judge does not read: that part allows any value.
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { policy: { $ref: '#/x-policies/missing' } } } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const file = join(dir, 'escaped-refs.json');
    await writeFile(file, JSON.stringify(spec));
    const generated = await generateConnector({ specFile: file, specLabel: 'escaped-refs.json', defaultName: 'escaped', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples: sampleActionInputs(definition).samples });
    expect(report.operations.map((operation) => [operation.operation, operation.outcome])).toEqual(
      expect.arrayContaining([['POST /notes', 'valid'], ['POST /drafts', 'valid'], ['POST /tags', 'valid']]),
    );
    // The referenced schema is really applied: `title` sent under another name is caught.
    const broken = structuredClone(definition);
    const draft = broken.supported_actions.find((candidate) => candidate.api.endpoint === '/drafts')!;
    draft.api.paramMapping.title = { in: 'body', name: 'heading' };
    const brokenReport = await checkConformance({ spec: await readVendorSpec(file), definition: broken, samples: sampleActionInputs(broken).samples });
    expect(brokenReport.operations.find((operation) => operation.operation === 'POST /drafts')).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining("'title'") });
  });

  it('judges operations that share a path and differ by a suffix after #, and ignores a declared Content-Type header', async () => {
    const target = (name: string) => ({
      operationId: name,
      parameters: [
        { name: 'X-Amz-Target', in: 'header', required: true, schema: { type: 'string', enum: [`Service.${name}`] } },
        { name: 'Content-Type', in: 'header', required: true, schema: { type: 'string' } },
      ],
      requestBody: { required: true, content: { 'application/x-amz-json-1.0': { schema: { type: 'object', required: ['Key'], properties: { Key: { type: 'string' } } } } } },
      responses: { '200': { description: 'ok' } },
    });
    const spec = {
      openapi: '3.0.0',
      info: { title: 'Targets', version: '1' },
      servers: [{ url: 'https://api.example.com/' }],
      paths: { '/#X-Amz-Target=Service.GetItem': { post: target('GetItem') }, '/#X-Amz-Target=Service.PutItem': { post: target('PutItem') } },
    };
    const file = join(dir, 'targets.json');
    await writeFile(file, JSON.stringify(spec));
    const generated = await generateConnector({ specFile: file, specLabel: 'targets.json', defaultName: 'targets', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples, unsampled });
    const judged = report.operations.filter((operation) => operation.outcome !== 'unsampled');
    expect(judged.length).toBeGreaterThan(0);
    for (const operation of judged) expect(operation.outcome === 'valid' || operation.reason).toBe(true);
  });

  it('accepts a scalar query parameter declared with explode: false', async () => {
    const spec = {
      openapi: '3.0.0',
      info: { title: 'Pages', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/log': {
          get: {
            operationId: 'getLog',
            parameters: [{ name: 'page', in: 'query', required: true, style: 'form', explode: false, schema: { type: 'integer' } }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const file = join(dir, 'pages.json');
    await writeFile(file, JSON.stringify(spec));
    const generated = await generateConnector({ specFile: file, specLabel: 'pages.json', defaultName: 'pages', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples: sampleActionInputs(definition).samples });
    expect(report.operations).toEqual([expect.objectContaining({ operation: 'GET /log', outcome: 'valid' })]);
  });
});

describe('the cost of judging grows with the actions judged, not with the spec times the actions', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specwire-judge-cost-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the spec operations once per validator, compiles the schemas of each operation once, and the meta-schema once per validator', async () => {
    // 40 operations: JSON bodies, form bodies (the second, coercing validator) and query parameters.
    const paths: Record<string, unknown> = {};
    for (let index = 0; index < 20; index += 1) {
      paths[`/items${index}/{id}`] = {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: { operationId: `getItem${index}`, parameters: [{ name: 'fields', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
        post: {
          operationId: `updateItem${index}`,
          requestBody: {
            required: true,
            content: { [index % 2 === 0 ? 'application/json' : 'application/x-www-form-urlencoded']: { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, size: { type: 'integer' } } } } },
          },
          responses: { '200': { description: 'ok' } },
        },
      };
    }
    const spec = { openapi: '3.0.0', info: { title: 'Items', version: '1' }, servers: [{ url: 'https://api.example.com' }], paths };
    const file = join(dir, 'items.json');
    await writeFile(file, JSON.stringify(spec));
    const generated = await generateConnector({ specFile: file, specLabel: 'items.json', defaultName: 'items', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    const listings = vi.spyOn(OpenAPIRouter.prototype, 'getOperations');
    const compilations = vi.spyOn(OpenAPIValidator as unknown as { compileSchema: (...args: unknown[]) => unknown }, 'compileSchema');
    const metaSchemaCompilations = vi.spyOn(Ajv.prototype as unknown as { _compileMetaSchema: (...args: unknown[]) => unknown }, '_compileMetaSchema');
    try {
      const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples: sampleActionInputs(definition).samples });
      expect(report.counts.valid).toBe(40);
      // Before the index, each judged request listed every operation three times (n² for the spec).
      expect(listings.mock.calls.length).toBeLessThanOrEqual(2);
      // Parameters and body: at most two schemas per operation, compiled on first use and reused.
      expect(compilations.mock.calls.length).toBeLessThanOrEqual(2 * 40);
      // openapi-backend makes a new Ajv per schema; the meta-schema that checks schemas is compiled
      // once per validator and set of options (two each), not once per schema.
      expect(metaSchemaCompilations.mock.calls.length).toBeLessThanOrEqual(4);
    } finally {
      listings.mockRestore();
      compilations.mockRestore();
      metaSchemaCompilations.mockRestore();
    }
  });
});
