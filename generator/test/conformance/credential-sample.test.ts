import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, readVendorSpec, sampleActionInputs } from '../../src/conformance/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

/**
 * A spec with no security scheme that declares its key as a header parameter with a pattern: the
 * generator folds it into an apiKey credential, and the judge checks the credential the connector
 * sends against the parameter's own schema, as the vendor's server would.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specwire-credential-sample-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the conformance check plays a user with a real-looking credential', () => {
  it('a folded apiKey header parameter with a pattern of letters and digits is judged valid', async () => {
    const file = join(dir, 'keyed.json');
    await writeFile(
      file,
      JSON.stringify({
        openapi: '3.0.0',
        info: { title: 'keyed', version: '1' },
        servers: [{ url: 'https://api.example.com' }],
        paths: {
          '/events': {
            get: {
              operationId: 'listEvents',
              parameters: [{ name: 'apiKey', in: 'header', required: true, schema: { type: 'string', pattern: '^[a-zA-Z0-9]{19,50}$' } }],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    const generated = await generateConnector({ specFile: file, specLabel: 'keyed.json', defaultName: 'keyed', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    expect(definition.auth_fields.map((field) => field.key)).toContain('apiKey');
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples, unsampled });
    expect(report.operations).toEqual([expect.objectContaining({ operation: 'GET /events', outcome: 'valid' })]);
  });

  it('schemes listed as alternatives whose parameters the operation requires are all sent (key and token), and judged valid', async () => {
    const file = join(dir, 'key-and-token.json');
    const keyAndToken = [
      { name: 'key', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'token', in: 'query', required: true, schema: { type: 'string' } },
    ];
    await writeFile(
      file,
      JSON.stringify({
        openapi: '3.0.0',
        info: { title: 'boards', version: '1' },
        servers: [{ url: 'https://api.example.com/1' }],
        components: { securitySchemes: { api_key: { type: 'apiKey', in: 'query', name: 'key' }, api_token: { type: 'apiKey', in: 'query', name: 'token' } } },
        paths: {
          '/boards/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            put: { operationId: 'updateBoard', parameters: keyAndToken, security: [{ api_key: [] }, { api_token: [] }], responses: { '200': { description: 'ok' } } },
            get: { operationId: 'getBoard', security: [{ api_key: [] }, { api_token: [] }], responses: { '200': { description: 'ok' } } },
          },
        },
      }),
    );
    const generated = await generateConnector({ specFile: file, specLabel: 'key-and-token.json', defaultName: 'boards', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    const definition = generated.plan.definition;
    const security = Object.fromEntries(definition.supported_actions.map((action) => [action.id, action.api.security]));
    expect(security).toEqual({ update_board: [['api_key', 'api_token']], get_board: [['api_key'], ['api_token']] });
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec: await readVendorSpec(file), definition, samples, unsampled });
    expect(Object.fromEntries(report.operations.map((operation) => [operation.operation, operation.outcome]))).toEqual({
      'PUT /boards/{id}': 'valid',
      'GET /boards/{id}': 'valid',
    });
  });
});
