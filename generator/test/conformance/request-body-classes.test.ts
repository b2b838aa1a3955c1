import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { validateInput } from '@specwire/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, readVendorSpec, sampleActionInputs, type ConformanceReport } from '../../src/conformance/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

/** Small specs for each class of request-body verdict the directory run showed; each judged end to end. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specwire-body-classes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ok = { '200': { description: 'ok' } };

async function generate(name: string, spec: Record<string, unknown>): Promise<{ file: string; definition: ConnectorDefinition; warnings: readonly { message: string }[] }> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ openapi: '3.0.0', info: { title: name, version: '1' }, servers: [{ url: 'https://api.example.com' }], ...spec }));
  const generated = await generateConnector({ specFile: file, specLabel: `${name}.json`, defaultName: name, runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
  return { file, definition: generated.plan.definition, warnings: generated.warnings };
}

async function judge(options: { file: string; definition: ConnectorDefinition }): Promise<Map<string, ConformanceReport['operations'][number]>> {
  const { samples, unsampled } = sampleActionInputs(options.definition);
  const report = await checkConformance({ spec: await readVendorSpec(options.file), definition: options.definition, samples, unsampled });
  return new Map(report.operations.map((operation) => [operation.operation, operation]));
}

function jsonBody(schema: Record<string, unknown>): Record<string, unknown> {
  return { required: true, content: { 'application/json': { schema } } };
}

describe('request bodies judged against the vendor spec', () => {
  it('form fields named with brackets (vendor[name], as Rails APIs declare them) are the properties they name, not nesting', async () => {
    const form = (encoding: string) => ({
      required: true,
      content: { [encoding]: { schema: { type: 'object', required: ['vendor[name]'], properties: { 'vendor[name]': { type: 'string' }, 'vendor[url]': { type: 'string' } } } } },
    });
    const generated = await generate('bracket-names', {
      paths: {
        '/vendors': { post: { operationId: 'createVendor', requestBody: form('application/x-www-form-urlencoded'), responses: ok } },
        '/models': { post: { operationId: 'createModel', requestBody: form('multipart/form-data'), responses: ok } },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /vendors')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('POST /models')).toMatchObject({ outcome: 'valid' });
  });

  it('a required multipart body with nothing required inside is sent as an empty form, not left out', async () => {
    const generated = await generate('empty-multipart', {
      paths: {
        '/attachments': {
          post: {
            operationId: 'createAttachment',
            requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { parent: { type: 'string' }, file: { type: 'string', format: 'binary' } } } } } },
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('POST /attachments')).toMatchObject({ outcome: 'valid' });
  });

  it('a form or multipart body whose schema is no object names no form field: the spec contradicts itself, unless another media type can carry it', async () => {
    const generated = await generate('unnamed-form-fields', {
      components: {
        schemas: {
          Tasks: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
          Upload: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, file: { type: 'string', format: 'binary' } } },
        },
      },
      paths: {
        '/translate_file': { post: { operationId: 'translateFile', requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'string', example: 'x' } } } }, responses: ok } },
        '/import': { patch: { operationId: 'importFile', requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'string', format: 'binary' } } } }, responses: ok } },
        '/edit': { post: { operationId: 'edit', requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Tasks' } } } }, responses: ok } },
        // The form schema is a string, the multipart one an object: the connector sends the multipart form.
        '/both': {
          post: {
            operationId: 'both',
            requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'string' } }, 'multipart/form-data': { schema: { $ref: '#/components/schemas/Upload' } } } },
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /translate_file')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('multipart/form-data schema is a string') });
    expect(verdicts.get('PATCH /import')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('multipart/form-data schema is a string') });
    expect(verdicts.get('POST /edit')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('application/x-www-form-urlencoded schema is an array') });
    expect(verdicts.get('POST /both')).toMatchObject({ outcome: 'valid' });
    expect(generated.definition.supported_actions.find((action) => action.id === 'both')?.api.body?.encoding).toBe('multipart');
    expect(generated.warnings.map((warning) => warning.message)).toContain(
      "the multipart/form-data body's schema is a string, not an object whose properties name the form's fields: no form can carry it, and the action's requests are refused",
    );
  });

  it('a map with minProperties gets entries from its value schema, and the runtime checks the count', async () => {
    const tags = { type: 'object', minProperties: 1, maxProperties: 50, additionalProperties: { type: 'string', maxLength: 256 } };
    const generated = await generate('tag-map', {
      paths: {
        '/tags/{arn}': {
          post: {
            operationId: 'tagResource',
            parameters: [{ name: 'arn', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: jsonBody({ type: 'object', required: ['tags'], properties: { tags } }),
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /tags/{arn}')).toMatchObject({ outcome: 'valid' });
    const action = generated.definition.supported_actions[0]!;
    expect(() => validateInput({ schema: action.inputSchema, input: { arn: 'a', tags: {} } })).toThrow(/at least 1 properties/);
  });

  it('a pattern with a unicode property escape is read with the u flag by the judge', async () => {
    const generated = await generate('client-token', {
      paths: {
        '/jobs': {
          post: {
            operationId: 'startJob',
            requestBody: jsonBody({
              type: 'object',
              required: ['ClientToken', 'tags'],
              properties: {
                ClientToken: { type: 'string', pattern: '\\p{ASCII}{1,64}' },
                // A quantified group of property-escape classes: sampled from the pattern itself.
                tags: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$' } },
              },
            }),
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /jobs')).toMatchObject({ outcome: 'valid' });
  });

  it('oneOf/anyOf beside properties: each variant is the object with its alternative, required combinations included', async () => {
    const ok200 = ok;
    const generated = await generate('beside-properties', {
      paths: {
        '/runs': {
          post: {
            operationId: 'createRun',
            requestBody: jsonBody({
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                conclusion: { type: 'string', enum: ['success', 'failure'] },
                status: { type: 'string', default: 'queued', enum: ['queued', 'in_progress', 'completed'] },
              },
              oneOf: [
                { properties: { status: { enum: ['completed'] } }, required: ['status', 'conclusion'] },
                { properties: { status: { enum: ['queued', 'in_progress'] } } },
              ],
            }),
            responses: ok200,
          },
        },
        '/gists/{id}': {
          patch: {
            operationId: 'updateGist',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: jsonBody({
              type: 'object',
              nullable: true,
              anyOf: [{ required: ['description'] }, { required: ['files'] }],
              properties: { description: { type: 'string' }, files: { type: 'object', additionalProperties: { type: 'object', properties: { content: { type: 'string' } } } } },
            }),
            responses: ok200,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /runs')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('PATCH /gists/{id}')).toMatchObject({ outcome: 'valid' });
    const gist = generated.definition.supported_actions.find((action) => action.id === 'update_gist')!;
    expect(() => validateInput({ schema: gist.inputSchema, input: { id: 'g', body: {} } })).toThrow();
    expect(() => validateInput({ schema: gist.inputSchema, input: { id: 'g', body: { files: {} } } })).not.toThrow();
  });

  it('a Content-Length header parameter is left to the HTTP client, which frames the body itself and sends none without content', async () => {
    const generated = await generate('content-length', {
      paths: {
        '/metrics': {
          post: {
            operationId: 'postMetrics',
            parameters: [{ name: 'Content-Length', in: 'header', required: true, schema: { type: 'integer', format: 'int32' } }],
            requestBody: jsonBody({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }),
            responses: ok,
          },
        },
        '/uploads': {
          delete: {
            operationId: 'cancelUpload',
            parameters: [
              { name: 'upload_id', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'Content-Length', in: 'header', required: true, schema: { type: 'number', example: 0 } },
            ],
            responses: ok,
          },
        },
      },
    });
    expect(Object.keys(generated.definition.supported_actions[0]!.inputSchema)).toEqual(['name']);
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /metrics')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('DELETE /uploads')).toMatchObject({ outcome: 'contradiction', reason: expect.stringContaining('a Content-Length header is required on a DELETE request without content') });
  });

  it('a required read-only property binds responses only, where the read-only mark or the property sits in another branch', async () => {
    const generated = await generate('read-only-required', {
      components: {
        schemas: {
          Id: { type: 'string', pattern: '^[0-9a-f]{4}$' },
          // The requirement in one allOf branch, the read-only declaration in its sibling.
          Base: { type: 'object', properties: { id: { type: 'string', readOnly: true }, type: { type: 'string', readOnly: true } } },
          Reference: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['type', 'id'] }] },
          // Read-only through allOf, and required inside each variant of a oneOf.
          Rule: { type: 'object', required: ['id', 'version'], properties: { id: { allOf: [{ $ref: '#/components/schemas/Id' }, { readOnly: true }] }, version: { type: 'string', readOnly: true }, expression: { type: 'string' } } },
          BlockRule: { allOf: [{ $ref: '#/components/schemas/Rule' }, { required: ['action'], properties: { action: { type: 'string', enum: ['block'] } } }] },
          LogRule: { allOf: [{ $ref: '#/components/schemas/Rule' }, { required: ['action'], properties: { action: { type: 'string', enum: ['log'] } } }] },
          // Required beside a oneOf whose variants declare the properties.
          Record: {
            type: 'object',
            required: ['name', 'created_on'],
            oneOf: [
              { title: 'A', type: 'object', properties: { name: { type: 'string' }, created_on: { type: 'string', readOnly: true }, kind: { type: 'string', enum: ['A'] } }, required: ['kind'] },
              { title: 'MX', type: 'object', properties: { name: { type: 'string' }, created_on: { type: 'string', readOnly: true }, kind: { type: 'string', enum: ['MX'] } }, required: ['kind'] },
            ],
          },
        },
      },
      paths: {
        '/teams': { post: { operationId: 'addTeam', requestBody: jsonBody({ type: 'object', required: ['team'], properties: { team: { $ref: '#/components/schemas/Reference' } } }), responses: ok } },
        '/rules': { post: { operationId: 'addRule', requestBody: jsonBody({ oneOf: [{ $ref: '#/components/schemas/BlockRule' }, { $ref: '#/components/schemas/LogRule' }] }), responses: ok } },
        '/records': { post: { operationId: 'addRecord', requestBody: jsonBody({ $ref: '#/components/schemas/Record' }), responses: ok } },
        '/names': { post: { operationId: 'addName', requestBody: jsonBody({ type: 'object', required: ['name'], properties: { name: { type: 'string', readOnly: false } } }), responses: ok } },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('POST /teams')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('POST /rules')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('POST /records')).toMatchObject({ outcome: 'valid' });
    // A property that is not read-only stays required: a request without it is still caught.
    const names = generated.definition.supported_actions.find((action) => action.id === 'add_name')!;
    const report = await checkConformance({ spec: await readVendorSpec(generated.file), definition: generated.definition, samples: [{ actionId: names.id, input: { body: {} } }] });
    expect(report.operations[0]?.outcome).not.toBe('valid');
  });

  it("a discriminator's mapping chooses the variant, so a tag both variants' enums allow is no ambiguity; unmapped, the schema name chooses a variant that does not declare the tag", async () => {
    const kinds = { type: 'string', enum: ['script', 'job'] };
    const generated = await generate('discriminator-mapping', {
      components: {
        schemas: {
          ScriptBody: { type: 'object', properties: { kind: kinds, script: { type: 'string' } } },
          JobBody: { type: 'object', properties: { kind: kinds, job: { type: 'string' } } },
          SidecarRunner: { type: 'object', properties: { name: { type: 'string' } } },
          RunbookRunner: { type: 'object', properties: { name: { type: 'string' }, uri: { type: 'string' } } },
        },
      },
      paths: {
        '/actions': {
          put: {
            operationId: 'updateAction',
            requestBody: jsonBody({
              type: 'object',
              required: ['action'],
              properties: {
                action: {
                  oneOf: [{ $ref: '#/components/schemas/ScriptBody' }, { $ref: '#/components/schemas/JobBody' }],
                  discriminator: { propertyName: 'kind', mapping: { script: '#/components/schemas/ScriptBody', job: '#/components/schemas/JobBody' } },
                },
              },
            }),
            responses: ok,
          },
        },
        '/runners': {
          put: {
            operationId: 'updateRunner',
            requestBody: jsonBody({
              type: 'object',
              required: ['runner'],
              properties: { runner: { oneOf: [{ $ref: '#/components/schemas/SidecarRunner' }, { $ref: '#/components/schemas/RunbookRunner' }], discriminator: { propertyName: 'runner_type' } } },
            }),
            responses: ok,
          },
        },
      },
    });
    const verdicts = await judge(generated);
    expect(verdicts.get('PUT /actions')).toMatchObject({ outcome: 'valid' });
    expect(verdicts.get('PUT /runners')).toMatchObject({ outcome: 'valid' });
    // A tag the mapping gives to the other variant is refused by the variant it does not choose.
    const report = await checkConformance({
      spec: await readVendorSpec(generated.file),
      definition: generated.definition,
      samples: [{ actionId: 'update_action', input: { action: { kind: 'job', script: 'x', job: 1 } } }],
    });
    expect(report.operations[0]).toMatchObject({ outcome: 'invalid' });
  });

  it('a required object in a form body is sampled with an entry: {} sends no pair, which a server cannot tell from a field left out', async () => {
    const generated = await generate('form-empty-object', {
      paths: {
        '/sessions': {
          post: {
            operationId: 'createSession',
            requestBody: {
              required: true,
              content: {
                'application/x-www-form-urlencoded': {
                  schema: { type: 'object', additionalProperties: false, required: ['account', 'components'], properties: { account: { type: 'string' }, components: { type: 'object', properties: { onboarding: { type: 'object', required: ['enabled'], properties: { enabled: { type: 'boolean' } } } } } } },
                  encoding: { components: { style: 'deepObject', explode: true } },
                },
              },
            },
            responses: ok,
          },
        },
      },
    });
    const { samples } = sampleActionInputs(generated.definition);
    expect(samples[0]?.input).toEqual({ account: 'sample value', components: { onboarding: { enabled: true } } });
    expect((await judge(generated)).get('POST /sessions')).toMatchObject({ outcome: 'valid' });
  });

  it('type: array beside an anyOf of untyped object alternatives is an array (the alternatives bind only objects), sent as one', async () => {
    const ip = { properties: { target: { enum: ['ip'] }, value: { type: 'string' } }, title: 'IP' };
    const range = { properties: { target: { enum: ['ip_range'] }, value: { type: 'string' } }, title: 'Range' };
    const generated = await generate('array-beside-anyof', {
      paths: {
        '/lockdowns': {
          post: {
            operationId: 'createLockdown',
            requestBody: jsonBody({ type: 'object', required: ['configurations'], properties: { configurations: { type: 'array', anyOf: [ip, range], items: { anyOf: [ip, range] } } } }),
            responses: ok,
          },
        },
      },
    });
    const field = generated.definition.supported_actions[0]!.inputSchema.configurations!;
    expect(field.type).toBe('array');
    expect(field.variants).toBeUndefined();
    expect(field.itemSchema?.variants).toHaveLength(2);
    expect(() => validateInput({ schema: generated.definition.supported_actions[0]!.inputSchema, input: { configurations: {} } })).toThrow();
    expect((await judge(generated)).get('POST /lockdowns')).toMatchObject({ outcome: 'valid' });
  });

  it('an object property of a multipart body travels as a JSON part and is judged as the object it encodes', async () => {
    const generated = await generate('multipart-json-part', {
      paths: {
        '/campaigns': {
          post: {
            operationId: 'createCampaign',
            requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['quantity', 'image'], properties: { quantity: { type: 'integer' }, image: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } } } } } } },
            responses: ok,
          },
        },
      },
    });
    expect((await judge(generated)).get('POST /campaigns')).toMatchObject({ outcome: 'valid' });
    // The part is still checked against the property's schema (a definition that lost the property's requirement is caught).
    const broken = structuredClone(generated.definition);
    broken.supported_actions[0]!.inputSchema.image = { type: 'object', label: 'Image', required: true };
    const report = await checkConformance({ spec: await readVendorSpec(generated.file), definition: broken, samples: [{ actionId: 'create_campaign', input: { quantity: 2, image: { other: 'x' } } }] });
    expect(report.operations[0]).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining("/requestBody/image must have required property 'kind'") });
  });

  it('an allOf holding both a oneOf of shapes and an anyOf of required combinations: each shape offers the combinations, and an input with none is refused', async () => {
    const generated = await generate('oneof-and-anyof', {
      paths: {
        '/app_configs': {
          post: {
            operationId: 'addAppConfig',
            requestBody: jsonBody({
              type: 'object',
              allOf: [
                { oneOf: [{ title: 'Account App', properties: { account_app_id: { type: 'string' } }, required: ['account_app_id'] }, { title: 'Managed App', properties: { managed_app_id: { type: 'string' } }, required: ['managed_app_id'] }] },
                { anyOf: [{ title: 'Breakout', required: ['breakout'] }, { title: 'Prioritize', required: ['priority'] }] },
                { properties: { breakout: { type: 'boolean' }, priority: { type: 'integer', minimum: 0, maximum: 1 } } },
              ],
            }),
            responses: ok,
          },
        },
      },
    });
    const { inputSchema } = generated.definition.supported_actions[0]!;
    expect(inputSchema.body?.variants?.map((variant) => variant.field.variants?.map((inner) => inner.label))).toEqual([['Breakout', 'Prioritize'], ['Breakout', 'Prioritize']]);
    expect(() => validateInput({ schema: inputSchema, input: { body: { account_app_id: 'a' } } })).toThrow();
    expect(() => validateInput({ schema: inputSchema, input: { body: { account_app_id: 'a', priority: 1 } } })).not.toThrow();
    expect((await judge(generated)).get('POST /app_configs')).toMatchObject({ outcome: 'valid' });
  });
});
